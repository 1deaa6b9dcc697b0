//! The deck editor window: steps in order, the selected step's title, talking points and notes, and
//! add / reorder (also Alt+↑/↓) / delete / undo / save / present.

use crate::state::{DeckCommand, PresentCommand};
use egui::{Key, Modifiers};

use crate::state::deck::StepField;
use crate::state::{Command, State};

/// Draws the deck editor when it is open; returns the user's commands (and whether "Save as…" was asked).
pub fn deck_editor_ui(ctx: &egui::Context, state: &State) -> (Vec<Command>, bool) {
    let mut out = Vec::new();
    let mut save_as = false;
    if !state.deck_edit().open() {
        return (out, save_as);
    }
    let mut open = true;
    let title = if state.deck_edit().dirty() { "Deck (unsaved changes)" } else { "Deck" };
    egui::Window::new(title).id(egui::Id::unique("deck_editor")).open(&mut open).default_width(420.0).show(ctx, |ui| {
        buttons_ui(ui, state, &mut out, &mut save_as);
        ui.separator();
        let selected = state.deck_edit().selected();
        let steps = state.deck().map_or(&[][..], |d| d.steps.as_slice());
        egui::ScrollArea::vertical().id_salt("deck_steps").max_height(180.0).show(ui, |ui| {
            for (i, step) in steps.iter().enumerate() {
                if ui.selectable_label(i == selected, format!("{}. {}", i + 1, step.title)).clicked() {
                    out.push(Command::Deck(DeckCommand::SelectStep(i)));
                }
            }
        });
        if let Some(step) = steps.get(selected) {
            ui.separator();
            for (field, label, text, lines) in [
                (StepField::Title, "Title", &step.title, 1),
                (StepField::Points, "Talking points (markdown)", &step.points, 5),
                (StepField::Notes, "Presenter notes", &step.notes, 4),
            ] {
                ui.label(label);
                let mut value = text.clone();
                let edit = egui::TextEdit::multiline(&mut value).desired_rows(lines).desired_width(f32::INFINITY);
                if ui.add(edit.hint_text(label)).changed() {
                    out.push(Command::Deck(DeckCommand::EditStep(selected, field, value)));
                }
            }
        }
        if let Some(message) = state.deck_edit().message() {
            ui.weak(message);
        }
        let (up, down) = ui.input_mut(|i| {
            (i.consume_key(Modifiers::ALT, Key::ArrowUp), i.consume_key(Modifiers::ALT, Key::ArrowDown))
        });
        if up || down {
            out.push(Command::Deck(DeckCommand::MoveStep(selected, up)));
        }
    });
    if !open {
        out.push(Command::Deck(DeckCommand::ToggleDeckEditor));
    }
    (out, save_as)
}

fn buttons_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>, save_as: &mut bool) {
    let selected = state.deck_edit().selected();
    let has_steps = state.deck().is_some_and(|d| !d.steps.is_empty());
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add current view as step").clicked() {
            out.push(Command::Deck(DeckCommand::AddStep));
        }
        if ui.add_enabled(has_steps, egui::Button::new("Move up")).on_hover_text("Alt+↑").clicked() {
            out.push(Command::Deck(DeckCommand::MoveStep(selected, true)));
        }
        if ui.add_enabled(has_steps, egui::Button::new("Move down")).on_hover_text("Alt+↓").clicked() {
            out.push(Command::Deck(DeckCommand::MoveStep(selected, false)));
        }
        if ui.add_enabled(has_steps, egui::Button::new("Delete step")).clicked() {
            out.push(Command::Deck(DeckCommand::DeleteStep(selected)));
        }
        if ui.add_enabled(state.deck_edit().can_undo(), egui::Button::new("Undo")).clicked() {
            out.push(Command::Deck(DeckCommand::UndoDeck));
        }
        if ui.add_enabled(state.deck().is_some(), egui::Button::new("Save deck")).clicked() {
            out.push(Command::Deck(DeckCommand::SaveDeck(None)));
        }
        if ui.add_enabled(state.deck().is_some(), egui::Button::new("Save deck as…")).clicked() {
            *save_as = true;
        }
        if ui
            .add_enabled(has_steps, egui::Button::new("Present from here"))
            .on_hover_text("F5 starts at step 1")
            .clicked()
        {
            out.push(Command::Presenting(PresentCommand::Present(Some(selected))));
        }
    });
}
