//! An initiative's standing on a day: its status then, and whether its stated target had passed
//! without completion. Pure; the as-of filter and the comparison of two days both read it.

use super::FuzzyDate;
use super::types::{Initiative, Status};

/// The days an initiative's status turns on, read once from its fuzzy dates (so two days cost one
/// reading of the dates, not two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    status: Status,
    /// First day of its earliest date.
    first: Option<i64>,
    /// First day of the start, the completion and the end; last day of the end.
    start: Option<i64>,
    completed: Option<i64>,
    end: Option<(i64, i64)>,
    /// The target's latest day ("not before" has none).
    target_latest: Option<i64>,
}

impl Marks {
    /// Reads an initiative's dates.
    pub fn of(item: &Initiative) -> Self {
        let first = |d: Option<FuzzyDate>| d.map(|d| d.anchor().0.0);
        Self {
            status: item.status,
            first: item.dates().map(|(_, d)| d.anchor().0.0).min(),
            start: first(item.start),
            completed: first(item.completed),
            end: item.end.map(|d| (d.anchor().0.0, d.anchor().1.0)),
            target_latest: item.target.and_then(FuzzyDate::latest).map(|d| d.0),
        }
    }

    /// The status on `day` (see [`status_as_of`]).
    pub fn status_on(&self, day: i64) -> Option<Status> {
        if self.first? > day {
            return None;
        }
        let started = |d: Option<i64>| d.is_some_and(|d| d <= day);
        let end_started = started(self.end.map(|e| e.0));
        let over = self.end.is_some_and(|e| e.1 < day);
        Some(match self.status {
            Status::Context | Status::Proposed => self.status,
            Status::Cancelled if self.end.is_none() || end_started => Status::Cancelled,
            // Completed with no completion date: done, though the data does not say when.
            Status::Completed if self.completed.is_none() && self.end.is_none() => Status::Completed,
            Status::Cancelled if started(self.start) => Status::InProgress,
            Status::Cancelled => Status::Announced,
            _ if started(self.completed) || over => Status::Completed,
            Status::Ongoing => Status::Ongoing,
            _ if started(self.start) => Status::InProgress,
            _ => Status::Announced,
        })
    }

    /// The standing on `day`: the status, and whether the target had gone by unmet.
    pub fn standing_on(&self, day: i64) -> Standing {
        let status = self.status_on(day);
        let open = matches!(status, Some(Status::Proposed | Status::Announced | Status::InProgress));
        Standing { status, target_missed: open && self.target_latest.is_some_and(|last| last < day) }
    }
}

/// An initiative's status as it stood on `day`; `None` when it had not been announced yet.
///
/// A cancelled initiative with an `end` date was dropped on that date: before it, it stands as its
/// other dates say. One without an `end` date reads as cancelled from its first date (the data does
/// not say when it was dropped).
pub fn status_as_of(item: &Initiative, day: i64) -> Option<Status> {
    Marks::of(item).status_on(day)
}

/// What an initiative was on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Its status (`None`: not announced yet).
    pub status: Option<Status>,
    /// Its stated target had gone by, not met: the target's latest day ("by 2025": 31 Dec 2025; "c.
    /// 2025": a year later; "not before": never) is before the day and it still stood open then
    /// (proposed, announced or in progress).
    pub target_missed: bool,
}

/// An initiative's standing on `day`.
pub fn standing(item: &Initiative, day: i64) -> Standing {
    Marks::of(item).standing_on(day)
}
