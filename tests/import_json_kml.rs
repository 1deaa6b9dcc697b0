//! `TimelineJS`, `StoryMapJS`, `GeoJSON`, KML and KMZ through the data door: the real example files
//! import with no errors and the counts a person would expect; bad input is a clear error, never a
//! panic.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use alliance_atlas::formats::import::Kind;
use alliance_atlas::formats::import::json;
use alliance_atlas::formats::import::kml;
use alliance_atlas::formats::{Input, Loaded, ProblemKind, open};
use alliance_atlas::model::Dataset;
use alliance_atlas::model::date::{FuzzyDate, Period, Qualifier};
use alliance_atlas::model::types::Status;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// Opens a fixture through the door and asserts it has no errors.
fn clean(name: &str) -> (Dataset, Loaded) {
    let loaded = open(Input::File(&fixture(name)), None);
    assert_eq!(loaded.error_count(), 0, "{name}: {:#?}", loaded.problems);
    let dataset = loaded.dataset.clone().expect("a dataset");
    (dataset, loaded)
}

fn year(y: i32) -> FuzzyDate {
    FuzzyDate::exact(Period::Year(y))
}

fn named(name: &str, bytes: &[u8]) -> Loaded {
    open(Input::Named(name, bytes), None)
}

#[test]
fn timelinejs_women_in_computing() {
    let (ds, _) = clean("json/women_in_computing.json");
    assert_eq!(ds.meta.title, "Women in Computing");
    assert!(ds.meta.description.contains("TimelineJS"), "{}", ds.meta.description);
    assert_eq!(ds.initiatives.len(), 10);
    assert!(ds.eras.is_empty());
    let ada = &ds.initiatives[0];
    assert_eq!((ada.id.as_str(), ada.title.as_str()), ("ada-lovelace", "Ada Lovelace"));
    assert_eq!(ada.start, FuzzyDate::ymd(1815, 12, 10).ok());
    assert_eq!(ada.end, FuzzyDate::ymd(1852, 11, 27).ok());
    assert!(ada.body.contains("[Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace)"), "{}", ada.body);
    let media = ds.source(&ada.sources[0].source).expect("the media's source");
    assert_eq!(media.title, "Portrait by Alfred Edward Chalon");
    assert_eq!(media.publisher, "Wikimedia Commons");
    let eniac = &ds.initiatives[2];
    assert_eq!(eniac.start.map(|d| d.period), Some(Period::Month(1943, 7)), "month given, day empty");
    assert_eq!(eniac.end, Some(year(1946)));
    assert_eq!(ds.initiatives[4].start, Some(year(1951)));
    assert!(ds.initiatives[4].title.starts_with("Rózsa Péter"));
    assert_eq!(ds.initiatives[4].id, "rozsa-peter-writes-recursion");
    assert!(ds.initiatives.iter().all(|i| i.status == Status::Context));
}

#[test]
fn timelinejs_eras_and_precision() {
    let (ds, _) = clean("json/eras.json");
    assert_eq!(ds.meta.title, "Eras Test");
    assert_eq!((ds.initiatives.len(), ds.eras.len()), (20, 3));
    assert_eq!(ds.eras[0].title, "Era Test 650-700");
    assert_eq!((ds.eras[0].start, ds.eras[0].end), (year(650), year(700)));
    let hijra = &ds.initiatives[2];
    assert_eq!(hijra.start, FuzzyDate::ymd(622, 8, 9).ok());
    assert_eq!(hijra.end.map(|d| d.period.precision_name()), Some("day"));
    let ids: std::collections::HashSet<&str> = ds.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), 20, "ids are unique");
}

#[test]
fn timelinejs_mark_twain_has_places_and_the_file_name_as_title() {
    let (ds, _) = clean("json/marktwain.json");
    assert_eq!(ds.meta.title, "marktwain", "no headline on the title slide");
    assert!(ds.meta.description.starts_with("Samuel Langhorne Clemens"));
    assert_eq!(ds.initiatives.len(), 17);
    assert_eq!(ds.locations.len(), 12, "events with a location");
    let florida = &ds.initiatives[1];
    assert_eq!(florida.start, FuzzyDate::ymd(2000, 1, 5).ok(), "a date-time is its day");
    assert_eq!(florida.places.len(), 1);
    let place = ds.location(&florida.places[0]).expect("the place");
    assert_eq!((place.name.as_str(), place.lat, place.lon), ("Florida, Missouri", 39.491_711, -91.793_26));
    assert_eq!(ds.initiatives[16].start, Some(year(2014)), "empty month and day");
    // An event with no headline and no text is named by its media caption.
    assert_eq!(ds.initiatives[3].title, "a Youtube video");
}

