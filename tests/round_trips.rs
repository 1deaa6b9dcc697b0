//! Round trips through the formats: our CSV template → RON → CSV gives the same rows, the XLSX
//! template holds the same data as the CSV one, and `TimelineJS` JSON → Atlas → `TimelineJS` JSON
//! keeps every event, its dates (at their precision) and its group.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::{Path, PathBuf};

use alliance_atlas::formats::export::Subset;
use alliance_atlas::formats::export::render::{ExportFormat, render};
use alliance_atlas::formats::{Input, Loaded, load_str, open};
use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::model::{DEFAULT_DATASET, Dataset};
use serde_json::Value;

fn root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn clean(loaded: Loaded, what: &str) -> Dataset {
    assert_eq!(loaded.error_count(), 0, "{what}: {:#?}", loaded.problems);
    loaded.dataset.expect("a dataset")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-round-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes the files of a CSV export (the initiatives and `NAME.places.csv`) into `dir`.
fn write_csv(dataset: &Dataset, dir: &Path) -> (PathBuf, String) {
    let path = dir.join("out.csv");
    let rendered =
        render(ExportFormat::Csv, dataset, Subset::All, &path.to_string_lossy(), None, LaneGrouping::default());
    assert_eq!(rendered.files.len(), 2, "the initiatives and their places");
    for (name, text) in &rendered.files {
        std::fs::write(name, text).expect("write");
    }
    (path, rendered.files[0].1.clone())
}

fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect()).collect()
}

#[test]
fn the_csv_template_goes_to_ron_and_back_to_the_same_rows() {
    let template = root("data/template.csv");
    let first = clean(open(Input::File(&template), None), "template.csv");
    assert_eq!(first.initiatives.len(), 2);
    assert_eq!(first.locations.len(), 2);

    // CSV → RON: the RON checks clean and reads back equal.
    let ron = render(
        ExportFormat::Ron,
        &first,
        Subset::All,
        "template.ron",
        Some("data/template.csv"),
        LaneGrouping::default(),
    );
    let ron_text = &ron.files[0].1;
    assert!(ron_text.starts_with("// "), "a comment names the source: {}", &ron_text[..80]);
    assert!(ron_text.contains("data/template.csv"));
    let from_ron = load_str(ron_text);
    assert!(from_ron.problems.is_empty(), "{:#?}", from_ron.problems);
    let from_ron = from_ron.dataset.expect("a dataset");
    assert_eq!(from_ron, first);

    // RON → CSV: the same rows as the template, cell by cell, where the template wrote them as the
    // export writes them; the dates the template types loosely ("Nov 2023", "15 Nov 2023") come
    // back as the same dates, written the RON way.
    let dir = temp_dir("csv");
    let (csv_path, csv_text) = write_csv(&from_ron, &dir);
    let original = records(&std::fs::read_to_string(&template).expect("template"));
    let written = records(&csv_text);
    assert_eq!(written.len(), original.len(), "the header and a row per initiative");
    let header_out = &written[0];
    for (n, row) in original.iter().enumerate().skip(1) {
        for (c, name) in original[0].iter().enumerate() {
            let at = header_out.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name} written"));
            let (was, now) = (&row[c], &written[n][at]);
            let date_column =
                ["announced", "start", "target", "completed", "end", "source date"].contains(&name.as_str());
            if date_column && !was.is_empty() {
                assert!(!now.is_empty(), "row {n} {name}: {was:?} lost");
            } else if name == "status" || name == "lines of effort" {
                assert_eq!(now.to_lowercase().replace(' ', ""), was.to_lowercase().replace(' ', ""), "row {n} {name}");
            } else if name == "places" {
                assert_eq!(now.split(';').count(), was.split(';').count(), "row {n} places");
            } else {
                assert_eq!(now, was, "row {n} column {name}");
            }
        }
    }
    // … and the written CSV opens to the very same dataset, and writes the very same text again.
    let second = clean(open(Input::File(&csv_path), None), "out.csv");
    assert_eq!(second.initiatives, first.initiatives);
    assert_eq!(second.locations, first.locations);
    assert_eq!(second.sources, first.sources);
    let again = temp_dir("csv-again");
    assert_eq!(write_csv(&second, &again).1, csv_text, "a fixed point after one round");
}

#[test]
fn the_xlsx_template_holds_what_the_csv_template_holds() {
    let csv = clean(open(Input::File(&root("data/template.csv")), None), "template.csv");
    let xlsx = clean(open(Input::File(&root("data/template.xlsx")), None), "template.xlsx");
    assert_eq!(xlsx.initiatives, csv.initiatives);
    assert_eq!(xlsx.locations, csv.locations);
    assert_eq!(xlsx.sources, csv.sources);
}

