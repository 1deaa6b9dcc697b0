//! Unsaved edits kept outside the data, so that they outlive the page: in the browser a reload, a
//! closed tab or a crash would otherwise lose them, and Save there is a download the user may not
//! have made yet. What is kept is the undo list (the items before and after each change, never the
//! dataset), written as RON text with the name of the data it was made to. The app shell stores the
//! text (`platform::keep_draft`) and offers it back when that data is open again; replaying it
//! checks every change against the data, so edits are never laid over data they were not made to.

use serde::{Deserialize, Serialize};

use crate::state::data::{Change, State};

/// The kept edits, as written.
#[derive(Serialize, Deserialize)]
struct Journal {
    /// The name of the data the edits were made to (`DataSource::name`).
    source: String,
    /// The undo list, oldest first.
    changes: Vec<Change>,
}

impl State {
    /// The unsaved edits as text to keep, or `None` when there are none (what was kept can go).
    pub fn draft_text(&self) -> Option<String> {
        if !self.edit.dirty || self.edit.undo.is_empty() {
            return None;
        }
        let journal = Journal { source: self.source.name(), changes: self.edit.undo.clone() };
        ron::to_string(&journal).ok()
    }

    /// The name of the data a kept draft was made to, when it reads.
    #[must_use]
    pub fn draft_source(text: &str) -> Option<String> {
        ron::from_str::<Journal>(text).ok().map(|j| j.source)
    }

    /// Replays kept edits onto the data on screen (undoable one by one, as when they were made).
    /// Refused, with the data untouched, when they were made to other data or the data has edits of
    /// its own.
    pub(crate) fn restore_draft(&mut self, text: &str) {
        let journal = match ron::from_str::<Journal>(text) {
            Ok(journal) => journal,
            Err(e) => {
                self.edit.message =
                    Some(format!("The unsaved edits kept from the last visit could not be read ({e})."));
                return;
            }
        };
        if journal.source != self.source.name() || !self.edit.undo.is_empty() {
            self.edit.message = Some(format!(
                "The unsaved edits kept from the last visit were made to {}: they were not restored.",
                journal.source
            ));
            return;
        }
        let count = journal.changes.len();
        for (k, change) in journal.changes.into_iter().enumerate() {
            if !self.fits(&change) {
                while !self.edit.undo.is_empty() {
                    self.apply_edit(crate::state::command::EditCommand::Undo);
                }
                self.edit.redo.clear();
                self.edit.mark_clean();
                self.edit.message = Some(format!(
                    "The unsaved edits kept from the last visit do not fit this data (change {} of {count}, “{}”): \
                     it changed since. They were not restored.",
                    k + 1,
                    change.label
                ));
                return;
            }
            let resize = change.before.is_none() || change.after.is_none();
            self.put(change.collection, change.index, change.after.clone(), resize);
            self.edit.undo.push(change);
        }
        self.edit.open = true;
        self.edit.message = Some(format!(
            "Restored {count} unsaved change{} from the last visit: Save to keep them in a file, or Discard.",
            if count == 1 { "" } else { "s" }
        ));
    }

    /// Whether `change` starts from the data as it is: the item it replaced or deleted is there as it
    /// was, or an added item's place is within the list.
    fn fits(&self, change: &Change) -> bool {
        use crate::model::finding::Collection;
        use crate::state::data::Item;
        let ds = &self.dataset;
        let len = match change.collection {
            Collection::Locations => ds.locations.len(),
            Collection::Sources => ds.sources.len(),
            Collection::Eras => ds.eras.len(),
            Collection::Initiatives | Collection::Meta => ds.initiatives.len(),
        };
        let k = change.index;
        match &change.before {
            None => k <= len,
            Some((Item::Initiative(x), _)) => ds.initiatives.get(k) == Some(&**x),
            Some((Item::Location(x), _)) => ds.locations.get(k) == Some(x),
            Some((Item::Source(x), _)) => ds.sources.get(k) == Some(x),
            Some((Item::Era(x), _)) => ds.eras.get(k) == Some(x),
        }
    }
}
