//! Search latency: folding the query and scanning every initiative's folded text, plus the facet
//! counts the filter menu shows, on 1k, 10k, 100k and 1M generated initiatives.
//! Run with `cargo bench --bench search`.

use std::hint::black_box;

use alliance_atlas::model::filter::Filter;
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::index::Index;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    for n in [1_000, 10_000, 100_000, 1_000_000] {
        let ds = generate(n, (n / 10).max(10), 42);
        let index = Index::build(&ds);
        let filter = Filter { search: "Radar".to_owned(), ..Filter::default() };
        group.bench_with_input(BenchmarkId::new("apply", n), &n, |b, _| {
            b.iter(|| black_box(filter.apply(&ds, &index)));
        });
        group.bench_with_input(BenchmarkId::new("facet counts", n), &n, |b, _| {
            b.iter(|| black_box(filter.counts(&ds, &index)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
