//! From the door to the reader of each kind of file.

use crate::formats::import::{Kind, json, kml, table};
use std::sync::Arc;

use crate::formats::loaded::{ImportOptions, Loaded, Progress};

/// Reads an imported file's bytes (`name` is the file's name or path, for messages and for files
/// that come in pairs). The door calls this.
/// Spreadsheets report how far they are read to `progress`, and stop when it asks to cancel.
pub fn read(kind: Kind, name: &str, bytes: &[u8], progress: Option<Arc<Progress>>, options: &ImportOptions) -> Loaded {
    match kind {
        Kind::Csv | Kind::Workbook => table::read(kind, name, bytes, progress, options),
        Kind::Json => json::read(name, bytes),
        Kind::Kml | Kind::Kmz => kml::read(kind, name, bytes),
    }
}
