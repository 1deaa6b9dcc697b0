//! Our RON reader against the `ron` crate: every case in `tests/fixtures/ron-features/` is read by both,
//! and they agree (the same dataset, or both refuse) unless the case is listed below on purpose, with
//! the reason. Where `ron` reads something ours refuses, ours says where and why. Also: random datasets
//! written by `ron` (pretty and compact, with and without struct names) read back equal.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::path::Path;

use alliance_atlas::formats::{Loaded, ProblemKind, load_bytes, load_str};
use alliance_atlas::model::Dataset;
use alliance_atlas::model::generate::generate;
use proptest::prelude::*;

/// How the two readers are meant to differ on a case.
#[derive(Clone, Copy, Debug)]
enum Differ {
    /// `ron` reads it; ours refuses with an error of this kind at this line and column, whose message
    /// holds the text given.
    OursRefuses(ProblemKind, (usize, usize), &'static str),
    /// `ron` refuses it; ours reads it.
    OursReads,
}

/// The cases where the readers differ on purpose, and why.
const ON_PURPOSE: &[(&str, Differ, &str)] = &[
    (
        "numbers-big-int",
        Differ::OursRefuses(ProblemKind::Syntax, (5, 54), "beyond 2^53"),
        "an integer beyond 2^53 cannot be held exactly by an f64; ron rounds it silently",
    ),
    (
        "numbers-suffix",
        Differ::OursRefuses(ProblemKind::Syntax, (5, 49), "cannot be followed by `f64`"),
        "type suffixes (26.5f64) say nothing in a dataset, whose numbers are all f64",
    ),
    (
        "numbers-hex-oct-bin",
        Differ::OursReads,
        "ron reads hex, octal and binary only into integer fields; ours reads them wherever numbers are read",
    ),
    ("bom", Differ::OursReads, "editors on Windows save UTF-8 with a byte-order mark; ron does not skip it"),
    ("bom-no-attribute", Differ::OursReads, "as `bom`"),
    (
        "implicit-some-not-enabled",
        Differ::OursReads,
        "ours reads a bare value in an optional field with or without #![enable(implicit_some)]",
    ),
    ("u-escape-without-braces", Differ::OursReads, "ours also reads \\u00e9 (four hex digits, as in JSON)"),
    (
        "numbers-nan",
        Differ::OursRefuses(ProblemKind::BadCoordinate, (5, 45), "NaN"),
        "both read NaN; validation refuses a coordinate that is not a finite number",
    ),
];

fn case_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ron-features"))
}

fn first_error(loaded: &Loaded) -> Option<&alliance_atlas::formats::Problem> {
    loaded.problems.iter().find(|p| p.is_error())
}

