//! The app's one `State` and the one `Command` enum. `State::apply` is the only place state changes:
//! views read `&State` and return commands.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::index::Index;
use crate::model::view::{LaneGrouping, TimeView};
use crate::model::{
    DEFAULT_DATASET, DEFAULT_DATASET_NAME, Dataset, Day, Loaded, Problem, load_bytes, load_file,
};
use crate::theme::ThemeChoice;
use crate::views::location_list::{LocationColumn, LocationSort};
use crate::views::timeline::layout::{Lane, lanes};

/// What is selected: an initiative or a place, by position in the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// An initiative.
    Initiative(usize),
    /// A location.
    Location(usize),
}

/// Which view a command came from, so the others know to follow (scroll, fly to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The timeline.
    Timeline,
    /// The location list.
    List,
    /// The detail panel.
    Detail,
    /// Keyboard, menus, the command line.
    Other,
}

/// Where the current dataset came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// The dataset built into the binary.
    Embedded,
    /// A file on disk.
    File(PathBuf),
    /// Bytes dropped or picked without a path (e.g. in the browser).
    Named(String),
}

impl DataSource {
    /// Name for titles and messages.
    pub fn name(&self) -> String {
        match self {
            Self::Embedded => DEFAULT_DATASET_NAME.to_owned(),
            Self::File(path) => path.display().to_string(),
            Self::Named(name) => name.clone(),
        }
    }
}

/// A file that could not be loaded, and why. The previous data stays.
#[derive(Clone, Debug)]
pub struct LoadFailure {
    /// File name as shown.
    pub file: String,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
}

/// Settings that persist between runs. Every field has a default so old settings always load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Dark or light.
    pub theme: ThemeChoice,
    /// Timeline lanes.
    pub lane_grouping: LaneGrouping,
    /// The last file opened (reopened at start when no file is given).
    pub last_file: Option<PathBuf>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The last time window.
    pub time_view: Option<TimeView>,
}

/// Everything a command can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select something (recorded in the history).
    Select(Selection, Origin),
    /// Clear the selection.
    ClearSelection,
    /// Back through the selection history.
    Back,
    /// Forward through the selection history.
    Forward,
    /// Set the timeline window.
    SetTimeView(TimeView),
    /// Fit the timeline to all dated items.
    FitTime,
    /// Group the timeline by this key.
    SetLaneGrouping(LaneGrouping),
    /// Switch theme.
    SetTheme(ThemeChoice),
    /// Sort the location list by a column (again: reverse).
    SortLocations(LocationColumn),
    /// Open a dataset file.
    OpenFile(PathBuf),
    /// Load a dataset from bytes (drag and drop without a path).
    OpenBytes(String, Vec<u8>),
    /// Read the current file again.
    Reload,
    /// Hide the error panel.
    DismissProblems,
    /// Show or hide the keyboard help.
    ToggleHelp,
}

/// The whole app state.
#[derive(Debug)]
pub struct State {
    /// The loaded dataset.
    pub dataset: Dataset,
    /// Where it came from.
    pub source: DataSource,
    /// Increases on every load; derived data is keyed on it.
    pub generation: u64,
    /// Derived lookups.
    pub index: Index,
    /// Timeline lanes for the current grouping.
    pub lanes: Vec<Lane>,
    /// What is selected.
    pub selection: Option<Selection>,
    /// Which view made the selection.
    pub selection_origin: Origin,
    back: Vec<Selection>,
    forward: Vec<Selection>,
    /// Visible time window.
    pub time_view: TimeView,
    /// Persisted settings.
    pub settings: Settings,
    /// Location list order.
    pub location_sort: LocationSort,
    /// The last file that failed to load.
    pub load_failure: Option<LoadFailure>,
    /// Whether the keyboard help is open.
    pub show_help: bool,
    /// Today, as a day number (fixed in tests and screenshots).
    pub today: Day,
}

