//! The one door for data: every dataset the app, the browser, the command line and the tests read comes
//! in here, named by where it is ([`Input`]): a file, bytes (a dropped or picked file, a URL's body) or
//! text. The door looks at the first bytes to pick the reader ([`sniff`]; today RON, with a clear
//! message for the formats it does not read yet), and gives back a [`Loaded`]: the dataset when it has
//! no errors, every problem at its line and column, and the source map of where each item came from.
//!
//! A file is read in chunks on whatever thread calls [`open`] (a loading thread on the desktop); the
//! browser, which has one thread, reads a slice of items per frame through an [`Opening`].

use std::path::Path;
use std::sync::Arc;

use crate::formats::loaded::{Loaded, MAX_FILE_BYTES, Progress, failed, open_limited, text_from_bytes, unreadable_at};
use crate::formats::problem::Problem;
use crate::formats::ron::decode::Cx;
use crate::formats::ron::steps::Steps;

/// Where a dataset comes from.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A file on disk (read in chunks, never whole).
    File(&'a Path),
    /// Bytes already in memory: a dropped or picked file, a fetched URL's body.
    Bytes(&'a [u8]),
    /// Text already in memory (the embedded dataset, tests).
    Text(&'a str),
}

/// A format the door can tell from the first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Rusty Object Notation: `Dataset(…)`.
    Ron,
    /// JSON (`{` or `[` first): `TimelineJS`, `StoryMapJS`, `GeoJSON`.
    Json,
    /// A ZIP archive: XLSX, ODS, KMZ.
    Zip,
    /// XML (`<` first): KML.
    Xml,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Self::Ron => "RON",
            Self::Json => "JSON",
            Self::Zip => "ZIP (a spreadsheet or KMZ)",
            Self::Xml => "XML (KML)",
        }
    }
}

/// The format of a file by its first bytes. Anything that is not clearly another format is read as
/// RON, so the RON reader can say where it goes wrong.
pub fn sniff(head: &[u8]) -> Format {
    if head.starts_with(b"PK\x03\x04") {
        return Format::Zip;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => Format::Json,
        Some(b'<') => Format::Xml,
        _ => Format::Ron,
    }
}

/// The problem of a file in a format this version does not read.
fn unsupported(format: Format) -> Loaded {
    failed(unreadable_at(
        (1, 1),
        format!("this is a {} file; Alliance Atlas reads datasets written in RON", format.name()),
        "save the data as a RON dataset (see README, \"The data format\")",
    ))
}

/// Reads a dataset through the door, reporting progress and stopping early when cancelled.
pub fn open(input: Input<'_>, progress: Option<Arc<Progress>>) -> Loaded {
    match input {
        Input::File(path) => open_file(path, progress),
        Input::Bytes(bytes) => {
            if bytes.len() as u64 > MAX_FILE_BYTES {
                let message = format!("the data is larger than the {} MiB limit", MAX_FILE_BYTES >> 20);
                return failed(unreadable_at((1, 1), message, "split the dataset into several files"));
            }
            match sniff(bytes.get(..4096).unwrap_or(bytes)) {
                Format::Ron => match text_from_bytes(bytes) {
                    Ok(text) => crate::formats::ron::load::read_str(text, progress),
                    Err(problem) => failed(*problem),
                },
                other => unsupported(other),
            }
        }
        Input::Text(text) => match sniff(text.as_bytes().get(..4096).unwrap_or(text.as_bytes())) {
            Format::Ron => crate::formats::ron::load::read_str(text, progress),
            other => unsupported(other),
        },
    }
}

fn open_file(path: &Path, progress: Option<Arc<Progress>>) -> Loaded {
    let mut head = [0u8; 4096];
    let read = open_limited(path).and_then(|mut file| {
        let n = std::io::Read::read(&mut file, &mut head).map_err(|e| {
            unreadable_at((1, 1), format!("cannot read the file: {e}"), "check the path and the file's permissions")
        })?;
        Ok(n)
    });
    match read {
        Err(problem) => failed(problem),
        Ok(n) => match sniff(&head[..n]) {
            Format::Ron => crate::formats::ron::stream::load_path(path, progress),
            other => unsupported(other),
        },
    }
}

/// Loads a dataset file (through the door).
pub fn load_file(path: &Path) -> Loaded {
    open(Input::File(path), None)
}

/// Loads a dataset file with progress and cancel (for a loading thread).
pub fn load_file_with(path: &Path, progress: Option<Arc<Progress>>) -> Loaded {
    open(Input::File(path), progress)
}

/// Loads a dataset from bytes (through the door).
pub fn load_bytes(bytes: &[u8]) -> Loaded {
    open(Input::Bytes(bytes), None)
}

/// Loads a dataset from text (through the door).
pub fn load_str(text: &str) -> Loaded {
    open(Input::Text(text), None)
}

/// Loads a dataset from text with progress and cancel.
pub fn load_str_with(text: &str, progress: Option<Arc<Progress>>) -> Loaded {
    open(Input::Text(text), progress)
}

/// A dataset read a slice at a time (the browser, between frames): the same reader as [`open`], which
/// stops between list items and goes on from the same byte.
#[derive(Debug)]
pub struct Opening {
    text: String,
    steps: Box<Steps>,
    /// Bytes read so far, the total, and the cancel flag.
    pub progress: Arc<Progress>,
}

impl Opening {
    /// Starts reading `bytes`. Bytes that cannot be read a slice at a time (not UTF-8, not RON, too
    /// large) give their outcome at once.
    pub fn new(bytes: Vec<u8>) -> Result<Self, Box<Loaded>> {
        let format = sniff(bytes.get(..4096).unwrap_or(&bytes));
        if format != Format::Ron || bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Box::new(open(Input::Bytes(&bytes), None)));
        }
        let text = String::from_utf8(bytes).map_err(|e| Box::new(open(Input::Bytes(e.as_bytes()), None)))?;
        let progress = Arc::new(Progress::default());
        progress.total.store(text.len() as u64, std::sync::atomic::Ordering::Relaxed);
        let cx = Cx { progress: Some(progress.clone()), ..Cx::default() };
        Ok(Self { text, steps: Box::new(Steps::new(cx)), progress })
    }

    /// Reads up to `items` more list items; true when reading is over.
    pub fn step(&mut self, items: usize) -> bool {
        self.steps.step(&self.text, items)
    }

    /// Validates what was read and locates every problem.
    pub fn finish(self) -> Loaded {
        crate::formats::ron::load::finish(&self.text, *self.steps)
    }
}

/// Problems as `FILE:LINE:COL: …` lines, for logs and the command line.
pub fn report(name: &str, problems: &[Problem]) -> String {
    problems.iter().map(|p| p.display_in(name).to_string()).collect::<Vec<_>>().join("\n")
}
