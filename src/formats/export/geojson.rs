//! `GeoJSON` (RFC 7946): a `FeatureCollection` with one Point feature per place, `[lon, lat]`, whose
//! properties are the place's fields and the chosen initiatives at it (id, title, status, and each
//! date in our text form and in words).

use serde_json::{Map, Value, json};

use super::Subset;
use crate::model::schema::UnitEnum as _;
use crate::model::{Dataset, Initiative, Location};

/// The places of `dataset` (those of the chosen initiatives, for a subset) as a `GeoJSON`
/// `FeatureCollection`.
pub fn to_geojson(dataset: &Dataset, subset: Subset<'_>) -> String {
    let chosen = subset.initiatives(dataset);
    let features: Vec<Value> =
        subset.locations(dataset, &chosen).into_iter().map(|place| feature(place, &chosen)).collect();
    let collection = json!({
        "type": "FeatureCollection",
        "name": dataset.meta.title,
        "features": features,
    });
    // A `Value` always serialises.
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    text.push('\n');
    text
}

fn feature(place: &Location, chosen: &[&Initiative]) -> Value {
    let at_place: Vec<Value> = chosen.iter().filter(|i| i.places.contains(&place.id)).map(|i| initiative(i)).collect();
    let mut properties = Map::new();
    properties.insert("id".to_owned(), json!(place.id));
    properties.insert("name".to_owned(), json!(place.name));
    if let Some(name_ja) = &place.name_ja {
        properties.insert("name_ja".to_owned(), json!(name_ja));
    }
    properties.insert("kind".to_owned(), json!(place.kind.name()));
    properties.insert("precision".to_owned(), json!(place.precision.name()));
    properties.insert("country".to_owned(), json!(place.country));
    if let Some(source) = &place.coord_source {
        properties.insert("coord_source".to_owned(), json!(source));
    }
    properties.insert("initiatives".to_owned(), Value::Array(at_place));
    json!({
        "type": "Feature",
        "id": place.id,
        "geometry": { "type": "Point", "coordinates": [place.lon, place.lat] },
        "properties": properties,
    })
}

fn initiative(initiative: &Initiative) -> Value {
    let mut dates = Map::new();
    for (field, date) in initiative.dates() {
        dates.insert(field.to_owned(), json!({ "date": date.to_data_string(), "words": date.in_words() }));
    }
    json!({
        "id": initiative.id,
        "title": initiative.title,
        "status": initiative.status.name(),
        "dates": dates,
    })
}
