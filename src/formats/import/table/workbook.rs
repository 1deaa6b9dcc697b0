//! XLSX and ODS workbooks → [`Sheet`]s (through `calamine`): date cells become days, numbers their
//! shortest text, oversized cells are refused at their cell.

use std::io::Cursor;

use calamine::{Data, Reader as _};

use super::cells::{Cell, MAX_CELL_BYTES, MAX_COLUMNS, Out, Row, Sheet, column_letters};
use crate::formats::problem::ProblemKind;
use crate::model::date::FuzzyDate;

/// Reads every sheet of a workbook; `None` when the workbook cannot be opened (the reason is in `out`).
pub fn read(bytes: &[u8], out: &mut Out) -> Option<Vec<Sheet>> {
    let mut book = match calamine::open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(e) => {
            let message = format!("this is not a workbook that can be read (XLSX or ODS): {e}");
            let hint = "the file may be truncated or another kind of ZIP; save it again as .xlsx or .csv";
            out.error(ProblemKind::Unreadable, "the workbook".to_owned(), message, Some(hint.to_owned()));
            return None;
        }
    };
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        match book.worksheet_range(&name) {
            Ok(range) => sheets.push(sheet(&name, &range, out)),
            Err(e) => {
                let message = format!("the sheet cannot be read: {e}");
                out.error(ProblemKind::Unreadable, format!("sheet {name}"), message, None);
            }
        }
    }
    Some(sheets)
}

fn sheet(name: &str, range: &calamine::Range<Data>, out: &mut Out) -> Sheet {
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut sheet = Sheet { name: Some(name.to_owned()), first_column: left, ..Sheet::default() };
    let mut rows = range.rows().enumerate();
    for (i, cells) in rows.by_ref() {
        if cells.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        if cells.len() > MAX_COLUMNS {
            let message = format!("the header has {} columns; at most {MAX_COLUMNS} are read", cells.len());
            out.error(ProblemKind::Unreadable, format!("sheet {name}!A{}", top + i + 1), message, None);
            return sheet;
        }
        sheet.headers = cells.iter().map(|c| text(c).trim().to_owned()).collect();
        break;
    }
    let width = sheet.headers.len();
    for (i, cells) in rows {
        if cells.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let number = top + i + 1;
        let mut row = Row { number, cells: Vec::with_capacity(width) };
        for (column, data) in cells.iter().take(width).enumerate() {
            row.cells.push(cell(data, || format!("sheet {name}!{}{number}", column_letters(left + column)), out));
        }
        row.cells.resize_with(width, Cell::default);
        sheet.rows.push(row);
    }
    sheet
}

fn cell(data: &Data, at: impl Fn() -> String, out: &mut Out) -> Cell {
    if let Data::DateTime(when) = data
        && when.is_datetime()
    {
        let (y, m, d, ..) = when.to_ymd_hms_milli();
        return match FuzzyDate::ymd(i32::from(y), m, d) {
            Ok(day) => Cell { text: day.to_data_string(), date: Some(day) },
            Err(why) => {
                out.error(ProblemKind::BadDate, at(), format!("the date cell is not a real day: {why}"), None);
                Cell::default()
            }
        };
    }
    if let Data::DateTimeIso(iso) = data
        && let Some(day) = iso.get(..10).and_then(|d| d.parse::<FuzzyDate>().ok())
    {
        return Cell { text: day.to_data_string(), date: Some(day) };
    }
    let text = text(data);
    if text.len() > MAX_CELL_BYTES {
        let message =
            format!("the cell holds {} bytes; cells over {} KiB are not read", text.len(), MAX_CELL_BYTES >> 10);
        out.error(ProblemKind::Unreadable, at(), message, Some("keep long texts in a linked document".to_owned()));
        return Cell::default();
    }
    Cell { text: text.trim().to_owned(), date: None }
}

fn text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
