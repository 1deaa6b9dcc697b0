//! The vocabulary of state changes: `Command` and the small types it carries. `State::apply` in
//! `state.rs` is the only place they take effect.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::formats::{ImportOptions, Problem};
use crate::model::DEFAULT_DATASET_NAME;
use crate::model::filter::Filter;
use crate::model::map_camera::FlyTarget;
use crate::model::view::ThemeChoice;
use crate::model::view::{LaneGrouping, MapView, TimeView};
use crate::model::view_state::{SavedViews, ViewState};
pub use crate::state::deck_command::{Blank, DeckCommand, PresentCommand, StepField};
pub use crate::state::edit_command::{
    DateField, EditCommand, EraField, HeldChoice, ListField, PlaceField, SourceField, TextField,
};
use crate::state::locations::LocationColumn;

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
    /// The map.
    Map,
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
    /// The last map camera.
    pub map_view: Option<MapView>,
    /// Draw the latitude/longitude grid on the map.
    pub graticule: bool,
    /// Saved views of the embedded dataset (a file's views live next to the file).
    pub embedded_views: SavedViews,
    /// How spreadsheets with headers of their own were mapped, newest first: a file with the same
    /// headers imports the same way again, without asking.
    pub column_mappings: Vec<RememberedColumns>,
}

impl Settings {
    /// The settings saved by the last run (RON), and a message when they could not be read: a damaged
    /// or hand-edited settings file gives the defaults, never a failed start.
    pub fn from_saved(saved: Option<&str>) -> (Self, Option<String>) {
        match saved.map(ron::from_str::<Self>) {
            None => (Self::default(), None),
            Some(Ok(settings)) => (settings, None),
            Some(Err(e)) => (
                Self::default(),
                Some(format!(
                    "The saved settings could not be read ({e}); the app starts with the defaults and saves \
                     them over the damaged ones when it closes."
                )),
            ),
        }
    }
}

/// A mapping the user chose in the import window, for files with these headers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedColumns {
    /// The headers, as matched: lower case, trimmed.
    pub headers: Vec<String>,
    /// The columns' fields and the date reading chosen.
    pub options: ImportOptions,
}

/// The headers as a remembered mapping matches them.
pub fn header_signature(headers: &[String]) -> Vec<String> {
    headers.iter().map(|h| h.trim().to_lowercase()).collect()
}

/// The commands of the import window (a spreadsheet whose columns were not recognised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportCommand {
    /// Column `i` is this field (a template field name), or is not read.
    SetColumn(usize, Option<String>),
    /// A bare "FY2027" is a US fiscal year (else Japan's).
    UsFiscal(bool),
    /// How `03/04/2023` is read.
    DayOrder(crate::model::date_loose::DayOrder),
    /// Import with these choices.
    Apply,
    /// Close the window; the data open stays.
    Cancel,
}

/// The two big views of the explore screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// The map.
    Map,
    /// The timeline.
    Timeline,
}

/// A dataset that arrived while the data on screen had unsaved changes (opened, reloaded, dropped):
/// kept until the user says whether to save the changes first, discard them, or not open it.
#[derive(Debug)]
pub struct HeldOpen {
    pub(crate) loaded: Box<crate::formats::Loaded>,
    pub(crate) source: DataSource,
    pub(crate) index: Option<SharedIndex>,
    /// Save was chosen: open it once the data is saved.
    pub(crate) after_save: bool,
}

/// An index built on the loading thread, handed over with its dataset; equal only to itself.
#[derive(Clone, Debug)]
pub struct SharedIndex(pub std::sync::Arc<crate::model::index::Index>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
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
    /// A finished load (from the loading thread): installs the data, or shows its problems. The index,
    /// when given, was built off the UI thread for this very dataset.
    Loaded(Box<crate::formats::Loaded>, DataSource, Option<SharedIndex>),
    /// A briefing deck's bytes, named (e.g. fetched from `?deck=URL`): replaces the deck when it checks
    /// against the current dataset, else shows its problems and keeps the deck.
    OpenDeckBytes(String, Vec<u8>),
    /// Read the current file again.
    Reload,
    /// A dataset could not be fetched (from `?data=URL`): show why; the data stays.
    FetchFailed(String, String),
    /// Hide the error panel.
    DismissProblems,
    /// Show or hide the keyboard help.
    ToggleHelp,
    /// Put the map camera here (ends any flight).
    SetMapView(MapView),
    /// Fly the map camera, eased.
    FlyTo(FlyTarget),
    /// Fly to show every place that has initiatives.
    FitMap,
    /// Show the map's latitude/longitude grid or not.
    ToggleGraticule,
    /// Maximise a pane, or restore both.
    ToggleMaximize(Pane),
    /// The UI clock, seconds: set once per frame before the views run.
    Tick(f64),
    /// Filters, the as-of player, saved views.
    Focus(FocusCommand),
    /// Presenting the deck.
    Presenting(PresentCommand),
    /// Authoring the deck.
    Deck(DeckCommand),
    /// Save as and Export.
    Export(ExportCommand),
    /// The import window.
    Import(ImportCommand),
    /// The dataset editor.
    Edit(EditCommand),
    /// Start a new, empty dataset (File > New); saved with Save as.
    NewDataset,
    /// A file the state asked to read, read (see [`Effect::Read`]): the text, or why it could not be read.
    Read(ReadFor, PathBuf, Result<String, String>),
    /// A file the state asked to write, written (see [`Effect::Write`]), or why not.
    Written(WriteFor, PathBuf, Result<(), String>),
    /// Show a message about saved views (e.g. a view that was asked for by name and does not exist).
    ViewMessage(String),
    /// Show a message in the top bar until dismissed (settings that could not be read at start).
    Notify(String),
    /// Show the data as a one-file briefing page asked: read-only, with a caveat banner, a title.
    SetPage(Box<crate::formats::page::PageOptions>),
}