impl State {
    /// State on the embedded dataset.
    pub fn new(settings: Settings, today: Day) -> Self {
        let dataset = load_bytes(DEFAULT_DATASET.as_bytes())
            .dataset
            .unwrap_or_default();
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
        };
        state.install(dataset, DataSource::Embedded);
        if state.settings.time_view.is_none() {
            state.fit_time();
        }
        state
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(selection, origin) => self.select(selection, origin),
            Command::ClearSelection => self.selection = None,
            Command::Back => self.step_history(true),
            Command::Forward => self.step_history(false),
            Command::SetTimeView(view) => self.time_view = view.clamped(),
            Command::FitTime => self.fit_time(),
            Command::SetLaneGrouping(grouping) => {
                self.settings.lane_grouping = grouping;
                self.lanes = lanes(&self.dataset, &self.index, grouping);
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SortLocations(column) => {
                self.location_sort = self.location_sort.toggled(column);
            }
            Command::OpenFile(path) => self.open_file(&path),
            Command::OpenBytes(name, bytes) => {
                let loaded = load_bytes(&bytes);
                self.take_loaded(loaded, DataSource::Named(name));
            }
            Command::Reload => match self.source.clone() {
                DataSource::File(path) => self.open_file(&path),
                DataSource::Embedded => {
                    let loaded = load_bytes(DEFAULT_DATASET.as_bytes());
                    self.take_loaded(loaded, DataSource::Embedded);
                }
                DataSource::Named(_) => {}
            },
            Command::DismissProblems => self.load_failure = None,
            Command::ToggleHelp => self.show_help = !self.show_help,
        }
    }

    fn select(&mut self, selection: Selection, origin: Origin) {
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
    }

    fn step_history(&mut self, back: bool) {
        let (from, to) = if back {
            (&mut self.back, &mut self.forward)
        } else {
            (&mut self.forward, &mut self.back)
        };
        if let Some(target) = from.pop() {
            if let Some(current) = self.selection {
                to.push(current);
            }
            self.selection = Some(target);
            self.selection_origin = Origin::Other;
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

    fn open_file(&mut self, path: &Path) {
        let loaded = load_file(path);
        self.take_loaded(loaded, DataSource::File(path.to_owned()));
    }

    /// Takes a load result: installs the data when it has no errors, else keeps the current data and
    /// shows the problems.
    pub fn take_loaded(&mut self, loaded: Loaded, source: DataSource) {
        let Some(dataset) = loaded.dataset else {
            self.load_failure = Some(LoadFailure {
                file: source.name(),
                problems: loaded.problems,
            });
            return;
        };
        self.load_failure = None;
        if let DataSource::File(path) = &source {
            self.settings.last_file = Some(path.clone());
            self.settings.recent.retain(|p| p != path);
            self.settings.recent.insert(0, path.clone());
            self.settings.recent.truncate(8);
        }
        let same_source = self.source == source;
        self.install(dataset, source);
        if !same_source {
            self.fit_time();
        }
    }

    /// Replaces the dataset, remapping the selection by id and dropping the history.
    fn install(&mut self, dataset: Dataset, source: DataSource) {
        let selected_id = self.selection.and_then(|s| match s {
            Selection::Initiative(i) => self
                .dataset
                .initiatives
                .get(i)
                .map(|x| (true, x.id.clone())),
            Selection::Location(i) => self.dataset.locations.get(i).map(|x| (false, x.id.clone())),
        });
        self.index = Index::build(&dataset);
        self.lanes = lanes(&dataset, &self.index, self.settings.lane_grouping);
        self.dataset = dataset;
        self.source = source;
        self.generation += 1;
        self.back.clear();
        self.forward.clear();
        self.selection = selected_id.and_then(|(initiative, id)| {
            if initiative {
                self.index
                    .initiative_by_id
                    .get(&id)
                    .map(|&i| Selection::Initiative(i))
            } else {
                self.index
                    .location_by_id
                    .get(&id)
                    .map(|&i| Selection::Location(i))
            }
        });
    }

    /// Whether an initiative is part of the selection: selected itself, or at the selected place.
    pub fn is_highlighted(&self, initiative: usize) -> bool {
        match self.selection {
            Some(Selection::Initiative(i)) => i == initiative,
            Some(Selection::Location(l)) => self
                .index
                .initiatives_at
                .get(l)
                .is_some_and(|v| v.contains(&initiative)),
            None => false,
        }
    }

    /// Whether a location is part of the selection: selected itself, or a place of the selected initiative.
    pub fn is_location_highlighted(&self, location: usize) -> bool {
        match self.selection {
            Some(Selection::Location(l)) => l == location,
            Some(Selection::Initiative(i)) => self
                .index
                .places_of
                .get(i)
                .is_some_and(|v| v.contains(&location)),
            None => false,
        }
    }

    /// The settings to persist, with the current window.
    pub fn settings_to_save(&self) -> Settings {
        Settings {
            time_view: Some(self.time_view),
            ..self.settings.clone()
        }
    }
}
