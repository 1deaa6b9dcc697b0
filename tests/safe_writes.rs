//! Saves that survive a failure at any step: every write goes through `formats::write`, which writes a
//! temporary file, flushes it, keeps the old file as `.bak` and renames. Each step is made to fail in
//! turn (a full disk while writing, a failed backup, a failed rename, a crash before the rename): the
//! old file is always intact and readable, and the message says what happened.

use std::path::{Path, PathBuf};

use alliance_atlas::formats::export::render::ExportFormat;
use alliance_atlas::formats::load_file;
use alliance_atlas::formats::write::{Disk, RealDisk, sibling, write_safely, write_safely_on};
use alliance_atlas::model::DEFAULT_DATASET;
use alliance_atlas::state::Command;
use alliance_atlas::state::export::{ExportCommand, ExportScope, ExportTarget};
use egui_kittest::kittest::Queryable as _;

/// The steps of a safe write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Write,
    Backup,
    Rename,
}

/// What goes wrong at the step.
#[derive(Clone, Copy, Debug)]
enum Failure {
    /// The disk fills up half-way through the new text.
    DiskFull,
    /// The process dies: nothing after this step runs, not even the clean-up.
    Crash,
}

/// The real disk, with one step made to fail.
struct Failing {
    at: Step,
    how: Failure,
}

impl Failing {
    fn fail(&self, step: Step) -> std::io::Result<()> {
        if step != self.at {
            return Ok(());
        }
        match self.how {
            Failure::DiskFull => Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "No space left on device")),
            Failure::Crash => std::panic::panic_any(Crashed),
        }
    }
}

/// The panic payload of a simulated crash.
struct Crashed;

impl Disk for Failing {
    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if self.at == Step::Write {
            // Half the text reaches the disk before it fills up, or before the crash.
            RealDisk.write_new(path, &bytes[..bytes.len() / 2])?;
            return self.fail(Step::Write);
        }
        RealDisk.write_new(path, bytes)
    }
    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.fail(Step::Backup)?;
        RealDisk.copy(from, to)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.fail(Step::Rename)?;
        RealDisk.rename(from, to)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        RealDisk.remove(path)
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-safe-writes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("a scratch folder {}: {e}", dir.display()));
    dir
}

#[test]
fn a_failure_at_any_step_leaves_the_old_file_intact_and_says_so() {
    let old = DEFAULT_DATASET.as_bytes();
    let new = b"#![enable(implicit_some)]\nDataset(meta: Meta(title: \"new\"))\n".repeat(50);
    for at in [Step::Write, Step::Backup, Step::Rename] {
        for how in [Failure::DiskFull, Failure::Crash] {
            let dir = scratch(&format!("{at:?}-{how:?}"));
            let path = dir.join("data.ron");
            std::fs::write(&path, old).expect("the old file");
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                write_safely_on(&mut Failing { at, how }, &path, &new, true)
            }));
            match (how, outcome) {
                (Failure::DiskFull, Ok(Err(message))) => {
                    assert!(message.contains("failed") && message.contains("the file was not changed"), "{message}");
                    if at == Step::Write {
                        assert!(message.contains("the disk is full"), "{message}");
                    }
                    assert!(!sibling(&path, "tmp").exists(), "{at:?}: the temporary file is cleaned up");
                }
                (Failure::Crash, Err(payload)) => assert!(payload.is::<Crashed>(), "{at:?}: crashed"),
                (how, outcome) => panic!("{at:?} {how:?}: unexpected outcome {:?}", outcome.map_err(|_| "panic")),
            }
            assert_eq!(std::fs::read(&path).expect("the old file is still there"), old, "{at:?} {how:?}");
            let loaded = load_file(&path);
            assert!(loaded.dataset.is_some() && loaded.problems.is_empty(), "{at:?} {how:?}: still reads");
            // After a crash, the next save works and replaces the leftover temporary file.
            write_safely(&path, &new, true).expect("the next save");
            assert_eq!(std::fs::read(&path).expect("the new file"), new);
            assert_eq!(std::fs::read(sibling(&path, "bak")).expect("the backup"), old, "the old text is kept as .bak");
            assert!(!sibling(&path, "tmp").exists());
        }
    }
}

#[test]
fn a_write_that_cannot_happen_is_an_error_that_names_the_file() {
    let dir = scratch("impossible");
    let not_a_folder = dir.join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("a file");
    let message = write_safely(&not_a_folder.join("out.csv"), b"a,b\n", false).expect_err("cannot write inside a file");
    assert!(message.starts_with("writing the new text failed"), "{message}");
    assert_eq!(std::fs::read(&not_a_folder).expect("untouched"), b"x");
}

#[test]
fn the_app_tells_the_user_when_an_export_cannot_be_written() {
    let dir = scratch("app");
    let not_a_folder = dir.join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("a file");
    let target = not_a_folder.join("atlas.csv");
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .build_eframe(|cc| alliance_atlas::AtlasApp::new(cc, alliance_atlas::StartOptions::default()));
    harness.run();
    let before = harness.state().state().dataset().clone();
    harness.state_mut().apply(Command::Export(ExportCommand::Write {
        format: ExportFormat::Csv,
        scope: ExportScope::All,
        target: ExportTarget::File(target.clone()),
    }));
    harness.run();
    let notice = harness.state().state().export_notice().unwrap_or_default().to_owned();
    assert!(notice.starts_with("Could not write") && notice.contains("plain-file/atlas"), "{notice}");
    assert!(notice.contains("writing the new text failed"), "{notice}");
    assert_eq!(notice.matches("plain-file").count(), 1, "the file is named once: {notice}");
    harness.get_by_label(&notice);
    assert_eq!(harness.state().state().dataset(), &before, "the data on screen is kept");
}
