//! The location list's rows as the state derives them: which places pass the filters, their counts
//! and date spans, in the chosen order. Pure view data, owned by the state, drawn by
//! `views::location_list`.

use crate::model::{FuzzyDate, LocationKind};
use crate::state::State;

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
