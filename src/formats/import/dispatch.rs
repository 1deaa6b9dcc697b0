//! From the door to the reader of each kind of file.

use crate::formats::import::{Kind, json, kml, table};
use crate::formats::loaded::Loaded;

/// Reads an imported file's bytes (`name` is the file's name or path, for messages and for files
/// that come in pairs). The door calls this.
pub fn read(kind: Kind, name: &str, bytes: &[u8]) -> Loaded {
    match kind {
        Kind::Csv | Kind::Workbook => table::read(kind, name, bytes),
        Kind::Json => json::read(name, bytes),
        Kind::Kml | Kind::Kmz => kml::read(kind, name, bytes),
    }
}
