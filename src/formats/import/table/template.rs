//! Our template: one initiative a row (see `data/template.csv`); places by id, by name or as
//! "lat, lon"; several sources with `;` or repeated columns.

use super::build::{Build, SourceSpec};
use super::cells::{Cell, Out, Row, Sheet, header_key, slug, unique_slug};
use super::enums::named;
use super::places::Places;
use crate::formats::problem::ProblemKind;
use crate::model::date::FuzzyDate;
use crate::model::date_loose::parse_loose_with;
use crate::model::types::{Cite, Initiative, LineOfEffort, Rel, RelKind, Status};

/// Each field and the header keys that name it (after [`header_key`]).
const FIELDS: [(&str, &[&str]); 32] = [
    ("id", &["id"]),
    ("title", &["title"]),
    ("summary", &["summary"]),
    ("body", &["body", "description", "details"]),
    ("lines_of_effort", &["linesofeffort", "lineofeffort", "lines", "loe"]),
    ("status", &["status"]),
    ("status_note", &["statusnote"]),
    ("announced", &["announced", "announceddate"]),
    ("start", &["start", "startdate"]),
    ("target", &["target", "targetdate"]),
    ("completed", &["completed", "completeddate"]),
    ("end", &["end", "enddate"]),
    ("places", &["places", "place", "locations", "location"]),
    ("actors", &["actors", "actor"]),
    ("tags", &["tags", "tag"]),
    ("related", &["related"]),
    ("relations", &["relations", "relation", "links"]),
    ("enables", &["enables"]),
    ("depends on", &["dependson", "dependencies", "needs"]),
    ("supersedes", &["supersedes", "replaces"]),
    ("follows", &["follows"]),
    ("part of", &["partof"]),
    ("contradicts", &["contradicts"]),
    ("source title", &["sourcetitle", "source"]),
    ("source url", &["sourceurl", "url"]),
    ("source publisher", &["sourcepublisher", "publisher"]),
    ("source date", &["sourcedate"]),
    ("source note", &["sourcenote", "note"]),
    ("sources", &["sources"]),
    ("latitude", &["latitude", "lat"]),
    ("longitude", &["longitude", "lon"]),
    ("place name", &["placename"]),
];

/// Every field a column can be, in the order the import window lists them.
pub const FIELD_NAMES: [&str; 32] = {
    let mut names = [""; 32];
    let mut i = 0;
    while i < FIELDS.len() {
        names[i] = FIELDS[i].0;
        i += 1;
    }
    names
};

/// The field a header key (after [`header_key`]) names exactly.
pub fn field_of_key(key: &str) -> Option<&'static str> {
    FIELDS.iter().find(|(_, keys)| keys.contains(&key)).map(|(f, _)| *f)
}

/// Every header key and its field.
pub fn keys() -> impl Iterator<Item = (&'static str, &'static str)> {
    FIELDS.iter().flat_map(|(field, keys)| keys.iter().map(move |k| (*k, *field)))
}

/// The template's header names, for messages.
pub const EXPECTED: &str = "id, title, summary, body, lines of effort, status, announced, start, target, completed, end, \
     places, actors, tags, related, relations, source title, source url, source publisher, source date";

/// Which field (and which source group, from 0) each column is.
fn column_fields(headers: &[String]) -> Vec<Option<(&'static str, usize)>> {
    let mut seen: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let full = header_key(h);
            let bare = full.trim_end_matches(|c: char| c.is_ascii_digit());
            let numbered = bare.starts_with("source") && bare.len() < full.len();
            let key = if numbered { bare } else { full.as_str() };
            let field = FIELDS.iter().find(|(_, keys)| keys.contains(&key)).map(|(f, _)| *f)?;
            let group = if numbered {
                full.get(bare.len()..).and_then(|d| d.parse::<usize>().ok()).unwrap_or(1).saturating_sub(1)
            } else {
                seen.iter().filter(|f| **f == field).count()
            };
            seen.push(field);
            Some((field, group))
        })
        .collect()
}

/// Whether the headers are our template's: a title column.
pub fn recognise(headers: &[String]) -> bool {
    column_fields(headers).iter().any(|c| matches!(c, Some(("title", _))))
}

/// The fields the user chose for each column (the import window), with their source groups.
fn forced_fields(chosen: &[Option<String>]) -> Vec<Option<(&'static str, usize)>> {
    let mut seen: Vec<&str> = Vec::new();
    chosen
        .iter()
        .map(|c| {
            let field = FIELD_NAMES.iter().copied().find(|f| Some(*f) == c.as_deref())?;
            let group = seen.iter().filter(|f| **f == field).count();
            seen.push(field);
            Some((field, group))
        })
        .collect()
}

