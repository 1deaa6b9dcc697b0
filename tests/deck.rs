//! Authoring a deck from the explore view, and saving it safely.

mod common;
#[path = "common/files.rs"]
mod files;

use alliance_atlas::briefing::load_deck;
use alliance_atlas::model::view::TimeView;
use alliance_atlas::state::Command;
use alliance_atlas::state::DeckCommand;
use alliance_atlas::state::deck::StepField;
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui_kittest::kittest::Queryable as _;

#[test]
fn add_current_view_as_step_grows_the_deck_with_that_view() {
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().deck().map_or(0, |d| d.steps.len());
    let window = TimeView { start: 19_000.0, end: 19_700.0 };
    harness.state_mut().apply(Command::SetTimeView(window));
    harness.run();
    harness.get_by_label("Deck…").click();
    harness.run();
    harness.get_by_label("Add current view as step").click();
    harness.run();
    let state = harness.state().state();
    let deck = state.deck().expect("deck");
    assert_eq!(deck.steps.len(), before + 1);
    let added = &deck.steps[state.deck_edit().selected()];
    assert_eq!(added.view, state.current_view());
    assert_eq!(added.view.time, Some(window));
    assert!(state.deck_edit().dirty());
}

#[test]
fn steps_reorder_edit_delete_and_undo() {
    let mut harness = app(ThemeChoice::Dark);
    let titles = |h: &egui_kittest::Harness<'_, alliance_atlas::AtlasApp>| -> Vec<String> {
        h.state().state().deck().map(|d| d.steps.iter().map(|s| s.title.clone()).collect()).unwrap_or_default()
    };
    let original = titles(&harness);
    harness.state_mut().apply(Command::Deck(DeckCommand::MoveStep(0, false)));
    let moved = titles(&harness);
    assert_eq!((moved[0].clone(), moved[1].clone()), (original[1].clone(), original[0].clone()));
    harness.state_mut().apply(Command::Deck(DeckCommand::EditStep(0, StepField::Title, "Renamed".to_owned())));
    harness.state_mut().apply(Command::Deck(DeckCommand::DeleteStep(2)));
    assert_eq!(titles(&harness).len(), original.len() - 1);
    for _ in 0..3 {
        harness.state_mut().apply(Command::Deck(DeckCommand::UndoDeck));
    }
    assert_eq!(titles(&harness), original);
}

#[test]
fn saving_writes_atomically_and_keeps_a_backup() {
    let (dir, data) = files::minimal_copy("deck");
    let deck_file = dir.join("mini.briefing.ron");
    let first = "Deck(title: \"Mini\", dataset: \"mini.ron\", steps: [Step(title: \"One\", view: \"s=i:first\")])";
    std::fs::write(&deck_file, first).expect("deck");
    let mut harness = app(ThemeChoice::Dark);
    harness.state_mut().apply(Command::OpenFile(data));
    assert_eq!(harness.state().state().deck().map(|d| d.steps.len()), Some(1));
    harness.state_mut().apply(Command::Deck(DeckCommand::AddStep));
    harness.state_mut().apply(Command::Deck(DeckCommand::SaveDeck(None)));
    let state = harness.state().state();
    assert!(!state.deck_edit().dirty(), "{:?}", state.deck_edit().message());
    assert_eq!(std::fs::read_to_string(dir.join("mini.briefing.ron.bak")).ok().as_deref(), Some(first));
    assert!(!dir.join("mini.briefing.ron.tmp").exists());
    let saved = std::fs::read_to_string(&deck_file).expect("saved");
    let reloaded = load_deck(&saved, state.index());
    assert!(reloaded.problems.is_empty(), "{:#?}", reloaded.problems);
    assert_eq!(reloaded.deck.as_ref(), state.deck());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_embedded_deck_needs_a_place_before_it_can_be_saved() {
    let mut harness = app(ThemeChoice::Dark);
    harness.state_mut().apply(Command::Deck(DeckCommand::AddStep));
    harness.state_mut().apply(Command::Deck(DeckCommand::SaveDeck(None)));
    let state = harness.state().state();
    assert!(state.deck_edit().dirty(), "nothing is lost: still unsaved, and the user is told why");
    assert!(state.deck_edit().message().is_some_and(|m| m.contains("Save as")));
}

#[test]
fn moving_a_step_after_undo_does_not_panic() {
    let mut harness = app(ThemeChoice::Dark);
    let last = harness.state().state().deck().map_or(0, |d| d.steps.len() - 1);
    harness.state_mut().apply(Command::Deck(DeckCommand::SelectStep(last)));
    harness.state_mut().apply(Command::Deck(DeckCommand::AddStep));
    harness.state_mut().apply(Command::Deck(DeckCommand::UndoDeck));
    let state = harness.state().state();
    assert_eq!(state.deck_edit().selected(), last);
    harness.state_mut().apply(Command::Deck(DeckCommand::MoveStep(last, true)));
    harness.state_mut().apply(Command::Deck(DeckCommand::MoveStep(99, false)));
    assert_eq!(harness.state().state().deck_edit().selected(), last - 1);
}

#[test]
fn a_broken_deck_is_shown_and_never_overwritten_by_save() {
    let (dir, data) = files::minimal_copy("baddeck");
    let broken = "Deck(title: \"Mini\", steps: [Step(title: \"One\", view: \"s=i:no-such-id\")])";
    std::fs::write(dir.join("mini.briefing.ron"), broken).expect("deck");
    let mut harness = app(ThemeChoice::Dark);
    harness.state_mut().apply(Command::OpenFile(data));
    harness.run();
    let state = harness.state().state();
    assert!(state.deck().is_none());
    let failure = state.load_failure().expect("the deck's problems are shown");
    assert!(failure.problems.iter().any(|p| p.message.contains("no-such-id")));
    harness.state_mut().apply(Command::Deck(DeckCommand::AddStep));
    harness.state_mut().apply(Command::Deck(DeckCommand::SaveDeck(None)));
    assert_eq!(std::fs::read_to_string(dir.join("mini.briefing.ron")).ok().as_deref(), Some(broken));
    assert!(harness.state().state().deck_edit().dirty());
    std::fs::remove_dir_all(&dir).ok();
}
