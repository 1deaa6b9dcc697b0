//! Editing in the app: every change is undoable; Save writes back only what changed (one date edited
//! in `data/us-japan-2023.ron` changes exactly that line) after reading the result back; deleting an
//! initiative others link to is refused with their ids; a random run of edits undone gives back the
//! original, and saved then loaded gives the edited dataset.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::{Path, PathBuf};

use alliance_atlas::app::effects::run;
use alliance_atlas::formats::{Input, open};
use alliance_atlas::model::{Dataset, Day, LineOfEffort, Status};
use alliance_atlas::state::command::{DateField, EditCommand, PlaceField, TextField};
use alliance_atlas::state::{Command, DataSource, Effect, ReadFor, Settings, State};
use proptest::prelude::*;

fn copy_of(source: &str, tag: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("atlas-edit-{tag}-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(Path::new(source).file_name().expect("name"));
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(source), &path).expect("copy");
    path
}

fn state_on(path: &Path) -> State {
    let mut state = State::new(Settings::default(), Day(20_000));
    let loaded = open(Input::File(path), None);
    let effects = state.apply(Command::Loaded(Box::new(loaded), DataSource::File(path.to_owned()), None));
    run(&mut state, effects, |_| false);
    state
}

fn edit(state: &mut State, command: EditCommand) -> Vec<Effect> {
    state.apply(Command::Edit(command))
}

fn save(state: &mut State) {
    let effects = edit(state, EditCommand::Save);
    assert!(
        matches!(effects.as_slice(), [Effect::Read(ReadFor::SaveBase, _)]),
        "{effects:?} {:?}",
        state.data_edit().message()
    );
    run(state, effects, |_| false);
    assert!(!state.data_edit().dirty(), "saved: {:?}", state.data_edit().message());
}

fn reread(path: &Path) -> Dataset {
    let loaded = open(Input::File(path), None);
    assert!(loaded.problems.iter().all(|p| !p.is_error()), "{:#?}", loaded.problems);
    loaded.dataset.expect("a dataset")
}

#[test]
fn one_date_edited_and_saved_changes_exactly_that_line() {
    let path = copy_of("data/us-japan-2023.ron", "date");
    let before = std::fs::read_to_string(&path).expect("text");
    let mut state = state_on(&path);
    let i = state.dataset().initiatives.iter().position(|x| x.id == "12mlr-capabilities").expect("there");
    edit(&mut state, EditCommand::SetDate(i, DateField::Target, "by 202".to_owned()));
    assert!(state.data_edit().draft(i, DateField::Target).is_none(), "\"by 202\" reads (year 202)");
    edit(&mut state, EditCommand::SetDate(i, DateField::Target, "by 2026".to_owned()));
    assert!(state.data_edit().dirty());
    assert_eq!(
        state.data_edit().undo_label(),
        Some("change of the target of “What the 12th MLR is to field: 1,800–2,000 Marines, ISR, NMESIS, transport”")
    );
    let effects = edit(&mut state, EditCommand::Save);
    assert!(
        std::fs::read_to_string(&path).expect("text") == before,
        "Save reads first; nothing written by apply: {effects:?}"
    );
    run(&mut state, effects, |_| false);
    assert!(!state.data_edit().dirty(), "{:?}", state.data_edit().message());
    let after = std::fs::read_to_string(&path).expect("text");
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed, [("            target: \"by 2025\",", "            target: \"by 2026\",")]);
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(std::fs::read_to_string(path.with_extension("ron.bak")).expect("the old file kept"), before);
    assert_eq!(&reread(&path), state.dataset(), "save then reload gives the same dataset");
    // Undo still works after the save, and a second save writes it back.
    edit(&mut state, EditCommand::Undo);
    save(&mut state);
    let again = std::fs::read_to_string(&path).expect("text");
    let differ: Vec<(&str, &str)> = before.lines().zip(again.lines()).filter(|(a, b)| a != b).collect();
    assert!(differ.is_empty() && before.len() == again.len(), "back to the very same bytes: {differ:?}");
}

