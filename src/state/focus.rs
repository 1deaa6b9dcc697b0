//! The "find and focus" part of the state: filters and the set they select (shared by every view),
//! the as-of player, eased restores of saved views, and saved views on disk.

use std::path::PathBuf;

use crate::model::cluster::{Place, place_tree};
use crate::model::compare::{ChangeKind, Comparison};
use crate::model::filter::Filter;
use crate::model::map_camera::{FlyTarget, ease_in_out};
use crate::model::view::TimeView;
use crate::model::view_state::{Panels, SavedView, SavedViews, SelectionRef, ViewState};
use crate::state::command::{DataSource, Effect, FocusCommand, Origin, Pane, ReadFor, Selection, WriteFor};
pub use crate::state::data::Focus;
use crate::state::data::State;
use crate::state::lanes::lanes;

/// How long the timeline takes to glide to a restored view, seconds.
const TIME_FLIGHT_SECONDS: f64 = 0.8;

impl State {
    /// Whether initiative `i` passes the filters.
    pub fn is_visible(&self, i: usize) -> bool {
        self.focus.visible.get(i).copied().unwrap_or(false)
    }

    /// Applies a command of the focus part.
    pub(crate) fn apply_focus(&mut self, command: FocusCommand) -> Vec<Effect> {
        match command {
            FocusCommand::SetFilter(filter) => self.set_filter(*filter),
            FocusCommand::ClearFilters => self.set_filter(Filter::default()),
            FocusCommand::PlayAsOf(speed) => {
                self.focus.playing = speed.filter(|s| s.is_finite() && *s > 0.0);
                if self.focus.playing.is_some() {
                    let start = self.index.full_span.map_or(0.0, |s| s.0);
                    self.focus.play_day = self.focus.filter.as_of.map_or(start, |d| d as f64);
                }
            }
            FocusCommand::RestoreView(view) => self.restore_view(&view),
            FocusCommand::SaveView(name) => {
                let view = self.current_view();
                let views = &mut self.focus.saved.views;
                match views.iter_mut().find(|v| v.name == name) {
                    Some(existing) => existing.view = view,
                    None => views.push(SavedView { name, view }),
                }
                return self.write_saved_views();
            }
            FocusCommand::RenameView(index, name) => {
                if let Some(view) = self.focus.saved.views.get_mut(index) {
                    view.name = name;
                    return self.write_saved_views();
                }
            }
            FocusCommand::DeleteView(index) => {
                if index < self.focus.saved.views.len() {
                    self.focus.saved.views.remove(index);
                    return self.write_saved_views();
                }
            }
        }
        Vec::new()
    }

    fn set_filter(&mut self, filter: Filter) {
        if filter.as_of.is_none() {
            self.focus.playing = None;
        }
        if filter != self.focus.filter {
            self.focus.filter = filter;
            self.refilter();
        }
    }

    /// Recomputes what the filters select, and everything derived from it.
    pub(crate) fn refilter(&mut self) {
        let f = &mut self.focus;
        f.visible = f.filter.apply(&self.dataset, &self.index);
        f.visible_items = f.visible.iter().enumerate().filter_map(|(i, v)| v.then_some(i)).collect();
        f.visible_count = f.visible_items.len();
        f.map_places = self
            .index
            .map_places
            .iter()
            .filter_map(|p| {
                let items = self.index.initiatives_at.get(p.location)?;
                let weight = items.iter().filter(|&&i| f.visible.get(i).copied().unwrap_or(false)).count();
                (weight > 0).then_some(Place { weight, ..*p })
            })
            .collect();
        f.place_tree = place_tree(&f.map_places);
        f.generation += 1;
        f.touched = None;
        self.recompare();
        self.rebuild_lanes();
    }