/// Reads the rows of the template into `build`; `forced` gives each column's field (the import
/// window) instead of reading the headers.
pub fn read(sheet: &Sheet, places: &mut Places, build: &mut Build, out: &mut Out, forced: Option<&[Option<String>]>) {
    let columns = forced.map_or_else(|| column_fields(&sheet.headers), forced_fields);
    let has = |field: &str| columns.iter().any(|c| matches!(c, Some((f, _)) if *f == field));
    let defaults = Defaults { status: !has("status"), line: !has("lines_of_effort") };
    if defaults.status || defaults.line {
        let what: Vec<&str> = [
            (defaults.status, "no status column: every initiative is Context"),
            (defaults.line, "no lines of effort column: every initiative is under Policy"),
        ]
        .iter()
        .filter_map(|(missing, words)| missing.then_some(*words))
        .collect();
        out.warn(
            ProblemKind::MissingField,
            sheet.row_at(header_row(sheet)),
            what.join("; "),
            Some("add the column to say more".to_owned()),
        );
    }
    for (column, header) in sheet.headers.iter().enumerate() {
        if forced.is_none() && columns.get(column).is_some_and(Option::is_none) && !header.is_empty() {
            let message = format!("column \"{header}\" is not one the template has; it is not read");
            out.warn(
                ProblemKind::UnknownField,
                sheet.cell_at(header_row(sheet), column),
                message,
                Some(format!("the columns are: {EXPECTED}")),
            );
        }
    }
    for row in &sheet.rows {
        build.rows_read += 1;
        let r = RowRead { sheet, row, columns: &columns };
        if let Some(initiative) = initiative(&r, places, build, out, defaults) {
            build.push(initiative, sheet.row_at(row.number));
        }
    }
}

fn header_row(sheet: &Sheet) -> usize {
    sheet.rows.first().map_or(1, |r| r.number.saturating_sub(1)).max(1)
}

struct RowRead<'a> {
    sheet: &'a Sheet,
    row: &'a Row,
    columns: &'a [Option<(&'static str, usize)>],
}

impl RowRead<'_> {
    fn column(&self, field: &str, group: usize) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some((field, group)))
    }

    fn cell(&self, field: &str, group: usize) -> Option<(&Cell, String)> {
        let column = self.column(field, group)?;
        Some((self.row.get(column)?, self.sheet.cell_at(self.row.number, column)))
    }

    fn text(&self, field: &str) -> &str {
        self.cell(field, 0).map_or("", |(c, _)| c.text.as_str())
    }

    fn list(&self, field: &str) -> Vec<String> {
        split(self.text(field))
    }

    fn date(&self, field: &str, group: usize, out: &mut Out) -> Option<FuzzyDate> {
        let (cell, at) = self.cell(field, group)?;
        date_of(cell, &at, out)
    }
}

