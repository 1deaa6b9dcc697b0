//! The map, driven through AccessKit labels: markers and clusters are labelled widgets.

mod common;

use alliance_atlas::AtlasApp;
use alliance_atlas::model::geo::project;
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn location(harness: &Harness<'_, AtlasApp>, id: &str) -> usize {
    harness.state().state().index().location_by_id.get(id).copied().unwrap_or(usize::MAX)
}

#[test]
fn clicking_a_marker_selects_the_place_and_the_details_show_it() {
    let mut harness = app(ThemeChoice::Dark);
    let wake = location(&harness, "wake_island");
    let name = harness.state().state().dataset().locations[wake].name.clone();
    harness.get_by_label(&format!("{name}: 1 initiative")).click();
    harness.run();
    assert_eq!(harness.state().state().selection(), Some(Selection::Location(wake)));
    harness.get_by_label("1 initiative here");
    // Selected from the map, the map does not fly away.
    assert!(harness.state().state().map_flight().is_none());
}

#[test]
fn selecting_an_initiative_elsewhere_flies_the_map_to_its_places() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().map_view();
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    let state = harness.state().state();
    assert!(state.map_flight().is_none(), "the flight has settled");
    let after = state.map_view();
    assert!(after.zoom > before.zoom + 3.0, "{before:?} -> {after:?}");
    let (hansen, centre) = (project(26.460_467, 127.915_076), project(after.lat, after.lon));
    assert!((hansen.x - centre.x).abs() < 1e-6 && (hansen.y - centre.y).abs() < 1e-6, "{after:?}");
    // Zoomed in on Okinawa the three bases are separate markers, each with its own label.
    for id in ["camp_hansen", "camp_courtney", "kadena_ab"] {
        let l = location(&harness, id);
        let name = harness.state().state().dataset().locations[l].name.clone();
        harness.get_by_label_contains(&format!("{name}: "));
    }
}

#[test]
fn clicking_a_cluster_zooms_in_until_its_places_separate() {
    let mut harness = app(ThemeChoice::Light);
    let zoom_before = harness.state().state().map_view().zoom;
    let clusters = harness.query_all_by_label_contains("Cluster of ").count();
    assert!(clusters >= 2, "the world view clusters the Japanese places");
    harness.get_by_label_contains("Cluster of 12 places").click();
    harness.run();
    assert!(harness.state().state().map_view().zoom > zoom_before + 1.0);
    assert!(harness.query_by_label_contains("Cluster of 12 places").is_none());
}

#[test]
fn fit_and_maximise_work_from_the_map_buttons() {
    let mut harness = app(ThemeChoice::Dark);
    let fitted = harness.state().state().map_view();
    harness.state_mut().apply(Command::SetMapView(alliance_atlas::model::view::MapView {
        lat: 0.0,
        lon: 0.0,
        zoom: 7.0,
    }));
    harness.run();
    harness.get_by_label("Fit map").click();
    harness.run();
    let again = harness.state().state().map_view();
    // Back to the whole set of places: Washington to New Delhi, Canberra to London.
    assert!(again.zoom < 3.0 && (again.zoom - fitted.zoom).abs() < 0.5, "{again:?} vs {fitted:?}");
    assert!((again.lon - fitted.lon).abs() < 1.0 && (again.lat - fitted.lat).abs() < 5.0, "{again:?} vs {fitted:?}");
    harness.get_by_label("Maximise map").click();
    harness.run();
    assert_eq!(harness.state().state().maximized(), Some(alliance_atlas::state::Pane::Map));
    harness.get_by_label("Restore map").click();
    harness.run();
    assert_eq!(harness.state().state().maximized(), None);
}

#[test]
fn places_outside_the_timeline_window_are_marked_for_dimming() {
    let mut harness = app(ThemeChoice::Dark);
    let wake = location(&harness, "wake_island");
    let fuji = location(&harness, "tokyo_bay");
    assert!(harness.state().state().is_location_in_time_window(wake));
    // Show only 2022: the Wake Island training (Dec 2024) is outside, the Black Hawk photo over Tokyo Bay (Jan 2022) inside.
    let (start, end) = (f64::from(19_000), f64::from(19_358));
    harness.state_mut().apply(Command::SetTimeView(alliance_atlas::model::view::TimeView { start, end }));
    harness.run();
    assert!(!harness.state().state().is_location_in_time_window(wake));
    assert!(harness.state().state().is_location_in_time_window(fuji));
}
