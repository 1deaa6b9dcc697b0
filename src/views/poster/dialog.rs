//! File > Export > Timeline poster…: the paper, the orientation, the range and the format, then
//! Export… (the shell asks where, or downloads it in the browser). What it prints is what the
//! filters show, in the lanes on screen.

use crate::model::print::{Paper, PosterChoice, PosterFormat};
use crate::state::State;
use crate::state::command::{Command, ExportCommand};
use crate::views::action::ChromeAction;

fn close() -> ChromeAction {
    ChromeAction::Command(Command::Export(ExportCommand::PosterDialog(None)))
}

/// The window, while it is open.
pub fn poster_dialog_ui(ctx: &egui::Context, state: &State) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let Some(current) = state.poster_dialog() else { return out };
    let mut choice = *current;
    let mut open = true;
    let window = egui::Window::new("Timeline poster").open(&mut open).collapsible(false).resizable(false);
    window.default_width(crate::theme::PAGE_DIALOG_WIDTH).show(ctx, |ui| {
        let shown: usize = state.lanes().iter().map(|l| l.items.len()).sum();
        let grouping = state.settings().lane_grouping.label().to_lowercase();
        ui.label(format!(
            "The timeline in vector pages: {shown} initiatives as the filters show them, lanes by {grouping}, \
             with labels, the legend and each page's axis and lane headers."
        ));
        ui.add_space(6.0);
        choices_ui(ui, &mut choice);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = if cfg!(target_arch = "wasm32") { "Download" } else { "Export…" };
            if ui.button(label).clicked() {
                out.push(ChromeAction::ExportPoster(choice));
                out.push(close());
            }
            if ui.button("Cancel").clicked() {
                out.push(close());
            }
        });
    });
    if !open {
        out.push(close());
    } else if choice != *current && out.is_empty() {
        out.push(ChromeAction::Command(Command::Export(ExportCommand::PosterDialog(Some(choice)))));
    }
    out
}

fn choices_ui(ui: &mut egui::Ui, choice: &mut PosterChoice) {
    egui::Grid::new("poster_dialog_fields").num_columns(2).show(ui, |ui| {
        ui.label("Format");
        ui.horizontal(|ui| {
            ui.radio_value(&mut choice.format, PosterFormat::Pdf, "PDF pages");
            ui.radio_value(&mut choice.format, PosterFormat::Svg, "SVG, one sheet");
        });
        ui.end_row();
        let pages = choice.format == PosterFormat::Pdf;
        ui.label("Paper");
        ui.add_enabled_ui(pages, |ui| {
            ui.horizontal(|ui| {
                let mut paper = choice.options.paper.unwrap_or(Paper::A4);
                for size in Paper::ALL {
                    ui.radio_value(&mut paper, size, size.label());
                }
                choice.options.paper = Some(paper);
            });
        });
        ui.end_row();
        ui.label("Orientation");
        ui.add_enabled_ui(pages, |ui| {
            ui.horizontal(|ui| {
                ui.radio_value(&mut choice.options.landscape, true, "Landscape");
                ui.radio_value(&mut choice.options.landscape, false, "Portrait");
            });
        });
        ui.end_row();
        ui.label("Range");
        ui.horizontal(|ui| {
            ui.radio_value(&mut choice.window_only, false, "The whole timeline");
            ui.radio_value(&mut choice.window_only, true, "The window on screen");
        });
        ui.end_row();
        ui.label("Pages across");
        ui.add_enabled_ui(pages, |ui| {
            ui.horizontal(|ui| {
                let mut auto = choice.options.pages_across.is_none();
                ui.checkbox(&mut auto, "As the range needs");
                let mut n = choice.options.pages_across.unwrap_or(1);
                if !auto {
                    ui.add(egui::DragValue::new(&mut n).range(1..=crate::theme::poster::MAX_PAGES_ACROSS));
                }
                choice.options.pages_across = (!auto).then_some(n);
            });
        });
        ui.end_row();
    });
}
