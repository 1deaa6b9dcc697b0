//! The explore view driven like a user would, through AccessKit labels: no GPU, no display.

mod common;

use alliance_atlas::AtlasApp;
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn clicking_an_initiative_on_the_timeline_shows_its_sources() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    let lct = initiative(&harness, "12lct-establishment");
    assert_eq!(selection(&harness), Some(Selection::Initiative(lct)));
    // The detail panel lists the source with its publisher and date, and the dates in words.
    harness.get_by_label("12th LCT Established, Enhances 12th MLR's Warfighting Readiness");
    harness.get_by_label("Completed 3 Mar 2025");
    // Its place is highlighted in the list.
    assert!(harness.state().state().is_location_highlighted(location(&harness, "camp_hansen")));
}

#[test]
fn clicking_a_location_row_highlights_its_initiatives() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("Camp Hansen, Kin, Okinawa  キャンプ・ハンセン").click();
    harness.run();
    let hansen = location(&harness, "camp_hansen");
    assert_eq!(selection(&harness), Some(Selection::Location(hansen)));
    let state = harness.state().state();
    let here = &state.index().initiatives_at[hansen];
    assert!(here.len() >= 5);
    for i in 0..state.dataset().initiatives.len() {
        assert_eq!(state.is_highlighted(i), here.contains(&i), "{}", state.dataset().initiatives[i].id);
    }
    harness.get_by_label(&format!("{} initiatives here", here.len()));
}

#[test]
fn alt_left_returns_to_the_previous_selection_and_alt_right_comes_back() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    harness.get_by_label("Tokyo Bay (First Flight 2022 route over Tokyo, Chiba and the bay)  東京湾").click();
    harness.run();
    let lct = Selection::Initiative(initiative(&harness, "12lct-establishment"));
    let fuji = Selection::Location(location(&harness, "tokyo_bay"));
    assert_eq!(selection(&harness), Some(fuji));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(selection(&harness), Some(lct));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(selection(&harness), Some(fuji));
}

#[test]
fn a_place_link_in_the_details_selects_the_place() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    harness.get_by_label("Camp Hansen, Kin, Okinawa").click();
    harness.run();
    assert_eq!(selection(&harness), Some(Selection::Location(location(&harness, "camp_hansen"))));
}

#[test]
fn a_bad_file_shows_its_problems_and_keeps_the_data() {
    let mut harness = app(ThemeChoice::Light);
    let before = harness.state().state().dataset().clone();
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad/unknown-field.ron");
    harness.state_mut().apply(Command::OpenFile(bad.into()));
    harness.run();
    let line = format!("{bad}:14:13: error: unknown field `titel` in Initiative (hint: did you mean `title`?)");
    harness.get_by_label(&line);
    assert_eq!(harness.state().state().dataset(), &before);
    // The data is still usable: selecting still works, and Dismiss hides the panel.
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    assert!(selection(&harness).is_some());
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.query_by_label(&line).is_none());
}

#[test]
fn a_good_file_replaces_the_data() {
    let mut harness = app(ThemeChoice::Dark);
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron");
    harness.state_mut().apply(Command::OpenFile(good.into()));
    harness.run();
    assert_eq!(harness.state().state().dataset().initiatives.len(), 1);
    harness.get_by_label("The first initiative").click();
    harness.run();
    assert_eq!(selection(&harness), Some(Selection::Initiative(0)));
}

#[test]
fn home_fits_and_plus_zooms_the_timeline() {
    let mut harness = app(ThemeChoice::Dark);
    let fitted = harness.state().state().time_view();
    harness.hover_at(egui::pos2(900.0, 700.0));
    harness.key_press(Key::Plus);
    harness.run();
    let zoomed = harness.state().state().time_view();
    assert!(zoomed.span() < fitted.span() * 0.9, "{zoomed:?} vs {fitted:?}");
    harness.key_press(Key::Home);
    harness.run();
    let again = harness.state().state().time_view();
    assert!((again.span() - fitted.span()).abs() < 1e-6);
}

#[test]
fn clicking_a_column_header_sorts_the_list() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("#").click();
    harness.run();
    let sort = harness.state().state().location_sort();
    assert_eq!(sort.column, alliance_atlas::views::location_list::LocationColumn::Count);
    harness.get_by_label("# ↑").click();
    harness.run();
    assert!(!harness.state().state().location_sort().ascending);
}

#[test]
fn lane_grouping_changes_the_lanes() {
    let mut harness = app(ThemeChoice::Dark);
    harness.state_mut().apply(Command::SetLaneGrouping(alliance_atlas::model::view::LaneGrouping::Status));
    harness.run();
    let labels: Vec<String> = harness.state().state().lanes().iter().map(|l| l.label.clone()).collect();
    assert!(labels.contains(&"Completed".to_owned()), "{labels:?}");
}

/// Position of an initiative by id.
pub fn initiative(harness: &Harness<'_, AtlasApp>, id: &str) -> usize {
    harness.state().state().index().initiative_by_id.get(id).copied().unwrap_or(usize::MAX)
}

/// Position of a location by id.
pub fn location(harness: &Harness<'_, AtlasApp>, id: &str) -> usize {
    harness.state().state().index().location_by_id.get(id).copied().unwrap_or(usize::MAX)
}

