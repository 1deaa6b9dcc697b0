//! Spreadsheets: our template and `TimelineJS` sheets, as CSV, XLSX or ODS.
//!
//! The bytes become [`cells::Sheet`]s (`csv_in`, `workbook`), the headers say which kind of sheet it
//! is (`template`, `timeline`), and the rows become a dataset (`build`) that is validated like a RON
//! file. Every problem is at its cell; a row that cannot be an initiative is skipped with a warning.

mod build;
mod cells;
mod csv_in;
mod enums;
mod html;
mod mapping;
mod places;
mod relations;
mod template;
mod timeline;

use std::path::Path;

use crate::formats::import::{Kind, Origins, finish, not_yet};
use crate::formats::loaded::{ImportOptions, Loaded, Progress};
use crate::formats::problem::ProblemKind;
use crate::model::date::FiscalCalendar;
use build::Build;
use cells::{Out, Sheet};

/// Reads the file's bytes into a dataset, every problem located.
pub fn read(
    kind: Kind,
    name: &str,
    bytes: &[u8],
    progress: Option<std::sync::Arc<Progress>>,
    options: &ImportOptions,
) -> Loaded {
    let fiscal = if options.us_fiscal { FiscalCalendar::Us } else { FiscalCalendar::Japan };
    let reading = cells::Reading { fiscal, day_order: options.day_order };
    let mut out = Out { progress, reading, ..Out::default() };
    let total = bytes.len() as u64;
    out.progressed(0, total);
    let mut build = Build::new(display_name(name));
    let sheets = match kind {
        Kind::Csv => csv_in::read(bytes, &mut out).map(|s| vec![s]),
        Kind::Workbook => workbook::read(bytes, &mut out),
        Kind::Json | Kind::Kml | Kind::Kmz => return not_yet(kind),
    };
    let Some(sheets) = sheets else { return Build::finish_failed(out) };
    // Read: what is left is building and checking ("Checking and indexing" in the loading window).
    if out.progressed(total, total) {
        return Build::finish_failed(out);
    }
    let is_places = |s: &Sheet| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case("places"));
    let Some(main) = sheets.iter().find(|s| !is_places(s) && !s.headers.is_empty()) else {
        out.error(
            ProblemKind::EmptyText,
            "the workbook".to_owned(),
            "the workbook has no sheet with a header row".to_owned(),
            None,
        );
        return Build::finish_failed(out);
    };
    let forced = options.columns.as_deref();
    let timeline_sheet = forced.is_none() && timeline::recognise(&main.headers);
    if timeline_sheet {
        timeline::read(main, &mut build, &mut out);
    } else if forced.is_some() || template::recognise(&main.headers) {
        let places_sheet = match kind {
            Kind::Csv => places_file(name, &mut out),
            _ => sheets.iter().find(|s| is_places(s)).cloned(),
        };
        let home =
            if kind == Kind::Csv { format!("{}.places.csv", build.file_stem()) } else { "the places sheet".to_owned() };
        let mut places = places_sheet.map_or_else(
            || places::Places { home: home.clone(), ..places::Places::default() },
            |sheet| places::read(&sheet, &home, &mut out),
        );
        template::read(main, &mut places, &mut build, &mut out, forced);
        build.dataset.locations = places.list;
        build.origins.locations = places.origins;
    } else {
        unknown_headers(main, &mut out);
        let mut loaded = Build::finish_failed(out);
        loaded.presentation.columns = Some(mapping::request(main, name, bytes));
        return loaded;
    }
    let (dataset, problems, from) = build.into_parts(out);
    let origins =
        Origins { sources: from.sources, locations: from.locations, initiatives: from.initiatives, eras: from.eras };
    // A `TimelineJS` sheet's groups are its lanes: read as tags, shown (and exported) as lanes by tag.
    let mut loaded = finish(dataset, problems, &origins);
    loaded.presentation.lanes = timeline_sheet.then_some(crate::model::view::LaneGrouping::Tag);
    loaded
}

mod workbook;

/// Every field a column can be mapped to in the import window (the template's field names).
pub const FIELDS: [&str; 32] = template::FIELD_NAMES;

/// A field's name in words, for the import window (`lines_of_effort` → "Lines of effort").
pub fn field_label(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The name shown in titles and the file's own source: the path's last part.
fn display_name(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if base.is_empty() { "the spreadsheet" } else { base }
}

/// `NAME.places.csv` beside `NAME.csv`, when `name` is a path that has one.
fn places_file(name: &str, out: &mut Out) -> Option<Sheet> {
    let path = Path::new(name);
    let stem = path.file_stem()?.to_str()?;
    let sibling = path.with_file_name(format!("{stem}.places.csv"));
    if name.is_empty() || !sibling.is_file() {
        return None;
    }
    let bytes = match crate::formats::loaded::read_limited(&sibling) {
        Ok(bytes) => bytes,
        Err(problem) => {
            out.error(ProblemKind::Unreadable, sibling.display().to_string(), problem.message, problem.hint);
            return None;
        }
    };
    let mut inner = Out::default();
    let sheet = csv_in::read(&bytes, &mut inner);
    let file = sibling.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_owned();
    for mut problem in inner.problems {
        problem.cell = problem.cell.map(|c| format!("{file} {c}"));
        out.problems.push(problem);
    }
    sheet.map(|mut s| {
        s.prefix = format!("{file} ");
        s
    })
}

fn unknown_headers(sheet: &Sheet, out: &mut Out) {
    let shown: Vec<String> = sheet.headers.iter().take(30).map(|h| format!("\"{h}\"")).collect();
    let more = sheet.headers.len().saturating_sub(shown.len());
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    let message =
        format!("the headers are not our template's nor a TimelineJS sheet's: found {}{more}", shown.join(", "));
    let hint = format!(
        "our template has {} (at least title); a TimelineJS sheet has {} (at least Year and Headline)",
        template::EXPECTED,
        timeline::EXPECTED
    );
    let at = match &sheet.name {
        None => "row 1".to_owned(),
        Some(name) => {
            format!("sheet {name} row {}", sheet.rows.first().map_or(1, |r| r.number.saturating_sub(1)).max(1))
        }
    };
    out.error(ProblemKind::UnknownField, at, message, Some(hint));
}
