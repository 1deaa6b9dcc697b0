//! JSON: `TimelineJS`, `StoryMapJS` and `GeoJSON`, told apart by content (`events`, `storymap`,
//! `type: FeatureCollection`/`Feature`). The file is read whole as a `serde_json::Value` (its
//! recursion limit makes a deeply nested file an error, not a stack overflow); a syntax error is put
//! at its line and column, a problem in an item at the item (`event 3, start_date`).

#[path = "json_build.rs"]
pub(crate) mod build;
#[path = "json_geo.rs"]
mod geo;
#[path = "json_html.rs"]
pub(crate) mod html;
#[path = "json_story.rs"]
mod story;
#[path = "json_timeline.rs"]
mod timeline;

use serde_json::Value;

use crate::formats::import::json::build::Build;
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::loaded::{Loaded, failed, text_from_bytes, unreadable_at};
use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::model::types::{Cite, PlacePrecision};

/// Reads the file's bytes into a dataset, every problem located.
pub fn read(name: &str, bytes: &[u8]) -> Loaded {
    let text = match text_from_bytes(bytes) {
        Ok(text) => text.strip_prefix('\u{FEFF}').unwrap_or(text),
        Err(problem) => return failed(*problem),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => return failed(syntax(&error)),
    };
    let Value::Object(map) = &value else {
        let found = match &value {
            Value::Array(items) => format!("a list of {} items", items.len()),
            _ => "a single value".to_owned(),
        };
        return failed(not_known(&found));
    };
    if map.get("events").is_some_and(Value::is_array) {
        return timeline::read(name, &value);
    }
    if let Some(story) = map.get("storymap") {
        return story::read(name, story);
    }
    if let Some("FeatureCollection" | "Feature") = map.get("type").and_then(Value::as_str) {
        return geo::read(name, &value);
    }
    let keys: Vec<String> = map.keys().take(6).map(|k| format!("`{k}`")).collect();
    let found = if keys.is_empty() { "an empty object".to_owned() } else { format!("the keys {}", keys.join(", ")) };
    failed(not_known(&found))
}

fn not_known(found: &str) -> Problem {
    unreadable_at(
        (1, 1),
        format!(
            "this JSON file is not one Alliance Atlas reads: found {found}, not TimelineJS (`events`), \
             StoryMapJS (`storymap`) or GeoJSON (`\"type\": \"FeatureCollection\"`)"
        ),
        "export the timeline, story map or features as JSON from the tool that made them",
    )
}

fn syntax(error: &serde_json::Error) -> Problem {
    let at = (error.line().max(1), error.column().max(1));
    let text = error.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_owned();
    if message.contains("recursion limit") {
        let message = "the JSON is nested too deeply (more than 128 levels)".to_owned();
        return Problem::at(Severity::Error, ProblemKind::TooDeep, at, message)
            .with_hint("no timeline, story map or GeoJSON file nests that deep; is this the right file?");
    }
    let (message, hint) = match error.classify() {
        serde_json::error::Category::Eof => ("the JSON ends too soon".to_owned(), "the file may be cut short"),
        _ => (format!("this is not valid JSON: {message}"), "check the JSON near this place"),
    };
    Problem::at(Severity::Error, ProblemKind::Syntax, at, message).with_hint(hint)
}

/// The string at `key`, or "" when it is absent or not a string.
pub fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A number given as a number or a string ("" and absent are `None`); `Err` for other text.
pub fn number(value: Option<&Value>) -> Result<Option<f64>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| format!("\"{s}\" is not a number")),
        Some(other) => Err(format!("{other} is not a number")),
    }
}

/// How exact a place is, from a map's zoom level.
pub fn precision_of_zoom(zoom: Option<f64>) -> PlacePrecision {
    match zoom {
        Some(z) if z >= 15.0 => PlacePrecision::ExactSite,
        Some(z) if z >= 12.0 => PlacePrecision::About1Km,
        Some(z) if z >= 8.0 => PlacePrecision::City,
        Some(_) => PlacePrecision::Region,
        None => PlacePrecision::ExactSite,
    }
}

/// The source of a slide's or event's media (url, credit, caption), cited with `note`; media that is
/// not a link (an embedded quote) is given back as markdown for the body.
pub fn media(build: &mut Build, media: Option<&Value>, origin: &str, note: Option<String>) -> (Vec<Cite>, String) {
    let Some(media) = media.filter(|m| m.is_object()) else {
        return (Vec::new(), String::new());
    };
    let url = text(media, "url").trim();
    let is_link = url.starts_with("http://") || url.starts_with("https://");
    let extra = if is_link { String::new() } else { to_markdown(url) };
    let caption = to_plain(text(media, "caption"));
    let credit = to_plain(text(media, "credit"));
    if !is_link && caption.is_empty() && credit.is_empty() {
        return (Vec::new(), extra);
    }
    let title = if caption.is_empty() { format!("Media of {origin}") } else { caption };
    let id = build.source(&title, &credit, is_link.then_some(url), format!("{origin}, media"));
    (vec![Cite { source: id, note }], extra)
}

/// A place from a `location` object with `lat`, `lon` (numbers or strings), `zoom` and `name`; `None`
/// without coordinates. A name of "location" (`StoryMapJS`'s placeholder) counts as none.
pub fn location(build: &mut Build, location: Option<&Value>, fallback_name: &str, origin: &str) -> Option<String> {
    let location = location?;
    let coordinate = |key: &str| number(location.get(key));
    let (lat, lon) = match (coordinate("lat"), coordinate("lon")) {
        (Ok(Some(lat)), Ok(Some(lon))) => (lat, lon),
        (Ok(None), Ok(None)) => return None,
        _ => {
            let message = format!("{origin}: the location's lat and lon are not both numbers; the place is skipped");
            build.warn(ProblemKind::BadCoordinate, format!("{origin}, location"), message, "write decimal degrees");
            return None;
        }
    };
    let name = to_plain(text(location, "name"));
    let name = if name.is_empty() || name.eq_ignore_ascii_case("location") { fallback_name.to_owned() } else { name };
    let zoom = number(location.get("zoom")).ok().flatten();
    Some(build.place(&name, (lat, lon), precision_of_zoom(zoom), origin.to_owned()))
}
