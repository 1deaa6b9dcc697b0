//! One small bad file per kind of problem: each is reported with its kind, line and column, and
//! nothing loads. Also: several problems in one file are all reported at once.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::{Path, PathBuf};

use alliance_atlas::formats::{Loaded, ProblemKind, load_bytes, load_file, load_str};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn load_bad(name: &str) -> Loaded {
    let loaded = load_file(&fixture(&format!("bad/{name}.ron")));
    assert!(loaded.dataset.is_none(), "{name} should not load");
    assert!(loaded.error_count() > 0, "{name} should have errors");
    loaded
}

/// Asserts the file's first error is of `kind` at `line` (and `column` when given), and returns its text.
fn expect_error(name: &str, kind: ProblemKind, line: usize, column: Option<usize>) -> String {
    let loaded = load_bad(name);
    let error = loaded.problems.iter().find(|p| p.is_error()).expect("an error");
    assert_eq!((error.kind, error.line), (kind, line), "{name}: {error:?}");
    if let Some(column) = column {
        assert_eq!(error.column, column, "{name}: {error:?}");
    }
    assert_eq!(loaded.error_count(), 1, "{name}: {:#?}", loaded.problems);
    error.display_in(name).to_string()
}

#[test]
fn the_minimal_fixture_is_clean() {
    let loaded = load_file(&fixture("minimal.ron"));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.dataset.is_some());
}

#[test]
fn syntax_errors_point_at_the_token() {
    let text = expect_error("syntax-missing-comma", ProblemKind::Syntax, 16, Some(13));
    assert!(text.contains("expected `,` or `)`, found `lines_of_effort`"), "{text}");
    let text = expect_error("truncated", ProblemKind::Syntax, 17, None);
    assert!(text.contains("truncated"), "{text}");
    let text = expect_error("unclosed-string", ProblemKind::Syntax, 18, None);
    assert!(text.contains("starts on line 15"), "{text}");
    let text = expect_error("empty", ProblemKind::Syntax, 1, Some(1));
    assert!(text.contains("empty"), "{text}");
}

#[test]
fn unknown_fields_suggest_the_nearest_name() {
    let text = expect_error("unknown-field", ProblemKind::UnknownField, 14, Some(13));
    assert!(text.contains("unknown field `titel`") && text.contains("did you mean `title`?"), "{text}");
}

#[test]
fn missing_and_repeated_fields_are_reported() {
    let text = expect_error("missing-field", ProblemKind::MissingField, 12, Some(9));
    assert!(text.contains("`summary`"), "{text}");
    expect_error("duplicate-field", ProblemKind::DuplicateField, 15, Some(13));
}

#[test]
fn wrong_types_and_names_are_reported() {
    let text = expect_error("unknown-variant", ProblemKind::WrongType, 17, Some(21));
    assert!(text.contains("did you mean `Completed`?"), "{text}");
    let text = expect_error("wrong-type", ProblemKind::WrongType, 9, Some(49));
    assert!(text.contains("expected a number, found a string"), "{text}");
}

#[test]
fn ids_must_be_unique_slugs() {
    expect_error("duplicate-id", ProblemKind::DuplicateId, 10, Some(22));
    expect_error("bad-id", ProblemKind::BadId, 13, Some(17));
}

#[test]
fn references_must_exist() {
    let text = expect_error("unknown-place", ProblemKind::UnknownReference, 21, Some(30));
    assert!(text.contains("\"kamp_hansen\""), "{text}");
    expect_error("unknown-related", ProblemKind::UnknownReference, 22, Some(23));
    let text = expect_error("unknown-source", ProblemKind::UnknownReference, 22, Some(23));
    assert!(text.contains("did you mean \"src\"?"), "{text}");
}

#[test]
fn coordinates_must_be_finite_and_in_range() {
    expect_error("lat-out-of-range", ProblemKind::BadCoordinate, 9, Some(49));
    let text = expect_error("lon-not-finite", ProblemKind::BadCoordinate, 9, Some(61));
    assert!(text.contains("NaN"), "{text}");
}

#[test]
fn impossible_dates_point_inside_the_string() {
    let text = expect_error("month-13", ProblemKind::BadDate, 18, Some(25));
    assert!(text.contains("month 13"), "{text}");
    let text = expect_error("february-30", ProblemKind::BadDate, 20, Some(25));
    assert!(text.contains("30 February 2023 does not exist"), "{text}");
    let text = expect_error("fiscal-year-without-owner", ProblemKind::BadDate, 19, Some(22));
    assert!(text.contains("JFY"), "{text}");
}

#[test]
fn end_before_start_is_an_error() {
    let text = expect_error("end-before-start", ProblemKind::DateOrder, 21, Some(18));
    assert!(text.contains("end (15 Nov 2023) is before start (Mar 2024)"), "{text}");
}

#[test]
fn empty_titles_and_missing_sources_are_errors() {
    expect_error("empty-title", ProblemKind::EmptyText, 14, Some(20));
    expect_error("no-source", ProblemKind::NoSource, 22, Some(22));
}

#[test]
fn hostile_bytes_are_refused_with_a_location() {
    let text = expect_error("not-utf8", ProblemKind::Unreadable, 6, Some(37));
    assert!(text.contains("UTF-8"), "{text}");
    let text = expect_error("too-deep", ProblemKind::TooDeep, 4, None);
    assert!(text.contains("nested more than"), "{text}");
}

#[test]
fn very_deep_nesting_does_not_overflow_the_stack() {
    let text = format!("Dataset(meta: {}{})", "[".repeat(1_000_000), "]".repeat(1_000_000));
    let loaded = load_str(&text);
    assert_eq!(loaded.problems.first().map(|p| p.kind), Some(ProblemKind::TooDeep));
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let loaded = load_bad("many-problems");
    let kinds: Vec<(ProblemKind, usize)> = loaded.problems.iter().map(|p| (p.kind, p.line)).collect();
    assert_eq!(
        kinds,
        [
            (ProblemKind::BadCoordinate, 9),
            (ProblemKind::UnknownField, 14),
            (ProblemKind::BadDate, 18),
            (ProblemKind::DateOrder, 26),
        ]
    );
}

#[test]
fn warnings_do_not_stop_loading() {
    let text = std::fs::read_to_string(fixture("minimal.ron"))
        .expect("fixture")
        .replace("status: Completed", "status: InProgress");
    let loaded = load_str(&text);
    assert_eq!((loaded.error_count(), loaded.warning_count()), (0, 1), "{:#?}", loaded.problems);
    assert!(loaded.dataset.is_some());
}

#[test]
fn files_over_the_size_limit_are_refused_without_reading_them() {
    let dir = std::env::temp_dir().join(format!("atlas-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: large on paper, no disk used.
    file.set_len(alliance_atlas::formats::MAX_FILE_BYTES + 1).expect("set_len");
    let loaded = load_file(&path);
    std::fs::remove_dir_all(&dir).ok();
    let problem = loaded.problems.first().expect("refused");
    assert_eq!(problem.kind, ProblemKind::Unreadable);
    assert!(problem.message.contains("1024 MiB limit"), "{}", problem.message);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let loaded = load_file(Path::new("/definitely/not/here.ron"));
    assert_eq!(loaded.problems.first().map(|p| p.kind), Some(ProblemKind::Unreadable));
    assert!(load_bytes(b"").dataset.is_none());
}
