//! Applying a command never touches the disk: it returns the effects for the shell to run. These tests
//! apply commands to a bare `State` and look at what comes back, then run the effects and see the files.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use alliance_atlas::model::Day;
use alliance_atlas::state::{
    Command, DataSource, DeckCommand, Effect, FocusCommand, ReadFor, Settings, State, WriteFor,
};

fn temp_copy_of_minimal() -> (std::path::PathBuf, std::path::PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("atlas-effects-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let data = dir.join("minimal.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron"), &data).expect("copy");
    (dir, data)
}

#[test]
fn opening_a_file_is_an_effect_and_reads_nothing() {
    let mut state = State::new(Settings::default(), Day(20_000));
    let missing = std::path::PathBuf::from("/nonexistent/atlas/data.ron");
    let effects = state.apply(Command::OpenFile(missing.clone()));
    assert_eq!(effects, vec![Effect::OpenDataset(DataSource::File(missing))]);
    assert_eq!(state.source(), &DataSource::Embedded, "nothing changed yet");
    assert!(state.load_failure().is_none(), "no read was tried");
}

#[test]
fn a_loaded_file_asks_for_its_views_and_deck_and_saving_writes_only_through_effects() {
    let (dir, data) = temp_copy_of_minimal();
    let mut state = State::new(Settings::default(), Day(20_000));
    let loaded = alliance_atlas::formats::load_file(&data);
    let effects = state.apply(Command::Loaded(Box::new(loaded), DataSource::File(data.clone()), None));
    let views = dir.join("minimal.views.ron");
    let deck = dir.join("minimal.briefing.ron");
    assert_eq!(
        effects,
        vec![Effect::Read(ReadFor::SavedViews, views.clone()), Effect::Read(ReadFor::Deck, deck.clone())]
    );

    let effects = state.apply(Command::Focus(FocusCommand::SaveView("first".to_owned())));
    let [Effect::Write { what: WriteFor::SavedViews, path, text, backup: false }] = effects.as_slice() else {
        panic!("expected one write of the views, got {effects:?}");
    };
    assert_eq!(path, &views);
    assert!(text.contains("first"), "{text}");
    assert!(!views.exists(), "apply wrote nothing");

    let effects = state.apply(Command::Deck(DeckCommand::AddStep));
    assert!(effects.is_empty());
    let effects = state.apply(Command::Deck(DeckCommand::SaveDeck(None)));
    assert!(matches!(effects.as_slice(), [Effect::Write { what: WriteFor::Deck, backup: true, .. }]), "{effects:?}");
    assert!(!deck.exists(), "apply wrote nothing");
    assert!(state.deck_edit().dirty(), "unsaved until the write is done");

    // The shell runs them: now the files are there and the state knows.
    alliance_atlas::app::effects::run(&mut state, effects, |_| false);
    assert!(deck.exists());
    assert!(!state.deck_edit().dirty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failed_write_is_reported_and_the_work_kept() {
    let mut state = State::new(Settings::default(), Day(20_000));
    let effects = state.apply(Command::Deck(DeckCommand::AddStep));
    assert!(effects.is_empty());
    let target = std::path::PathBuf::from("/nonexistent/atlas/deck.briefing.ron");
    let effects = state.apply(Command::Deck(DeckCommand::SaveDeck(Some(target))));
    alliance_atlas::app::effects::run(&mut state, effects, |_| false);
    assert!(state.deck_edit().dirty(), "still unsaved");
    let message = state.deck_edit().message().expect("a message");
    assert!(message.starts_with("Could not save /nonexistent/atlas/deck.briefing.ron"), "{message}");
}
