//! Presenting the real deck with keys only: F5, Page Down (what a clicker sends), blackout, Esc.

mod common;

use alliance_atlas::model::map_camera::FlyTarget;
use alliance_atlas::state::Blank;
use alliance_atlas::state::PresentCommand;
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui::Key;
use egui_kittest::kittest::Queryable as _;

#[test]
fn f5_starts_at_step_1_and_page_down_twice_shows_step_3_with_its_view() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(harness.state().state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(0));
    harness.key_press(Key::PageDown);
    harness.run();
    harness.key_press(Key::PageDown);
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.presenting().map(alliance_atlas::state::present::Presenting::step), Some(2));
    let step = state.current_step().expect("a step").clone();
    // After the glide settles, the timeline and map are exactly the step's.
    if let Some(time) = step.view.time {
        assert!((state.time_view().start - time.start).abs() < 1e-6 && (state.time_view().end - time.end).abs() < 1e-6);
    }
    if let Some(map) = step.view.map {
        assert!(state.map_flight().is_none() || matches!(state.map_flight().map(|f| f.to), Some(FlyTarget::View(_))));
        let view = state.map_view();
        assert!(
            (view.lat - map.lat).abs() < 1e-6
                && (view.lon - map.lon).abs() < 1e-6
                && (view.zoom - map.zoom).abs() < 1e-6
        );
    }
    assert_eq!(state.focus().filter(), &step.view.filter);
    assert_eq!(state.theme(), ThemeChoice::Projector);
}

#[test]
fn b_blacks_out_any_key_returns_and_esc_leaves() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::B);
    harness.run();
    assert_eq!(
        harness.state().state().presenting().and_then(alliance_atlas::state::present::Presenting::blank),
        Some(Blank::Black)
    );
    harness.key_press(Key::Space);
    harness.run();
    let presenting = harness.state().state().presenting().cloned().expect("still presenting");
    assert_eq!((presenting.blank(), presenting.step()), (None, 0), "the key only un-blanks");
    harness.key_press(Key::W);
    harness.run();
    assert_eq!(
        harness.state().state().presenting().and_then(alliance_atlas::state::present::Presenting::blank),
        Some(Blank::White)
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state().presenting().is_none());
    assert_eq!(harness.state().state().theme(), ThemeChoice::Dark);
}

#[test]
fn end_goes_to_the_last_step_and_a_number_then_enter_jumps() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::End);
    harness.run();
    let last = harness.state().state().deck().map(|d| d.steps.len() - 1);
    assert_eq!(harness.state().state().presenting().map(alliance_atlas::state::present::Presenting::step), last);
    harness.event(egui::Event::Text("2".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(1));
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(0));
}

#[test]
fn the_presenter_view_shows_notes_and_the_next_step_and_drives_the_deck() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press(Key::F5);
    harness.run();
    let (notes, next) = {
        let deck = harness.state().state().deck().cloned().expect("deck");
        (deck.steps[0].notes.clone(), deck.steps[1].title.clone())
    };
    harness.get_by_label(&notes);
    harness.get_by_label(&format!("Next: {next}"));
    harness.get_by_label_contains("elapsed");
    harness.get_by_label("Next ▶").click();
    harness.run();
    assert_eq!(harness.state().state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(1));
    harness.key_press(Key::N);
    harness.run();
    assert!(harness.query_by_label("Next ▶").is_none(), "N hides the presenter view");
}

#[test]
fn deep_links_open_a_step_or_a_view_and_describe_the_screen() {
    let mut state = alliance_atlas::state::State::new(
        alliance_atlas::state::Settings::default(),
        alliance_atlas::model::Day(20_000),
    );
    alliance_atlas::app::open_link(&mut state, "step=3");
    assert_eq!(state.presenting().map(alliance_atlas::state::present::Presenting::step), Some(2));
    assert_eq!(alliance_atlas::app::deep_link(&state), "step=3");
    state.apply(alliance_atlas::state::Command::Presenting(PresentCommand::Present(None)));
    alliance_atlas::app::open_link(&mut state, "q=kanoya;s=l:kanoya_ab");
    let link = alliance_atlas::app::deep_link(&state);
    assert!(link.contains("q=kanoya") && link.contains("s=l:kanoya_ab"), "{link}");
}
