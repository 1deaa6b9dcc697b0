//! Settings that fail to read (a damaged or hand-edited settings file) give the defaults and a message;
//! they never stop the app from starting.

use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::state::Command;
use alliance_atlas::state::command::Settings;
use egui_kittest::kittest::Queryable as _;

#[test]
fn damaged_settings_give_the_defaults_and_say_so() {
    let saved = Settings { lane_grouping: LaneGrouping::Status, graticule: true, ..Settings::default() };
    let text = ron::to_string(&saved).unwrap_or_default();
    assert_eq!(Settings::from_saved(Some(&text)), (saved, None), "good settings read back");
    assert_eq!(Settings::from_saved(None), (Settings::default(), None), "no settings: the defaults, no message");
    for damaged in [&text[..text.len() / 2], "(theme: Purple)", "\u{0}\u{1}garbage", "(recent: 5)"] {
        let (settings, message) = Settings::from_saved(Some(damaged));
        assert_eq!(settings, Settings::default(), "{damaged:?}");
        let message = message.unwrap_or_default();
        assert!(message.contains("could not be read") && message.contains("defaults"), "{damaged:?}: {message}");
    }
}

#[test]
fn the_message_is_shown_in_the_top_bar_until_dismissed() {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .build_eframe(|cc| alliance_atlas::AtlasApp::new(cc, alliance_atlas::StartOptions::default()));
    harness.run();
    let (_, message) = Settings::from_saved(Some("(theme: Purple)"));
    let message = message.unwrap_or_default();
    harness.state_mut().apply(Command::Notify(message.clone()));
    harness.run();
    harness.get_by_label(&message);
    harness.get_by_label("×").click();
    harness.run();
    assert!(harness.query_by_label(&message).is_none());
}
