//! `TimelineJS` sheets (v3: Year, Month, Day, …, Headline, Text, Media, Type, Group; v1: Start Date,
//! End Date, Tag): the `title` row gives the dataset's title, `era` rows eras, every other dated row
//! an initiative of status `Context`.

use super::build::{Build, SourceSpec};
use super::cells::{Cell, Out, Row, Sheet, header_key, slug, unique_slug};
use super::html::{to_markdown, to_plain};
use super::template::date_of;
use crate::formats::problem::ProblemKind;
use crate::model::date::{FuzzyDate, Period};
use crate::model::types::{Cite, Era, Initiative, LineOfEffort, Status};

/// The header names of a `TimelineJS` sheet, for messages.
pub const EXPECTED: &str = "Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, \
     Text, Media, Media Credit, Media Caption, Media Thumbnail, Alt Text, Type, Group, Background";

/// Whether the headers are a `TimelineJS` sheet's: Headline, and Year or Start Date.
pub fn recognise(headers: &[String]) -> bool {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let has = |k: &str| keys.iter().any(|h| h == k);
    has("headline") && (has("year") || has("startdate"))
}

struct RowRead<'a> {
    sheet: &'a Sheet,
    row: &'a Row,
    keys: &'a [String],
}

impl RowRead<'_> {
    fn cell(&self, key: &str) -> Option<(&Cell, String)> {
        let column = self.keys.iter().position(|k| k == key)?;
        Some((self.row.get(column)?, self.sheet.cell_at(self.row.number, column)))
    }

    fn text(&self, key: &str) -> &str {
        self.cell(key).map_or("", |(c, _)| c.text.as_str())
    }

    /// The date of Year/Month/Day (or `prefix` Year/…), at the precision of the filled cells; or of
    /// a v1 date column.
    fn date(&self, prefix: &str, v1: &str, out: &mut Out) -> Option<FuzzyDate> {
        let year_key = format!("{prefix}year");
        if self.text(&year_key).is_empty() {
            let (cell, at) = self.cell(v1)?;
            return v1_date(cell, &at, out);
        }
        let mut parts = [0i32; 3];
        let mut filled = 0;
        for (i, unit) in ["year", "month", "day"].iter().enumerate() {
            let key = format!("{prefix}{unit}");
            let Some((cell, at)) = self.cell(&key).filter(|(c, _)| !c.text.is_empty()) else { break };
            let Some(value) = whole_number(&cell.text) else {
                out.error(ProblemKind::BadDate, at, format!("{unit} \"{}\" is not a whole number", cell.text), None);
                return None;
            };
            parts[i] = value;
            filled = i + 1;
        }
        let small = |v: i32| u8::try_from(v).unwrap_or(u8::MAX);
        let period = match filled {
            1 => Period::Year(parts[0]),
            2 => Period::Month(parts[0], small(parts[1])),
            _ => Period::Day(parts[0], small(parts[1]), small(parts[2])),
        };
        match period.validate() {
            Ok(period) => Some(FuzzyDate::exact(period)),
            Err(why) => {
                let at = self.cell(&year_key).map(|(_, at)| at).unwrap_or_default();
                out.error(ProblemKind::BadDate, at, format!("the date does not exist: {why}"), None);
                None
            }
        }
    }
}

/// "1815", "-500" (BCE), "1815.0".
fn whole_number(text: &str) -> Option<i32> {
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse().ok()
}

/// A v1 date cell: "2012,1,26" (year, month, day), a workbook date, or a date as people write them.
fn v1_date(cell: &Cell, at: &str, out: &mut Out) -> Option<FuzzyDate> {
    let parts: Vec<&str> = cell.text.split(',').map(str::trim).collect();
    if cell.date.is_none() && parts.len() > 1 && parts.iter().all(|p| whole_number(p).is_some()) {
        let n: Vec<i32> = parts.iter().filter_map(|p| whole_number(p)).collect();
        let small = |i: usize| n.get(i).and_then(|v| u8::try_from(*v).ok()).unwrap_or(u8::MAX);
        let period = if n.len() == 2 { Period::Month(n[0], small(1)) } else { Period::Day(n[0], small(1), small(2)) };
        return match period.validate() {
            Ok(p) => Some(FuzzyDate::exact(p)),
            Err(why) => {
                out.error(ProblemKind::BadDate, at.to_owned(), format!("the date does not exist: {why}"), None);
                None
            }
        };
    }
    date_of(cell, at, out)
}

