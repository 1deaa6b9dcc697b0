//! iCalendar (RFC 5545), written by hand: it is a tiny text format and a library would add more than
//! it saves. One all-day VEVENT per dated initiative, filed under its main date ([`super::main_date`]):
//! a day is `DTSTART;VALUE=DATE`, a month, quarter, year or fiscal year an event spanning the period
//! (`DTEND` is the day after, exclusive, as the RFC wants); the date in words goes in the DESCRIPTION,
//! since a calendar cannot say "by 2025". Lines end in CRLF and are folded at 75 octets; text values
//! escape `\`, `;`, `,` and line breaks. Undated initiatives, and those whose date falls outside the
//! years 0–9999 that the format can write, are left out and counted.

use std::fmt::Write as _;

use super::{Subset, main_date};
use crate::model::schema::UnitEnum as _;
use crate::model::{Dataset, Day, Initiative, Status};

/// A calendar and what it left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The `.ics` text.
    pub text: String,
    /// How many events it holds.
    pub events: usize,
    /// Chosen initiatives without any date, left out.
    pub undated: usize,
    /// Chosen initiatives whose date lies outside the years 0–9999, left out.
    pub out_of_range: usize,
}

/// The chosen initiatives of `dataset` as an iCalendar file.
pub fn to_ics(dataset: &Dataset, subset: Subset<'_>) -> Calendar {
    let mut calendar = Calendar::default();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Alliance Atlas//Alliance Atlas//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", escape(&dataset.meta.title)),
    ];
    let stamp = format!("{}T000000Z", ics_date(dataset.meta.as_of.period.first_day()).unwrap_or_default());
    for initiative in subset.initiatives(dataset) {
        match event(dataset, initiative, &stamp) {
            Ok(event) => {
                lines.extend(event);
                calendar.events += 1;
            }
            Err(Skipped::Undated) => calendar.undated += 1,
            Err(Skipped::OutOfRange) => calendar.out_of_range += 1,
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    for line in lines {
        calendar.text.push_str(&fold(&line));
    }
    calendar
}

enum Skipped {
    Undated,
    OutOfRange,
}

fn event(dataset: &Dataset, initiative: &Initiative, stamp: &str) -> Result<Vec<String>, Skipped> {
    let (field, date) = main_date(initiative).ok_or(Skipped::Undated)?;
    let (first, last) = date.anchor();
    let start = ics_date(first).ok_or(Skipped::OutOfRange)?;
    let end = ics_date(last.plus_days(1)).ok_or(Skipped::OutOfRange)?;
    let mut description = format!(
        "{}: {} ({} precision). Status: {}.",
        capitalised(field),
        date.in_words(),
        date.period.precision_name(),
        initiative.status.name()
    );
    if let Some(note) = &initiative.status_note {
        let _ = write!(description, " {note}");
    }
    let _ = write!(description, "\n\n{}", initiative.summary);
    let url = initiative.sources.iter().filter_map(|c| dataset.source(&c.source)).find_map(|s| s.url.as_deref());
    if let Some(url) = url {
        let _ = write!(description, "\n\nSource: {url}");
    }
    let categories: Vec<String> = initiative.lines_of_effort.iter().map(|l| escape(l.name())).collect();
    let status = match initiative.status {
        Status::Cancelled => "CANCELLED",
        Status::Proposed | Status::Announced => "TENTATIVE",
        _ => "CONFIRMED",
    };
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@alliance-atlas", escape(&initiative.id)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{start}"),
        format!("DTEND;VALUE=DATE:{end}"),
        format!("SUMMARY:{}", escape(&initiative.title)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("STATUS:{status}"),
        "TRANSP:TRANSPARENT".to_owned(),
    ];
    if !categories.is_empty() {
        lines.push(format!("CATEGORIES:{}", categories.join(",")));
    }
    lines.push("END:VEVENT".to_owned());
    Ok(lines)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `YYYYMMDD`, or `None` outside the years 0–9999.
fn ics_date(day: Day) -> Option<String> {
    let (y, m, d) = day.ymd();
    (0..=9999).contains(&y).then(|| format!("{y:04}{m:02}{d:02}"))
}

/// A TEXT value escaped (RFC 5545 §3.3.11): `\` `;` `,` and line breaks (a CRLF is one break).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character, with CRLF after
/// each physical line; continuation lines start with one space.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "日本".repeat(40));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