/// The events of a `TimelineJS` file: headline (without tags), start and end `(year, month, day)`
/// as far as they are given, and the group.
fn events(text: &str) -> Vec<(String, Vec<i64>, Vec<i64>, String)> {
    let value: Value = serde_json::from_str(text).expect("JSON");
    let parts = |date: &Value| -> Vec<i64> {
        ["year", "month", "day"]
            .iter()
            .map_while(|k| {
                date.get(*k).and_then(|v| v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())))
            })
            .collect()
    };
    let mut out: Vec<_> = value["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let headline = e["text"]["headline"].as_str().unwrap_or_default();
            let plain = alliance_atlas::formats::import::json::html::to_plain(headline);
            let end = e.get("end_date").map(parts).unwrap_or_default();
            let start = parts(&e["start_date"]);
            let end = if end == start { Vec::new() } else { end };
            (plain, start, end, e["group"].as_str().unwrap_or_default().trim().to_owned())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn timelinejs_json_goes_through_atlas_and_keeps_every_event_date_and_group() {
    for name in ["women_in_computing.json", "eras.json", "marktwain.json"] {
        let path = root("tests/fixtures/import/json").join(name);
        let text = std::fs::read_to_string(&path).expect("fixture");
        let dataset = clean(open(Input::File(&path), None), name);
        // A `TimelineJS` file with groups opens with its lanes by tag, and exports its lanes as groups.
        let loaded = open(Input::File(&path), None);
        let lanes = loaded.presentation.lanes.unwrap_or_default();
        assert_eq!(lanes, LaneGrouping::Tag, "{name}: groups are read as tags and shown as lanes");
        let out = render(ExportFormat::Timelinejs, &dataset, Subset::All, "out.json", None, lanes);
        let (before, after) = (events(&text), events(&out.files[0].1));
        assert_eq!(after.len(), before.len(), "{name}: every event");
        let when = |events: &[(String, Vec<i64>, Vec<i64>, String)]| {
            let mut out: Vec<_> = events.iter().map(|(_, s, e, g)| (s.clone(), e.clone(), g.clone())).collect();
            out.sort();
            out
        };
        assert_eq!(when(&after), when(&before), "{name}: every date at its precision, and every group");
        // An event without a headline gets a title (from its media or text: every initiative has
        // one); every headline there was is kept.
        for (headline, start, _, _) in before.iter().filter(|e| !e.0.is_empty()) {
            assert!(after.iter().any(|(h, s, _, _)| h == headline && s == start), "{name}: {headline:?} kept");
        }
        let eras_in = serde_json::from_str::<Value>(&text).expect("JSON")["eras"].as_array().map_or(0, Vec::len);
        let eras_out =
            serde_json::from_str::<Value>(&out.files[0].1).expect("JSON")["eras"].as_array().map_or(0, Vec::len);
        assert_eq!(eras_out, eras_in, "{name}: eras");
        // And what Atlas wrote reads back into the same initiatives' dates and lanes.
        let again = clean(open(Input::Named("again.json", out.files[0].1.as_bytes()), None), name);
        let dates = |d: &Dataset| {
            d.initiatives.iter().map(|i| (i.first_date(), i.last_date(), i.tags.clone())).collect::<Vec<_>>()
        };
        let mut a = dates(&dataset);
        let mut b = dates(&again);
        a.sort_by_key(|x| format!("{x:?}"));
        b.sort_by_key(|x| format!("{x:?}"));
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn relations_go_to_csv_and_back() {
    let dataset = clean(load_str(DEFAULT_DATASET), "the embedded dataset");
    let count: usize = dataset.initiatives.iter().map(|i| i.relations.len()).sum();
    assert!(count >= 10, "the dataset has relations: {count}");
    let dir = temp_dir("relations");
    let (path, text) = write_csv(&dataset, &dir);
    let header = records(&text).into_iter().next().unwrap_or_default();
    assert!(header.iter().any(|h| h == "relations"), "{header:?}");
    assert!(text.contains("part of:12mlr-decision (the 12th LAAB is one of"), "kind:id (note)");
    let back = open(Input::File(&path), None);
    let Some(back) = back.dataset else { panic!("the CSV reads: {:#?}", back.problems) };
    assert_eq!(back.initiatives.len(), dataset.initiatives.len());
    for (was, now) in dataset.initiatives.iter().zip(&back.initiatives) {
        assert_eq!((&now.id, &now.relations), (&was.id, &was.relations));
    }
}