#[test]
fn timelinejs_cosmological_years_beyond_the_range_are_warnings_and_bce_is_honest() {
    let (ds, loaded) = clean("json/cosmo.json");
    assert_eq!(ds.meta.title, "Cosmological Scale Timeline");
    assert_eq!(ds.initiatives.len(), 7);
    let beyond: Vec<_> = loaded.problems.iter().filter(|p| p.kind == ProblemKind::BadDate).collect();
    assert_eq!(beyond.len(), 6, "5 start dates and 1 end date beyond ±1,000,000 years: {beyond:#?}");
    assert_eq!(beyond[0].cell.as_deref(), Some("event 1, start_date"));
    assert!(beyond[0].message.contains("13800000000 BC"), "{}", beyond[0].message);
    assert!(ds.initiatives[0].start.is_none() && ds.initiatives[0].body.contains("13800000000 BC"));
    assert_eq!(ds.initiatives[5].start, Some(year(-314_999)), "-315000 is 315000 BC, astronomical -314999");
    assert_eq!(ds.initiatives[6].start, Some(year(-3499)));
    assert_eq!(ds.initiatives[6].start.map(|d| d.to_string()), Some("3500 BC".to_owned()));
}

#[test]
fn timelinejs_groups_display_dates_html_and_bad_dates() {
    let json = br#"{"title": {"text": {"headline": "<b>T</b>", "text": "<script>x()</script><ul><li>a</li></ul>"}},
      "events": [
        {"start_date": {"year": 2023, "month": 11, "display_date": "mid-Nov"}, "group": "Talks",
         "text": {"headline": "One", "text": "<p>It <i>was</i> <strong>so</strong>.</p><style>p{}</style>"}},
        {"start_date": {"year": "2023", "month": "2", "day": "30"}, "text": {"headline": "One"}},
        {"start_date": {"year": "x"}, "display_date": "once", "text": {"headline": "Three"}}
      ]}"#;
    let loaded = named("t.json", json);
    assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.problems);
    let ds = loaded.dataset.expect("a dataset");
    assert_eq!(ds.meta.title, "T");
    assert_eq!(ds.meta.description, "- a");
    let one = &ds.initiatives[0];
    assert_eq!(one.tags, ["Talks"]);
    assert_eq!(one.start.map(|d| d.period), Some(Period::Month(2023, 11)));
    assert_eq!(one.body, "*Date as shown: mid-Nov*\n\nIt *was* **so**.");
    assert_eq!(one.summary, "It was so.");
    assert_eq!((ds.initiatives[1].id.as_str(), ds.initiatives[1].start), ("one-2", None));
    let bad: Vec<_> = loaded.problems.iter().filter(|p| p.kind == ProblemKind::BadDate).collect();
    assert_eq!(bad.len(), 2, "{bad:#?}");
    assert!(bad[0].message.contains("30 February 2023 does not exist"), "{}", bad[0].message);
    assert_eq!(bad[1].cell.as_deref(), Some("event 3, start_date"));
    assert!(ds.initiatives[2].body.contains("Date as shown: once"));
    let file = ds.source(&ds.initiatives[2].sources[0].source).expect("the file's source");
    assert_eq!(file.title, "Imported from t.json");
}

#[test]
fn storymapjs_demo_katrina_and_sochi() {
    let (ds, _) = clean("json/demo.json");
    assert!(ds.meta.title.starts_with("US Westward Expansion"), "{}", ds.meta.title);
    assert_eq!((ds.initiatives.len(), ds.locations.len()), (24, 24));
    let first = &ds.initiatives[0];
    assert_eq!((first.title.as_str(), first.start), ("1790", Some(year(1790))));
    let kent = ds.location(&first.places[0]).expect("a place");
    assert_eq!((kent.name.as_str(), kent.lat, kent.lon), ("Kent County, Maryland", 39.275, -76.186_67));

    let (ds, _) = clean("json/katrina.json");
    assert_eq!(ds.meta.title, "The Path of Hurricane Katrina");
    assert_eq!((ds.initiatives.len(), ds.locations.len()), (7, 7), "a second overview slide has a location");
    assert_eq!(ds.locations[0].name, "Bahamas");
    assert_eq!(ds.locations[1].name, "Aug 26", "the placeholder name \"location\" gives way to the headline");
    assert!(ds.initiatives.iter().all(|i| i.start.is_none()), "\"Aug 23\" has no year");
    assert!(ds.initiatives[0].body.starts_with("*Date as shown: Aug 23*"));

    let (ds, _) = clean("json/sochi.json");
    assert_eq!(ds.meta.title, "Sochi 2014 Olympic Torch Relay Highlights");
    assert_eq!((ds.initiatives.len(), ds.locations.len()), (10, 10));
    assert_eq!(ds.locations[0].name, "Kickoff in Moscow");
}