/// The current selection.
pub fn selection(harness: &Harness<'_, AtlasApp>) -> Option<Selection> {
    harness.state().state().selection()
}

#[test]
fn the_wheel_zooms_around_the_pointer_and_dragging_pans() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().time_view();
    let pointer = egui::pos2(900.0, 700.0);
    harness.hover_at(pointer);
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let zoomed = harness.state().state().time_view();
    assert!(zoomed.span() < before.span(), "{zoomed:?} vs {before:?}");
    // (That the day under the pointer stays put is tested on `TimeView::zoomed` itself.)
    // Drag to the right: earlier dates come into view.
    let before_drag = harness.state().state().time_view();
    harness.drag_at(pointer);
    harness.run();
    harness.hover_at(pointer + egui::vec2(120.0, 0.0));
    harness.run();
    harness.drop_at(pointer + egui::vec2(120.0, 0.0));
    harness.run();
    let dragged = harness.state().state().time_view();
    assert!(dragged.start < before_drag.start, "{dragged:?} vs {before_drag:?}");
    assert!((dragged.span() - before_drag.span()).abs() < 1e-6);
}

#[test]
fn a_failed_fetch_shows_why_and_keeps_the_data() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().dataset().clone();
    let url = "https://example.invalid/data.ron".to_owned();
    harness
        .state_mut()
        .apply(Command::FetchFailed(url.clone(), format!("could not fetch {url}: the server answered 404 Not Found")));
    harness.run();
    harness.get_by_label_contains("the server answered 404 Not Found");
    assert_eq!(harness.state().state().dataset(), &before);
}

#[test]
fn a_source_link_asks_to_open_its_url_in_a_new_tab() {
    let mut harness = app(ThemeChoice::Dark);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    harness.get_by_label("12th LCT Established, Enhances 12th MLR's Warfighting Readiness").click();
    harness.step();
    let opened: Vec<(String, bool)> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some((open.url.clone(), open.new_tab)),
            _ => None,
        })
        .collect();
    assert_eq!(opened.len(), 1, "{opened:?}");
    assert!(opened[0].0.starts_with("https://www.3rdmardiv.marines.mil/") && opened[0].1, "{opened:?}");
}

#[test]
fn ctrl_n_adds_an_initiative_that_the_form_edits_and_ctrl_z_takes_back() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().dataset().initiatives.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().state().dataset().initiatives.len(), before + 1);
    assert!(harness.state().state().data_edit().open(), "the form opens on it");
    // The form's title field holds it; typing there renames it on the timeline.
    harness.get_by_label("Title").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Title").type_text("Radar on Kitadaito");
    harness.run();
    let added = &harness.state().state().dataset().initiatives[before];
    assert_eq!(added.title, "Radar on Kitadaito");
    // A date typed as people type it puts it on the timeline.
    harness.get_by_label("announced").focus();
    harness.get_by_label("announced").type_text("Nov 2025");
    harness.run();
    assert!(harness.state().state().index().spans[before].is_some());
    assert!(!harness.query_all_by_label("Radar on Kitadaito").collect::<Vec<_>>().is_empty());
    // Outside the text fields, Ctrl+Z undoes the changes one by one.
    harness.key_press(Key::Escape);
    harness.run();
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().state().dataset().initiatives.len(), before, "the addition is undone too");
}

#[test]
fn dragging_a_mark_while_editing_moves_its_dates_at_their_precision() {
    let mut harness = app(ThemeChoice::Dark);
    let i = initiative(&harness, "12lct-establishment");
    let before = harness.state().state().dataset().initiatives[i].clone();
    harness.state_mut().apply(Command::Edit(alliance_atlas::state::command::EditCommand::ToggleEditor));
    harness.run();
    let mark = harness.get_by_label("12th Littoral Combat Team established").rect();
    let from = mark.left_center() + egui::vec2(6.0, 0.0);
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + egui::vec2(10.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(from + egui::vec2(60.0, 0.0));
    harness.run();
    let after = &harness.state().state().dataset().initiatives[i];
    let (was, now) = (before.completed.expect("dated"), after.completed.expect("still dated"));
    assert!(now > was, "moved later: {was} → {now}");
    assert_eq!(std::mem::discriminant(&now.period), std::mem::discriminant(&was.period), "same precision");
    assert_eq!(
        harness.state().state().data_edit().undo_label(),
        Some("move of the dates of “12th Littoral Combat Team established”")
    );
}

#[test]
fn right_click_on_the_timeline_adds_an_initiative_in_that_month() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().dataset().initiatives.len();
    // An empty spot of the timeline: just right of the axis labels, low in the first lane.
    let mark = harness.get_by_label("12th Littoral Combat Team established").rect();
    let spot = egui::pos2(mark.left() - 40.0, mark.bottom() + 2.0);
    harness.event(egui::Event::PointerMoved(spot));
    harness.event(egui::Event::PointerButton {
        pos: spot,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: spot,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label_contains("Add initiative here").click();
    harness.run();
    let ds = harness.state().state().dataset();
    assert_eq!(ds.initiatives.len(), before + 1);
    let start = ds.initiatives[before].start.expect("starts in the month under the pointer");
    assert!(matches!(start.period, alliance_atlas::model::Period::Month(..)), "{start}");
}
