//! A spreadsheet with headers of its own: the state opens the import window with a guess per column
//! instead of failing; Import reads the same bytes again with the choices (an effect, through the data
//! door); a mapping that worked is remembered and the next file with those headers imports at once.
//! The window itself is looked at in `snapshots.rs`.

use std::path::{Path, PathBuf};

use alliance_atlas::app::effects::run;
use alliance_atlas::formats::{Input, open};
use alliance_atlas::model::date::{FiscalCalendar, FuzzyDate, Period};
use alliance_atlas::model::date_loose::DayOrder;
use alliance_atlas::model::{DEFAULT_DATASET_NAME, Day};
use alliance_atlas::state::command::ImportCommand;
use alliance_atlas::state::{Command, DataSource, Effect, Settings, State};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/tables/own-headers.csv")
}

fn opened(state: &mut State, path: &Path) -> Vec<Effect> {
    let loaded = open(Input::File(path), None);
    state.apply(Command::Loaded(Box::new(loaded), DataSource::File(path.to_owned()), None))
}

fn import(command: ImportCommand) -> Command {
    Command::Import(command)
}

#[test]
fn unknown_headers_open_the_window_with_guesses_and_import_with_the_choices() {
    let mut state = State::new(Settings::default(), Day(20_000));
    let before = state.dataset().clone();
    let effects = opened(&mut state, &fixture());
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(state.dataset(), &before, "the data open stays");
    assert!(state.load_failure().is_none(), "a question, not an error panel");
    let pending = state.pending_import().expect("the import window");
    assert_eq!(pending.request().headers, ["Name", "When", "Where", "Lat", "Lng", "Notes", "Colour"]);
    assert_eq!(pending.request().preview.len(), 3);
    let guessed: Vec<Option<&str>> = pending.columns().iter().map(Option::as_deref).collect();
    assert_eq!(
        guessed,
        [Some("title"), Some("start"), Some("place name"), Some("latitude"), Some("longitude"), Some("body"), None],
        "with Lat and Lng, Where names the point"
    );
    // Moving a field to another column takes it from the first.
    state.apply(import(ImportCommand::SetColumn(6, Some("title".to_owned()))));
    assert_eq!(state.pending_import().expect("open").columns()[0], None);
    state.apply(import(ImportCommand::SetColumn(0, Some("title".to_owned()))));
    state.apply(import(ImportCommand::SetColumn(6, None)));
    // As guessed, 03/04/2023 is ambiguous: importing says so, at its cell, and the window stays.
    let effects = state.apply(import(ImportCommand::Apply));
    assert!(matches!(effects.as_slice(), [Effect::OpenWith { .. }]), "{effects:?}");
    run(&mut state, effects, |_| false);
    let failure = state.load_failure().expect("the ambiguous date");
    let first = failure.problems.iter().find(|p| p.is_error()).expect("an error");
    assert_eq!(first.cell.as_deref(), Some("row 2, column \"When\""), "{first:?}");
    assert!(first.message.contains("could be day/month or month/day"), "{}", first.message);
    assert!(state.pending_import().is_some_and(alliance_atlas::state::data::PendingImport::tried));
    assert_eq!(state.dataset(), &before, "still the data it had");

    state.apply(import(ImportCommand::DayOrder(DayOrder::DayFirst)));
    state.apply(import(ImportCommand::UsFiscal(true)));
    let effects = state.apply(import(ImportCommand::Apply));
    run(&mut state, effects, |_| false);
    assert!(state.load_failure().is_none(), "{:#?}", state.load_failure());
    assert!(state.pending_import().is_none(), "the window closes when the data is in");
    let ds = state.dataset();
    assert_eq!(ds.initiatives.len(), 3);
    assert_eq!(ds.initiatives[0].start, Some(FuzzyDate::exact(Period::Day(2023, 4, 3))), "day first");
    assert_eq!(ds.initiatives[1].start, Some(FuzzyDate::exact(Period::FiscalYear(FiscalCalendar::Us, 2024))));
    assert_eq!(ds.initiatives[0].body, "The first radar on the island.");
    assert_eq!(ds.locations.len(), 2, "one place per point: the two Yonaguni rows share it");
    assert_eq!(ds.locations[0].name, "Yonaguni");
    assert_eq!(ds.initiatives[2].places, ds.initiatives[0].places);
    assert_eq!(state.source(), &DataSource::File(fixture()));
    assert_eq!(state.settings().column_mappings.len(), 1, "remembered");

    // The same headers again (another file): imported at once, as before, no window.
    let dir = std::env::temp_dir().join(format!("atlas-import-window-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let copy = dir.join("more.csv");
    std::fs::write(&copy, std::fs::read_to_string(fixture()).expect("fixture").replace("Port visit", "Port call"))
        .expect("write");
    let effects = opened(&mut state, &copy);
    assert!(matches!(effects.as_slice(), [Effect::OpenWith { .. }]), "{effects:?}");
    run(&mut state, effects, |_| false);
    assert!(state.pending_import().is_none());
    assert_eq!(state.source(), &DataSource::File(copy));
    assert!(state.dataset().initiatives.iter().any(|i| i.title == "Port call"));
}

#[test]
fn cancel_keeps_the_data_there_was() {
    let mut state = State::new(Settings::default(), Day(20_000));
    opened(&mut state, &fixture());
    assert!(state.pending_import().is_some());
    state.apply(import(ImportCommand::SetColumn(0, None)));
    assert!(!state.pending_import().expect("open").has_title(), "no title: Import is disabled");
    state.apply(import(ImportCommand::Cancel));
    assert!(state.pending_import().is_none());
    assert_eq!(state.source().name(), DEFAULT_DATASET_NAME);
}
