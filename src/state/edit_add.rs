//! The dataset editor's additions: a new initiative (at a date, at a place, or blank), a duplicate of
//! one, and a new source cited by the initiative being edited. Each is undoable like any change.

use crate::model::finding::Collection;
use crate::model::{Cite, FuzzyDate, Initiative, LineOfEffort, Status};
use crate::state::command::{ListField, Selection};
use crate::state::data::{Item, State};
use crate::state::edit::fresh_id;

impl State {
    /// Adds a new initiative (starting at `start`, at `places`), selected, the form open.
    pub(crate) fn add_initiative(&mut self, start: Option<FuzzyDate>, places: Vec<String>) {
        let id = fresh_id("new-initiative-", self.dataset.initiatives.iter().map(|x| x.id.as_str()));
        let sources = self.dataset.sources.first().map(|s| Cite { source: s.id.clone(), note: None });
        let initiative = Initiative {
            id,
            title: "New initiative".to_owned(),
            summary: String::new(),
            body: String::new(),
            lines_of_effort: vec![LineOfEffort::Policy],
            actors: Vec::new(),
            status: Status::Proposed,
            status_note: None,
            announced: None,
            start,
            target: None,
            completed: None,
            end: None,
            places,
            related: Vec::new(),
            relations: Vec::new(),
            tags: Vec::new(),
            sources: sources.into_iter().collect(),
        };
        let label = "addition of a new initiative".to_owned();
        self.add_selected(initiative, label);
    }

    /// Adds a copy of initiative `i` (every field, a fresh id, "(copy)" after the title), selected.
    pub(crate) fn duplicate_initiative(&mut self, i: usize) {
        let Some(mut copy) = self.dataset.initiatives.get(i).cloned() else { return };
        let label = format!("duplicate of “{}”", copy.title);
        copy.id = fresh_id(&format!("{}-copy-", copy.id), self.dataset.initiatives.iter().map(|x| x.id.as_str()));
        copy.title = format!("{} (copy)", copy.title);
        self.add_selected(copy, label);
    }

    fn add_selected(&mut self, initiative: Initiative, label: String) {
        let at = self.dataset.initiatives.len();
        self.add(Collection::Initiatives, at, label, Item::Initiative(Box::new(initiative)));
        self.selection = Some(Selection::Initiative(at));
        self.edit.open = true;
    }

    /// Adds a new source and cites it from initiative `i` (two changes for undo: the source, the cite).
    pub(crate) fn add_source_for(&mut self, i: usize) {
        let Some(mut cited) =
            self.dataset.initiatives.get(i).map(|x| x.sources.iter().map(|c| c.source.clone()).collect::<Vec<_>>())
        else {
            return;
        };
        self.add_source();
        let Some(id) = self.dataset.sources.last().map(|s| s.id.clone()) else { return };
        cited.push(id);
        self.apply_edit(crate::state::command::EditCommand::SetList(i, ListField::Sources, cited));
    }
}
