//! CSV and TSV text → a [`Sheet`]: UTF-8 (with or without a byte-order mark) or UTF-16 with one;
//! every bad byte and oversized cell reported at its row and column.

use std::borrow::Cow;

use super::cells::{Cell, MAX_CELL_BYTES, MAX_COLUMNS, Out, Row, Sheet};
use crate::formats::problem::ProblemKind;

/// Rows read between two reports to the loading window (a few milliseconds).
const PROGRESS_ROWS: usize = 4096;

/// Reads the bytes of a CSV (or TSV) file; `None` when nothing can be read (the reason is in `out`).
pub fn read(bytes: &[u8], out: &mut Out) -> Option<Sheet> {
    let text = decode(bytes, out)?;
    let delimiter = guess_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_ref());
    let mut records = reader.byte_records();
    let mut sheet = Sheet::default();
    let mut number = 0;
    let total = text.len() as u64;
    for record in records.by_ref() {
        number += 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let at = format!("row {number}");
                out.error(ProblemKind::Syntax, at, format!("the CSV cannot be read here: {e}"), None);
                return None;
            }
        };
        if number % PROGRESS_ROWS == 0 && out.progressed(record.position().map_or(0, csv::Position::byte), total) {
            return None;
        }
        if number == 1 {
            if record.len() > MAX_COLUMNS {
                let message = format!("the header has {} columns; at most {MAX_COLUMNS} are read", record.len());
                let hint = "is this a spreadsheet of initiatives? Check the delimiter and the first row";
                out.error(ProblemKind::Unreadable, "row 1".to_owned(), message, Some(hint.to_owned()));
                return None;
            }
            let headers = record.iter().map(header_text).collect();
            sheet.headers = headers;
            continue;
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let row = cells(&sheet, number, &record, out);
        sheet.rows.push(row);
    }
    if number == 0 {
        out.error(ProblemKind::EmptyText, "row 1".to_owned(), "the file is empty".to_owned(), None);
        return None;
    }
    Some(sheet)
}

fn header_text(field: &[u8]) -> String {
    let field = field.get(..MAX_CELL_BYTES.min(field.len())).unwrap_or_default();
    String::from_utf8_lossy(field).trim().to_owned()
}

fn cells(sheet: &Sheet, number: usize, record: &csv::ByteRecord, out: &mut Out) -> Row {
    let mut row = Row { number, cells: Vec::new() };
    for (column, field) in record.iter().enumerate() {
        if column >= sheet.headers.len() {
            if field.iter().any(|b| !b.is_ascii_whitespace()) {
                let at = format!("row {number}, column {}", column + 1);
                let message = format!(
                    "this row has more cells than the header's {} columns; the rest are ignored",
                    sheet.headers.len()
                );
                out.warn(ProblemKind::Suspicious, at, message, Some("give each column a header".to_owned()));
            }
            break;
        }
        let at = || sheet.cell_at(number, column);
        let text = if field.len() > MAX_CELL_BYTES {
            let message =
                format!("the cell holds {} bytes; cells over {} KiB are not read", field.len(), MAX_CELL_BYTES >> 10);
            out.error(ProblemKind::Unreadable, at(), message, Some("keep long texts in a linked document".to_owned()));
            String::new()
        } else {
            match std::str::from_utf8(field) {
                Ok(text) => text.trim().to_owned(),
                Err(e) => {
                    let message = format!(
                        "the cell is not valid UTF-8 text (bad byte at byte {} of the cell)",
                        e.valid_up_to() + 1
                    );
                    out.error(ProblemKind::Unreadable, at(), message, Some("save the file as UTF-8".to_owned()));
                    String::from_utf8_lossy(field).trim().to_owned()
                }
            }
        };
        if !text.is_empty() {
            row.cells.push((column, Cell { text, date: None }));
        }
    }
    row
}

/// The bytes as UTF-8: a UTF-8 byte-order mark dropped, UTF-16 (with its mark) decoded; invalid
/// UTF-8 is left for the cells to report where it is.
fn decode<'a>(bytes: &'a [u8], out: &mut Out) -> Option<Cow<'a, [u8]>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(Cow::Borrowed(rest));
    }
    let little = bytes.starts_with(b"\xFF\xFE");
    if !(little || bytes.starts_with(b"\xFE\xFF")) {
        return Some(Cow::Borrowed(bytes));
    }
    let units = bytes.get(2..).unwrap_or_default().chunks(2).map(|pair| match pair {
        [a, b] if little => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xD800, // an odd last byte: reported as a broken surrogate
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, unit) in char::decode_utf16(units).enumerate() {
        if let Ok(c) = unit {
            text.push(c);
        } else {
            let line = text.matches('\n').count() + 1;
            let message = format!("the UTF-16 text is broken at character {} (line {line})", i + 1);
            out.error(
                ProblemKind::Unreadable,
                format!("line {line}"),
                message,
                Some("save the file as UTF-8".to_owned()),
            );
            return None;
        }
    }
    Some(Cow::Owned(text.into_bytes()))
}

/// Tab when the first line has tabs and no commas (or semicolons), semicolon when it has only
/// those, else comma.
fn guess_delimiter(text: &[u8]) -> u8 {
    let first = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first.iter().filter(|&&b| b == d).map(|_| 1usize).sum::<usize>();
    let (commas, tabs, semis) = (count(b','), count(b'\t'), count(b';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}
