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
    /// How a one-file briefing page asked to be shown (all off for the app itself).
    pub fn page(&self) -> &crate::formats::page::PageOptions {
        &self.page
    }
    /// The caveat line to print on every screen, slide and handout page, if any.
    pub fn banner(&self) -> Option<&str> {
        Some(self.page.banner.trim()).filter(|b| !b.is_empty())
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
    /// The briefing page's options while its window is open.
    pub fn page_dialog(&self) -> Option<&crate::formats::page::PageOptions> {
        self.export.page_dialog()
    }
    /// The timeline poster's choices while its window is open.
    pub fn poster_dialog(&self) -> Option<&crate::model::print::PosterChoice> {
        self.export.poster_dialog()
    }
    /// What the last Save as or Export wrote, or why not; or another message for the top bar.
    pub fn export_notice(&self) -> Option<&str> {
        self.export.notice()
    }
}

/// The rows of the list in display order.
pub fn location_rows(state: &State, sort: LocationSort) -> Vec<LocationRow> {
    // Every place when nothing is filtered; else only places with initiatives that pass.
    let mut rows: Vec<LocationRow> = (0..state.dataset.locations.len()).filter_map(|l| row_of(state, l)).collect();
    // The list is in location order, so a stable sort equals the order `compare_rows` makes total.
    rows.sort_by(|a, b| compare_rows(state, sort, a, b));
    rows
}

/// Keeps the list's rows in step with the focus generation and the sort in `key` (what they were
/// made for): made again in full only when more than one initiative changed.
pub fn refresh_location_rows(state: &State, rows: &mut Vec<LocationRow>, key: &mut (u64, LocationSort)) {
    let now = (state.focus.generation, state.location_sort());
    if now != *key {
        if now.1 != key.1 || !update_location_rows(state, now.1, rows, key.0) {
            *rows = location_rows(state, now.1);
        }
        *key = now;
    }
}

/// Brings `rows` (made by [`location_rows`] at focus generation `since`, in order `sort`) up to date:
/// when only one initiative changed since, only the rows of its places are made again and put back
/// where they sort. Returns false when more changed (the caller makes them all again).
pub fn update_location_rows(state: &State, sort: LocationSort, rows: &mut Vec<LocationRow>, since: u64) -> bool {
    let Some((from, places)) = &state.focus.touched else { return false };
    if *from != since || state.focus.generation != since + 1 {
        return false;
    }
    for &location in places {
        rows.retain(|r| r.location != location);
        if let Some(row) = row_of(state, location) {
            let at = rows.partition_point(|r| compare_rows(state, sort, r, &row).is_lt());
            rows.insert(at, row);
        }
    }
    true
}

/// The row of place `location`, or `None` when a filter is on and none of its initiatives pass.
fn row_of(state: &State, location: usize) -> Option<LocationRow> {
    let (ds, index) = (&state.dataset, &state.index);
    let all = index.initiatives_at.get(location).map_or(&[][..], Vec::as_slice);
    let (mut count, mut first, mut last) = (0, None, None);
    for x in all.iter().filter(|&&i| state.is_visible(i)).filter_map(|&i| ds.initiatives.get(i)) {
        count += 1;
        if let Some(d) = x.first_date() {
            first = Some(first.map_or(d, |f: crate::model::FuzzyDate| f.min(d)));
        }
        // `None` sorts first, so the max of the dated ones.
        last = last.max(x.last_date());
    }
    if count == 0 && !state.focus.filter.is_empty() {
        return None;
    }
    Some(LocationRow { location, count, first, last })
}

/// The list's order: by the column, then by name, then by position in the dataset.
fn compare_rows(state: &State, sort: LocationSort, a: &LocationRow, b: &LocationRow) -> std::cmp::Ordering {
    let ds = &state.dataset;
    let name = |r: &LocationRow| ds.locations.get(r.location).map(|l| l.name.to_lowercase()).unwrap_or_default();
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
    order.then_with(|| name(a).cmp(&name(b))).then(a.location.cmp(&b.location))
}

impl DataEdit {
    /// The data as it is now is the clean one (read, saved or downloaded).
    pub(super) fn mark_clean(&mut self) {
        self.clean =
            crate::state::data::CleanMark { depth: self.undo.len(), top: self.undo.last().cloned(), lost: false };
        self.dirty = false;
    }

    /// Whether the data differs from the clean one: it does unless the undo stack is as deep as then
    /// with the same change on top (what is below the top never changes). Once the clean state has
    /// left both stacks (undone past, then a new change), only a save makes the data clean again.
    pub(super) fn refresh_dirty(&mut self) {
        let same = |a: &super::data::Change, b: &super::data::Change| {
            (&a.label, a.collection, a.index, &a.before, &a.after)
                == (&b.label, b.collection, b.index, &b.before, &b.after)
        };
        if self.clean.depth > self.undo.len() + self.redo.len() {
            self.clean.lost = true;
        }
        let at_clean = self.undo.len() == self.clean.depth
            && match (self.undo.last(), &self.clean.top) {
                (None, None) => true,
                (Some(a), Some(b)) => same(a, b),
                _ => false,
            };
        self.dirty = self.clean.lost || !at_clean;
    }

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
