//! Installing data that was read: a load's outcome replaces the dataset (keeping the selection by
//! id, taking what the file says of its presentation — lanes, a story as deck — and asking for the
//! files that go with it), shows its problems, opens the import window for unknown columns, or is
//! refused while there are unsaved edits.

use crate::formats::Loaded;
use crate::model::Dataset;
use crate::model::index::Index;
use crate::state::command::{DataSource, Effect, LoadFailure, Selection, SharedIndex};
use crate::state::data::State;

impl State {
    /// Takes a load result: installs the data when it has no errors, else keeps the current data and
    /// shows the problems.
    pub fn take_loaded(&mut self, loaded: Loaded, source: DataSource) -> Vec<Effect> {
        self.take_loaded_indexed(loaded, source, None)
    }

    /// [`Self::take_loaded`] with the dataset's index already built (on the loading thread). The shared
    /// index is used when this is its only holder (it always is); otherwise it is built again.
    pub fn take_loaded_indexed(
        &mut self,
        loaded: Loaded,
        source: DataSource,
        index: Option<SharedIndex>,
    ) -> Vec<Effect> {
        if self.edit.dirty && loaded.dataset.is_some() {
            // Unsaved edits are never dropped by opening or reloading: the user is asked first.
            let loaded = Box::new(loaded);
            self.held_open = Some(crate::state::command::HeldOpen { loaded, source, index, after_save: false });
            return Vec::new();
        }
        let index = index.and_then(|shared| std::sync::Arc::try_unwrap(shared.0).ok());
        let Some(dataset) = loaded.dataset else {
            if let Some(request) = loaded.presentation.columns {
                return self.columns_to_map(request, source);
            }
            self.load_failure = Some(LoadFailure { file: source.name(), problems: loaded.problems });
            return Vec::new();
        };
        self.import_done(&source);
        self.source_map = loaded.source_map;
        self.load_failure = None;
        if let DataSource::File(path) = &source {
            self.remember_recent(path);
        }
        let same_source = self.source == source;
        let effects = self.install_checked(dataset, source, index, loaded.findings);
        if !same_source {
            // The file's own tool's lanes (a `TimelineJS` file: its groups).
            if let Some(lanes) = loaded.presentation.lanes.filter(|l| *l != self.settings.lane_grouping) {
                self.settings.lane_grouping = lanes;
                self.rebuild_lanes();
            }
            self.fit_time();
            self.fit_map(true);
        }
        if let Some(story) = &loaded.presentation.story {
            self.take_story(story);
        }
        effects
    }

    /// Puts a file at the top of the recent files and makes it the one reopened at start.
    pub(crate) fn remember_recent(&mut self, path: &std::path::Path) {
        self.settings.last_file = Some(path.to_owned());
        self.settings.recent.retain(|p| p != path);
        self.settings.recent.insert(0, path.to_owned());
        self.settings.recent.truncate(8);
    }

    /// Replaces the dataset, remapping the selection by id and dropping the history.
    /// Returns the reads of the files that go with it (saved views, deck).
    pub(crate) fn install(&mut self, dataset: Dataset, source: DataSource, index: Option<Index>) -> Vec<Effect> {
        self.install_checked(dataset, source, index, None)
    }

    /// [`State::install`] with the dataset's validation findings when the reader has them already.
    pub(crate) fn install_checked(
        &mut self,
        dataset: Dataset,
        source: DataSource,
        index: Option<Index>,
        findings: Option<Vec<crate::model::finding::Finding>>,
    ) -> Vec<Effect> {
        let selected_id = self.selection.and_then(|s| match s {
            Selection::Initiative(i) => self.dataset.initiatives.get(i).map(|x| (true, x.id.clone())),
            Selection::Location(i) => self.dataset.locations.get(i).map(|x| (false, x.id.clone())),
        });
        self.index = index.unwrap_or_else(|| Index::build(&dataset));
        self.dataset = dataset;
        self.source = source;
        self.generation += 1;
        let mut effects = self.load_saved_views();
        self.refilter();
        self.reset_edit_found(findings);
        effects.extend(self.load_deck_for_source());
        self.back.clear();
        self.forward.clear();
        self.selection = selected_id.and_then(|(initiative, id)| {
            if initiative {
                self.index.initiative_by_id.get(&id).map(|&i| Selection::Initiative(i))
            } else {
                self.index.location_by_id.get(&id).map(|&i| Selection::Location(i))
            }
        });
        effects
    }

    /// A new, empty dataset, as of today, with the form open to add its first initiative.
    pub(crate) fn new_dataset(&mut self) -> Vec<Effect> {
        let source = DataSource::Named("untitled.ron".to_owned());
        if self.edit.dirty {
            self.edits_in_the_way(&source);
            return Vec::new();
        }
        let (y, m, d) = self.today.ymd();
        let as_of = crate::model::FuzzyDate::exact(crate::model::Period::Day(
            i32::try_from(y).unwrap_or(2026),
            u8::try_from(m).unwrap_or(1),
            u8::try_from(d).unwrap_or(1),
        ));
        let meta = crate::model::Meta {
            title: "Untitled dataset".to_owned(),
            description: String::new(),
            as_of,
            authors: Vec::new(),
        };
        let dataset = Dataset { meta, ..Dataset::default() };
        self.source_map = crate::formats::source_map::SourceMap::default();
        self.load_failure = None;
        let effects = self.install(dataset, source, None);
        self.edit.open = true;
        effects
    }

    /// The name of the dataset waiting to be opened until the unsaved changes are saved or dropped.
    pub fn held_open(&self) -> Option<&DataSource> {
        self.held_open.as_ref().map(|h| &h.source)
    }

    /// The user's answer about the held dataset.
    pub(crate) fn held_choice(&mut self, choice: crate::state::command::HeldChoice) -> Vec<Effect> {
        use crate::state::command::HeldChoice;
        match choice {
            HeldChoice::Cancel => {
                if let Some(held) = self.held_open.take() {
                    self.edits_in_the_way(&held.source);
                }
                Vec::new()
            }
            HeldChoice::Discard => {
                let _ = self.apply_edit(crate::state::command::EditCommand::Discard);
                self.open_held()
            }
            HeldChoice::SaveFirst => {
                if let Some(held) = &mut self.held_open {
                    held.after_save = true;
                }
                // Without a RON file of its own the shell asks where (Save as), and the write comes back
                // here as well.
                if self.can_save_in_place() {
                    self.apply_edit(crate::state::command::EditCommand::Save)
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// After a write: the held dataset opens if Save was chosen and the data is now saved; if the save
    /// did not happen, the question is asked again (with the reason in the form).
    pub(crate) fn open_held_after_save(&mut self) -> Vec<Effect> {
        match &mut self.held_open {
            // Read a file again: it was read before the save, which may have been into that very file.
            Some(held) if held.after_save && !self.edit.dirty && matches!(held.source, DataSource::File(_)) => {
                self.held_open.take().map(|h| vec![Effect::OpenDataset(h.source)]).unwrap_or_default()
            }
            Some(held) if held.after_save && !self.edit.dirty => self.open_held(),
            Some(held) => {
                held.after_save = false;
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn open_held(&mut self) -> Vec<Effect> {
        match self.held_open.take() {
            Some(held) if !self.edit.dirty => self.take_loaded_indexed(*held.loaded, held.source, held.index),
            Some(held) => {
                self.held_open = Some(held);
                Vec::new()
            }
            None => Vec::new(),
        }
    }
}