/// Reads the rows of a `TimelineJS` sheet into `build`.
pub fn read(sheet: &Sheet, build: &mut Build, out: &mut Out) {
    let keys: Vec<String> = sheet.headers.iter().map(|h| header_key(h)).collect();
    for row in &sheet.rows {
        build.rows_read += 1;
        let r = RowRead { sheet, row, keys: &keys };
        let kind = r.text("type").to_lowercase();
        if kind == "title" {
            build.dataset.meta.title = to_plain(r.text("headline"));
            build.dataset.meta.description = to_markdown(r.text("text"));
            continue;
        }
        let origin = sheet.row_at(row.number);
        let errors_before = out.problems.len();
        let start = r.date("", "startdate", out);
        let end = r.date("end", "enddate", out);
        let Some(start) = start else {
            if out.problems.len() == errors_before {
                out.warn(
                    ProblemKind::Suspicious,
                    origin,
                    "the row has no Year, so it has no place on a timeline; skipped".to_owned(),
                    Some("fill in Year (and Month and Day when known)".to_owned()),
                );
                build.skipped += 1;
            }
            continue;
        };
        let title = title(&r);
        if kind == "era" {
            let id = unique_slug(&slug(&title), &format!("era-row-{}", row.number), &mut build.taken);
            build.dataset.eras.push(Era { id, title, start, end: end.unwrap_or(start) });
            build.origins.eras.push(origin);
            continue;
        }
        let initiative = initiative(&r, title, start, end, build);
        build.push(initiative, origin);
    }
}

fn title(r: &RowRead<'_>) -> String {
    let headline = to_plain(r.text("headline"));
    if !headline.is_empty() {
        return headline;
    }
    let text = to_plain(r.text("text"));
    let cut: String = text.chars().take(80).collect();
    if cut.is_empty() { format!("Row {}", r.row.number) } else { cut }
}

fn initiative(
    r: &RowRead<'_>,
    title: String,
    start: FuzzyDate,
    end: Option<FuzzyDate>,
    build: &mut Build,
) -> Initiative {
    let id = unique_slug(&slug(&title), &format!("row-{}", r.row.number), &mut build.taken);
    let body = to_markdown(r.text("text"));
    let summary = body.split("\n\n").next().unwrap_or_default().to_owned();
    let body = if summary == body { String::new() } else { body };
    let mut tags: Vec<String> = [r.text("group")].into_iter().filter(|t| !t.is_empty()).map(str::to_owned).collect();
    tags.extend(r.text("tag").split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned));
    let media = r.text("media");
    let url = Some(media.to_owned()).filter(|m| m.starts_with("http://") || m.starts_with("https://"));
    let credit = to_plain(r.text("mediacredit"));
    let caption = to_plain(r.text("mediacaption"));
    let source = if url.is_some() || !credit.is_empty() {
        let title = [&caption, &credit]
            .into_iter()
            .find(|t| !t.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("Media for \"{title}\""));
        build.source(SourceSpec { title, publisher: credit, url, date: None }, &r.sheet.row_at(r.row.number))
    } else {
        build.file_source()
    };
    Initiative {
        id,
        title,
        summary,
        body,
        lines_of_effort: vec![LineOfEffort::Policy],
        actors: Vec::new(),
        status: Status::Context,
        status_note: None,
        announced: None,
        start: Some(start),
        target: None,
        completed: None,
        end,
        places: Vec::new(),
        related: Vec::new(),
        relations: Vec::new(),
        tags,
        sources: vec![Cite { source, note: None }],
    }
}
