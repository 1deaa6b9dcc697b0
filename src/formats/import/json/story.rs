//! `StoryMapJS` JSON: `storymap.slides[]`, each with `location {lat, lon, zoom, name}`, `text {headline,
//! text}`, `media` and `date`. The first slide of type `overview` gives the dataset's title and
//! description; every other slide is an initiative, at a place of its own when it has a location, dated
//! when its `date` reads as a date (else undated, the date as shown kept in the body).
//!
//! The story's order is kept as a [`Story`] beside the data (a step per slide: the map at the slide's
//! place and zoom, the slide's initiative and place highlighted); the app makes its briefing deck of
//! it, so a story map opens as a deck and presents with F5.

use std::str::FromStr as _;

use serde_json::Value;

use crate::formats::import::json::build::{Build, Item, first_sentence};
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::import::json::values::{location, media, text};
use crate::formats::loaded::{Loaded, Story, StoryStep, failed, unreadable_at};
use crate::model::date::FuzzyDate;
use crate::model::map_camera::{bounds_of, fit_bounds};
use crate::model::view::MapView;

/// Reads `storymap` (the value of the top-level key).
pub fn read(name: &str, story: &Value) -> Loaded {
    let Some(slides) = story.get("slides").and_then(Value::as_array).filter(|s| !s.is_empty()) else {
        let message = "this StoryMapJS JSON file has no slides (`storymap.slides` is missing or empty)".to_owned();
        return failed(unreadable_at((1, 1), message, "export the story map again from StoryMapJS"));
    };
    let mut build = Build::new(name, "StoryMapJS JSON");
    let overview = slides.iter().position(|s| text(s, "type") == "overview");
    let mut steps = Vec::new();
    for (index, slide) in slides.iter().enumerate() {
        if Some(index) != overview {
            steps.push(read_slide(&mut build, slide, index + 1));
        }
    }
    let words = overview.and_then(|i| slides.get(i)).and_then(|s| s.get("text"));
    let title = words.map(|t| to_plain(text(t, "headline"))).unwrap_or_default();
    let description = words.map(|t| to_markdown(text(t, "text"))).unwrap_or_default();
    if overview.is_some() {
        // The overview opens the story: the whole map, and what the story is about.
        let text = first_sentence(&to_plain(words.map(|t| text(t, "text")).unwrap_or_default()));
        let points = steps.iter().filter_map(|s| s.map).map(|m| {
            let w = crate::model::geo::project(m.lat, m.lon);
            [w.x, w.y]
        });
        // Every slide's place in view, in a map pane of a typical size.
        let map = bounds_of(points).map(|b| fit_bounds(b, [900.0, 700.0]));
        steps.insert(0, StoryStep { title: title.clone(), text, map, highlight: Vec::new() });
    }
    let mut loaded = build.finish(&title, description);
    let title = loaded.dataset.as_ref().map_or(title, |d| d.meta.title.clone());
    loaded.presentation.story = Some(Story { title, steps });
    loaded
}

/// Reads a slide into an initiative (and its place); returns the slide as a step of the story.
fn read_slide(build: &mut Build, slide: &Value, n: usize) -> StoryStep {
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
    let place = location(build, slide.get("location"), &title, &origin);
    let summary = if plain.is_empty() { title.clone() } else { first_sentence(&plain) };
    let step_title = title.clone();
    let map = place.as_ref().and_then(|id| build.dataset.locations.iter().find(|l| &l.id == id)).map(|l| MapView {
        lat: l.lat,
        lon: l.lon,
        zoom: slide_zoom(slide.get("location")),
    });
    let places: Vec<String> = place.into_iter().collect();
    let item = Item {
        title,
        summary: summary.clone(),
        body: body.join("\n\n"),
        start,
        places: places.clone(),
        cites,
        ..Item::default()
    };
    let id = build.item(item, origin);
    let mut highlight = vec![id];
    highlight.extend(places);
    StoryStep { title: step_title, text: summary, map, highlight }
}

/// The slide's map zoom: `StoryMapJS` zooms are web map levels, as ours are; a slide without one is
/// shown at a regional zoom.
fn slide_zoom(location: Option<&Value>) -> f64 {
    let zoom =
        location.and_then(|l| l.get("zoom")).and_then(|z| z.as_f64().or_else(|| z.as_str()?.trim().parse().ok()));
    zoom.filter(|z| z.is_finite()).unwrap_or(6.0).clamp(1.0, 16.0)
}

/// A slide's `date` when it is a date we read (`1790`, `2014-02-07`, `2014-02-07T10:00`).
fn slide_date(shown: &str) -> Option<FuzzyDate> {
    let day = shown.split('T').next().unwrap_or_default();
    FuzzyDate::from_str(day).ok()
}
