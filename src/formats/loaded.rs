//! What every reader of datasets shares: the outcome of a load ([`Loaded`]), its progress and cancel
//! flag, the size limit, and the problems of a file that cannot be read at all.

use std::io::Read as _;
use std::path::Path;

use crate::formats::problem::{Problem, ProblemKind, Severity, line_cols};
use crate::formats::source_map::SourceMap;
use crate::model::types::Dataset;

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
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    /// The dataset; `None` when any problem is an error.
    pub dataset: Option<Dataset>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
    /// Where each item came from in the file (empty for a file that could not be read), kept for
    /// saving edits back into the same text.
    pub source_map: SourceMap,
    /// How the file's own tool shows it (lanes, a story to present), for formats that say.
    pub presentation: Presentation,
    /// The validation findings of `dataset` as the model states them (a locus, no line), when the
    /// reader checked it: the editor starts from them instead of checking the data again (two seconds
    /// at a million initiatives). Serde skips them (their field names are `&'static str`s): the
    /// browser worker's hand-over carries them apart (`formats::handover`).
    #[serde(skip)]
    pub findings: Option<Vec<crate::model::finding::Finding>>,
}

/// What a file says about how it is shown, beyond its data.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Presentation {
    /// The lanes its tool groups by (`TimelineJS` groups are read as tags: by tag).
    pub lanes: Option<crate::model::view::LaneGrouping>,
    /// A story told in order (`StoryMapJS`): the app makes a briefing deck of it.
    pub story: Option<Story>,
    /// A spreadsheet whose columns were not recognised: what the import window needs to ask.
    pub columns: Option<ColumnsToMap>,
}

/// A sheet whose headers are not our template's nor `TimelineJS`'s: its headers, its first rows, and a
/// guess of each column's field, for the user to correct and import again (with [`ImportOptions`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnsToMap {
    /// The file's name or path (as opened).
    pub name: String,
    /// The file's bytes, to read again with the mapping (no second trip to the disk or the network).
    pub bytes: std::sync::Arc<Vec<u8>>,
    /// The headers, in column order.
    pub headers: Vec<String>,
    /// The first rows' cells (text), in column order.
    pub preview: Vec<Vec<String>>,
    /// The field each column seems to be (a template field name), if any.
    pub guess: Vec<Option<String>>,
}

/// How a spreadsheet is read when the user said: which field each column is, whose fiscal year a bare
/// "FY2027" is, and whether `03/04/2023` is day or month first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// The field of each column (a template field name; `None` is not read); `None` reads the headers.
    pub columns: Option<Vec<Option<String>>>,
    /// Whose fiscal year a bare "FY2027" is.
    pub us_fiscal: bool,
    /// How `03/04/2023` is read.
    pub day_order: crate::model::date_loose::DayOrder,
}

/// A story: slides in order, each flying the map somewhere and pointing at what it is about.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Story {
    /// The story's title.
    pub title: String,
    /// The slides, in order.
    pub steps: Vec<StoryStep>,
}

/// One slide of a story.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryStep {
    /// The slide's headline.
    pub title: String,
    /// Its text (markdown).
    pub text: String,
    /// Where the map goes (none: it stays where it is).
    pub map: Option<crate::model::view::MapView>,
    /// The initiative and place ids the slide is about.
    pub highlight: Vec<String>,
}

impl Loaded {
    /// A dataset that was made, not read (generated data, benchmarks): no problems, no source map.
    pub fn made(dataset: crate::model::Dataset) -> Self {
        Self { dataset: Some(dataset), ..Self::default() }
    }

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
pub fn unreadable_at(at: (usize, usize), message: String, hint: &str) -> Problem {
    Problem::at(Severity::Error, ProblemKind::Unreadable, at, message).with_hint(hint)
}

/// The problem of a file over [`MAX_FILE_BYTES`].
pub fn too_large() -> Problem {
    unreadable(
        format!("the file is larger than the {} MiB limit", MAX_FILE_BYTES >> 20),
        "split the dataset into several files",
    )
}

/// A load that failed before any item was read.
pub fn failed(problem: Problem) -> Loaded {
    Loaded { problems: vec![problem], ..Loaded::default() }
}

/// Opens a file to read, refusing one over [`MAX_FILE_BYTES`] by its size on disk; the error is a
/// ready-made problem.
pub fn open_limited(path: &Path) -> Result<std::fs::File, Problem> {
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
