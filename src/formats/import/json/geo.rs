//! `GeoJSON` (and Linked Places, its flavour for historical places): each `Point` feature is a place;
//! when its properties say what happened there (named like our fields: `title`, `summary` or
//! `description`, `status`, `announced`, `start`, `end`, … or a Linked Places `when`), also an
//! initiative at that place. Features of other geometries are skipped and counted in one warning.

use std::str::FromStr as _;

use serde_json::Value;

use crate::formats::import::json::build::{Build, Item, first_sentence};
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::import::json::values::{number, text};
use crate::formats::loaded::Loaded;
use crate::formats::problem::ProblemKind;
use crate::model::date::{FuzzyDate, Qualifier};
use crate::model::schema::UnitEnum;
use crate::model::types::{Cite, PlacePrecision, Status};

/// Properties that make a feature an initiative as well as a place.
const EVENT_KEYS: [&str; 9] =
    ["title", "summary", "description", "status", "announced", "start", "target", "completed", "when"];

/// Reads a `FeatureCollection` or a single `Feature`.
pub fn read(name: &str, root: &Value) -> Loaded {
    let mut build = Build::new(name, "GeoJSON");
    let features = match root.get("features").and_then(Value::as_array) {
        Some(features) => features.as_slice(),
        None => std::slice::from_ref(root),
    };
    let mut skipped: Vec<(String, usize)> = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        let geometry = feature.get("geometry").map(|g| text(g, "type")).unwrap_or_default();
        if geometry == "Point" {
            read_point(&mut build, feature, index + 1);
        } else {
            let geometry = if geometry.is_empty() { "no geometry" } else { geometry };
            match skipped.iter_mut().find(|(g, _)| g == geometry) {
                Some((_, count)) => *count += 1,
                None => skipped.push((geometry.to_owned(), 1)),
            }
        }
    }
    if !skipped.is_empty() {
        let total: usize = skipped.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = skipped.iter().map(|(g, n)| format!("{g} ×{n}")).collect();
        let message = format!("{total} features are not points and were skipped ({})", kinds.join(", "));
        build.warn(ProblemKind::Suspicious, "features", message, "only Point features become places");
    }
    let title = text(root, "name").to_owned();
    let title = if title.is_empty() { text(root, "title").to_owned() } else { title };
    let description = to_markdown(text(root, "description"));
    build.finish(&title, description)
}

fn read_point(build: &mut Build, feature: &Value, n: usize) {
    let origin = format!("feature {n}");
    let empty = Value::Null;
    let props = feature.get("properties").filter(|p| p.is_object()).unwrap_or(&empty);
    let coords = feature.get("geometry").and_then(|g| g.get("coordinates")).and_then(Value::as_array);
    let lon_lat = coords.map(|c| (number(c.first()), number(c.get(1))));
    let Some((Ok(Some(lon)), Ok(Some(lat)))) = lon_lat else {
        let message = format!("{origin}: the point has no [lon, lat] coordinates; it is skipped");
        build.warn(ProblemKind::BadCoordinate, format!("{origin}, geometry"), message, "write [longitude, latitude]");
        return;
    };
    let name = [text(props, "name"), text(props, "title"), text(props, "label")]
        .into_iter()
        .map(to_plain)
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| format!("Feature {n}"));
    let place = build.place(&name, (lat, lon), PlacePrecision::ExactSite, origin.clone());
    if EVENT_KEYS.iter().any(|k| props.get(k).is_some_and(|v| !v.is_null())) {
        let item = item(build, props, &origin, name, place);
        let _ = build.item(item, origin);
    }
}

fn item(build: &mut Build, props: &Value, origin: &str, name: String, place: String) -> Item {
    let title = to_plain(text(props, "title"));
    let title = if title.is_empty() { name } else { title };
    let long = [text(props, "body"), text(props, "description")].into_iter().find(|t| !t.is_empty());
    let body = long.map(to_markdown).unwrap_or_default();
    let summary = to_plain(text(props, "summary"));
    let summary = if summary.is_empty() { first_sentence(&to_plain(long.unwrap_or_default())) } else { summary };
    let mut date = |key: &str| {
        let written = text(props, key);
        if written.is_empty() {
            return None;
        }
        let parsed = FuzzyDate::from_str(written.split('T').next().unwrap_or_default());
        if let Err(e) = &parsed {
            let message = format!("{origin}: {key} \"{written}\" is not a date we read: {}", e.message);
            build.warn(ProblemKind::BadDate, format!("{origin}, {key}"), message, "write YYYY, YYYY-MM or YYYY-MM-DD");
        }
        parsed.ok()
    };
    let (mut start, mut end) = (date("start"), date("end"));
    let (announced, target, completed) = (date("announced"), date("target"), date("completed"));
    if let Some((when_start, when_end)) = props.get("when").map(|w| when(build, w, origin)) {
        start = start.or(when_start);
        end = end.or(when_end);
    }
    let status = status(build, props, origin);
    let list = |key: &str| -> Vec<String> {
        match props.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
            Some(Value::String(s)) => {
                s.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
            }
            _ => Vec::new(),
        }
    };
    let (tags, actors) = (list("tags"), list("actors"));
    let url = text(props, "url");
    let cites = if url.is_empty() {
        Vec::new()
    } else {
        let source = build.source(&format!("Link for {title}"), "", Some(url), format!("{origin}, url"));
        vec![Cite { source, note: None }]
    };
    let places = vec![place];
    Item { title, summary, body, start, end, status, announced, target, completed, places, tags, actors, cites }
}

fn status(build: &mut Build, props: &Value, origin: &str) -> Option<Status> {
    let written = text(props, "status");
    if written.is_empty() {
        return None;
    }
    let folded: String = written.chars().filter(char::is_ascii_alphanumeric).collect();
    let found = Status::ALL.iter().copied().find(|s| s.name().eq_ignore_ascii_case(&folded));
    if found.is_none() {
        let message = format!("{origin}: status \"{written}\" is not one of {}", Status::NAMES.join(", "));
        build.warn(ProblemKind::WrongType, format!("{origin}, status"), message, "the item is imported as Context");
    }
    found
}

/// Linked Places `when`: the first of its `timespans`, `{start: {in | earliest | latest}, end: {…}}`.
fn when(build: &mut Build, when: &Value, origin: &str) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
    let Some(span) = when.get("timespans").and_then(Value::as_array).and_then(|s| s.first()) else {
        return (None, None);
    };
    let mut bound = |key: &str, late: bool| {
        let bound = span.get(key)?;
        let (written, qualifier) =
            [("in", Qualifier::Exact), ("earliest", Qualifier::NotBefore), ("latest", Qualifier::By)]
                .into_iter()
                .map(|(k, q)| (text(bound, k), q))
                .filter(|(w, _)| !w.is_empty())
                .min_by_key(|(_, q)| match q {
                    Qualifier::Exact => 0,
                    Qualifier::By if late => 1,
                    Qualifier::NotBefore if !late => 1,
                    _ => 2,
                })?;
        match FuzzyDate::from_str(written.split('T').next().unwrap_or_default()) {
            Ok(date) => Some(FuzzyDate { qualifier, ..date }),
            Err(e) => {
                let message =
                    format!("{origin}: when.timespans {key} \"{written}\" is not a date we read: {}", e.message);
                build.warn(
                    ProblemKind::BadDate,
                    format!("{origin}, when"),
                    message,
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                );
                None
            }
        }
    };
    (bound("start", false), bound("end", true))
}
