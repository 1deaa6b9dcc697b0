//! Other people's formats → a [`Dataset`]: spreadsheets (our template and `TimelineJS` sheets, as CSV,
//! XLSX or ODS), `TimelineJS` and `StoryMapJS` JSON, `GeoJSON`, KML and KMZ. Each reader gives a
//! [`Loaded`] like the RON reader does: the dataset when it has no errors, and every problem located
//! where the user can find it — a row and column, a sheet and cell, or a line and column.
//!
//! The data door (`formats::open`) picks the reader by content and name and calls [`dispatch::read`];
//! nothing else calls these. The readers use the shared pieces here ([`finish`], [`Origins`]).

pub mod dispatch;
pub mod json;
pub mod kml;
pub mod table;

use crate::formats::loaded::Loaded;
use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::formats::source_map::SourceMap;
use crate::model::finding::{Collection, Locus};
use crate::model::types::Dataset;
use crate::model::validate::{BrokenIds, validate};

/// A format the importers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Comma- or tab-separated text.
    Csv,
    /// An XLSX or ODS workbook.
    Workbook,
    /// JSON: `TimelineJS`, `StoryMapJS` or `GeoJSON`.
    Json,
    /// KML.
    Kml,
    /// KMZ (zipped KML).
    Kmz,
}

/// Where each imported item came from, for putting validation findings back where the user can find
/// them: `row 14` of a sheet, `feature 3`, `Placemark 12`.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    /// One per source, location, initiative and era, in the dataset's order.
    pub sources: Vec<String>,
    /// See [`Origins::sources`].
    pub locations: Vec<String>,
    /// See [`Origins::sources`].
    pub initiatives: Vec<String>,
    /// See [`Origins::sources`].
    pub eras: Vec<String>,
}

impl Origins {
    fn of(&self, locus: Locus) -> String {
        let list = match locus.collection {
            Collection::Meta => return "the title".to_owned(),
            Collection::Sources => &self.sources,
            Collection::Locations => &self.locations,
            Collection::Initiatives => &self.initiatives,
            Collection::Eras => &self.eras,
        };
        let item = list.get(locus.index).cloned().unwrap_or_else(|| format!("item {}", locus.index + 1));
        match locus.field {
            Some(field) => format!("{item}, {field}"),
            None => item,
        }
    }
}

/// Validates an imported dataset (the same checks as a RON file) and puts each finding at the item's
/// origin; the dataset is kept only when no problem is an error.
pub fn finish(dataset: Dataset, mut problems: Vec<Problem>, origins: &Origins) -> Loaded {
    let findings = validate(&dataset, &BrokenIds::default());
    for finding in &findings {
        let mut problem =
            Problem::in_cell(finding.severity, finding.kind, origins.of(finding.locus), finding.message.clone());
        problem.hint.clone_from(&finding.hint);
        problems.push(problem);
    }
    let has_errors = problems.iter().any(Problem::is_error);
    Loaded {
        dataset: (!has_errors).then_some(dataset),
        problems,
        source_map: SourceMap::default(),
        presentation: crate::formats::loaded::Presentation::default(),
        findings: (!has_errors).then_some(findings),
    }
}

/// The problem of a format this build does not read yet.
pub fn not_yet(kind: Kind) -> Loaded {
    let what = match kind {
        Kind::Csv => "CSV",
        Kind::Workbook => "spreadsheet (XLSX/ODS)",
        Kind::Json => "JSON",
        Kind::Kml => "KML",
        Kind::Kmz => "KMZ",
    };
    crate::formats::loaded::failed(Problem::at(
        Severity::Error,
        ProblemKind::Unreadable,
        (1, 1),
        format!("this is a {what} file, which this version of Alliance Atlas does not read yet"),
    ))
}

/// A slug not yet in `taken` (adds `-2`, `-3`, … when needed), remembered as taken.
pub fn unique_slug<S: std::hash::BuildHasher>(
    base: &str,
    fallback: &str,
    taken: &mut std::collections::HashSet<String, S>,
) -> String {
    let base = if base.is_empty() { fallback.to_owned() } else { base.to_owned() };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}
