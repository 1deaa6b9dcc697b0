//! Loading a dataset: bytes → UTF-8 → RON → typed items → validation, reporting every problem at once.
//!
//! The top-level lists are read one item at a time, so memory follows the dataset, not a syntax tree
//! of the whole file. Whatever the bytes, loading never panics.

use std::io::Read as _;
use std::path::Path;

use crate::formats::problem::{Problem, ProblemKind, Severity, Span, line_cols};
use crate::formats::ron::decode::{Cx, Issue, problems_from};
use crate::formats::ron::steps::Steps;
use crate::formats::source_map::ItemText;
use crate::model::types::Dataset;
use crate::model::validate::validate;

/// Largest file the loader reads (1 GiB). Larger files are refused with a message, not read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// How far a background load has come, and whether the user asked to stop it. Shared between the
/// loading thread and the UI; only atomics, so reading it never waits.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of the file parsed so far.
    pub done: std::sync::atomic::AtomicU64,
    /// Bytes in the file (0 until known).
    pub total: std::sync::atomic::AtomicU64,
    /// Set by the UI: stop at the next item.
    pub cancel: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(std::sync::atomic::Ordering::Relaxed);
        if total == 0 { 0.0 } else { self.done.load(std::sync::atomic::Ordering::Relaxed) as f32 / total as f32 }
    }

    /// Whether cancelling was asked for.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The message of the problem a cancelled load returns.
pub const CANCELLED: &str = "loading was cancelled";

/// The outcome of loading: the dataset when it has no errors, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The dataset; `None` when any problem is an error.
    pub dataset: Option<Dataset>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Whether the load stopped because the user cancelled it.
    pub fn was_cancelled(&self) -> bool {
        self.dataset.is_none() && self.problems.iter().any(|p| p.message == CANCELLED)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}

fn unreadable(message: String, hint: &str) -> Problem {
    unreadable_at((1, 1), message, hint)
}

/// A problem that stops a file from being read, at a line and column.
pub(super) fn unreadable_at(at: (usize, usize), message: String, hint: &str) -> Problem {
    Problem::at(Severity::Error, ProblemKind::Unreadable, at, message).with_hint(hint)
}

/// The problem of a file over [`MAX_FILE_BYTES`].
pub(super) fn too_large() -> Problem {
    unreadable(
        format!("the file is larger than the {} MiB limit", MAX_FILE_BYTES >> 20),
        "split the dataset into several files",
    )
}

/// Loads a dataset file from disk, refusing files over [`MAX_FILE_BYTES`].
pub fn load_file(path: &Path) -> Loaded {
    load_file_with(path, None)
}

/// Loads a dataset file, reporting progress and stopping early when cancelled (for a loading thread).
/// The file is read in chunks, not whole (see [`crate::formats::ron::stream`]).
pub fn load_file_with(path: &Path, progress: Option<std::sync::Arc<Progress>>) -> Loaded {
    crate::formats::ron::stream::load_path(path, progress)
}

/// Opens a file to read, refusing one over [`MAX_FILE_BYTES`] by its size on disk; the error is a
/// ready-made problem.
pub(super) fn open_limited(path: &Path) -> Result<std::fs::File, Problem> {
    let file = std::fs::File::open(path)
        .map_err(|e| unreadable(format!("cannot read the file: {e}"), "check the path and the file's permissions"))?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(too_large());
    }
    Ok(file)
}

/// Reads a file of at most [`MAX_FILE_BYTES`] whole; the error is a ready-made problem.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = open_limited(path)?;
    let mut bytes = Vec::new();
    // `take` still guards files that grow or lie about their size.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(format!("cannot read the file: {e}"), "check the path and the file's permissions"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Loads a dataset from bytes, which must be UTF-8.
pub fn load_bytes(bytes: &[u8]) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!("the data is larger than the {} MiB limit", MAX_FILE_BYTES >> 20);
        return Loaded { dataset: None, problems: vec![unreadable(message, "split the dataset into several files")] };
    }
    match text_from_bytes(bytes) {
        Ok(text) => load_str(text),
        Err(problem) => Loaded { dataset: None, problems: vec![*problem] },
    }
}

/// The bytes as UTF-8 text, or a problem at the line and column of the first bad byte.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, Box<Problem>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
        let at = line_cols(valid, &[valid.len()]).first().copied().unwrap_or((1, 1));
        let problem =
            Problem::at(Severity::Error, ProblemKind::Unreadable, at, "the file is not valid UTF-8 text".to_owned())
                .with_hint("save the file as UTF-8");
        Box::new(problem)
    })
}

/// Loads a dataset from RON text.
pub fn load_str(text: &str) -> Loaded {
    load_str_with(text, None)
}

/// Loads a dataset from RON text, reporting progress and stopping early when cancelled.
pub fn load_str_with(text: &str, progress: Option<std::sync::Arc<Progress>>) -> Loaded {
    let mut steps = Steps::new(Cx { progress, ..Cx::default() });
    while !steps.step(text, usize::MAX) {}
    finish(text, steps)
}

/// Validates what a finished [`Steps`] read and puts every problem at its line and column.
pub fn finish(text: &str, steps: Steps) -> Loaded {
    finish_with(&text, |offsets| line_cols(text, offsets), steps)
}

/// [`finish`] for text that is no longer in memory: `src` gives an item's text back by its span, and
/// `locate` the line and column of byte offsets.
pub(super) fn finish_with(
    src: &dyn ItemText,
    locate: impl FnOnce(&[usize]) -> Vec<(usize, usize)>,
    steps: Steps,
) -> Loaded {
    let Steps { dataset, map, cx, broken, failed, .. } = steps;
    let mut issues = cx.issues;
    let dataset = match failed {
        None => {
            for finding in validate(&dataset, &broken) {
                issues.push(crate::formats::ron::convert::locate_finding(finding, src, &map));
            }
            Some(dataset)
        }
        Some(e) => {
            issues.push(Issue {
                severity: Severity::Error,
                kind: e.kind,
                span: Span::new(e.offset, e.offset),
                message: e.message,
                hint: e.hint.map(str::to_owned),
            });
            None
        }
    };
    let problems = problems_from(issues, locate);
    let has_errors = problems.iter().any(Problem::is_error);
    Loaded { dataset: dataset.filter(|_| !has_errors), problems }
}
