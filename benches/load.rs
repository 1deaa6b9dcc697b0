//! Loading as the app does it: RON text → parse → validate → index, on 1k, 10k, 100k and 1M generated
//! initiatives (the text is made once, in memory, by the same serialiser `alliance-atlas generate` uses).
//! Run with `cargo bench --bench load`; `ATLAS_BENCH_SIZES=1000000` runs one size. Peak memory: run it
//! under `/usr/bin/time -v` (see docs/PERFORMANCE.md). Also the browser worker's hand-over of a load
//! (`formats::handover`): writing it (in the worker) and reading it back (in the page), against reading
//! the RON again.

mod common;

use std::hint::black_box;

use alliance_atlas::formats::{handover, load_str};
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::index::Index;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let config = ron::ser::PrettyConfig::default().indentor("  ".to_owned());
        let Ok(text) = ron::ser::to_string_pretty(&ds, config) else { continue };
        drop(ds);
        group.bench_with_input(BenchmarkId::new("parse + validate + index", n), &n, |b, _| {
            b.iter(|| {
                let loaded = load_str(&text);
                let index = loaded.dataset.as_ref().map(Index::build);
                black_box((loaded.problems.len(), index.map(|i| i.spans.len())))
            });
        });
        let loaded = load_str(&text);
        let Ok(bytes) = handover::to_bytes(&loaded) else { continue };
        group.bench_with_input(BenchmarkId::new("hand-over: write", n), &n, |b, _| {
            b.iter(|| black_box(handover::to_bytes(&loaded).map(|b| b.len())));
        });
        group.bench_with_input(BenchmarkId::new("hand-over: read", n), &n, |b, _| {
            b.iter(|| black_box(handover::from_bytes(&bytes).map(|l| l.problems.len())));
        });
        eprintln!("{n}: RON {} bytes, hand-over {} bytes", text.len(), bytes.len());
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