#[test]
fn dates_read_as_people_type_them_and_bad_ones_wait_with_the_reason() {
    let path = copy_of("data/us-japan-2023.ron", "typing");
    let mut state = state_on(&path);
    let original = state.dataset().clone();
    edit(&mut state, EditCommand::SetDate(0, DateField::Start, "c. Nov 2022".to_owned()));
    assert_eq!(
        state.dataset().initiatives[0].start.map(alliance_atlas::model::FuzzyDate::to_data_string),
        Some("c. 2022-11".to_owned())
    );
    edit(&mut state, EditCommand::SetDate(0, DateField::End, "2023/13/01".to_owned()));
    let (text, why) = state.data_edit().draft(0, DateField::End).expect("kept as typed");
    assert_eq!(text, "2023/13/01");
    assert!(why.contains("month 13"), "{why}");
    assert_eq!(state.dataset().initiatives[0].end, original.initiatives[0].end, "not taken");
    // Typing a title is one change for undo, however many keystrokes.
    for title in ["N", "Ne", "New title"] {
        edit(&mut state, EditCommand::SetText(1, TextField::Title, title.to_owned()));
    }
    edit(&mut state, EditCommand::Undo);
    assert_eq!(state.dataset().initiatives[1].title, original.initiatives[1].title);
    edit(&mut state, EditCommand::Redo);
    assert_eq!(state.dataset().initiatives[1].title, "New title");
    // Live checks: an empty title is an error right away, at its field.
    edit(&mut state, EditCommand::SetText(1, TextField::Title, String::new()));
    assert!(state.data_edit().findings_for(1).iter().any(|(error, field, _)| *error && *field == Some("title")));
}

#[test]
fn add_and_delete_with_links_named_then_undo_gives_the_original() {
    let path = copy_of("data/us-japan-2023.ron", "add");
    let mut state = state_on(&path);
    let original = state.dataset().clone();
    let linked = original
        .initiatives
        .iter()
        .position(|x| original.initiatives.iter().any(|o| o.related.contains(&x.id)))
        .expect("a linked one");
    let id = original.initiatives[linked].id.clone();
    edit(&mut state, EditCommand::DeleteInitiative(linked, false));
    assert_eq!(state.dataset(), &original, "refused");
    let message = state.data_edit().message().expect("why");
    assert!(message.contains(&format!("“{id}” is not deleted")), "{message}");
    edit(&mut state, EditCommand::DeleteInitiative(linked, true));
    assert!(state.dataset().initiatives.iter().all(|x| x.id != id && !x.related.contains(&id)));

    edit(&mut state, EditCommand::AddInitiative);
    let n = state.dataset().initiatives.len();
    assert_eq!(state.selection(), Some(alliance_atlas::state::Selection::Initiative(n - 1)));
    edit(&mut state, EditCommand::SetText(n - 1, TextField::Title, "Added in a test".to_owned()));
    edit(&mut state, EditCommand::SetDate(n - 1, DateField::Announced, "2026-12-02".to_owned()));
    assert!(state.index().spans[n - 1].is_some(), "the new initiative is on the timeline");
    save(&mut state);
    let saved = reread(&path);
    assert_eq!(&saved, state.dataset());
    assert!(std::fs::read_to_string(&path).expect("text").contains("title: \"Added in a test\""));

    while state.data_edit().undo_label().is_some() {
        edit(&mut state, EditCommand::Undo);
    }
    assert_eq!(state.dataset(), &original, "every change undone");
}

#[test]
fn data_without_its_own_ron_file_asks_for_save_as() {
    let mut state = State::new(Settings::default(), Day(20_000));
    edit(&mut state, EditCommand::SetStatus(0, Status::Cancelled));
    assert!(edit(&mut state, EditCommand::Save).is_empty());
    assert!(state.data_edit().message().is_some_and(|m| m.contains("Save as")), "{:?}", state.data_edit().message());
    assert!(state.data_edit().dirty(), "the edit is kept");
}

