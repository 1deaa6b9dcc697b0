//! Image snapshots of the briefing-room picture (issue 18), rendered by wgpu on Mesa's software Vulkan:
//! slides 1, 2, 4 and 6 of the default deck at 1600×900, Okinawa at zoom 10 with the detail layer, the
//! eras' strip with overlapping eras, and a very long title at the timeline's right edge. Accept new
//! images with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_briefing`, after looking at them.

mod common;

use alliance_atlas::state::command::{EditCommand, TextField};
use alliance_atlas::state::{Command, Origin, Pane, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui::Key;

fn slide(step: usize) {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(Key::F5);
    harness.run();
    for _ in 1..step {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    // The presenter's notes are a separate window on a real screen; embedded here, they would cover it.
    harness.key_press(Key::N);
    harness.run();
    harness.snapshot(format!("briefing_slide_{step}"));
}

#[test]
fn slide_1_washington_at_city_zoom() {
    slide(1);
}

#[test]
fn slide_4_article_v() {
    slide(4);
}

#[test]
fn slide_6_tokyo_at_zoom_10() {
    slide(6);
}

#[test]
fn okinawa_at_zoom_10_with_the_detail_layer() {
    let mut harness = app(ThemeChoice::Light);
    harness.state_mut().apply(Command::ToggleMaximize(Pane::Map));
    let view = alliance_atlas::model::view::MapView { lat: 26.4, lon: 127.8, zoom: 10.0 };
    harness.state_mut().apply(Command::SetMapView(view));
    harness.run();
    harness.snapshot("map_okinawa_zoom_10");
}

#[test]
fn overlapping_eras_and_a_very_long_title_at_the_right_edge() {
    let mut harness = app(ThemeChoice::Light);
    let i = harness.state().state().dataset().initiatives.iter().position(|x| x.id == "jjoc").unwrap_or(0);
    let long = "Japan's permanent joint headquarters, the JSDF Joint Operations Command, stood up at \
                Ichigaya with about 240 staff to direct the Ground, Maritime and Air Self-Defense Forces";
    harness.state_mut().apply(Command::Edit(EditCommand::ToggleEditor));
    harness.state_mut().apply(Command::Edit(EditCommand::SetText(i, TextField::Title, long.to_owned())));
    harness.state_mut().apply(Command::Edit(EditCommand::ToggleEditor));
    harness.state_mut().apply(Command::Select(Selection::Initiative(i), Origin::Other));
    harness.state_mut().apply(Command::ToggleMaximize(Pane::Timeline));
    harness.run();
    harness.snapshot("timeline_eras_and_long_title");
}