#[test]
fn our_reader_agrees_with_ron_on_every_feature_case() {
    let mut names: Vec<String> = std::fs::read_dir(case_dir())
        .expect("the cases")
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ron").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "the cases were found ({})", names.len());
    for (name, _, _) in ON_PURPOSE {
        assert!(names.iter().any(|n| n == name), "the on-purpose case {name} exists");
    }
    let mut failures = Vec::new();
    for name in &names {
        let bytes = std::fs::read(case_dir().join(format!("{name}.ron"))).expect("read");
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        let ours = load_str(&text);
        // The same through the byte door and the chunked file reader.
        if load_bytes(&bytes) != ours {
            failures.push(format!("{name}: read as bytes differs"));
        }
        let path = case_dir().join(format!("{name}.ron"));
        for chunk in [1, 5, 4096] {
            if alliance_atlas::formats::ron::stream::load_path_chunked(&path, None, chunk) != ours {
                failures.push(format!("{name}: read in chunks of {chunk} differs"));
            }
        }
        let theirs = ron::from_str::<Dataset>(&text);
        let differ = ON_PURPOSE.iter().find(|(n, _, _)| n == name).map(|&(_, d, _)| d);
        let outcome = match (differ, &ours.dataset, &theirs) {
            (None, Some(a), Ok(b)) if a == b => Ok(()),
            (None, None, Err(_)) | (Some(Differ::OursReads), Some(_), Err(_)) => Ok(()),
            (None, a, b) => {
                Err(format!("ours {:?} / ron {:?}", a.as_ref().map(|_| "reads"), b.as_ref().map(|_| "reads")))
            }
            (Some(Differ::OursRefuses(kind, at, words)), None, Ok(_)) => match first_error(&ours) {
                Some(p) if p.kind == kind && (p.line, p.column) == at && p.message.contains(words) => Ok(()),
                p => Err(format!("expected a {kind:?} error at {at:?} with {words:?}, got {p:?}")),
            },
            (Some(d), a, b) => Err(format!(
                "listed as {d:?}, but ours {:?} / ron {:?}",
                a.as_ref().map(|_| "reads"),
                b.as_ref().map(|_| "reads")
            )),
        };
        if let Err(why) = outcome {
            failures.push(format!("{name}: {why}\n  ours: {:?}", ours.problems));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The first error of a case ours refuses (where both refuse): its line, column and message.
fn refused(name: &str) -> (usize, usize, String) {
    let text = std::fs::read_to_string(case_dir().join(format!("{name}.ron"))).expect("read");
    let loaded = load_str(&text);
    let p = first_error(&loaded).expect("an error");
    (p.line, p.column, p.message.clone())
}

#[test]
fn refusals_say_where_and_name_the_feature() {
    let (line, column, message) = refused("byte-string");
    assert_eq!((line, column), (3, 23), "{message}");
    assert!(message.contains("byte strings"), "{message}");
    let (line, column, message) = refused("byte-raw-string");
    assert_eq!((line, column), (3, 23), "{message}");
    assert!(message.contains("byte strings"), "{message}");
    let (line, column, message) = refused("enable-unknown");
    assert_eq!((line, column), (1, 26), "{message}");
    assert!(message.contains("unknown RON extension `shiny_new_thing`"), "{message}");
    let (line, column, message) = refused("attribute-unknown");
    assert_eq!((line, column), (1, 4), "{message}");
    assert!(message.contains("unknown attribute `derive`"), "{message}");
    let (line, _, message) = refused("enable-explicit-struct-names-missing");
    assert_eq!(line, 8, "{message}");
    assert!(message.contains("explicit_struct_names"), "{message}");
    let (line, column, message) = refused("enable-explicit-struct-names-missing-top");
    assert_eq!((line, column), (2, 1), "{message}");
    assert!(message.contains("explicit_struct_names"), "{message}");
}

#[test]
fn a_byte_order_mark_takes_no_column() {
    let text = std::fs::read_to_string(case_dir().join("bom-no-attribute.ron")).expect("read");
    let broken = text.replacen("Dataset(", "Dataset(,", 1);
    let loaded = load_str(&broken);
    let p = first_error(&loaded).expect("an error");
    assert_eq!((p.line, p.column), (1, 9), "{p:?}");
}

/// Text with the characters that need care in RON strings.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            Just("#".to_owned()),
            Just("r#\"".to_owned()),
            Just("\"#".to_owned()),
            Just("//".to_owned()),
            Just("/*".to_owned()),
            Just("*/".to_owned()),
            Just("嘉手納".to_owned()),
            Just("😀".to_owned()),
            Just("\u{0}".to_owned()),
            Just("\u{FEFF}".to_owned()),
            "[a-z ]{0,8}",
            any::<char>().prop_map(String::from),
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

fn perturbed() -> impl Strategy<Value = Dataset> {
    (0usize..12, 1usize..6, 1u64..1000, tricky_text(), tricky_text(), tricky_text(), -90.0f64..90.0, any::<bool>())
        .prop_map(|(n, places, seed, a, b, c, lat, whole)| {
            let mut d = generate(n, places, seed);
            d.meta.title.clone_from(&a);
            // Generated initiatives relate to earlier ones; the first relation gets a tricky note.
            if let Some(r) = d.initiatives.iter_mut().flat_map(|i| i.relations.iter_mut()).next() {
                r.note = Some(b.clone());
            }
            d.meta.description = b;
            d.meta.authors.push(c.clone());
            if let Some(l) = d.locations.first_mut() {
                l.name = c;
                l.lat = if whole { lat.trunc() } else { lat };
            }
            if let Some(i) = d.initiatives.first_mut() {
                i.title = a;
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn datasets_written_by_ron_read_back_equal(dataset in perturbed(), names in any::<bool>(), compact in any::<bool>()) {
        let text = if compact {
            let options = ron::Options::default();
            if names {
                options.to_string_pretty(&dataset, ron::ser::PrettyConfig::default().compact_structs(true).compact_arrays(true).new_line(String::new()).indentor(String::new()).struct_names(true))
            } else {
                ron::ser::to_string(&dataset)
            }
        } else {
            ron::ser::to_string_pretty(&dataset, ron::ser::PrettyConfig::default().struct_names(names))
        }
        .expect("serialise");
        let theirs = ron::from_str::<Dataset>(&text).expect("ron reads its own text");
        prop_assert_eq!(&theirs, &dataset);
        let ours = load_str(&text);
        let errors: Vec<_> = ours.problems.iter().filter(|p| p.is_error() && p.kind == ProblemKind::Syntax).collect();
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        // Validation may find problems in the perturbed data; what was read is compared through the
        // reader's own steps.
        let mut steps = alliance_atlas::formats::ron::steps::Steps::new(alliance_atlas::formats::ron::decode::Cx::default());
        while !steps.step(&text, usize::MAX) {}
        prop_assert!(steps.failed.is_none(), "{:?}", steps.failed);
        prop_assert_eq!(&steps.dataset, &dataset);
        if let Some(read) = &ours.dataset {
            prop_assert_eq!(read, &dataset);
        }
    }
}
