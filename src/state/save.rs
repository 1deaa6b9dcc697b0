//! Saving the edited dataset into its own file, losing nothing the user wrote: Save reads the file
//! again (an effect); if it is still the file that was read, the edited items are patched into its
//! text field by field (`formats::export::patch`); the result is read back with our own reader and
//! written only when it gives the data on screen — atomically, the old file kept as `.bak`. A file
//! changed on disk since it was read is never overwritten silently: Save says so, and Save over it
//! writes the whole dataset in our style.

use std::path::{Path, PathBuf};

use crate::formats::export::patch::{Edit, patch};
use crate::formats::export::ron::ItemRef;
use crate::model::Initiative;
use crate::model::finding::Collection;
use crate::state::command::{DataSource, Effect, ReadFor, WriteFor};
use crate::state::data::{Change, State};

impl State {
    /// Whether Save can write into the data's own file (a RON file it was read from), rather than
    /// needing Save as.
    pub fn can_save_in_place(&self) -> bool {
        matches!(&self.source, DataSource::File(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
            && self.source_map.initiatives.len() == self.edit.origins.iter().flatten().count() + self.deleted_count()
    }

    fn deleted_count(&self) -> usize {
        self.edit.baseline.keys().filter(|o| !self.edit.origins.contains(&Some(**o))).count()
    }

    pub(crate) fn save(&mut self) -> Vec<Effect> {
        match &self.source {
            DataSource::File(path) if self.can_save_in_place() => vec![Effect::Read(ReadFor::SaveBase, path.clone())],
            _ => {
                self.edit.message = Some("This data has no RON file of its own: use File > Save as RON….".to_owned());
                Vec::new()
            }
        }
    }

    /// The file as it is now, read for saving into: patched, checked by reading it back, written.
    pub(crate) fn save_base_read(&mut self, path: &Path, text: Result<String, String>) -> Vec<Effect> {
        if self.source != DataSource::File(path.to_owned()) {
            return Vec::new();
        }
        let text = match text {
            Ok(text) => text,
            Err(e) => {
                self.edit.message = Some(format!("Not saved: {} cannot be read again ({e}).", path.display()));
                return Vec::new();
            }
        };
        // Still the file that was read: the same data at the same places (a comment added above an
        // item would move every span after it).
        let unchanged = crate::formats::ron::load::read_unchecked(&text)
            .is_some_and(|(data, map)| data == self.as_read() && map.initiatives == self.source_map.initiatives);
        if self.edit.changed_on_disk || !unchanged {
            self.edit.changed_on_disk = true;
            self.edit.message = Some(format!(
                "Not saved: {} changed on disk since it was opened. Save over it (the whole dataset is written, \
                 the other changes in the file are lost), or Save as RON… to keep both.",
                path.display()
            ));
            return Vec::new();
        }
        let edits: Vec<Edit<'_>> = self
            .edit
            .baseline
            .iter()
            .map(|(&at, before)| {
                let now = self.edit.origins.iter().position(|o| *o == Some(at));
                let after = now.and_then(|i| self.dataset.initiatives.get(i)).map(ItemRef::Initiative);
                Edit { collection: Collection::Initiatives, at, before: ItemRef::Initiative(before), after }
            })
            .collect();
        let added: Vec<(Collection, ItemRef<'_>)> = self
            .edit
            .origins
            .iter()
            .zip(&self.dataset.initiatives)
            .filter(|(o, _)| o.is_none())
            .map(|(_, x)| (Collection::Initiatives, ItemRef::Initiative(x)))
            .collect();
        let patched = patch(&text, &self.source_map, &edits, &added);
        let checked = patched.and_then(|new| {
            // Read back as written (the user may save data with errors), compared in the file's order:
            // added items are appended to their list.
            let mut want = self.dataset.clone();
            want.initiatives = in_file_order(&self.dataset.initiatives, &self.edit.origins);
            match crate::formats::ron::load::read_unchecked(&new) {
                Some((back, map)) if back == want => Ok((new, map)),
                _ => Err("the text would not read back to the data on screen (has the file changed on disk since it was opened?)".to_owned()),
            }
        });
        match checked {
            Ok((new, map)) => {
                self.edit.saving = Some((map, false));
                vec![Effect::Write { what: WriteFor::Dataset, path: path.to_owned(), text: new, backup: true }]
            }
            Err(why) => {
                self.edit.message =
                    Some(format!("Not saved: {why}. Nothing was written; File > Save as RON… writes a new file."));
                Vec::new()
            }
        }
    }

    /// The dataset file, written or not.
    pub(crate) fn dataset_written(&mut self, path: &Path, result: Result<(), String>) {
        match result {
            Ok(()) => {
                let whole = match self.edit.saving.take() {
                    Some((map, whole)) => {
                        self.source_map = map;
                        whole
                    }
                    None => false,
                };
                if !whole {
                    self.dataset.initiatives = in_file_order(&self.dataset.initiatives, &self.edit.origins);
                }
                let (undo, redo, open) =
                    (std::mem::take(&mut self.edit.undo), std::mem::take(&mut self.edit.redo), self.edit.open);
                self.reset_edit();
                // Undo reaches back past the save; what it re-adds is new to the file now.
                let forget = |mut c: Change| {
                    c.before = c.before.map(|(x, _)| (x, None));
                    c.after = c.after.map(|(x, _)| (x, None));
                    c
                };
                self.edit.undo = undo.into_iter().map(forget).collect();
                self.edit.redo = redo.into_iter().map(forget).collect();
                self.edit.open = open;
                self.data_changed();
                self.edit.message = Some(format!("Saved {}", path.display()));
            }
            Err(e) => {
                self.edit.saving = None;
                self.edit.message = Some(format!("Could not save {}: {e}. The file is as it was.", path.display()));
            }
        }
    }

    /// The dataset as it was read from the file: the file's version of every changed or deleted
    /// initiative, without the added ones, in the file's order.
    fn as_read(&self) -> crate::model::Dataset {
        let mut now: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for (i, origin) in self.edit.origins.iter().enumerate() {
            if let Some(o) = origin {
                now.insert(*o, i);
            }
        }
        let initiatives = (0..self.source_map.initiatives.len())
            .filter_map(|o| {
                self.edit.baseline.get(&o).or_else(|| now.get(&o).and_then(|&i| self.dataset.initiatives.get(i)))
            })
            .cloned()
            .collect();
        crate::model::Dataset { initiatives, ..self.dataset.clone() }
    }

    /// Writes the whole dataset over a file that changed on disk (in our style: its comments go).
    pub(crate) fn save_over(&mut self) -> Vec<Effect> {
        let DataSource::File(path) = &self.source else { return Vec::new() };
        let text = crate::formats::export::ron::to_ron(&self.dataset, None);
        match crate::formats::ron::load::read_unchecked(&text) {
            Some((back, map)) if back == self.dataset => {
                self.edit.saving = Some((map, true));
                vec![Effect::Write { what: WriteFor::Dataset, path: path.clone(), text, backup: true }]
            }
            _ => {
                self.edit.message =
                    Some("Not saved: the data does not write out as RON that reads back equal.".to_owned());
                Vec::new()
            }
        }
    }

    /// The path Save writes to, when it can save in place.
    pub fn save_path(&self) -> Option<PathBuf> {
        match &self.source {
            DataSource::File(p) if self.can_save_in_place() => Some(p.clone()),
            _ => None,
        }
    }
}

/// The initiatives in the order the saved file will have them: those read from the file in place,
/// the added ones after them in the order they were added.
fn in_file_order(items: &[Initiative], origins: &[Option<usize>]) -> Vec<Initiative> {
    let mut out: Vec<Initiative> =
        items.iter().zip(origins).filter(|(_, o)| o.is_some()).map(|(x, _)| x.clone()).collect();
    out.extend(items.iter().zip(origins).filter(|(_, o)| o.is_none()).map(|(x, _)| x.clone()));
    out
}
