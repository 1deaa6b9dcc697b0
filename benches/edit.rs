//! One edit and its undo, as the app applies them: an initiative's date typed in the form
//! (`EditCommand::SetDate`), then Undo, on generated datasets of 1k, 10k and 100k initiatives
//! (`ATLAS_BENCH_SIZES=1000,100000,1000000` for a million too). An edit updates the index, the filters'
//! selection, the lanes and the live checks for the one initiative (`state::edit_follow`), so its cost
//! does not grow with the dataset's size beyond the sorted inserts.
//!
//! Cases: "date typed, then undo" is the state alone; "… with a frame each" also draws the explore view
//! (1920×1080, the edit form open on that initiative, UI build plus tessellation) after the edit and
//! after the undo — what the user waits for between a keystroke and the mark in its new place.
//!
//! Memory: before the timings, each size applies 1,000 edits (a date typed into 1,000 different
//! initiatives, each its own change for undo) and prints the heap they keep (`stats_alloc`: bytes
//! allocated minus bytes freed): the undo stack's item pairs, the file's versions kept for the save,
//! and what the index and lanes grow by.

#![expect(clippy::print_stdout, reason = "a benchmark that reports figures")]

mod common;
#[path = "common/frames.rs"]
mod frames;

use std::hint::black_box;

use alliance_atlas::model::generate::generate;
use alliance_atlas::model::{Dataset, Day};
use alliance_atlas::state::command::{DateField, EditCommand};
use alliance_atlas::state::{Command, Origin, Selection, Settings, State};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn date(k: u32) -> String {
    format!("{}-0{}", 2020 + k % 5, 1 + k % 9)
}

#[global_allocator]
static HEAP: &stats_alloc::StatsAlloc<std::alloc::System> = &stats_alloc::INSTRUMENTED_SYSTEM;

/// Heap kept by 1,000 edits of different initiatives (printed, not timed).
fn memory_of_1000_edits(ds: &Dataset) {
    let n = ds.initiatives.len();
    let mut state = State::with_dataset(ds.clone(), Settings::default(), Day(20_000));
    let region = stats_alloc::Region::new(HEAP);
    for k in 0..1_000 {
        let i = (k * 7919) % n;
        state.apply(Command::Edit(EditCommand::SetDate(i, DateField::Start, date(k as u32))));
    }
    let change = region.change();
    // Reallocations are counted in both (growth as allocated, shrinking as freed).
    let kept = change.bytes_allocated as f64 - change.bytes_deallocated as f64;
    let undo = state.data_edit().undo_label().is_some();
    println!(
        "edit/memory: 1,000 edits at {n} initiatives keep {:.2} MB ({:.0} bytes an edit; undo available: {undo})",
        kept / 1e6,
        kept / 1e3
    );
    black_box(&state);
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit");
    group.sample_size(10);
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let i = n / 2;
        memory_of_1000_edits(&ds);
        let mut state = State::with_dataset(ds.clone(), Settings::default(), Day(20_000));
        let mut k = 0u32;
        group.bench_with_input(BenchmarkId::new("date typed, then undo", n), &n, |b, _| {
            b.iter(|| {
                k = k.wrapping_add(1);
                state.apply(Command::Edit(EditCommand::SetDate(i, DateField::Start, date(k))));
                state.apply(Command::Edit(EditCommand::Undo));
                black_box(state.index().spans.len())
            });
        });
        drop(state);
        let mut harness = frames::app_on(ds, move |app| {
            app.apply(Command::Select(Selection::Initiative(i), Origin::List));
            app.apply(Command::Edit(EditCommand::ToggleEditor));
        });
        group.bench_with_input(BenchmarkId::new("date typed, then undo, with a frame each", n), &n, |b, _| {
            b.iter(|| {
                k = k.wrapping_add(1);
                harness.state_mut().apply(Command::Edit(EditCommand::SetDate(i, DateField::Start, date(k))));
                let drawn = frames::frame(&mut harness);
                harness.state_mut().apply(Command::Edit(EditCommand::Undo));
                black_box(drawn + frames::frame(&mut harness))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
