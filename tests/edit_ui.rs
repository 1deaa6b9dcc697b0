//! Editing through the form as a user does it, on a copy of the real data file: a date typed moves
//! its mark on the timeline and Undo brings it back; the body's preview shows the markdown as the
//! details will, its unsafe link as text; Ctrl+S writes the file with exactly the edited line changed.

#[path = "common/harness.rs"]
mod harness;

use std::path::PathBuf;

use alliance_atlas::state::command::DataSource;
use alliance_atlas::theme::ThemeChoice;
use alliance_atlas::{AtlasApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, Queryable as _};

const TITLE: &str = "12th Littoral Combat Team established";

/// The app on a fresh copy of `data/us-japan-2023.ron`, loaded, [`TITLE`] selected and the form open.
fn app_on_copy(tag: &str) -> (Harness<'static, AtlasApp>, PathBuf) {
    let dir = std::env::temp_dir().join(format!("atlas-edit-ui-{tag}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.join("us-japan-2023.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/data/us-japan-2023.ron"), &path)
        .unwrap_or_else(|e| panic!("copy: {e}"));
    let options = StartOptions { file: Some(path.clone()), theme: Some(ThemeChoice::Light), ..StartOptions::default() };
    let mut harness = harness::app_with(options);
    let opened = |h: &Harness<'_, AtlasApp>| matches!(h.state().state().source(), DataSource::File(p) if *p == path);
    for _ in 0..20 {
        if opened(&harness) {
            break;
        }
        harness.run();
    }
    assert!(opened(&harness), "the copy is open");
    harness.get_by_label(TITLE).click();
    harness.run();
    harness.get_by_label("Edit…").click();
    harness.run();
    assert!(harness.state().state().data_edit().open(), "Edit… opens the form");
    (harness, path)
}

fn field(label: &str) -> impl Fn(&AccessKitNode<'_>) -> bool + '_ {
    use egui::accesskit::Role;
    move |node| {
        matches!(node.role(), Role::TextInput | Role::MultilineTextInput) && node.label().as_deref() == Some(label)
    }
}

/// The initiative's mark on the timeline (the details panel shows its title too, as a heading, and
/// its links graph as a node button on the right).
fn mark(harness: &Harness<'_, AtlasApp>) -> egui::Rect {
    let marks: Vec<egui::Rect> = harness
        .query_all_by(|node| node.role() == egui::accesskit::Role::Button && node.label().as_deref() == Some(TITLE))
        .map(|node| node.rect())
        .filter(|rect| rect.min.x < 1150.0)
        .collect();
    assert_eq!(marks.len(), 1, "one mark on the timeline: {marks:?}");
    marks[0]
}

/// Selects all of a form field and types `text` over it.
fn type_into(harness: &mut Harness<'_, AtlasApp>, label: &str, text: &str) {
    harness.get_by(field(label)).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by(field(label)).type_text(text);
    harness.run();
}

#[test]
fn earlier_dates_typed_move_the_mark_left_and_undo_brings_it_back() {
    let (mut harness, _) = app_on_copy("date");
    let before = mark(&harness);
    let view = harness.state().state().time_view();
    type_into(&mut harness, "completed", "2020-03-03");
    let five_years_back = mark(&harness);
    type_into(&mut harness, "completed", "2015-03-03");
    let ten_years_back = mark(&harness);
    assert_eq!(harness.state().state().time_view(), view, "the timeline did not scroll");
    assert!(five_years_back.center().x < before.center().x - 30.0, "{before:?} -> {five_years_back:?}");
    // Five years on a timeline showing twenty in some 500 points: about 125 points.
    let step = five_years_back.center().x - ten_years_back.center().x;
    assert!((90.0..160.0).contains(&step), "{five_years_back:?} -> {ten_years_back:?}");
    // Typing in one field, one change for undo: the original date comes back at once.
    assert_eq!(harness.state().state().data_edit().undo_label().map(|l| l.contains("completed")), Some(true));
    harness.get_by_label("Undo").click();
    harness.run();
    let back = mark(&harness);
    assert!(back.center().distance(before.center()) < 0.5, "{before:?} -> {back:?}");
}

#[test]
fn the_body_preview_shows_markdown_and_an_unsafe_link_as_text() {
    let (mut harness, _) = app_on_copy("preview");
    type_into(&mut harness, "Body (markdown)", "Radar **on the island**. [Open me](javascript:alert(1))");
    // The details panel shows the body already; the preview shows it a second time, in the form.
    assert_eq!(harness.query_all_by_label("on the island").count(), 1);
    harness.get_by_label("Preview the body").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("on the island").count(), 2);
    let links = harness.query_all_by_role(egui::accesskit::Role::Link).filter(|n| format!("{n:?}").contains("Open me"));
    assert_eq!(links.count(), 0, "the unsafe link is not a link");
    assert_eq!(harness.query_all_by_label_contains("javascript:alert(1)").count(), 2, "its address is shown as text");
    harness.snapshot("edit_body_preview");
}

#[test]
fn ctrl_s_saves_into_the_file_with_only_the_edited_line_changed() {
    let (mut harness, path) = app_on_copy("save");
    let original = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read: {e}"));
    type_into(&mut harness, "completed", "2025-03-04");
    assert!(harness.state().state().data_edit().dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    for _ in 0..4 {
        harness.run();
    }
    assert!(!harness.state().state().data_edit().dirty(), "{:?}", harness.state().state().data_edit().message());
    let saved = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read: {e}"));
    let changed: Vec<(&str, &str)> = original.lines().zip(saved.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(original.lines().count(), saved.lines().count());
    assert_eq!(changed, vec![(r#"            completed: "2025-03-03","#, r#"            completed: "2025-03-04","#)]);
}

/// Opens the top bar's Edit menu (the form's window is called "Edit" too).
fn open_edit_menu(harness: &mut Harness<'_, AtlasApp>) {
    harness.get_by(|n| n.role() == egui::accesskit::Role::Button && n.label().as_deref() == Some("Edit")).click();
    harness.run();
}

#[test]
fn the_edit_menu_names_the_change_it_undoes_and_duplicates_the_selected_initiative() {
    let (mut harness, _) = app_on_copy("menu");
    type_into(&mut harness, "completed", "2025-03-04");
    open_edit_menu(&mut harness);
    let undo = harness.state().state().data_edit().undo_label().map(|l| format!("Undo {l}"));
    let undo = undo.unwrap_or_default();
    assert!(undo.contains("completed") && undo.contains(TITLE), "{undo}");
    // Named after the change, with its shortcut.
    harness.get_by_label(&format!("{undo} Ctrl+Z")).click();
    harness.run();
    assert!(!harness.state().state().data_edit().dirty(), "undone from the menu");
    let count = harness.state().state().dataset().initiatives.len();
    assert!(harness.state().state().selection().is_some());
    open_edit_menu(&mut harness);
    harness.get_by_label("Duplicate the selected initiative").click();
    harness.run();
    let state = harness.state().state();
    let ds = state.dataset();
    assert_eq!(ds.initiatives.len(), count + 1);
    let (copy, original) = (
        &ds.initiatives[count],
        &ds.initiatives[state.index().initiative_by_id.get("12lct-establishment").copied().unwrap_or(usize::MAX)],
    );
    assert_eq!(copy.title, format!("{TITLE} (copy)"));
    assert_eq!(copy.id, "12lct-establishment-copy-1");
    assert_eq!(
        (&copy.completed, &copy.places, &copy.sources),
        (&original.completed, &original.places, &original.sources)
    );
    assert_eq!(state.selection(), Some(alliance_atlas::state::Selection::Initiative(count)));
}

#[test]
fn a_new_source_is_written_where_it_is_cited() {
    let (mut harness, _) = app_on_copy("source");
    let i = harness.state().state().index().initiative_by_id.get("12lct-establishment").copied().unwrap_or(usize::MAX);
    let (sources, cites) = (
        harness.state().state().dataset().sources.len(),
        harness.state().state().dataset().initiatives[i].sources.len(),
    );
    harness.get_by_label_contains("Edit the cited sources").scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Edit the cited sources").click();
    harness.run();
    harness.get_by_label("New source cited here").scroll_to_me();
    harness.run();
    harness.get_by_label("New source cited here").click();
    harness.run();
    let ds = harness.state().state().dataset();
    assert_eq!(ds.sources.len(), sources + 1);
    assert_eq!(ds.initiatives[i].sources.len(), cites + 1);
    assert_eq!(ds.initiatives[i].sources[cites].source, ds.sources[sources].id);
    // Its fields are open right there; the publisher typed goes into the new source.
    let publishers = || egui_kittest::kittest::by().predicate(field("Publisher"));
    assert_eq!(harness.query_all(publishers()).count(), cites + 1, "one per cited source");
    harness.query_all(publishers()).last().unwrap_or_else(|| panic!("no Publisher field")).focus();
    harness.run();
    harness
        .query_all(publishers())
        .last()
        .unwrap_or_else(|| panic!("no Publisher field"))
        .type_text("Ministry of Defense");
    harness.run();
    assert_eq!(harness.state().state().dataset().sources[sources].publisher, "Ministry of Defense");
}

#[test]
fn escape_in_a_form_field_leaves_the_field_and_keeps_the_initiative() {
    let (mut harness, _) = app_on_copy("escape");
    let selected = harness.state().state().selection();
    harness.get_by(field("Title")).focus();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().state().selection(), selected, "the form still edits it");
    assert!(!harness.get_by(field("Title")).is_focused(), "the field let go of the keys");
    // A second Escape, outside any field, clears the selection as everywhere else.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().state().selection(), None);
}

#[test]
fn reloading_over_unsaved_edits_asks_and_discard_then_reloads() {
    let (mut harness, path) = app_on_copy("held");
    type_into(&mut harness, "completed", "2025-03-04");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    for _ in 0..4 {
        harness.run();
    }
    assert!(harness.state().state().held_open().is_some(), "Ctrl+R read the file and holds it");
    harness.get_by_label(&format!("Open {}?", path.display()));
    assert!(harness.state().state().data_edit().dirty(), "nothing is dropped while asking");
    harness.get_by_label("Discard the changes and open").click();
    for _ in 0..4 {
        harness.run();
    }
    let state = harness.state().state();
    assert!(state.held_open().is_none() && !state.data_edit().dirty());
    let i = state.index().initiative_by_id.get("12lct-establishment").copied().unwrap_or(usize::MAX);
    assert_eq!(
        state.dataset().initiatives[i].completed.map(alliance_atlas::model::FuzzyDate::to_data_string).as_deref(),
        Some("2025-03-03")
    );
    assert_eq!(std::fs::read_to_string(&path).map(|t| t.contains("completed: \"2025-03-03\"")).ok(), Some(true));
}
