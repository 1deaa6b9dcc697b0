//! A scratch folder holding a copy of the minimal dataset, for tests that write files next to it.

use std::path::PathBuf;

/// `(folder, folder/mini.ron)`: a fresh folder named after `tag` with a copy of `tests/fixtures/minimal.ron`.
#[expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]
pub fn minimal_copy(tag: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("atlas-{tag}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    let data = dir.join("mini.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron"), &data).expect("copy");
    (dir, data)
}
