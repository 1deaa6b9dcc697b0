//! Editing on the map, driven as a user would: right-click open ground to add a place or an
//! initiative there, right-click a marker to add an initiative at it, drag a marker (form open) to
//! move its place, to the precision the zoom can show, without panning the map; a place no
//! initiative uses yet is drawn, so a new one is not invisible.

mod common;
#[path = "common/pointer.rs"]
mod pointer;

use alliance_atlas::AtlasApp;
use alliance_atlas::state::command::EditCommand;
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pointer::right_click;

fn location(harness: &Harness<'_, AtlasApp>, id: &str) -> usize {
    harness.state().state().index().location_by_id.get(id).copied().unwrap_or(usize::MAX)
}

fn open_form(harness: &mut Harness<'_, AtlasApp>) {
    harness.state_mut().apply(Command::Edit(EditCommand::ToggleEditor));
    harness.run();
    assert!(harness.state().state().data_edit().open());
}

/// The centre of place `id`'s marker (found by its label).
fn marker_centre(harness: &Harness<'_, AtlasApp>, id: &str) -> Pos2 {
    let l = location(harness, id);
    let name = harness.state().state().dataset().locations[l].name.clone();
    harness.get_by_label_contains(&format!("{name}: ")).rect().center()
}

#[test]
fn right_click_on_open_ground_adds_a_place_there_and_it_shows_as_an_empty_ring() {
    let mut harness = app(ThemeChoice::Light);
    let before = harness.state().state().dataset().locations.len();
    // Open sea well east of Wake Island: no marker there.
    let spot = marker_centre(&harness, "wake_island") + vec2(60.0, 40.0);
    right_click(&mut harness, spot);
    harness.get_by_label("Add place here").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.dataset().locations.len(), before + 1);
    let place = state.dataset().locations.last().cloned().unwrap_or_else(|| unreachable!());
    assert_eq!(state.selection(), Some(Selection::Location(before)), "the new place is selected");
    assert!(state.data_edit().open(), "and the form is open to name it");
    assert_eq!(place.name, "New place");
    harness.get_by_label("New place: 0 initiatives");
    assert!(harness.query_by_label_contains("New place: 1 initiative").is_none());
    let ring = harness.get_by_label("New place: 0 initiatives").rect().center();
    assert!(ring.distance(spot) < 2.0, "the ring is drawn where the place was added: {ring:?} vs {spot:?}");
}

#[test]
fn right_click_on_open_ground_adds_an_initiative_at_a_new_place() {
    let mut harness = app(ThemeChoice::Dark);
    let (places, items) = {
        let ds = harness.state().state().dataset();
        (ds.locations.len(), ds.initiatives.len())
    };
    let spot = marker_centre(&harness, "wake_island") + vec2(60.0, 40.0);
    right_click(&mut harness, spot);
    harness.get_by_label("Add initiative here").click();
    harness.run();
    let state = harness.state().state();
    let ds = state.dataset();
    assert_eq!((ds.locations.len(), ds.initiatives.len()), (places + 1, items + 1));
    let new_place = ds.locations[places].id.clone();
    assert_eq!(ds.initiatives[items].places, vec![new_place]);
    assert_eq!(state.selection(), Some(Selection::Initiative(items)));
    harness.get_by_label("New place: 1 initiative");
    // Two changes: undo twice and both are gone.
    harness.state_mut().apply(Command::Edit(EditCommand::Undo));
    harness.state_mut().apply(Command::Edit(EditCommand::Undo));
    harness.run();
    let ds = harness.state().state().dataset();
    assert_eq!((ds.locations.len(), ds.initiatives.len()), (places, items));
}

#[test]
fn right_click_on_a_marker_adds_an_initiative_at_that_place() {
    let mut harness = app(ThemeChoice::Light);
    let wake = location(&harness, "wake_island");
    let name = harness.state().state().dataset().locations[wake].name.clone();
    let items = harness.state().state().dataset().initiatives.len();
    let at = marker_centre(&harness, "wake_island");
    right_click(&mut harness, at);
    harness.get_by_label(&format!("Add initiative at {name}")).click();
    harness.run();
    let ds = harness.state().state().dataset();
    assert_eq!(ds.initiatives.len(), items + 1);
    assert_eq!(ds.initiatives[items].places, vec!["wake_island".to_owned()]);
    harness.get_by_label(&format!("{name}: 2 initiatives"));
    // The list's row counts it too: its "#" cell, on the row of the place's name, reads 2.
    // The list is the leftmost of the places that name it (the details name it too).
    let row = harness
        .query_all_by_label(&name)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap_or_else(|| panic!("{name} is not in the list"));
    let in_row = |text: &str| {
        harness.query_all_by_label(text).filter(|n| (n.rect().center().y - row.center().y).abs() < 3.0).count()
    };
    assert_eq!((in_row("2"), in_row("1")), (1, 0), "the row of {name} counts two initiatives");
    // And the timeline shows it, undated, in its "no usable date" strip.
    assert!(harness.query_all_by_label("New initiative").next().is_some());
}

