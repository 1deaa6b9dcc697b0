//! The KML text → a dataset: one pass of quick-xml events, the open elements on a stack.

use std::str::FromStr as _;

use quick_xml::events::{BytesRef, Event};

use crate::formats::import::json::build::{Build, Item, first_sentence};
use crate::formats::import::json::html::{to_markdown, to_plain};
use crate::formats::loaded::{Loaded, failed};
use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::model::date::FuzzyDate;
use crate::model::types::PlacePrecision;

/// Geometries that are not a point (a Placemark with one is skipped and counted).
const OTHER_GEOMETRIES: [&str; 6] = ["LineString", "LinearRing", "Polygon", "MultiGeometry", "Model", "Track"];

#[derive(Default)]
struct Placemark {
    at: usize,
    name: String,
    description: String,
    coordinates: Option<(String, usize)>,
    other: Option<String>,
    start: Option<(String, usize)>,
    end: Option<(String, usize)>,
}

#[derive(Default)]
struct Doc {
    title: Option<String>,
    description: Option<String>,
    folders: Vec<String>,
    placemarks: usize,
    skipped: Vec<(String, usize)>,
    unknown_entities: Vec<String>,
}

/// Line starts, for putting a byte offset at a line and column.
struct Lines<'a>(&'a str, Vec<usize>);

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self(text, std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.1.partition_point(|&start| start <= offset).max(1);
        let start = self.1.get(line - 1).copied().unwrap_or(0);
        let column = self.0.get(start..offset.min(self.0.len())).map_or(0, |s| s.chars().count());
        (line, column + 1)
    }
}

/// Reads KML text.
pub fn read(name: &str, text: &str) -> Loaded {
    let lines = Lines::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    let mut build = Build::new(name, "KML");
    let mut doc = Doc::default();
    let mut stack: Vec<String> = Vec::new();
    let mut buffer = String::new();
    let mut placemark: Option<Placemark> = None;
    let mut root_seen = false;
    let mut text_start = 0;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let at = lines.at(usize::try_from(reader.error_position()).unwrap_or(0));
                let message = format!("this is not well-formed XML: {error}");
                let problem = Problem::at(Severity::Error, ProblemKind::Syntax, at, message);
                return failed(problem.with_hint("check the XML near this place; the file may be cut short"));
            }
        };
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if !root_seen => {
                let root = e.local_name().as_ref().to_owned();
                if root != "kml" {
                    let message = format!("this XML file is not KML: its root element is <{root}>, not <kml>");
                    let problem = Problem::at(Severity::Error, ProblemKind::Unreadable, lines.at(offset), message);
                    return failed(problem.with_hint("export the map as KML or KMZ"));
                }
                root_seen = true;
                if is_start {
                    stack.push(root);
                }
            }
            Event::Start(e) => {
                let element = e.local_name().as_ref().to_owned();
                start(&element, offset, &mut placemark, &mut doc);
                stack.push(element);
                buffer.clear();
                text_start = usize::try_from(reader.buffer_position()).unwrap_or(offset);
            }
            Event::Empty(e) => {
                let element = e.local_name().as_ref().to_owned();
                start(&element, offset, &mut placemark, &mut doc);
            }
            Event::Text(t) => buffer.push_str(&t.xml10_content()),
            Event::CData(t) => buffer.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => reference(&r, &mut buffer, &mut doc),
            Event::End(_) => {
                let element = stack.pop().unwrap_or_default();
                let parent = stack.last().map_or("", String::as_str);
                let text = std::mem::take(&mut buffer);
                end(&mut build, &lines, (&element, parent, text_start), text, &mut placemark, &mut doc);
            }
            Event::Eof if !stack.is_empty() => {
                let open: Vec<String> = stack.iter().rev().take(3).map(|e| format!("</{e}>")).collect();
                let message = format!("the KML ends too soon: {} never closed", open.join(", "));
                let problem = Problem::at(Severity::Error, ProblemKind::Syntax, lines.at(text.len()), message);
                return failed(problem.with_hint("the file may be cut short"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        let problem = Problem::at(
            Severity::Error,
            ProblemKind::Unreadable,
            (1, 1),
            "the KML file has no <kml> element".to_owned(),
        );
        return failed(problem.with_hint("export the map as KML or KMZ"));
    }
    wrap_up(build, doc)
}

fn start(element: &str, offset: usize, placemark: &mut Option<Placemark>, doc: &mut Doc) {
    match element {
        "Placemark" => {
            doc.placemarks += 1;
            *placemark = Some(Placemark { at: offset, ..Placemark::default() });
        }
        "Folder" => doc.folders.push(String::new()),
        _ if OTHER_GEOMETRIES.contains(&element) => {
            if let Some(mark) = placemark.as_mut().filter(|m| m.other.is_none()) {
                mark.other = Some(element.to_owned());
            }
        }
        _ => {}
    }
}

fn reference(reference: &BytesRef<'_>, buffer: &mut String, doc: &mut Doc) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        buffer.push(c);
    } else if let Some(text) = quick_xml::escape::resolve_predefined_entity(reference) {
        buffer.push_str(text);
    } else if doc.unknown_entities.len() < 5 && !doc.unknown_entities.iter().any(|e| e.as_str() == &**reference) {
        doc.unknown_entities.push(reference.to_string());
    }
}

