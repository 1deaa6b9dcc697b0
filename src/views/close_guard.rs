//! Unsaved work is never lost silently: closing the window with unsaved data or deck changes asks
//! first (Save and close, Close without saving, Cancel). Returns the chrome's actions.

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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
