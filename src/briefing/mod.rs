//! Briefing decks: pure data. A deck is an ordered list of steps; each step restores a view state and
//! shows a title and talking points. Decks are RON files loaded like datasets: every problem is
//! reported with line, column and hint, and a step naming an unknown initiative or place is an error.

pub mod handout_pdf;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::formats::problem::{Problem, ProblemKind, Severity, Span, line_cols};
use crate::formats::ron::decode::{Cx, Fields, FromNode, problems_from, unit_enum_from_node};
use crate::formats::ron::node::{Kind, Node, Parser};
use crate::model::index::Index;
use crate::model::view_state::{SelectionRef, ViewState};

/// The deck that comes with the embedded dataset.
pub const DEFAULT_DECK: &str = include_str!("../../data/us-japan-2023.briefing.ron");

/// How the views move into a step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transition {
    /// The timeline and the map glide (eased pan and zoom).
    #[default]
    Glide,
    /// Straight to the step's view.
    Cut,
}

unit_enum_from_node!(Transition, "a transition", [Glide, Cut]);

/// One step of a deck.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Large title on the slide.
    pub title: String,
    /// Talking points (markdown).
    pub points: String,
    /// Presenter notes (shown to the presenter only).
    pub notes: String,
    /// What the timeline and map show.
    pub view: ViewState,
    /// Initiative and place ids to emphasise.
    pub highlight: Vec<String>,
    /// How to get there.
    pub transition: Transition,
}

/// A briefing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// Title of the briefing.
    pub title: String,
    /// The dataset file it is written for (a name next to the deck).
    pub dataset: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// A deck and every problem found loading it.
#[derive(Debug, Default)]
pub struct LoadedDeck {
    /// The deck, when it has no errors.
    pub deck: Option<Deck>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

const STEP_FIELDS: &[&str] = &["title", "points", "notes", "view", "highlight", "transition"];
const DECK_FIELDS: &[&str] = &["title", "dataset", "steps"];

fn view_from(node: &Node<'_>, cx: &mut Cx) -> Option<ViewState> {
    let text = String::from_node(node, cx)?;
    match ViewState::from_text(&text) {
        Ok(view) => Some(view),
        Err(e) => {
            let hint = "write key=value pairs separated by ';' (t=START,END;m=LAT,LON,ZOOM;s=i:ID;q=…)";
            cx.error(ProblemKind::WrongType, node.span, format!("bad view \"{text}\": {e}"), Some(hint.to_owned()));
            None
        }
    }
}

fn step_from(node: &Node<'_>, cx: &mut Cx, index: &Index) -> Option<Step> {
    let f = Fields::open(node, "Step", STEP_FIELDS, cx)?;
    let title: Option<String> = f.req("title", cx);
    let points = f.or_default("points", cx);
    let notes = f.or_default("notes", cx);
    let view = f.node("view").map_or(Some(ViewState::default()), |n| view_from(n, cx));
    let highlight: Option<Vec<String>> = f.or_default("highlight", cx);
    let transition = f.node("transition").map_or(Some(Transition::default()), |n| Transition::from_node(n, cx));
    if let (Some(view), Some(n)) = (&view, f.node("view")) {
        let missing = match &view.selection {
            Some(SelectionRef::Initiative(id)) if !index.initiative_by_id.contains_key(id) => Some(id),
            Some(SelectionRef::Location(id)) if !index.location_by_id.contains_key(id) => Some(id),
            _ => None,
        };
        if let Some(id) = missing {
            cx.error(ProblemKind::UnknownReference, n.span, format!("the view selects unknown id \"{id}\""), None);
        }
    }
    if let (Some(ids), Some(Node { kind: Kind::List(items), .. })) = (&highlight, f.node("highlight")) {
        for (id, item) in ids.iter().zip(items) {
            if !index.initiative_by_id.contains_key(id) && !index.location_by_id.contains_key(id) {
                let message = format!("highlight names unknown id \"{id}\"");
                cx.error(
                    ProblemKind::UnknownReference,
                    item.span,
                    message,
                    Some("use an initiative or place id of the dataset".to_owned()),
                );
            }
        }
    }
    if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        cx.error(ProblemKind::EmptyText, f.span(), "a step has an empty title".to_owned(), None);
    }
    Some(Step {
        title: title?,
        points: points?,
        notes: notes?,
        view: view?,
        highlight: highlight?,
        transition: transition?,
    })
}

