//! CSV in our template: one row per initiative ([`initiatives_csv`], columns [`INITIATIVE_COLUMNS`])
//! and one row per place ([`places_csv`], columns [`PLACE_COLUMNS`], written next to it as
//! `NAME.places.csv`). Lists are `;`-joined; relations as `kind:id (note)` ([`relation_entry`]); several sources are `;`-joined column by column, aligned
//! (the n-th title goes with the n-th url); a `;` inside a list item is written as `,`. Dates are in our text form (`by 2025`, `JFY2027`); lines of
//! effort, statuses, kinds and precisions by their names in data files (`ForcePosture`).

use super::{Subset, joined};
use crate::model::schema::UnitEnum as _;
use crate::model::{Dataset, FuzzyDate, Initiative, Location, Rel};

/// The header of the initiatives CSV, the names the template importer reads.
pub const INITIATIVE_COLUMNS: [&str; 21] = [
    "id",
    "title",
    "summary",
    "body",
    "lines of effort",
    "status",
    "status note",
    "announced",
    "start",
    "target",
    "completed",
    "end",
    "places",
    "actors",
    "tags",
    "related",
    "relations",
    "source title",
    "source url",
    "source publisher",
    "source date",
];

/// The header of the places CSV.
pub const PLACE_COLUMNS: [&str; 8] = ["id", "name", "name ja", "lat", "lon", "kind", "precision", "country"];

/// The chosen initiatives as CSV, one row each.
pub fn initiatives_csv(dataset: &Dataset, subset: Subset<'_>) -> String {
    let rows = subset.initiatives(dataset).into_iter().map(|i| initiative_row(dataset, i));
    table(&INITIATIVE_COLUMNS, rows)
}

/// The places (those of the chosen initiatives, for a subset) as CSV, one row each.
pub fn places_csv(dataset: &Dataset, subset: Subset<'_>) -> String {
    let chosen = subset.initiatives(dataset);
    table(&PLACE_COLUMNS, subset.locations(dataset, &chosen).into_iter().map(place_row))
}

/// The name of the places file that goes with an initiatives file: `NAME.csv` → `NAME.places.csv`.
pub fn places_file_name(initiatives_file: &str) -> String {
    let stem = initiatives_file.strip_suffix(".csv").unwrap_or(initiatives_file);
    format!("{stem}.places.csv")
}

fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut written = writer.write_record(header);
    for row in rows {
        written = written.and_then(|()| writer.write_record(&row));
    }
    // Writing to memory cannot fail, and every cell is a `String`, so the bytes are UTF-8.
    let bytes = written.and_then(|()| writer.into_inner().map_err(|e| e.into_error().into())).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn date(date: Option<FuzzyDate>) -> String {
    date.map(FuzzyDate::to_data_string).unwrap_or_default()
}

fn initiative_row(dataset: &Dataset, i: &Initiative) -> Vec<String> {
    let sources: Vec<_> = i.sources.iter().map(|c| dataset.source(&c.source)).collect();
    let column =
        |cell: fn(&crate::model::Source) -> String| joined(sources.iter().map(|s| s.map(cell).unwrap_or_default()));
    vec![
        i.id.clone(),
        i.title.clone(),
        i.summary.clone(),
        i.body.clone(),
        joined(i.lines_of_effort.iter().map(|l| l.name())),
        i.status.name().to_owned(),
        i.status_note.clone().unwrap_or_default(),
        date(i.announced),
        date(i.start),
        date(i.target),
        date(i.completed),
        date(i.end),
        joined(&i.places),
        joined(&i.actors),
        joined(&i.tags),
        joined(&i.related),
        i.relations.iter().map(relation_entry).collect::<Vec<_>>().join("; "),
        column(|s| s.title.clone()),
        column(|s| s.url.clone().unwrap_or_default()),
        column(|s| s.publisher.clone()),
        column(|s| date(s.date)),
    ]
}

/// One relation in the `relations` column: `kind:id`, with ` (note)` after it when it has a note
/// (`enables:12mlr-redesignation`, `part of:12mlr-redesignation (a unit of the regiment)`).
/// A note keeps its `;` when its brackets pair up (the reader splits entries only outside brackets);
/// otherwise its `;` become `,` as in every other list.
pub fn relation_entry(rel: &Rel) -> String {
    match &rel.note {
        Some(note) if brackets_pair_up(note) => format!("{}:{} ({note})", rel.kind.label(), rel.to),
        Some(note) => format!("{}:{} ({})", rel.kind.label(), rel.to, note.replace(';', ",")),
        None => format!("{}:{}", rel.kind.label(), rel.to),
    }
}

/// Whether every `(` in `text` is closed by a later `)` and no `)` comes before its `(`.
fn brackets_pair_up(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

fn place_row(l: &Location) -> Vec<String> {
    vec![
        l.id.clone(),
        l.name.clone(),
        l.name_ja.clone().unwrap_or_default(),
        l.lat.to_string(),
        l.lon.to_string(),
        l.kind.name().to_owned(),
        l.precision.name().to_owned(),
        l.country.clone(),
    ]
}
