//! Read access to the state for the views and the shell: a getter per field. Changes go through
//! [`State::apply`]; nothing outside `state/` can write a field.

use crate::formats::source_map::SourceMap;
use crate::model::index::Index;
use crate::model::map_camera::Flight;
use crate::model::view::{MapView, TimeView};
use crate::model::{Dataset, Day};
use crate::state::command::DateField;
use crate::state::command::{DataSource, LoadFailure, Origin, Pane, Selection, Settings};
use crate::state::data::State;
use crate::state::data::{DataEdit, DeckEdit, Focus, Presenting};
use crate::state::lanes::Lane;
use crate::state::locations::{LocationColumn, LocationRow, LocationSort, kind_label};

/// Read access for the views and the shell; changes go through [`State::apply`].
impl State {
    /// The loaded dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }
    /// Where it came from.
    pub fn source(&self) -> &DataSource {
        &self.source
    }
    /// Increases on every load; derived data is keyed on it.
    pub fn generation(&self) -> u64 {
        self.generation
    }
    /// Derived lookups.
    pub fn index(&self) -> &Index {
        &self.index
    }
    /// Where each item came from in its file.
    pub fn source_map(&self) -> &SourceMap {
        &self.source_map
    }
    /// Timeline lanes for the current grouping and filters.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }
    /// What is selected.
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }
    /// Which view made the selection.
    pub fn selection_origin(&self) -> Origin {
        self.selection_origin
    }
    /// The visible time window.
    pub fn time_view(&self) -> TimeView {
        self.time_view
    }
    /// The persisted settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    /// The location list's order.
    pub fn location_sort(&self) -> LocationSort {
        self.location_sort
    }
    /// The last file that failed to load.
    pub fn load_failure(&self) -> Option<&LoadFailure> {
        self.load_failure.as_ref()
    }
    /// Whether the keyboard help is open.
    pub fn show_help(&self) -> bool {
        self.show_help
    }
    /// Today, as a day number.
    pub fn today(&self) -> Day {
        self.today
    }
    /// The map camera (the end of any flight under way).
    pub fn map_view(&self) -> MapView {
        self.map_view
    }
    /// A camera move under way.
    pub fn map_flight(&self) -> Option<Flight> {
        self.map_flight
    }
    /// The maximised pane, if any.
    pub fn maximized(&self) -> Option<Pane> {
        self.maximized
    }
    /// The UI clock, seconds.
    pub fn now(&self) -> f64 {
        self.now
    }
    /// Filters and what they select, the as-of player, saved views.
    pub fn focus(&self) -> &Focus {
        &self.focus
    }
    /// The briefing deck shown with this dataset, if any.
    pub fn deck(&self) -> Option<&crate::briefing::Deck> {
        self.deck.as_ref()
    }
    /// Presenting: which step, blanked or not.
    pub fn presenting(&self) -> Option<&Presenting> {
        self.presenting.as_ref()
    }
    /// Authoring the deck.
    pub fn deck_edit(&self) -> &DeckEdit {
        &self.deck_edit
    }
    /// What the last Save as or Export wrote, or why not; or another message for the top bar.
    pub fn export_notice(&self) -> Option<&str> {
        self.export.notice()
    }
}

/// The rows of the list in display order.
pub fn location_rows(state: &State, sort: LocationSort) -> Vec<LocationRow> {
    let (ds, index) = (&state.dataset, &state.index);
    // Every place when nothing is filtered; else only places with initiatives that pass.
    let filtered = !state.focus.filter.is_empty();
    let mut rows: Vec<LocationRow> = (0..ds.locations.len())
        .filter_map(|location| {
            let all = index.initiatives_at.get(location).map_or(&[][..], Vec::as_slice);
            let items: Vec<usize> = all.iter().copied().filter(|&i| state.is_visible(i)).collect();
            if filtered && items.is_empty() {
                return None;
            }
            let initiatives = || items.iter().filter_map(|&i| ds.initiatives.get(i));
            Some(LocationRow {
                location,
                count: items.len(),
                first: initiatives().filter_map(crate::model::Initiative::first_date).min(),
                last: initiatives().filter_map(crate::model::Initiative::last_date).max(),
            })
        })
        .collect();
    let name = |r: &LocationRow| ds.locations.get(r.location).map(|l| l.name.to_lowercase()).unwrap_or_default();
    rows.sort_by(|a, b| {
        let (la, lb) = (ds.locations.get(a.location), ds.locations.get(b.location));
        let order = match sort.column {
            LocationColumn::Name => name(a).cmp(&name(b)),
            LocationColumn::Kind => la.map(|l| kind_label(l.kind)).cmp(&lb.map(|l| kind_label(l.kind))),
            LocationColumn::Country => la.map(|l| &l.country).cmp(&lb.map(|l| &l.country)),
            LocationColumn::Count => a.count.cmp(&b.count),
            LocationColumn::First => a.first.cmp(&b.first),
            LocationColumn::Last => a.last.cmp(&b.last),
        };
        let order = if sort.ascending { order } else { order.reverse() };
        order.then_with(|| name(a).cmp(&name(b)))
    });
    rows
}

impl DataEdit {
    /// Changes not yet saved.
    pub fn dirty(&self) -> bool {
        self.dirty
    }
    /// Whether the form is open.
    pub fn open(&self) -> bool {
        self.open
    }
    /// The name of what Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|c| c.label.as_str())
    }
    /// The name of what Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|c| c.label.as_str())
    }
    /// The last message (saved, or why not).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// A date as typed that does not read, and why.
    pub fn draft(&self, i: usize, field: DateField) -> Option<(&str, &str)> {
        self.drafts.get(&(i, field.name())).map(|(t, w)| (t.as_str(), w.as_str()))
    }
    /// What `check` says of initiative `i` now: (is error, field, message).
    pub fn findings_for(&self, i: usize) -> Vec<(bool, Option<&'static str>, &str)> {
        self.findings
            .iter()
            .filter(|f| f.locus.collection == crate::model::finding::Collection::Initiatives && f.locus.index == i)
            .map(|f| (f.severity == crate::model::finding::Severity::Error, f.locus.field, f.message.as_str()))
            .collect()
    }
    /// Whether Save found the file changed on disk (Save over it is offered).
    pub fn changed_on_disk(&self) -> bool {
        self.changed_on_disk
    }
    /// How many errors the dataset has now.
    pub fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == crate::model::finding::Severity::Error).count()
    }
}
