//! The shape of the state: `State` and the data of its parts (`Focus`, `Presenting`, `DeckEdit`).
//! Fields are private to `state/` (`pub(super)`): the parts' behaviour lives in `focus.rs`,
//! `present.rs` and `deck.rs`, routing in `mod.rs`, read access in `read.rs`. This file imports no
//! part, so the parts and the router depend on it and not on each other.

use std::path::PathBuf;

use crate::briefing::Deck;
use crate::formats::source_map::SourceMap;
use crate::model::cluster::{Place, PlaceTree};
use crate::model::compare::Comparison;
use crate::model::filter::Filter;
use crate::model::index::Index;
use crate::model::map_camera::Flight;
use crate::model::view::{MapView, TimeView};
use crate::model::view_state::SavedViews;
use crate::model::{Dataset, Day};
pub use crate::state::change::{Change, CleanMark, Item};
use crate::state::command::{Blank, DataSource, LoadFailure, Origin, Pane, Selection, Settings};
use crate::state::lanes::Lane;
use crate::state::locations::LocationSort;

/// The whole app state.
#[derive(Debug)]
pub struct State {
    /// The loaded dataset.
    pub(super) dataset: Dataset,
    /// A dataset opened while this one had unsaved changes, until the user chooses.
    pub(super) held_open: Option<crate::state::command::HeldOpen>,
    /// Where it came from.
    pub(super) source: DataSource,
    /// Increases on every load; derived data is keyed on it.
    pub(super) generation: u64,
    /// Derived lookups.
    pub(super) index: Index,
    /// Timeline lanes for the current grouping.
    pub(super) lanes: Vec<Lane>,
    /// What is selected.
    pub(super) selection: Option<Selection>,
    /// Which view made the selection.
    pub(super) selection_origin: Origin,
    pub(super) back: Vec<Selection>,
    pub(super) forward: Vec<Selection>,
    /// Visible time window.
    pub(super) time_view: TimeView,
    /// Persisted settings.
    pub(super) settings: Settings,
    /// Location list order.
    pub(super) location_sort: LocationSort,
    /// The last file that failed to load.
    pub(super) load_failure: Option<LoadFailure>,
    /// Whether the keyboard help is open.
    pub(super) show_help: bool,
    /// Today, as a day number (fixed in tests and screenshots).
    pub(super) today: Day,
    /// The map camera (the end of any flight under way).
    pub(super) map_view: MapView,
    /// A camera move under way.
    pub(super) map_flight: Option<Flight>,
    /// The maximised pane, if any.
    pub(super) maximized: Option<Pane>,
    /// The UI clock, seconds.
    pub(super) now: f64,
    /// Filters and what they select, the as-of player, saved views.
    pub(super) focus: Focus,
    /// The briefing deck shown with this dataset, if any.
    pub(super) deck: Option<Deck>,
    /// Presenting: which step, blanked or not.
    pub(super) presenting: Option<Presenting>,
    /// Authoring the deck.
    pub(super) deck_edit: DeckEdit,
    /// Where each item of the dataset came from in its file (empty for the embedded or made data).
    pub(super) source_map: SourceMap,
    /// Every step cuts straight to its view (slide export).
    pub(super) cuts_only: bool,
    /// What the last Save as or Export wrote.
    pub(super) export: Export,
    /// A spreadsheet waiting in the import window.
    pub(super) import: Option<PendingImport>,
    /// Editing the dataset: undo, what changed since it was read, the form.
    pub(super) edit: DataEdit,
    /// How a one-file briefing page asked to be shown: read-only, a caveat banner, its title.
    pub(super) page: crate::formats::page::PageOptions,
}

/// The dataset editor's data.
#[derive(Clone, Debug, Default)]
pub struct DataEdit {
    /// Whether the form is open.
    pub(super) open: bool,
    pub(super) undo: Vec<Change>,
    pub(super) redo: Vec<Change>,
    /// For each initiative, its position in the file as read (`None`: added since).
    pub(super) origins: Vec<Option<usize>>,
    /// The initiatives of the file as read that were changed or deleted since, by position in the file.
    pub(super) baseline: std::collections::HashMap<usize, crate::model::Initiative>,
    /// For each place, its position in the file as read (`None`: added since).
    pub(super) place_origins: Vec<Option<usize>>,
    /// The places of the file as read that were changed or deleted since, by position in the file.
    pub(super) place_baseline: std::collections::HashMap<usize, crate::model::Location>,
    /// For each source, its position in the file as read (`None`: added since).
    pub(super) source_origins: Vec<Option<usize>>,
    /// The sources of the file as read that were changed or deleted since.
    pub(super) source_baseline: std::collections::HashMap<usize, crate::model::Source>,
    /// For each era, its position in the file as read (`None`: added since).
    pub(super) era_origins: Vec<Option<usize>>,
    /// The eras of the file as read that were changed or deleted since.
    pub(super) era_baseline: std::collections::HashMap<usize, crate::model::Era>,

