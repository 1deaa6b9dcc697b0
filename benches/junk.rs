//! Hostile input: a megabyte of each shape that makes readers slow (deep nesting, an unclosed string or
//! comment, a huge number, thousands of problems, one endless line or cell) through every reader. Each
//! must be rejected (or read) in well under a second: a quadratic path shows here as seconds. The fuzz
//! campaign's `-timeout=1` looks for the same on inputs it makes up (docs/RELIABILITY.md).
//! Run with `cargo bench --bench junk`.

use std::hint::black_box;

use alliance_atlas::briefing::load_deck;
use alliance_atlas::formats::{Input, load_str, open};
use alliance_atlas::model::FuzzyDate;
use alliance_atlas::model::index::Index;
use alliance_atlas::model::view_state::ViewState;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const MB: usize = 1 << 20;

/// `unit` repeated to one megabyte, after `head`.
fn fill(head: &str, unit: &str) -> String {
    let mut text = String::with_capacity(MB + unit.len());
    text.push_str(head);
    while text.len() < MB {
        text.push_str(unit);
    }
    text
}

/// (name, file name for the door, bytes).
fn inputs() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let initiative = "Initiative(id: \"x\", title: \"\", summary: \"\", lines_of_effort: [], status: Bogus, announced: \"2023-13-45\"),";
    let event = r#"{"start_date": {"year": "20x3"}, "text": {"headline": ""}},"#;
    vec![
        ("ron: nested brackets", "x.ron", fill("", "[").into_bytes()),
        ("ron: nested tuples", "x.ron", fill("Dataset(meta: ", "(").into_bytes()),
        ("ron: unclosed string", "x.ron", fill("Dataset(meta: Meta(title: \"", "a\\\"").into_bytes()),
        ("ron: unclosed comments", "x.ron", fill("", "/*").into_bytes()),
        ("ron: one huge number", "x.ron", fill("Dataset(meta: Meta(title: ", "9").into_bytes()),
        (
            "ron: thousands of bad items",
            "x.ron",
            fill("Dataset(meta: Meta(title: \"t\", as_of: \"2024\"), initiatives: [", initiative).into_bytes(),
        ),
        ("ron: unknown fields", "x.ron", fill("Dataset(", "titel: 1, ").into_bytes()),
        ("json: nested arrays", "x.json", fill("", "[").into_bytes()),
        ("json: thousands of bad events", "x.json", fill(r#"{"events": ["#, event).into_bytes()),
        ("csv: one endless quoted cell", "x.csv", fill("title,summary\n\"", "a").into_bytes()),
        ("csv: thousands of bad rows", "x.csv", fill("title,summary,start,status\n", ",,20x3,Bogus\n").into_bytes()),
        ("csv: one endless header", "x.csv", fill("", "title,").into_bytes()),
        ("kml: nested folders", "x.kml", fill("<kml>", "<Folder>").into_bytes()),
        (
            "kml: thousands of bad placemarks",
            "x.kml",
            fill("<kml><Document>", "<Placemark><Point><coordinates>x,y</coordinates></Point></Placemark>")
                .into_bytes(),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("junk");
    group.sample_size(10);
    for (name, file, bytes) in inputs() {
        group.bench_with_input(BenchmarkId::new("door", name), &bytes, |b, bytes| {
            b.iter(|| black_box(open(Input::Named(file, bytes), None).problems.len()));
        });
    }
    let index = Index::build(&load_str(alliance_atlas::model::DEFAULT_DATASET).dataset.unwrap_or_default());
    for (name, text) in [
        ("nested steps", fill("Deck(title: \"t\", steps: ", "[")),
        (
            "thousands of bad steps",
            fill("Deck(title: \"t\", steps: [", "Step(title: \"\", view: \"q=%zz\", highlight: [\"nowhere\"]),"),
        ),
    ] {
        group.bench_with_input(BenchmarkId::new("deck", name), &text, |b, text| {
            b.iter(|| black_box(load_deck(text, &index).problems.len()));
        });
    }
    for (name, text) in [("link: a megabyte of keys", fill("", "q=a;")), ("link: escapes", fill("q=", "%41"))] {
        group.bench_with_input(BenchmarkId::new("view", name), &text, |b, text| {
            b.iter(|| black_box(ViewState::from_text(text).is_ok()));
        });
    }
    let date = fill("by ", "9");
    group.bench_function("date: a megabyte of digits", |b| b.iter(|| black_box(date.parse::<FuzzyDate>().is_ok())));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
