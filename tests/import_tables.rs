//! Spreadsheets through the door: `TimelineJS` sheets, our template (CSV with its places file, and a
//! small XLSX built here), every problem at its cell, skipped rows counted, bad bytes never a panic.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

#[path = "import_tables/xlsx.rs"]
mod xlsx;

use std::path::{Path, PathBuf};

use alliance_atlas::formats::{Input, Loaded, open};
use alliance_atlas::model::{Dataset, FuzzyDate, Period};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/tables").join(name)
}

fn lines(loaded: &Loaded, file: &str) -> Vec<String> {
    loaded.problems.iter().map(|p| p.display_in(file).to_string()).collect()
}

fn dataset(loaded: &Loaded) -> &Dataset {
    assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.problems);
    loaded.dataset.as_ref().expect("a dataset")
}

fn start_of(ds: &Dataset, id: &str) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
    let initiative = ds
        .initiative(id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ds.initiatives.iter().map(|i| &i.id).collect::<Vec<_>>()));
    (initiative.start, initiative.end)
}

#[test]
fn timelinejs_my_own_timeline_imports_with_its_title_and_precisions() {
    let loaded = open(Input::File(&fixture("my-own-timeline.csv")), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.meta.title, "MY OWN CSV");
    assert!(ds.meta.description.starts_with("In this sample timeline"), "{}", ds.meta.description);
    assert_eq!((ds.initiatives.len(), ds.eras.len()), (10, 0));
    let (start, end) = start_of(ds, "ada-lovelace");
    assert_eq!(start.map(|d| d.period), Some(Period::Day(1815, 12, 10)));
    assert_eq!(end.map(|d| d.period), Some(Period::Day(1852, 11, 27)));
    let (start, end) = start_of(ds, "and-the-women-who-made-it-work");
    assert_eq!(start.map(|d| d.period.precision_name()), Some("month"));
    assert_eq!(end.map(|d| d.period), Some(Period::Year(1946)));
    assert_eq!(start_of(ds, "rozsa-peter-writes-recursion").0.map(|d| d.period), Some(Period::Year(1951)));
    let ada = ds.initiative("ada-lovelace").expect("Ada");
    assert!(ada.summary.contains("[Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace)"), "{}", ada.summary);
    let source = ds.source(&ada.sources[0].source).expect("Ada's source");
    assert_eq!(source.publisher, "Wikimedia Commons");
    assert!(source.url.as_deref().is_some_and(|u| u.ends_with("713px-Ada_Lovelace_portrait.jpg")));
    // Edith Clarke's row has no media URL or credit: it cites the file.
    let edith = ds.initiative("edith-clarke-bucking-the-trend").expect("Edith Clarke");
    assert_eq!(
        ds.source(&edith.sources[0].source).map(|s| s.title.as_str()),
        Some("Imported from my-own-timeline.csv")
    );
}

#[test]
fn timelinejs_women_in_computing_imports() {
    let loaded = open(Input::File(&fixture("women_in_computing.csv")), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.meta.title, "Women in Computing");
    assert_eq!((ds.initiatives.len(), ds.eras.len()), (10, 0));
    assert_eq!(start_of(ds, "the-first-computer").0.map(|d| d.period), Some(Period::Day(1943, 6, 5)));
    assert_eq!(start_of(ds, "contributions-to-space-exploration").1.map(|d| d.period), Some(Period::Year(1962)));
}

#[test]
fn timelinejs_eras_groups_and_negative_years() {
    let csv = "Year,Month,Day,End Year,Headline,Text,Type,Group\n\
        ,,,,My eras,<p>About <b>them</b></p>,title,\n\
        -500,,,-400,Classical,,era,\n\
        -490,9,,,Marathon,<i>Runs</i>,,Wars\n\
        ,,,,No date here,text,,\n";
    let loaded = open(Input::Named("eras.csv", csv.as_bytes()), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.meta.description, "About **them**");
    assert_eq!((ds.initiatives.len(), ds.eras.len()), (1, 1));
    assert_eq!(ds.eras[0].start.period, Period::Year(-500));
    let marathon = &ds.initiatives[0];
    assert_eq!(
        (marathon.start.map(|d| d.period), marathon.tags.clone()),
        (Some(Period::Month(-490, 9)), vec!["Wars".to_owned()])
    );
    assert_eq!(
        lines(&loaded, "eras.csv")[..2],
        [
            "eras.csv:summary: warning: read 4 rows: 1 initiatives, 1 eras; 1 skipped (see the warnings below)",
            "eras.csv:row 5: warning: the row has no Year, so it has no place on a timeline; skipped (hint: fill in Year (and Month and Day when known))",
        ]
    );
}

