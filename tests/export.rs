//! Save and export: RON that reads back equal (the embedded dataset, and generated datasets with
//! awkward strings), `GeoJSON`, the CSV template, ICS and `TimelineJS` JSON.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use alliance_atlas::formats::export::{Subset, csv, geojson, ics, ron, timelinejs};
use alliance_atlas::formats::load_str;
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::model::{DEFAULT_DATASET, Dataset, FiscalCalendar, FuzzyDate, Period, Qualifier};
use proptest::prelude::*;
use serde_json::Value;

fn embedded() -> Dataset {
    load_str(DEFAULT_DATASET).dataset.expect("the embedded dataset loads")
}

fn assert_reads_back_equal(dataset: &Dataset, origin: Option<&str>) {
    let text = ron::to_ron(dataset, origin);
    let back = load_str(&text);
    let errors: Vec<_> = back.problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    assert_eq!(back.dataset.as_ref(), Some(dataset), "{text}");
}

#[test]
fn the_embedded_dataset_saves_in_our_style_and_reads_back_equal() {
    let dataset = embedded();
    let text = ron::to_ron(&dataset, Some("places.kml"));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("// Imported from places.kml by Alliance Atlas"));
    assert_eq!(lines.next(), Some("#![enable(implicit_some)]"));
    assert_eq!(lines.next(), Some("Dataset("));
    assert!(text.contains("    meta: Meta(") && text.contains("Initiative(") && text.contains("Cite("));
    assert!(!text.contains("None") && !text.contains("Some(") && !text.contains(": []"), "optional fields left out");
    assert!(load_str(&text).problems.is_empty(), "checks clean");
    assert_reads_back_equal(&dataset, None);
    assert!(ron::to_ron(&dataset, None).starts_with("#![enable(implicit_some)]\n"));
}

fn awkward() -> impl Strategy<Value = String> {
    "x[a-z \"\\\\\n\t#é日本😀'\r,;]{0,24}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_datasets_with_awkward_strings_read_back_equal(
        n in 0usize..12,
        places in 1usize..6,
        seed in any::<u64>(),
        texts in proptest::collection::vec(awkward(), 12),
    ) {
        let mut dataset = generate(n, places, seed);
        let text = |k: usize| texts[k % texts.len()].clone();
        dataset.meta.title = text(0);
        dataset.meta.description = text(1);
        dataset.meta.authors.push(text(2));
        for (k, source) in dataset.sources.iter_mut().enumerate() {
            source.title = text(k + 3);
            source.publisher = text(k + 4);
        }
        for (k, place) in dataset.locations.iter_mut().enumerate() {
            place.name = text(k + 5);
            place.name_ja = Some(text(k + 6));
            place.coord_source = Some(text(k + 7));
        }
        for (k, initiative) in dataset.initiatives.iter_mut().enumerate() {
            initiative.title = text(k + 8);
            initiative.summary = text(k + 9);
            initiative.body = text(k + 10);
            initiative.status_note = Some(text(k + 11));
            initiative.tags.push(text(k));
            if let Some(cite) = initiative.sources.first_mut() {
                cite.note = Some(text(k + 1));
            }
        }
        assert_reads_back_equal(&dataset, Some(&text(3)));
    }
}

#[test]
fn geojson_has_a_point_per_place_with_its_initiatives() {
    let dataset = embedded();
    let value: Value = serde_json::from_str(&geojson::to_geojson(&dataset, Subset::All)).expect("JSON");
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().expect("features");
    assert_eq!(features.len(), dataset.locations.len());
    let place = &dataset.locations[0];
    let first = &features[0];
    assert_eq!(first["geometry"]["type"], "Point");
    assert_eq!(first["geometry"]["coordinates"][0].as_f64(), Some(place.lon));
    assert_eq!(first["geometry"]["coordinates"][1].as_f64(), Some(place.lat));
    assert_eq!(first["properties"]["name"], place.name.as_str());
    let at = dataset.initiatives.iter().filter(|i| i.places.contains(&place.id)).count();
    let listed = first["properties"]["initiatives"].as_array().expect("initiatives");
    assert_eq!(listed.len(), at);
    let dated = listed.iter().find(|i| i["dates"].as_object().is_some_and(|d| !d.is_empty())).expect("a dated one");
    let (_, date) = dated["dates"].as_object().and_then(|d| d.iter().next()).expect("a date");
    assert!(date["date"].is_string() && date["words"].is_string());
}

#[test]
fn a_subset_exports_only_its_initiatives_and_their_places() {
    let dataset = embedded();
    let mut mask = vec![false; dataset.initiatives.len()];
    mask[0] = true;
    let value: Value = serde_json::from_str(&geojson::to_geojson(&dataset, Subset::Mask(&mask))).expect("JSON");
    let features = value["features"].as_array().expect("features");
    assert_eq!(features.len(), dataset.initiatives[0].places.len());
    assert!(features.iter().all(|f| f["properties"]["initiatives"].as_array().is_some_and(|a| a.len() == 1)));
    let rows = csv::initiatives_csv(&dataset, Subset::Indices(&[2, 1]));
    let ids: Vec<String> =
        ::csv::Reader::from_reader(rows.as_bytes()).records().map(|r| r.expect("row")[0].to_owned()).collect();
    assert_eq!(ids, [dataset.initiatives[2].id.clone(), dataset.initiatives[1].id.clone()]);
}

