//! The data model: pure data and logic, no UI. Used by the app, the CLI, tests and benchmarks alike.
//!
//! - [`types`]: the dataset, its initiatives, locations, sources and eras.
//! - [`date`] and [`calendar`]: fuzzy dates with honest precision and qualifiers.
//! - [`load`]: RON → [`Dataset`], reporting every problem with line, column and hint.
//! - [`validate`]: ids, references, coordinates, date order.
//! - [`summary`]: counts and spans for the `check` command and the UI.

pub mod calendar;
pub mod change_report;
pub mod cluster;
pub mod compare;
pub mod date;
pub mod date_loose;
mod date_parse;
mod date_shift;
pub mod filter;
pub mod finding;
pub mod generate;
pub mod geo;
pub mod ids;
pub mod index;
pub mod links;
pub mod map_camera;
pub mod print;
pub mod ragged;
pub mod relations;
pub mod schema;
pub mod search;
pub mod simplify;
pub mod status;
pub mod summary;
pub mod types;
pub mod validate;
mod validate_initiative;
mod validate_relations;
pub mod view;
pub mod view_state;

pub use calendar::Day;
pub use date::{FiscalCalendar, FuzzyDate, Period, Qualifier};
pub use types::{
    Cite, Dataset, Era, Initiative, LineOfEffort, Location, LocationKind, Meta, PlacePrecision, Rel, RelKind, Source,
    Status,
};

/// The embedded default dataset: the US–Japan "2+2" of 11 January 2023 and what followed.
pub const DEFAULT_DATASET: &str = include_str!("../../data/us-japan-2023.ron");

/// File name shown for the embedded dataset.
pub const DEFAULT_DATASET_NAME: &str = "data/us-japan-2023.ron";
