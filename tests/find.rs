//! Find and focus through the UI: the search box narrows every view; saved views restore exactly.

mod common;
#[path = "common/files.rs"]
mod files;

use alliance_atlas::model::Day;
use alliance_atlas::model::view::TimeView;
use alliance_atlas::state::FocusCommand;
use alliance_atlas::state::{Command, Origin, Selection};
use alliance_atlas::theme::ThemeChoice;
use alliance_atlas::views::location_list::{LocationSort, location_rows};
use common::app;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

#[test]
fn typing_in_the_search_box_shrinks_the_list_the_timeline_and_the_map() {
    let mut harness = app(ThemeChoice::Dark);
    let places_before = location_rows(harness.state().state(), LocationSort::default()).len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role(egui::accesskit::Role::TextInput).type_text("okinawa");
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.focus().filter().search, "okinawa");
    assert_eq!(state.focus().visible_count(), 16);
    let on_timeline: usize = state.lanes().iter().map(|l| l.items.len()).sum();
    assert_eq!(on_timeline, 16);
    let places_after = location_rows(state, LocationSort::default()).len();
    assert!(places_after < places_before, "{places_after} of {places_before}");
    let on_map: usize = state.focus().map_places().len();
    assert_eq!(on_map, places_after);
    // An initiative that does not mention Okinawa is gone from the timeline; one that does is there,
    // in the results list and on the timeline.
    let hidden: Vec<String> = (0..state.dataset().initiatives.len())
        .filter(|&i| !state.is_visible(i))
        .map(|i| state.dataset().initiatives[i].title.clone())
        .collect();
    assert_eq!(hidden.len(), 19);
    for title in &hidden {
        assert!(harness.query_by_label(title).is_none(), "{title} is still shown");
    }
    // The results list builds only the rows in view (it is virtualised): the first result is in it;
    // a matching initiative is on the timeline.
    let first = &state.dataset().initiatives[state.focus().visible_items()[0]].title;
    assert!(harness.query_all_by_label(first).count() >= 1, "{first}");
    assert!(harness.query_by_label("Marine relocation from Okinawa to Guam (2012 plan)").is_some());
    harness.get_by_label("16 of 35");
    // Clear all brings everything back.
    harness.get_by_label("Clear all").click();
    harness.run();
    assert_eq!(harness.state().state().focus().visible_count(), 35);
}

#[test]
fn a_saved_view_restores_the_time_window_and_the_selection() {
    let mut harness = app(ThemeChoice::Dark);
    let mlr = harness.state().state().index().initiative_by_id.get("12mlr-decision").copied().unwrap_or(usize::MAX);
    let window = TimeView {
        start: f64::from(Day::from_ymd(2022, 6, 1).0 as i32),
        end: f64::from(Day::from_ymd(2024, 6, 1).0 as i32),
    };
    harness.state_mut().apply(Command::Select(Selection::Initiative(mlr), Origin::Other));
    harness.state_mut().apply(Command::SetTimeView(window));
    harness.run();
    harness.state_mut().apply(Command::Focus(FocusCommand::SaveView("MLR decision".to_owned())));
    let saved = harness.state().state().focus().saved().views[0].view.clone();
    // Go elsewhere.
    harness.state_mut().apply(Command::ClearSelection);
    harness.state_mut().apply(Command::FitTime);
    harness.run();
    assert_ne!(harness.state().state().time_view(), window);
    // Restore it from the Views menu.
    harness.get_by_label("Views").click();
    harness.run();
    harness.get_by_label("MLR decision").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.selection(), Some(Selection::Initiative(mlr)));
    let time = state.time_view();
    assert!((time.start - window.start).abs() < 1e-6 && (time.end - window.end).abs() < 1e-6, "{time:?}");
    assert_eq!(state.current_view().time, saved.time);
    assert_eq!(state.current_view().selection, saved.selection);
}

#[test]
fn shift_dragging_on_the_timeline_brushes_a_date_range() {
    let mut harness = app(ThemeChoice::Dark);
    let from = egui::pos2(800.0, 700.0);
    let to = egui::pos2(950.0, 700.0);
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let state = harness.state().state();
    let (a, b) = state.focus().filter().date_range.expect("a range was brushed");
    assert!(b - a > 100.0, "{a}..{b}");
    assert!(state.focus().visible_count() < 30, "the range filters: {}", state.focus().visible_count());
    // Panning did not happen while brushing.
    harness.get_by_label_contains(" – ");
}