#[test]
fn timelinejs_v1_sheets_read_start_and_end_dates_and_tags() {
    let csv = "Start Date,End Date,Headline,Text,Tag\n\"2012,1,26\",,Launch,x,\"a, b\"\n15 Nov 2023,\"2024,2\",Later,y,\n3/4/2020,,Ambiguous,z,\n";
    let loaded = open(Input::Named("v1.csv", csv.as_bytes()), None);
    let got: Vec<String> =
        loaded.problems.iter().filter(|p| p.is_error()).map(|p| p.display_in("v1.csv").to_string()).collect();
    assert_eq!(
        got,
        [
            "v1.csv:row 4, column \"Start Date\": error: \"3/4/2020\": 03/04 could be day/month or month/day — nothing is guessed (hint: write 2020-04-03 (3 Apr) or 2020-03-04 (4 Mar))"
        ]
    );
    let fixed = csv.replace("3/4/2020", "2020-04-03");
    let loaded = open(Input::Named("v1.csv", fixed.as_bytes()), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.initiatives.len(), 3);
    assert_eq!(ds.initiatives[0].start.map(|d| d.period), Some(Period::Day(2012, 1, 26)));
    assert_eq!(ds.initiatives[0].tags, ["a", "b"]);
    assert_eq!(ds.initiatives[1].end.map(|d| d.period), Some(Period::Month(2024, 2)));
}

#[test]
fn the_shipped_template_imports_with_no_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/template.csv");
    let loaded = open(Input::File(&path), None);
    let ds = dataset(&loaded);
    assert_eq!((ds.initiatives.len(), ds.locations.len(), ds.sources.len()), (2, 2, 2));
    let mlr = ds.initiative("12mlr-decision").expect("12mlr");
    assert_eq!(mlr.places, ["camp_hansen"]);
    assert_eq!(mlr.start.map(FuzzyDate::to_data_string).as_deref(), Some("2023-11"));
    assert_eq!(mlr.completed.map(FuzzyDate::to_data_string).as_deref(), Some("2023-11-15"));
    assert_eq!(mlr.target.map(FuzzyDate::to_data_string).as_deref(), Some("by 2025"));
    let jjoc = ds.initiative("jjoc-standup").expect("jjoc");
    assert_eq!(jjoc.target.map(FuzzyDate::to_data_string).as_deref(), Some("JFY2024"));
    assert_eq!(format!("{:?}", jjoc.lines_of_effort), "[CommandAndControl]");
    assert_eq!(jjoc.places, ["ichigaya"]);
    assert_eq!(loaded.warning_count(), 0, "{:#?}", loaded.problems);
}

#[test]
fn every_problem_of_a_template_is_at_its_cell_and_untitled_rows_are_skipped() {
    let loaded = open(Input::File(&fixture("bad-template.csv")), None);
    assert!(loaded.dataset.is_none());
    let got = lines(&loaded, "bad-template.csv");
    for want in [
        "bad-template.csv:summary: warning: read 3 rows: 2 initiatives, 0 eras; 1 skipped (see the warnings below)",
        "bad-template.csv:row 2, column \"start\": error: \"03/04/2023\": 03/04 could be day/month or month/day — nothing is guessed (hint: write 2023-04-03 (3 Apr) or 2023-03-04 (4 Mar))",
        "bad-template.csv:row 2, column \"places\": error: place \"Camp Hansn\" is not in bad-template.places.csv (hint: did you mean \"Camp Hansen\"?)",
        "bad-template.csv:row 3: warning: the row has no title, so it is not an initiative; skipped (hint: give every initiative a title)",
        "bad-template.csv:row 4, column \"start\": error: \"2023/13/01\": month 13 — dates are YYYY-MM-DD, \"by 2025\", \"JFY2027\" …",
        "bad-template.csv:bad-template.places.csv row 4, column \"lat\": error: lat \"north\" is not a number (hint: write decimal degrees, e.g. 26.45)",
    ] {
        assert!(got.iter().any(|g| g == want), "missing {want}\nin {got:#?}");
    }
    assert_eq!(
        got[0],
        "bad-template.csv:summary: warning: read 3 rows: 2 initiatives, 0 eras; 1 skipped (see the warnings below)"
    );
    assert!(got.iter().any(|g| g.starts_with("bad-template.csv:row 4, column \"Lines_of_Effort\": error: \"Isrr\" is not a line of effort (hint: did you mean Isr?")), "{got:#?}");
}

