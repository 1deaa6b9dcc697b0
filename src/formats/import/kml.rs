//! KML and KMZ (zipped KML).

use crate::formats::import::{Kind, not_yet};
use crate::formats::loaded::Loaded;

/// Reads the file's bytes into a dataset, every problem located.
pub fn read(kind: Kind, name: &str, bytes: &[u8]) -> Loaded {
    let _ = (name, bytes);
    not_yet(kind)
}