fn split(text: &str) -> Vec<String> {
    text.split(';').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// A cell's date: a workbook's date cell, or text read as people write dates; an error at `at`.
pub fn date_of(cell: &Cell, at: &str, out: &mut Out) -> Option<FuzzyDate> {
    if cell.date.is_some() || cell.text.is_empty() {
        return cell.date;
    }
    match parse_loose_with(&cell.text, out.reading.fiscal, out.reading.day_order) {
        Ok(date) => Some(date),
        Err(e) => {
            out.error(ProblemKind::BadDate, at.to_owned(), e.message, e.hint);
            None
        }
    }
}

/// What a sheet without a status or lines of effort column gets for every row.
#[derive(Clone, Copy)]
struct Defaults {
    status: bool,
    line: bool,
}

fn initiative(
    r: &RowRead<'_>,
    places: &mut Places,
    build: &mut Build,
    out: &mut Out,
    defaults: Defaults,
) -> Option<Initiative> {
    let title = r.text("title");
    if title.is_empty() {
        let message = "the row has no title, so it is not an initiative; skipped".to_owned();
        out.warn(
            ProblemKind::EmptyText,
            r.sheet.row_at(r.row.number),
            message,
            Some("give every initiative a title".to_owned()),
        );
        build.skipped += 1;
        return None;
    }
    let id = if r.text("id").is_empty() {
        unique_slug(&slug(title), "initiative", &mut build.taken)
    } else {
        r.text("id").to_owned()
    };
    build.taken.insert(id.clone());
    let at = |field: &str| r.cell(field, 0).map_or_else(|| r.sheet.row_at(r.row.number), |(_, at)| at);
    let mut lines_of_effort: Vec<LineOfEffort> = r
        .list("lines_of_effort")
        .iter()
        .filter_map(|l| named::<LineOfEffort>(l, &at("lines_of_effort"), out))
        .collect();
    if defaults.line {
        lines_of_effort.push(crate::formats::import::json::build::IMPORTED_LINE);
    }
    let status = if defaults.status {
        Status::Context
    } else if r.text("status").is_empty() {
        let hint = format!("write one of {}", <Status as crate::model::schema::UnitEnum>::NAMES.join(", "));
        out.error(ProblemKind::MissingField, at("status"), "the status is empty".to_owned(), Some(hint));
        Status::Context
    } else {
        named::<Status>(r.text("status"), &at("status"), out).unwrap_or(Status::Context)
    };
    let places_at = at("places");
    let mut place_ids: Vec<String> =
        r.list("places").iter().filter_map(|p| places.resolve(p, &places_at, out)).collect();
    let (lat, lon) = (r.text("latitude"), r.text("longitude"));
    if !lat.is_empty() || !lon.is_empty() {
        let name = Some(r.text("place name")).filter(|n| !n.is_empty()).unwrap_or(title);
        place_ids.extend(places.resolve_point(lat, lon, name, &at("latitude"), out));
    }
    let mut sources: Vec<Cite> = r.list("sources").into_iter().map(|source| Cite { source, note: None }).collect();
    sources.extend(cites(r, build, out));
    if sources.is_empty() {
        // The file itself is where the row came from: cited, so provenance is never blank.
        sources.push(Cite { source: build.file_source(), note: None });
    }
    let body = r.text("body");
    let summary = match r.text("summary") {
        "" => crate::formats::import::json::build::first_sentence(body),
        summary => summary.to_owned(),
    };
    Some(Initiative {
        id,
        title: title.to_owned(),
        summary,
        body: body.to_owned(),
        lines_of_effort,
        actors: r.list("actors"),
        status,
        status_note: Some(r.text("status_note").to_owned()).filter(|t| !t.is_empty()),
        announced: r.date("announced", 0, out),
        start: r.date("start", 0, out),
        target: r.date("target", 0, out),
        completed: r.date("completed", 0, out),
        end: r.date("end", 0, out),
        places: place_ids,
        related: r.list("related"),
        relations: relations(r, out),
        tags: r.list("tags"),
        sources,
    })
}

/// The row's relations: the `relations` column's entries, then each kind's column of ids.
fn relations(r: &RowRead<'_>, out: &mut Out) -> Vec<Rel> {
    let mut rels = r.cell("relations", 0).map_or_else(Vec::new, |(c, at)| super::relations::parse(&c.text, &at, out));
    for kind in RelKind::ALL {
        rels.extend(r.list(kind.label()).into_iter().map(|to| Rel { to, kind, note: None }));
    }
    rels
}

/// The row's sources: each group of source columns, each `;`-separated entry of them.
fn cites(r: &RowRead<'_>, build: &mut Build, out: &mut Out) -> Vec<Cite> {
    // The groups the headers name, in order: "source title 4000000000" is one group, not four
    // billion (the fuzzer's timeout found that loop).
    let mut groups: Vec<usize> =
        r.columns.iter().filter_map(|c| c.filter(|(f, _)| f.starts_with("source ")).map(|(_, g)| g)).collect();
    groups.sort_unstable();
    groups.dedup();
    if groups.is_empty() {
        groups.push(0);
    }
    let mut cites = Vec::new();
    for group in groups {
        let parts = |field: &str| -> Vec<String> {
            r.cell(field, group)
                .map_or_else(Vec::new, |(c, _)| c.text.split(';').map(|t| t.trim().to_owned()).collect())
        };
        let (titles, urls, publishers, notes) =
            (parts("source title"), parts("source url"), parts("source publisher"), parts("source note"));
        let dates = parts("source date");
        let count = [titles.len(), urls.len(), publishers.len(), dates.len()].into_iter().max().unwrap_or(0);
        for i in 0..count {
            let pick = |list: &[String]| list.get(i).cloned().unwrap_or_default();
            let url = Some(pick(&urls)).filter(|u| !u.is_empty());
            let title = Some(pick(&titles)).filter(|t| !t.is_empty()).or_else(|| url.clone());
            let Some(title) = title else { continue };
            let date = match (r.cell("source date", group), dates.get(i)) {
                (Some((cell, at)), Some(text)) if !text.is_empty() => {
                    date_of(&Cell { text: text.clone(), date: cell.date }, &at, out)
                }
                _ => None,
            };
            let spec = SourceSpec { title, publisher: pick(&publishers), url, date };
            let source = build.source(spec, &r.sheet.row_at(r.row.number));
            let note = Some(pick(&notes)).filter(|n| !n.is_empty());
            cites.push(Cite { source, note });
        }
    }
    cites
}
