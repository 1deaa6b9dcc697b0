//! The places sheet (or `NAME.places.csv`): one place a row; and the places cells of initiatives,
//! which name a place by id or name, or make one from "lat, lon".

use rustc_hash::FxHashSet as HashSet;

use super::cells::{Out, Sheet, header_key, slug, unique_slug};
use super::enums::parse_enum;
use crate::formats::problem::ProblemKind;
use crate::model::finding::nearest;
use crate::model::types::{Location, LocationKind, PlacePrecision};

/// The places read, with their origins.
#[derive(Debug, Default)]
pub struct Places {
    /// The places, in sheet order (then those made from coordinates).
    pub list: Vec<Location>,
    /// Where each came from.
    pub origins: Vec<String>,
    /// Ids taken.
    pub taken: HashSet<String>,
    /// Where the places are kept, for hints ("the places sheet").
    pub home: String,
}

const FIELDS: [(&str, &[&str]); 9] = [
    ("id", &["id"]),
    ("name", &["name", "title"]),
    ("name_ja", &["nameja", "japanesename", "ja"]),
    ("lat", &["lat", "latitude"]),
    ("lon", &["lon", "lng", "long", "longitude"]),
    ("kind", &["kind", "type"]),
    ("precision", &["precision"]),
    ("country", &["country"]),
    ("coord_source", &["coordsource", "coordinatesource"]),
];

/// Reads a places sheet.
pub fn read(sheet: &Sheet, home: &str, out: &mut Out) -> Places {
    let mut places = Places { home: home.to_owned(), ..Places::default() };
    let columns: Vec<Option<&str>> = sheet
        .headers
        .iter()
        .map(|h| FIELDS.iter().find(|(_, keys)| keys.contains(&header_key(h).as_str())).map(|(f, _)| *f))
        .collect();
    for row in &sheet.rows {
        let get = |field: &str| {
            columns.iter().position(|c| *c == Some(field)).map_or("", |i| row.get(i).map_or("", |c| c.text.as_str()))
        };
        let cell = |field: &str| sheet.cell_at(row.number, columns.iter().position(|c| *c == Some(field)).unwrap_or(0));
        let name = get("name");
        if name.is_empty() && get("id").is_empty() {
            out.warn(
                ProblemKind::EmptyText,
                sheet.row_at(row.number),
                "the place has no name or id; skipped".to_owned(),
                None,
            );
            continue;
        }
        let mut number = |field: &str| {
            get(field).parse::<f64>().unwrap_or_else(|_| {
                let message = format!("{field} \"{}\" is not a number", get(field));
                out.error(
                    ProblemKind::BadCoordinate,
                    cell(field),
                    message,
                    Some("write decimal degrees, e.g. 26.45".to_owned()),
                );
                f64::NAN
            })
        };
        let (lat, lon) = (number("lat"), number("lon"));
        let kind = parse_enum(get("kind"), LocationKind::Landmark, &cell("kind"), out);
        let precision = parse_enum(get("precision"), PlacePrecision::About1Km, &cell("precision"), out);
        let id = if get("id").is_empty() {
            unique_slug(&slug(name).replace('-', "_"), "place", &mut places.taken)
        } else {
            get("id").to_owned()
        };
        places.taken.insert(id.clone());
        let text = |field: &str| Some(get(field).to_owned()).filter(|t| !t.is_empty());
        places.list.push(Location {
            id,
            name: if name.is_empty() { get("id").to_owned() } else { name.to_owned() },
            name_ja: text("name_ja"),
            lat,
            lon,
            kind,
            precision,
            country: get("country").to_owned(),
            coord_source: text("coord_source"),
        });
        places.origins.push(sheet.row_at(row.number));
    }
    places
}

impl Places {
    /// The id of the place a cell names (`camp_hansen`, "Camp Hansen", "26.45, 127.80"); an error at
    /// `at` when it names none.
    /// A place from latitude and longitude cells (a sheet without a places sheet), named `name`;
    /// the same point twice is one place.
    pub fn resolve_point(&mut self, lat: &str, lon: &str, name: &str, at: &str, out: &mut Out) -> Option<String> {
        let Some((lat, lon)) = coordinates(&format!("{lat}, {lon}")) else {
            let message = format!("\"{lat}\", \"{lon}\" is not a latitude and a longitude");
            let hint = "write decimal degrees: latitude -90 to 90, longitude -180 to 180 (35.69, 139.69)";
            out.error(ProblemKind::BadCoordinate, at.to_owned(), message, Some(hint.to_owned()));
            return None;
        };
        let fresh = !self.list.iter().any(|p| p.lat.to_bits() == lat.to_bits() && p.lon.to_bits() == lon.to_bits());
        let id = self.resolve(&format!("{lat}, {lon}"), at, out)?;
        if fresh && let Some(place) = self.list.iter_mut().find(|p| p.id == id) {
            name.clone_into(&mut place.name);
        }
        Some(id)
    }

    pub fn resolve(&mut self, text: &str, at: &str, out: &mut Out) -> Option<String> {
        if let Some((lat, lon)) = coordinates(text) {
            if let Some(place) =
                self.list.iter().find(|p| p.lat.to_bits() == lat.to_bits() && p.lon.to_bits() == lon.to_bits())
            {
                return Some(place.id.clone());
            }
            let id = unique_slug(&format!("place_{}", self.list.len() + 1), "place", &mut self.taken);
            self.list.push(Location {
                id: id.clone(),
                name: format!("{lat}, {lon}"),
                name_ja: None,
                lat,
                lon,
                kind: LocationKind::Landmark,
                precision: PlacePrecision::About1Km,
                country: String::new(),
                coord_source: None,
            });
            self.origins.push(at.to_owned());
            return Some(id);
        }
        let lower = text.to_lowercase();
        let found = self.list.iter().find(|p| p.id == text).or_else(|| {
            self.list.iter().find(|p| p.name.to_lowercase() == lower || p.name_ja.as_deref() == Some(text))
        });
        if let Some(place) = found {
            return Some(place.id.clone());
        }
        let names: Vec<&str> = self.list.iter().flat_map(|p| [p.name.as_str(), p.id.as_str()]).collect();
        let hint = nearest(text, &names).map_or_else(
            || format!("add it to {}, or write \"lat, lon\"", self.home),
            |near| format!("did you mean \"{near}\"?"),
        );
        out.error(
            ProblemKind::UnknownReference,
            at.to_owned(),
            format!("place \"{text}\" is not in {}", self.home),
            Some(hint),
        );
        None
    }
}

/// "26.45, 127.80" → (26.45, 127.8).
fn coordinates(text: &str) -> Option<(f64, f64)> {
    let (lat, lon) = text.split_once(',')?;
    let number = |t: &str| t.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    Some((number(lat)?, number(lon)?))
}
