//! The location list: a sortable, virtualised table of places with their initiative counts and dates.

use egui::{Align, Sense};
use egui_extras::{Column, TableBuilder};

use crate::model::{FuzzyDate, LocationKind};
use crate::state::{Command, Origin, Selection, State};

/// Columns of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LocationColumn {
    /// Name (and Japanese name).
    #[default]
    Name,
    /// Kind of place.
    Kind,
    /// Country code.
    Country,
    /// Number of initiatives.
    Count,
    /// First date of its initiatives.
    First,
    /// Last date of its initiatives.
    Last,
}

impl LocationColumn {
    /// Every column, in display order.
    pub const ALL: [Self; 6] = [Self::Name, Self::Kind, Self::Country, Self::Count, Self::First, Self::Last];

    fn header(self) -> &'static str {
        match self {
            Self::Name => "Place",
            Self::Kind => "Kind",
            Self::Country => "Country",
            Self::Count => "#",
            Self::First => "First",
            Self::Last => "Last",
        }
    }
}

/// Sort order of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationSort {
    /// Sorted by.
    pub column: LocationColumn,
    /// Smallest first.
    pub ascending: bool,
}

impl Default for LocationSort {
    fn default() -> Self {
        Self { column: LocationColumn::Name, ascending: true }
    }
}

impl LocationSort {
    /// Sorting by `column`: the same column again reverses, a new one starts ascending.
    #[must_use]
    pub fn toggled(self, column: LocationColumn) -> Self {
        if self.column == column {
            Self { column, ascending: !self.ascending }
        } else {
            Self { column, ascending: true }
        }
    }
}

/// One row's derived values.
#[derive(Clone, Debug, PartialEq)]
pub struct LocationRow {
    /// Position in the dataset's locations.
    pub location: usize,
    /// Number of initiatives there.
    pub count: usize,
    /// Earliest date of those initiatives.
    pub first: Option<FuzzyDate>,
    /// Latest date of those initiatives.
    pub last: Option<FuzzyDate>,
}

/// Words for a location kind.
pub fn kind_label(kind: LocationKind) -> &'static str {
    match kind {
        LocationKind::Base => "Base",
        LocationKind::Airbase => "Air base",
        LocationKind::City => "City",
        LocationKind::Capital => "Capital",
        LocationKind::Island => "Island",
        LocationKind::SeaArea => "Sea area",
        LocationKind::Region => "Region",
        LocationKind::Building => "Building",
        LocationKind::Landmark => "Landmark",
    }
}

/// The rows of the list in display order.
pub fn location_rows(state: &State, sort: LocationSort) -> Vec<LocationRow> {
    let (ds, index) = (&state.dataset, &state.index);
    // Every place when nothing is filtered; else only places with initiatives that pass.
    let filtered = !state.focus.filter.is_empty();
    let mut rows: Vec<LocationRow> = (0..ds.locations.len())
        .filter_map(|location| {
            let all = index.initiatives_at.get(location).map_or(&[][..], Vec::as_slice);
            let items: Vec<usize> = all.iter().copied().filter(|&i| state.is_visible(i)).collect();
            if filtered && items.is_empty() {
                return None;
            }
            let initiatives = || items.iter().filter_map(|&i| ds.initiatives.get(i));
            Some(LocationRow {
                location,
                count: items.len(),
                first: initiatives().filter_map(crate::model::Initiative::first_date).min(),
                last: initiatives().filter_map(crate::model::Initiative::last_date).max(),
            })
        })
        .collect();
    let name = |r: &LocationRow| ds.locations.get(r.location).map(|l| l.name.to_lowercase()).unwrap_or_default();
    rows.sort_by(|a, b| {
        let (la, lb) = (ds.locations.get(a.location), ds.locations.get(b.location));
        let order = match sort.column {
            LocationColumn::Name => name(a).cmp(&name(b)),
            LocationColumn::Kind => la.map(|l| kind_label(l.kind)).cmp(&lb.map(|l| kind_label(l.kind))),
            LocationColumn::Country => la.map(|l| &l.country).cmp(&lb.map(|l| &l.country)),
            LocationColumn::Count => a.count.cmp(&b.count),
            LocationColumn::First => a.first.cmp(&b.first),
            LocationColumn::Last => a.last.cmp(&b.last),
        };
        let order = if sort.ascending { order } else { order.reverse() };
        order.then_with(|| name(a).cmp(&name(b)))
    });
    rows
}

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
        .column(Column::remainder().at_least(120.0).clip(true))
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
                let Some(place) = state.dataset.locations.get(data.location) else {
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
    if state.selection == last {
        return None;
    }
    ui.data_mut(|d| d.insert_temp(memory, state.selection));
    if state.selection_origin == Origin::List {
        return None;
    }
    state.selection?;
    rows.iter().position(|r| state.is_location_highlighted(r.location))
}

fn header_ui(ui: &mut egui::Ui, state: &State, column: LocationColumn) -> Option<Command> {
    let arrow = match (state.location_sort.column == column, state.location_sort.ascending) {
        (true, true) => " ↑",
        (true, false) => " ↓",
        _ => "",
    };
    let text = egui::RichText::new(format!("{}{arrow}", column.header())).strong();
    let clicked = ui.add(egui::Button::new(text).frame(false)).on_hover_text("Sort by this column").clicked();
    clicked.then_some(Command::SortLocations(column))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    fn rows(sort: LocationSort) -> (Dataset, Vec<LocationRow>) {
        let state = State::new(crate::state::Settings::default(), crate::model::Day(20_000));
        let rows = location_rows(&state, sort);
        (state.dataset, rows)
    }

    #[test]
    fn sorts_by_each_column_both_ways() {
        for column in LocationColumn::ALL {
            for ascending in [true, false] {
                let (ds, rows) = rows(LocationSort { column, ascending });
                assert_eq!(rows.len(), ds.locations.len());
                for pair in rows.windows(2) {
                    let order = match column {
                        LocationColumn::Count => pair[0].count.cmp(&pair[1].count),
                        LocationColumn::First => pair[0].first.cmp(&pair[1].first),
                        LocationColumn::Last => pair[0].last.cmp(&pair[1].last),
                        LocationColumn::Name => ds.locations[pair[0].location]
                            .name
                            .to_lowercase()
                            .cmp(&ds.locations[pair[1].location].name.to_lowercase()),
                        LocationColumn::Kind => kind_label(ds.locations[pair[0].location].kind)
                            .cmp(kind_label(ds.locations[pair[1].location].kind)),
                        LocationColumn::Country => {
                            ds.locations[pair[0].location].country.cmp(&ds.locations[pair[1].location].country)
                        }
                    };
                    let expected = if ascending { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less };
                    assert_ne!(order, expected, "{column:?} ascending={ascending}");
                }
            }
        }
    }

    #[test]
    fn counts_and_dates_come_from_the_places_initiatives() {
        let (ds, rows) = rows(LocationSort { column: LocationColumn::Count, ascending: false });
        let top = &rows[0];
        assert_eq!(ds.locations[top.location].id, "camp_hansen");
        assert!(top.count >= 5);
        assert!(top.first <= top.last);
        assert!(!LocationSort::default().toggled(LocationColumn::Name).ascending);
    }
}
