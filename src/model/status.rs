//! An initiative's standing on a day: its status then, and whether its stated target had passed
//! without completion. Pure; the as-of filter and the comparison of two days both read it.

use super::FuzzyDate;
use super::types::{Initiative, Status};

/// An initiative's status as it stood on `day`; `None` when it had not been announced yet.
///
/// A cancelled initiative with an `end` date was dropped on that date: before it, it stands as its
/// other dates say. One without an `end` date reads as cancelled from its first date (the data does
/// not say when it was dropped).
pub fn status_as_of(item: &Initiative, day: i64) -> Option<Status> {
    let first = item.dates().map(|(_, d)| d.anchor().0.0).min()?;
    if first > day {
        return None;
    }
    let started = |d: Option<FuzzyDate>| d.is_some_and(|d| d.anchor().0.0 <= day);
    let over = |d: Option<FuzzyDate>| d.is_some_and(|d| d.anchor().1.0 < day);
    Some(match item.status {
        Status::Context | Status::Proposed => item.status,
        Status::Cancelled if item.end.is_none() || started(item.end) => Status::Cancelled,
        // Completed with no completion date: done, though the data does not say when.
        Status::Completed if item.completed.is_none() && item.end.is_none() => Status::Completed,
        Status::Cancelled if started(item.start) => Status::InProgress,
        Status::Cancelled => Status::Announced,
        _ if started(item.completed) || over(item.end) => Status::Completed,
        Status::Ongoing => Status::Ongoing,
        _ if started(item.start) => Status::InProgress,
        _ => Status::Announced,
    })
}

/// Whether a stated target had gone by, not met, on `day`: the target's latest day ("by 2025": 31 Dec
/// 2025; "c. 2025": a year later; "not before": never) is before `day` and the initiative still stood
/// open then (proposed, announced or in progress).
pub fn target_missed_on(item: &Initiative, status: Option<Status>, day: i64) -> bool {
    let open = matches!(status, Some(Status::Proposed | Status::Announced | Status::InProgress));
    open && item.target.and_then(FuzzyDate::latest).is_some_and(|last| last.0 < day)
}

/// What an initiative was on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Its status (`None`: not announced yet).
    pub status: Option<Status>,
    /// Its target had passed without completion.
    pub target_missed: bool,
}

/// An initiative's standing on `day`.
pub fn standing(item: &Initiative, day: i64) -> Standing {
    let status = status_as_of(item, day);
    Standing { status, target_missed: target_missed_on(item, status, day) }
}
