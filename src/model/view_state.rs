//! A view state: everything that makes up what is on screen — time window, map camera, selection,
//! filters, lane grouping, visible panels. Pure data: saved views, briefing steps and links share it.
//! It has a RON form (files) and a compact `key=value;…` text form (links, clipboard) that round-trips
//! exactly.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::filter::Filter;
use super::view::{LaneGrouping, MapView, TimeView};

/// What is selected, by id (ids survive reloads; positions do not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SelectionRef {
    /// An initiative id.
    Initiative(String),
    /// A location id.
    Location(String),
}

/// Which of the two big views show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Panels {
    /// Map and timeline together.
    #[default]
    Both,
    /// Only the map.
    Map,
    /// Only the timeline.
    Timeline,
}

/// What is on screen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// Timeline window.
    pub time: Option<TimeView>,
    /// Map camera.
    pub map: Option<MapView>,
    /// Selection.
    pub selection: Option<SelectionRef>,
    /// Filters, search and as-of day.
    pub filter: Filter,
    /// Timeline lanes.
    pub lanes: LaneGrouping,
    /// Visible panels.
    pub panels: Panels,
}

/// A named view, as saved next to a dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    /// Name shown in the views list.
    pub name: String,
    /// The view.
    pub view: ViewState,
}

/// The file of saved views that sits next to a dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedViews {
    /// In the user's order.
    pub views: Vec<SavedView>,
}

/// Largest day number (either sign) a view may name: a little over a million years.
const MAX_DAY_NUMBER: u64 = 400_000_000;

/// Escapes the characters the text form uses as separators.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Also every ASCII control character and space: the text form is trimmed when read.
            '%' | ';' | '=' | ',' | '&' | '#' | ' ' | '\0'..='\x1f' | '\x7f' => {
                write!(out, "%{:02X}", c as u32).ok();
            }
            _ => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            let hex: String = chars.by_ref().take(2).collect();
            if hex.len() != 2 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(format!("bad escape %{hex}: a % is followed by two hex digits"));
            }
            let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("bad escape %{hex}"))?;
            out.push(char::from_u32(code).ok_or_else(|| format!("bad escape %{hex}"))?);
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// An enum value as its RON name (`ForcePosture`).
fn name<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

fn parse_name<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    ron::from_str(text).map_err(|_| format!("unknown value {text}"))
}

fn numbers(text: &str, n: usize) -> Result<Vec<f64>, String> {
    let values: Vec<f64> = text
        .split(',')
        .map(|v| v.parse::<f64>().map_err(|_| format!("not a number: {v}")))
        .collect::<Result<_, _>>()?;
    if values.len() == n && values.iter().all(|v| v.is_finite()) {
        Ok(values)
    } else {
        Err(format!("expected {n} numbers, found {text}"))
    }
}

/// A day number, within the years dates may have.
fn day_number(value: &str) -> Result<i64, String> {
    let day: i64 = value.parse().map_err(|_| format!("not a day number: {value}"))?;
    if day.unsigned_abs() > MAX_DAY_NUMBER {
        return Err(format!("day {day} is beyond the years dates may have"));
    }
    Ok(day)
}

fn list<T: Serialize>(values: impl IntoIterator<Item = T>) -> String {
    values.into_iter().map(|v| escape(&name(&v))).collect::<Vec<_>>().join(",")
}

