//! Comparisons: the fuzzy dates count honestly, and on random data every change is the difference of
//! the two days' standings and the counts are the filtered sets.

use proptest::prelude::*;

use super::*;
use crate::model::filter::Filter;
use crate::model::generate::generate;
use crate::model::index::Index;
use crate::model::status::{standing, status_as_of};
use crate::model::{Cite, Day, FuzzyDate, LineOfEffort};

fn day(y: i64, m: u32, d: u32) -> i64 {
    Day::from_ymd(y, m, d).0
}

fn date(text: &str) -> Option<FuzzyDate> {
    text.parse().ok()
}

fn item(status: Status, dates: [&str; 5]) -> Initiative {
    let [announced, start, target, completed, end] = dates.map(date);
    Initiative {
        id: "x".to_owned(),
        title: "X".to_owned(),
        summary: String::new(),
        body: String::new(),
        lines_of_effort: vec![LineOfEffort::Policy],
        actors: Vec::new(),
        status,
        status_note: None,
        announced,
        start,
        target,
        completed,
        end,
        places: Vec::new(),
        related: Vec::new(),
        relations: Vec::new(),
        tags: Vec::new(),
        sources: vec![Cite { source: "s".to_owned(), note: None }],
    }
}

#[test]
fn a_by_target_is_missed_only_after_its_last_day() {
    let x = item(Status::InProgress, ["2023-01-11", "2023-06", "by 2025", "", ""]);
    let mid = day(2025, 6, 1);
    assert_eq!(change_between(&x, mid, day(2025, 12, 31)), Some(ChangeKind::Unchanged));
    assert_eq!(change_between(&x, mid, day(2026, 1, 1)), Some(ChangeKind::TargetMissed));
    // Already missed on both days: no change.
    assert_eq!(change_between(&x, day(2026, 1, 1), day(2026, 6, 1)), Some(ChangeKind::Unchanged));
    // Completed late: the completion is the change, and nothing is missed any more.
    let late = item(Status::Completed, ["2023-01-11", "2023-06", "by 2025", "2026-03", ""]);
    assert_eq!(change_between(&late, day(2026, 1, 1), day(2026, 3, 1)), Some(ChangeKind::Completed));
    assert_eq!(change_between(&late, day(2025, 6, 1), day(2026, 2, 1)), Some(ChangeKind::TargetMissed));
}

#[test]
fn a_completion_known_to_the_month_counts_in_the_month() {
    let x = item(Status::Completed, ["2023-01-11", "2023-02", "2025", "2023-11", ""]);
    assert_eq!(change_between(&x, day(2023, 10, 1), day(2023, 10, 31)), Some(ChangeKind::Unchanged));
    assert_eq!(change_between(&x, day(2023, 10, 1), day(2023, 11, 1)), Some(ChangeKind::Completed));
    assert_eq!(change_between(&x, day(2023, 1, 1), day(2023, 3, 1)), Some(ChangeKind::New));
    assert_eq!(change_between(&x, day(2023, 1, 20), day(2023, 3, 1)), Some(ChangeKind::Started));
    // Not there yet on the later day: no change at all.
    assert_eq!(change_between(&x, day(2022, 1, 1), day(2022, 12, 1)), None);
}

#[test]
fn a_cancellation_with_an_end_date_happens_on_that_date() {
    let x = item(Status::Cancelled, ["2020-01", "2021-01", "2024", "", "2022-06-30"]);
    assert_eq!(status_as_of(&x, day(2021, 6, 1)), Some(Status::InProgress));
    assert_eq!(change_between(&x, day(2021, 6, 1), day(2022, 7, 1)), Some(ChangeKind::Cancelled));
    assert_eq!(status_as_of(&x, day(2020, 6, 1)), Some(Status::Announced));
}

