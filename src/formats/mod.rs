//! Every way bytes become a [`Dataset`](crate::model::Dataset) and back: the one data door
//! ([`open`]), the RON reader ([`ron`]), problems with line and column, source maps, and the one
//! routine every file is written through ([`write`]: temporary file, flush, `.bak`, rename).
//!
//! Floor 2: imports `model` only.

pub mod export;
pub mod growing;
pub mod handover;
pub mod import;
pub mod loaded;
pub mod open;
pub mod page;
pub mod problem;
pub mod ron;
pub mod source_map;
pub mod text7;
pub mod write;

pub use loaded::{CANCELLED, ImportOptions, Loaded, MAX_FILE_BYTES, Progress, text_from_bytes};
pub use open::{Input, load_bytes, load_file, load_file_with, load_str, load_str_with, open, open_with};
pub use problem::{Problem, ProblemKind, Severity};
