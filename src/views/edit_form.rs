//! The initiative form: every field of the selected initiative as the data has it — title, summary,
//! body (markdown), status and its note, lines of effort, actors and tags, and the five dates typed
//! as we write them or as people type them, each with its reading in words (or why it does not read)
//! — with the problems `check` reports for it beside the form, Undo/Redo named after the change, and
//! Save. Like the other views it only returns commands.

use crate::model::LineOfEffort;
use crate::model::schema::UnitEnum as _;
use crate::model::view::{line_label, status_label};
use crate::state::command::{DateField, EditCommand, ListField, TextField};
use crate::state::{Command, Selection, State};
use crate::theme;

/// What the form asks the shell for besides commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormAsks {
    /// Save as (the data has no RON file of its own).
    pub save_as: bool,
}

/// Draws the form when it is open; returns its commands.
pub fn edit_form(
    ctx: &egui::Context,
    state: &State,
    markdown: &mut egui_commonmark::CommonMarkCache,
) -> (Vec<Command>, FormAsks) {
    let mut out = Vec::new();
    let mut asks = FormAsks::default();
    if !state.data_edit().open() {
        return (out, asks);
    }
    let mut open = true;
    let title = if state.data_edit().dirty() { "Edit (unsaved changes)" } else { "Edit" };
    egui::Window::new(title)
        .id(egui::Id::unique("edit_form"))
        .open(&mut open)
        .default_size([theme::EDIT_FORM_WIDTH, theme::EDIT_FORM_HEIGHT])
        .resizable(true)
        .default_pos([theme::EDIT_FORM_X, theme::EDIT_FORM_Y])
        .show(ctx, |ui| {
            toolbar_ui(ui, state, &mut out, &mut asks);
            crate::views::edit_lists::sources_and_eras_ui(ui, state, &mut out);
            ui.separator();
            match state.selection() {
                Some(Selection::Location(l)) => {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| crate::views::edit_place::place_ui(ui, state, l, &mut out));
                }
                Some(Selection::Initiative(i)) => {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| initiative_ui(ui, state, i, &mut out, markdown));
                }
                _ => {
                    ui.weak(
                        "Select an initiative or a place to edit it, or add one (Alt+click on the map adds a place there).",
                    );
                }
            }
        });
    if !open {
        out.push(Command::Edit(EditCommand::ToggleEditor));
    }
    (out, asks)
}

fn toolbar_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>, asks: &mut FormAsks) {
    let edit = state.data_edit();
    ui.horizontal(|ui| {
        if ui.button("Add initiative").clicked() {
            out.push(Command::Edit(EditCommand::AddInitiative));
        }
        let undo = edit.undo_label().map(|l| format!("Undo {l}"));
        if ui.add_enabled(undo.is_some(), egui::Button::new("Undo")).on_hover_text(undo.unwrap_or_default()).clicked() {
            out.push(Command::Edit(EditCommand::Undo));
        }
        let redo = edit.redo_label().map(|l| format!("Redo {l}"));
        if ui.add_enabled(redo.is_some(), egui::Button::new("Redo")).on_hover_text(redo.unwrap_or_default()).clicked() {
            out.push(Command::Edit(EditCommand::Redo));
        }
        let save = if state.can_save_in_place() { "Save" } else { "Save as RON…" };
        if ui.add_enabled(edit.dirty(), egui::Button::new(save)).clicked() {
            if state.can_save_in_place() {
                out.push(Command::Edit(EditCommand::Save));
            } else {
                asks.save_as = true;
            }
        }
        if ui
            .add_enabled(edit.dirty(), egui::Button::new("Discard"))
            .on_hover_text("Undo every change since the data was read or saved")
            .clicked()
        {
            out.push(Command::Edit(EditCommand::Discard));
        }
        let errors = edit.error_count();
        if errors > 0 {
            ui.colored_label(theme::palette(state.theme()).error_text, format!("{errors} error(s) in the data"))
                .on_hover_text("It can still be saved: it is your file. `check` lists them.");
        }
    });
    if let Some(message) = edit.message() {
        ui.label(message);
    }
    if edit.changed_on_disk() {
        ui.horizontal(|ui| {
            if ui
                .button("Save over it")
                .on_hover_text("Write the whole dataset; the file's other changes are lost")
                .clicked()
            {
                out.push(Command::Edit(EditCommand::SaveOver));
            }
            if ui.button("Save as RON…").clicked() {
                asks.save_as = true;
            }
            if ui
                .button("Reload it")
                .on_hover_text("Read the file as it is now; the changes here are dropped")
                .clicked()
            {
                out.extend([Command::Edit(EditCommand::Discard), Command::Reload]);
            }
        });
    }
}

