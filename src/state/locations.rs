//! The location list's rows as the state derives them: which places pass the filters, their counts
//! and date spans, in the chosen order. Pure view data, owned by the state, drawn by
//! `views::location_list`.

use crate::model::{FuzzyDate, LocationKind};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;
    use crate::state::State;
    use crate::state::read::location_rows;

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
        // The Ministry of Defense and Tokyo have six initiatives each; ties go by name.
        assert_eq!(ds.locations[top.location].id, "mod_ichigaya");
        assert_eq!(top.count, 6);
        let hansen = rows.iter().find(|r| ds.locations[r.location].id == "camp_hansen").expect("Camp Hansen");
        assert_eq!(hansen.count, 5);
        assert!(top.first <= top.last);
        assert!(!LocationSort::default().toggled(LocationColumn::Name).ascending);
    }
}
