//! The dataset editor's commands for places: add one where the map was Alt+clicked, edit its names,
//! kind, precision and country, move it, delete it (refused while initiatives are at it). Each is one
//! undoable change, saved into the file like an initiative's.

use crate::model::finding::Collection;
use crate::model::{Location, LocationKind, PlacePrecision};
use crate::state::command::{PlaceField, Selection};
use crate::state::data::{Item, State};

impl State {
    /// Changes place `l` with `f`, as one undoable change named after `field`.
    pub(crate) fn change_place(&mut self, l: usize, field: &'static str, merge: bool, f: impl FnOnce(&mut Location)) {
        let Some(before) = self.dataset.locations.get(l).cloned() else { return };
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return;
        }
        let label = format!("change of the {field} of the place “{}”", before.name);
        self.record(
            Collection::Locations,
            l,
            label,
            (Item::Location(before), Item::Location(after)),
            merge.then_some((l, field)),
        );
    }

    /// A new place at `lat`, `lon`: selected, the form open on it.
    pub(crate) fn add_place(&mut self, lat: f64, lon: f64) {
        let id = crate::state::edit::fresh_id("new_place_", self.dataset.locations.iter().map(|x| x.id.as_str()));
        let place = Location {
            id,
            name: "New place".to_owned(),
            name_ja: None,
            lat: (lat * 1e4).round() / 1e4,
            lon: (lon * 1e4).round() / 1e4,
            kind: LocationKind::Landmark,
            precision: PlacePrecision::About1Km,
            country: String::new(),
            coord_source: Some("placed on the map in Alliance Atlas".to_owned()),
        };
        let at = self.dataset.locations.len();
        self.add(Collection::Locations, at, "addition of a new place".to_owned(), Item::Location(place));
        self.selection = Some(Selection::Location(at));
        self.edit.open = true;
    }

    pub(crate) fn set_place_text(&mut self, l: usize, field: PlaceField, text: String) {
        let name = match field {
            PlaceField::Name => "name",
            PlaceField::NameJa => "Japanese name",
            PlaceField::Country => "country",
        };
        self.change_place(l, name, true, |x| match field {
            PlaceField::Name => x.name = text,
            PlaceField::NameJa => x.name_ja = Some(text).filter(|t| !t.trim().is_empty()),
            PlaceField::Country => x.country = text.trim().to_uppercase(),
        });
    }

    pub(crate) fn set_place_kind(&mut self, l: usize, kind: LocationKind) {
        self.change_place(l, "kind", false, |x| x.kind = kind);
    }

    pub(crate) fn set_place_precision(&mut self, l: usize, precision: PlacePrecision) {
        self.change_place(l, "precision", false, |x| x.precision = precision);
    }

    pub(crate) fn move_place(&mut self, l: usize, lat: f64, lon: f64) {
        self.change_place(l, "position", true, |x| {
            x.lat = lat;
            x.lon = lon;
        });
    }

    pub(crate) fn delete_place(&mut self, l: usize) {
        let Some(place) = self.dataset.locations.get(l).cloned() else { return };
        let users: Vec<String> = self
            .dataset
            .initiatives
            .iter()
            .filter(|x| x.places.contains(&place.id))
            .map(|x| format!("“{}”", x.id))
            .collect();
        if !users.is_empty() {
            self.edit.message = Some(format!(
                "The place “{}” is not deleted: {} are at it. Take it off them first.",
                place.id,
                users.join(", ")
            ));
            return;
        }
        let origin = self.edit.place_origins.get(l).copied().flatten();
        let label = format!("deletion of the place “{}”", place.name);
        let change = crate::state::data::Change {
            label,
            collection: Collection::Locations,
            index: l,
            before: Some((Item::Location(place), origin)),
            after: None,
            merge: None,
        };
        self.edit.undo.push(change);
        self.edit.redo.clear();
        self.put(Collection::Locations, l, None, true);
        self.selection = None;
        self.edit.message = None;
    }
}
