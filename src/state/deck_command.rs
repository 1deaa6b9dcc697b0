//! The commands of presenting the deck and of authoring it (re-exported by `command.rs`, as the
//! editor's are from `edit_command.rs`).

use std::path::PathBuf;

/// Presenting the deck (`state::present`).
#[derive(Clone, Debug, PartialEq)]
pub enum PresentCommand {
    /// Start presenting the deck (at a step), or stop.
    Present(Option<usize>),
    /// Next step of the deck.
    NextStep,
    /// Previous step of the deck.
    PrevStep,
    /// Black or white out the screen, or show it again.
    Blank(Option<Blank>),
    /// Show or hide the presenter view while presenting.
    TogglePresenterView,
    /// Make every step cut straight to its view, whatever its transition (slide export), or not.
    CutsOnly(bool),
}

/// Authoring the deck (`state::deck`).
#[derive(Clone, Debug, PartialEq)]
pub enum DeckCommand {
    /// Open or close the deck editor.
    ToggleDeckEditor,
    /// Add the current view as a step after the selected one.
    AddStep,
    /// Change a step's title, points or notes.
    EditStep(usize, StepField, String),
    /// Move a step up (true) or down (false).
    MoveStep(usize, bool),
    /// Delete a step.
    DeleteStep(usize),
    /// Choose the step being edited.
    SelectStep(usize),
    /// Undo the last change to the deck.
    UndoDeck,
    /// Save the deck (to this path, else where it was loaded or saved).
    SaveDeck(Option<PathBuf>),
}

/// Which text of a step is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepField {
    /// The title.
    Title,
    /// The talking points.
    Points,
    /// The presenter notes.
    Notes,
}

/// A blanked screen while presenting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// All black (B or .).
    Black,
    /// All white (W).
    White,
}
