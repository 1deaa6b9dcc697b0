//! XLSX and ODS workbooks → [`Sheet`]s (through `calamine`): date cells become days, numbers their
//! shortest text, oversized cells are refused at their cell. XLSX sheets are read cell by cell, so a
//! tiny file with one cell at A1 and one at XFD1048576 takes no room for the empty cells between.

use std::io::Cursor;

use calamine::{Data, Reader as _, Sheets};

use super::cells::{Cell, MAX_CELL_BYTES, MAX_COLUMNS, Out, Row, Sheet, column_letters};
use crate::formats::problem::ProblemKind;
use crate::model::date::FuzzyDate;

/// A sheet's filled cells: (0-based row, 0-based column, value), in any order.
type Sparse = Vec<(usize, usize, Data)>;

/// Reads every sheet of a workbook; `None` when the workbook cannot be opened (the reason is in `out`).
/// `calamine` is someone else's code reading untrusted bytes: a panic in it (an integer overflow on a
/// cell reference such as `AAAAAAAAA1` in a build with overflow checks, found by the fuzzer) becomes a
/// problem, and the app keeps the data it had.
pub fn read(bytes: &[u8], out: &mut Out) -> Option<Vec<Sheet>> {
    if let Ok(sheets) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(bytes, out))) {
        return sheets;
    }
    let message = "this workbook could not be read: the spreadsheet reader failed on it".to_owned();
    let hint = "open it in a spreadsheet program and save it again as .xlsx, or as .csv";
    out.error(ProblemKind::Unreadable, "the workbook".to_owned(), message, Some(hint.to_owned()));
    None
}

fn read_unguarded(bytes: &[u8], out: &mut Out) -> Option<Vec<Sheet>> {
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
    let names = book.sheet_names();
    let share = Share { total: bytes.len() as u64, sheets: names.len().max(1) as u64, sheet: 0 };
    for (i, name) in names.iter().enumerate() {
        let share = Share { sheet: i as u64, ..share };
        match cells_of(&mut book, name, share, out) {
            Ok(cells) => sheets.push(sheet(name, cells, out)),
            Err(None) => return None,
            Err(Some(e)) => {
                let message = format!("the sheet cannot be read: {e}");
                out.error(ProblemKind::Unreadable, format!("sheet {name}"), message, None);
            }
        }
    }
    Some(sheets)
}

/// Which part of the progress bar a sheet fills: sheet `sheet` of `sheets`, of `total` bytes.
#[derive(Clone, Copy)]
struct Share {
    total: u64,
    sheets: u64,
    sheet: u64,
}

/// Cells between two reports to the loading window.
const PROGRESS_CELLS: usize = 1 << 16;

/// A sheet's filled cells; `Err(None)` when the user cancelled (noted in `out`), `Err(Some(why))` when
/// the sheet cannot be read.
fn cells_of(
    book: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
    share: Share,
    out: &mut Out,
) -> Result<Sparse, Option<String>> {
    let mut cells = Vec::new();
    if let Sheets::Xlsx(xlsx) = book {
        let mut reader = xlsx.worksheet_cells_reader(name).map_err(|e| Some(e.to_string()))?;
        let rows = u64::from(reader.dimensions().end.0) + 1;
        while let Some(cell) = reader.next_cell().map_err(|e| Some(e.to_string()))? {
            let (row, column) = cell.get_position();
            if cells.len() % PROGRESS_CELLS == PROGRESS_CELLS - 1 {
                let part = share.total / share.sheets;
                let done = part * share.sheet + part * u64::from(row).min(rows) / rows;
                if out.progressed(done, share.total) {
                    return Err(None);
                }
            }
            let value = Data::from(cell.get_value().clone());
            if !matches!(value, Data::Empty) {
                cells.push((row as usize, column as usize, value));
            }
        }
        return Ok(cells);
    }
    let range = book.worksheet_range(name).map_err(|e| Some(e.to_string()))?;
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    for (r, row) in range.rows().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !matches!(value, Data::Empty) {
                cells.push((top + r, left + c, value.clone()));
            }
        }
    }
    Ok(cells)
}

fn sheet(name: &str, mut cells: Sparse, out: &mut Out) -> Sheet {
    let mut sheet = Sheet { name: Some(name.to_owned()), ..Sheet::default() };
    let wide = cells.iter().filter(|(_, c, _)| *c >= MAX_COLUMNS).count();
    if wide > 0 {
        let message = format!("{wide} cells right of column {} are not read", column_letters(MAX_COLUMNS - 1));
        out.warn(ProblemKind::Suspicious, format!("sheet {name}"), message, None);
        cells.retain(|(_, c, _)| *c < MAX_COLUMNS);
    }
    cells.sort_by_key(|(r, c, _)| (*r, *c));
    let mut rows: Vec<(usize, Vec<(usize, Data)>)> = Vec::new();
    for (r, c, value) in cells {
        match rows.last_mut() {
            Some((last, row)) if *last == r => row.push((c, value)),
            _ => rows.push((r, vec![(c, value)])),
        }
    }
    let mut rows = rows.into_iter();
    if let Some((_, header)) = rows.next() {
        let width = header.last().map_or(0, |(c, _)| c + 1);
        sheet.headers = vec![String::new(); width];
        for (c, value) in header {
            if let Some(slot) = sheet.headers.get_mut(c) {
                text(&value).trim().clone_into(slot);
            }
        }
    }
    let width = sheet.headers.len();
    for (r, values) in rows {
        let number = r + 1;
        let mut row = Row { number, cells: Vec::new() };
        for (column, data) in values.iter().filter(|(c, _)| *c < width) {
            let cell = cell(data, || format!("sheet {name}!{}{number}", column_letters(*column)), out);
            if !cell.text.is_empty() {
                row.cells.push((*column, cell));
            }
        }
        if !row.cells.is_empty() {
            sheet.rows.push(row);
        }
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
