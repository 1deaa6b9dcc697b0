//! `TimelineJS` JSON: `title` (the title slide → the dataset's title and description), `events` (→
//! initiatives), `eras` (→ eras). Dates are `{year, month, day, hour, …, display_date}`, numbers or
//! strings; the precision follows the fields given (a year alone is a year), negative years are BCE
//! (`-3500` is 3500 BC), and a `display_date` is kept in the body next to the honest date.

use serde_json::Value;

use crate::formats::import::json::build::{Build, Item, first_sentence};
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::import::json::values::{location, media, number, text};
use crate::formats::loaded::Loaded;
use crate::formats::problem::ProblemKind;
use crate::model::calendar::{MAX_YEAR, MIN_YEAR};
use crate::model::date::{FuzzyDate, Period};

/// Reads a `TimelineJS` file (an object with `events`).
pub fn read(name: &str, root: &Value) -> Loaded {
    let mut build = Build::new(name, "TimelineJS JSON");
    let events = root.get("events").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (index, event) in events.iter().enumerate() {
        read_event(&mut build, event, index + 1);
    }
    let eras = root.get("eras").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (index, era) in eras.iter().enumerate() {
        read_era(&mut build, era, index + 1);
    }
    let slide = root.get("title");
    let slide_text = slide.and_then(|t| t.get("text"));
    let title = slide_text.map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let description = slide_text.map(|t| to_markdown(text(t, "text"))).unwrap_or_default();
    let mut loaded = build.finish(&title, description);
    // Groups are `TimelineJS`'s lanes: read as tags, shown (and exported again) as lanes by tag.
    loaded.presentation.lanes = Some(crate::model::view::LaneGrouping::Tag);
    loaded
}

fn read_event(build: &mut Build, event: &Value, n: usize) {
    let origin = format!("event {n}");
    let words = event.get("text");
    let headline = words.map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let html = words.map(|t| text(t, "text")).unwrap_or_default();
    let plain = to_plain(html);
    let caption = event.get("media").map(|m| to_plain(text(m, "caption"))).unwrap_or_default();
    let title = [headline, first_sentence(&caption), first_sentence(&plain)]
        .into_iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| format!("Event {n}"));
    let mut body = Vec::new();
    let start = date(build, event.get("start_date"), &origin, "start_date", &mut body);
    let end = date(build, event.get("end_date"), &origin, "end_date", &mut body);
    if let Some(shown) = event.get("display_date").and_then(Value::as_str).filter(|s| !s.trim().is_empty()) {
        body.push(format!("*Date as shown: {}*", to_plain(shown)));
    }
    let markdown = to_markdown(html);
    if !markdown.is_empty() {
        body.push(markdown);
    }
    let (cites, extra) = media(build, event.get("media"), &origin, None);
    if !extra.is_empty() {
        body.push(extra);
    }
    let places = location(build, event.get("location"), &title, &origin).into_iter().collect();
    let group = to_plain(text(event, "group"));
    let summary = if plain.is_empty() { title.clone() } else { first_sentence(&plain) };
    let item = Item {
        title,
        summary,
        body: body.join("\n\n"),
        start,
        end,
        places,
        tags: if group.is_empty() { Vec::new() } else { vec![group] },
        cites,
        ..Item::default()
    };
    let _ = build.item(item, origin);
}

fn read_era(build: &mut Build, era: &Value, n: usize) {
    let origin = format!("era {n}");
    let mut notes = Vec::new();
    let start = date(build, era.get("start_date"), &origin, "start_date", &mut notes);
    let end = date(build, era.get("end_date"), &origin, "end_date", &mut notes);
    let title = era.get("text").map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let title = if title.is_empty() { format!("Era {n}") } else { title };
    if let (Some(start), Some(end)) = (start, end) {
        build.era(&title, start, end, origin);
    } else {
        let message = format!("{origin} (\"{title}\") needs both a start_date and an end_date; it is skipped");
        build.warn(ProblemKind::MissingField, origin, message, "give the era both dates");
    }
}

