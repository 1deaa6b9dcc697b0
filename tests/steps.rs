//! Reading in steps (what the browser does between frames) gives exactly what reading in one go gives:
//! the same dataset and the same problems at the same lines, for good and bad files, whatever the step.

#[path = "common/fixtures.rs"]
mod fixtures;

use alliance_atlas::formats::ron::decode::Cx;
use alliance_atlas::formats::ron::load::finish;
use alliance_atlas::formats::ron::steps::Steps;
use alliance_atlas::formats::{Loaded, load_str};

fn in_steps(text: &str, items: usize) -> (Loaded, usize) {
    let mut steps = Steps::new(Cx::default());
    let mut calls = 1;
    while !steps.step(text, items) {
        calls += 1;
        assert!(calls < 100_000, "no progress");
    }
    (finish(text, steps), calls)
}

#[test]
fn every_step_size_reads_every_file_the_same() {
    let files = fixtures::every_dataset_file();
    let mut compared = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let whole = load_str(&text);
        for items in [1, 2, 7, 1000] {
            let (stepped, _) = in_steps(&text, items);
            assert_eq!(stepped, whole, "{} in steps of {items}", path.display());
            compared += 1;
        }
    }
    assert!(compared >= 4 * 20, "the fixtures were read ({compared})");
}

#[test]
fn a_step_reads_no_more_items_than_asked() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/us-japan-2023.ron")).unwrap_or_default();
    let whole = load_str(&text);
    let ds =
        whole.dataset.as_ref().map_or(0, |d| d.sources.len() + d.locations.len() + d.initiatives.len() + d.eras.len());
    assert!(ds > 100);
    let (_, calls) = in_steps(&text, 10);
    // One call per ten list items (and closing brackets), never the whole file at once.
    assert!(calls >= ds / 10, "{calls} calls for {ds} items");
}
