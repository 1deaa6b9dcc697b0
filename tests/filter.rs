//! Search, facets and "as of" on the real dataset.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use alliance_atlas::formats::load_str;
use alliance_atlas::model::filter::{Facet, Filter, status_as_of};
use alliance_atlas::model::index::Index;
use alliance_atlas::model::{DEFAULT_DATASET, Dataset, Day, LineOfEffort, Status};

fn data() -> (Dataset, Index) {
    let ds = load_str(DEFAULT_DATASET).dataset.expect("loads");
    let index = Index::build(&ds);
    (ds, index)
}

fn ids(ds: &Dataset, visible: &[bool]) -> Vec<String> {
    visible.iter().enumerate().filter(|(_, v)| **v).map(|(i, _)| ds.initiatives[i].id.clone()).collect()
}

fn search(text: &str) -> Filter {
    Filter { search: text.to_owned(), ..Filter::default() }
}

#[test]
fn search_ignores_case_accents_and_width_and_reads_japanese() {
    let (ds, index) = data();
    let plain = ids(&ds, &search("kanoya").apply(&ds, &index));
    assert!(plain.contains(&"mq9-kanoya".to_owned()), "{plain:?}");
    assert_eq!(ids(&ds, &search("KÁNOYA").apply(&ds, &index)), plain);
    assert_eq!(ids(&ds, &search("ＫＡＮＯＹＡ").apply(&ds, &index)), plain);
    // Japanese place names, in katakana or hiragana.
    let hansen = ids(&ds, &search("キャンプ・ハンセン").apply(&ds, &index));
    assert!(hansen.contains(&"12mlr-redesignation".to_owned()), "{hansen:?}");
    assert_eq!(ids(&ds, &search("きゃんぷ・はんせん").apply(&ds, &index)), hansen);
    // Source titles and tags are searched too; nonsense finds nothing.
    assert!(!search("Warfighting Readiness").apply(&ds, &index).iter().all(|v| !v));
    assert!(search("zzqx no such text").apply(&ds, &index).iter().all(|v| !v));
}

#[test]
fn facet_counts_equal_the_filtered_set() {
    let (ds, index) = data();
    let base = Filter { search: "okinawa".to_owned(), ..Filter::default() };
    let counts = base.counts(&ds, &index);
    for (line, count) in &counts.lines {
        let with = Filter { lines: [*line].into(), ..base.clone() };
        assert_eq!(with.apply(&ds, &index).iter().filter(|v| **v).count(), *count, "{line:?}");
    }
    for (status, count) in &counts.statuses {
        let with = Filter { statuses: [*status].into(), ..base.clone() };
        assert_eq!(with.apply(&ds, &index).iter().filter(|v| **v).count(), *count, "{status:?}");
    }
    let total = base.apply(&ds, &index).iter().filter(|v| **v).count();
    assert_eq!(counts.has_place[0] + counts.has_place[1], total);
    // Choosing a line of effort does not change that facet's own counts.
    let chosen = Filter { lines: [LineOfEffort::ForcePosture].into(), ..base.clone() };
    assert_eq!(chosen.counts(&ds, &index).lines, counts.lines);
    assert!(chosen.matches_except(
        &ds,
        &index,
        "okinawa",
        index.initiative_by_id.get("12mlr-decision").copied().unwrap_or(usize::MAX),
        Some(Facet::Lines)
    ));
}

#[test]
fn as_of_shows_the_alliance_as_it_stood() {
    let (ds, index) = data();
    let mlr = ds.initiative("12mlr-decision").expect("present");
    let june = Day::from_ymd(2023, 6, 1).0;
    let december = Day::from_ymd(2023, 12, 1).0;
    assert_eq!(status_as_of(mlr, june), Some(Status::Announced));
    // Redesignated on 15 Nov 2023 ("the first step"), the reorganisation was under way, not done; it was
    // complete with the last subordinate element on 3 Mar 2025.
    assert_eq!(status_as_of(mlr, december), Some(Status::InProgress));
    assert_eq!(status_as_of(mlr, Day::from_ymd(2025, 3, 4).0), Some(Status::Completed));
    assert_eq!(status_as_of(mlr, Day::from_ymd(2022, 12, 31).0), None);
    // As of 1 Jun 2023 the joint HQ (stood up 2025) is planned, not done; later events are hidden.
    let as_of_june = Filter { as_of: Some(june), ..Filter::default() };
    let visible = ids(&ds, &as_of_june.apply(&ds, &index));
    assert!(visible.contains(&"12mlr-decision".to_owned()));
    assert!(!visible.contains(&"12mlr-redesignation".to_owned()), "announced 17 Oct 2023");
    assert!(!visible.contains(&"rd25-nmesis-ishigaki".to_owned()));
    let completed_in_june = Filter { statuses: [Status::Completed].into(), ..as_of_june.clone() }.apply(&ds, &index);
    assert!(!completed_in_june[index.initiative_by_id.get("12mlr-decision").copied().unwrap_or(usize::MAX)]);
}
