//! Reading a file in chunks (so a large file is never in memory whole) gives exactly what reading it
//! whole gives: the same dataset and the same problems at the same lines and columns, wherever the
//! chunks cut the text (inside items, strings, multi-byte characters and comments).

#[path = "common/fixtures.rs"]
mod fixtures;

use alliance_atlas::formats::ron::stream::load_path_chunked;
use alliance_atlas::formats::{Loaded, load_bytes};
use alliance_atlas::model::generate::generate;

fn whole(path: &std::path::Path) -> Loaded {
    load_bytes(&std::fs::read(path).unwrap_or_default())
}

#[test]
fn every_chunk_size_reads_every_fixture_the_same() {
    let files = fixtures::every_dataset_file();
    let mut compared = 0;
    for path in &files {
        let expected = whole(path);
        for chunk in [1, 2, 3, 64, 1 << 20] {
            assert_eq!(load_path_chunked(path, None, chunk), expected, "{} in chunks of {chunk}", path.display());
            compared += 1;
        }
    }
    assert!(compared >= 5 * 25, "the fixtures were read ({compared})");
}

#[test]
fn a_generated_file_with_late_problems_reads_the_same_in_chunks() {
    let dataset = generate(300, 20, 3);
    let config = ron::ser::PrettyConfig::default().indentor("  ".to_owned());
    let mut text = ron::ser::to_string_pretty(&dataset, config).expect("serialise");
    // Problems near the end, where only a file read in chunks has dropped the text before them: an
    // unknown place (an element of a list field), a bad date (a field) and kana to cut in the middle.
    let last = text.rfind("places: [").expect("a places field");
    text.insert_str(last + "places: [".len(), "\"nowhere\", ");
    let from = text.len() * 3 / 4;
    let date = text[from..].find("completed: Some(\"").expect("a completed date") + from + "completed: Some(\"".len();
    text.replace_range(date..date + 4, "20x5");
    let title = text.rfind("title: \"").expect("a title") + "title: \"".len();
    text.insert_str(title, "嘉手納 ");
    let path = std::env::temp_dir().join(format!("atlas-chunks-{}.ron", std::process::id()));
    std::fs::write(&path, &text).expect("write");
    let expected = whole(&path);
    assert!(expected.problems.len() >= 2, "{:?}", expected.problems);
    assert!(expected.problems.iter().all(|p| p.line > 1000), "{:?}", expected.problems);
    for chunk in [7, 100, 4096, 1 << 20] {
        assert_eq!(load_path_chunked(&path, None, chunk), expected, "chunks of {chunk}");
    }
    std::fs::remove_file(&path).ok();
}
