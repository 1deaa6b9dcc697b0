//! The location list: a sortable, virtualised table of places with their initiative counts and dates.

use egui::{Align, Sense};
use egui_extras::{Column, TableBuilder};

pub use crate::state::locations::{LocationColumn, LocationRow, LocationSort, kind_label};
pub use crate::state::read::location_rows;
use crate::state::{Command, Origin, Selection, State};

/// Draws the list; returns the commands of the user's clicks.
pub fn location_list_ui(ui: &mut egui::Ui, state: &State, rows: &[LocationRow]) -> Vec<Command> {
    let mut commands = Vec::new();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let scroll_to = scroll_target(ui, state, rows);
    let mut table = TableBuilder::new(ui)
        .id_salt("locations")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::remainder().at_least(120.0))
        .column(Column::auto().at_least(54.0))
        .column(Column::auto().at_least(30.0))
        .column(Column::auto().at_least(24.0))
        .columns(Column::auto().at_least(64.0), 2);
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, Some(Align::Center));
    }
    table
        .header(row_height, |mut header| {
            for column in LocationColumn::ALL {
                header.col(|ui| {
                    if let Some(command) = header_ui(ui, state, column) {
                        commands.push(command);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some(data) = rows.get(row.index()) else {
                    return;
                };
                let Some(place) = state.dataset().locations.get(data.location) else {
                    return;
                };
                row.set_selected(state.is_location_highlighted(data.location));
                row.col(|ui| {
                    let name = match &place.name_ja {
                        Some(ja) => format!("{}  {ja}", place.name),
                        None => place.name.clone(),
                    };
                    ui.add(egui::Label::new(name).truncate().selectable(false));
                });
                let count = data.count.to_string();
                let dates = [data.first, data.last].map(|d| d.map(|d| d.period.to_string()).unwrap_or_default());
                for text in [kind_label(place.kind), place.country.as_str(), &count, &dates[0], &dates[1]] {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).selectable(false));
                    });
                }
                if row.response().clicked() {
                    commands.push(Command::Select(Selection::Location(data.location), Origin::List));
                }
            });
        });
    commands
}

/// The row to scroll to: once per selection made in another view, so the user can still scroll.
fn scroll_target(ui: &egui::Ui, state: &State, rows: &[LocationRow]) -> Option<usize> {
    let memory = ui.make_persistent_id("locations_scrolled_for");
    let last: Option<Selection> = ui.data(|d| d.get_temp(memory)).flatten();
    if state.selection() == last {
        return None;
    }
    ui.data_mut(|d| d.insert_temp(memory, state.selection()));
    if state.selection_origin() == Origin::List {
        return None;
    }
    state.selection()?;
    rows.iter().position(|r| state.is_location_highlighted(r.location))
}

fn header_ui(ui: &mut egui::Ui, state: &State, column: LocationColumn) -> Option<Command> {
    let arrow = match (state.location_sort().column == column, state.location_sort().ascending) {
        (true, true) => " ↑",
        (true, false) => " ↓",
        _ => "",
    };
    let text = egui::RichText::new(format!("{}{arrow}", header(column))).strong();
    let clicked = ui.add(egui::Button::new(text).frame(false)).on_hover_text("Sort by this column").clicked();
    clicked.then_some(Command::SortLocations(column))
}

/// A column's heading.
fn header(column: LocationColumn) -> &'static str {
    match column {
        LocationColumn::Name => "Place",
        LocationColumn::Kind => "Kind",
        LocationColumn::Country => "Country",
        LocationColumn::Count => "#",
        LocationColumn::First => "First",
        LocationColumn::Last => "Last",
    }
}
