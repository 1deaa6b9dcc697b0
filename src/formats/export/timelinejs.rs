//! `TimelineJS` 3 JSON (`{"title", "events", "eras"}`), so a briefer can publish the timeline with
//! Knight Lab's `TimelineJS`. Each dated initiative is an event from its first date to its last (each a
//! `{year, month?, day?, display_date}` at the precision it is stated, with the date in words), grouped
//! as the timeline's lanes group it (by line of effort, status, actor, place or tag), with its first source's url as media. Headlines and texts are HTML in
//! `TimelineJS`, so they are escaped.

use serde_json::{Map, Value, json};

use super::Subset;
use crate::model::schema::UnitEnum as _;
use crate::model::view::{LaneGrouping, line_label, status_label};
use crate::model::{Dataset, FuzzyDate, Initiative, Period};

/// The chosen initiatives (dated ones; undated are left out) and the eras as `TimelineJS` JSON, each
/// event in the group of the lane it has under `lanes` (the app passes the lanes on screen).
pub fn to_timelinejs(dataset: &Dataset, subset: Subset<'_>, lanes: LaneGrouping) -> String {
    let events: Vec<Value> = subset.initiatives(dataset).into_iter().filter_map(|i| event(dataset, i, lanes)).collect();
    let eras: Vec<Value> = dataset
        .eras
        .iter()
        .map(|era| {
            json!({
                "start_date": date(era.start, false),
                "end_date": date(era.end, true),
                "text": { "headline": html(&era.title) },
            })
        })
        .collect();
    let timeline = json!({
        "title": { "text": {
            "headline": html(&dataset.meta.title),
            "text": format!("<p>{}</p><p>As of {}.</p>", html(&dataset.meta.description), dataset.meta.as_of),
        } },
        "events": events,
        "eras": eras,
    });
    // A `Value` always serialises.
    let mut text = serde_json::to_string_pretty(&timeline).unwrap_or_default();
    text.push('\n');
    text
}

fn event(dataset: &Dataset, initiative: &Initiative, lanes: LaneGrouping) -> Option<Value> {
    let first = initiative.first_date()?;
    let last = initiative.last_date().unwrap_or(first);
    let mut text = format!("<p>{}</p><p>Status: {}", html(&initiative.summary), initiative.status.name());
    if let Some(note) = &initiative.status_note {
        text.push_str(" — ");
        text.push_str(&html(note));
    }
    text.push_str("</p>");
    let mut event = Map::new();
    event.insert("unique_id".to_owned(), json!(initiative.id));
    event.insert("start_date".to_owned(), date(first, false));
    if last != first {
        event.insert("end_date".to_owned(), date(last, true));
    }
    event.insert("text".to_owned(), json!({ "headline": html(&initiative.title), "text": text }));
    if let Some(group) = group_of(dataset, initiative, lanes) {
        event.insert("group".to_owned(), json!(group));
    }
    let source = initiative.sources.iter().filter_map(|c| dataset.source(&c.source)).find(|s| s.url.is_some());
    if let Some(source) = source {
        event.insert("media".to_owned(), json!({ "url": source.url, "caption": html(&source.title) }));
    }
    Some(Value::Object(event))
}

/// The `TimelineJS` group of an initiative: the label of its lane under `lanes` (none when it has no
/// value for the key, as `TimelineJS` then shows it ungrouped).
fn group_of(dataset: &Dataset, initiative: &Initiative, lanes: LaneGrouping) -> Option<String> {
    match lanes {
        LaneGrouping::LineOfEffort => initiative.lines_of_effort.first().map(|l| line_label(*l).to_owned()),
        LaneGrouping::Status => Some(status_label(initiative.status).to_owned()),
        LaneGrouping::Country => initiative.actors.first().cloned(),
        LaneGrouping::Place => {
            initiative.places.first().map(|id| dataset.location(id).map_or_else(|| id.clone(), |l| l.name.clone()))
        }
        LaneGrouping::Tag => initiative.tags.first().cloned(),
    }
}

/// A `TimelineJS` date at the date's precision: its period's first day (or, with `end`, its last), in
/// as many parts as the period states; quarters and fiscal years by month.
fn date(date: FuzzyDate, end: bool) -> Value {
    let day = if end { date.period.last_day() } else { date.period.first_day() };
    let (year, month, dom) = day.ymd();
    let mut out = Map::new();
    out.insert("year".to_owned(), json!(year));
    if !matches!(date.period, Period::Year(_)) {
        out.insert("month".to_owned(), json!(month));
    }
    if matches!(date.period, Period::Day(..)) {
        out.insert("day".to_owned(), json!(dom));
    }
    out.insert("display_date".to_owned(), json!(date.in_words()));
    Value::Object(out)
}

/// Text made safe for HTML.
fn html(text: &str) -> String {
    crate::formats::page::escape_html(text)
}
