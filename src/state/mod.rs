//! The app's one `State`, made of parts that own their changes: the selection and its history, the
//! time window and map camera (here), the filters and saved views (`focus`), presenting (`present`)
//! and the deck editor (`deck`). Each part has its own command enum and an exhaustive `apply`;
//! [`State::apply`] only routes. Fields are private to `state/`: views read them through getters and
//! return commands.
//!
//! Applying a command never touches the disk, the network, a dialog or a thread: it returns the
//! [`Effect`]s to run, and the app shell runs them and hands their outcome back as commands.
//!
//! Floor 4: imports `model`, `formats` and `briefing`; never `views`, `theme` or `app`.

pub mod change;
pub mod command;
pub mod data;
pub mod deck;
pub mod deck_command;
pub mod draft;
pub mod edit;
pub mod edit_add;
pub mod edit_command;
pub mod edit_follow;
#[cfg(test)]
mod edit_follow_tests;
pub mod edit_places;
pub mod edit_sources;
pub mod export;
pub mod focus;
pub mod import;
pub mod lanes;
pub mod load;
pub mod locations;
pub mod page;
pub mod present;
pub mod read;
pub mod save;

use crate::formats::source_map::SourceMap;
use crate::model::index::Index;
use crate::model::map_camera::{Flight, FlyTarget, bounds_of};
use crate::model::view::{MapView, TimeView};
use crate::model::{DEFAULT_DATASET, Dataset, Day};
use crate::state::data::Focus;
use crate::state::locations::LocationSort;

pub use crate::state::command::{
    Blank, Command, DataSource, DeckCommand, Effect, FocusCommand, LoadFailure, Origin, Pane, PresentCommand, ReadFor,
    Selection, Settings, SharedIndex, StepField, WriteFor,
};
pub use crate::state::data::State;

impl State {
    /// State on the embedded dataset.
    pub fn new(settings: Settings, today: Day) -> Self {
        let dataset = crate::formats::load_str(DEFAULT_DATASET).dataset.unwrap_or_default();
        Self::with_dataset(dataset, settings, today)
    }

    /// State on a dataset that is already loaded and valid (benchmarks, generated data).
    pub fn with_dataset(dataset: Dataset, settings: Settings, today: Day) -> Self {
        let mut state = Self {
            dataset: Dataset::default(),
            source: DataSource::Embedded,
            generation: 0,
            index: Index::default(),
            lanes: Vec::new(),
            selection: None,
            selection_origin: Origin::Other,
            back: Vec::new(),
            forward: Vec::new(),
            time_view: settings.time_view.unwrap_or_default(),
            settings,
            location_sort: LocationSort::default(),
            load_failure: None,
            show_help: false,
            today,
            map_view: MapView::default(),
            map_flight: None,
            maximized: None,
            now: 0.0,
            focus: Focus::default(),
            deck: None,
            presenting: None,
            deck_edit: crate::state::data::DeckEdit::default(),
            source_map: SourceMap::default(),
            cuts_only: false,
            page: crate::formats::page::PageOptions::default(),
            export: crate::state::data::Export::default(),
            import: None,
            edit: crate::state::data::DataEdit::default(),
            held_open: None,
        };
        // The embedded dataset's views live in the settings and its deck in the binary: no effects.
        let _ = state.install(dataset, DataSource::Embedded, None);
        match state.settings.map_view {
            Some(view) => state.map_view = view.clamped(),
            None => state.fit_map(true),
        }
        if state.settings.time_view.is_none() {
            state.fit_time();
        }
        state
    }

