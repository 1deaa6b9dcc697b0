//! The import window: a spreadsheet whose headers Alliance Atlas does not know, shown as its first
//! rows under a field chooser per column (a guess preselected), with how to read fiscal years and
//! `03/04/2023`. Like the other views it only returns commands.

use crate::formats::import::table::{FIELDS, field_label};
use crate::model::date_loose::DayOrder;
use crate::state::command::ImportCommand;
use crate::state::{Command, State};
use crate::theme;

/// Longest cell text shown in the preview.
const PREVIEW_CHARS: usize = 28;

/// Draws the import window when a spreadsheet waits for its columns; returns its commands.
pub fn import_window(ctx: &egui::Context, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    let Some(pending) = state.pending_import() else { return out };
    let mut open = true;
    let file = std::path::Path::new(&pending.name()).file_name().map(|f| f.to_string_lossy().into_owned());
    let file = file.unwrap_or_else(|| pending.name());
    egui::Window::new(format!("Import {file}"))
        .id(egui::Id::unique("import_window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(theme::IMPORT_WINDOW_WIDTH)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "The columns of {file} are not our template's nor a TimelineJS sheet's. Say what each column \
                 holds; the first rows are shown under it."
            ));
            ui.add_space(6.0);
            columns_ui(ui, state, &mut out);
            ui.separator();
            dates_ui(ui, state, &mut out);
            ui.separator();
            buttons_ui(ui, state, &mut out);
        });
    if !open {
        out.push(Command::Import(ImportCommand::Cancel));
    }
    out
}

fn columns_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let Some(pending) = state.pending_import() else { return };
    let request = pending.request();
    let chosen = pending.columns();
    egui::ScrollArea::horizontal().id_salt("import_columns").show(ui, |ui| {
        egui::Grid::new("import_grid").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
            for header in &request.headers {
                ui.strong(if header.is_empty() { "(no header)" } else { header });
            }
            ui.end_row();
            for (i, header) in request.headers.iter().enumerate() {
                let current = chosen.get(i).cloned().flatten();
                let shown = current.as_deref().map_or_else(|| "— not read —".to_owned(), field_label);
                let mut picked = current.clone();
                egui::ComboBox::from_id_salt(("import_field", i))
                    .selected_text(shown)
                    .width(theme::IMPORT_FIELD_WIDTH)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut picked, None, "— not read —");
                        for field in FIELDS {
                            ui.selectable_value(&mut picked, Some(field.to_owned()), field_label(field));
                        }
                    })
                    .response
                    .on_hover_text(format!("What column \"{header}\" holds"));
                if picked != current {
                    out.push(Command::Import(ImportCommand::SetColumn(i, picked)));
                }
            }
            ui.end_row();
            for row in &request.preview {
                for cell in row {
                    let short: String = cell.chars().take(PREVIEW_CHARS).collect();
                    let text = if short.len() < cell.len() { format!("{short}…") } else { short };
                    ui.weak(text).on_hover_text(cell);
                }
                ui.end_row();
            }
        });
    });
}

fn dates_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let Some(pending) = state.pending_import() else { return };
    let options = pending.options();
    ui.horizontal(|ui| {
        ui.label("A bare FY2027 is");
        let mut us = options.us_fiscal;
        ui.radio_value(&mut us, false, "Japan's (Apr–Mar)");
        ui.radio_value(&mut us, true, "the US's (Oct–Sep)");
        if us != options.us_fiscal {
            out.push(Command::Import(ImportCommand::UsFiscal(us)));
        }
    });
    ui.horizontal(|ui| {
        ui.label("03/04/2023 is");
        let mut order = options.day_order;
        ui.radio_value(&mut order, DayOrder::Ask, "an error (nothing guessed)");
        ui.radio_value(&mut order, DayOrder::DayFirst, "3 April (day first)");
        ui.radio_value(&mut order, DayOrder::MonthFirst, "March 4 (month first)");
        if order != options.day_order {
            out.push(Command::Import(ImportCommand::DayOrder(order)));
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let Some(pending) = state.pending_import() else { return };
    if !pending.has_title() {
        ui.colored_label(
            theme::palette(state.theme()).error_text,
            "Choose the column that holds each initiative's title.",
        );
    } else if pending.tried() && state.load_failure().is_some() {
        ui.label("The import found problems (listed under the top bar). Change the choices and import again.");
    } else {
        ui.weak("The choices are remembered: a file with these headers imports the same way next time.");
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(pending.has_title(), egui::Button::new("Import")).clicked() {
            out.push(Command::Import(ImportCommand::Apply));
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::Import(ImportCommand::Cancel));
        }
    });
}