/// Changes to the filters and what they select, the as-of player and saved views (`state::focus`).
#[derive(Clone, Debug, PartialEq)]
pub enum FocusCommand {
    /// Replace the filters (search, facets, date range, as-of day).
    SetFilter(Box<Filter>),
    /// Remove every filter.
    ClearFilters,
    /// Step the as-of day through time at this many days per second; `None` pauses.
    PlayAsOf(Option<f64>),
    /// Go to a view: timeline and map animate there.
    RestoreView(Box<ViewState>),
    /// Save the current view under a name (replacing one of the same name).
    SaveView(String),
    /// Rename a saved view.
    RenameView(usize, String),
    /// Delete a saved view.
    DeleteView(usize),
}

/// What a file read is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFor {
    /// The saved views next to the dataset.
    SavedViews,
    /// The briefing deck next to the dataset.
    Deck,
    /// The dataset's own file, to save edits into.
    SaveBase,
}

/// What a file write is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteFor {
    /// The saved views next to the dataset.
    SavedViews,
    /// The briefing deck.
    Deck,
    /// The dataset, saved into its own file.
    Dataset,
    /// An export (or Save as, in RON); `whole` when it wrote the whole dataset.
    Export { format: crate::formats::export::render::ExportFormat, whole: bool },
}

/// Something for the app shell to do after a command: the state never touches the disk, the network, a
/// dialog or a thread itself. The shell runs each effect through `platform` and hands the outcome
/// back as a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Open a dataset through the data door: a file (small ones at once, large ones on a thread) or the
    /// embedded dataset; the outcome comes back as [`Command::Loaded`].
    OpenDataset(DataSource),
    /// Open a dataset from bytes (dropped or fetched); the outcome comes back as [`Command::Loaded`].
    OpenBytes(String, Vec<u8>),
    /// Read a spreadsheet's bytes again as the import window says; the outcome comes back as
    /// [`Command::Loaded`] for `source`.
    OpenWith { source: DataSource, name: String, bytes: std::sync::Arc<Vec<u8>>, options: ImportOptions },
    /// Read a text file; the outcome comes back as [`Command::Read`]. A file that does not exist is
    /// an `Err` like any other failure.
    Read(ReadFor, PathBuf),
    /// Write a text file atomically (a temporary file, then a rename; with `backup`, the old file is
    /// kept as `.bak`); the outcome comes back as [`Command::Written`].
    Write { what: WriteFor, path: PathBuf, text: String, backup: bool },
    /// Hand a file to the browser as a download (there are no paths there). Only a failure comes back,
    /// as [`Command::Written`] with the name as its path.
    Download { what: WriteFor, name: String, text: String },
}

/// Which initiatives an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    /// Every initiative and place.
    All,
    /// What the filters show.
    Shown,
}

/// Where an export goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// A file on disk (the path the save dialog gave).
    File(PathBuf),
    /// A download of this name (the browser).
    Download(String),
}

/// The commands of the export part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportCommand {
    /// Write the data in `format`.
    Write { format: crate::formats::export::render::ExportFormat, scope: ExportScope, target: ExportTarget },
    /// Hide the last export message.
    DismissNotice,
    /// Open the briefing page's window with these options, change them, or (`None`) close it.
    PageDialog(Option<Box<crate::formats::page::PageOptions>>),
    /// Open the timeline poster's window with these choices, change them, or (`None`) close it.
    PosterDialog(Option<crate::model::print::PosterChoice>),
}
