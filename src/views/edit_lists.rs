//! The edit form's lists of sources and eras: pick one to edit its fields, add one, delete one (a
//! source still cited is refused, the form says by whom). Which one is picked is the form's own
//! passing state, kept in egui's memory. Like the other views it only returns commands.

use crate::model::FuzzyDate;
use crate::state::command::{EditCommand, EraField, SourceField};
use crate::state::{Command, State};
use crate::theme;

/// The sources and eras sections, folded until opened.
pub fn sources_and_eras_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let ds = state.dataset();
    egui::CollapsingHeader::new(format!("Sources ({})", ds.sources.len())).id_salt("edit_sources").show(ui, |ui| {
        let names: Vec<String> = ds.sources.iter().map(|s| format!("{} — {}", s.id, s.title)).collect();
        let Some(s) = picked_ui(ui, "edit_source_pick", &names, out, EditCommand::AddSource) else { return };
        let Some(source) = ds.sources.get(s) else { return };
        source_fields_ui(ui, s, source, out);
        if ui.button("Delete this source").clicked() {
            out.push(Command::Edit(EditCommand::DeleteSource(s)));
        }
    });
    egui::CollapsingHeader::new(format!("Eras ({})", ds.eras.len())).id_salt("edit_eras").show(ui, |ui| {
        let names: Vec<String> = ds.eras.iter().map(|e| e.title.clone()).collect();
        let Some(e) = picked_ui(ui, "edit_era_pick", &names, out, EditCommand::AddEra) else { return };
        let Some(era) = ds.eras.get(e) else { return };
        for (label, field, value) in [
            ("Title", EraField::Title, era.title.clone()),
            ("Start", EraField::Start, era.start.to_data_string()),
            ("End", EraField::End, era.end.to_data_string()),
        ] {
            if let Some(text) = text_row(ui, label, &value, field != EraField::Title) {
                out.push(Command::Edit(EditCommand::SetEra(e, field, text)));
            }
        }
        if ui.button("Delete this era").clicked() {
            out.push(Command::Edit(EditCommand::DeleteEra(e)));
        }
    });
}

/// The sources initiative `i` cites, each editable in place (title, publisher, url, date), and "New
/// source cited here": a source is written where it is needed, not first in the list of all sources.
/// Open while a cited source has no publisher yet (a new one).
pub fn cited_sources_ui(ui: &mut egui::Ui, state: &State, i: usize, out: &mut Vec<Command>) {
    let ds = state.dataset();
    let Some(x) = ds.initiatives.get(i) else { return };
    let cited: Vec<usize> = x.sources.iter().filter_map(|c| ds.sources.iter().position(|s| s.id == c.source)).collect();
    let fresh = cited.iter().any(|&s| ds.sources[s].publisher.is_empty());
    egui::CollapsingHeader::new(format!("Edit the cited sources ({})", cited.len()))
        .id_salt(("edit_cited", i))
        .open(fresh.then_some(true))
        .show(ui, |ui| {
            for &s in &cited {
                let source = &ds.sources[s];
                ui.push_id(("cited", s), |ui| {
                    ui.weak(format!("source id: {}", source.id));
                    source_fields_ui(ui, s, source, out);
                });
                ui.separator();
            }
            if ui.button("New source cited here").clicked() {
                out.push(Command::Edit(EditCommand::AddSourceFor(i)));
            }
        });
}

/// The four fields of source `s`.
fn source_fields_ui(ui: &mut egui::Ui, s: usize, source: &crate::model::Source, out: &mut Vec<Command>) {
    let date = source.date.map(FuzzyDate::to_data_string).unwrap_or_default();
    for (label, field, value) in [
        ("Title", SourceField::Title, source.title.clone()),
        ("Publisher", SourceField::Publisher, source.publisher.clone()),
        ("Url", SourceField::Url, source.url.clone().unwrap_or_default()),
        ("Date (as people type it)", SourceField::Date, date),
    ] {
        if let Some(text) = text_row(ui, label, &value, field == SourceField::Date) {
            out.push(Command::Edit(EditCommand::SetSource(s, field, text)));
        }
    }
}

/// A chooser of one item of a list, and Add; the picked one (kept in egui's memory under `key`).
fn picked_ui(
    ui: &mut egui::Ui,
    key: &str,
    names: &[String],
    out: &mut Vec<Command>,
    add: EditCommand,
) -> Option<usize> {
    let id = egui::Id::unique(key);
    let mut picked: usize = ui.data(|d| d.get_temp(id)).unwrap_or(0).min(names.len().saturating_sub(1));
    ui.horizontal(|ui| {
        let label = ui.label("Edit");
        egui::ComboBox::from_id_salt(id)
            .selected_text(names.get(picked).map_or("—", String::as_str))
            .width(theme::EDIT_PICKER_WIDTH)
            .show_ui(ui, |ui| {
                for (i, name) in names.iter().enumerate() {
                    ui.selectable_value(&mut picked, i, name);
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button("Add").clicked() {
            picked = names.len();
            out.push(Command::Edit(add));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, picked));
    (picked < names.len()).then_some(picked)
}

/// A labelled one-line field; the text when it changed. Dates are sent when Enter or leaving the
/// field ends the typing, so a half-typed date is not refused at every keystroke.
fn text_row(ui: &mut egui::Ui, label: &str, value: &str, date: bool) -> Option<String> {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)).labelled_by(label.id);
    let done = if date { response.lost_focus() && text != value } else { response.changed() };
    done.then_some(text)
}
