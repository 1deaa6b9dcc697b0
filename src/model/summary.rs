//! A one-screen summary of a dataset: counts, date span, places nobody uses.

use std::collections::BTreeMap;

use super::date::FuzzyDate;
use super::types::{Dataset, Status};

/// Counts and spans of a dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Number of initiatives.
    pub initiatives: usize,
    /// Number of locations.
    pub locations: usize,
    /// Number of sources.
    pub sources: usize,
    /// Number of eras.
    pub eras: usize,
    /// Earliest date of any initiative.
    pub first: Option<FuzzyDate>,
    /// Latest date of any initiative.
    pub last: Option<FuzzyDate>,
    /// Initiatives per status.
    pub by_status: BTreeMap<Status, usize>,
    /// Initiatives with no place (shown in the "no place" list).
    pub without_place: usize,
    /// Initiatives with no date (listed under the timeline).
    pub without_date: usize,
    /// Ids of locations no initiative uses.
    pub unused_locations: Vec<String>,
}

impl Summary {
    /// Summarises a dataset.
    pub fn of(ds: &Dataset) -> Self {
        let mut by_status = BTreeMap::new();
        for item in &ds.initiatives {
            *by_status.entry(item.status).or_insert(0) += 1;
        }
        let used: std::collections::HashSet<&str> =
            ds.initiatives.iter().flat_map(|i| i.places.iter().map(String::as_str)).collect();
        Self {
            initiatives: ds.initiatives.len(),
            locations: ds.locations.len(),
            sources: ds.sources.len(),
            eras: ds.eras.len(),
            first: ds.initiatives.iter().filter_map(super::types::Initiative::first_date).min(),
            last: ds.initiatives.iter().filter_map(super::types::Initiative::last_date).max(),
            by_status,
            without_place: ds.initiatives.iter().filter(|i| i.places.is_empty()).count(),
            without_date: ds.initiatives.iter().filter(|i| i.first_date().is_none()).count(),
            unused_locations: ds
                .locations
                .iter()
                .filter(|l| !used.contains(l.id.as_str()))
                .map(|l| l.id.clone())
                .collect(),
        }
    }
}
