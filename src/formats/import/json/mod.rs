//! JSON: `TimelineJS`, `StoryMapJS` and `GeoJSON`, told apart by content (`events`, `storymap`,
//! `type: FeatureCollection`/`Feature`). The file is read whole as a `serde_json::Value` (its
//! recursion limit makes a deeply nested file an error, not a stack overflow); a syntax error is put
//! at its line and column, a problem in an item at the item (`event 3, start_date`).

pub(crate) mod build;
mod geo;
pub mod html;
mod story;
mod timeline;
pub(crate) mod values;

use serde_json::Value;

use crate::formats::loaded::{Loaded, failed, text_from_bytes, unreadable_at};
use crate::formats::problem::{Problem, ProblemKind, Severity};

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
