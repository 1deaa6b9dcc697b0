//! What the benchmarks share: the dataset sizes to run, from `ATLAS_BENCH_SIZES` (`1000,100000`) or
//! the bench's own defaults.

/// The sizes to run: `ATLAS_BENCH_SIZES` when set, else `defaults`.
pub fn sizes(defaults: &[usize]) -> Vec<usize> {
    std::env::var("ATLAS_BENCH_SIZES")
        .ok()
        .map_or_else(|| defaults.to_vec(), |v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
}
