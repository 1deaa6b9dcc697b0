//! A one-file briefing page shown read-only: the commands that would change the data, open other
//! data or write files are refused in one place (`State::apply`), whatever asked for them — a menu,
//! a shortcut, a dropped file, a draft kept in the browser.

use crate::state::command::{Command, DeckCommand, ExportCommand};

/// What the top bar says when a refused command was asked for.
pub const READ_ONLY_NOTICE: &str =
    "This briefing page is read-only: its data and deck cannot be changed or replaced here";

/// Whether a read-only page refuses `command`. Exploring, presenting, saved views and theme stay.
pub fn refused_when_read_only(command: &Command) -> bool {
    match command {
        Command::Edit(_)
        | Command::Import(_)
        | Command::NewDataset
        | Command::OpenFile(_)
        | Command::OpenBytes(..)
        | Command::OpenDeckBytes(..)
        | Command::Reload
        | Command::Export(ExportCommand::Write { .. }) => true,
        Command::Deck(command) => !matches!(command, DeckCommand::SelectStep(_)),
        _ => false,
    }
}
