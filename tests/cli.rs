//! The `check` command: clean files exit 0 with a summary, bad files exit 1 with located problems,
//! usage errors exit 2.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::process::Command;

fn atlas(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_alliance-atlas"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_on_the_real_data_is_clean() {
    let (code, out, _) = atlas(&["check", "data/us-japan-2023.ron"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("data/us-japan-2023.ron: ok, 0 warnings"), "{out}");
    assert!(out.contains("places without initiatives: none"), "{out}");
}

#[test]
fn check_index_builds_what_the_app_builds() {
    let (code, out, _) = atlas(&["check", "--index", "data/us-japan-2023.ron", "tests/fixtures/bad/month-13.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("data/us-japan-2023.ron: indexed 35 dated initiatives"), "{out}");
    // A file with errors is reported and not indexed.
    assert!(!out.contains("month-13.ron: indexed"), "{out}");
}

#[test]
fn check_reports_each_problem_as_file_line_col() {
    let (code, out, _) = atlas(&["check", "tests/fixtures/minimal.ron", "tests/fixtures/bad/unknown-field.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("tests/fixtures/minimal.ron: ok"), "{out}");
    assert!(
        out.contains(
            "tests/fixtures/bad/unknown-field.ron:14:13: error: unknown field `titel` in Initiative (hint: did you mean `title`?)"
        ),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = atlas(&["check"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = atlas(&["--no-such-flag"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn generate_writes_a_repeatable_dataset_that_checks_clean() {
    let dir = std::env::temp_dir().join(format!("atlas-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (a, b) = (dir.join("a.ron"), dir.join("b.ron"));
    for out in [&a, &b] {
        let path = out.to_string_lossy().into_owned();
        let (code, _, err) =
            atlas(&["generate", "--initiatives", "3000", "--places", "200", "--seed", "7", "--out", &path]);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read(&a).ok(), std::fs::read(&b).ok(), "same seed, same file");
    let (code, out, _) = atlas(&["check", &a.to_string_lossy()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok, 0 warnings") && out.contains("3000 initiatives, 200 locations"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn import_writes_a_dataset_that_checks_clean() {
    let dir = temp_dir("import");
    let out = dir.join("copy.ron");
    let out_path = out.to_string_lossy().into_owned();
    let (code, text, err) = atlas(&["import", "data/us-japan-2023.ron", "--out", &out_path]);
    assert_eq!(code, 0, "{text}{err}");
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(written.starts_with("// Imported from data/us-japan-2023.ron by Alliance Atlas\n"), "{written}");
    let (code, text, _) = atlas(&["check", &out_path]);
    assert_eq!(code, 0, "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_with_problems_reports_them_and_writes_nothing() {
    let dir = temp_dir("import-bad");
    let out = dir.join("bad.ron");
    let (code, text, _) = atlas(&["import", "tests/fixtures/bad/unknown-field.ron", "--out", &out.to_string_lossy()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("tests/fixtures/bad/unknown-field.ron:14:13: error: unknown field `titel`"), "{text}");
    assert!(!out.exists());
    let (code, _, err) = atlas(&["import", "a.ron", "b.ron", "--out", &out.to_string_lossy()]);
    assert_eq!(code, 2, "exactly one IN for now: {err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn export_writes_every_format() {
    let dir = temp_dir("export");
    for (format, name) in [("geojson", "a.geojson"), ("csv", "a.csv"), ("ics", "a.ics"), ("timelinejs", "a.json")] {
        let out = dir.join(name);
        let (code, text, err) = atlas(&["export", "--format", format, "-", "--out", &out.to_string_lossy()]);
        assert_eq!(code, 0, "{format}: {text}{err}");
        assert!(std::fs::metadata(&out).is_ok_and(|m| m.len() > 100), "{format}");
    }
    assert!(dir.join("a.places.csv").is_file());
    let (code, text, _) =
        atlas(&["export", "--format", "ics", "data/us-japan-2023.ron", "--out", &dir.join("b.ics").to_string_lossy()]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("undated initiative"), "{text}");
    let (code, _, err) = atlas(&["export", "--format", "pdf", "-", "--out", "x"]);
    assert_eq!(code, 2, "{err}");
    let (code, text, _) = atlas(&["export", "--format", "csv", "tests/fixtures/bad/month-13.ron", "--out", "x.csv"]);
    assert_eq!(code, 1, "{text}");
    std::fs::remove_dir_all(&dir).ok();
}