    /// Applies one command: routes it to the part that owns it. Returns what the shell must do next
    /// (read or write a file, open a dataset); the outcome comes back as another command.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        if self.page.read_only && crate::state::page::refused_when_read_only(&command) {
            self.export.notice = Some(crate::state::page::READ_ONLY_NOTICE.to_owned());
            return Vec::new();
        }
        match command {
            Command::SetPage(options) => self.page = *options,
            Command::Focus(command) => return self.apply_focus(command),
            Command::Presenting(command) => return self.apply_present(command),
            Command::Deck(command) => return self.apply_deck(command),
            Command::Export(command) => return self.apply_export(command),
            Command::Import(command) => return self.apply_import(command),
            Command::Edit(command) => return self.apply_edit(command),
            Command::NewDataset => return self.new_dataset(),
            Command::OpenFile(path) => return vec![Effect::OpenDataset(DataSource::File(path))],
            Command::OpenBytes(name, bytes) => return vec![Effect::OpenBytes(name, bytes)],
            Command::Reload => return self.reload(),
            Command::Loaded(loaded, source, index) => return self.take_loaded_indexed(*loaded, source, index),
            Command::OpenDeckBytes(name, bytes) => self.open_deck_bytes(name, &bytes),
            Command::Read(what, path, text) => return self.file_read(what, &path, text),
            Command::Written(what, path, result) => {
                let data = matches!(
                    what,
                    WriteFor::Dataset
                        | WriteFor::Export { format: crate::formats::export::render::ExportFormat::Ron, whole: true }
                );
                self.file_written(what, &path, result);
                if data {
                    return self.open_held_after_save();
                }
            }
            Command::ViewMessage(message) => self.focus.message = Some(message),
            Command::Notify(message) => self.export.notice = Some(message),
            Command::FetchFailed(file, message) => self.fetch_failed(file, message),
            command => self.apply_view(command),
        }
        Vec::new()
    }

    /// The commands of the selection, the time window, the map camera and the chrome (no effects).
    #[expect(clippy::needless_pass_by_value, reason = "takes the command as `apply` routes it")]
    fn apply_view(&mut self, command: Command) {
        match command {
            Command::Select(selection, origin) => self.select(selection, origin),
            Command::ClearSelection => self.selection = None,
            Command::Back => self.step_history(true),
            Command::Forward => self.step_history(false),
            Command::SetTimeView(view) => {
                self.time_view = view.clamped();
                self.stop_time_glide();
            }
            Command::FitTime => self.fit_time(),
            Command::SetLaneGrouping(grouping) => {
                self.settings.lane_grouping = grouping;
                self.rebuild_lanes();
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SortLocations(column) => self.location_sort = self.location_sort.toggled(column),
            Command::DismissProblems => self.load_failure = None,
            Command::ToggleHelp => self.show_help = !self.show_help,
            Command::SetMapView(view) => {
                self.map_view = view.clamped();
                self.map_flight = None;
            }
            Command::FlyTo(target) => self.fly_to(target),
            Command::FitMap => self.fit_map(false),
            Command::ToggleGraticule => self.settings.graticule = !self.settings.graticule,
            Command::ToggleMaximize(pane) => {
                self.maximized = if self.maximized == Some(pane) { None } else { Some(pane) };
            }
            Command::Tick(now) => self.tick(now),
            // Routed in `apply`.
            Command::Focus(_)
            | Command::Presenting(_)
            | Command::Deck(_)
            | Command::Export(_)
            | Command::Import(_)
            | Command::Edit(_)
            | Command::NewDataset
            | Command::OpenFile(_)
            | Command::OpenBytes(..)
            | Command::Reload
            | Command::Loaded(..)
            | Command::OpenDeckBytes(..)
            | Command::Read(..)
            | Command::Written(..)
            | Command::ViewMessage(_)
            | Command::Notify(_)
            | Command::SetPage(_)
            | Command::FetchFailed(..) => {}
        }
    }

    fn fetch_failed(&mut self, file: String, message: String) {
        let problem = crate::formats::Problem::at(
            crate::formats::Severity::Error,
            crate::formats::ProblemKind::Unreadable,
            (1, 1),
            message,
        )
        .with_hint("check the address; the server must allow this page's origin (CORS)");
        self.load_failure = Some(LoadFailure { file, problems: vec![problem] });
    }

    /// Reads the current dataset again: its file, or the embedded text.
    fn reload(&mut self) -> Vec<Effect> {
        match &self.source {
            DataSource::File(_) | DataSource::Embedded => vec![Effect::OpenDataset(self.source.clone())],
            DataSource::Named(_) => Vec::new(),
        }
    }

    /// A file the state asked for, read.
    fn file_read(&mut self, what: ReadFor, path: &std::path::Path, text: Result<String, String>) -> Vec<Effect> {
        match what {
            ReadFor::SavedViews => self.saved_views_read(path, text),
            ReadFor::Deck => self.deck_read(path, text),
            ReadFor::SaveBase => return self.save_base_read(path, text),
        }
        Vec::new()
    }

    /// A file the state asked to write, written or not.
    fn file_written(&mut self, what: WriteFor, path: &std::path::Path, result: Result<(), String>) {
        match what {
            WriteFor::SavedViews => self.saved_views_written(path, result),
            WriteFor::Deck => self.deck_written(path, result),
            WriteFor::Dataset => self.dataset_written(path, result),
            WriteFor::Export { format, whole } => self.export_written(format, whole, path, result),
        }
    }

    /// Shows every place with initiatives: eased, or at once (on load).
    fn fit_map(&mut self, instant: bool) {
        if let Some(bounds) = bounds_of(self.index.map_places.iter().map(|p| p.world)) {
            self.fly_to(FlyTarget::Bounds(bounds));
            if let (true, Some(flight)) = (instant, &mut self.map_flight) {
                flight.start = f64::NEG_INFINITY;
            }
        }
    }

    pub(crate) fn fly_to(&mut self, target: FlyTarget) {
        self.map_flight = Some(Flight { from: self.map_view, to: target, start: self.now });
        if let FlyTarget::View(view) = target {
            self.map_view = view.clamped();
        }
    }

    /// Flies the map to what was selected elsewhere: an initiative's places, or a place.
    fn follow_on_map(&mut self, selection: Selection) {
        let places: Vec<usize> = match selection {
            Selection::Initiative(i) => self.index.places_of.get(i).map(<[usize]>::to_vec).unwrap_or_default(),
            Selection::Location(l) => vec![l],
        };
        let points = places.iter().filter_map(|&l| self.dataset.locations.get(l)).map(|l| {
            let w = crate::model::geo::project(l.lat, l.lon);
            [w.x, w.y]
        });
        if let Some(bounds) = bounds_of(points) {
            self.fly_to(FlyTarget::Bounds(bounds));
        }
    }

    pub(crate) fn select(&mut self, selection: Selection, origin: Origin) {
        if self.selection == Some(selection) {
            self.selection_origin = origin;
            return;
        }
        if let Some(previous) = self.selection {
            self.back.push(previous);
        }
        self.forward.clear();
        self.selection = Some(selection);
        self.selection_origin = origin;
        if origin != Origin::Map {
            self.follow_on_map(selection);
        }
    }

    fn step_history(&mut self, back: bool) {
        let (from, to) = if back { (&mut self.back, &mut self.forward) } else { (&mut self.forward, &mut self.back) };
        if let Some(target) = from.pop() {
            if let Some(current) = self.selection {
                to.push(current);
            }
            self.selection = Some(target);
            self.selection_origin = Origin::Other;
            self.follow_on_map(target);
        }
    }

    /// Whether Back would do something.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether Forward would do something.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    fn fit_time(&mut self) {
        if let Some((first, last)) = self.index.full_span {
            self.time_view = TimeView::fitting(first, last, 0.04);
        }
    }

    /// Whether an initiative is part of the selection: selected itself, or at the selected place.
    pub fn is_highlighted(&self, initiative: usize) -> bool {
        if self.presenting.as_ref().is_some_and(|p| p.initiatives.contains(&initiative)) {
            return true;
        }
        match self.selection {
            Some(Selection::Initiative(i)) => i == initiative,
            Some(Selection::Location(l)) => self.index.initiatives_at.get(l).is_some_and(|v| v.contains(&initiative)),
            None => false,
        }
    }

    /// Whether a location is part of the selection: selected itself, or a place of the selected initiative.
    pub fn is_location_highlighted(&self, location: usize) -> bool {
        if self.presenting.as_ref().is_some_and(|p| p.locations.contains(&location)) {
            return true;
        }
        match self.selection {
            Some(Selection::Location(l)) => l == location,
            Some(Selection::Initiative(i)) => self.index.places_of.get(i).is_some_and(|v| v.contains(&location)),
            None => false,
        }
    }

    /// Whether any initiative at a place overlaps the timeline's visible window, or has no date at all
    /// (it is not outside any window); the map dims the rest.
    pub fn is_location_in_time_window(&self, location: usize) -> bool {
        let window = self.time_view;
        self.index.initiatives_at.get(location).is_some_and(|items| {
            items.iter().any(|&i| match self.index.spans.get(i).copied().flatten() {
                Some((a, b)) => b >= window.start && a <= window.end,
                None => true,
            })
        })
    }

    /// The settings to persist, with the current window.
    pub fn settings_to_save(&self) -> Settings {
        Settings { time_view: Some(self.time_view), map_view: Some(self.map_view), ..self.settings.clone() }
    }
}
