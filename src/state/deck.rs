//! Authoring a deck from the explore view: add the current view as a step, edit, reorder, delete,
//! undo, and save atomically (temporary file, then rename) keeping the previous file as `.bak`.

use std::path::{Path, PathBuf};

use crate::briefing::{Deck, Step, Transition, to_ron};
use crate::state::command::{DataSource, DeckCommand, Effect, WriteFor};
pub use crate::state::data::DeckEdit;
use crate::state::data::State;

pub use crate::state::command::StepField;

/// The deck file that goes with a dataset source.
pub fn deck_path_for(source: &DataSource) -> Option<PathBuf> {
    match source {
        DataSource::File(path) => {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            Some(path.with_file_name(format!("{stem}.briefing.ron")))
        }
        _ => None,
    }
}

impl State {
    /// Applies a command of the deck editor.
    pub(crate) fn apply_deck(&mut self, command: DeckCommand) -> Vec<Effect> {
        match command {
            DeckCommand::ToggleDeckEditor => self.deck_edit.open = !self.deck_edit.open,
            DeckCommand::AddStep => {
                let view = self.current_view();
                let step = Step {
                    title: format!("Step {}", self.deck.as_ref().map_or(1, |d| d.steps.len() + 1)),
                    points: String::new(),
                    notes: String::new(),
                    view,
                    highlight: Vec::new(),
                    transition: Transition::Glide,
                };
                let at = self.deck.as_ref().map_or(0, |d| (self.deck_edit.selected + 1).min(d.steps.len()));
                self.edit_deck(|deck| deck.steps.insert(at, step));
                self.deck_edit.selected = at;
            }
            DeckCommand::EditStep(index, field, text) => self.edit_deck(|deck| {
                if let Some(step) = deck.steps.get_mut(index) {
                    match field {
                        StepField::Title => step.title = text,
                        StepField::Points => step.points = text,
                        StepField::Notes => step.notes = text,
                    }
                }
            }),
            DeckCommand::MoveStep(index, up) => self.move_step(index, up),
            DeckCommand::DeleteStep(index) => {
                self.edit_deck(|deck| {
                    if index < deck.steps.len() {
                        deck.steps.remove(index);
                    }
                });
                self.deck_edit.selected =
                    self.deck_edit.selected.min(self.deck.as_ref().map_or(0, |d| d.steps.len().saturating_sub(1)));
            }
            DeckCommand::SelectStep(index) => self.deck_edit.selected = index,
            DeckCommand::UndoDeck => {
                if let Some(previous) = self.deck_edit.undo.pop() {
                    let last = previous.steps.len().saturating_sub(1);
                    self.deck = Some(previous);
                    self.deck_edit.dirty = true;
                    self.deck_edit.selected = self.deck_edit.selected.min(last);
                }
            }
            DeckCommand::SaveDeck(path) => return self.save_deck(path),
        }
        Vec::new()
    }

    /// Changes the deck, remembering the previous version for undo.
    fn edit_deck(&mut self, change: impl FnOnce(&mut Deck)) {
        let mut deck = self.deck.clone().unwrap_or_else(|| Deck {
            title: self.dataset.meta.title.clone(),
            dataset: self.source.name(),
            steps: Vec::new(),
        });
        let before = deck.clone();
        change(&mut deck);
        if Some(&deck) != self.deck.as_ref() {
            self.deck_edit.undo.push(before);
            self.deck = Some(deck);
            self.deck_edit.dirty = true;
        }
    }

    fn move_step(&mut self, index: usize, up: bool) {
        let len = self.deck.as_ref().map_or(0, |d| d.steps.len());
        if index >= len {
            return;
        }
        let target = if up { index.checked_sub(1) } else { Some(index + 1).filter(|t| *t < len) };
        if let Some(target) = target {
            self.edit_deck(|deck| deck.steps.swap(index, target));
            self.deck_edit.selected = target;
        }
    }

    /// Saves the deck: an effect that writes it atomically, keeping the previous file as `.bak`.
    fn save_deck(&mut self, path: Option<PathBuf>) -> Vec<Effect> {
        if path.is_none() && self.deck_edit.load_failed {
            self.deck_edit.message = Some(
                "The deck file has errors and was not loaded; Save would overwrite it. Fix the file, or use Save as…"
                    .to_owned(),
            );
            return Vec::new();
        }
        let Some(path) = path.or_else(|| self.deck_edit.path.clone()).or_else(|| deck_path_for(&self.source)) else {
            self.deck_edit.message = Some("Choose where to save the deck (Save as…)".to_owned());
            return Vec::new();
        };
        let Some(deck) = &self.deck else { return Vec::new() };
        vec![Effect::Write { what: WriteFor::Deck, path, text: to_ron(deck), backup: true }]
    }

    /// The deck file, written or not.
    pub(crate) fn deck_written(&mut self, path: &Path, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.deck_edit.dirty = false;
                self.deck_edit.message = Some(format!("Saved {}", path.display()));
                self.deck_edit.path = Some(path.to_owned());
            }
            Err(e) => self.deck_edit.message = Some(format!("Could not save {}: {e}", path.display())),
        }
    }
}