fn drag(harness: &mut Harness<'_, AtlasApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for k in 1..=6 {
        harness.hover_at(from + (to - from) * (k as f32 / 6.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn dragging_a_marker_with_the_form_open_moves_the_place_and_not_the_map() {
    let mut harness = app(ThemeChoice::Light);
    open_form(&mut harness);
    let wake = location(&harness, "wake_island");
    let (lat0, lon0) = {
        let l = &harness.state().state().dataset().locations[wake];
        (l.lat, l.lon)
    };
    let view = harness.state().state().map_view();
    let from = marker_centre(&harness, "wake_island");
    let to = from + vec2(-30.0, 20.0);
    drag(&mut harness, from, to);
    let state = harness.state().state();
    let moved = &state.dataset().locations[wake];
    assert_eq!(state.map_view(), view, "the map did not pan");
    assert!(moved.lon < lon0 && moved.lat < lat0, "moved west and south: {lat0},{lon0} -> {},{}", moved.lat, moved.lon);
    // Where it was dropped, rounded to what a point shows at this zoom (2 decimals at the world view).
    let deg_per_point = 360.0 / (256.0 * view.zoom.exp2());
    assert!((moved.lon - (lon0 - 30.0 * deg_per_point)).abs() < 2.0 * deg_per_point, "{}", moved.lon);
    for v in [moved.lat, moved.lon] {
        assert!(((v * 100.0).round() - v * 100.0).abs() < 1e-9, "{v} has no more than 2 decimals");
    }
    assert_eq!(state.selection(), Some(Selection::Location(wake)));
    assert_eq!(
        state.data_edit().undo_label(),
        Some(format!("change of the position of the place “{}”", moved.name).as_str()),
        "one change for undo"
    );
    harness.state_mut().apply(Command::Edit(EditCommand::Undo));
    let back = &harness.state().state().dataset().locations[wake];
    assert_eq!((back.lat, back.lon), (lat0, lon0));
}

#[test]
fn dragging_a_marker_without_the_form_pans_the_map_and_moves_nothing() {
    let mut harness = app(ThemeChoice::Light);
    let wake = location(&harness, "wake_island");
    let place = harness.state().state().dataset().locations[wake].clone();
    let view = harness.state().state().map_view();
    let from = marker_centre(&harness, "wake_island");
    drag(&mut harness, from, from + vec2(-30.0, 20.0));
    let state = harness.state().state();
    assert!(state.dataset().locations[wake] == place, "the place did not move");
    assert!(state.map_view().lon > view.lon, "the map panned: {view:?} -> {:?}", state.map_view());
    assert!(!state.data_edit().dirty());
}

#[test]
fn place_here_adds_a_place_at_the_cross_in_the_middle_of_the_map() {
    let mut harness = app(ThemeChoice::Light);
    assert!(harness.query_by_label("Place here").is_none(), "only while editing");
    open_form(&mut harness);
    let before = harness.state().state().dataset().locations.len();
    let view = harness.state().state().map_view();
    harness.get_by_label("Place here").click();
    harness.run();
    let state = harness.state().state();
    let place = &state.dataset().locations[before];
    let deg_per_point = 360.0 / (256.0 * view.zoom.exp2());
    assert!((place.lon - view.lon).abs() <= deg_per_point, "{} vs {}", place.lon, view.lon);
    assert!((place.lat - view.lat).abs() <= 2.0 * deg_per_point, "{} vs {}", place.lat, view.lat);
    assert_eq!(state.selection(), Some(Selection::Location(before)));
}

#[test]
fn while_an_initiative_is_edited_a_marker_menu_puts_it_at_the_place_or_takes_it_off() {
    let mut harness = app(ThemeChoice::Light);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    open_form(&mut harness);
    let i = harness.state().state().index().initiative_by_id.get("12lct-establishment").copied().unwrap_or(usize::MAX);
    let before = harness.state().state().dataset().initiatives[i].places.clone();
    // The map has flown to Okinawa; Kadena is on screen and not one of its places.
    assert!(!before.contains(&"kadena_ab".to_owned()));
    let kadena = harness.state().state().dataset().locations[location(&harness, "kadena_ab")].name.clone();
    let at = marker_centre(&harness, "kadena_ab");
    right_click(&mut harness, at);
    harness.get_by_label(&format!("Put “12th Littoral Combat Team established” at {kadena}")).click();
    harness.run();
    let places = harness.state().state().dataset().initiatives[i].places.clone();
    assert_eq!(places[..before.len()], before[..]);
    assert_eq!(places.last().map(String::as_str), Some("kadena_ab"));
    let at = marker_centre(&harness, "kadena_ab");
    right_click(&mut harness, at);
    harness.get_by_label(&format!("Take “12th Littoral Combat Team established” off {kadena}")).click();
    harness.run();
    assert_eq!(harness.state().state().dataset().initiatives[i].places, before);
}