#[test]
fn saved_views_are_written_next_to_the_dataset_and_read_back() {
    let (dir, data) = files::minimal_copy("views");
    let mut harness = app(ThemeChoice::Dark);
    harness.state_mut().apply(Command::OpenFile(data.clone()));
    harness.state_mut().apply(Command::Focus(FocusCommand::SetFilter(Box::new(
        alliance_atlas::model::filter::Filter { search: "first".to_owned(), ..Default::default() },
    ))));
    harness.state_mut().apply(Command::Focus(FocusCommand::SaveView("Just the first".to_owned())));
    let file = dir.join("mini.views.ron");
    let text = std::fs::read_to_string(&file).expect("views file written next to the dataset");
    assert!(text.contains("Just the first") && text.contains("first"), "{text}");
    assert!(!dir.join("mini.views.ron.tmp").exists(), "written through a temporary file");
    // The dataset file itself is untouched.
    let original = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron"));
    assert_eq!(std::fs::read_to_string(&data).ok(), original.ok());
    // Opening the dataset again reads the views; --view opens one by name.
    let mut again = alliance_atlas::state::State::new(alliance_atlas::state::Settings::default(), Day(20_000));
    alliance_atlas::app::effects::apply(&mut again, Command::OpenFile(data));
    assert_eq!(again.focus().saved().views.len(), 1);
    alliance_atlas::app::open_view(&mut again, "Just the first");
    assert_eq!(again.focus().filter().search, "first");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_view_in_text_form_opens_exactly() {
    let mut state = alliance_atlas::state::State::new(alliance_atlas::state::Settings::default(), Day(20_000));
    alliance_atlas::app::open_view(&mut state, "q=kanoya;lo=Isr;s=l:kanoya_ab");
    assert_eq!(state.focus().filter().search, "kanoya");
    assert!(state.focus().visible_count() >= 1);
    let kanoya = state.index().location_by_id.get("kanoya_ab").copied().unwrap_or(usize::MAX);
    assert_eq!(state.selection(), Some(Selection::Location(kanoya)));
    let text = state.current_view().to_text();
    assert!(text.contains("q=kanoya") && text.contains("lo=Isr") && text.contains("s=l:kanoya_ab"), "{text}");
}

#[test]
fn the_as_of_day_can_be_switched_on_and_typed() {
    let mut harness = app(ThemeChoice::Light);
    harness.get_by_label("As of").click();
    harness.run();
    assert!(harness.state().state().focus().filter().as_of.is_some());
    // The field shows the day in data-file form; select it all and type over it.
    let typed_field = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == egui::accesskit::Role::TextInput && node.value().is_some_and(|v| v.contains("20"))
    };
    harness.get_by(typed_field).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by(typed_field).type_text("2023-06-01");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.focus().filter().as_of, Some(Day::from_ymd(2023, 6, 1).0));
    let mlr = state.index().initiative_by_id.get("12mlr-decision").copied().unwrap_or(usize::MAX);
    let item = &state.dataset().initiatives[mlr];
    assert_eq!(state.focus().filter().status_of(item), Some(alliance_atlas::model::Status::Announced));
    // The joint headquarters (stood up 24 Mar 2025) was announced, not yet done, on 1 Jun 2023.
    let jjoc = &state.dataset().initiatives[state.index().initiative_by_id.get("jjoc").copied().unwrap_or(usize::MAX)];
    assert_eq!(state.focus().filter().status_of(jjoc), Some(alliance_atlas::model::Status::Announced));
}

#[test]
fn esc_in_the_search_box_clears_the_search_and_removing_as_of_stops_playing() {
    let mut harness = app(ThemeChoice::Dark);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role(egui::accesskit::Role::TextInput).type_text("okinawa");
    harness.run();
    assert_eq!(harness.state().state().focus().filter().search, "okinawa");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().state().focus().filter().search, "");
    let as_of = alliance_atlas::model::filter::Filter { as_of: Some(19_400), ..Default::default() };
    harness.state_mut().apply(Command::Focus(FocusCommand::SetFilter(Box::new(as_of))));
    harness.state_mut().apply(Command::Focus(FocusCommand::PlayAsOf(Some(30.0))));
    harness.state_mut().apply(Command::Focus(FocusCommand::SetFilter(Box::default())));
    harness.run();
    assert!(harness.state().state().focus().playing().is_none());
    assert_eq!(harness.state().state().focus().filter().as_of, None);
}