    /// Dates as typed that do not read (yet): the text and why, by initiative and field.
    pub(super) drafts: std::collections::HashMap<(usize, &'static str), (String, String)>,
    /// Changes not yet saved: the data differs from the last one read, saved or downloaded
    /// (`DataEdit::refresh_dirty` after each edit command).
    pub(super) dirty: bool,
    /// Where the data was last clean: the undo stack's depth and its top change then; `lost` once
    /// that state cannot be reached by undo or redo any more.
    pub(super) clean: CleanMark,
    /// The last message (saved, or why not).
    pub(super) message: Option<String>,
    /// What `check` would say of the dataset now.
    pub(super) findings: Vec<crate::model::finding::Finding>,
    /// The source map of the text being written (taken when the write succeeds), and whether the
    /// file will have the initiatives in the order on screen (a whole write) rather than the added
    /// ones at the end (a patch).
    pub(super) saving: Option<(crate::formats::source_map::SourceMap, bool)>,
    /// The file changed on disk since it was read (Save found it so): Save over it is offered.
    pub(super) changed_on_disk: bool,
}

/// Filters, what they select, and everything that moves through time or between views.
#[derive(Debug, Default)]
pub struct Focus {
    /// The filters in force.
    pub(super) filter: Filter,
    /// For each initiative, whether it passes.
    pub(super) visible: Vec<bool>,
    /// How many pass.
    pub(super) visible_count: usize,
    /// The visible initiatives in dataset order (for virtualised lists).
    pub(super) visible_items: Vec<usize>,
    /// Increases whenever `visible` changes; derived rows are keyed on it.
    pub(super) generation: u64,
    /// When the last change was one initiative's: the generation before it and that item's places.
    pub(super) touched: Option<(u64, Vec<usize>)>,
    /// Places with visible initiatives (weights are visible counts), for the map.
    pub(super) map_places: Vec<Place>,
    /// R-tree over `map_places`.
    pub(super) place_tree: PlaceTree,
    /// Days per second while the as-of day plays.
    pub(super) playing: Option<f64>,
    pub(super) play_day: f64,
    pub(super) last_tick: Option<f64>,
    pub(super) time_flight: Option<(TimeView, TimeView, f64)>,
    /// Views saved for the current dataset.
    pub(super) saved: SavedViews,
    /// The last message about saved views (written, or why not).
    pub(super) message: Option<String>,
    /// While two days are compared: each visible initiative's change, and the counts.
    pub(super) comparison: Option<Comparison>,
    /// While comparing: for each place, the most notable change there.
    pub(super) place_changes: Vec<Option<crate::model::compare::ChangeKind>>,
    /// The views file exists but could not be read: it is not overwritten.
    pub(super) views_unreadable: bool,
}

/// The presentation under way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presenting {
    /// Current step (0-based).
    pub(super) step: usize,
    /// A blanked screen.
    pub(super) blank: Option<Blank>,
    /// Initiatives the step highlights.
    pub(super) initiatives: Vec<usize>,
    /// Places the step highlights.
    pub(super) locations: Vec<usize>,
    /// When the presentation started (UI clock, seconds).
    pub(super) started: f64,
    /// Whether the presenter view (notes, next step, timer) is shown.
    pub(super) presenter_view: bool,
}

/// The editing state of the deck.
#[derive(Clone, Debug, Default)]
pub struct DeckEdit {
    /// Where the deck is saved.
    pub(super) path: Option<PathBuf>,
    pub(super) undo: Vec<Deck>,
    /// Changes not yet saved.
    pub(super) dirty: bool,
    /// Whether the deck editor is open.
    pub(super) open: bool,
    /// The step being edited.
    pub(super) selected: usize,
    /// The last message (saved, or why not).
    pub(super) message: Option<String>,
    /// The deck file exists but had errors: plain Save must not overwrite it.
    pub(super) load_failed: bool,
}