#[test]
fn geojson_points_become_places_and_initiatives() {
    let (ds, loaded) = clean("json/places.geojson");
    assert_eq!(ds.meta.title, "Harbours and bases");
    assert_eq!((ds.locations.len(), ds.initiatives.len()), (3, 2), "Fukuoka has only a name");
    let naha = &ds.initiatives[0];
    assert_eq!(naha.status, Status::InProgress);
    assert_eq!(naha.announced.map(|d| d.period), Some(Period::Month(1974, 1)));
    assert_eq!(naha.target.map(|d| d.qualifier), Some(Qualifier::By));
    assert_eq!(naha.summary, "The port is to be moved to Urasoe.");
    assert_eq!(naha.body, "Agreed in **1974**, still *pending*.");
    assert_eq!(naha.tags, ["ports", "relocation"]);
    assert_eq!(ds.location(&naha.places[0]).map(|l| l.name.as_str()), Some("Naha Military Port"));
    let tokyo = &ds.initiatives[1];
    assert_eq!(tokyo.start.map(|d| d.period), Some(Period::Month(1943, 11)));
    assert_eq!(tokyo.end, Some(FuzzyDate { period: Period::Year(1944), qualifier: Qualifier::By }));
    assert_eq!((ds.locations[2].lat, ds.locations[2].lon), (33.5904, 130.4017), "numbers as strings");
    let skipped: Vec<_> = loaded.problems.iter().filter(|p| p.message.contains("not points")).collect();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].message.starts_with("2 features") && skipped[0].message.contains("Polygon ×1"));
}

#[test]
fn kml_placemarks_folders_and_time_precision() {
    let (ds, loaded) = clean("kml/places.kml");
    assert_eq!(ds.meta.title, "Okinawa & Kyushu");
    assert_eq!((ds.locations.len(), ds.initiatives.len()), (4, 4));
    let hansen = &ds.initiatives[0];
    assert_eq!(hansen.start, Some(year(1965)));
    assert_eq!(hansen.tags, ["Bases"]);
    assert_eq!(hansen.body, "A **Marine Corps** camp; see [the page](https://example.org/hansen).");
    let kadena = &ds.initiatives[1];
    assert_eq!(kadena.tags, ["Bases", "Air"]);
    assert_eq!(kadena.start.map(|d| d.period), Some(Period::Month(1945, 4)));
    assert_eq!(kadena.end, FuzzyDate::ymd(1945, 6, 22).ok());
    assert_eq!((ds.locations[1].lat, ds.locations[1].lon), (26.3556, 127.7676));
    assert_eq!(ds.initiatives[2].start, FuzzyDate::ymd(2023, 11, 15).ok(), "a date-time is its day");
    assert!(ds.initiatives[2].tags.is_empty());
    let bad = loaded.problems.iter().find(|p| p.kind == ProblemKind::BadDate).expect("the unreadable date");
    assert_eq!((bad.line, bad.column, bad.cell.as_deref()), (30, 24, None), "{bad:?}");
    let skipped = loaded.problems.iter().find(|p| p.message.contains("no Point")).expect("the line");
    assert!(skipped.message.starts_with("1 Placemarks") && skipped.message.contains("LineString ×1"));
}

fn kmz(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).expect("start a file");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("finish").into_inner()
}

