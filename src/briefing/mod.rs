//! Briefing decks: pure data. A deck is an ordered list of steps; each step restores a view state and
//! shows a title and talking points. Decks are RON files loaded like datasets: every problem is
//! reported with line, column and hint, and a step naming an unknown initiative or place is an error.
//!
//! The schema is stated once per type: the `item!` lists below drive the reader (its fields, which
//! are required, the "did you mean" hints), and serde writes the same types ([`to_ron`]: `ron`'s
//! pretty output, a view in its text form, multi-line talking points as multi-line strings).
//! `tests/schema.rs` checks that serde's fields and names are exactly the reader's. The checks against
//! the dataset (ids a step names, empty titles) read the step's fields again afterwards, so they still
//! run when another field of the step is bad.

pub mod sources;
pub mod vector;

use serde::{Deserialize, Serialize};

use crate::formats::problem::{Problem, ProblemKind, Severity, Span, line_cols};
use crate::formats::ron::convert::{Item, decode, item};
use crate::formats::ron::decode::{Cx, Fields, FromNode, problems_from};
use crate::formats::ron::node::{Kind, Node, Parser};
use crate::model::index::Index;
use crate::model::schema::unit_enum;
use crate::model::view_state::{SelectionRef, ViewState};

/// The deck that comes with the embedded dataset.
pub const DEFAULT_DECK: &str = include_str!("../../data/us-japan-2023.briefing.ron");

unit_enum! {
    "a transition";
    /// How the views move into a step.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Transition {
        /// The timeline and the map glide (eased pan and zoom).
        #[default]
        Glide,
        /// Straight to the step's view.
        Cut,
    }
}

/// One step of a deck.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Large title on the slide.
    pub title: String,
    /// Talking points (markdown).
    #[serde(default)]
    pub points: String,
    /// Presenter notes (shown to the presenter only).
    #[serde(default)]
    pub notes: String,
    /// What the timeline and map show (written in its text form, as in links).
    #[serde(default, with = "view_text")]
    pub view: ViewState,
    /// Initiative and place ids to emphasise.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// How to get there.
    #[serde(default)]
    pub transition: Transition,
}

/// A briefing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// Title of the briefing.
    pub title: String,
    /// The dataset file it is written for (a name next to the deck).
    #[serde(default)]
    pub dataset: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

item!(Step, "Step" {
    title: required,
    points: default,
    notes: default,
    view: default,
    highlight: default,
    transition: default,
});

item!(Deck, "Deck" { title: required, dataset: default, steps: required via steps_from });

impl Deck {
    /// The deck of a story (a `StoryMapJS` story map): a step per slide, in order, flying the map to
    /// the slide's place at its zoom, with the slide's initiative selected and highlighted.
    pub fn from_story(story: &crate::formats::loaded::Story, dataset: &str) -> Self {
        let steps = story
            .steps
            .iter()
            .map(|step| {
                let selection = step.highlight.first().map(|id| SelectionRef::Initiative(id.clone()));
                Step {
                    title: step.title.clone(),
                    points: step.text.clone(),
                    notes: String::new(),
                    view: ViewState { map: step.map, selection, ..ViewState::default() },
                    highlight: step.highlight.clone(),
                    transition: Transition::Glide,
                }
            })
            .collect();
        Self { title: story.title.clone(), dataset: dataset.to_owned(), steps }
    }
}

/// A deck and every problem found loading it.
#[derive(Debug, Default)]
pub struct LoadedDeck {
    /// The deck, when it has no errors.
    pub deck: Option<Deck>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

/// serde for a step's view: its text form (`t=…;m=…`), as the reader expects it.
mod view_text {
    use serde::{Deserialize as _, Deserializer, Serializer, de::Error as _};

    use crate::model::view_state::ViewState;

    pub fn serialize<S: Serializer>(view: &ViewState, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&view.to_text())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ViewState, D::Error> {
        let text = String::deserialize(deserializer)?;
        ViewState::from_text(&text).map_err(D::Error::custom)
    }
}

/// A view in a deck is its text form.
impl FromNode for ViewState {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        let text = String::from_node(node, cx)?;
        match Self::from_text(&text) {
            Ok(view) => Some(view),
            Err(e) => {
                let hint = "write key=value pairs separated by ';' (t=START,END;m=LAT,LON,ZOOM;s=i:ID;q=…)";
                cx.error(ProblemKind::WrongType, node.span, format!("bad view \"{text}\": {e}"), Some(hint.to_owned()));
                None
            }
        }
    }
}

impl FromNode for Step {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        decode(node, cx)
    }
}

/// The deck's steps, with messages of their own for a missing or wrong `steps`.
fn steps_from(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Vec<Step>> {
    match f.node("steps") {
        Some(Node { kind: Kind::List(items), .. }) => {
            let steps: Vec<Option<Step>> = items.iter().map(|n| Step::from_node(n, cx)).collect();
            steps.into_iter().collect()
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
    }
}

/// The checks of a step that need the dataset (and its empty title), on its fields read again: the
/// step's own problems are already reported, so they are read into a scratch context.
fn check_step(node: &Node<'_>, cx: &mut Cx, index: &Index) {
    let mut scratch = Cx::default();
    let Some(f) = Fields::open(node, Step::TYPE, Step::FIELDS, &mut scratch) else { return };
    if let Some(n) = f.node("view")
        && let Some(view) = ViewState::from_node(n, &mut scratch)
    {
        let missing = match &view.selection {
            Some(SelectionRef::Initiative(id)) if !index.initiative_by_id.contains_key(id) => Some(id),
            Some(SelectionRef::Location(id)) if !index.location_by_id.contains_key(id) => Some(id),
            _ => None,
        };
        if let Some(id) = missing {
            cx.error(ProblemKind::UnknownReference, n.span, format!("the view selects unknown id \"{id}\""), None);
        }
    }
    if let Some(n @ Node { kind: Kind::List(items), .. }) = f.node("highlight")
        && let Some(ids) = Vec::<String>::from_node(n, &mut scratch)
    {
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
    let title = f.node("title").and_then(|n| String::from_node(n, &mut scratch));
    if title.is_some_and(|t| t.trim().is_empty()) {
        cx.error(ProblemKind::EmptyText, f.span(), "a step has an empty title".to_owned(), None);
    }
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
    let f = Fields::open(node, Deck::TYPE, Deck::FIELDS, cx)?;
    let deck = Deck::build(&f, cx);
    if let Some(Node { kind: Kind::List(items), .. }) = f.node("steps") {
        for item in items {
            check_step(item, cx, index);
        }
        if items.is_empty() {
            cx.error(
                ProblemKind::EmptyText,
                f.span(),
                "the deck has no steps".to_owned(),
                Some("add at least one Step(…)".to_owned()),
            );
        }
    }
    deck
}

/// The deck as a RON file, readable by [`load_deck`]: serde's own output (`ron`'s pretty form, struct
/// names written, strings unescaped so talking points keep their lines), views in their text form.
pub fn to_ron(deck: &Deck) -> String {
    let config = ron::ser::PrettyConfig::new().struct_names(true).escape_strings(false).indentor("    ");
    // Serialising a deck cannot fail: plain structs, strings and unit variants, well under the depth limit.
    let mut text = ron::ser::to_string_pretty(deck, config).unwrap_or_default();
    text.push('\n');
    text
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