impl ViewState {
    /// The compact text form, e.g. `t=19000,19700;m=26.4,127.9,9;s=i:12mlr-decision;q=okinawa`.
    pub fn to_text(&self) -> String {
        let f = &self.filter;
        let mut parts: Vec<String> = Vec::new();
        if let Some(t) = self.time {
            parts.push(format!("t={},{}", t.start, t.end));
        }
        if let Some(m) = self.map {
            parts.push(format!("m={},{},{}", m.lat, m.lon, m.zoom));
        }
        match &self.selection {
            Some(SelectionRef::Initiative(id)) => parts.push(format!("s=i:{}", escape(id))),
            Some(SelectionRef::Location(id)) => parts.push(format!("s=l:{}", escape(id))),
            None => {}
        }
        let optional = [
            ("q", (!f.search.is_empty()).then(|| escape(&f.search))),
            ("lo", (!f.lines.is_empty()).then(|| list(f.lines.iter()))),
            ("st", (!f.statuses.is_empty()).then(|| list(f.statuses.iter()))),
            ("ac", (!f.actors.is_empty()).then(|| f.actors.iter().map(|a| escape(a)).collect::<Vec<_>>().join(","))),
            ("pk", (!f.place_kinds.is_empty()).then(|| list(f.place_kinds.iter()))),
            ("hp", f.has_place.map(|h| u8::from(h).to_string())),
            ("dr", f.date_range.map(|(a, b)| format!("{a},{b}"))),
            ("ao", f.as_of.map(|d| d.to_string())),
            ("cf", f.since.map(|d| d.to_string())),
            ("ch", (!f.changes.is_empty()).then(|| list(f.changes.iter()))),
            ("lg", (self.lanes != LaneGrouping::default()).then(|| name(&self.lanes))),
            ("p", (self.panels != Panels::default()).then(|| name(&self.panels))),
        ];
        parts.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| format!("{k}={v}"))));
        parts.join(";")
    }

    /// Reads the compact text form; unknown keys are errors so typos in links do not pass silently.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let mut view = Self::default();
        // Only ASCII white space is trimmed (what a pasted link picks up); the writer escapes it.
        for part in text.trim_matches(|c: char| c.is_ascii_whitespace()).split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').ok_or_else(|| format!("expected key=value, found {part}"))?;
            view.set(key, value)?;
        }
        Ok(view)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let f = &mut self.filter;
        let items = || value.split(',').map(unescape);
        match key {
            "t" => {
                let v = numbers(value, 2)?;
                self.time = Some(TimeView { start: v[0], end: v[1] });
            }
            "m" => {
                let v = numbers(value, 3)?;
                self.map = Some(MapView { lat: v[0], lon: v[1], zoom: v[2] });
            }
            "s" => {
                self.selection = Some(match value.split_once(':') {
                    Some(("i", id)) => SelectionRef::Initiative(unescape(id)?),
                    Some(("l", id)) => SelectionRef::Location(unescape(id)?),
                    _ => return Err(format!("selection must be i:ID or l:ID, found {value}")),
                });
            }
            "q" => f.search = unescape(value)?,
            "lo" => f.lines = items().map(|v| parse_name(&v?)).collect::<Result<_, _>>()?,
            "st" => f.statuses = items().map(|v| parse_name(&v?)).collect::<Result<_, _>>()?,
            "ac" => f.actors = items().collect::<Result<_, _>>()?,
            "pk" => f.place_kinds = items().map(|v| parse_name(&v?)).collect::<Result<_, _>>()?,
            "hp" => f.has_place = Some(value == "1"),
            "dr" => {
                let v = numbers(value, 2)?;
                if v.iter().any(|d| d.abs() > MAX_DAY_NUMBER as f64) {
                    return Err(format!("date range {value} is beyond the years dates may have"));
                }
                f.date_range = Some((v[0].min(v[1]), v[0].max(v[1])));
            }
            "ao" => f.as_of = Some(day_number(value)?),
            "cf" => f.since = Some(day_number(value)?),
            "ch" => f.changes = items().map(|v| parse_name(&v?)).collect::<Result<_, _>>()?,
            "lg" => self.lanes = parse_name(value)?,
            "p" => self.panels = parse_name(value)?,
            other => return Err(format!("unknown key {other}")),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::ChangeKind;
    use crate::model::{LineOfEffort, LocationKind, Status};

    fn full() -> ViewState {
        ViewState {
            time: Some(TimeView { start: 19_000.123_456_789, end: 20_000.5 }),
            map: Some(MapView { lat: 26.460_467, lon: 127.915_076, zoom: 9.25 }),
            selection: Some(SelectionRef::Initiative("12mlr-decision".to_owned())),
            filter: Filter {
                search: "Kanoya; MQ-9 = 50% & more, #1".to_owned(),
                lines: [LineOfEffort::Isr, LineOfEffort::ForcePosture].into(),
                statuses: [Status::Completed].into(),
                actors: ["US".to_owned(), "JP,KR".to_owned()].into(),
                place_kinds: [LocationKind::Airbase].into(),
                has_place: Some(true),
                date_range: Some((19_000.0, 19_500.75)),
                as_of: Some(19_509),
                since: Some(19_368),
                changes: [ChangeKind::Completed, ChangeKind::TargetMissed].into(),
            },
            lanes: LaneGrouping::Status,
            panels: Panels::Map,
        }
    }

    #[test]
    fn the_text_form_round_trips_exactly() {
        for view in [full(), ViewState::default()] {
            let text = view.to_text();
            assert_eq!(ViewState::from_text(&text), Ok(view.clone()), "{text}");
        }
        assert_eq!(ViewState::default().to_text(), "");
    }

    #[test]
    fn the_ron_form_round_trips_exactly() {
        let views = SavedViews { views: vec![SavedView { name: "Okinawa".to_owned(), view: full() }] };
        let text = ron::ser::to_string_pretty(&views, ron::ser::PrettyConfig::default()).expect("serialises");
        assert_eq!(ron::from_str::<SavedViews>(&text).expect("parses"), views);
    }

    #[test]
    fn bad_text_is_an_error() {
        assert!(ViewState::from_text("t=1").is_err());
        assert!(ViewState::from_text("zz=1").is_err());
        assert!(ViewState::from_text("lo=NoSuchLine").is_err());
        assert!(ViewState::from_text("m=1,2,inf").is_err());
        assert!(ViewState::from_text("q=%ZZ").is_err());
        assert!(ViewState::from_text("s=x:1").is_err());
        assert!(ViewState::from_text("ao=9223372036854775807").is_err());
        assert!(ViewState::from_text("cf=-9223372036854775808").is_err());
        assert!(ViewState::from_text("ch=Renamed").is_err());
        assert!(ViewState::from_text("dr=1e300,1e301").is_err());
    }
}