/// What every row of the form needs: which initiative, its problems, the colours.
struct Form<'a> {
    i: usize,
    problems: Vec<(bool, Option<&'static str>, &'a str)>,
    pal: theme::Palette,
}

impl Form<'_> {
    /// The problems `check` reports for a field, under it.
    fn problems_ui(&self, ui: &mut egui::Ui, field: &str) {
        for (error, f, message) in &self.problems {
            if f.is_some_and(|f| f.starts_with(field)) {
                ui.colored_label(if *error { self.pal.error_text } else { self.pal.weak_text }, *message);
            }
        }
    }

    /// A labelled text field; `name` is the data's field name (for its problems).
    fn text_ui(
        &self,
        ui: &mut egui::Ui,
        out: &mut Vec<Command>,
        (label, field, name): (&str, TextField, &str),
        value: &str,
    ) {
        let label = ui.label(label);
        let mut text = value.to_owned();
        let multiline = matches!(field, TextField::Summary | TextField::Body);
        let changed = if multiline {
            // Long texts scroll inside their box, so the form keeps its size.
            egui::ScrollArea::vertical()
                .id_salt(("edit_text", label.id))
                .max_height(theme::EDIT_TEXT_HEIGHT)
                .show(ui, |ui| {
                    let edit = egui::TextEdit::multiline(&mut text).desired_rows(3).desired_width(f32::INFINITY);
                    ui.add(edit).labelled_by(label.id).changed()
                })
                .inner
        } else {
            ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)).labelled_by(label.id).changed()
        };
        if changed {
            out.push(Command::Edit(EditCommand::SetText(self.i, field, text)));
        }
        self.problems_ui(ui, name);
    }
}

fn initiative_ui(
    ui: &mut egui::Ui,
    state: &State,
    i: usize,
    out: &mut Vec<Command>,
    markdown: &mut egui_commonmark::CommonMarkCache,
) {
    let Some(x) = state.dataset().initiatives.get(i) else { return };
    let form = Form { i, problems: state.data_edit().findings_for(i), pal: theme::palette(state.theme()) };
    ui.weak(format!("id: {}", x.id));
    form.text_ui(ui, out, ("Title", TextField::Title, "title"), &x.title);
    dates_ui(ui, state, i, out);
    form.text_ui(ui, out, ("Summary", TextField::Summary, "summary"), &x.summary);
    form.text_ui(ui, out, ("Body (markdown)", TextField::Body, "body"), &x.body);
    body_preview_ui(ui, &x.body, markdown);
    ui.horizontal(|ui| {
        if let Some(status) = crate::views::edit_place::choice_ui(ui, ("Status", i), x.status, status_label) {
            out.push(Command::Edit(EditCommand::SetStatus(i, status)));
        }
    });
    let note = x.status_note.as_deref().unwrap_or_default();
    form.text_ui(ui, out, ("Status note", TextField::StatusNote, "status_note"), note);
    ui.label("Lines of effort");
    ui.horizontal_wrapped(|ui| {
        for line in LineOfEffort::ALL {
            let mut on = x.lines_of_effort.contains(line);
            if ui.checkbox(&mut on, line_label(*line)).changed() {
                out.push(Command::Edit(EditCommand::ToggleLine(i, *line)));
            }
        }
    });
    form.problems_ui(ui, "lines_of_effort");
    lists_ui(ui, state, i, out, &form);
    form.text_ui(ui, out, ("Actors (; or , between)", TextField::Actors, "actors"), &x.actors.join("; "));
    form.text_ui(ui, out, ("Tags (; or , between)", TextField::Tags, "tags"), &x.tags.join("; "));
    for (error, field, message) in &form.problems {
        if field.is_none() {
            ui.colored_label(if *error { form.pal.error_text } else { form.pal.weak_text }, *message);
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button("Duplicate").on_hover_text("A copy of every field, with a new id").clicked() {
            out.push(Command::Edit(EditCommand::DuplicateInitiative(i)));
        }
        if ui.button("Delete this initiative").clicked() {
            out.push(Command::Edit(EditCommand::DeleteInitiative(i, false)));
        }
        if state.data_edit().message().is_some_and(|m| m.contains("is not deleted"))
            && ui.button("Delete it and the links to it").clicked()
        {
            out.push(Command::Edit(EditCommand::DeleteInitiative(i, true)));
        }
    });
}