#[derive(Clone, Debug)]
enum Op {
    Title(usize, String),
    Date(usize, usize, &'static str),
    Status(usize, usize),
    Line(usize, usize),
    Add,
    Delete(usize),
    Undo,
    AddPlace(i32, i32),
    PlaceName(usize, String),
    MovePlace(usize, i32),
}

fn op() -> impl Strategy<Value = Op> {
    const DATES: [&str; 6] = ["2024", "by 2025", "c. Nov 2022", "JFY2027", "Q3 2024", ""];
    prop_oneof![
        (0..50usize, "[A-Za-z ]{1,12}").prop_map(|(i, t)| Op::Title(i, t)),
        (0..50usize, 0..5usize, 0..6usize).prop_map(|(i, f, d)| Op::Date(i, f, DATES[d])),
        (0..50usize, 0..7usize).prop_map(|(i, s)| Op::Status(i, s)),
        (0..50usize, 0..11usize).prop_map(|(i, l)| Op::Line(i, l)),
        Just(Op::Add),
        (0..50usize).prop_map(Op::Delete),
        Just(Op::Undo),
        (-80..80i32, -170..170i32).prop_map(|(a, b)| Op::AddPlace(a, b)),
        (0..50usize, "[A-Za-z ]{1,12}").prop_map(|(l, t)| Op::PlaceName(l, t)),
        (0..50usize, -80..80i32).prop_map(|(l, a)| Op::MovePlace(l, a)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_edits_undo_to_the_original_and_save_to_what_is_shown(ops in proptest::collection::vec(op(), 1..14)) {
        let path = copy_of("tests/fixtures/minimal.ron", "prop");
        let mut state = state_on(&path);
        let original = state.dataset().clone();
        for op in ops {
            let n = state.dataset().initiatives.len().max(1);
            let command = match op {
                Op::Title(i, t) => EditCommand::SetText(i % n, TextField::Title, t),
                Op::Date(i, f, d) => EditCommand::SetDate(i % n, DateField::ALL[f], d.to_owned()),
                Op::Status(i, s) => EditCommand::SetStatus(i % n, <Status as alliance_atlas::model::schema::UnitEnum>::ALL[s]),
                Op::Line(i, l) => EditCommand::ToggleLine(i % n, <LineOfEffort as alliance_atlas::model::schema::UnitEnum>::ALL[l]),
                Op::Add => EditCommand::AddInitiative,
                Op::Delete(i) => EditCommand::DeleteInitiative(i % n, true),
                Op::Undo => EditCommand::Undo,
                Op::AddPlace(a, b) => EditCommand::AddPlace(f64::from(a), f64::from(b)),
                Op::PlaceName(l, t) => EditCommand::SetPlaceText(l % state.dataset().locations.len().max(1), PlaceField::Name, t),
                Op::MovePlace(l, a) => EditCommand::MovePlace(l % state.dataset().locations.len().max(1), f64::from(a), 10.0),
            };
            edit(&mut state, command);
        }
        let edited = state.dataset().clone();
        if state.data_edit().dirty() {
            let effects = edit(&mut state, EditCommand::Save);
            run(&mut state, effects, |_| false);
            prop_assert!(!state.data_edit().dirty(), "{:?}", state.data_edit().message());
            // Read as written: a random edit may leave errors (no line of effort), which Save allows.
            let text = std::fs::read_to_string(&path).expect("saved");
            let back = alliance_atlas::formats::ron::load::read_unchecked(&text).map(|(d, _)| d);
            prop_assert_eq!(back.as_ref(), Some(state.dataset()));
            prop_assert_eq!(state.dataset().initiatives.len(), edited.initiatives.len());
        }
        let saved = state.data_edit().undo_label().is_some() && !state.data_edit().dirty();
        while state.data_edit().undo_label().is_some() {
            edit(&mut state, EditCommand::Undo);
        }
        prop_assert_eq!(state.dataset(), &original);
        // Back at the data as read: unsaved only if a save came between (the file holds the edits).
        prop_assert_eq!(state.data_edit().dirty(), saved);
    }
}

#[test]
fn unsaved_means_different_from_the_data_as_read_or_saved() {
    let path = copy_of("tests/fixtures/minimal.ron", "clean");
    let mut state = state_on(&path);
    let dirty = |s: &State| s.data_edit().dirty();
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "A".to_owned()));
    assert!(dirty(&state));
    edit(&mut state, EditCommand::Undo);
    assert!(!dirty(&state), "undone back to the data as read");
    edit(&mut state, EditCommand::Redo);
    assert!(dirty(&state));
    save(&mut state);
    assert!(!dirty(&state), "saved");
    edit(&mut state, EditCommand::Undo);
    assert!(dirty(&state), "undone past the save: the file has the edit, the screen does not");
    edit(&mut state, EditCommand::Redo);
    assert!(!dirty(&state), "redone: as saved");
    // Undo past the saved state, then a different change: the saved state is gone from both stacks.
    edit(&mut state, EditCommand::Undo);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "B".to_owned()));
    assert!(dirty(&state));
    edit(&mut state, EditCommand::Undo);
    assert!(dirty(&state), "the data as read is not the data as saved");
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "A".to_owned()));
    assert!(dirty(&state), "the same text again, but typed after the save was left: unsaved until saved");
}

