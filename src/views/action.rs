//! What the chrome asks the app shell to do besides applying commands: dialogs, files, the window.

use crate::formats::export::render::ExportFormat;
use crate::state::command::Command;
use crate::state::export::ExportScope;

/// What the chrome asks for: a state command, or something only the shell can do.
#[derive(Debug)]
pub enum ChromeAction {
    /// Apply to the state.
    Command(Command),
    /// Show the system's open dialog.
    OpenDialog,
    /// Open a file dropped on the window.
    OpenDropped(egui::DroppedFileHandle),
    /// Close the window.
    Quit,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Ask where to save the deck.
    SaveDeckAs,
    /// Ask where to write the data in this format (a download in the browser).
    Export(ExportFormat, ExportScope),
    /// Close the window if the deck has no unsaved changes left.
    QuitIfSaved,
    /// Make a one-file briefing page with these options (ask where; a download in the browser).
    ExportPage(Box<crate::formats::page::PageOptions>),
    /// Ask where, then record the as-of story as an animated GIF (the desktop).
    ExportVideo,
    /// Ask where (a download in the browser), then print the timeline poster with these choices.
    ExportPoster(crate::model::print::PosterChoice),
}
