//! The one door for data: every dataset the app, the browser, the command line and the tests read comes
//! in here, named by where it is ([`Input`]): a file, bytes (a dropped or picked file, a URL's body) or
//! text. The door looks at the first bytes and the name to pick the reader ([`sniff`]: RON, or one of
//! the importers in `formats::import`), and gives back a [`Loaded`]: the dataset when it has
//! no errors, every problem at its line and column, and the source map of where each item came from.
//!
//! A file is read in chunks on whatever thread calls [`open`] (a loading thread on the desktop); the
//! browser, which has one thread, reads a body a few items at a time while it arrives
//! (`formats::growing`).

use std::path::Path;
use std::sync::Arc;

use crate::formats::import::Kind;
use crate::formats::loaded::{
    ImportOptions, Loaded, MAX_FILE_BYTES, Progress, failed, open_limited, text_from_bytes, unreadable_at,
};
use crate::formats::problem::Problem;

/// Where a dataset comes from.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A file on disk (RON is read in chunks, never whole).
    File(&'a Path),
    /// Bytes already in memory, without a name.
    Bytes(&'a [u8]),
    /// Bytes with the name they came with: a dropped or picked file, a fetched URL's body.
    Named(&'a str, &'a [u8]),
    /// Text already in memory (the embedded dataset, tests).
    Text(&'a str),
}

/// A format the door can tell from the first bytes and the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Rusty Object Notation: `Dataset(…)`.
    Ron,
    /// One of the imported formats.
    Import(Kind),
}

/// The format of a file by its first bytes (and, for CSV and KMZ, its name). Anything that is not
/// clearly another format is read as RON, so the RON reader can say where it goes wrong.
pub fn sniff(head: &[u8], name: &str) -> Format {
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or_default();
    let is = |ext: &str| extension.eq_ignore_ascii_case(ext);
    if head.starts_with(b"PK\x03\x04") {
        return Format::Import(if is("kmz") { Kind::Kmz } else { Kind::Workbook });
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => Format::Import(Kind::Json),
        Some(b'<') => Format::Import(Kind::Kml),
        _ if is("csv") || is("tsv") => Format::Import(Kind::Csv),
        _ => Format::Ron,
    }
}

/// Reads a dataset through the door, reporting progress and stopping early when cancelled.
pub fn open(input: Input<'_>, progress: Option<Arc<Progress>>) -> Loaded {
    open_with(input, progress, &ImportOptions::default())
}

/// [`open`], with a spreadsheet read as the user said in the import window (its columns' fields,
/// the fiscal year, the day order). Other formats ignore the options.
pub fn open_with(input: Input<'_>, progress: Option<Arc<Progress>>, options: &ImportOptions) -> Loaded {
    match input {
        Input::File(path) => open_file(path, progress, options),
        Input::Bytes(bytes) => open_bytes("", bytes, progress, options),
        Input::Named(name, bytes) => open_bytes(name, bytes, progress, options),
        Input::Text(text) => match sniff(head(text.as_bytes()), "") {
            Format::Ron => crate::formats::ron::load::read_str(text, progress),
            Format::Import(kind) => {
                crate::formats::import::dispatch::read(kind, "", text.as_bytes(), progress, options)
            }
        },
    }
}

/// The first bytes, for [`sniff`].
fn head(bytes: &[u8]) -> &[u8] {
    bytes.get(..4096).unwrap_or(bytes)
}

fn open_bytes(name: &str, bytes: &[u8], progress: Option<Arc<Progress>>, options: &ImportOptions) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!("the data is larger than the {} MiB limit", MAX_FILE_BYTES >> 20);
        return failed(unreadable_at((1, 1), message, "split the dataset into several files"));
    }
    match sniff(head(bytes), name) {
        Format::Ron => match text_from_bytes(bytes) {
            Ok(text) => crate::formats::ron::load::read_str(text, progress),
            Err(problem) => failed(*problem),
        },
        Format::Import(kind) => crate::formats::import::dispatch::read(kind, name, bytes, progress, options),
    }
}

fn open_file(path: &Path, progress: Option<Arc<Progress>>, options: &ImportOptions) -> Loaded {
    let mut first = [0u8; 4096];
    let read = open_limited(path).and_then(|mut file| {
        std::io::Read::read(&mut file, &mut first).map_err(|e| {
            unreadable_at((1, 1), format!("cannot read the file: {e}"), "check the path and the file's permissions")
        })
    });
    let name = path.display().to_string();
    match read {
        Err(problem) => failed(problem),
        Ok(n) => match sniff(&first[..n], &name) {
            Format::Ron => crate::formats::ron::stream::load_path(path, progress),
            Format::Import(kind) => match crate::formats::loaded::read_limited(path) {
                Ok(bytes) => crate::formats::import::dispatch::read(kind, &name, &bytes, progress, options),
                Err(problem) => failed(problem),
            },
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

/// Problems as `FILE:LINE:COL: …` lines, for logs and the command line.
pub fn report(name: &str, problems: &[Problem]) -> String {
    problems.iter().map(|p| p.display_in(name).to_string()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_door_picks_the_reader_by_content_and_name() {
        assert_eq!(sniff(b"#![enable(implicit_some)]\nDataset(", "a.ron"), Format::Ron);
        assert_eq!(sniff(b"\xEF\xBB\xBF  {\"events\": []}", ""), Format::Import(Kind::Json));
        assert_eq!(sniff(b"PK\x03\x04....", "book.xlsx"), Format::Import(Kind::Workbook));
        assert_eq!(sniff(b"PK\x03\x04....", "places.KMZ"), Format::Import(Kind::Kmz));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><kml>", "x"), Format::Import(Kind::Kml));
        assert_eq!(sniff(b"title,summary\n", "sheet.CSV"), Format::Import(Kind::Csv));
        assert_eq!(sniff(b"title,summary\n", "sheet.txt"), Format::Ron, "no guessing without a sign");
    }

    #[test]
    fn a_format_not_read_yet_is_a_clear_error_and_no_data() {
        let loaded = open(Input::Named("story.json", b"{\"storymap\": {}}"), None);
        assert!(loaded.dataset.is_none());
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("JSON"), "{:?}", loaded.problems);
    }
}
