//! One edit and its undo, as the app applies them: an initiative's date typed in the form
//! (`EditCommand::SetDate`), then Undo, on generated datasets of 1k, 10k and 100k initiatives
//! (`ATLAS_BENCH_SIZES=1000000` for a million). Each edit today rebuilds the index, the filters'
//! selection and the lanes, and runs the live checks over the whole dataset; issue 15 asks for 50 ms
//! at a million, which needs those updated for the one item instead.

mod common;

use std::hint::black_box;

use alliance_atlas::model::Day;
use alliance_atlas::model::generate::generate;
use alliance_atlas::state::command::{DateField, EditCommand};
use alliance_atlas::state::{Command, Settings, State};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit");
    group.sample_size(10);
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let mut state = State::with_dataset(ds, Settings::default(), Day(20_000));
        let i = n / 2;
        let mut k = 0u32;
        group.bench_with_input(BenchmarkId::new("date typed, then undo", n), &n, |b, _| {
            b.iter(|| {
                k = k.wrapping_add(1);
                let date = format!("{}-0{}", 2020 + k % 5, 1 + k % 9);
                state.apply(Command::Edit(EditCommand::SetDate(i, DateField::Start, date)));
                state.apply(Command::Edit(EditCommand::Undo));
                black_box(state.index().spans.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
