//! File > Export: each format of everything or of what the filters show, the shown part as RON, and
//! the one-file briefing page.

use crate::formats::export::render::ExportFormat;
use crate::state::State;
use crate::state::command::{Command, ExportCommand};
use crate::state::export::ExportScope;
use crate::views::action::ChromeAction;

/// The Export menu's items.
pub fn export_menu_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<ChromeAction>) {
    let shown = state.focus().visible_count();
    let all = state.dataset().initiatives.len();
    for format in ExportFormat::ALL.into_iter().filter(|f| *f != ExportFormat::Ron) {
        ui.menu_button(format.label(), |ui| {
            if ui.button(format!("Everything ({all} initiatives)")).clicked() {
                out.push(ChromeAction::Export(format, ExportScope::All));
            }
            let filtered = ui.add_enabled(shown < all, egui::Button::new(format!("What the filters show ({shown})")));
            if filtered.clicked() {
                out.push(ChromeAction::Export(format, ExportScope::Shown));
            }
        });
    }
    ui.separator();
    if ui.add_enabled(shown < all, egui::Button::new(format!("Shown as RON ({shown})"))).clicked() {
        out.push(ChromeAction::Export(ExportFormat::Ron, ExportScope::Shown));
    }
    let page = ui.button("Briefing page (one HTML file)…");
    if page.on_hover_text("The app, the data and the deck in one file that opens offline").clicked() {
        let options = crate::views::page_dialog::initial_options(state);
        out.push(ChromeAction::Command(Command::Export(ExportCommand::PageDialog(Some(Box::new(options))))));
    }
    let poster = ui.button("Timeline poster (PDF or SVG)…");
    if poster.on_hover_text("The whole timeline under the filters, in vector pages to print").clicked() {
        let choice = state.poster_dialog().copied().unwrap_or_default();
        out.push(ChromeAction::Command(Command::Export(ExportCommand::PosterDialog(Some(choice)))));
    }
    let story = ui.add_enabled(!cfg!(target_arch = "wasm32"), egui::Button::new("As-of story (animated GIF)…"));
    let hint = "The as-of player from the first day to the data's as-of day, 48 frames, as the app draws them";
    if story.on_hover_text(hint).on_disabled_hover_text("In the desktop app").clicked() {
        out.push(ChromeAction::ExportVideo);
    }
}
