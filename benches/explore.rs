//! One full frame of the explore view (top bar, filters, location list, details, map and timeline) at
//! 1920×1080: egui UI build, AccessKit update and tessellation, on 1k, 10k, 100k and 1M generated
//! initiatives. Cases: everything fitted; panning (time and map move every frame); a search filter; a
//! selected place with many initiatives. Also the load pipeline's parts: index build on its own.
//! Run with `cargo bench --bench explore` (`ATLAS_BENCH_SIZES=1000,10000` runs only those sizes).

mod common;
#[path = "common/frames.rs"]
mod frames;

use alliance_atlas::state::FocusCommand;
use std::hint::black_box;

use alliance_atlas::model::filter::Filter;
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::index::Index;
use alliance_atlas::model::view::{MapView, TimeView};
use alliance_atlas::state::{Command, Selection};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use frames::frame;

fn busiest_place(index: &Index) -> usize {
    (0..index.initiatives_at.len()).max_by_key(|&l| index.initiatives_at[l].len()).unwrap_or(0)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore frame 1920x1080");
    group.sample_size(20);
    for n in common::sizes(&[1_000, 10_000, 100_000, 1_000_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let mut index_group_ds = Some(ds.clone());
        let mut harness = frames::app_on(ds, |_| {});
        group.bench_with_input(BenchmarkId::new("fit all", n), &n, |b, _| b.iter(|| black_box(frame(&mut harness))));

        let start = harness.state().state().time_view();
        let map = harness.state().state().map_view();
        let mut k = 0u32;
        group.bench_with_input(BenchmarkId::new("panning", n), &n, |b, _| {
            b.iter(|| {
                k = k.wrapping_add(1);
                let shift = f64::from(k % 50) * start.span() * 0.004;
                let view = TimeView { start: start.start + shift, end: start.end + shift };
                harness.state_mut().apply(Command::SetTimeView(view));
                let lon = map.lon + f64::from(k % 50) * 0.2;
                harness.state_mut().apply(Command::SetMapView(MapView { lon, ..map }));
                black_box(frame(&mut harness))
            });
        });
        harness.state_mut().apply(Command::SetTimeView(start));
        harness.state_mut().apply(Command::SetMapView(map));

        let filter = Filter { search: "radar".to_owned(), ..Filter::default() };
        harness.state_mut().apply(Command::Focus(FocusCommand::SetFilter(Box::new(filter))));
        harness.run_ok();
        group.bench_with_input(BenchmarkId::new("search \"radar\"", n), &n, |b, _| {
            b.iter(|| black_box(frame(&mut harness)));
        });
        harness.state_mut().apply(Command::Focus(FocusCommand::ClearFilters));

        let place = busiest_place(harness.state().state().index());
        harness.state_mut().apply(Command::Select(Selection::Location(place), alliance_atlas::state::Origin::Other));
        harness.run_ok();
        group.bench_with_input(BenchmarkId::new("busiest place selected", n), &n, |b, _| {
            b.iter(|| black_box(frame(&mut harness)));
        });
        drop(harness);

        if let Some(ds) = index_group_ds.take() {
            group.bench_with_input(BenchmarkId::new("index build", n), &n, |b, _| {
                b.iter(|| black_box(Index::build(&ds)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