impl DeckEdit {
    /// Where the deck is saved.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Changes not yet saved.
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// Whether the deck editor is open.
    pub fn open(&self) -> bool {
        self.open
    }

    /// The step being edited.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The last message (saved, or why not).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The deck file exists but had errors: plain Save must not overwrite it.
    pub fn load_failed(&self) -> bool {
        self.load_failed
    }

    /// A fresh editing state for a deck saved at `path`.
    pub fn for_path(path: Option<PathBuf>) -> Self {
        Self { path, ..Self::default() }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

impl Focus {
    /// The filters in force.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// For each initiative, whether it passes.
    pub fn visible(&self) -> &[bool] {
        &self.visible
    }

    /// How many pass.
    pub fn visible_count(&self) -> usize {
        self.visible_count
    }

    /// The visible initiatives in dataset order.
    pub fn visible_items(&self) -> &[usize] {
        &self.visible_items
    }

    /// Increases whenever the visible set changes.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Places with visible initiatives (weights are visible counts).
    pub fn map_places(&self) -> &[Place] {
        &self.map_places
    }

    /// R-tree over the map places.
    pub fn place_tree(&self) -> &PlaceTree {
        &self.place_tree
    }

    /// Days per second while the as-of day plays.
    pub fn playing(&self) -> Option<f64> {
        self.playing
    }

    /// Views saved for the current dataset.
    pub fn saved(&self) -> &SavedViews {
        &self.saved
    }

    /// The last message about saved views.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The comparison of two days, while comparing.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }
}

impl Presenting {
    /// Current step (0-based).
    pub fn step(&self) -> usize {
        self.step
    }

    /// A blanked screen.
    pub fn blank(&self) -> Option<Blank> {
        self.blank
    }

    /// Initiatives the step highlights.
    pub fn initiatives(&self) -> &[usize] {
        &self.initiatives
    }

    /// Places the step highlights.
    pub fn locations(&self) -> &[usize] {
        &self.locations
    }

    /// When the presentation started (UI clock, seconds).
    pub fn started(&self) -> f64 {
        self.started
    }

    /// Whether the presenter view is shown.
    pub fn presenter_view(&self) -> bool {
        self.presenter_view
    }
}

/// The export part's data: what the last export wrote, in words.
#[derive(Clone, Debug, Default)]
pub struct Export {
    /// What the last export counted ("35 initiative(s), 31 place(s)").
    pub(super) summary: String,
    /// The files of the last export written so far.
    pub(super) written: Vec<String>,
    /// The message to show (written, downloaded, or why not).
    pub(super) notice: Option<String>,
    /// The briefing page's options while its window is open.
    pub(super) page_dialog: Option<crate::formats::page::PageOptions>,
    /// The timeline poster's choices while its window is open.
    pub(super) poster_dialog: Option<crate::model::print::PosterChoice>,
}

impl Export {
    /// The briefing page's options while its window is open.
    pub fn page_dialog(&self) -> Option<&crate::formats::page::PageOptions> {
        self.page_dialog.as_ref()
    }
    /// The timeline poster's choices while its window is open.
    pub fn poster_dialog(&self) -> Option<&crate::model::print::PosterChoice> {
        self.poster_dialog.as_ref()
    }
    /// The message to show about the last export, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
}

/// A spreadsheet waiting for its columns to be mapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    /// Where it came from (what it is installed as).
    pub(super) source: DataSource,
    /// Its headers, first rows and bytes.
    pub(super) request: crate::formats::loaded::ColumnsToMap,
    /// The choices so far.
    pub(super) options: crate::formats::ImportOptions,
    /// Whether Import was pressed (the outcome is awaited or showed problems).
    pub(super) tried: bool,
}

impl PendingImport {
    /// The file as shown.
    pub fn name(&self) -> String {
        self.source.name()
    }
    /// Headers, first rows, guesses.
    pub fn request(&self) -> &crate::formats::loaded::ColumnsToMap {
        &self.request
    }
    /// The field chosen for each column.
    pub fn columns(&self) -> &[Option<String>] {
        self.options.columns.as_deref().unwrap_or_default()
    }
    /// The choices so far.
    pub fn options(&self) -> &crate::formats::ImportOptions {
        &self.options
    }
    /// Whether a column is the title (without one, no row is an initiative).
    pub fn has_title(&self) -> bool {
        self.columns().iter().any(|c| c.as_deref() == Some("title"))
    }
    /// Whether Import was pressed already.
    pub fn tried(&self) -> bool {
        self.tried
    }
}
