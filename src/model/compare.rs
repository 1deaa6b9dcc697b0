//! Comparing two days: what changed for each initiative between "from" and "to". Pure. An
//! initiative's change is the difference of its standing on the two days ([`standing`]), so the
//! fuzzy dates count as the as-of view counts them: a "by 2025" target is missed only from 1 Jan
//! 2026, a completion known to the month counts from the month's first day.

use serde::{Deserialize, Serialize};

use super::status::{Marks, Standing};
use super::types::{Dataset, Initiative, Status};

/// What happened to an initiative between two days. One kind each: when several things happened,
/// the first in this order names it (a plan announced and completed in between is new).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ChangeKind {
    /// Announced in between: not there on the first day.
    New,
    /// Cancelled in between.
    Cancelled,
    /// Completed (or ended) in between.
    Completed,
    /// Its target went by in between without completion.
    TargetMissed,
    /// Work started in between.
    Started,
    /// Any other change of status.
    StatusChanged,
    /// The same on both days.
    Unchanged,
}

impl ChangeKind {
    /// Every kind, in the order they are counted and listed.
    pub const ALL: [Self; 7] = [
        Self::New,
        Self::Completed,
        Self::Started,
        Self::TargetMissed,
        Self::StatusChanged,
        Self::Cancelled,
        Self::Unchanged,
    ];

    /// The kind in words, for counts ("3 completed").
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Completed => "completed",
            Self::Started => "started",
            Self::TargetMissed => "target missed",
            Self::StatusChanged => "status changed",
            Self::Cancelled => "cancelled",
            Self::Unchanged => "unchanged",
        }
    }

    /// Position in [`Self::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// The change between two standings: their difference, nothing else.
pub fn change_of(before: Standing, after: Standing) -> ChangeKind {
    let (Some(was), Some(is)) = (before.status, after.status) else {
        return if before.status.is_none() { ChangeKind::New } else { ChangeKind::StatusChanged };
    };
    if is == Status::Cancelled && was != Status::Cancelled {
        ChangeKind::Cancelled
    } else if is == Status::Completed && was != Status::Completed {
        ChangeKind::Completed
    } else if after.target_missed && !before.target_missed {
        ChangeKind::TargetMissed
    } else if is == Status::InProgress && was != Status::InProgress {
        ChangeKind::Started
    } else if was != is || before.target_missed != after.target_missed {
        ChangeKind::StatusChanged
    } else {
        ChangeKind::Unchanged
    }
}

/// What happened to `item` from day `from` to day `to`; `None` when it was not there on `to`.
pub fn change_between(item: &Initiative, from: i64, to: i64) -> Option<ChangeKind> {
    let marks = Marks::of(item);
    let after = marks.standing_on(to);
    after.status?;
    Some(change_of(marks.standing_on(from), after))
}

/// The changed items grouped by kind (a counting sort: one pass, no comparisons).
fn changed_in_order(kinds: &[Option<ChangeKind>], counts: &[usize; 7]) -> Vec<usize> {
    let mut starts = [0usize; 7];
    let mut total = 0;
    for kind in ChangeKind::ALL.into_iter().filter(|k| *k != ChangeKind::Unchanged) {
        starts[kind.index()] = total;
        total += counts[kind.index()];
    }
    let mut out = vec![0; total];
    for (i, kind) in kinds.iter().enumerate() {
        if let Some(kind) = kind.filter(|k| *k != ChangeKind::Unchanged) {
            out[starts[kind.index()]] = i;
            starts[kind.index()] += 1;
        }
    }
    out
}

/// A comparison of two days over the initiatives a filter lets through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The earlier day.
    pub from: i64,
    /// The later day.
    pub to: i64,
    /// For each initiative, its change (`None`: filtered out or not there on `to`).
    pub kinds: Vec<Option<ChangeKind>>,
    /// How many of each kind, by [`ChangeKind::index`].
    pub counts: [usize; 7],
    /// The initiatives that changed (not the unchanged), by kind in [`ChangeKind::ALL`] order, then
    /// in data order: the report's rows.
    pub changed: Vec<usize>,
}

impl Comparison {
    /// Compares `from` and `to` (either order) for the initiatives `visible` keeps.
    pub fn new(ds: &Dataset, visible: &[bool], from: i64, to: i64) -> Self {
        let (from, to) = (from.min(to), from.max(to));
        let mut counts = [0; 7];
        let kinds: Vec<Option<ChangeKind>> = ds
            .initiatives
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let kind = visible.get(i).copied().unwrap_or(false).then(|| change_between(item, from, to)).flatten();
                if let Some(kind) = kind {
                    counts[kind.index()] += 1;
                }
                kind
            })
            .collect();
        let changed = changed_in_order(&kinds, &counts);
        Self { from, to, kinds, counts, changed }
    }

    /// The comparison of only these kinds (all when `kinds` is empty): what a report shows while
    /// some kinds are chosen.
    #[must_use]
    pub fn only(&self, kinds: &std::collections::BTreeSet<ChangeKind>) -> Self {
        if kinds.is_empty() {
            return self.clone();
        }
        let mut counts = [0; 7];
        let kinds: Vec<Option<ChangeKind>> = self
            .kinds
            .iter()
            .map(|k| {
                let k = (*k).filter(|k| kinds.contains(k));
                if let Some(k) = k {
                    counts[k.index()] += 1;
                }
                k
            })
            .collect();
        let changed = changed_in_order(&kinds, &counts);
        Self { from: self.from, to: self.to, kinds, counts, changed }
    }

    /// Initiative `i`'s change.
    pub fn kind(&self, i: usize) -> Option<ChangeKind> {
        self.kinds.get(i).copied().flatten()
    }

    /// How many changed in this way.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.counts[kind.index()]
    }

    /// For each place, the most notable change among the initiatives there ([`ChangeKind`]'s order:
    /// new first, unchanged last); `None` where nothing compared is.
    pub fn place_kinds(&self, initiatives_at: &[Vec<usize>]) -> Vec<Option<ChangeKind>> {
        initiatives_at.iter().map(|items| items.iter().filter_map(|&i| self.kind(i)).min()).collect()
    }

    /// The counts in words, changes only: "4 new · 3 completed · 1 target missed" ("no changes").
    pub fn summary(&self) -> String {
        let parts: Vec<String> = ChangeKind::ALL
            .iter()
            .filter(|&&k| k != ChangeKind::Unchanged && self.count(k) > 0)
            .map(|&k| format!("{} {}", self.count(k), k.label()))
            .collect();
        if parts.is_empty() { "no changes".to_owned() } else { parts.join(" · ") }
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
