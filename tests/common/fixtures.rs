//! The dataset files the loader tests read in every way: each bad fixture, the embedded dataset and the
//! minimal one.

use std::path::PathBuf;

/// Paths of `tests/fixtures/bad/*`, `data/us-japan-2023.ron` and `tests/fixtures/minimal.ron`.
pub fn every_dataset_file() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    files.sort();
    files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/data/us-japan-2023.ron").into());
    files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron").into());
    files
}
