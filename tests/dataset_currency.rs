//! The dataset is current: no initiative still counts as in progress (or merely announced) long after
//! its target without a word on what is known. A target whose latest day ended more than a year before
//! the as-of day needs a `status_note`, or a status that says what really happened.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

#[path = "common/embedded.rs"]
mod embedded;

use alliance_atlas::model::{Dataset, FuzzyDate, Status};
use embedded::{date, us_japan};

/// How long a passed target may stand without a note: a year.
const GRACE_DAYS: i64 = 365;

/// The ids of initiatives that are `InProgress` or `Announced` with a target whose latest day ended
/// more than [`GRACE_DAYS`] before the as-of day and that have no (non-blank) `status_note`.
fn stale_without_note(ds: &Dataset) -> Vec<String> {
    let Some(as_of) = ds.meta.as_of.latest() else { return Vec::new() };
    ds.initiatives
        .iter()
        .filter(|i| matches!(i.status, Status::InProgress | Status::Announced))
        .filter(|i| i.target.and_then(FuzzyDate::latest).is_some_and(|last| as_of.0 - last.0 > GRACE_DAYS))
        .filter(|i| i.status_note.as_deref().is_none_or(|note| note.trim().is_empty()))
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn no_open_initiative_is_more_than_a_year_past_its_target_without_a_note() {
    let ds = us_japan();
    let stale = stale_without_note(&ds);
    assert!(
        stale.is_empty(),
        "targets passed more than a year before {} with no status_note: {stale:?}",
        ds.meta.as_of
    );
}

#[test]
fn the_check_reports_an_open_initiative_with_an_old_target_and_no_note() {
    let mut ds = us_japan();
    let item = ds.initiatives.first_mut().expect("at least one initiative");
    let id = item.id.clone();
    item.status = Status::InProgress;
    item.target = Some(date("by 2020"));
    item.status_note = None;
    assert_eq!(stale_without_note(&ds), vec![id.clone()]);

    // A blank note does not count; a real one does.
    let item = ds.initiatives.first_mut().expect("still there");
    item.status_note = Some("   ".to_owned());
    assert_eq!(stale_without_note(&ds), vec![id]);
    let item = ds.initiatives.first_mut().expect("still there");
    item.status_note = Some("Not known whether it was done.".to_owned());
    assert!(stale_without_note(&ds).is_empty());
}

#[test]
fn the_check_leaves_alone_recent_targets_and_closed_initiatives() {
    let mut ds = us_japan();
    ds.meta.as_of = date("2026-03-13");
    let item = ds.initiatives.first_mut().expect("at least one initiative");
    item.status_note = None;
    // Ended 2025-03-12 (366 days before): reported. Ended 2025-03-13 (365 days before): not yet.
    item.status = Status::Announced;
    item.target = Some(date("2025-03-12"));
    assert_eq!(stale_without_note(&ds).len(), 1);
    let item = ds.initiatives.first_mut().expect("still there");
    item.target = Some(date("2025-03-13"));
    assert!(stale_without_note(&ds).is_empty());
    // A completed initiative may keep its old target as the source worded it.
    let item = ds.initiatives.first_mut().expect("still there");
    item.target = Some(date("by 2020"));
    item.status = Status::Completed;
    assert!(stale_without_note(&ds).is_empty());
}