#[test]
fn unsaved_edits_are_never_dropped_by_opening_another_file_the_user_is_asked() {
    use alliance_atlas::state::command::HeldChoice;
    let path = copy_of("data/us-japan-2023.ron", "guard");
    let mut state = state_on(&path);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "Edited".to_owned()));
    let edited = state.dataset().clone();
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    let effects = state.apply(Command::OpenFile(other.clone()));
    run(&mut state, effects, |_| false);
    assert!(state.dataset() == &edited, "the edited data stays while the user is asked");
    assert!(matches!(state.held_open(), Some(DataSource::File(p)) if *p == other));
    // Cancel: nothing opens, the edits stay, and the form says why.
    edit(&mut state, EditCommand::Held(HeldChoice::Cancel));
    assert!(state.held_open().is_none() && state.dataset() == &edited);
    assert!(
        state.data_edit().message().is_some_and(|m| m.contains("was not opened")),
        "{:?}",
        state.data_edit().message()
    );
    // Reload asks too; Save, then open: the file gets the edit, and the reloaded file shows it.
    let effects = state.apply(Command::Reload);
    run(&mut state, effects, |_| false);
    assert!(state.held_open().is_some() && state.dataset() == &edited, "nor by reloading");
    let effects = edit(&mut state, EditCommand::Held(HeldChoice::SaveFirst));
    run(&mut state, effects, |_| false);
    assert!(state.held_open().is_none() && !state.data_edit().dirty(), "{:?}", state.data_edit().message());
    assert!(reread(&path) == edited, "saved before the reload");
    assert_eq!(state.dataset().initiatives[0].title, "Edited", "the reloaded file has the edit");
    // Discard, then open: the other file opens and the edit is gone from the screen (not from the file).
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "Edited again".to_owned()));
    let effects = state.apply(Command::OpenFile(other));
    run(&mut state, effects, |_| false);
    assert_eq!(state.dataset().initiatives[0].title, "Edited again");
    let effects = edit(&mut state, EditCommand::Held(HeldChoice::Discard));
    run(&mut state, effects, |_| false);
    assert_eq!(state.dataset().meta.title, "Minimal", "once discarded, the other file opens");
    assert!(!state.data_edit().dirty() && state.held_open().is_none());
}