#[test]
fn sources_by_semicolons_and_repeated_columns_and_places_by_coordinates() {
    let csv = "title,lines_of_effort,status,start,places,source title,source url,source title,source publisher\n\
        One,Force Posture; air-missile defense,in progress,c. November 2022,\"26.5, 127.9\",A; B,https://a.example/; https://b.example/,C,\n\
        Two,ISR,ongoing,2024 Q3,\"26.5, 127.9\",A,https://a.example/,,\n";
    let loaded = open(Input::Named("s.csv", csv.as_bytes()), None);
    let ds = dataset(&loaded);
    let one = &ds.initiatives[0];
    assert_eq!(format!("{:?}", one.lines_of_effort), "[ForcePosture, AirMissileDefense]");
    assert_eq!(one.start.map(FuzzyDate::to_data_string).as_deref(), Some("c. 2022-11"));
    let titles: Vec<&str> = one.sources.iter().filter_map(|c| ds.source(&c.source)).map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["A", "B", "C"]);
    assert_eq!(ds.initiatives[1].sources[0].source, one.sources[0].source, "the same source is shared");
    assert_eq!(ds.sources.len(), 3);
    assert_eq!(ds.locations.len(), 1, "the same coordinates make one place");
    assert_eq!((ds.locations[0].lat, ds.locations[0].lon), (26.5, 127.9));
    assert_eq!(ds.initiatives[1].places, one.places);
    let bad = csv.replace("ISR", "Isrr");
    let loaded = open(Input::Named("s.csv", bad.as_bytes()), None);
    assert_eq!(
        lines(&loaded, "s.csv")[0],
        "s.csv:row 3, column \"lines_of_effort\": error: \"Isrr\" is not a line of effort (hint: did you mean Isr? (one of ForcePosture, Isr, Space, Cyber, Strike, AirMissileDefense, CommandAndControl, Exercises, Partners, Policy, Industry))"
    );
}

#[test]
fn unknown_headers_list_what_was_found_and_what_is_expected() {
    let loaded = open(Input::Named("odd.csv", b"Name,When\nx,2023\n"), None);
    assert!(loaded.dataset.is_none());
    let got = lines(&loaded, "odd.csv");
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("odd.csv:row 1: error: the headers are not our template's nor a TimelineJS sheet's: found \"Name\", \"When\" (hint: our template has id, title, summary"), "{}", got[0]);
    assert!(got[0].contains("a TimelineJS sheet has Year, Month, Day"), "{}", got[0]);
}

