//! The real data files load with zero problems, hold what the source article names, and read the
//! same through our located loader as through the `ron` crate.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

#[path = "common/embedded.rs"]
mod embedded;

use std::path::Path;

use alliance_atlas::formats::{load_file, load_str};
use alliance_atlas::model::{DEFAULT_DATASET, Dataset, FuzzyDate, Status, summary::Summary};
use embedded::{date, us_japan};

fn real_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("data/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && !p.to_string_lossy().contains(".briefing."))
        .collect();
    files.sort();
    files
}

#[test]
fn every_data_file_loads_with_no_errors_and_no_warnings() {
    let files = real_files();
    assert!(!files.is_empty(), "no data files found");
    for path in files {
        let loaded = load_file(&path);
        let shown: Vec<String> =
            loaded.problems.iter().map(|p| p.display_in(&path.display().to_string()).to_string()).collect();
        assert!(shown.is_empty(), "{}", shown.join("\n"));
        assert!(loaded.dataset.is_some());
    }
}

#[test]
fn the_embedded_dataset_is_the_file_in_data() {
    let on_disk = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/us-japan-2023.ron"))
        .expect("readable");
    assert_eq!(on_disk, DEFAULT_DATASET);
}

#[test]
fn the_ron_crate_reads_the_same_dataset() {
    let ours = us_japan();
    let theirs: Dataset = ron::from_str(DEFAULT_DATASET).expect("the ron crate parses the dataset");
    assert_eq!(ours, theirs);
}

#[test]
fn serialising_and_loading_again_gives_the_same_dataset() {
    let ds = us_japan();
    let text = ron::ser::to_string_pretty(&ds, ron::ser::PrettyConfig::default()).expect("serialises");
    let again = load_str(&text);
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.dataset.as_ref(), Some(&ds));
}

#[test]
fn holds_every_initiative_the_article_names() {
    let ds = us_japan();
    for id in [
        "scc-2023",
        "12mlr-decision",
        "12mlr-capabilities",
        "usfj-strength",
        "mq9-kanoya",
        "mq9-kadena-move",
        "counterstrike-endorsement",
        "space-article-v",
        "cyber-article-v-2019",
        "japan-strategy-docs",
        "jjoc",
        "alliance-roles-missions",
        "southwest-islands-shared-use",
        "partners-engagement",
        "biden-kishida-2023",
        "photo-ac130j-yokota",
        "photo-blackhawk-fuji",
        "photo-noble-fusion",
    ] {
        assert!(ds.initiative(id).is_some(), "missing initiative {id}");
    }
}

#[test]
fn the_12th_mlr_keeps_the_vague_target_next_to_what_happened() {
    let ds = us_japan();
    let mlr = ds.initiative("12mlr-decision").expect("present");
    assert_eq!(mlr.announced, Some(date("2023-01-11")));
    assert_eq!(mlr.target.map(FuzzyDate::in_words).as_deref(), Some("by 2025"));
    // The reorganisation was complete with its third and last subordinate element (3 Mar 2025); the
    // redesignation of 15 Nov 2023 was "the first step" and is its own entry.
    assert_eq!(mlr.completed.map(FuzzyDate::in_words).as_deref(), Some("3 Mar 2025"));
    assert_eq!(mlr.status, Status::Completed);
    assert!(mlr.places.iter().any(|p| p == "camp_hansen"));
    let redesignation = ds.initiative("12mlr-redesignation").expect("present");
    assert_eq!(redesignation.completed, Some(date("2023-11-15")));
    assert_eq!(redesignation.status, Status::Completed);
    let lct = ds.initiative("12lct-establishment").expect("present");
    assert_eq!(lct.completed, mlr.completed);
    // A passed target that is still open says what is known.
    let capabilities = ds.initiative("12mlr-capabilities").expect("present");
    assert_eq!(capabilities.target.map(FuzzyDate::in_words).as_deref(), Some("by 2025"));
    assert!(capabilities.status_note.is_some());
    let jjoc = ds.initiative("jjoc").expect("present");
    assert_eq!(jjoc.completed, Some(date("2025-03-24")));
}

#[test]
fn the_as_of_day_is_the_last_day_the_sources_cover_and_later_steps_are_there() {
    let ds = us_japan();
    assert_eq!(ds.meta.as_of, date("2026-03-13"));
    // No source is dated after the as-of day, and at least one is dated on it.
    let latest = ds.sources.iter().filter_map(|s| s.date).filter_map(FuzzyDate::latest).max();
    assert_eq!(latest, ds.meta.as_of.latest());
    let usfj = ds.initiative("usfj-joint-force-hq").expect("present");
    assert_eq!(usfj.status, Status::InProgress);
    assert_eq!(usfj.start, Some(date("2025-03-30")));
    assert!(usfj.sources.iter().any(|c| c.source == "ss-usfj-1029"));
    let guam = ds.initiative("guam-relocation-context").expect("present");
    assert_eq!(guam.start, Some(date("2024-12-14")));
    let two_pct = ds.initiative("jp-2pct-fy2025").expect("present");
    assert_eq!(two_pct.completed, Some(date("2025-12-16")));
    // The 2022 documents' own wording stays the target; what changed is in the entries that follow it.
    assert_eq!(ds.initiative("japan-strategy-docs").and_then(|i| i.target), Some(date("by JFY2027")));
    assert!(ds.initiative("scc-2024-tokyo").is_some());
    assert!(
        ds.initiative("tomahawk-acquisition")
            .and_then(|i| i.status_note.as_deref())
            .is_some_and(|n| n.contains("13 Mar 2026"))
    );
    assert_eq!(ds.initiatives.len(), 35);
    assert_eq!(ds.locations.len(), 31);
    assert_eq!(ds.sources.len(), 81);
}

#[test]
fn places_match_the_research_coordinates_and_all_are_used() {
    let ds = us_japan();
    let kanoya = ds.location("kanoya_ab").expect("Kanoya");
    assert!((kanoya.lat - 31.3686).abs() < 1e-9 && (kanoya.lon - 130.8447).abs() < 1e-9);
    assert!(kanoya.name_ja.is_some());
    let summary = Summary::of(&ds);
    assert!(summary.unused_locations.is_empty(), "{:?}", summary.unused_locations);
    assert_eq!(summary.without_date, 0);
    for item in &ds.initiatives {
        assert!(!item.sources.is_empty(), "{} has no source", item.id);
    }
}
