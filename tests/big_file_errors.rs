//! A real syntax error in a large file read in chunks is reported at once, where it is, and the reader
//! stops there: it does not take the error for an item cut off by the chunk's end and read on to the
//! end of the file. An item that is really cut off by a chunk's end is still read again with more text.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use alliance_atlas::formats::ron::stream::load_path_chunked;
use alliance_atlas::formats::{Loaded, ProblemKind, Progress, load_str};
use alliance_atlas::model::generate::generate;

/// A generated dataset file's text, as `alliance-atlas generate` writes it.
fn dataset_text(initiatives: usize, places: usize, seed: u64) -> String {
    let dataset = generate(initiatives, places, seed);
    let config = ron::ser::PrettyConfig::default().indentor("  ".to_owned());
    let text = ron::ser::to_string_pretty(&dataset, config).expect("serialise");
    format!("#![enable(implicit_some)]\n{text}\n")
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("atlas-big-{name}-{}.ron", std::process::id()))
}

/// Byte offset of the start of line `line` (1-based).
fn line_start(text: &str, line: usize) -> usize {
    text.match_indices('\n').nth(line - 2).map_or(0, |(i, _)| i + 1)
}

/// The text with `,,` put after the first line ending in `,` at or after line `from`; returns the text
/// and the (line, column) of the second comma, where the error is.
fn break_after(text: &str, from: usize) -> (String, (usize, usize)) {
    let mut at = line_start(text, from);
    let mut line = from;
    loop {
        let end = text[at..].find('\n').expect("a line") + at;
        if text[at..end].ends_with(',') {
            let mut broken = text.to_owned();
            broken.insert_str(end, ",,");
            let column = text[at..end].chars().count() + 1;
            return (broken, (line, column));
        }
        at = end + 1;
        line += 1;
    }
}

fn syntax_errors(loaded: &Loaded) -> Vec<(usize, usize)> {
    loaded.problems.iter().filter(|p| p.kind == ProblemKind::Syntax).map(|p| (p.line, p.column)).collect()
}

#[test]
fn an_error_at_line_10_of_a_large_file_stops_the_reader_there() {
    let text = dataset_text(6000, 200, 1);
    assert!(text.len() > 3 << 20, "a file of a few MB ({} bytes)", text.len());
    let (broken, at) = break_after(&text, 10);
    assert!(at.0 < 20, "the error is near the top ({at:?})");
    let whole = load_str(&broken);
    assert_eq!(syntax_errors(&whole), vec![at], "{:#?}", whole.problems);
    assert!(whole.dataset.is_none());

    // A bad byte a quarter of a MiB in: a reader that went on past the error would report it instead.
    let mut bytes = broken.clone().into_bytes();
    bytes[256 << 10] = 0xFF;
    let path = temp_path("line10");
    std::fs::write(&path, &bytes).expect("write");
    for chunk in [4096, 64 << 10] {
        let progress = Arc::new(Progress::default());
        let loaded = load_path_chunked(&path, Some(progress.clone()), chunk);
        assert_eq!(loaded.problems, whole.problems, "chunks of {chunk}");
        let done = progress.done.load(Ordering::Relaxed);
        assert!(done < 64 << 10, "chunks of {chunk}: the reader stopped early ({done} bytes read)");
    }
    std::fs::remove_file(&path).ok();
}

#[test]
fn a_file_cut_off_inside_an_item_near_its_end_reads_as_whole() {
    let text = dataset_text(400, 20, 2);
    for cut in [text.len() - 40, text.len() - 300, text.len() - 1000] {
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let short = &text[..cut];
        let whole = load_str(short);
        assert!(whole.dataset.is_none() && whole.error_count() > 0, "cut at {cut}");
        let path = temp_path(&format!("cut{cut}"));
        std::fs::write(&path, short).expect("write");
        for chunk in [1, 7, 4096] {
            assert_eq!(load_path_chunked(&path, None, chunk), whole, "cut at {cut}, chunks of {chunk}");
        }
        std::fs::remove_file(&path).ok();
    }
}

/// Real errors of several kinds in the middle of a file.
fn middle_errors(text: &str) -> Vec<(&'static str, String)> {
    let mid = line_start(text, text.matches('\n').count() / 2);
    let next = |pat: &str| text[mid..].find(pat).expect("a pattern after the middle") + mid;
    let mut cases = vec![("extra commas", break_after(text, text.matches('\n').count() / 2).0)];
    let title = next("title: \"") + "title: \"".len();
    let mut with = |what: &'static str, at: usize, insert: &str| {
        let mut t = text.to_owned();
        t.insert_str(at, insert);
        cases.push((what, t));
    };
    with("unknown escape", title, "a\\qb");
    with("bad unicode escape", title, "\\u{zz}");
    with("a stray word", title - "title: \"".len(), "oops ");
    with("a missing colon", next("summary:"), "x ");
    with("a bad number", text.find("lat: ").expect("a place") + "lat: ".len(), "1.2.3e");
    with("an unclosed block comment", next("summary:"), "/* open /* nested */ ");
    with("a stray plus", title, "\" + \"");
    with("an unknown field", title, "x\", oops: \"");
    let last = text.rfind('"').expect("a string");
    let mut t = text.to_owned();
    t.replace_range(last..=last, "");
    cases.push(("a string never closed", t));
    cases
}

#[test]
fn errors_in_the_middle_read_the_same_in_chunks_as_whole() {
    let text = dataset_text(30, 5, 3);
    for (what, broken) in middle_errors(&text) {
        let whole = load_str(&broken);
        assert!(whole.dataset.is_none() && whole.error_count() > 0, "{what}: {:#?}", whole.problems);
        let path = temp_path("middle");
        std::fs::write(&path, &broken).expect("write");
        for chunk in [1, 7, 4096] {
            assert_eq!(load_path_chunked(&path, None, chunk), whole, "{what}, chunks of {chunk}");
        }
        std::fs::remove_file(&path).ok();
    }
}
