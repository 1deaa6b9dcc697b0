//! The map's frame cost: one headless egui frame (UI build + tessellation) of the map pane, on the real
//! dataset and on 10,000 generated places. Run with `cargo bench --bench map`.

use std::hint::black_box;

use alliance_atlas::model::view::MapView;
use alliance_atlas::model::{
    Cite, DEFAULT_DATASET, Dataset, Day, FuzzyDate, Initiative, LineOfEffort, Location, LocationKind, PlacePrecision,
    Source, Status, load_str,
};
use alliance_atlas::state::{Command, Settings, State};
use alliance_atlas::views::map::map_ui;
use criterion::{Criterion, criterion_group, criterion_main};

/// A dataset of `n` places scattered around real bases, one initiative each (deterministic).
fn generated(n: usize) -> Dataset {
    let bases = [(26.46, 127.92), (35.75, 139.35), (31.37, 130.84), (38.87, -77.06), (24.40, 124.18), (13.44, 144.79)];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 10_000) as f64 / 10_000.0
    };
    let lines = [LineOfEffort::ForcePosture, LineOfEffort::Isr, LineOfEffort::Exercises, LineOfEffort::Strike];
    let mut ds = Dataset::default();
    "Generated".clone_into(&mut ds.meta.title);
    ds.sources.push(Source {
        id: "gen".into(),
        title: "Generated".into(),
        publisher: "bench".into(),
        date: None,
        url: None,
    });
    for i in 0..n {
        let (lat, lon) = bases[i % bases.len()];
        let id = format!("p{i}");
        ds.locations.push(Location {
            id: id.clone(),
            name: format!("Place {i}"),
            name_ja: None,
            lat: lat + (next() - 0.5) * 3.0,
            lon: lon + (next() - 0.5) * 3.0,
            kind: LocationKind::Base,
            precision: PlacePrecision::ExactSite,
            country: "JP".into(),
            coord_source: None,
        });
        let day = FuzzyDate::ymd(2020 + (i % 6) as i64, 1 + (i % 12) as u32, 1).unwrap_or_default();
        ds.initiatives.push(Initiative {
            id: format!("i{i}"),
            title: format!("Initiative {i}"),
            summary: "Generated.".into(),
            body: String::new(),
            lines_of_effort: vec![lines[i % lines.len()]],
            actors: vec!["US".into()],
            status: Status::Completed,
            announced: Some(day),
            start: None,
            target: None,
            completed: Some(day),
            end: None,
            places: vec![id],
            related: Vec::new(),
            tags: Vec::new(),
            sources: vec![Cite { source: "gen".into(), note: None }],
        });
    }
    ds
}

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
    let cases = [("real dataset (29 places)", real), ("10k generated places", generated(10_000))];
    for (name, ds) in cases {
        for (view_name, view) in [
            ("world", MapView { lat: 20.0, lon: 150.0, zoom: 1.5 }),
            ("Japan", MapView { lat: 30.0, lon: 132.0, zoom: 4.5 }),
            ("Okinawa", MapView { lat: 26.4, lon: 127.8, zoom: 9.0 }),
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

criterion_group!(benches, bench);
criterion_main!(benches);
