//! Image snapshots of the explore view at 1600×900, rendered by wgpu on Mesa's software Vulkan
//! (`mesa-vulkan-drivers`). Accept new images with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

mod common;
#[path = "common/pointer.rs"]
mod pointer;

use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui_kittest::kittest::Queryable as _;

#[test]
fn explore_view_dark() {
    let mut harness = app(ThemeChoice::Dark);
    harness.snapshot("explore_dark");
}

#[test]
fn explore_view_light_with_a_selection() {
    let mut harness = app(ThemeChoice::Light);
    harness.get_by_label("12th Littoral Combat Team established").click();
    harness.run();
    harness.snapshot("explore_light_selected");
}

#[test]
fn the_default_map_view() {
    let mut harness = app(ThemeChoice::Light);
    harness.state_mut().apply(alliance_atlas::state::Command::ToggleMaximize(alliance_atlas::state::Pane::Map));
    harness.run();
    harness.snapshot("map_default");
}

#[test]
fn a_slide_in_the_projector_theme() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::PageDown);
    harness.run();
    // The presenter view is a separate window on a real screen; embedded here, it would cover the slide.
    harness.key_press(egui::Key::N);
    harness.run();
    harness.snapshot("slide_step_2_projector");
}

#[test]
fn the_file_menu_with_export() {
    let mut harness = app(ThemeChoice::Light);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("GeoJSON").hover();
    harness.run();
    harness.snapshot("file_menu_export");
}

#[test]
fn the_import_window_for_a_sheet_with_its_own_headers() {
    let mut harness = app(ThemeChoice::Light);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/tables/own-headers.csv");
    harness.state_mut().apply(alliance_atlas::state::Command::OpenFile(path));
    harness.run();
    harness.snapshot("import_window");
}

#[test]
fn the_edit_form_with_a_date_that_does_not_read() {
    use alliance_atlas::state::command::{DateField, EditCommand};
    use alliance_atlas::state::{Command, Origin, Selection};
    let mut harness = app(ThemeChoice::Light);
    let i =
        harness.state().state().dataset().initiatives.iter().position(|x| x.id == "12mlr-capabilities").expect("there");
    harness.state_mut().apply(Command::Select(Selection::Initiative(i), Origin::Other));
    harness.state_mut().apply(Command::Edit(EditCommand::ToggleEditor));
    harness.state_mut().apply(Command::Edit(EditCommand::SetDate(i, DateField::Start, "c. Nov 2022".to_owned())));
    harness.state_mut().apply(Command::Edit(EditCommand::SetDate(i, DateField::End, "2023/13/01".to_owned())));
    harness.run();
    harness.snapshot("edit_form");
}

#[test]
fn dragging_a_mark_on_the_timeline_shows_where_its_dates_go() {
    let mut harness = app(ThemeChoice::Light);
    // Dragging needs the editor open.
    harness
        .state_mut()
        .apply(alliance_atlas::state::Command::Edit(alliance_atlas::state::command::EditCommand::ToggleEditor));
    harness.run();
    let mark = harness.get_by_label("12th Littoral Combat Team established").rect();
    let from = mark.left_center() + egui::vec2(6.0, 0.0);
    harness.drag_at(from);
    harness.run();
    for step in 1..=8 {
        harness.hover_at(from + egui::vec2(12.0 * step as f32, 0.0));
        harness.run();
    }
    harness.snapshot("timeline_drag");
}

#[test]
fn alt_click_on_the_map_adds_a_place_and_the_form_edits_it() {
    use alliance_atlas::state::command::EditCommand;
    let mut harness = app(ThemeChoice::Light);
    harness.state_mut().apply(alliance_atlas::state::Command::Edit(EditCommand::ToggleEditor));
    harness.run();
    let before = harness.state().state().dataset().locations.len();
    let spot = egui::pos2(700.0, 330.0);
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::ALT));
    pointer::click_with(&mut harness, spot, egui::PointerButton::Primary, egui::Modifiers::ALT);
    harness.run();
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run();
    assert_eq!(harness.state().state().dataset().locations.len(), before + 1, "a place where the map was Alt+clicked");
    harness.get_by_label("place id: new_place_1");
    harness.snapshot("edit_place");
}

#[test]
fn dragging_a_place_on_the_map_shows_where_it_goes_and_its_coordinates() {
    use alliance_atlas::state::command::EditCommand;
    let mut harness = app(ThemeChoice::Light);
    harness.state_mut().apply(alliance_atlas::state::Command::Edit(EditCommand::ToggleEditor));
    harness.state_mut().apply(alliance_atlas::state::Command::Edit(EditCommand::AddPlace(5.0, 150.0)));
    harness.run();
    let from = harness.get_by_label_contains("Wake Island: ").rect().center();
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + egui::vec2(-8.0 * step as f32, 6.0 * step as f32));
        harness.run();
    }
    harness.snapshot("map_place_drag");
}

#[test]
fn right_click_on_the_map_offers_to_add_a_place_or_an_initiative_there() {
    let mut harness = app(ThemeChoice::Dark);
    let at = harness.get_by_label_contains("Wake Island: ").rect().center() + egui::vec2(60.0, 40.0);
    pointer::right_click(&mut harness, at);
    harness.get_by_label("Add place here");
    harness.snapshot("map_context_menu");
}

#[test]
fn a_comparison_of_two_days_with_the_report() {
    let mut harness = app(ThemeChoice::Light);
    // From the Tokyo 2+2 (28 Jul 2024) to the dataset's as-of day (13 Mar 2026), one initiative selected.
    harness.state_mut().follow_link("t=19800,20600;cf=19932;ao=20525;lg=Status;s=i:12mlr-decision");
    harness.run();
    harness.snapshot("compare_since_tokyo");
}

#[test]
fn the_timeline_poster_window() {
    use alliance_atlas::state::command::{Command, ExportCommand};
    let mut harness = app(ThemeChoice::Light);
    let choice = alliance_atlas::model::print::PosterChoice::default();
    harness.state_mut().apply(Command::Export(ExportCommand::PosterDialog(Some(choice))));
    harness.run();
    harness.snapshot("poster_dialog");
}
