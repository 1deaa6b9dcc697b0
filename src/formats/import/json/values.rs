//! Reading values out of JSON the way the importers need them: text, numbers, a place from a
//! location, a source from media.

use serde_json::Value;

use crate::formats::import::json::build::Build;
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::problem::ProblemKind;
use crate::model::types::{Cite, PlacePrecision};

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
