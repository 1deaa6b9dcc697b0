//! What each fuzz target checks, as plain functions over bytes: the `fuzz/` crate's targets call these,
//! and `tests/fuzz_regressions.rs` replays every saved input through the same functions, so a crash the
//! fuzzer found stays fixed. Each function panics when a reader breaks a promise (a panic inside a
//! reader is already such a break): never a panic, whatever the bytes; the same answer however the
//! input is cut; what a writer writes reads back equal.
//!
//! Needs only `model`, `formats` and `briefing`: the fuzz crate builds the library without the app
//! (`default-features = false`), so a fuzz build does not compile eframe.

use std::sync::OnceLock;

use crate::briefing::{load_deck, to_ron as deck_to_ron};
use crate::formats::export::ron::to_ron;
use crate::formats::growing::{Growing, Step};
use crate::formats::open::{Format, Input, open, sniff};
use crate::formats::ron::stream::load_path_chunked;
use crate::formats::{Loaded, Severity, load_str};
use crate::model::date::{FiscalCalendar, FuzzyDate};
use crate::model::date_loose::{DayOrder, parse_loose_with};
use crate::model::index::Index;
use crate::model::view_state::ViewState;
use crate::model::{DEFAULT_DATASET, Dataset};

/// A target: the name its fuzz binary, seeds and saved crashes go by, and what it runs.
pub type Target = (&'static str, fn(&[u8]));

/// Every target.
pub const TARGETS: [Target; 11] = [
    ("dataset", dataset),
    ("dataset_roundtrip", dataset_roundtrip),
    ("ron_vs_serde", ron_vs_serde),
    ("deck", deck),
    ("view_text", view_text),
    ("fuzzy_date", fuzzy_date),
    ("csv", csv),
    ("xlsx", xlsx),
    ("json", json),
    ("geojson", geojson),
    ("kml", kml),
];

/// The dataset loader: any bytes give problems, never a panic; the file reader in chunks of any size
/// (the first byte picks it) and the browser's reader a slice of items at a time give exactly what
/// reading the bytes whole gives.
pub fn dataset(data: &[u8]) {
    let (chunk, bytes) = match data.split_first() {
        Some((&first, rest)) => (usize::from(first % 64) + 1, rest),
        None => (1, data),
    };
    let whole = open(Input::Bytes(bytes), None);
    assert!(whole.dataset.is_some() || !whole.problems.is_empty(), "no data and no problem said why");
    if sniff(bytes.get(..4096).unwrap_or(bytes), "") != Format::Ron {
        return;
    }
    let path = scratch_file(bytes);
    let chunked = load_path_chunked(&path, None, chunk);
    let _ = std::fs::remove_file(&path);
    if std::str::from_utf8(bytes).is_ok() {
        assert_eq!(chunked, whole, "the file read in chunks of {chunk} bytes differs from the bytes read whole");
    } else {
        // Bytes that are not text all through are refused whole at the bad byte; in chunks the reader
        // stops at the first problem it meets, which may be a syntax error before it: a large file with an
        // error on line 10 stops there (tests/big_file_errors.rs). Either way: no data, and an error.
        assert!(chunked.dataset.is_none() && chunked.problems.iter().any(crate::formats::Problem::is_error));
        if chunked.problems.iter().any(|p| p.message == "the file is not valid UTF-8 text") {
            assert_eq!(chunked, whole, "a bad byte found in chunks of {chunk} is reported as when read whole");
        }
    }
    // As the browser reads a body still arriving: parts of `chunk` bytes, a few items per step.
    let mut growing = Growing::new("fuzz.ron", None);
    for part in bytes.chunks(chunk.max(1)) {
        growing.push(part);
        while growing.step(chunk) == Step::Again {}
    }
    growing.end();
    while growing.step(chunk) != Step::Done {}
    let streamed = growing.finish();
    if std::str::from_utf8(bytes).is_ok() {
        assert_eq!(
            streamed, whole,
            "the bytes read as they arrive in parts of {chunk} differ from the bytes read whole"
        );
    } else {
        // As in chunks: a syntax error may be met before the bad byte has arrived.
        assert!(streamed.dataset.is_none() && streamed.problems.iter().any(crate::formats::Problem::is_error));
    }
}

/// A file of its own for this thread (tests run targets on several threads at once).
fn scratch_file(bytes: &[u8]) -> std::path::PathBuf {
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    let path = std::env::temp_dir().join(format!("atlas-fuzz-{}-{thread}.ron", std::process::id()));
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write the scratch file {}: {e}", path.display());
    }
    path
}