#[test]
fn kmz_reads_doc_kml_first() {
    let kml = std::fs::read(fixture("kml/places.kml")).expect("the fixture");
    let other = b"<kml><Document><name>Other</name></Document></kml>";
    let bytes = kmz(&[("files/other.kml", other), ("doc.kml", &kml), ("files/pic.png", b"png")]);
    let loaded = named("places.kmz", &bytes);
    assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.problems);
    let ds = loaded.dataset.expect("a dataset");
    assert_eq!((ds.meta.title.as_str(), ds.initiatives.len()), ("Okinawa & Kyushu", 4));
    let loaded = named("other.kmz", &kmz(&[("a.txt", b"x"), ("files/other.kml", other)]));
    assert_eq!(loaded.dataset.map(|d| d.meta.title), Some("Other".to_owned()), "else the first .kml");
    let loaded = named("none.kmz", &kmz(&[("a.txt", b"x")]));
    assert!(loaded.dataset.is_none() && loaded.problems[0].message.contains("no .kml file"));
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() {
    let deep = "[".repeat(100_000);
    let loaded = named("deep.json", deep.as_bytes());
    assert_eq!(loaded.problems[0].kind, ProblemKind::TooDeep, "{:?}", loaded.problems);
    let deep_object = "{\"events\": ".repeat(50_000);
    assert_eq!(named("deep.json", deep_object.as_bytes()).problems[0].kind, ProblemKind::TooDeep);

    let loaded = named("bad.json", b"{\"events\": [\n  {\"text\": \"\xff\"}]}");
    assert_eq!((loaded.problems[0].kind, loaded.problems[0].line), (ProblemKind::Unreadable, 2));
    assert!(loaded.problems[0].message.contains("UTF-8"));

    let loaded = named("cut.json", b"{\"events\": [\n {\"start_date\": ");
    assert_eq!((loaded.problems[0].kind, loaded.problems[0].line), (ProblemKind::Syntax, 2));
    assert!(loaded.problems[0].message.contains("ends too soon"), "{:?}", loaded.problems);

    let loaded = named("other.json", b"{\"rows\": [1, 2]}");
    assert!(loaded.problems[0].message.contains("found the keys `rows`"), "{:?}", loaded.problems);
    let loaded = named("list.json", b"[1, 2, 3]");
    assert!(loaded.problems[0].message.contains("a list of 3 items"), "{:?}", loaded.problems);

    let kml = std::fs::read(fixture("kml/places.kml")).expect("the fixture");
    let zipped = kmz(&[("doc.kml", &kml)]);
    let loaded = named("cut.kmz", &zipped[..zipped.len() / 2]);
    assert!(loaded.dataset.is_none() && loaded.problems[0].message.contains("zip"), "{:?}", loaded.problems);

    let loaded = named("cut.kml", &kml[..kml.len() / 2]);
    assert_eq!(loaded.problems[0].kind, ProblemKind::Syntax, "{:?}", loaded.problems);
    let loaded = named("page.html", b"<html><body>hi</body></html>");
    assert!(loaded.problems[0].message.contains("not KML"), "{:?}", loaded.problems);
    let loaded = named("x.kml", b"<kml><Document><Placemark><name>a</nme></Placemark></Document></kml>");
    assert_eq!((loaded.problems[0].kind, loaded.problems[0].line), (ProblemKind::Syntax, 1));
}

#[test]
fn a_billion_laughs_is_harmless() {
    let loaded = open(Input::File(&fixture("kml/laughs.kml")), None);
    assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.problems);
    let ds = loaded.dataset.expect("a dataset");
    assert_eq!(ds.meta.title, "Laughs");
    assert_eq!(ds.initiatives[0].title, "Placemark 1");
    let warning = loaded.problems.iter().find(|p| p.message.contains("not expanded")).expect("a warning");
    assert!(warning.message.contains("&lol9;"), "{}", warning.message);
}

proptest::proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = json::read("x.json", &bytes);
        let _ = kml::read(Kind::Kml, "x.kml", &bytes);
        let _ = kml::read(Kind::Kmz, "x.kmz", &bytes);
    }

    #[test]
    fn json_and_kml_shaped_text_never_panics(
        text in "[{}\\[\\]\":,a-z0-9 <>/&;#.-]{0,300}",
        head in proptest::sample::select(vec!["{\"events\": [", "{\"storymap\": {\"slides\": [", "{\"type\": \"Feature\", ", "<kml><Placemark>"]),
    ) {
        let text = format!("{head}{text}");
        let _ = json::read("x.json", text.as_bytes());
        let _ = kml::read(Kind::Kml, "x.kml", text.as_bytes());
    }
}
