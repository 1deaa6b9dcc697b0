//! File > Export > Briefing page…: the one-file page's options (open presenting, read-only, a title,
//! a caveat banner), then Export… (the shell asks where, or downloads it in the browser).

use crate::formats::page::PageOptions;
use crate::state::State;
use crate::state::command::{Command, ExportCommand};
use crate::views::action::ChromeAction;

/// The window, while it is open.
pub fn page_dialog_ui(ctx: &egui::Context, state: &State) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let Some(current) = state.page_dialog() else { return out };
    let mut options = current.clone();
    let mut open = true;
    let window = egui::Window::new("Briefing page").open(&mut open).collapsible(false).resizable(false);
    window.default_width(crate::theme::PAGE_DIALOG_WIDTH).show(ctx, |ui| {
        ui.label(
            "One HTML file with the app, the data, the deck and the fonts: it opens by double-click, \
             from a USB stick, with no server and no network.",
        );
        ui.add_space(6.0);
        let steps = state.deck().map_or(0, |d| d.steps.len());
        ui.add_enabled(
            steps > 0,
            egui::Checkbox::new(&mut options.present, format!("Open presenting ({steps} steps)")),
        );
        ui.checkbox(&mut options.read_only, "Read-only (no File or Edit menu)");
        egui::Grid::new("page_dialog_fields").num_columns(2).show(ui, |ui| {
            ui.label("Title");
            ui.add(egui::TextEdit::singleline(&mut options.title).hint_text(&state.dataset().meta.title));
            ui.end_row();
            ui.label("Banner");
            ui.add(egui::TextEdit::singleline(&mut options.banner).hint_text("UNCLASSIFIED // FOR TRAINING"))
                .on_hover_text("Shown at the top and the foot of every screen and slide");
            ui.end_row();
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = if cfg!(target_arch = "wasm32") { "Download" } else { "Export…" };
            if ui.button(label).clicked() {
                out.push(ChromeAction::ExportPage(Box::new(options.clone())));
                out.push(ChromeAction::Command(Command::Export(ExportCommand::PageDialog(None))));
            }
            if ui.button("Cancel").clicked() {
                out.push(ChromeAction::Command(Command::Export(ExportCommand::PageDialog(None))));
            }
        });
    });
    if !open {
        out.push(ChromeAction::Command(Command::Export(ExportCommand::PageDialog(None))));
    } else if options != *current && out.is_empty() {
        out.push(ChromeAction::Command(Command::Export(ExportCommand::PageDialog(Some(Box::new(options))))));
    }
    out
}

/// The options a new page starts with: presenting when there is a deck, the title of the page this
/// runs in or the dataset's, and the caveat banner of the page this runs in (a page made from a marked
/// page keeps its marking unless the user changes it).
pub fn initial_options(state: &State) -> PageOptions {
    let page = state.page();
    let title = if page.title.trim().is_empty() { state.dataset().meta.title.clone() } else { page.title.clone() };
    PageOptions { present: state.deck().is_some(), read_only: false, title, banner: page.banner.clone() }
}