/// Loads a deck, checking its ids against the dataset it is shown with.
pub fn load_deck(text: &str, index: &Index) -> LoadedDeck {
    let mut cx = Cx::default();
    let mut parser = Parser::new(text);
    let node = parser.skip_attributes().and_then(|()| parser.value()).and_then(|node| {
        if parser.at_end()? { Ok(node) } else { Err(parser.error("unexpected text after the deck", None)) }
    });
    let deck = match node {
        Ok(node) => decode_deck(&node, &mut cx, index),
        Err(e) => {
            cx.error(e.kind, Span::new(e.offset, e.offset), e.message, e.hint.map(str::to_owned));
            None
        }
    };
    let problems = problems_from(cx.issues, |offsets| line_cols(text, offsets));
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    LoadedDeck { deck: deck.filter(|_| !errors), problems }
}

fn decode_deck(node: &Node<'_>, cx: &mut Cx, index: &Index) -> Option<Deck> {
    let f = Fields::open(node, "Deck", DECK_FIELDS, cx)?;
    let title = f.req("title", cx);
    let dataset = f.or_default("dataset", cx);
    let steps = match f.node("steps") {
        Some(Node { kind: Kind::List(items), .. }) => {
            let steps: Vec<Option<Step>> = items.iter().map(|n| step_from(n, cx, index)).collect();
            steps.into_iter().collect::<Option<Vec<Step>>>()
        }
        Some(other) => {
            cx.error(ProblemKind::WrongType, other.span, "expected a list of Step(…) in [brackets]".to_owned(), None);
            None
        }
        None => {
            cx.error(
                ProblemKind::MissingField,
                f.span(),
                "Deck is missing the required field `steps`".to_owned(),
                None,
            );
            None
        }
    };
    if steps.as_ref().is_some_and(Vec::is_empty) {
        cx.error(
            ProblemKind::EmptyText,
            f.span(),
            "the deck has no steps".to_owned(),
            Some("add at least one Step(…)".to_owned()),
        );
    }
    Some(Deck { title: title?, dataset: dataset?, steps: steps? })
}

/// A string as a RON literal.
fn quoted(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The deck as a RON file, readable by [`load_deck`], views in their text form.
pub fn to_ron(deck: &Deck) -> String {
    let mut out = String::from("#![enable(implicit_some)]\nDeck(\n");
    writeln!(out, "    title: {},\n    dataset: {},\n    steps: [", quoted(&deck.title), quoted(&deck.dataset)).ok();
    for step in &deck.steps {
        let highlight: Vec<String> = step.highlight.iter().map(|h| quoted(h)).collect();
        out.push_str("        Step(\n");
        writeln!(out, "            title: {},", quoted(&step.title)).ok();
        writeln!(out, "            points: {},", quoted(&step.points)).ok();
        writeln!(out, "            notes: {},", quoted(&step.notes)).ok();
        writeln!(out, "            view: {},", quoted(&step.view.to_text())).ok();
        writeln!(out, "            highlight: [{}],", highlight.join(", ")).ok();
        writeln!(out, "            transition: {:?},", step.transition).ok();
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::load_str;
    use crate::model::DEFAULT_DATASET;

    fn index() -> Index {
        Index::build(&load_str(DEFAULT_DATASET).dataset.expect("loads"))
    }

    #[test]
    fn the_embedded_deck_loads_clean() {
        let loaded = load_deck(DEFAULT_DECK, &index());
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        let deck = loaded.deck.expect("deck");
        assert!((8..=12).contains(&deck.steps.len()), "{} steps", deck.steps.len());
        assert!(deck.steps.iter().all(|s| !s.title.is_empty() && !s.points.is_empty()));
    }

    #[test]
    fn a_deck_written_out_reads_back_the_same() {
        let index = index();
        let deck = load_deck(DEFAULT_DECK, &index).deck.expect("deck");
        let again = load_deck(&to_ron(&deck), &index);
        assert!(again.problems.is_empty(), "{:#?}", again.problems);
        assert_eq!(again.deck, Some(deck));
    }

    #[test]
    fn unknown_ids_and_bad_views_are_located_errors() {
        let text = "Deck(\n  title: \"T\",\n  steps: [\n    Step(title: \"A\", view: \"s=i:no-such\"),\n    Step(title: \"B\", highlight: [\"camp_hansen\", \"nowhere\"], view: \"t=1\"),\n    Step(titel: \"C\"),\n  ],\n)\n";
        let loaded = load_deck(text, &index());
        assert!(loaded.deck.is_none());
        let found: Vec<(usize, ProblemKind)> = loaded.problems.iter().map(|p| (p.line, p.kind)).collect();
        assert_eq!(
            found,
            [
                (4, ProblemKind::UnknownReference),
                (5, ProblemKind::UnknownReference),
                (5, ProblemKind::WrongType),
                (6, ProblemKind::UnknownField),
            ],
            "{:#?}",
            loaded.problems
        );
        assert!(load_deck("Deck(title: \"T\", steps: [", &index()).problems[0].message.contains("end of the file"));
    }
}
