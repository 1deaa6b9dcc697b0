//! File ▸ Save as and File ▸ Export in the app: applying the command makes the texts and returns the
//! writes (nothing touches the disk); the shell runs them; the state says what was written, switches
//! to a dataset saved whole as RON, and keeps everything when a write fails. Imported files bring
//! their own presentation: a `StoryMapJS` story opens as a deck, a `TimelineJS` file with lanes by group.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::{Path, PathBuf};

use alliance_atlas::app::effects::run;
use alliance_atlas::formats::export::render::ExportFormat;
use alliance_atlas::formats::{Input, open};
use alliance_atlas::model::filter::Filter;
use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::model::{DEFAULT_DATASET, Day};
use alliance_atlas::state::export::{ExportCommand, ExportScope, ExportTarget};
use alliance_atlas::state::{Command, DataSource, Effect, FocusCommand, PresentCommand, Settings, State, WriteFor};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-save-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn export(format: ExportFormat, scope: ExportScope, path: &Path) -> Command {
    Command::Export(ExportCommand::Write { format, scope, target: ExportTarget::File(path.to_owned()) })
}

fn state() -> State {
    State::new(Settings::default(), Day(20_000))
}

#[test]
fn save_as_ron_writes_only_through_effects_then_the_app_is_on_the_new_file() {
    let dir = temp_dir("ron");
    let path = dir.join("mine.ron");
    let mut state = state();
    let effects = state.apply(export(ExportFormat::Ron, ExportScope::All, &path));
    let [
        Effect::Write { what: WriteFor::Export { format: ExportFormat::Ron, whole: true }, path: p, text, .. },
        Effect::Write { what: WriteFor::Deck, path: deck, .. },
    ] = effects.as_slice()
    else {
        panic!("the dataset and its deck, got {effects:?}");
    };
    assert_eq!(p, &path);
    assert_eq!(deck, &dir.join("mine.briefing.ron"), "the deck goes where the app looks for it");
    assert!(text.starts_with("// "), "a comment names where the data came from");
    assert!(!path.exists(), "apply wrote nothing");
    assert_eq!(state.source(), &DataSource::Embedded);

    run(&mut state, effects, |_| false);
    let saved = open(Input::File(&path), None);
    assert!(saved.problems.is_empty(), "{:#?}", saved.problems);
    assert_eq!(saved.dataset.as_ref(), Some(state.dataset()), "reads back equal");
    assert_eq!(state.source(), &DataSource::File(path.clone()), "Save as moves the app to the new file");
    assert_eq!(state.settings().recent.first(), Some(&path));
    assert!(
        state.export_notice().is_some_and(|n| n.starts_with("Wrote ") && n.contains("mine.ron")),
        "{:?}",
        state.export_notice()
    );
    let deck = alliance_atlas::briefing::load_deck(
        &std::fs::read_to_string(dir.join("mine.briefing.ron")).expect("deck"),
        state.index(),
    );
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
    assert_eq!(deck.deck.as_ref(), state.deck());
}

#[test]
fn export_what_the_filters_show_as_csv_writes_both_files_and_says_so() {
    let dir = temp_dir("csv");
    let path = dir.join("shown.csv");
    let mut state = state();
    let filter = Filter { search: "radar".to_owned(), ..Filter::default() };
    state.apply(Command::Focus(FocusCommand::SetFilter(Box::new(filter))));
    let shown = state.focus().visible_count();
    assert!(shown > 0 && shown < state.dataset().initiatives.len(), "a real subset: {shown}");

    let effects = state.apply(export(ExportFormat::Csv, ExportScope::Shown, &path));
    assert_eq!(effects.len(), 2, "the initiatives and their places: {effects:?}");
    run(&mut state, effects, |_| false);
    let rows = csv::Reader::from_path(&path).expect("csv").records().count();
    assert_eq!(rows, shown);
    let reread = open(Input::File(&path), None);
    assert_eq!(reread.error_count(), 0, "{:#?}", reread.problems);
    assert_eq!(reread.dataset.map(|d| d.initiatives.len()), Some(shown));
    let notice = state.export_notice().expect("a notice");
    assert!(notice.contains("shown.csv and ") && notice.contains("shown.places.csv"), "{notice}");
    assert!(notice.contains(&format!("{shown} initiative(s)")), "{notice}");
    assert_eq!(state.source(), &DataSource::Embedded, "an export is not a Save as");
}

