//! Every slide of the default deck, laid out at the export size (1920×1080): no two pieces of text
//! overlap, and none crosses the edge of the panel it is drawn in (its clip rect), so nothing is cut.

use std::path::PathBuf;

use alliance_atlas::model::Day;
use alliance_atlas::{AtlasApp, StartOptions};
use egui::epaint::{ClippedShape, Shape};
use egui::{Key, Rect};
use egui_kittest::Harness;

/// The text drawn in a frame, one entry per laid-out line (a wrapped paragraph's lines, or the pieces
/// of a line in several styles, each have their own): (text, the rect of its glyphs, its clip rect).
fn texts(shapes: &[ClippedShape]) -> Vec<(String, Rect, Rect)> {
    fn walk(shape: &Shape, clip: Rect, out: &mut Vec<(String, Rect, Rect)>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            Shape::Text(text) => {
                for placed in &text.galley.rows {
                    let glyphs: Vec<_> = placed.row.glyphs.iter().filter(|g| !g.chr.is_whitespace()).collect();
                    let (Some(first), Some(last)) = (glyphs.first(), glyphs.last()) else {
                        continue;
                    };
                    let origin = text.pos + placed.pos.to_vec2();
                    let rect = Rect::from_min_max(
                        egui::pos2(origin.x + first.pos.x, origin.y),
                        egui::pos2(origin.x + last.pos.x + last.advance_width, origin.y + placed.row.size.y),
                    );
                    out.push((glyphs.iter().map(|g| g.chr).collect(), rect, clip));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

fn presenting() -> Harness<'static, AtlasApp> {
    let options = StartOptions {
        present: Some(PathBuf::new()),
        today: Some(Day::from_ymd(2026, 11, 26)),
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_pixels_per_point(1.0)
        .with_max_steps(12)
        .build_eframe(move |cc| AtlasApp::new(cc, options));
    harness.run();
    // The presenter's notes are a separate window on a real screen; embedded here, they would cover it.
    harness.key_press(Key::N);
    harness.run();
    harness
}

/// The problems of one frame's text, in words.
fn problems(texts: &[(String, Rect, Rect)]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (text, rect, clip)) in texts.iter().enumerate() {
        if !clip.expand(0.5).contains_rect(*rect) {
            out.push(format!("{text:?} at {rect:?} crosses its panel's edge {clip:?}"));
        }
        for (other, other_rect, _) in &texts[k + 1..] {
            if rect.shrink(0.5).intersects(other_rect.shrink(0.5)) {
                out.push(format!("{text:?} at {rect:?} overlaps {other:?} at {other_rect:?}"));
            }
        }
    }
    out
}

#[test]
fn no_text_on_any_slide_overlaps_or_is_cut() {
    let mut harness = presenting();
    let steps = harness.state().state().deck().map_or(0, |d| d.steps.len());
    assert!(steps >= 10, "the default deck has {steps} steps");
    let mut all = Vec::new();
    for step in 1..=steps {
        let found = texts(&harness.output().shapes);
        assert!(found.len() > 20, "slide {step} draws {} texts", found.len());
        all.extend(problems(&found).into_iter().map(|p| format!("slide {step}: {p}")));
        harness.key_press(Key::PageDown);
        harness.run();
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

#[test]
fn the_check_finds_overlaps_and_cuts() {
    let clip = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(100.0, 100.0));
    let at = |x: f32, y: f32| Rect::from_min_size(egui::pos2(x, y), egui::vec2(40.0, 12.0));
    let clean = [("a".to_owned(), at(0.0, 0.0), clip), ("b".to_owned(), at(50.0, 0.0), clip)];
    assert!(problems(&clean).is_empty());
    let overlapping = [("a".to_owned(), at(0.0, 0.0), clip), ("b".to_owned(), at(30.0, 5.0), clip)];
    assert_eq!(problems(&overlapping).len(), 1);
    let cut = [("a".to_owned(), at(80.0, 0.0), clip)];
    assert_eq!(problems(&cut).len(), 1);
}
