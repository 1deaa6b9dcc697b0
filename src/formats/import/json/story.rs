//! `StoryMapJS` JSON: `storymap.slides[]`, each with `location {lat, lon, zoom, name}`, `text {headline,
//! text}`, `media` and `date`. The first slide of type `overview` gives the dataset's title and
//! description; every other slide is an initiative, at a place of its own when it has a location, dated
//! when its `date` reads as a date (else undated, the date as shown kept in the body).
//!
//! Later: the story's order is a briefing deck (a step per slide, the map at the slide's zoom); decks
//! live in `briefing/`, a floor above the formats, so the deck is to be made there from this dataset.

use std::str::FromStr as _;

use serde_json::Value;

use crate::formats::import::json::build::{Build, Item, first_sentence};
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::import::json::values::{location, media, text};
use crate::formats::loaded::{Loaded, failed, unreadable_at};
use crate::model::date::FuzzyDate;

/// Reads `storymap` (the value of the top-level key).
pub fn read(name: &str, story: &Value) -> Loaded {
    let Some(slides) = story.get("slides").and_then(Value::as_array).filter(|s| !s.is_empty()) else {
        let message = "this StoryMapJS JSON file has no slides (`storymap.slides` is missing or empty)".to_owned();
        return failed(unreadable_at((1, 1), message, "export the story map again from StoryMapJS"));
    };
    let mut build = Build::new(name, "StoryMapJS JSON");
    let overview = slides.iter().position(|s| text(s, "type") == "overview");
    for (index, slide) in slides.iter().enumerate() {
        if Some(index) != overview {
            read_slide(&mut build, slide, index + 1);
        }
    }
    let words = overview.and_then(|i| slides.get(i)).and_then(|s| s.get("text"));
    let title = words.map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let description = words.map(|t| to_markdown(text(t, "text"))).unwrap_or_default();
    build.finish(&title, description)
}

fn read_slide(build: &mut Build, slide: &Value, n: usize) {
    let origin = format!("slide {n}");
    let words = slide.get("text");
    let headline = words.map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let html = words.map(|t| text(t, "text")).unwrap_or_default();
    let plain = to_plain(html);
    let title = if headline.is_empty() { format!("Slide {n}") } else { headline };
    let shown = to_plain(text(slide, "date"));
    let start = slide_date(&shown);
    let mut body = Vec::new();
    if !shown.is_empty() && start.is_none() {
        body.push(format!("*Date as shown: {shown}*"));
    }
    let markdown = to_markdown(html);
    if !markdown.is_empty() {
        body.push(markdown);
    }
    let (cites, extra) = media(build, slide.get("media"), &origin, None);
    if !extra.is_empty() {
        body.push(extra);
    }
    let places = location(build, slide.get("location"), &title, &origin).into_iter().collect();
    let summary = if plain.is_empty() { title.clone() } else { first_sentence(&plain) };
    let item = Item { title, summary, body: body.join("\n\n"), start, places, cites, ..Item::default() };
    build.item(item, origin);
}

/// A slide's `date` when it is a date we read (`1790`, `2014-02-07`, `2014-02-07T10:00`).
fn slide_date(shown: &str) -> Option<FuzzyDate> {
    let day = shown.split('T').next().unwrap_or_default();
    FuzzyDate::from_str(day).ok()
}
