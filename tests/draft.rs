//! Unsaved edits kept for a page reload (`State::draft_text`, `EditCommand::RestoreDraft`): replayed
//! onto the same data they give the edited dataset, undoable back to the original one by one; never
//! laid over other data or data that changed since; a download of the whole dataset leaves nothing
//! unsaved.

use alliance_atlas::model::{Day, Status};
use alliance_atlas::state::command::{DateField, EditCommand, TextField};
use alliance_atlas::state::{Command, Settings, State};
use proptest::prelude::*;

fn fresh() -> State {
    State::new(Settings::default(), Day(20_000))
}

fn edit(state: &mut State, command: EditCommand) {
    state.apply(Command::Edit(command));
}

fn op() -> impl Strategy<Value = EditCommand> {
    prop_oneof![
        (0usize..40, "[a-zA-Z ]{1,12}").prop_map(|(i, t)| EditCommand::SetText(i, TextField::Title, t)),
        (0usize..40, 2000i32..2030).prop_map(|(i, y)| EditCommand::SetDate(i, DateField::Start, format!("by {y}"))),
        (0usize..40).prop_map(|i| EditCommand::SetStatus(i, Status::Completed)),
        (0usize..40, any::<bool>()).prop_map(|(i, unlink)| EditCommand::DeleteInitiative(i, unlink)),
        Just(EditCommand::AddInitiative),
        (20.0f64..40.0, 120.0f64..150.0).prop_map(|(lat, lon)| EditCommand::AddPlace(lat, lon)),
        (0usize..20, 20.0f64..40.0, 120.0f64..150.0).prop_map(|(l, lat, lon)| EditCommand::MovePlace(l, lat, lon)),
        Just(EditCommand::AddSource),
        Just(EditCommand::Undo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn kept_edits_replay_to_the_edited_data_and_undo_to_the_original(ops in proptest::collection::vec(op(), 1..10)) {
        let original = fresh().dataset().clone();
        let mut state = fresh();
        for command in ops {
            edit(&mut state, command);
        }
        let Some(text) = state.draft_text() else {
            // Nothing unsaved (every edit refused or undone): nothing is kept.
            prop_assert!(!state.data_edit().dirty() || state.data_edit().undo_label().is_none());
            return Ok(());
        };
        let mut reopened = fresh();
        edit(&mut reopened, EditCommand::RestoreDraft(text));
        prop_assert!(reopened.dataset() == state.dataset(), "{:?}", reopened.data_edit().message());
        prop_assert!(reopened.data_edit().dirty());
        prop_assert_eq!(reopened.data_edit().undo_label(), state.data_edit().undo_label());
        while reopened.data_edit().undo_label().is_some() {
            edit(&mut reopened, EditCommand::Undo);
        }
        prop_assert!(reopened.dataset() == &original, "undone to the original");
    }
}

#[test]
fn edits_are_not_laid_over_data_that_changed_since() {
    let mut state = fresh();
    edit(&mut state, EditCommand::SetText(3, TextField::Title, "Kept title".to_owned()));
    edit(&mut state, EditCommand::SetText(5, TextField::Summary, "Kept summary".to_owned()));
    let text = state.draft_text().expect("unsaved edits");

    // The same data, but initiative 5 changed since the edits were made (another version of the file).
    let mut ds = fresh().dataset().clone();
    ds.initiatives[5].summary.push_str(" (revised)");
    let mut other = State::with_dataset(ds.clone(), Settings::default(), Day(20_000));
    edit(&mut other, EditCommand::RestoreDraft(text.clone()));
    let differs: Vec<&str> = (0..ds.initiatives.len())
        .filter(|&i| other.dataset().initiatives.get(i) != ds.initiatives.get(i))
        .map(|i| ds.initiatives[i].id.as_str())
        .collect();
    assert!(
        differs.is_empty(),
        "untouched, the first change taken back too: {differs:?} {:?}",
        other.data_edit().message()
    );
    assert!(other.dataset() == &ds, "nothing else changed either");
    assert!(!other.data_edit().dirty());
    let message = other.data_edit().message().expect("says why");
    assert!(message.contains("change 2 of 2") && message.contains("not restored"), "{message}");

    // Data with edits of its own is not replayed onto either.
    let mut busy = fresh();
    edit(&mut busy, EditCommand::SetText(1, TextField::Summary, "Busy".to_owned()));
    let before = busy.dataset().clone();
    edit(&mut busy, EditCommand::RestoreDraft(text));
    assert!(busy.dataset() == &before, "untouched");
    assert!(busy.data_edit().message().is_some_and(|m| m.contains("not restored")));
}

#[test]
fn unreadable_kept_text_is_reported_and_changes_nothing() {
    let mut state = fresh();
    let before = state.dataset().clone();
    edit(&mut state, EditCommand::RestoreDraft("(source: \"x\", changes: [".to_owned()));
    assert!(state.dataset() == &before, "untouched");
    assert!(state.data_edit().message().is_some_and(|m| m.contains("could not be read")));
    assert_eq!(State::draft_source("not ron"), None);
}

#[test]
fn a_download_of_the_whole_dataset_leaves_nothing_unsaved() {
    let mut state = fresh();
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "Downloaded".to_owned()));
    let text = state.draft_text().expect("unsaved edits");
    assert_eq!(State::draft_source(&text), Some(state.source().name()));
    edit(&mut state, EditCommand::Downloaded("alliance-atlas.ron".to_owned()));
    assert!(!state.data_edit().dirty());
    assert_eq!(state.draft_text(), None, "nothing left to keep");
    assert_eq!(state.dataset().initiatives[0].title, "Downloaded", "the edit stays on screen");
}