/// What a picker chooses from: the dataset's places, initiatives or sources.
#[derive(Clone, Copy)]
enum Pool {
    Places,
    Initiatives,
    Sources,
}

impl Pool {
    fn len(self, ds: &crate::model::Dataset) -> usize {
        match self {
            Self::Places => ds.locations.len(),
            Self::Initiatives => ds.initiatives.len(),
            Self::Sources => ds.sources.len(),
        }
    }

    /// Item `k`'s id and name.
    fn item(self, ds: &crate::model::Dataset, k: usize) -> Option<(&str, &str)> {
        match self {
            Self::Places => ds.locations.get(k).map(|l| (l.id.as_str(), l.name.as_str())),
            Self::Initiatives => ds.initiatives.get(k).map(|x| (x.id.as_str(), x.title.as_str())),
            Self::Sources => ds.sources.get(k).map(|s| (s.id.as_str(), s.title.as_str())),
        }
    }

    /// The name of the item with this id (looked up in the index for places and initiatives).
    fn name_of<'a>(self, state: &'a State, id: &str) -> Option<&'a str> {
        let (ds, index) = (state.dataset(), state.index());
        let k = match self {
            Self::Places => index.location_by_id.get(id).copied(),
            Self::Initiatives => index.initiative_by_id.get(id).copied(),
            Self::Sources => ds.sources.iter().position(|s| s.id == id),
        };
        k.and_then(|k| self.item(ds, k)).map(|(_, name)| name)
    }
}

/// The places, related initiatives and sources: the chosen ones (× takes one off) and a searchable
/// list to add from. Nothing is copied per frame: a million initiatives cost what the chosen ones do
/// until the list to add from is opened.
fn lists_ui(ui: &mut egui::Ui, state: &State, i: usize, out: &mut Vec<Command>, form: &Form<'_>) {
    let Some(x) = state.dataset().initiatives.get(i) else { return };
    let cited: Vec<String> = x.sources.iter().map(|c| c.source.clone()).collect();
    for (label, field, chosen, pool, name) in [
        ("Places", ListField::Places, &x.places, Pool::Places, "places"),
        ("Related initiatives", ListField::Related, &x.related, Pool::Initiatives, "related"),
        ("Sources", ListField::Sources, &cited, Pool::Sources, "sources"),
    ] {
        let label = ui.label(label).id;
        ui.horizontal_wrapped(|ui| {
            for id in chosen {
                let shown = pool.name_of(state, id).unwrap_or(id.as_str());
                if ui.small_button(format!("{shown} ×")).on_hover_text(format!("{id}: click to take it off")).clicked()
                {
                    let rest = chosen.iter().filter(|c| *c != id).cloned().collect();
                    out.push(Command::Edit(EditCommand::SetList(i, field, rest)));
                }
            }
            // An initiative is not related to itself.
            let skip = (field == ListField::Related).then_some(x.id.as_str());
            picker_ui(ui, (i, field, label), (state, pool, skip), chosen, |id| {
                let mut more = chosen.clone();
                more.push(id);
                out.push(Command::Edit(EditCommand::SetList(i, field, more)));
            });
        });
        form.problems_ui(ui, name);
    }
    crate::views::edit_lists::cited_sources_ui(ui, state, i, out);
}

