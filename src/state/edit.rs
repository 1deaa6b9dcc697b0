//! The dataset editor's part: changes to initiatives (a field typed, a date read as people type it,
//! status and lines of effort, add, delete), each undoable (undo keeps the initiative before and
//! after, not copies of the dataset), live checks as `check` would report them, and Save into the
//! file the data came from: read again (an effect), edited items patched in field by field
//! (`formats::export::patch`), read back, written only if it gives the data on screen (`formats::write`).

use crate::model::finding::{BrokenIds, Collection};
use crate::model::index::Index;
use crate::model::{Initiative, LineOfEffort};
use crate::state::command::{DataSource, DateField, EditCommand, Effect, ListField, Selection, TextField};
pub use crate::state::data::DataEdit;
use crate::state::data::{Change, Item, State};
use crate::state::edit_follow::put_in;

impl State {
    /// Applies a command of the dataset editor.
    pub(crate) fn apply_edit(&mut self, command: EditCommand) -> Vec<Effect> {
        let effects = self.apply_edit_command(command);
        self.edit.refresh_dirty();
        effects
    }

    fn apply_edit_command(&mut self, command: EditCommand) -> Vec<Effect> {
        match command {
            EditCommand::ToggleEditor => self.edit.open = !self.edit.open,
            EditCommand::SetText(i, field, text) => self.set_text(i, field, text),
            EditCommand::SetDate(i, field, text) => self.set_date(i, field, &text),
            EditCommand::SetStatus(i, status) => self.change(i, "status", false, |x| x.status = status),
            EditCommand::ToggleLine(i, line) => {
                self.change(i, "lines of effort", false, |x| toggle(&mut x.lines_of_effort, line));
            }
            EditCommand::SetList(i, field, ids) => self.set_list(i, field, ids),
            EditCommand::ShiftDates(i, days) => self.change(i, "dates", false, |x| {
                for date in [&mut x.announced, &mut x.start, &mut x.target, &mut x.completed, &mut x.end] {
                    *date = date.map(|d| d.shifted(days));
                }
            }),
            EditCommand::AddInitiative => self.add_initiative(None, Vec::new()),
            EditCommand::AddInitiativeAt(start) => self.add_initiative(Some(start), Vec::new()),
            EditCommand::AddInitiativeAtPlace(l) => {
                let place = self.dataset.locations.get(l).map(|x| x.id.clone());
                self.add_initiative(None, place.into_iter().collect());
            }
            EditCommand::AddInitiativeAtPoint(lat, lon) => {
                self.add_place(lat, lon);
                let place = self.dataset.locations.last().map(|x| x.id.clone());
                self.add_initiative(None, place.into_iter().collect());
            }
            EditCommand::DuplicateInitiative(i) => self.duplicate_initiative(i),
            EditCommand::AddSourceFor(i) => self.add_source_for(i),
            EditCommand::DeleteInitiative(i, unlink) => self.delete_initiative(i, unlink),
            EditCommand::AddPlace(lat, lon) => self.add_place(lat, lon),
            EditCommand::SetPlaceText(l, field, text) => self.set_place_text(l, field, text),
            EditCommand::SetPlaceKind(l, kind) => self.set_place_kind(l, kind),
            EditCommand::SetPlacePrecision(l, precision) => self.set_place_precision(l, precision),
            EditCommand::MovePlace(l, lat, lon) => self.move_place(l, lat, lon),
            EditCommand::DeletePlace(l) => self.delete_place(l),
            EditCommand::AddSource => self.add_source(),
            EditCommand::SetSource(i, field, text) => self.set_source(i, field, text),
            EditCommand::DeleteSource(i) => self.delete_source(i),
            EditCommand::AddEra => self.add_era(),
            EditCommand::SetEra(i, field, text) => self.set_era(i, field, text),
            EditCommand::DeleteEra(i) => self.delete_era(i),
            EditCommand::Undo => self.undo_redo(true),
            EditCommand::Redo => self.undo_redo(false),
            EditCommand::Save => return self.save(),
            EditCommand::RestoreDraft(text) => self.restore_draft(&text),
            EditCommand::Downloaded(name) => {
                self.edit.mark_clean();
                self.edit.message = Some(format!("Downloaded {name}: the changes are in it."));
            }
            EditCommand::SaveOver => return self.save_over(),
            EditCommand::Held(choice) => return self.held_choice(choice),
            EditCommand::Discard => {
                while !self.edit.undo.is_empty() {
                    self.undo_redo(true);
                }
                self.edit.redo.clear();
                self.edit.drafts.clear();
                self.edit.mark_clean();
                self.edit.message = Some("The changes were discarded: the data is as it was read.".to_owned());
            }
        }
        Vec::new()
    }

