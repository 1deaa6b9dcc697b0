//! Save a dataset as a RON file in our own style (like `data/us-japan-2023.ron`): `implicit_some`,
//! pretty, struct names written, optional fields left out when they are empty or absent, multi-line
//! text as multi-line strings. What it writes reads back equal through [`crate::formats::load_str`].

use serde::Serialize;

use crate::model::{Cite, Dataset, Era, FuzzyDate, Initiative, LineOfEffort, Location, Source, Status};
use crate::model::{LocationKind, PlacePrecision, Rel, RelKind};

/// The dataset as RON text; with `origin`, a first comment line says where it was imported from.
pub fn to_ron(dataset: &Dataset, origin: Option<&str>) -> String {
    let config = ::ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ")
        .extensions(::ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = String::new();
    if let Some(origin) = origin {
        let origin: String = origin.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        text = format!("// Imported from {origin} by Alliance Atlas\n");
    }
    // Serialising cannot fail: plain structs, strings, numbers and unit variants, well under the depth
    // limit (and `ron` writes non-finite floats as `inf`/`NaN`, which validation rejects anyway).
    text.push_str(&::ron::ser::to_string_pretty(&DatasetOut::of(dataset), config).unwrap_or_default());
    text.push('\n');
    text
}

/// One item of a dataset, to write on its own (a save that patches the file, `export::patch`).
#[derive(Clone, Copy, Debug)]
pub enum ItemRef<'a> {
    /// A source.
    Source(&'a Source),
    /// A place.
    Location(&'a Location),
    /// An initiative.
    Initiative(&'a Initiative),
    /// An era.
    Era(&'a Era),
}

/// One item in our style, as [`to_ron`] writes it inside its list but at no indent
/// (`Initiative(\n    id: "x",\n    …\n)`); with `implicit_some` (the file enables it), optional
/// values without `Some(…)`.
pub fn item_to_ron(item: ItemRef<'_>, implicit_some: bool) -> String {
    let extensions = if implicit_some {
        ::ron::extensions::Extensions::IMPLICIT_SOME
    } else {
        ::ron::extensions::Extensions::empty()
    };
    let config = ::ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ")
        .extensions(extensions);
    let text = match item {
        ItemRef::Source(s) => ::ron::ser::to_string_pretty(&SourceOut::of(s), config),
        ItemRef::Location(l) => ::ron::ser::to_string_pretty(&LocationOut::of(l), config),
        ItemRef::Initiative(i) => ::ron::ser::to_string_pretty(&InitiativeOut::of(i), config),
        ItemRef::Era(e) => ::ron::ser::to_string_pretty(&EraOut::of(e), config),
    };
    // As in `to_ron`: these plain structs always serialise. The extension line belongs to a file.
    let text = text.unwrap_or_default();
    match text.strip_prefix("#![enable(implicit_some)]") {
        Some(rest) => rest.trim_start().to_owned(),
        None => text,
    }
}

fn none<T>(items: &&[T]) -> bool {
    items.is_empty()
}

fn blank(text: &&str) -> bool {
    text.is_empty()
}

#[derive(Serialize)]
#[serde(rename = "Dataset")]
struct DatasetOut<'a> {
    meta: MetaOut<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<LocationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    initiatives: Vec<InitiativeOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<EraOut<'a>>,
}

impl<'a> DatasetOut<'a> {
    fn of(ds: &'a Dataset) -> Self {
        Self {
            meta: MetaOut {
                title: &ds.meta.title,
                description: &ds.meta.description,
                as_of: ds.meta.as_of,
                authors: &ds.meta.authors,
            },
            sources: ds.sources.iter().map(SourceOut::of).collect(),
            locations: ds.locations.iter().map(LocationOut::of).collect(),
            initiatives: ds.initiatives.iter().map(InitiativeOut::of).collect(),
            eras: ds.eras.iter().map(EraOut::of).collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Meta")]
struct MetaOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "blank")]
    description: &'a str,
    as_of: FuzzyDate,
    #[serde(skip_serializing_if = "none")]
    authors: &'a [String],
}

#[derive(Serialize)]
#[serde(rename = "Source")]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

impl<'a> SourceOut<'a> {
    fn of(s: &'a Source) -> Self {
        Self { id: &s.id, title: &s.title, publisher: &s.publisher, date: s.date, url: s.url.as_deref() }
    }
}

#[derive(Serialize)]
#[serde(rename = "Location")]
struct LocationOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_ja: Option<&'a str>,
    lat: f64,
    lon: f64,
    kind: LocationKind,
    precision: PlacePrecision,
    #[serde(skip_serializing_if = "blank")]
    country: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    coord_source: Option<&'a str>,
}

impl<'a> LocationOut<'a> {
    fn of(l: &'a Location) -> Self {
        Self {
            id: &l.id,
            name: &l.name,
            name_ja: l.name_ja.as_deref(),
            lat: l.lat,
            lon: l.lon,
            kind: l.kind,
            precision: l.precision,
            country: &l.country,
            coord_source: l.coord_source.as_deref(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Initiative")]
struct InitiativeOut<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "blank")]
    body: &'a str,
    lines_of_effort: &'a [LineOfEffort],
    #[serde(skip_serializing_if = "none")]
    actors: &'a [String],
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    announced: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "none")]
    places: &'a [String],
    #[serde(skip_serializing_if = "none")]
    related: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelOut<'a>>,
    #[serde(skip_serializing_if = "none")]
    tags: &'a [String],
    sources: Vec<CiteOut<'a>>,
}

impl<'a> InitiativeOut<'a> {
    fn of(i: &'a Initiative) -> Self {
        Self {
            id: &i.id,
            title: &i.title,
            summary: &i.summary,
            body: &i.body,
            lines_of_effort: &i.lines_of_effort,
            actors: &i.actors,
            status: i.status,
            status_note: i.status_note.as_deref(),
            announced: i.announced,
            start: i.start,
            target: i.target,
            completed: i.completed,
            end: i.end,
            places: &i.places,
            related: &i.related,
            relations: i.relations.iter().map(RelOut::of).collect(),
            tags: &i.tags,
            sources: i.sources.iter().map(CiteOut::of).collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Cite")]
struct CiteOut<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> CiteOut<'a> {
    fn of(c: &'a Cite) -> Self {
        Self { source: &c.source, note: c.note.as_deref() }
    }
}

#[derive(Serialize)]
#[serde(rename = "Rel")]
struct RelOut<'a> {
    to: &'a str,
    kind: RelKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> RelOut<'a> {
    fn of(r: &'a Rel) -> Self {
        Self { to: &r.to, kind: r.kind, note: r.note.as_deref() }
    }
}

#[derive(Serialize)]
#[serde(rename = "Era")]
struct EraOut<'a> {
    id: &'a str,
    title: &'a str,
    start: FuzzyDate,
    end: FuzzyDate,
}

impl<'a> EraOut<'a> {
    fn of(e: &'a Era) -> Self {
        Self { id: &e.id, title: &e.title, start: e.start, end: e.end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::load_str;
    use crate::model::DEFAULT_DATASET;

    #[test]
    fn the_embedded_dataset_reads_back_equal() {
        let dataset = load_str(DEFAULT_DATASET).dataset.expect("loads");
        let text = to_ron(&dataset, Some("tests/x.csv"));
        assert!(text.starts_with("// Imported from tests/x.csv by Alliance Atlas\n#![enable(implicit_some)]\n"));
        assert!(!text.contains("None") && !text.contains("Some("), "optional fields are left out");
        let back = load_str(&text);
        assert!(back.problems.is_empty(), "{:#?}", back.problems);
        assert_eq!(back.dataset.as_ref(), Some(&dataset));
    }
}