#[test]
fn the_csv_template_reads_back_with_every_row_whole() {
    let mut dataset = embedded();
    dataset.initiatives[0].summary = "He said \"yes\", then;\nleft\r\nagain".to_owned();
    let text = csv::initiatives_csv(&dataset, Subset::All);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(
        header.join(","),
        "id,title,summary,body,lines of effort,status,status note,announced,start,target,completed,end,places,actors,tags,related,relations,source title,source url,source publisher,source date"
    );
    let rows: Vec<::csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("every row has 21 fields");
    assert_eq!(rows.len(), dataset.initiatives.len());
    let first = &dataset.initiatives[0];
    assert_eq!(&rows[0][2], first.summary.as_str(), "quotes and newlines survive");
    assert_eq!(rows[0][12].split(';').count(), first.places.len());
    for row in &rows {
        let sources = row[17].split(';').count();
        assert!((18..21).all(|c| row[c].split(';').count() == sources), "source columns aligned: {row:?}");
    }
    let places = csv::places_csv(&dataset, Subset::All);
    let mut reader = ::csv::Reader::from_reader(places.as_bytes());
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>().join(","),
        "id,name,name ja,lat,lon,kind,precision,country"
    );
    let rows: Vec<::csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), dataset.locations.len());
    assert_eq!(rows[0][3].parse::<f64>().ok(), Some(dataset.locations[0].lat));
    assert_eq!(csv::places_file_name("out/x.csv"), "out/x.places.csv");
}

fn dated(period: Period, qualifier: Qualifier) -> FuzzyDate {
    FuzzyDate { period, qualifier }
}

#[test]
fn ics_files_an_all_day_event_per_dated_initiative() {
    let mut dataset = generate(4, 2, 3);
    for initiative in &mut dataset.initiatives {
        (initiative.announced, initiative.start, initiative.target, initiative.completed, initiative.end) =
            (None, None, None, None, None);
    }
    dataset.initiatives[0].completed = Some(dated(Period::Day(2024, 2, 29), Qualifier::Exact));
    dataset.initiatives[0].announced = Some(dated(Period::Year(2020), Qualifier::Exact));
    dataset.initiatives[0].title =
        "Radar, sites; and \\ more: a long title that must be folded over two lines".to_owned();
    dataset.initiatives[1].announced = Some(dated(Period::Month(2023, 12), Qualifier::Circa));
    dataset.initiatives[2].target = Some(dated(Period::FiscalYear(FiscalCalendar::Japan, 2027), Qualifier::By));
    let calendar = ics::to_ics(&dataset, Subset::All);
    assert_eq!((calendar.events, calendar.undated, calendar.out_of_range), (3, 1, 0));
    let text = &calendar.text;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    assert!(text.split("\r\n").all(|line| line.len() <= 75), "folded at 75 octets");
    let unfolded = text.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3);
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20240229\r\nDTEND;VALUE=DATE:20240301\r\n"), "{unfolded}");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20231201\r\nDTEND;VALUE=DATE:20240101\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20270401\r\nDTEND;VALUE=DATE:20280401\r\n"));
    assert!(unfolded.contains("SUMMARY:Radar\\, sites\\; and \\\\ more"));
    assert!(unfolded.contains("DESCRIPTION:Target: by FY2027 (Apr 2027 – Mar 2028)"));
    assert!(unfolded.contains("DESCRIPTION:Announced: c. Dec 2023"));
    assert!(unfolded.contains(&format!("UID:{}@alliance-atlas", dataset.initiatives[0].id)));
    assert!(unfolded.contains("DTSTAMP:20260101T000000Z"));
}

#[test]
fn ics_of_the_embedded_dataset_counts_what_it_leaves_out() {
    let dataset = embedded();
    let calendar = ics::to_ics(&dataset, Subset::All);
    let undated = dataset.initiatives.iter().filter(|i| i.dates().next().is_none()).count();
    assert_eq!(calendar.undated, undated);
    assert_eq!(calendar.events + calendar.undated + calendar.out_of_range, dataset.initiatives.len());
}

#[test]
fn timelinejs_has_title_events_and_eras() {
    let dataset = embedded();
    let value: Value =
        serde_json::from_str(&timelinejs::to_timelinejs(&dataset, Subset::All, LaneGrouping::LineOfEffort))
            .expect("JSON");
    assert_eq!(value["title"]["text"]["headline"].as_str().map(str::is_empty), Some(false));
    let events = value["events"].as_array().expect("events");
    let dated = dataset.initiatives.iter().filter(|i| i.first_date().is_some()).count();
    assert_eq!(events.len(), dated);
    for event in events {
        assert!(event["start_date"]["year"].is_i64(), "{event}");
        assert!(event["start_date"]["display_date"].is_string(), "{event}");
        assert!(event["text"]["headline"].is_string() && event["text"]["text"].is_string());
        assert!(event["group"].is_string());
        if let Some(end) = event.get("end_date") {
            assert!(end["year"].is_i64(), "{event}");
        }
    }
    assert!(events.iter().any(|e| e["media"]["url"].as_str().is_some_and(|u| u.starts_with("http"))));
    assert_eq!(value["eras"].as_array().map(Vec::len), Some(dataset.eras.len()));
}