    fn set_text(&mut self, i: usize, field: TextField, text: String) {
        let name = match field {
            TextField::Title => "title",
            TextField::Summary => "summary",
            TextField::Body => "body",
            TextField::StatusNote => "status note",
            TextField::Actors => "actors",
            TextField::Tags => "tags",
        };
        self.change(i, name, true, |x| match field {
            TextField::Title => x.title = text,
            TextField::Summary => x.summary = text,
            TextField::Body => x.body = text,
            TextField::StatusNote => x.status_note = Some(text).filter(|t| !t.trim().is_empty()),
            TextField::Actors => x.actors = list(&text),
            TextField::Tags => x.tags = list(&text),
        });
    }

    fn set_list(&mut self, i: usize, field: ListField, ids: Vec<String>) {
        let name = match field {
            ListField::Places => "places",
            ListField::Related => "related initiatives",
            ListField::Sources => "sources",
        };
        self.change(i, name, false, |x| match field {
            ListField::Places => x.places = ids,
            ListField::Related => x.related = ids,
            ListField::Sources => {
                let note = |id: &str| x.sources.iter().find(|c| c.source == id).and_then(|c| c.note.clone());
                x.sources = ids.iter().map(|id| crate::model::Cite { source: id.clone(), note: note(id) }).collect();
            }
        });
    }

    fn set_date(&mut self, i: usize, field: DateField, text: &str) {
        let key = (i, field.name());
        let read = if text.trim().is_empty() {
            Ok(None)
        } else {
            crate::model::date_loose::parse_loose(text, crate::model::date::FiscalCalendar::Japan).map(Some)
        };
        match read {
            Ok(date) => {
                self.edit.drafts.remove(&key);
                self.change(i, field.name(), true, |x| *date_slot(x, field) = date);
            }
            Err(e) => {
                let why = e.hint.map_or_else(|| e.message.clone(), |hint| format!("{} ({hint})", e.message));
                self.edit.drafts.insert(key, (text.to_owned(), why));
            }
        }
    }

