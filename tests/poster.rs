//! The timeline poster: `export-timeline` to PDF and SVG, what the pages hold (every initiative's
//! label once per column it meets, lanes, legend, the axis and lane headers on every page, no two
//! labels on top of each other), Japanese text embedded as text, the filters on screen obeyed, bad
//! requests refused, and File ▸ Export ▸ Timeline poster…. Poppler (`pdftotext`, `pdftoppm`, which
//! `.ci/run` installs) reads the PDF back where it is installed; in CI it must be.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use alliance_atlas::briefing::vector::font::PrintFont;
use alliance_atlas::briefing::vector::{Doc, Shape};
use alliance_atlas::model::index::Index;
use alliance_atlas::model::print::{Paper, PosterChoice, PosterFormat, PosterOptions};
use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::state::command::{Command, ExportCommand};
use alliance_atlas::state::lanes::lanes;
use alliance_atlas::theme::{NOTO_SANS_JP, ThemeChoice, poster as sizes};
use alliance_atlas::views::poster::{PosterData, poster};
use egui_kittest::kittest::Queryable as _;
use quick_xml::events::Event;

/// The embedded dataset.
fn us_japan() -> alliance_atlas::model::Dataset {
    alliance_atlas::formats::load_str(alliance_atlas::model::DEFAULT_DATASET).dataset.expect("the embedded data loads")
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-poster-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn atlas(args: &[&str]) -> (bool, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_alliance-atlas")).args(args).output().expect("the binary runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// Whether Poppler's tools are here; in CI they must be (`.ci/run` installs `poppler-utils`).
fn poppler() -> bool {
    let here = Process::new("pdftotext").arg("-v").output().is_ok();
    assert!(here || std::env::var_os("CI").is_none(), "CI must have poppler-utils (pdftotext, pdftoppm)");
    here
}

fn pdftotext(pdf: &Path) -> String {
    let out = Process::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext reads {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The embedded dataset's poster, laid out (no file): the document and its pages across and down.
fn embedded_poster(grouping: LaneGrouping, options: &PosterOptions) -> (Doc, (usize, usize)) {
    let dataset = us_japan();
    let index = Index::build(&dataset);
    let lanes = lanes(&dataset, &index, grouping);
    let font = PrintFont::new(NOTO_SANS_JP).expect("the bundled font reads");
    let data = PosterData {
        dataset: &dataset,
        index: &index,
        lanes: &lanes,
        grouping,
        today: 20_795.0,
        banner: Some("UNCLASSIFIED // FOR TRAINING"),
        scope: "all".to_owned(),
    };
    poster(&data, options, &font)
}

fn walk(shapes: &[Shape], size: f32, font: &PrintFont<'_>, out: &mut Vec<(String, f32, f32, f32)>) {
    for shape in shapes {
        match shape {
            Shape::Text { at, size: s, text, .. } if (s - size).abs() < 0.01 => {
                out.push((text.clone(), at[0], at[1], at[0] + font.width(text, *s)));
            }
            Shape::Clip { shapes, .. } => walk(shapes, size, font, out),
            _ => {}
        }
    }
}

/// Each page's texts at one size: (text, left, baseline, right).
fn texts_at(doc: &Doc, size: f32) -> Vec<Vec<(String, f32, f32, f32)>> {
    let font = PrintFont::new(NOTO_SANS_JP).expect("font");
    doc.pages
        .iter()
        .map(|page| {
            let mut out = Vec::new();
            walk(&page.shapes, size, &font, &mut out);
            out
        })
        .collect()
}

#[test]
fn every_initiative_is_labelled_and_no_two_labels_overlap_on_any_page() {
    let options = PosterOptions { paper: Some(Paper::A4), landscape: true, ..PosterOptions::default() };
    let (doc, (across, down)) = embedded_poster(LaneGrouping::LineOfEffort, &options);
    assert!(across >= 2 && down >= 2, "A4 landscape cuts 19 years and 11 lanes into pages: {across} × {down}");
    assert_eq!(doc.pages.len(), across * down);
    let labels = texts_at(&doc, alliance_atlas::theme::sizes::LABEL_SIZE * sizes::SCALE);
    let dataset = us_japan();
    let index = Index::build(&dataset);
    for (i, item) in dataset.initiatives.iter().enumerate() {
        let drawn = labels.iter().flatten().filter(|(t, ..)| *t == item.title).count();
        if index.spans[i].is_some() {
            assert!((1..=across).contains(&drawn), "{} is labelled {drawn} times", item.title);
        } else {
            assert_eq!(drawn, 0, "undated {} is not drawn", item.title);
        }
    }
    for (k, page) in labels.iter().enumerate() {
        for (a, p) in page.iter().enumerate() {
            assert!(p.1 >= 0.0 && p.3 <= doc.pages[k].width, "page {k}: {p:?} leaves the page");
            for q in &page[a + 1..] {
                let same_line = (p.2 - q.2).abs() < 1.0;
                assert!(!(same_line && p.1 < q.3 && q.1 < p.3), "page {k}: {p:?} overlaps {q:?}");
            }
        }
    }
}

#[test]
fn every_page_repeats_the_axis_the_lane_headers_the_legend_and_the_banner() {
    let options = PosterOptions { paper: Some(Paper::A4), landscape: true, ..PosterOptions::default() };
    let (doc, (across, down)) = embedded_poster(LaneGrouping::LineOfEffort, &options);
    assert!(across >= 2 && down >= 2, "{across} × {down}");
    // Lane headers are the texts at their size set 10 screen points in from the margin.
    let header_x = sizes::MARGIN + 10.0 * sizes::SCALE;
    let headers: Vec<Vec<_>> = texts_at(&doc, sizes::LANE_LABEL * sizes::SCALE)
        .into_iter()
        .map(|page| page.into_iter().filter(|t| (t.1 - header_x).abs() < 0.01).collect())
        .collect();
    let axis = texts_at(&doc, sizes::AXIS_LABEL * sizes::SCALE);
    let foot = texts_at(&doc, sizes::FOOT * sizes::SCALE);
    for k in 0..doc.pages.len() {
        assert!(!headers[k].is_empty(), "page {k} has lane headers");
        assert!(
            axis[k].iter().filter(|(t, ..)| t.chars().all(|c| c.is_ascii_digit())).count() >= 1,
            "page {k}: a year"
        );
        assert!(foot[k].iter().any(|(t, ..)| t == "in progress") && foot[k].iter().any(|(t, ..)| t == "completed"));
        let banners = doc.pages[k]
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Text { text, .. } if text == "UNCLASSIFIED // FOR TRAINING"));
        assert_eq!(banners.count(), 2, "page {k}: the banner at the top and the foot");
    }
    // Pages side by side show the same lanes: column c of row r has row r's headers.
    for r in 0..down {
        let first: Vec<&String> = headers[r * across].iter().map(|h| &h.0).collect();
        for c in 1..across {
            let other: Vec<&String> = headers[r * across + c].iter().map(|h| &h.0).collect();
            assert_eq!(first, other, "row {r}: column {c} repeats the lane headers");
        }
    }
    // A lane too tall for one page goes on on the next, and says so: by actor, "United States" and
    // "Japan" hold most initiatives.
    let (doc, (_, down)) = embedded_poster(LaneGrouping::Country, &options);
    let continued =
        texts_at(&doc, sizes::LANE_LABEL * sizes::SCALE).into_iter().flatten().filter(|t| t.0.ends_with("(continued)"));
    assert!(down > 1 && continued.count() >= 1, "a lane cut between page rows is marked ({down} down)");
}

#[test]
fn a_longer_range_runs_onto_more_pages_across_and_pages_across_can_be_asked_for() {
    let year = 365;
    let (_, (one, _)) = embedded_poster(LaneGrouping::Status, &PosterOptions::default());
    let wide = PosterOptions { from: Some(0), to: Some(40 * year), ..PosterOptions::default() };
    let (_, (forty, _)) = embedded_poster(LaneGrouping::Status, &wide);
    assert!(forty > one, "40 years take more pages across ({forty}) than the data's 19 ({one})");
    // Eight centuries hold the same 35 initiatives: a few labels' width each, not 74 pages of years.
    let sparse = PosterOptions { from: Some(-300_000), to: Some(40 * year), ..PosterOptions::default() };
    let (_, (spread, _)) = embedded_poster(LaneGrouping::Status, &sparse);
    assert!((forty..=6).contains(&spread), "a long sparse range takes {spread} pages across");
    let asked = PosterOptions { pages_across: Some(5), ..PosterOptions::default() };
    assert_eq!(embedded_poster(LaneGrouping::Status, &asked).1.0, 5);
    let sheet = PosterOptions { paper: None, ..PosterOptions::default() };
    let (doc, pages) = embedded_poster(LaneGrouping::Status, &sheet);
    assert_eq!((doc.pages.len(), pages), (1, (1, 1)), "an SVG is one sheet");
}

#[test]
fn export_timeline_writes_a_pdf_poppler_reads_with_every_title_and_japanese_as_text() {
    let dir = temp_dir("cli");
    let pdf = dir.join("poster.pdf");
    let out = pdf.to_string_lossy().into_owned();
    let (ok, report) = atlas(&["export-timeline", "--lanes", "place", "--page", "a3", "--out", &out]);
    assert!(ok, "{report}");
    assert!(report.contains("page(s)") && report.contains("across"), "{report}");
    let bytes = std::fs::read(&pdf).expect("written");
    let pages = alliance_atlas::briefing::vector::pdf::page_count(&bytes).expect("a page tree");
    assert!(report.contains(&format!("wrote {out}: {pages} page(s)")), "{report}");
    let raw = String::from_utf8_lossy(&bytes);
    for needle in ["/FontFile3", "/CIDFontType0C", "/ToUnicode", "/Identity-H", "+NotoSansJP-Regular"] {
        assert!(raw.contains(needle), "the PDF embeds its font: {needle}");
    }
    assert!(!raw.contains("/Subtype /Image"), "vector only: no pictures");
    if !poppler() {
        return;
    }
    let text = pdftotext(&pdf);
    let dataset = us_japan();
    let index = Index::build(&dataset);
    for (i, item) in dataset.initiatives.iter().enumerate().filter(|(i, _)| index.spans[*i].is_some()) {
        assert!(text.contains(&item.title), "the PDF's text has {} (item {i})", item.title);
    }
    for ja in ["嘉手納飛行場", "キャンプ・ハンセン", "東京"] {
        assert!(text.contains(ja), "Japanese is text in the PDF: {ja}");
    }
    let status = Process::new("pdftoppm").args(["-r", "30", "-png"]).arg(&pdf).arg(dir.join("page")).status();
    assert!(status.is_ok_and(|s| s.success()), "pdftoppm draws every page");
    let drawn = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "png"));
    assert_eq!(drawn.count(), pages);
}

