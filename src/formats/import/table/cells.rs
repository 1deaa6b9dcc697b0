//! What the spreadsheet readers share: a sheet of text cells with their row numbers, header
//! matching, and the problems collected on the way, each at its cell.

use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::model::date::FuzzyDate;

/// Largest cell read (1 MiB); a larger one is refused with a located error.
pub const MAX_CELL_BYTES: usize = 1 << 20;

/// Most columns a header may have.
pub const MAX_COLUMNS: usize = 1000;

/// One cell: its text, and its date when the workbook stored a date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// The text, trimmed.
    pub text: String,
    /// A workbook date cell, at day precision.
    pub date: Option<FuzzyDate>,
}

/// One row of cells, with its 1-based row number in the file or sheet.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// 1-based row number (the header is row 1 in a CSV).
    pub number: usize,
    /// The filled cells with their 0-based columns, in column order (sparse: a row with one cell far
    /// right takes no room for the empty ones).
    pub cells: Vec<(usize, Cell)>,
}

impl Row {
    /// The cell in a column, when it is filled.
    pub fn get(&self, column: usize) -> Option<&Cell> {
        let at = self.cells.binary_search_by_key(&column, |(c, _)| *c).ok()?;
        self.cells.get(at).map(|(_, cell)| cell)
    }
}

/// A sheet: a header row and the rows under it.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The workbook sheet's name; `None` for a CSV file.
    pub name: Option<String>,
    /// The header texts.
    pub headers: Vec<String>,
    /// The rows under the header, empty ones left out.
    pub rows: Vec<Row>,
    /// Written before every location: the file's name and a space, for a file beside the one opened.
    pub prefix: String,
}

impl Sheet {
    /// Where a cell is: `row 14, column "End Year"` or `sheet Initiatives!F14`.
    pub fn cell_at(&self, row: usize, column: usize) -> String {
        let prefix = &self.prefix;
        match &self.name {
            None => format!("{prefix}row {row}, column \"{}\"", self.headers.get(column).map_or("", String::as_str)),
            Some(sheet) => format!("{prefix}sheet {sheet}!{}{row}", column_letters(column)),
        }
    }

    /// Where a row is: `row 14` or `sheet Initiatives row 14`.
    pub fn row_at(&self, row: usize) -> String {
        let prefix = &self.prefix;
        match &self.name {
            None => format!("{prefix}row {row}"),
            Some(sheet) => format!("{prefix}sheet {sheet} row {row}"),
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A header as it is matched: lower case, without spaces, underscores and hyphens.
pub fn header_key(header: &str) -> String {
    header.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{a0}')).flat_map(char::to_lowercase).collect()
}

/// The problems found so far, in the order found.
#[derive(Debug, Default)]
pub struct Out {
    /// Every problem.
    pub problems: Vec<Problem>,
    /// Where the loading window learns how far the reading is, and asks to cancel.
    pub progress: Option<std::sync::Arc<crate::formats::loaded::Progress>>,
    /// How text dates are read.
    pub reading: Reading,
}

/// How text dates are read: whose fiscal year a bare "FY2027" is, and the day order of `03/04/2023`.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    /// Whose fiscal year.
    pub fiscal: crate::model::date::FiscalCalendar,
    /// Day or month first.
    pub day_order: crate::model::date_loose::DayOrder,
}

impl Default for Reading {
    fn default() -> Self {
        Self { fiscal: crate::model::date::FiscalCalendar::Japan, day_order: crate::model::date_loose::DayOrder::Ask }
    }
}

impl Out {
    /// Reports `done` of `total` bytes read. Returns true (after noting the cancellation as the load's
    /// one error) when the user cancelled: the reader then stops.
    pub fn progressed(&mut self, done: u64, total: u64) -> bool {
        let Some(progress) = &self.progress else { return false };
        progress.total.store(total, std::sync::atomic::Ordering::Relaxed);
        progress.done.store(done.min(total), std::sync::atomic::Ordering::Relaxed);
        if !progress.cancelled() {
            return false;
        }
        self.problems = vec![Problem::in_cell(
            Severity::Error,
            ProblemKind::Unreadable,
            String::new(),
            crate::formats::loaded::CANCELLED.to_owned(),
        )];
        true
    }

    /// An error at a cell.
    pub fn error(&mut self, kind: ProblemKind, at: String, message: String, hint: Option<String>) {
        self.push(Severity::Error, kind, at, message, hint);
    }

    /// A warning at a cell.
    pub fn warn(&mut self, kind: ProblemKind, at: String, message: String, hint: Option<String>) {
        self.push(Severity::Warning, kind, at, message, hint);
    }

    fn push(&mut self, severity: Severity, kind: ProblemKind, at: String, message: String, hint: Option<String>) {
        let mut problem = Problem::in_cell(severity, kind, at, message);
        problem.hint = hint;
        self.problems.push(problem);
    }
}

/// A readable slug of a text: folded to ASCII where it can be, words joined by `-`, at most 60 bytes.
pub fn slug(text: &str) -> String {
    let folded = crate::model::search::normalize(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

pub use crate::formats::import::unique_slug;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_slugs() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(slug("...And the women who made it work"), "and-the-women-who-made-it-work");
        assert_eq!(slug("Rózsa Péter writes recursion"), "rozsa-peter-writes-recursion");
        assert_eq!(slug("\"The Mother of the Internet\""), "the-mother-of-the-internet");
        assert_eq!(header_key("End_Year"), "endyear");
        assert_eq!(header_key("lines-of effort"), "linesofeffort");
    }
}