    /// Recomputes the comparison of two days, over what the other filters let through (so the counts
    /// of every kind show while some kinds are chosen).
    pub(crate) fn recompare(&mut self) {
        let f = &mut self.focus;
        f.comparison = f.filter.compare_days().map(|(from, to)| {
            if f.filter.changes.is_empty() {
                Comparison::new(&self.dataset, &f.visible, from, to)
            } else {
                let any_change = Filter { changes: std::collections::BTreeSet::new(), ..f.filter.clone() };
                Comparison::new(&self.dataset, &any_change.apply(&self.dataset, &self.index), from, to)
            }
        });
        f.place_changes = f.comparison.as_ref().map(|c| c.place_kinds(&self.index.initiatives_at)).unwrap_or_default();
    }

    /// The most notable change at place `location` (`None` when not comparing or nothing there).
    pub fn place_change(&self, location: usize) -> Option<ChangeKind> {
        self.focus.place_changes.get(location).copied().flatten()
    }

    /// Initiative `i`'s change between the compared days (`None` when not comparing or not shown).
    pub fn change_kind(&self, i: usize) -> Option<ChangeKind> {
        self.focus.comparison.as_ref().and_then(|c| c.kind(i))
    }

    pub(crate) fn rebuild_lanes(&mut self) {
        let mut all = lanes(&self.dataset, &self.index, self.settings.lane_grouping);
        for lane in &mut all {
            lane.retain(&self.index, |i| self.focus.visible.get(i).copied().unwrap_or(false));
        }
        all.retain(|lane| !lane.items.is_empty());
        self.lanes = all;
    }

    /// Advances the clock: the as-of player and the timeline's glide to a restored view.
    pub(crate) fn tick(&mut self, now: f64) {
        let dt = self.focus.last_tick.map_or(0.0, |last| (now - last).clamp(0.0, 0.5));
        self.focus.last_tick = Some(now);
        self.now = now;
        if let Some(speed) = self.focus.playing {
            let end = self.index.full_span.map_or(0.0, |s| s.1);
            self.focus.play_day = (self.focus.play_day + speed * dt).min(end);
            let day = self.focus.play_day.floor() as i64;
            if self.focus.filter.as_of != Some(day) {
                let filter = crate::model::filter::Filter { as_of: Some(day), ..self.focus.filter.clone() };
                self.set_filter(filter);
            }
            if self.focus.play_day >= end {
                self.focus.playing = None;
            }
        }
        // A map flight is settled by the map as it draws; when the map is hidden, settle it here.
        if let Some(flight) = self.map_flight
            && self.maximized == Some(Pane::Timeline)
        {
            let (view, _) = crate::model::map_camera::camera_at(&flight, [800.0, 500.0], now);
            self.map_view = view;
            self.map_flight = None;
        }
        if let Some((from, to, start)) = self.focus.time_flight {
            let t = ((now - start) / TIME_FLIGHT_SECONDS).clamp(0.0, 1.0);
            let e = ease_in_out(t);
            self.time_view =
                TimeView { start: from.start + (to.start - from.start) * e, end: from.end + (to.end - from.end) * e };
            if t >= 1.0 {
                self.focus.time_flight = None;
            }
        }
    }

    /// Drops the timeline's glide where it is (the user took over).
    pub(crate) fn stop_time_glide(&mut self) {
        self.focus.time_flight = None;
    }

    /// Ends the timeline's glide where it is going.
    pub(crate) fn stop_time_flight(&mut self) {
        if let Some((_, to, _)) = self.focus.time_flight.take() {
            self.time_view = to;
        }
    }

    /// Whether anything is moving (the shell keeps repainting while it is).
    pub fn is_animating(&self) -> bool {
        self.focus.playing.is_some() || self.focus.time_flight.is_some() || self.map_flight.is_some()
    }

    /// What is on screen now.
    pub fn current_view(&self) -> ViewState {
        let selection = self.selection.and_then(|s| match s {
            Selection::Initiative(i) => self.dataset.initiatives.get(i).map(|x| SelectionRef::Initiative(x.id.clone())),
            Selection::Location(l) => self.dataset.locations.get(l).map(|x| SelectionRef::Location(x.id.clone())),
        });
        ViewState {
            time: Some(self.time_view),
            map: Some(self.map_view),
            selection,
            filter: self.focus.filter.clone(),
            lanes: self.settings.lane_grouping,
            panels: match self.maximized {
                None => Panels::Both,
                Some(Pane::Map) => Panels::Map,
                Some(Pane::Timeline) => Panels::Timeline,
            },
        }
    }

