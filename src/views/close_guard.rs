//! Unsaved work is never lost silently: closing the window with unsaved data or deck changes asks
//! first (Save and close, Close without saving, Cancel); so does opening another dataset over unsaved
//! data (Save then open, Discard and open, Cancel). Returns the chrome's actions.

use crate::state::{Command, DeckCommand, State};
use crate::views::chrome::ChromeAction;

/// The state of the "save the deck before closing?" question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CloseState {
    /// Nothing asked.
    #[default]
    Idle,
    /// The question is showing.
    Asking,
    /// The user chose to close anyway.
    Confirmed,
}

/// Unsaved deck changes are never lost silently: closing the window asks first.
pub fn close_guard(ctx: &egui::Context, state: &State, asked: &mut CloseState) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let dirty = state.deck_edit().dirty() || state.data_edit().dirty();
    if ctx.input(|i| i.viewport().close_requested()) && dirty && *asked != CloseState::Confirmed {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        *asked = CloseState::Asking;
    }
    if *asked != CloseState::Asking {
        return out;
    }
    egui::Modal::new(egui::Id::unique("close_guard")).show(ctx, |ui| {
        let what = match (state.data_edit().dirty(), state.deck_edit().dirty()) {
            (true, true) => "the data and the briefing deck have",
            (true, false) => "the data has",
            _ => "the briefing deck has",
        };
        ui.heading("Save before closing?");
        ui.label(format!("{} changes that are not saved.", capitalised(what)));
        ui.horizontal(|ui| {
            if ui.button("Save and close").clicked() {
                if state.deck_edit().dirty() {
                    out.push(ChromeAction::Command(Command::Deck(DeckCommand::SaveDeck(None))));
                }
                if state.data_edit().dirty() {
                    out.push(ChromeAction::Command(Command::Edit(crate::state::command::EditCommand::Save)));
                }
                *asked = CloseState::Idle;
                out.push(ChromeAction::QuitIfSaved);
            }
            if ui.button("Close without saving").clicked() {
                *asked = CloseState::Confirmed;
                out.push(ChromeAction::Quit);
            }
            if ui.button("Cancel").clicked() {
                *asked = CloseState::Idle;
            }
        });
    });
    out
}

/// A dataset opened (or reloaded, or dropped) while the data has unsaved changes waits here: save
/// them first, discard them and open it, or keep working and not open it.
pub fn held_open_ui(ctx: &egui::Context, state: &State) -> Vec<ChromeAction> {
    use crate::state::command::{EditCommand, HeldChoice};
    let mut out = Vec::new();
    let Some(source) = state.held_open() else { return out };
    let held = |choice| ChromeAction::Command(Command::Edit(EditCommand::Held(choice)));
    egui::Modal::new(egui::Id::unique("held_open")).show(ctx, |ui| {
        ui.heading(format!("Open {}?", source.name()));
        ui.label("The data on screen has changes that are not saved.");
        if let Some(message) = state.data_edit().message() {
            ui.weak(message);
        }
        ui.horizontal(|ui| {
            let save = if state.can_save_in_place() { "Save, then open" } else { "Save as RON…, then open" };
            if ui.button(save).clicked() {
                out.push(held(HeldChoice::SaveFirst));
                if !state.can_save_in_place() {
                    out.push(ChromeAction::Export(
                        crate::formats::export::render::ExportFormat::Ron,
                        crate::state::export::ExportScope::All,
                    ));
                }
            }
            if ui.button("Discard the changes and open").clicked() {
                out.push(held(HeldChoice::Discard));
            }
            if ui.button("Cancel").on_hover_text("Keep the data on screen with its changes").clicked() {
                out.push(held(HeldChoice::Cancel));
            }
        });
    });
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
