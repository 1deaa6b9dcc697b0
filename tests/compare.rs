//! Comparing two days through the UI: the Compare switch and two typed dates, the counts, keeping one
//! kind, the change report and its markdown, a deck step that compares and its link.

mod common;

use alliance_atlas::model::Day;
use alliance_atlas::model::compare::ChangeKind;
use alliance_atlas::model::view_state::ViewState;
use alliance_atlas::state::PresentCommand;
use alliance_atlas::state::{Command, Origin, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

/// The Tokyo 2+2 and the dataset's as-of day.
const FROM: (i64, u32, u32) = (2024, 7, 28);
const TO: (i64, u32, u32) = (2026, 3, 13);

fn day((y, m, d): (i64, u32, u32)) -> i64 {
    Day::from_ymd(y, m, d).0
}

/// Replaces the text of the date field showing `shown` (the last such field: the as-of day's comes
/// first) with `typed`, and presses Enter.
fn retype(harness: &mut egui_kittest::Harness<'_, alliance_atlas::AtlasApp>, shown: &str, typed: &str) {
    let is_field = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == egui::accesskit::Role::TextInput && n.value().as_deref() == Some(shown)
    };
    let Some(field) = harness.query_all_by(is_field).last() else { panic!("no field shows {shown}") };
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.input_mut().events.push(egui::Event::Text(typed.to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn two_typed_dates_give_the_counts_the_report_and_a_kind_kept_alone() {
    let mut harness = app(ThemeChoice::Light);
    harness.get_by_label("Compare").click();
    harness.run();
    let Some((from, to)) = harness.state().state().focus().filter().compare_days() else {
        panic!("the Compare switch starts a comparison");
    };
    assert_eq!(to - from, 365, "a year back from the as-of day by default");
    retype(&mut harness, &Day(from).iso(), "2024-07-28");
    retype(&mut harness, &Day(to).iso(), "2026-03");
    let state = harness.state().state();
    // A "to" date known to the month is that month's last day.
    assert_eq!(state.focus().filter().compare_days(), Some((day(FROM), day((2026, 3, 31)))));
    retype(&mut harness, "2026-03-31", "2026-03-13");
    let state = harness.state().state();
    assert_eq!(state.focus().filter().compare_days(), Some((day(FROM), day(TO))));
    let Some(cmp) = state.focus().comparison() else { panic!("comparing") };
    assert_eq!(cmp.summary(), "7 new · 3 completed · 2 started · 1 target missed");
    // The counts read on screen, and the report lists every change in words.
    for label in ["● 7 new", "● 3 completed", "● 2 started", "● 1 target missed"] {
        harness.get_by_label(label);
    }
    harness.get_by_label("What changed: 7 new · 3 completed · 2 started · 1 target missed");
    harness.get_by_label("completed 3 Mar 2025 — target was by 2025");
    harness.get_by_label("target by 2025 passed without completion — still announced on 13 Mar 2026");
    // Keeping only the completed: the views show those three.
    harness.get_by_label("● 3 completed").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.focus().filter().changes, [ChangeKind::Completed].into());
    assert_eq!(state.focus().visible_count(), 3);
    let on_timeline: usize = state.lanes().iter().map(|l| l.items.len()).sum();
    assert_eq!(on_timeline, 3);
    // The counts still show every kind, so another can be added; the report lists the chosen kind.
    harness.get_by_label("● 7 new");
    harness.get_by_label("What changed: 3 completed");
    // The report as markdown, with its sources as links.
    harness.get_by_label("Copy as markdown").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let [markdown] = copied.as_slice() else { panic!("one copy: {copied:?}") };
    assert!(markdown.starts_with("## What changed: 28 Jul 2024 → 13 Mar 2026\n\n3 completed\n"), "{markdown}");
    assert!(markdown.contains("### Completed (3)"), "{markdown}");
    assert!(markdown.contains("- **Japan's permanent joint headquarters"), "{markdown}");
    assert!(markdown.contains("](<https://"), "sources are links: {markdown}");
}

#[test]
fn selecting_a_changed_initiative_says_what_happened_to_it() {
    let mut harness = app(ThemeChoice::Light);
    let link = format!("cf={};ao={}", day(FROM), day(TO));
    harness.state_mut().follow_link(&link);
    harness.run();
    let state = harness.state().state();
    let Some(&mlr) = state.index().initiative_by_id.get("12mlr-decision") else { panic!("in the data") };
    assert_eq!(state.change_kind(mlr), Some(ChangeKind::Completed));
    harness.state_mut().apply(Command::Select(Selection::Initiative(mlr), Origin::Other));
    harness.run();
    harness.get_by_label("28 Jul 2024 → 13 Mar 2026: completed — completed 3 Mar 2025 — target was by 2025");
}

#[test]
fn a_deck_step_compares_two_days_and_its_link_round_trips() {
    let mut harness = app(ThemeChoice::Dark);
    let steps = harness.state().state().deck().map_or(0, |d| d.steps.len());
    let Some(n) = harness
        .state()
        .state()
        .deck()
        .and_then(|d| d.steps.iter().position(|s| s.view.filter.compare_days().is_some()))
    else {
        panic!("the default deck has a step that compares ({steps} steps)");
    };
    harness.state_mut().apply(Command::Presenting(PresentCommand::Present(Some(n))));
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.focus().filter().compare_days(), Some((day(FROM), day(TO))));
    // The slide shows the counts and the changes.
    for label in ["● 7 new", "● 3 completed", "● 1 target missed"] {
        harness.get_by_label(label);
    }
    // The step's view, as a link, opens the same comparison in a fresh window.
    let text = harness.state().state().current_view().to_text();
    assert!(text.contains(&format!("cf={}", day(FROM))) && text.contains(&format!("ao={}", day(TO))), "{text}");
    assert_eq!(ViewState::from_text(&text).map(|v| v.filter), Ok(harness.state().state().focus().filter().clone()));
    let counts = harness.state().state().focus().comparison().map(|c| c.counts);
    let mut fresh = app(ThemeChoice::Dark);
    fresh.state_mut().follow_link(&text);
    fresh.run();
    assert_eq!(fresh.state().state().focus().comparison().map(|c| c.counts), counts);
    fresh.get_by_label("What changed: 7 new · 3 completed · 2 started · 1 target missed");
}
