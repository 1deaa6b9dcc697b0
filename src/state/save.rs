//! Saving the edited dataset into its own file, losing nothing the user wrote: Save reads the file
//! again (an effect); if it is still the file that was read, the edited items are patched into its
//! text field by field (`formats::export::patch`); the result is read back with our own reader and
//! written only when it gives the data on screen — atomically, the old file kept as `.bak`. A file
//! changed on disk since it was read is never overwritten silently: Save says so, and Save over it
//! writes the whole dataset in our style.

use std::path::{Path, PathBuf};

use crate::formats::export::patch::{Edit, patch};
use crate::formats::export::ron::ItemRef;
use crate::model::finding::Collection;
use crate::state::command::{DataSource, Effect, ReadFor, WriteFor};
use crate::state::data::{Change, State};

impl State {
    /// Whether Save can write into the data's own file (a RON file it was read from), rather than
    /// needing Save as.
    pub fn can_save_in_place(&self) -> bool {
        let whole = |spans: usize, origins: &[Option<usize>], changed: &mut dyn Iterator<Item = &usize>| {
            spans == origins.iter().flatten().count() + changed.filter(|o| !origins.contains(&Some(**o))).count()
        };
        matches!(&self.source, DataSource::File(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
            && whole(self.source_map.initiatives.len(), &self.edit.origins, &mut self.edit.baseline.keys())
            && whole(self.source_map.locations.len(), &self.edit.place_origins, &mut self.edit.place_baseline.keys())
            && whole(self.source_map.sources.len(), &self.edit.source_origins, &mut self.edit.source_baseline.keys())
            && whole(self.source_map.eras.len(), &self.edit.era_origins, &mut self.edit.era_baseline.keys())
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
        let unchanged = crate::formats::ron::load::read_unchecked(&text).is_some_and(|(data, map)| {
            data == self.as_read()
                && map.initiatives == self.source_map.initiatives
                && map.locations == self.source_map.locations
        });
        if self.edit.changed_on_disk || !unchanged {
            self.edit.changed_on_disk = true;
            self.edit.message = Some(format!(
                "Not saved: {} changed on disk since it was opened. Save over it (the whole dataset is written, \
                 the other changes in the file are lost), or Save as RON… to keep both.",
                path.display()
            ));
            return Vec::new();
        }
        let mut edits: Vec<Edit<'_>> = edits_of(
            Collection::Initiatives,
            &self.edit.baseline,
            &self.edit.origins,
            &self.dataset.initiatives,
            ItemRef::Initiative,
        );
        edits.extend(edits_of(
            Collection::Locations,
            &self.edit.place_baseline,
            &self.edit.place_origins,
            &self.dataset.locations,
            ItemRef::Location,
        ));
        let mut added =
            added_of(Collection::Initiatives, &self.edit.origins, &self.dataset.initiatives, ItemRef::Initiative);
        added.extend(added_of(
            Collection::Locations,
            &self.edit.place_origins,
            &self.dataset.locations,
            ItemRef::Location,
        ));
        let (e, ds) = (&self.edit, &self.dataset);
        edits.extend(edits_of(
            Collection::Sources,
            &e.source_baseline,
            &e.source_origins,
            &ds.sources,
            ItemRef::Source,
        ));
        edits.extend(edits_of(Collection::Eras, &e.era_baseline, &e.era_origins, &ds.eras, ItemRef::Era));
        added.extend(added_of(Collection::Sources, &e.source_origins, &ds.sources, ItemRef::Source));
        added.extend(added_of(Collection::Eras, &e.era_origins, &ds.eras, ItemRef::Era));
        let patched = patch(&text, &self.source_map, &edits, &added);
        let checked = patched.and_then(|new| {
            // Read back as written (the user may save data with errors), compared in the file's order:
            // added items are appended to their list.
            let mut want = self.dataset.clone();
            want.initiatives = in_file_order(&self.dataset.initiatives, &self.edit.origins);
            want.locations = in_file_order(&self.dataset.locations, &self.edit.place_origins);
            want.sources = in_file_order(&self.dataset.sources, &self.edit.source_origins);
            want.eras = in_file_order(&self.dataset.eras, &self.edit.era_origins);
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
                    self.dataset.locations = in_file_order(&self.dataset.locations, &self.edit.place_origins);
                    self.dataset.sources = in_file_order(&self.dataset.sources, &self.edit.source_origins);
                    self.dataset.eras = in_file_order(&self.dataset.eras, &self.edit.era_origins);
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
                // Clean as saved: undoing from here makes it unsaved again, redoing back clean.
                self.edit.mark_clean();
                self.data_changed();
                self.edit.message = Some(match self.edit.error_count() {
                    0 => format!("Saved {}", path.display()),
                    n => format!(
                        "Saved {}, with {n} error{} (listed in the form)",
                        path.display(),
                        if n == 1 { "" } else { "s" }
                    ),
                });
            }
            Err(e) => {
                self.edit.saving = None;
                self.edit.message = Some(format!("Could not save {}: {e}", path.display()));
            }
        }
    }

    /// The dataset as it was read from the file: the file's version of every changed or deleted
    /// initiative, without the added ones, in the file's order.
    fn as_read(&self) -> crate::model::Dataset {
        let (e, ds, map) = (&self.edit, &self.dataset, &self.source_map);
        crate::model::Dataset {
            meta: ds.meta.clone(),
            sources: as_read_list(map.sources.len(), &e.source_baseline, &e.source_origins, &ds.sources),
            locations: as_read_list(map.locations.len(), &e.place_baseline, &e.place_origins, &ds.locations),
            initiatives: as_read_list(map.initiatives.len(), &e.baseline, &e.origins, &ds.initiatives),
            eras: as_read_list(map.eras.len(), &e.era_baseline, &e.era_origins, &ds.eras),
        }
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
fn in_file_order<T: Clone>(items: &[T], origins: &[Option<usize>]) -> Vec<T> {
    let mut out: Vec<T> = items.iter().zip(origins).filter(|(_, o)| o.is_some()).map(|(x, _)| x.clone()).collect();
    out.extend(items.iter().zip(origins).filter(|(_, o)| o.is_none()).map(|(x, _)| x.clone()));
    out
}

/// The edits of one list for the patch: each item of the file changed or deleted since, as the file
/// had it and as it is now.
fn edits_of<'a, T>(
    collection: Collection,
    baseline: &'a std::collections::HashMap<usize, T>,
    origins: &[Option<usize>],
    items: &'a [T],
    item_ref: fn(&'a T) -> ItemRef<'a>,
) -> Vec<Edit<'a>> {
    baseline
        .iter()
        .map(|(&at, before)| {
            let now = origins.iter().position(|o| *o == Some(at));
            let after = now.and_then(|i| items.get(i)).map(item_ref);
            Edit { collection, at, before: item_ref(before), after }
        })
        .collect()
}

/// The items of one list added since the file was read.
fn added_of<'a, T>(
    collection: Collection,
    origins: &[Option<usize>],
    items: &'a [T],
    item_ref: fn(&'a T) -> ItemRef<'a>,
) -> Vec<(Collection, ItemRef<'a>)> {
    origins.iter().zip(items).filter(|(o, _)| o.is_none()).map(|(_, x)| (collection, item_ref(x))).collect()
}

/// One list as the file has it: its version of the changed or deleted items, the others as they
/// are, without the added ones.
fn as_read_list<T: Clone>(
    spans: usize,
    baseline: &std::collections::HashMap<usize, T>,
    origins: &[Option<usize>],
    items: &[T],
) -> Vec<T> {
    let now: std::collections::HashMap<usize, usize> =
        origins.iter().enumerate().filter_map(|(i, o)| o.map(|o| (o, i))).collect();
    (0..spans).filter_map(|o| baseline.get(&o).or_else(|| now.get(&o).and_then(|&i| items.get(i)))).cloned().collect()
}