#[test]
fn places_links_and_sources_are_picked_by_id_and_saved() {
    use alliance_atlas::state::command::ListField;
    let path = copy_of("data/us-japan-2023.ron", "lists");
    let mut state = state_on(&path);
    edit(&mut state, EditCommand::AddInitiative);
    let n = state.dataset().initiatives.len() - 1;
    let (place, other) = (state.dataset().locations[3].id.clone(), state.dataset().initiatives[0].id.clone());
    let sources = vec![state.dataset().sources[2].id.clone(), state.dataset().sources[5].id.clone()];
    edit(&mut state, EditCommand::SetList(n, ListField::Places, vec![place.clone()]));
    edit(&mut state, EditCommand::SetList(n, ListField::Related, vec![other.clone()]));
    edit(&mut state, EditCommand::SetList(n, ListField::Sources, sources.clone()));
    let x = &state.dataset().initiatives[n];
    assert_eq!((x.places.clone(), x.related.clone()), (vec![place.clone()], vec![other]));
    assert_eq!(x.sources.iter().map(|c| c.source.clone()).collect::<Vec<_>>(), sources);
    let at = state.index().location_by_id.get(&place).copied().expect("place");
    assert!(state.index().initiatives_at[at].contains(&n), "on the map at its place");
    save(&mut state);
    assert_eq!(&reread(&path), state.dataset());
    // Taking one source off keeps the other's note.
    let first = state.dataset().initiatives[0].sources[0].clone();
    edit(&mut state, EditCommand::SetList(0, ListField::Sources, vec![first.source.clone()]));
    assert_eq!(state.dataset().initiatives[0].sources, [first]);
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_silently() {
    let path = copy_of("data/us-japan-2023.ron", "disk");
    let mut state = state_on(&path);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "Edited here".to_owned()));
    // Meanwhile another editor adds a comment at the top: every span after it moves.
    let text = std::fs::read_to_string(&path).expect("text");
    let theirs = text.replacen("Dataset(", "// added by a colleague\nDataset(", 1);
    std::fs::write(&path, &theirs).expect("write");
    let effects = edit(&mut state, EditCommand::Save);
    run(&mut state, effects, |_| false);
    assert!(state.data_edit().dirty());
    assert!(state.data_edit().changed_on_disk());
    assert!(
        state.data_edit().message().is_some_and(|m| m.contains("changed on disk")),
        "{:?}",
        state.data_edit().message()
    );
    assert_eq!(std::fs::read_to_string(&path).expect("text"), theirs, "their file untouched");
    // Save over it writes the whole dataset (their comment goes), reading back to what is on screen.
    let effects = edit(&mut state, EditCommand::SaveOver);
    run(&mut state, effects, |_| false);
    assert!(!state.data_edit().dirty(), "{:?}", state.data_edit().message());
    assert_eq!(&reread(&path), state.dataset());
    assert_eq!(std::fs::read_to_string(path.with_extension("ron.bak")).expect("bak"), theirs, "theirs kept as .bak");
    // And the next edit patches the new file again.
    edit(&mut state, EditCommand::SetText(1, TextField::Title, "Edited again".to_owned()));
    save(&mut state);
    assert_eq!(&reread(&path), state.dataset());
}

#[test]
fn a_file_changed_on_disk_can_be_read_again_instead() {
    let path = copy_of("data/us-japan-2023.ron", "disk-reload");
    let mut state = state_on(&path);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "Edited here".to_owned()));
    let theirs = std::fs::read_to_string(&path).expect("text").replacen("Dataset(", "// a colleague\nDataset(", 1);
    std::fs::write(&path, &theirs).expect("write");
    let effects = edit(&mut state, EditCommand::Save);
    run(&mut state, effects, |_| false);
    assert!(state.data_edit().changed_on_disk());
    // The form's "Reload it": Discard, then Reload.
    edit(&mut state, EditCommand::Discard);
    let effects = state.apply(Command::Reload);
    run(&mut state, effects, |_| false);
    assert!(!state.data_edit().dirty() && !state.data_edit().changed_on_disk());
    assert!(state.dataset() == &reread(&path), "the file as it is now");
    assert_eq!(std::fs::read_to_string(&path).expect("text"), theirs, "their file untouched");
}

