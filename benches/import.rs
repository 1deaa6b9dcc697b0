//! Importing spreadsheets as the app does it, through the data door: a CSV in our template (with its
//! `NAME.places.csv`) and the same rows as an XLSX workbook (an initiatives sheet and a `Places` sheet),
//! made from a generated dataset of 1k, 10k and 100k initiatives by our own CSV export. The issue's
//! targets: 100k rows of CSV under 2 s, of XLSX under 5 s. Run with `cargo bench --bench import`;
//! `ATLAS_BENCH_SIZES=100000` runs one size.
//!
//! The workbook is written by the tests' small XLSX writer (inline strings, stored entries); Excel's
//! own files keep text in a shared-strings table and deflate the entries, which calamine reads at
//! much the same speed.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set up has nothing to measure")]

#[path = "../tests/import_tables/xlsx.rs"]
#[expect(dead_code, reason = "the bench writes text and number cells only")]
mod xlsx;

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use alliance_atlas::formats::export::Subset;
use alliance_atlas::formats::export::render::{ExportFormat, render};
use alliance_atlas::formats::{Input, open};
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::view::LaneGrouping;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn rows(text: &str, numbers: &[usize]) -> Vec<Vec<xlsx::Value>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader
        .records()
        .enumerate()
        .map(|(r, record)| {
            record
                .expect("our own CSV")
                .iter()
                .enumerate()
                .map(|(c, cell)| match cell.parse::<f64>() {
                    Ok(n) if r > 0 && numbers.contains(&c) => xlsx::Value::Number(n),
                    _ => xlsx::Value::Text(cell.to_owned()),
                })
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let dir = std::env::temp_dir().join(format!("atlas-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let ds = generate(n, (n / 100).clamp(50, 10_000), 42);
        let csv_path: PathBuf = dir.join(format!("g{n}.csv"));
        let name = csv_path.to_string_lossy().into_owned();
        let rendered = render(ExportFormat::Csv, &ds, Subset::All, &name, None, LaneGrouping::default());
        for (file, text) in &rendered.files {
            std::fs::write(file, text).expect("write");
        }
        let check = open(Input::File(&csv_path), None);
        assert_eq!(check.error_count(), 0, "{:?}", check.problems.first());
        assert_eq!(check.dataset.map(|d| d.initiatives.len()), Some(n));
        group.bench_with_input(BenchmarkId::new("csv", n), &n, |b, _| {
            b.iter(|| black_box(open(Input::File(&csv_path), None).problems.len()));
        });

        let book = xlsx::book(&[
            ("Initiatives", rows(&rendered.files[0].1, &[])),
            ("Places", rows(&rendered.files[1].1, &[3, 4])),
        ]);
        let check = open(Input::Named("g.xlsx", &book), None);
        assert_eq!(check.error_count(), 0, "{:?}", check.problems.first());
        assert_eq!(check.dataset.map(|d| d.initiatives.len()), Some(n));
        group.bench_with_input(BenchmarkId::new("xlsx", n), &n, |b, _| {
            b.iter(|| black_box(open(Input::Named("g.xlsx", &book), None).problems.len()));
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