/// "Add…": what is not chosen yet, narrowed by what is typed in its search box (kept in egui's
/// memory, like any text being typed); the first `theme::EDIT_PICKER_MAX` matches are listed.
fn picker_ui(
    ui: &mut egui::Ui,
    key: (usize, ListField, egui::Id),
    (state, pool, skip): (&State, Pool, Option<&str>),
    chosen: &[String],
    mut picked: impl FnMut(String),
) {
    let query_id = egui::Id::unique(("edit_picker_query", key.0, format!("{:?}", key.1)));
    egui::ComboBox::from_id_salt(("edit_picker", key.0, format!("{:?}", key.1)))
        .selected_text("Add…")
        .width(theme::EDIT_DATE_WIDTH)
        .show_ui(ui, |ui| {
            let mut query: String = ui.data_mut(|d| d.get_temp(query_id).unwrap_or_default());
            ui.add(egui::TextEdit::singleline(&mut query).hint_text("search"));
            let folded = crate::model::search::normalize(&query);
            let ds = state.dataset();
            let matches = (0..pool.len(ds)).filter_map(|k| pool.item(ds, k)).filter(|(id, name)| {
                Some(*id) != skip
                    && !chosen.iter().any(|c| c == id)
                    && (folded.is_empty() || crate::model::search::normalize(&format!("{name} {id}")).contains(&folded))
            });
            let mut shown = 0;
            egui::ScrollArea::vertical().max_height(theme::EDIT_PICKER_HEIGHT).show(ui, |ui| {
                for (id, name) in matches.take(theme::EDIT_PICKER_MAX) {
                    shown += 1;
                    if ui.selectable_label(false, name).on_hover_text(id).clicked() {
                        picked(id.to_owned());
                    }
                }
            });
            if shown == theme::EDIT_PICKER_MAX {
                ui.weak("Type to find more");
            } else if shown == 0 {
                ui.weak("Nothing matches");
            }
            ui.data_mut(|d| d.insert_temp(query_id, query));
        })
        .response
        .labelled_by(key.2);
}

fn dates_ui(ui: &mut egui::Ui, state: &State, i: usize, out: &mut Vec<Command>) {
    let Some(x) = state.dataset().initiatives.get(i) else { return };
    let pal = theme::palette(state.theme());
    egui::Grid::new(("edit_dates", i)).num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
        for field in DateField::ALL {
            let value = match field {
                DateField::Announced => x.announced,
                DateField::Start => x.start,
                DateField::Target => x.target,
                DateField::Completed => x.completed,
                DateField::End => x.end,
            };
            let draft = state.data_edit().draft(i, field);
            let mut text = draft.map_or_else(
                || value.map(crate::model::FuzzyDate::to_data_string).unwrap_or_default(),
                |(t, _)| t.to_owned(),
            );
            let label = ui.label(field.name());
            let input = egui::TextEdit::singleline(&mut text)
                .desired_width(theme::EDIT_DATE_WIDTH)
                .hint_text("by 2025, JFY2027, c. Nov 2022…");
            let response = ui.add_sized([theme::EDIT_DATE_WIDTH, theme::EDIT_ROW_HEIGHT], input).labelled_by(label.id);
            if response.changed() {
                out.push(Command::Edit(EditCommand::SetDate(i, field, text)));
            }
            match (draft, value) {
                (Some((_, why)), _) => ui.colored_label(pal.error_text, why),
                (None, Some(date)) => ui.weak(date.in_words()),
                (None, None) => ui.weak("—"),
            };
            ui.end_row();
        }
    });
}

/// The body as the details panel will show it (links that must not open shown as text), under the
/// box it is typed in; folded away until asked for, and kept open from then on.
fn body_preview_ui(ui: &mut egui::Ui, body: &str, markdown: &mut egui_commonmark::CommonMarkCache) {
    egui::CollapsingHeader::new("Preview the body").id_salt("edit_body_preview").show(ui, |ui| {
        if body.trim().is_empty() {
            ui.weak("The body is empty.");
            return;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("edit_body_preview_scroll")
                .max_height(theme::EDIT_PREVIEW_HEIGHT)
                .show(ui, |ui| crate::views::markdown::show(ui, markdown, body));
        });
    });
}
