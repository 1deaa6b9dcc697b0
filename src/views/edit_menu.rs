//! The top bar's Edit menu: Undo and Redo named after the change ("Undo change of the completed date
//! of …"), adding and duplicating an initiative, the form, Discard. Its shortcuts are the chrome's.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::state::command::EditCommand;
use crate::state::{Command, Selection, State};

pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const ADD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// The menu's items; returns the commands chosen.
pub fn edit_menu_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    let ctx = ui.ctx().clone();
    let edit = state.data_edit();
    let mut item = |ui: &mut egui::Ui, text: String, shortcut: Option<&KeyboardShortcut>, enabled: bool, c| {
        let mut button = egui::Button::new(text);
        if let Some(s) = shortcut {
            button = button.shortcut_text(ctx.format_shortcut(s));
        }
        if ui.add_enabled(enabled, button).clicked() {
            out.push(Command::Edit(c));
        }
    };
    let undo = edit.undo_label().map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}"));
    item(ui, undo, Some(&UNDO), edit.undo_label().is_some(), EditCommand::Undo);
    let redo = edit.redo_label().map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}"));
    item(ui, redo, Some(&REDO), edit.redo_label().is_some(), EditCommand::Redo);
    ui.separator();
    item(ui, "Add initiative".to_owned(), Some(&ADD), true, EditCommand::AddInitiative);
    let selected = match state.selection() {
        Some(Selection::Initiative(i)) => Some(i),
        _ => None,
    };
    let duplicate = EditCommand::DuplicateInitiative(selected.unwrap_or(usize::MAX));
    item(ui, "Duplicate the selected initiative".to_owned(), None, selected.is_some(), duplicate);
    ui.separator();
    let form = if edit.open() { "Close the edit form" } else { "Open the edit form" };
    item(ui, form.to_owned(), None, true, EditCommand::ToggleEditor);
    item(ui, "Discard every unsaved change".to_owned(), None, edit.dirty(), EditCommand::Discard);
    out
}
