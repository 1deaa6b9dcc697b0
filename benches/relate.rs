#![expect(clippy::print_stdout, reason = "the bench says how many relations it runs on")]

//! Comparing two days and the links between initiatives, at 100,000 generated initiatives: the
//! comparison computed on its own (the model), the filter change that starts one in the app (refilter:
//! visibility, comparison, places, lanes), and one frame of the explore view while comparing.
//! Links: a frame with nothing selected, and selecting one of the most linked initiatives and drawing
//! its links (arrows, arcs, the detail panel's sections and graph).
//! Run with `cargo bench --bench relate` (`ATLAS_BENCH_SIZES=10000` runs only that size).

mod common;
#[path = "common/frames.rs"]
mod frames;

use std::hint::black_box;

use alliance_atlas::model::compare::Comparison;
use alliance_atlas::model::filter::Filter;
use alliance_atlas::model::generate::generate;
use alliance_atlas::state::{Command, FocusCommand, Origin, Selection};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use frames::frame;

/// 1 Jan 2020 and 1 Jan 2024, as day numbers.
const FROM: i64 = 18_262;
const TO: i64 = 19_723;

fn compare(filter: Filter) -> Command {
    Command::Focus(FocusCommand::SetFilter(Box::new(filter)))
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare two days");
    group.sample_size(20);
    for n in common::sizes(&[100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let visible = vec![true; n];
        group.bench_with_input(BenchmarkId::new("comparison (model)", n), &n, |b, _| {
            b.iter(|| black_box(Comparison::new(&ds, &visible, FROM, TO)));
        });
        let mut harness = frames::app_on(ds, |_| {});
        let base = Filter { as_of: Some(TO), ..Filter::default() };
        let mut k = 0i64;
        group.bench_with_input(BenchmarkId::new("set the from day (refilter)", n), &n, |b, _| {
            b.iter(|| {
                // A different "from" day each time, so nothing is cached.
                k = (k + 1) % 400;
                harness.state_mut().apply(compare(Filter { since: Some(FROM + k), ..base.clone() }));
                black_box(harness.state().state().focus().comparison().map(|c| c.counts))
            });
        });
        harness.state_mut().apply(compare(Filter { since: Some(FROM), ..base.clone() }));
        harness.run_ok();
        group.bench_with_input(BenchmarkId::new("explore frame while comparing", n), &n, |b, _| {
            b.iter(|| black_box(frame(&mut harness)));
        });
    }
    group.finish();
}

/// The two initiatives with the most links (both ways), and two with none.
fn most_and_least_linked(index: &alliance_atlas::model::index::Index, n: usize) -> ([usize; 2], [usize; 2]) {
    let degree = |i: usize| index.relations_from(i).count() + index.relations_to(i).count();
    let mut best: Vec<usize> = (0..n).collect();
    best.sort_by_key(|&i| std::cmp::Reverse(degree(i)));
    let pick = |k: usize| best.get(k).copied().unwrap_or(0);
    ([pick(0), pick(1)], [pick(n.saturating_sub(1)), pick(n.saturating_sub(2))])
}

fn links(c: &mut Criterion) {
    let mut group = c.benchmark_group("links");
    group.sample_size(20);
    for n in common::sizes(&[100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let relations: usize = ds.initiatives.iter().map(|x| x.relations.len()).sum();
        let mut harness = frames::app_on(ds, |_| {});
        let (pair, unlinked) = most_and_least_linked(harness.state().state().index(), n);
        let degree = |i: usize| {
            let index = harness.state().state().index();
            index.relations_from(i).count() + index.relations_to(i).count()
        };
        println!(
            "{n} initiatives, {relations} relations; the most linked have {} and {} links, the least {} and {}",
            degree(pair[0]),
            degree(pair[1]),
            degree(unlinked[0]),
            degree(unlinked[1])
        );
        group.bench_with_input(BenchmarkId::new("frame, nothing selected", n), &n, |b, _| {
            b.iter(|| black_box(frame(&mut harness)));
        });
        let mut k = 0usize;
        // The same selection of an initiative with no links: what selecting costs without them (the
        // detail panel, the highlight, the list), so the links' own cost is the difference.
        group.bench_with_input(BenchmarkId::new("select an unlinked initiative", n), &n, |b, _| {
            b.iter(|| {
                k += 1;
                let select = Command::Select(Selection::Initiative(unlinked[k % 2]), Origin::Other);
                harness.state_mut().apply(select);
                black_box(frame(&mut harness))
            });
        });
        group.bench_with_input(BenchmarkId::new("select a linked initiative and draw its links", n), &n, |b, _| {
            b.iter(|| {
                k += 1;
                let select = Command::Select(Selection::Initiative(pair[k % 2]), Origin::Other);
                harness.state_mut().apply(select);
                black_box(frame(&mut harness))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench, links);
criterion_main!(benches);
