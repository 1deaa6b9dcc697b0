//! The map's frame cost: one headless egui frame (UI build + tessellation) of the map pane, on the real
//! dataset and on 10,000 generated places. Run with `cargo bench --bench map`.

use std::hint::black_box;

use alliance_atlas::formats::load_str;
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::view::MapView;
use alliance_atlas::model::{DEFAULT_DATASET, Day};
use alliance_atlas::state::{Command, Settings, State};
use alliance_atlas::views::map::map_ui;
use criterion::{Criterion, criterion_group, criterion_main};

fn frame(ctx: &egui::Context, state: &State) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 800.0))),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            black_box(map_ui(ui, state));
        });
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let real = load_str(DEFAULT_DATASET).dataset.unwrap_or_default();
    let cases = [("real dataset (29 places)", real), ("10k generated places", generate(10_000, 10_000, 1))];
    for (name, ds) in cases {
        for (view_name, view) in [
            ("world", MapView { lat: 20.0, lon: 150.0, zoom: 1.5 }),
            ("Japan", MapView { lat: 30.0, lon: 132.0, zoom: 4.5 }),
            ("Okinawa", MapView { lat: 26.4, lon: 127.8, zoom: 9.0 }),
            ("Okinawa z10", MapView { lat: 26.4, lon: 127.8, zoom: 10.0 }),
        ] {
            let mut state = State::with_dataset(ds.clone(), Settings::default(), Day(20_000));
            state.apply(Command::SetMapView(view));
            let ctx = egui::Context::default();
            frame(&ctx, &state);
            c.bench_function(&format!("map frame: {name}, {view_name}"), |b| {
                b.iter(|| frame(&ctx, &state));
            });
        }
    }
}

/// Panning at Okinawa, zoom 10: every frame has a new camera, so the basemap's mesh (with the detail
/// layer there) is built again, as while the user drags.
fn bench_pan(c: &mut Criterion) {
    let real = load_str(DEFAULT_DATASET).dataset.unwrap_or_default();
    let mut state = State::with_dataset(real, Settings::default(), Day(20_000));
    let ctx = egui::Context::default();
    let mut step = 0u32;
    c.bench_function("map frame: real dataset (29 places), Okinawa z10 panning", |b| {
        b.iter(|| {
            step = (step + 1) % 200;
            let lon = 127.6 + f64::from(step) * 0.002;
            state.apply(Command::SetMapView(MapView { lat: 26.4, lon, zoom: 10.0 }));
            frame(&ctx, &state)
        });
    });
}

criterion_group!(benches, bench, bench_pan);
criterion_main!(benches);