/// A `TimelineJS` date; a problem is a warning (the item stays, undated) and a note in `body`.
fn date(
    build: &mut Build,
    value: Option<&Value>,
    origin: &str,
    field: &str,
    body: &mut Vec<String>,
) -> Option<FuzzyDate> {
    let value = value.filter(|v| !v.is_null())?;
    if let Some(shown) = value.get("display_date").and_then(Value::as_str).filter(|s| !s.trim().is_empty()) {
        body.push(format!("*Date as shown: {}*", to_plain(shown)));
    }
    match timeline_date(value) {
        Ok(date) => date,
        Err(message) => {
            let place = format!("{origin}, {field}");
            body.push(format!("*{field}: {message}*"));
            let hint = "the item is kept without this date; its original is in the body";
            build.warn(ProblemKind::BadDate, place, format!("{origin}: {field}: {message}"), hint);
            None
        }
    }
}

/// `{year, month, day}` → a date at the precision given; `Ok(None)` when no year is given.
pub fn timeline_date(value: &Value) -> Result<Option<FuzzyDate>, String> {
    if !value.is_object() {
        return Err(format!("{value} is not a date object like {{\"year\": 2023}}"));
    }
    let part = |key: &str| number(value.get(key)).map_err(|e| format!("{key} {e}"));
    let Some(year) = part("year")? else {
        return Ok(None);
    };
    if year.fract() != 0.0 {
        return Err(format!("year {year} is not a whole number"));
    }
    // TimelineJS writes 3500 BC as -3500; astronomical years (ours) call it -3499.
    let year = if year < 0.0 { year + 1.0 } else { year };
    if !(MIN_YEAR as f64..=MAX_YEAR as f64).contains(&year) {
        let shown = if year <= 0.0 { format!("{} BC", 1.0 - year) } else { format!("{year}") };
        return Err(format!("the year {shown} is beyond what the timeline shows (±1,000,000 years)"));
    }
    let year = year as i32;
    let small = |n: f64, what: &str| -> Result<u8, String> {
        if n.fract() == 0.0 && (1.0..=31.0).contains(&n) {
            Ok(n as u8)
        } else {
            Err(format!("{what} {n} does not exist"))
        }
    };
    let period = match (part("month")?, part("day")?) {
        (None, _) => Period::Year(year),
        (Some(month), None) => Period::Month(year, small(month, "month")?),
        (Some(month), Some(day)) => Period::Day(year, small(month, "month")?, small(day, "day")?),
    };
    period.validate().map(|p| Some(FuzzyDate::exact(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Option<FuzzyDate>, String> {
        timeline_date(&serde_json::from_str(json).unwrap_or_default())
    }

    #[test]
    fn precision_follows_the_fields_given() {
        assert_eq!(
            parse(r#"{"year": "1951", "month": "", "day": ""}"#),
            Ok(Some(FuzzyDate::exact(Period::Year(1951))))
        );
        assert_eq!(parse(r#"{"year": 1943, "month": "7"}"#), Ok(Some(FuzzyDate::exact(Period::Month(1943, 7)))));
        assert_eq!(
            parse(r#"{"year": "622", "month": "08", "day": "09", "hour": "6"}"#),
            FuzzyDate::ymd(622, 8, 9).map(Some)
        );
        assert_eq!(parse(r#"{"year": "-3500"}"#), Ok(Some(FuzzyDate::exact(Period::Year(-3499)))));
        assert_eq!(parse(r#"{"year": ""}"#), Ok(None));
        assert!(parse(r#"{"year": "-13800000000"}"#).is_err_and(|e| e.contains("13800000000 BC")));
        assert!(parse(r#"{"year": 2023, "month": 2, "day": 30}"#).is_err());
        assert!(parse(r#"{"year": "soon"}"#).is_err());
    }
}