#[test]
fn invalid_utf8_is_reported_at_its_cell() {
    let loaded = open(Input::Named("b.csv", b"title,status\nOK,Ongoing\nBad \xFF here,Ongoing\n"), None);
    assert_eq!(
        lines(&loaded, "b.csv")[0],
        "b.csv:row 3, column \"title\": error: the cell is not valid UTF-8 text (bad byte at byte 5 of the cell) (hint: save the file as UTF-8)"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "title,summary,lines of effort,status,start,source title\nUn,Deux,Isr,Ongoing,2023,S\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let loaded = open(Input::Named("wide.csv", &bytes), None);
    assert_eq!(dataset(&loaded).initiatives[0].title, "Un");
    let mut odd = vec![0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x41];
    odd.push(0);
    let loaded = open(Input::Named("broken.csv", &odd), None);
    assert!(
        lines(&loaded, "broken.csv")[0].contains("the UTF-16 text is broken at character 1"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn a_truncated_or_garbage_workbook_is_a_clear_error() {
    let book = xlsx::book(&[("Sheet1", vec![vec![xlsx::Value::Text("title".to_owned())]])]);
    for bytes in [&book[..book.len() / 2], b"PK\x03\x04 garbage garbage".as_slice()] {
        let loaded = open(Input::Named("book.xlsx", bytes), None);
        let got = lines(&loaded, "book.xlsx");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("book.xlsx:the workbook: error: this is not a workbook that can be read (XLSX or ODS):"),
            "{got:?}"
        );
    }
}

#[test]
fn a_million_column_header_and_a_100_mb_cell_are_refused() {
    let wide = "a,".repeat(1_000_000) + "title\n";
    let loaded = open(Input::Named("wide.csv", wide.as_bytes()), None);
    assert_eq!(
        lines(&loaded, "wide.csv"),
        [
            "wide.csv:row 1: error: the header has 1000001 columns; at most 1000 are read (hint: is this a spreadsheet of initiatives? Check the delimiter and the first row)"
        ]
    );
    let mut big = b"title,summary\nBig,".to_vec();
    big.resize(big.len() + (100 << 20), b'x');
    big.push(b'\n');
    let loaded = open(Input::Named("big.csv", &big), None);
    assert_eq!(
        lines(&loaded, "big.csv")[0],
        "big.csv:row 2, column \"summary\": error: the cell holds 104857600 bytes; cells over 1024 KiB are not read (hint: keep long texts in a linked document)"
    );
}

#[test]
fn an_xlsx_template_with_date_cells_and_a_places_sheet_imports() {
    let s = |t: &str| xlsx::Value::Text(t.to_owned());
    let rows = vec![
        vec![
            s("Title"),
            s("Lines of effort"),
            s("Status"),
            s("Start"),
            s("Places"),
            s("Source title"),
            s("Source title 2"),
        ],
        vec![s("Built here"), s("isr"), s("Ongoing"), xlsx::Value::Date(45_245.0), s("Kadena"), s("One"), s("Two")],
        vec![s("Second"), s("Space"), s("Ongoing"), s("Q3 2024"), s("nowhere"), s("One"), xlsx::Value::Number(3.0)],
    ];
    let places = vec![
        vec![s("id"), s("name"), s("lat"), s("lon"), s("kind"), s("precision"), s("country")],
        vec![
            s("kadena"),
            s("Kadena"),
            xlsx::Value::Number(26.35),
            xlsx::Value::Number(127.77),
            s("airbase"),
            s("about 1 km"),
            s("JP"),
        ],
    ];
    let book = xlsx::book(&[("Initiatives", rows), ("places", places)]);
    let loaded = open(Input::Named("book.xlsx", &book), None);
    let got: Vec<String> =
        loaded.problems.iter().filter(|p| p.is_error()).map(|p| p.display_in("book.xlsx").to_string()).collect();
    assert_eq!(
        got,
        [
            "book.xlsx:sheet Initiatives!E3: error: place \"nowhere\" is not in the places sheet (hint: add it to the places sheet, or write \"lat, lon\")"
        ]
    );
    let fixed = xlsx::book(&[(
        "Initiatives",
        vec![
            vec![s("Title"), s("Lines of effort"), s("Status"), s("Start"), s("Source title")],
            vec![s("Built here"), s("isr"), s("Ongoing"), xlsx::Value::Date(45_245.0), s("One")],
        ],
    )]);
    let loaded = open(Input::Named("book.xlsx", &fixed), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.initiatives[0].start.map(|d| d.period), Some(Period::Day(2023, 11, 15)));
}

#[test]
fn a_workbook_cell_at_the_last_row_and_column_takes_no_room_for_the_empty_ones() {
    let s = |t: &str| xlsx::Value::Text(t.to_owned());
    let book = xlsx::book(&[(
        "Initiatives",
        vec![
            vec![s("Title"), s("Lines of effort"), s("Status"), s("Start"), s("Source title")],
            vec![s("Built here"), s("isr"), s("Ongoing"), s("2023"), s("One")],
            vec![xlsx::Value::TextAt("XFD1048576", "far away".to_owned())],
            vec![xlsx::Value::TextAt("D1048575", "soon".to_owned())],
        ],
    )]);
    let loaded = open(Input::Named("far.xlsx", &book), None);
    let got = lines(&loaded, "far.xlsx");
    assert_eq!(
        got[0],
        "far.xlsx:summary: warning: read 2 rows: 1 initiatives, 0 eras; 1 skipped (see the warnings below)"
    );
    assert_eq!(got[1], "far.xlsx:sheet Initiatives: warning: 1 cells right of column ALL are not read");
    assert!(got.contains(&"far.xlsx:sheet Initiatives row 1048575: warning: the row has no title, so it is not an initiative; skipped (hint: give every initiative a title)".to_owned()), "{got:#?}");
    assert_eq!(loaded.error_count(), 0, "{got:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let _ = open(Input::Named("r.csv", &bytes), None);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        let _ = open(Input::Named("r.xlsx", &zipped), None);
    }

    #[test]
    fn random_csv_text_never_panics(
        header in proptest::sample::subsequence(vec!["title", "Year", "Headline", "status", "start", "places", "lines of effort", "source title", "End Year", "Type", "x"], 0..8),
        cells in proptest::collection::vec("[a-zA-Z0-9 ,;\"/.\\-\n]{0,12}", 0..40),
    ) {
        let mut text = header.join(",");
        for (i, cell) in cells.iter().enumerate() {
            text.push(if i % header.len().max(1) == 0 { '\n' } else { ',' });
            text.push_str(cell);
        }
        let _ = open(Input::Named("r.csv", text.as_bytes()), None);
    }
}

/// A generated dataset's CSV export (with its places file) in a fresh folder.
fn generated_csv(n: usize, tag: &str) -> PathBuf {
    use alliance_atlas::formats::export::Subset;
    use alliance_atlas::formats::export::render::{ExportFormat, render};
    let dir = std::env::temp_dir().join(format!("atlas-import-progress-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.csv");
    let ds = alliance_atlas::model::generate::generate(n, 100, 7);
    let rendered = render(
        ExportFormat::Csv,
        &ds,
        Subset::All,
        &path.to_string_lossy(),
        None,
        alliance_atlas::model::view::LaneGrouping::default(),
    );
    for (file, text) in &rendered.files {
        std::fs::write(file, text).expect("write");
    }
    path
}

#[test]
fn a_large_csv_reports_its_progress_and_stops_when_cancelled() {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    let path = generated_csv(20_000, "p");
    let size = std::fs::metadata(&path).expect("size").len();

    let progress = Arc::new(alliance_atlas::formats::Progress::default());
    let loaded = open(Input::File(&path), Some(progress.clone()));
    assert_eq!(dataset(&loaded).initiatives.len(), 20_000);
    assert_eq!(progress.total.load(Ordering::Relaxed), size, "the bar counts the file's bytes");
    assert_eq!(progress.done.load(Ordering::Relaxed), size, "and ends full");

    let cancelled = Arc::new(alliance_atlas::formats::Progress::default());
    cancelled.cancel.store(true, Ordering::Relaxed);
    let loaded = open(Input::File(&path), Some(cancelled.clone()));
    assert!(loaded.was_cancelled(), "{:?}", loaded.problems);
    assert_eq!(loaded.problems.len(), 1, "only the cancellation, not a pile of half-read rows");
    assert!(cancelled.done.load(Ordering::Relaxed) < size, "it stopped early");

    // A workbook cancels too.
    let text = std::fs::read_to_string(&path).expect("csv");
    let rows: Vec<Vec<xlsx::Value>> =
        text.lines().take(2).map(|l| l.split(',').map(|c| xlsx::Value::Text(c.to_owned())).collect()).collect();
    let book = xlsx::book(&[("Initiatives", rows)]);
    let loaded = open(Input::Named("big.xlsx", &book), Some(cancelled));
    assert!(loaded.was_cancelled(), "{:?}", loaded.problems);
}

#[test]
fn a_source_group_numbered_in_billions_is_one_group() {
    // Found by the fuzzer: the sources were read group by group up to the highest number a header
    // named, four billion passes for this row.
    let csv = "id,title,start,source title 4000000000,source url 4000000000\n\
               a,An initiative,2023-01-11,The article,https://example.org/a\n";
    let loaded = open(Input::Named("groups.csv", csv.as_bytes()), None);
    let ds = dataset(&loaded);
    assert_eq!(ds.initiatives.len(), 1);
    let titles: Vec<&str> = ds.sources.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"The article"), "{titles:?}");
}