#[test]
fn counts_read_in_words() {
    let ds = Dataset {
        initiatives: vec![
            item(Status::Completed, ["2023-01-11", "", "", "2023-11-15", ""]),
            item(Status::InProgress, ["2022-01", "2022-02", "by 2023", "", ""]),
            item(Status::Announced, ["2022-01", "", "", "", ""]),
        ],
        ..Dataset::default()
    };
    let cmp = Comparison::new(&ds, &[true, true, true], day(2024, 1, 1), day(2022, 6, 1));
    assert_eq!((cmp.from, cmp.to), (day(2022, 6, 1), day(2024, 1, 1)), "either order");
    assert_eq!(cmp.summary(), "1 new · 1 target missed");
    assert_eq!(cmp.count(ChangeKind::Unchanged), 1);
    let new_only = cmp.only(&[ChangeKind::New].into());
    assert_eq!(
        (new_only.summary(), new_only.kind(1), new_only.kind(0)),
        ("1 new".to_owned(), None, Some(ChangeKind::New))
    );
    assert_eq!(cmp.only(&std::collections::BTreeSet::new()), cmp);
    let hidden = Comparison::new(&ds, &[false, true, false], day(2022, 6, 1), day(2024, 1, 1));
    assert_eq!(hidden.summary(), "1 target missed");
    assert_eq!(hidden.kind(0), None);
    assert_eq!(Comparison::new(&ds, &[true; 3], day(2022, 6, 1), day(2022, 6, 1)).summary(), "no changes");
}

fn standing_pair(x: &Initiative, from: i64, to: i64) -> (Standing, Standing) {
    (standing(x, from), standing(x, to))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn changes_are_the_difference_of_two_standings_and_counts_are_the_filtered_sets(
        seed in 0u64..1_000,
        a in 16_000i64..21_000,
        span in 0i64..2_500,
        line in 0usize..4,
    ) {
        let ds = generate(300, 40, seed);
        let index = Index::build(&ds);
        let (from, to) = (a, a + span);
        let lines = [None, Some(LineOfEffort::Policy), Some(LineOfEffort::ForcePosture), Some(LineOfEffort::Isr)];
        let base = Filter {
            as_of: Some(to),
            since: Some(from),
            lines: lines[line].into_iter().collect(),
            ..Filter::default()
        };
        let visible = base.apply(&ds, &index);
        let cmp = Comparison::new(&ds, &visible, from, to);
        let mut present = 0;
        for (i, x) in ds.initiatives.iter().enumerate() {
            let (before, after) = standing_pair(x, from, to);
            // Visible in the comparison exactly when the filter lets it through (it exists on `to`).
            prop_assert_eq!(cmp.kind(i).is_some(), visible[i]);
            prop_assert_eq!(visible[i] && after.status.is_none(), false);
            let Some(kind) = cmp.kind(i) else { continue };
            present += 1;
            prop_assert_eq!(kind, change_of(before, after));
            prop_assert_eq!(kind == ChangeKind::New, before.status.is_none());
            prop_assert_eq!(kind == ChangeKind::Unchanged, before == after);
            if kind == ChangeKind::Completed {
                prop_assert_eq!(after.status, Some(Status::Completed));
            }
            if kind == ChangeKind::TargetMissed {
                prop_assert!(after.target_missed && !before.target_missed);
            }
            // A day compared with itself changes nothing.
            prop_assert_eq!(change_between(x, to, to), Some(ChangeKind::Unchanged));
        }
        prop_assert_eq!(cmp.counts.iter().sum::<usize>(), present);
        // The report's rows: every change, by kind then in data order.
        let mut rows: Vec<usize> =
            (0..ds.initiatives.len()).filter(|&i| cmp.kind(i).is_some_and(|k| k != ChangeKind::Unchanged)).collect();
        rows.sort_by_key(|&i| (cmp.kind(i).map(ChangeKind::index), i));
        prop_assert_eq!(&cmp.changed, &rows);
        for kind in ChangeKind::ALL {
            let only = Filter { changes: [kind].into(), ..base.clone() }.apply(&ds, &index);
            prop_assert_eq!(only.iter().filter(|v| **v).count(), cmp.count(kind), "{:?}", kind);
        }
    }
}