/// A dataset our reader takes, written by our writer, reads back equal (what "Save as" relies on).
pub fn dataset_roundtrip(data: &[u8]) {
    if let Some(dataset) = open(Input::Bytes(data), None).dataset {
        written_reads_back(&dataset);
    }
}

fn written_reads_back(dataset: &Dataset) {
    let text = to_ron(dataset, Some("fuzz"));
    let again = load_str(&text);
    let errors: Vec<_> = again.problems.iter().filter(|p| p.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "what the writer wrote has errors: {errors:?}\n{text}");
    assert_eq!(again.dataset.as_ref(), Some(dataset), "what the writer wrote reads back different:\n{text}");
}

/// Our RON reader against the `ron` crate's: where both take a text, they read the same dataset.
pub fn ron_vs_serde(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours: Loaded = load_str(text);
    let Some(ours) = ours.dataset else { return };
    if let Ok(theirs) = ::ron::from_str::<Dataset>(text) {
        assert_eq!(ours, theirs, "our reader and ron::from_str read the same text differently");
    }
}

/// The embedded dataset's index, for the deck loader's id checks.
fn default_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(&load_str(DEFAULT_DATASET).dataset.unwrap_or_default()))
}

/// The deck loader: never a panic; a deck it takes, written out, reads back equal.
pub fn deck(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let loaded = load_deck(&text, default_index());
    assert!(loaded.deck.is_some() || !loaded.problems.is_empty(), "no deck and no problem said why");
    if let Some(deck) = loaded.deck {
        let written = deck_to_ron(&deck);
        let again = load_deck(&written, default_index());
        assert_eq!(again.deck.as_ref(), Some(&deck), "the written deck reads back different: {:?}", again.problems);
    }
}

/// The view in a link (`#t=…;m=…`), which anyone can write: never a panic, and a view it takes
/// written back as text reads as the same view.
pub fn view_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(view) = ViewState::from_text(&text) {
        let written = view.to_text();
        assert_eq!(ViewState::from_text(&written).as_ref(), Ok(&view), "{text:?} written back as {written:?}");
    }
}

/// The date parsers: a date the data files take is taken as typed too, and means the same; a date as
/// typed, written as the data files write it, reads back the same; no date ends before it starts.
pub fn fuzzy_date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let strict = text.parse::<FuzzyDate>();
    if let Ok(date) = strict {
        assert_eq!(date.to_data_string().parse::<FuzzyDate>(), Ok(date), "{text:?} written back");
        assert!(date.anchor().0 <= date.anchor().1, "{text:?} ends before it starts");
        let typed = parse_loose_with(&text, FiscalCalendar::Japan, DayOrder::Ask);
        assert_eq!(typed.ok(), Some(date), "{text:?} is a data date but reads differently as typed");
    }
    for fiscal in [FiscalCalendar::Japan, FiscalCalendar::Us] {
        for order in [DayOrder::Ask, DayOrder::DayFirst, DayOrder::MonthFirst] {
            if let Ok(date) = parse_loose_with(&text, fiscal, order) {
                let written = date.to_data_string();
                assert_eq!(written.parse::<FuzzyDate>(), Ok(date), "{text:?} as typed, written as {written:?}");
                assert!(date.anchor().0 <= date.anchor().1, "{text:?} ends before it starts");
            }
        }
    }
}

/// An importer's file: never a panic; no data comes without a problem said or with one the writer
/// cannot save (an imported dataset is saved as RON).
fn import(name: &str, data: &[u8]) {
    let loaded = open(Input::Named(name, data), None);
    assert!(loaded.dataset.is_some() || !loaded.problems.is_empty(), "{name}: no data and no problem said why");
    if let Some(dataset) = &loaded.dataset {
        written_reads_back(dataset);
    }
}

/// A spreadsheet saved as CSV.
pub fn csv(data: &[u8]) {
    import("fuzz.csv", data);
}

/// An Excel workbook (a zip of XML).
pub fn xlsx(data: &[u8]) {
    import("fuzz.xlsx", data);
}

/// `TimelineJS` or `StoryMapJS` JSON.
pub fn json(data: &[u8]) {
    import("fuzz.json", data);
}

/// `GeoJSON` (the same door as JSON; its own seeds and dictionary).
pub fn geojson(data: &[u8]) {
    import("fuzz.geojson", data);
}

/// KML, or KMZ (a zip holding KML) when the bytes start like a zip.
pub fn kml(data: &[u8]) {
    import(if data.starts_with(b"PK") { "fuzz.kmz" } else { "fuzz.kml" }, data);
}