fn end(
    build: &mut Build,
    lines: &Lines<'_>,
    (element, parent, offset): (&str, &str, usize),
    text: String,
    placemark: &mut Option<Placemark>,
    doc: &mut Doc,
) {
    let text_at = Some((text.trim().to_owned(), offset));
    match (element, parent, placemark.as_mut()) {
        ("name", "Placemark", Some(mark)) => text.trim().clone_into(&mut mark.name),
        ("description", "Placemark", Some(mark)) => mark.description = text,
        ("coordinates", "Point", Some(mark)) => mark.coordinates = text_at,
        ("when", "TimeStamp", Some(mark)) | ("begin", "TimeSpan", Some(mark)) => mark.start = text_at,
        ("end", "TimeSpan", Some(mark)) => mark.end = text_at,
        ("Placemark", _, Some(_)) => {
            if let Some(mark) = placemark.take() {
                finish_placemark(build, lines, mark, doc);
            }
        }
        ("name", "Folder", _) => {
            if let Some(folder) = doc.folders.last_mut() {
                *folder = to_plain(&text);
            }
        }
        ("Folder", _, _) => {
            doc.folders.pop();
        }
        ("name", "Document", _) if doc.title.is_none() => doc.title = Some(to_plain(&text)),
        ("description", "Document", _) if doc.description.is_none() => doc.description = Some(to_markdown(&text)),
        _ => {}
    }
}

fn finish_placemark(build: &mut Build, lines: &Lines<'_>, mark: Placemark, doc: &mut Doc) {
    let n = doc.placemarks;
    let (line, _) = lines.at(mark.at);
    let origin = format!("Placemark {n} (line {line})");
    let Some((coordinates, at)) = mark.coordinates else {
        let geometry = mark.other.unwrap_or_else(|| "no geometry".to_owned());
        match doc.skipped.iter_mut().find(|(g, _)| *g == geometry) {
            Some((_, count)) => *count += 1,
            None => doc.skipped.push((geometry, 1)),
        }
        return;
    };
    let numbers: Vec<Option<f64>> =
        coordinates.split_whitespace().next().unwrap_or_default().split(',').map(|c| c.trim().parse().ok()).collect();
    let (Some(Some(lon)), Some(Some(lat))) = (numbers.first(), numbers.get(1)) else {
        let message =
            format!("{origin}: the coordinates \"{coordinates}\" are not lon,lat[,alt]; the Placemark is skipped");
        let problem = Problem::at(Severity::Warning, ProblemKind::BadCoordinate, lines.at(at), message);
        build.problems.push(problem.with_hint("write longitude,latitude in decimal degrees"));
        return;
    };
    let name = to_plain(&mark.name);
    let title = if name.is_empty() { format!("Placemark {n}") } else { name };
    let place = build.place(&title, (*lat, *lon), PlacePrecision::ExactSite, origin.clone());
    let mut date = |written: Option<(String, usize)>, what: &str| {
        let (written, at) = written.filter(|(w, _)| !w.is_empty())?;
        match FuzzyDate::from_str(written.split('T').next().unwrap_or_default()) {
            Ok(date) => Some(date),
            Err(e) => {
                let message = format!("{origin}: the {what} \"{written}\" is not a date we read: {}", e.message);
                let problem = Problem::at(Severity::Warning, ProblemKind::BadDate, lines.at(at), message);
                build.problems.push(problem.with_hint("write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"));
                None
            }
        }
    };
    let (start, end) = (date(mark.start, "start"), date(mark.end, "end"));
    let plain = to_plain(&mark.description);
    let summary = if plain.is_empty() { title.clone() } else { first_sentence(&plain) };
    let tags = doc.folders.iter().filter(|f| !f.is_empty()).cloned().collect();
    let body = to_markdown(&mark.description);
    let item = Item { title, summary, body, start, end, places: vec![place], tags, ..Item::default() };
    let _ = build.item(item, origin);
}

fn wrap_up(mut build: Build, doc: Doc) -> Loaded {
    if !doc.skipped.is_empty() {
        let total: usize = doc.skipped.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = doc.skipped.iter().map(|(g, n)| format!("{g} ×{n}")).collect();
        let message = format!("{total} Placemarks have no Point and were skipped ({})", kinds.join(", "));
        build.warn(ProblemKind::Suspicious, "Placemarks", message, "only Placemarks with a Point become places");
    }
    if !doc.unknown_entities.is_empty() {
        let names: Vec<String> = doc.unknown_entities.iter().map(|e| format!("&{e};")).collect();
        let message =
            format!("entities the file declares itself ({}) are not expanded; they were left out", names.join(", "));
        build.warn(ProblemKind::Suspicious, "the DOCTYPE", message, "write the text itself instead of an entity");
    }
    let title = doc.title.unwrap_or_default();
    build.finish(&title, doc.description.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let lines = Lines::new("ab\n日本x\n");
        assert_eq!(lines.at(0), (1, 1));
        assert_eq!(lines.at(3), (2, 1));
        assert_eq!(lines.at(9), (2, 3));
        assert_eq!(lines.at(11), (3, 1));
    }
}