#[test]
fn export_timeline_writes_an_svg_sheet_that_parses_with_every_title_as_text() {
    let dir = temp_dir("svg");
    let svg = dir.join("poster.svg");
    let (ok, report) = atlas(&["export-timeline", "--out", &svg.to_string_lossy()]);
    assert!(ok && report.contains("one sheet"), "{report}");
    let text = std::fs::read_to_string(&svg).expect("written");
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut texts = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().into_inner() == "text" => current = Some(String::new()),
            Ok(Event::Text(t)) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let resolved = quick_xml::escape::resolve_predefined_entity(&r).unwrap_or("?");
                if let Some(c) = current.as_mut() {
                    c.push_str(resolved);
                }
            }
            Ok(Event::End(e)) if e.local_name().into_inner() == "text" => texts.extend(current.take()),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the SVG is well-formed XML: {e} at {}", reader.buffer_position()),
        }
    }
    let dataset = us_japan();
    let index = Index::build(&dataset);
    for (i, item) in dataset.initiatives.iter().enumerate().filter(|(i, _)| index.spans[*i].is_some()) {
        assert!(texts.contains(&item.title), "the SVG has {} as text (item {i})", item.title);
    }
}

#[test]
fn the_filters_decide_what_is_printed_and_bad_requests_are_refused() {
    let dir = temp_dir("filters");
    let pdf = dir.join("okinawa.pdf");
    let (ok, report) = atlas(&["export-timeline", "--view", "q=kadena", "--out", &pdf.to_string_lossy()]);
    assert!(ok, "{report}");
    assert!(report.contains("(the filters on screen)"), "the report says the filters cut it: {report}");
    if poppler() {
        let text = pdftotext(&pdf);
        assert!(text.contains("Kadena"), "what the search finds is printed");
        assert!(!text.contains("Japan–UK Reciprocal Access Agreement"), "what it does not is not");
    }
    let none = dir.join("none.pdf");
    let (ok, report) = atlas(&["export-timeline", "--view", "q=zzqqxx", "--out", &none.to_string_lossy()]);
    assert!(ok && report.contains(": 1 page(s)") && report.contains("0 of 35"), "nothing shown, one page: {report}");
    let png = dir.join("poster.png");
    let (ok, report) = atlas(&["export-timeline", "--out", &png.to_string_lossy()]);
    assert!(!ok && report.contains("must end in .pdf"), "{report}");
    assert!(!png.exists());
    let (ok, report) = atlas(&["export-timeline", "--view", "zz=1", "--out", &pdf.to_string_lossy()]);
    assert!(!ok && report.contains("--view zz=1"), "{report}");
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(meta: (title: \"x\"").expect("write");
    let (ok, report) = atlas(&["export-timeline", &broken.to_string_lossy(), "--out", &pdf.to_string_lossy()]);
    assert!(!ok && report.contains("broken.ron:1:"), "a bad dataset is placed: {report}");
}

#[test]
fn the_file_menu_opens_the_poster_window_and_export_writes_what_the_screen_shows() {
    let mut harness = common::app(ThemeChoice::Light);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("Timeline poster (PDF or SVG)…").click();
    harness.run();
    assert_eq!(harness.state().state().poster_dialog().copied(), Some(PosterChoice::default()));
    harness.get_by_label("Portrait").click();
    harness.run();
    harness.get_by_label("The window on screen").click();
    harness.run();
    let choice = harness.state().state().poster_dialog().copied().expect("open");
    assert!(!choice.options.landscape && choice.window_only, "the choices are kept: {choice:?}");
    let dir = temp_dir("menu");
    let out = dir.join("from-menu.pdf");
    let message = alliance_atlas::app::export_poster::poster_of_state(harness.state().state(), choice, &out);
    assert!(message.starts_with("Wrote the timeline poster") && message.contains("page(s)"), "{message}");
    let bytes = std::fs::read(&out).expect("written");
    assert!(alliance_atlas::briefing::vector::pdf::page_count(&bytes).is_some_and(|n| n >= 1));
    let svg = dir.join("from-menu.svg");
    let sheet = PosterChoice { format: PosterFormat::Svg, ..choice };
    let message = alliance_atlas::app::export_poster::poster_of_state(harness.state().state(), sheet, &svg);
    assert!(message.starts_with("Wrote the timeline poster"), "{message}");
    harness.state_mut().apply(Command::Export(ExportCommand::PosterDialog(None)));
    harness.run();
    assert!(harness.query_by_label("The window on screen").is_none(), "closed");
}
