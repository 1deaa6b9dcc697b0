//! Filters: search text, facets, a date range and an "as of" day. Pure; every view shows the set they
//! select. Within a facet the values are alternatives (OR); different facets must all hold (AND).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::compare::{ChangeKind, change_between};
use super::index::Index;
use super::search::normalize;
pub use super::status::status_as_of;
use super::types::{Dataset, Initiative, LineOfEffort, LocationKind, Status};

/// What narrows the dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Search text (folded for case, accents, width and kana).
    pub search: String,
    /// Lines of effort to keep.
    pub lines: BTreeSet<LineOfEffort>,
    /// Statuses to keep (as of the as-of day when set).
    pub statuses: BTreeSet<Status>,
    /// Actors to keep.
    pub actors: BTreeSet<String>,
    /// Kinds of place to keep.
    pub place_kinds: BTreeSet<LocationKind>,
    /// Keep only initiatives with (true) or without (false) a place.
    pub has_place: Option<bool>,
    /// Keep initiatives whose dates overlap this range of day numbers.
    pub date_range: Option<(f64, f64)>,
    /// Show the alliance as it stood on this day (a day number): later initiatives are hidden and
    /// statuses are those of that day.
    pub as_of: Option<i64>,
    /// Compare: the earlier of two days (the later is `as_of`); every initiative then has a change.
    pub since: Option<i64>,
    /// Kinds of change to keep (only while comparing).
    pub changes: BTreeSet<ChangeKind>,
}

/// The facets, for counting "what would I get if I also chose this".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// Lines of effort.
    Lines,
    /// Statuses.
    Statuses,
    /// Actors.
    Actors,
    /// Kinds of place.
    PlaceKinds,
    /// Has a place or not.
    HasPlace,
    /// Kind of change (comparing).
    Changes,
}

/// Live counts for every facet value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per line of effort.
    pub lines: BTreeMap<LineOfEffort, usize>,
    /// Per status (as of the as-of day).
    pub statuses: BTreeMap<Status, usize>,
    /// Per actor.
    pub actors: BTreeMap<String, usize>,
    /// Per kind of place.
    pub place_kinds: BTreeMap<LocationKind, usize>,
    /// Without a place, with a place.
    pub has_place: [usize; 2],
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The two days compared (earlier, later): `since` and `as_of`, when both are set.
    pub fn compare_days(&self) -> Option<(i64, i64)> {
        let (a, b) = (self.since?, self.as_of?);
        Some((a.min(b), a.max(b)))
    }

    /// The status the filter sees for an item: as of the as-of day, or its own.
    pub fn status_of(&self, item: &Initiative) -> Option<Status> {
        match self.as_of {
            Some(day) => status_as_of(item, day),
            None => Some(item.status),
        }
    }

    /// Whether initiative `i` passes every part of the filter except `skip`.
    pub fn matches_except(&self, ds: &Dataset, index: &Index, needle: &str, i: usize, skip: Option<Facet>) -> bool {
        let Some(item) = ds.initiatives.get(i) else {
            return false;
        };
        let Some(status) = self.status_of(item) else {
            return false;
        };
        let facet = |f: Facet| skip != Some(f);
        let places = index.places_of.get(i).unwrap_or_default();
        (needle.is_empty() || index.haystacks.get(i).is_some_and(|h| h.contains(needle)))
            && (!facet(Facet::Lines)
                || self.lines.is_empty()
                || item.lines_of_effort.iter().any(|l| self.lines.contains(l)))
            && (!facet(Facet::Statuses) || self.statuses.is_empty() || self.statuses.contains(&status))
            && (!facet(Facet::Actors) || self.actors.is_empty() || item.actors.iter().any(|a| self.actors.contains(a)))
            && (!facet(Facet::PlaceKinds)
                || self.place_kinds.is_empty()
                || places.iter().any(|&p| ds.locations.get(p).is_some_and(|l| self.place_kinds.contains(&l.kind))))
            && (!facet(Facet::HasPlace) || self.has_place.is_none_or(|want| want != places.is_empty()))
            && self
                .date_range
                .is_none_or(|(a, b)| index.spans.get(i).copied().flatten().is_some_and(|(s, e)| e > a && s < b))
            && (!facet(Facet::Changes) || self.changes.is_empty() || self.change_matches(item))
    }

    /// Whether the item's change between the compared days is one of `changes` (true when not comparing).
    fn change_matches(&self, item: &Initiative) -> bool {
        self.compare_days()
            .is_none_or(|(from, to)| change_between(item, from, to).is_some_and(|k| self.changes.contains(&k)))
    }

    /// Whether initiative `i` passes (one item of [`Self::apply`]).
    pub fn matches(&self, ds: &Dataset, index: &Index, i: usize) -> bool {
        self.matches_except(ds, index, &normalize(self.search.trim()), i, None)
    }

    /// Which initiatives pass.
    pub fn apply(&self, ds: &Dataset, index: &Index) -> Vec<bool> {
        let needle = normalize(self.search.trim());
        (0..ds.initiatives.len()).map(|i| self.matches_except(ds, index, &needle, i, None)).collect()
    }

    /// For each facet value, how many initiatives would pass with the other facets as they are.
    pub fn counts(&self, ds: &Dataset, index: &Index) -> FacetCounts {
        let needle = normalize(self.search.trim());
        let mut counts = FacetCounts::default();
        for (i, item) in ds.initiatives.iter().enumerate() {
            let passes = |f: Facet| self.matches_except(ds, index, &needle, i, Some(f));
            if passes(Facet::Lines) {
                for line in item.lines_of_effort.iter().collect::<BTreeSet<_>>() {
                    *counts.lines.entry(*line).or_default() += 1;
                }
            }
            if passes(Facet::Statuses)
                && let Some(status) = self.status_of(item)
            {
                *counts.statuses.entry(status).or_default() += 1;
            }
            if passes(Facet::Actors) {
                for actor in item.actors.iter().collect::<BTreeSet<_>>() {
                    *counts.actors.entry(actor.clone()).or_default() += 1;
                }
            }
            let places = index.places_of.get(i).unwrap_or_default();
            if passes(Facet::PlaceKinds) {
                let kinds: BTreeSet<LocationKind> =
                    places.iter().filter_map(|&p| ds.locations.get(p).map(|l| l.kind)).collect();
                for kind in kinds {
                    *counts.place_kinds.entry(kind).or_default() += 1;
                }
            }
            if passes(Facet::HasPlace) {
                counts.has_place[usize::from(!places.is_empty())] += 1;
            }
        }
        counts
    }
}