#[test]
fn a_new_dataset_is_filled_in_and_saved_as_ron() {
    use alliance_atlas::formats::export::render::ExportFormat;
    use alliance_atlas::state::export::{ExportCommand, ExportScope, ExportTarget};
    let mut state = State::new(Settings::default(), Day(20_000));
    let effects = state.apply(Command::NewDataset);
    run(&mut state, effects, |_| false);
    assert!(state.dataset().initiatives.is_empty() && state.dataset().locations.is_empty());
    assert!(state.data_edit().open(), "the form opens to add the first initiative");
    edit(&mut state, EditCommand::AddInitiative);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, "The first one".to_owned()));
    edit(&mut state, EditCommand::SetDate(0, DateField::Start, "Q3 2024".to_owned()));
    assert!(
        state.data_edit().findings_for(0).iter().any(|(error, field, _)| *error && *field == Some("sources")),
        "no source yet: an error, shown"
    );
    assert!(edit(&mut state, EditCommand::Save).is_empty(), "no file of its own yet");
    let path = std::env::temp_dir().join(format!("atlas-new-{}.ron", std::process::id()));
    let target = ExportTarget::File(path.clone());
    let effects = state.apply(Command::Export(ExportCommand::Write {
        format: ExportFormat::Ron,
        scope: ExportScope::All,
        target,
    }));
    run(&mut state, effects, |_| false);
    let text = std::fs::read_to_string(&path).expect("written");
    let back = alliance_atlas::formats::ron::load::read_unchecked(&text).map(|(d, _)| d);
    assert_eq!(back.as_ref(), Some(state.dataset()), "saved with its error, as the user's file");
    assert!(!state.data_edit().dirty(), "saved");
    // From now on Save writes into that file, field by field.
    edit(&mut state, EditCommand::SetText(0, TextField::Summary, "Now with a summary.".to_owned()));
    save(&mut state);
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("summary: \"Now with a summary.\""), "{text}");
}