#[test]
fn every_export_format_writes_a_file_the_right_tool_reads() {
    let dir = temp_dir("formats");
    let mut state = state();
    for (format, name) in
        [(ExportFormat::Geojson, "a.geojson"), (ExportFormat::Ics, "a.ics"), (ExportFormat::Timelinejs, "a.json")]
    {
        let path = dir.join(name);
        let effects = state.apply(export(format, ExportScope::All, &path));
        run(&mut state, effects, |_| false);
        let text = std::fs::read_to_string(&path).expect("written");
        if format == ExportFormat::Ics {
            assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        } else {
            serde_json::from_str::<serde_json::Value>(&text).expect("JSON");
            // Both JSON exports open again in Atlas.
            assert_eq!(open(Input::File(&path), None).error_count(), 0, "{name}");
        }
    }
}

#[test]
fn a_failed_write_says_why_and_keeps_everything() {
    let mut state = state();
    let before = state.dataset().clone();
    let path = PathBuf::from("/nonexistent/atlas/dir/out.ron");
    let effects = state.apply(export(ExportFormat::Ron, ExportScope::All, &path));
    run(&mut state, effects, |_| false);
    let notice = state.export_notice().expect("a notice");
    assert!(notice.starts_with("Could not write /nonexistent/atlas/dir/out.ron"), "{notice}");
    assert_eq!(state.dataset(), &before);
    assert_eq!(state.source(), &DataSource::Embedded, "still on the data it had");
    // A download outside the browser fails the same way, with a reason.
    let download = ExportTarget::Download("x.geojson".to_owned());
    let effects = state.apply(Command::Export(ExportCommand::Write {
        format: ExportFormat::Geojson,
        scope: ExportScope::All,
        target: download,
    }));
    assert!(matches!(effects.as_slice(), [Effect::Download { name, .. }] if name == "x.geojson"), "{effects:?}");
    run(&mut state, effects, |_| false);
    assert!(state.export_notice().is_some_and(|n| n.contains("only in the browser")), "{:?}", state.export_notice());
    state.apply(Command::Export(ExportCommand::DismissNotice));
    assert_eq!(state.export_notice(), None);
}

fn open_fixture(state: &mut State, name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/json").join(name);
    let loaded = open(Input::File(&path), None);
    let effects = state.apply(Command::Loaded(Box::new(loaded), DataSource::File(path), None));
    run(state, effects, |_| false);
}

#[test]
fn a_storymap_opens_as_a_deck_that_flies_to_each_slide() {
    let mut state = state();
    open_fixture(&mut state, "sochi.json");
    assert!(state.load_failure().is_none());
    let deck = state.deck().expect("the story is the deck");
    assert_eq!(deck.title, "Sochi 2014 Olympic Torch Relay Highlights");
    assert_eq!(deck.steps.len(), 1 + 10, "the overview, then a step per slide");
    let second = deck.steps[1].clone();
    let moscow = state.dataset().locations.iter().find(|l| l.name == "Kickoff in Moscow").expect("place").clone();
    let map = second.view.map.expect("the step flies the map");
    assert!((map.lat - moscow.lat).abs() < 1e-9 && (map.lon - moscow.lon).abs() < 1e-9);
    assert!(second.highlight.contains(&moscow.id));

    state.apply(Command::Presenting(PresentCommand::CutsOnly(true)));
    state.apply(Command::Presenting(PresentCommand::Present(Some(1))));
    let view = state.map_view();
    assert!((view.lat - moscow.lat).abs() < 1e-6 && (view.lon - moscow.lon).abs() < 1e-6, "{view:?}");
    let highlighted = state.dataset().locations.iter().position(|l| l.id == moscow.id).expect("index");
    assert!(state.is_location_highlighted(highlighted));
    // The overview shows every slide's place.
    state.apply(Command::Presenting(PresentCommand::Present(Some(0))));
    assert!(state.map_view().zoom < map.zoom, "the overview is wider than a slide");
}

#[test]
fn a_timelinejs_file_opens_with_its_groups_as_lanes_and_exports_them_again() {
    let mut state = state();
    assert_eq!(state.settings().lane_grouping, LaneGrouping::LineOfEffort);
    open_fixture(&mut state, "women_in_computing.json");
    assert_eq!(state.settings().lane_grouping, LaneGrouping::Tag);
    // Going back to our own data keeps the lanes the user has (the file said nothing).
    let loaded = alliance_atlas::formats::load_str(DEFAULT_DATASET);
    state.apply(Command::Loaded(Box::new(loaded), DataSource::Embedded, None));
    assert_eq!(state.settings().lane_grouping, LaneGrouping::Tag);
}
