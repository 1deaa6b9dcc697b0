//! The sources a step rests on, for the handout: those cited by the initiatives the step highlights
//! and by the one it selects, each once, in the order first cited.

use crate::briefing::Step;
use crate::model::Dataset;
use crate::model::view_state::SelectionRef;

/// "Title — Publisher, date" for each source the step's initiatives cite.
pub fn sources_of_step(dataset: &Dataset, step: &Step) -> Vec<String> {
    let selected = match &step.view.selection {
        Some(SelectionRef::Initiative(id)) => Some(id.as_str()),
        _ => None,
    };
    let ids = step.highlight.iter().map(String::as_str).chain(selected);
    let mut seen: Vec<&str> = Vec::new();
    for initiative in ids.filter_map(|id| dataset.initiative(id)) {
        for cite in &initiative.sources {
            if !seen.contains(&cite.source.as_str()) {
                seen.push(&cite.source);
            }
        }
    }
    seen.iter()
        .filter_map(|id| dataset.source(id))
        .map(|s| match s.date {
            Some(date) => format!("{} — {}, {date}", s.title, s.publisher),
            None => format!("{} — {}", s.title, s.publisher),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_source_once_in_the_order_first_cited() {
        let Some(ds) = crate::formats::load_str(crate::model::DEFAULT_DATASET).dataset else { panic!("loads") };
        let deck = crate::briefing::load_deck(crate::briefing::DEFAULT_DECK, &crate::model::index::Index::build(&ds));
        let Some(deck) = deck.deck else { panic!("the deck loads") };
        let step = &deck.steps[1];
        let lines = sources_of_step(&ds, step);
        assert!(!lines.is_empty(), "step 2 cites sources");
        let mut unique = lines.clone();
        unique.dedup();
        assert_eq!(unique.len(), lines.len());
        // Each line names a source cited by one of the step's initiatives.
        let cited: Vec<&str> = step
            .highlight
            .iter()
            .filter_map(|id| ds.initiative(id))
            .flat_map(|i| i.sources.iter().filter_map(|c| ds.source(&c.source)).map(|s| s.title.as_str()))
            .collect();
        assert!(lines.iter().all(|l| cited.iter().any(|t| l.starts_with(t))), "{lines:?}");
        let none = Step { highlight: Vec::new(), view: crate::model::view_state::ViewState::default(), ..step.clone() };
        assert!(sources_of_step(&ds, &none).is_empty());
    }
}