#[test]
fn places_are_added_moved_renamed_and_saved_and_never_deleted_while_used() {
    let path = copy_of("data/us-japan-2023.ron", "places");
    let before = std::fs::read_to_string(&path).expect("text");
    let mut state = state_on(&path);
    let original = state.dataset().clone();
    edit(&mut state, EditCommand::AddPlace(25.9436, 131.3134));
    let l = state.dataset().locations.len() - 1;
    assert_eq!(state.selection(), Some(alliance_atlas::state::Selection::Location(l)));
    edit(&mut state, EditCommand::SetPlaceText(l, PlaceField::Name, "Kitadaito".to_owned()));
    edit(&mut state, EditCommand::SetPlaceText(l, PlaceField::Country, "jp".to_owned()));
    let camp = state.dataset().locations.iter().position(|p| p.id == "camp_hansen").expect("there");
    edit(&mut state, EditCommand::MovePlace(camp, 26.46, 127.92));
    edit(&mut state, EditCommand::DeletePlace(camp));
    assert!(
        state.data_edit().message().is_some_and(|m| m.contains("is not deleted")),
        "{:?}",
        state.data_edit().message()
    );
    save(&mut state);
    let after = std::fs::read_to_string(&path).expect("text");
    assert_eq!(&reread(&path), state.dataset());
    assert!(after.contains("name: \"Kitadaito\"") && after.contains("country: \"JP\""));
    // Take the new place's block out: what is left differs from the file only in Camp Hansen's lat and lon.
    let id_at = after.find("id: \"new_place_1\"").expect("the new place");
    let start = after[..id_at].rfind("\n        Location(").expect("its start");
    let end = id_at + after[id_at..].find("\n        ),").expect("its end") + "\n        ),".len();
    let rest = format!("{}{}", &after[..start], &after[end..]);
    let changed: Vec<(&str, &str)> = before.lines().zip(rest.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(rest.lines().count(), before.lines().count());
    assert_eq!(
        changed,
        [
            ("            lat: 26.460467,", "            lat: 26.46,"),
            ("            lon: 127.915076,", "            lon: 127.92,")
        ]
    );
    while state.data_edit().undo_label().is_some() {
        edit(&mut state, EditCommand::Undo);
    }
    assert_eq!(state.dataset(), &original);
}

#[test]
fn sources_and_eras_are_added_edited_saved_and_a_cited_source_is_kept() {
    use alliance_atlas::state::command::{EraField, ListField, SourceField};
    let path = copy_of("data/us-japan-2023.ron", "sources");
    let mut state = state_on(&path);
    let original = state.dataset().clone();
    edit(&mut state, EditCommand::AddSource);
    let s = state.dataset().sources.len() - 1;
    edit(&mut state, EditCommand::SetSource(s, SourceField::Title, "A new report".to_owned()));
    edit(&mut state, EditCommand::SetSource(s, SourceField::Publisher, "Someone".to_owned()));
    edit(&mut state, EditCommand::SetSource(s, SourceField::Date, "Nov 2023".to_owned()));
    edit(&mut state, EditCommand::SetSource(s, SourceField::Date, "2023/13/01".to_owned()));
    assert!(state.data_edit().message().is_some_and(|m| m.contains("month 13")), "{:?}", state.data_edit().message());
    let source = state.dataset().sources[s].clone();
    assert_eq!(
        source.date.map(alliance_atlas::model::FuzzyDate::to_data_string),
        Some("2023-11".to_owned()),
        "the good date stays"
    );
    let mut cites: Vec<String> = state.dataset().initiatives[0].sources.iter().map(|c| c.source.clone()).collect();
    cites.push(source.id.clone());
    edit(&mut state, EditCommand::SetList(0, ListField::Sources, cites));
    edit(&mut state, EditCommand::DeleteSource(s));
    assert!(state.data_edit().message().is_some_and(|m| m.contains("is not deleted")), "cited: kept");
    edit(&mut state, EditCommand::AddEra);
    let e = state.dataset().eras.len() - 1;
    edit(&mut state, EditCommand::SetEra(e, EraField::Title, "Build-up, second half".to_owned()));
    edit(&mut state, EditCommand::SetEra(e, EraField::Start, "JFY2025".to_owned()));
    edit(&mut state, EditCommand::SetEra(e, EraField::End, "by 2027".to_owned()));
    assert!(state.data_edit().findings_for(0).iter().all(|(error, _, _)| !error));
    save(&mut state);
    assert_eq!(&reread(&path), state.dataset());
    let text = std::fs::read_to_string(&path).expect("text");
    assert!(text.contains("title: \"A new report\"") && text.contains("Build-up, second half"));
    while state.data_edit().undo_label().is_some() {
        edit(&mut state, EditCommand::Undo);
    }
    assert_eq!(state.dataset(), &original);
}

#[test]
fn data_with_errors_is_saved_and_the_save_says_so() {
    let path = copy_of("tests/fixtures/minimal.ron", "errors");
    let mut state = state_on(&path);
    assert_eq!(state.data_edit().error_count(), 0);
    edit(&mut state, EditCommand::SetText(0, TextField::Title, String::new()));
    assert_eq!(state.data_edit().error_count(), 1, "an empty title is an error");
    save(&mut state);
    let message = state.data_edit().message().unwrap_or_default();
    assert!(message.starts_with("Saved ") && message.ends_with("with 1 error (listed in the form)"), "{message}");
    let text = std::fs::read_to_string(&path).expect("saved");
    let back = alliance_atlas::formats::ron::load::read_unchecked(&text).map(|(d, _)| d);
    assert!(back.as_ref() == Some(state.dataset()), "written as it is, error and all");
}
