//! Data that arrives without a file dialog: files dropped on the window, decks given as bytes (what
//! `?deck=URL` fetches in the browser), deep links followed while presenting.

mod common;
#[path = "common/dropped.rs"]
mod dropped;
#[path = "common/files.rs"]
mod files;

use alliance_atlas::app::deep_link;
use alliance_atlas::briefing::DEFAULT_DECK;
use alliance_atlas::formats::ProblemKind;
use alliance_atlas::state::Command;
use alliance_atlas::theme::ThemeChoice;
use common::app;
use dropped::Dropped;

#[test]
fn a_dataset_dropped_on_the_window_replaces_the_data() {
    let (_dir, data) = files::minimal_copy("drop");
    let mut harness = app(ThemeChoice::Dark);
    assert_ne!(harness.state().state().dataset().meta.title, "Minimal");
    harness.event(egui::Event::WindowFocused(true));
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(data)));
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.dataset().meta.title, "Minimal");
    assert!(state.load_failure().is_none());
}

#[test]
fn a_deck_given_as_bytes_replaces_the_deck_when_it_checks() {
    let mut harness = app(ThemeChoice::Dark);
    let mut shorter = DEFAULT_DECK.to_owned();
    // Drop every step after the first two: a different deck, still valid against the data.
    let steps = shorter.match_indices("Step(").map(|(i, _)| i).collect::<Vec<_>>();
    assert!(steps.len() > 2, "the embedded deck has more than two steps");
    shorter.replace_range(steps[2]..shorter.rfind(']').unwrap_or(shorter.len()), "");
    harness.state_mut().apply(Command::OpenDeckBytes("short.briefing.ron".into(), shorter.into_bytes()));
    let state = harness.state().state();
    assert!(state.load_failure().is_none(), "{:?}", state.load_failure());
    assert_eq!(state.deck().map(|d| d.steps.len()), Some(2));
}

#[test]
fn a_bad_deck_given_as_bytes_is_reported_and_the_deck_stays() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().deck().map(|d| d.steps.len());
    assert!(before.is_some());
    // Not UTF-8 on line 2: the report points there.
    let bytes = b"Deck(\n  title: \"x\xff\",\n".to_vec();
    harness.state_mut().apply(Command::OpenDeckBytes("bad.briefing.ron".into(), bytes));
    let state = harness.state().state();
    let failure = state.load_failure().expect("the problem is shown");
    assert_eq!(failure.file, "bad.briefing.ron");
    assert_eq!(failure.problems[0].kind, ProblemKind::Unreadable);
    assert_eq!((failure.problems[0].line, failure.problems[0].column), (2, 12));
    assert_eq!(state.deck().map(|d| d.steps.len()), before, "the deck there was stays");
    // A deck that names places the data does not have is refused the same way.
    let wrong = DEFAULT_DECK.replacen("highlight: [\"scc-2023\"", "highlight: [\"no-such-initiative\"", 1);
    assert_ne!(wrong, DEFAULT_DECK);
    harness.state_mut().apply(Command::OpenDeckBytes("typo.briefing.ron".into(), wrong.into_bytes()));
    let state = harness.state().state();
    assert_eq!(state.load_failure().map(|f| f.file.as_str()), Some("typo.briefing.ron"));
    assert_eq!(state.deck().map(|d| d.steps.len()), before);
}

#[test]
fn following_links_moves_between_steps_and_back_to_the_view() {
    let mut harness = app(ThemeChoice::Dark);
    let view = deep_link(harness.state().state());
    assert!(!view.starts_with("step="), "{view}");
    let app = harness.state_mut();
    app.follow_link("step=3");
    assert_eq!(app.state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(2));
    assert_eq!(deep_link(app.state()), "step=3");
    // Back in the browser while presenting: the earlier step.
    app.follow_link("step=2");
    assert_eq!(app.state().presenting().map(alliance_atlas::state::present::Presenting::step), Some(1));
    // Back again, to the view before presenting: presenting ends and that view comes back.
    app.follow_link(&view);
    assert!(app.state().presenting().is_none());
    harness.run();
    assert_eq!(deep_link(harness.state().state()), view);
}