    /// Changes initiative `i` with `f`, as one undoable change named after `field`; with `merge`,
    /// a change of the same field of the same initiative right after this one joins it.
    fn change(&mut self, i: usize, field: &'static str, merge: bool, f: impl FnOnce(&mut Initiative)) {
        let Some(before) = self.dataset.initiatives.get(i).cloned() else { return };
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return;
        }
        let label = if field == "dates" {
            format!("move of the dates of “{}”", before.title)
        } else {
            format!("change of the {field} of “{}”", before.title)
        };
        self.record(
            Collection::Initiatives,
            i,
            label,
            (Item::Initiative(Box::new(before)), Item::Initiative(Box::new(after))),
            merge.then_some((i, field)),
        );
    }

    /// Adds `item` at `at` of `collection`, as one undoable change.
    pub(crate) fn add(&mut self, collection: Collection, at: usize, label: String, item: Item) {
        let change =
            Change { label, collection, index: at, before: None, after: Some((item.clone(), None)), merge: None };
        self.edit.undo.push(change);
        self.edit.redo.clear();
        self.put(collection, at, Some((item, None)), true);
    }

    /// Records a change of item `i` of `collection` from `before` to `after` for undo (joining the
    /// last one when `merge` names the same field of the same item) and makes it.
    pub(crate) fn record(
        &mut self,
        collection: Collection,
        i: usize,
        label: String,
        (before, after): (Item, Item),
        merge: Option<(usize, &'static str)>,
    ) {
        let origins = match collection {
            Collection::Locations => &self.edit.place_origins,
            Collection::Sources => &self.edit.source_origins,
            Collection::Eras => &self.edit.era_origins,
            Collection::Initiatives | Collection::Meta => &self.edit.origins,
        };
        let origin = origins.get(i).copied().flatten();
        match self.edit.undo.last_mut() {
            Some(last)
                if merge.is_some()
                    && last.merge == merge
                    && last.collection == collection
                    && self.edit.redo.is_empty() =>
            {
                last.after = Some((after.clone(), origin));
            }
            _ => self.edit.undo.push(Change {
                label,
                collection,
                index: i,
                before: Some((before, origin)),
                after: Some((after.clone(), origin)),
                merge,
            }),
        }
        self.edit.redo.clear();
        self.put(collection, i, Some((after, origin)), false);
    }

    fn delete_initiative(&mut self, i: usize, unlink: bool) {
        let Some(item) = self.dataset.initiatives.get(i).cloned() else { return };
        let linking: Vec<usize> = (0..self.dataset.initiatives.len())
            .filter(|&j| {
                let other = &self.dataset.initiatives[j];
                j != i && (other.related.contains(&item.id) || other.relations.iter().any(|r| r.to == item.id))
            })
            .collect();
        if !linking.is_empty() && !unlink {
            let names: Vec<String> = linking.iter().map(|&j| format!("“{}”", self.dataset.initiatives[j].id)).collect();
            self.edit.message = Some(format!(
                "“{}” is not deleted: {} link to it. Delete it with its links, or remove them first.",
                item.id,
                names.join(", ")
            ));
            return;
        }
        for j in linking {
            self.change(j, "related", false, |x| x.related.retain(|r| *r != item.id));
            self.change(j, "relations", false, |x| x.relations.retain(|r| r.to != item.id));
        }
        let origin = self.edit.origins.get(i).copied().flatten();
        let label = format!("deletion of “{}”", item.title);
        let collection = Collection::Initiatives;
        self.edit.undo.push(Change {
            label,
            collection,
            index: i,
            before: Some((Item::Initiative(Box::new(item)), origin)),
            after: None,
            merge: None,
        });
        self.edit.redo.clear();
        self.put(collection, i, None, true);
        self.selection = None;
        self.edit.message = None;
    }

    fn undo_redo(&mut self, undo: bool) {
        let from = if undo { &mut self.edit.undo } else { &mut self.edit.redo };
        let Some(change) = from.pop() else { return };
        let (now, then) = if undo { (&change.after, &change.before) } else { (&change.before, &change.after) };
        let resize = now.is_none() || then.is_none();
        self.put(change.collection, change.index, then.clone(), resize);
        let selected = match change.collection {
            Collection::Locations => Selection::Location(change.index),
            _ => Selection::Initiative(change.index),
        };
        if then.is_none() && self.selection == Some(selected) {
            self.selection = None;
        }
        let mut change = change;
        change.merge = None;
        if undo { self.edit.redo.push(change) } else { self.edit.undo.push(change) }
    }

    /// Puts `item` at `i` of `collection` (replacing, inserting when `resize` and the list has no such
    /// item yet, or removing when `None`), remembers the file's version of what it replaces, and
    /// updates what depends on the data.
    pub(crate) fn put(&mut self, collection: Collection, i: usize, item: Option<(Item, Option<usize>)>, resize: bool) {
        let edit = &mut self.edit;
        let ds = &mut self.dataset;
        match (collection, item) {
            (Collection::Locations, item) => {
                let item = item.and_then(|(x, o)| if let Item::Location(v) = x { Some((v, o)) } else { None });
                put_in(&mut ds.locations, &mut edit.place_origins, &mut edit.place_baseline, i, item, resize);
            }
            (Collection::Sources, item) => {
                let item = item.and_then(|(x, o)| if let Item::Source(v) = x { Some((v, o)) } else { None });
                put_in(&mut ds.sources, &mut edit.source_origins, &mut edit.source_baseline, i, item, resize);
            }
            (Collection::Eras, item) => {
                let item = item.and_then(|(x, o)| if let Item::Era(v) = x { Some((v, o)) } else { None });
                put_in(&mut ds.eras, &mut edit.era_origins, &mut edit.era_baseline, i, item, resize);
            }
            (Collection::Initiatives | Collection::Meta, item) => {
                let item = item.and_then(|(x, o)| if let Item::Initiative(v) = x { Some((*v, o)) } else { None });
                let replaced = (!resize && item.is_some()).then(|| ds.initiatives.get(i).cloned()).flatten();
                put_in(&mut ds.initiatives, &mut edit.origins, &mut edit.baseline, i, item, resize);
                match replaced {
                    Some(before) => self.initiative_changed(i, &before),
                    None => self.data_changed(),
                }
                return;
            }
        }
        self.data_changed();
    }

    /// The data changed: the index, the filters' selection, the lanes and the live checks follow.
    pub(crate) fn data_changed(&mut self) {
        self.index = Index::build(&self.dataset);
        self.generation += 1;
        self.refilter();
        self.edit.findings = crate::model::validate::validate(&self.dataset, &BrokenIds::default());
    }

    /// Another dataset was to replace one with unsaved edits: it is not, and the form says why.
    pub(crate) fn edits_in_the_way(&mut self, source: &DataSource) {
        self.edit.open = true;
        self.edit.message = Some(format!(
            "{} was not opened: the data on screen has unsaved changes. Save them or discard them, then open it again.",
            source.name()
        ));
    }

    /// A fresh editing state for data just read (every initiative at its place in the file).
    pub(crate) fn reset_edit(&mut self) {
        self.reset_edit_found(None);
    }

    /// [`State::reset_edit`] with the data's findings when they are known already (from the reader).
    pub(crate) fn reset_edit_found(&mut self, findings: Option<Vec<crate::model::finding::Finding>>) {
        let open = self.edit.open;
        self.edit = DataEdit {
            open,
            origins: (0..self.dataset.initiatives.len()).map(Some).collect(),
            place_origins: (0..self.dataset.locations.len()).map(Some).collect(),
            source_origins: (0..self.dataset.sources.len()).map(Some).collect(),
            era_origins: (0..self.dataset.eras.len()).map(Some).collect(),
            ..DataEdit::default()
        };
        self.edit.findings =
            findings.unwrap_or_else(|| crate::model::validate::validate(&self.dataset, &BrokenIds::default()));
    }

    /// The editor's data (undo, dirty, drafts, findings).
    pub fn data_edit(&self) -> &DataEdit {
        &self.edit
    }
}

fn toggle(lines: &mut Vec<LineOfEffort>, line: LineOfEffort) {
    if let Some(at) = lines.iter().position(|l| *l == line) {
        lines.remove(at);
    } else {
        lines.push(line);
    }
}

fn list(text: &str) -> Vec<String> {
    text.split([';', ',']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

fn date_slot(x: &mut Initiative, field: DateField) -> &mut Option<crate::model::FuzzyDate> {
    match field {
        DateField::Announced => &mut x.announced,
        DateField::Start => &mut x.start,
        DateField::Target => &mut x.target,
        DateField::Completed => &mut x.completed,
        DateField::End => &mut x.end,
    }
}

/// The first of `prefix1`, `prefix2`, … that no id in `ids` has (one of the first `len + 1` always is
/// free): the id of a new initiative, place, source or era.
pub(crate) fn fresh_id<'a>(prefix: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = ids.collect();
    (1..=taken.len() + 1).map(|k| format!("{prefix}{k}")).find(|id| !taken.contains(id.as_str())).unwrap_or_default()
}
