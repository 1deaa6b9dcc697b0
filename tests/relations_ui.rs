//! Links between initiatives through the UI: a selected initiative's arrows on the timeline, clicking
//! one to follow it, the detail panel's sections both ways, the neighbourhood graph, "All links".

mod common;

use alliance_atlas::formats::{Loaded, load_str};
use alliance_atlas::model::types::{Rel, RelKind};
use alliance_atlas::model::{DEFAULT_DATASET, Dataset};
use alliance_atlas::state::command::DataSource;
use alliance_atlas::state::{Command, Origin, Selection};
use alliance_atlas::theme::ThemeChoice;
use common::app;
use egui_kittest::kittest::Queryable as _;

const DECISION: &str = "12mlr-decision";
const REDESIGNATION: &str = "12mlr-redesignation";
const LAAB: &str = "12laab-activation";

/// The embedded data with a known set of links (whatever the file holds): decision enables the
/// redesignation; the anti-air battalion is part of the redesignated regiment.
fn linked() -> Dataset {
    let Some(mut ds) = load_str(DEFAULT_DATASET).dataset else { panic!("the embedded data loads") };
    for item in &mut ds.initiatives {
        item.relations.clear();
        let rel = |to: &str, kind| Rel { to: to.to_owned(), kind, note: Some("test link".to_owned()) };
        match item.id.as_str() {
            DECISION => item.relations.push(rel(REDESIGNATION, RelKind::Enables)),
            LAAB => item.relations.push(rel(REDESIGNATION, RelKind::PartOf)),
            _ => {}
        }
    }
    ds
}

fn harness_on(ds: Dataset) -> egui_kittest::Harness<'static, alliance_atlas::AtlasApp> {
    let mut harness = app(ThemeChoice::Light);
    let loaded = Command::Loaded(Box::new(Loaded::made(ds)), DataSource::Named("linked".to_owned()), None);
    harness.state_mut().apply(loaded);
    // The timeline alone, so every row of the force-posture lane is drawn.
    harness.state_mut().apply(Command::ToggleMaximize(alliance_atlas::state::Pane::Timeline));
    harness.run();
    harness
}

fn position(harness: &egui_kittest::Harness<'_, alliance_atlas::AtlasApp>, id: &str) -> usize {
    harness.state().state().index().initiative_by_id.get(id).copied().unwrap_or(usize::MAX)
}

fn title(harness: &egui_kittest::Harness<'_, alliance_atlas::AtlasApp>, id: &str) -> String {
    harness.state().state().dataset().initiative(id).map(|x| x.title.clone()).unwrap_or_default()
}

#[test]
fn a_selected_initiatives_arrow_is_drawn_and_clicking_it_follows_the_link() {
    let mut harness = harness_on(linked());
    let (decision, redesignation) = (position(&harness, DECISION), position(&harness, REDESIGNATION));
    // Nothing selected: no arrows.
    assert!(harness.query_by_label_contains("enables: ").is_none());
    harness.state_mut().apply(Command::Select(Selection::Initiative(decision), Origin::Other));
    harness.run();
    let arrow = format!("enables: {}", title(&harness, REDESIGNATION));
    harness.get_by_label(&arrow).click();
    harness.run();
    assert_eq!(harness.state().state().selection(), Some(Selection::Initiative(redesignation)));
    // From the redesignation, both links show: enabled by the decision, the battalion a part of it.
    harness.get_by_label(&format!("enables: {}", title(&harness, DECISION)));
    harness.get_by_label(&format!("part of: {}", title(&harness, LAAB)));
    // The detail panel names them both ways round.
    harness.get_by_label("Enabled by:");
    harness.get_by_label("Has part:");
}

#[test]
fn the_neighbourhood_graph_reaches_two_steps_and_its_nodes_select() {
    let mut harness = harness_on(linked());
    let (decision, laab) = (position(&harness, DECISION), position(&harness, LAAB));
    harness.state_mut().apply(Command::Select(Selection::Initiative(decision), Origin::Other));
    harness.run();
    harness.get_by_label("Links, two steps out");
    harness.get_by_label("Enables:");
    // The battalion is two steps away (decision → redesignation ← battalion): a node of the graph.
    let laab_title = title(&harness, LAAB);
    let node = harness.query_all_by_label(&laab_title).find(|n| n.rect().width() <= 16.5);
    let Some(node) = node else { panic!("the graph has a node for {laab_title}") };
    node.click();
    harness.run();
    assert_eq!(harness.state().state().selection(), Some(Selection::Initiative(laab)));
}

#[test]
fn all_links_draws_the_arrows_of_every_initiative_in_view() {
    let mut harness = harness_on(linked());
    assert!(harness.query_by_label_contains("part of: ").is_none());
    harness.get_by_label("All links").click();
    harness.run();
    let arrows = harness.query_all_by_label_contains("enables: ").count()
        + harness.query_all_by_label_contains("part of: ").count();
    assert_eq!(arrows, 2, "both links, with nothing selected");
}