    /// Goes to a view; the timeline and the map glide there.
    pub fn restore_view(&mut self, view: &ViewState) {
        self.set_filter(view.filter.clone());
        if self.settings.lane_grouping != view.lanes {
            self.settings.lane_grouping = view.lanes;
            self.rebuild_lanes();
        }
        self.maximized = match view.panels {
            Panels::Both => None,
            Panels::Map => Some(Pane::Map),
            Panels::Timeline => Some(Pane::Timeline),
        };
        let selection = view.selection.as_ref().and_then(|s| match s {
            SelectionRef::Initiative(id) => self.index.initiative_by_id.get(id).map(|&i| Selection::Initiative(i)),
            SelectionRef::Location(id) => self.index.location_by_id.get(id).map(|&l| Selection::Location(l)),
        });
        match selection {
            // Selected "from the map" so the camera goes to the saved view, not to the selection.
            Some(selection) => self.select(selection, Origin::Map),
            None => self.selection = None,
        }
        if let Some(time) = view.time {
            self.focus.time_flight = Some((self.time_view, time.clamped(), self.now));
        }
        if let Some(map) = view.map {
            self.fly_to(FlyTarget::View(map));
        }
    }

    /// Where the current dataset's saved views live: next to the file, or in the settings.
    pub fn saved_views_path(&self) -> Option<PathBuf> {
        match &self.source {
            DataSource::File(path) => {
                let stem = path.file_stem()?.to_string_lossy().into_owned();
                Some(path.with_file_name(format!("{stem}.views.ron")))
            }
            _ => None,
        }
    }

    /// Starts loading the saved views of a new dataset: from the settings for the embedded one, else
    /// a read of the file next to it.
    pub(crate) fn load_saved_views(&mut self) -> Vec<Effect> {
        self.focus.views_unreadable = false;
        match self.saved_views_path() {
            None => {
                self.focus.saved = self.settings.embedded_views.clone();
                Vec::new()
            }
            Some(path) => {
                self.focus.saved = SavedViews::default();
                vec![Effect::Read(ReadFor::SavedViews, path)]
            }
        }
    }

    /// The saved views file, read (or not there).
    pub(crate) fn saved_views_read(&mut self, path: &std::path::Path, text: Result<String, String>) {
        if self.saved_views_path().as_deref() != Some(path) {
            return; // another dataset was opened meanwhile
        }
        self.focus.saved = match text {
            Ok(text) => ron::from_str(&text).unwrap_or_else(|e| {
                self.focus.views_unreadable = true;
                self.focus.message =
                    Some(format!("{}: not a views file ({e}); starting an empty list", path.display()));
                SavedViews::default()
            }),
            Err(_) => SavedViews::default(),
        };
    }

    /// Writes the saved views: into the settings for the embedded dataset, else (an effect) next to the
    /// file, atomically.
    fn write_saved_views(&mut self) -> Vec<Effect> {
        if self.focus.views_unreadable {
            self.focus.message =
                Some("The views file could not be read, so it is not overwritten; fix or move it first".to_owned());
            return Vec::new();
        }
        let Some(path) = self.saved_views_path() else {
            self.settings.embedded_views = self.focus.saved.clone();
            self.focus.message = Some("Views saved with the app's settings".to_owned());
            return Vec::new();
        };
        match ron::ser::to_string_pretty(&self.focus.saved, ron::ser::PrettyConfig::default()) {
            Ok(text) => vec![Effect::Write { what: WriteFor::SavedViews, path, text, backup: false }],
            Err(e) => {
                self.focus.message = Some(format!("Could not save views to {}: {e}", path.display()));
                Vec::new()
            }
        }
    }

    /// The saved views file, written or not.
    pub(crate) fn saved_views_written(&mut self, path: &std::path::Path, result: Result<(), String>) {
        self.focus.message = Some(match result {
            Ok(()) => format!("Views saved to {}", path.display()),
            Err(e) => format!("Could not save views to {}: {e}", path.display()),
        });
    }
}
