//! Where the fill goes: the pixels one frame of the explore view asks the GPU to fill, at 1600×900 on
//! 1,000 and 100,000 generated initiatives (`ATLAS_BENCH_SIZES`), per layer and per kind of shape. In
//! the browser without a GPU (`SwiftShader`) a frame costs about its filled pixels, each blended full-screen
//! layer ~5–8 ms, so this is the number to cut. Every shape is tessellated on its own and its triangles
//! clipped to its clip rectangle; "screens" is the filled area over the window's. Run with
//! `cargo bench --bench fill` (`ATLAS_FILL_TOP=N` lists the N largest shapes).

#![expect(clippy::print_stdout, reason = "a benchmark that reports figures")]

mod common;

/// A coordinate of a point, the edge's value, and whether the inside is above it.
type Edge = (fn(Pos2) -> f32, f32, bool);

use std::collections::BTreeMap;

use alliance_atlas::formats::Loaded;
use alliance_atlas::model::Day;
use alliance_atlas::model::generate::generate;
use alliance_atlas::state::Command;
use alliance_atlas::state::command::DataSource;
use alliance_atlas::{AtlasApp, StartOptions};
use egui::epaint::{ClippedShape, Primitive, Shape};
use egui::{Pos2, Rect};
use egui_kittest::Harness;

const SIZE: egui::Vec2 = egui::vec2(1600.0, 900.0);

/// The area of triangle `t` inside `clip` (Sutherland–Hodgman against the four edges).
fn clipped_area(t: [Pos2; 3], clip: Rect) -> f32 {
    let mut poly: Vec<Pos2> = t.to_vec();
    let edges: [Edge; 4] = [
        (|p| p.x, clip.min.x, true),
        (|p| p.x, clip.max.x, false),
        (|p| p.y, clip.min.y, true),
        (|p| p.y, clip.max.y, false),
    ];
    for (coord, limit, keep_above) in edges {
        let inside = |p: Pos2| if keep_above { coord(p) >= limit } else { coord(p) <= limit };
        let mut next = Vec::with_capacity(poly.len() + 2);
        for i in 0..poly.len() {
            let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
            if inside(a) {
                next.push(a);
            }
            if inside(a) != inside(b) {
                let s = (limit - coord(a)) / (coord(b) - coord(a));
                next.push(a + (b - a) * s);
            }
        }
        poly = next;
        if poly.len() < 3 {
            return 0.0;
        }
    }
    let twice: f32 = (0..poly.len())
        .map(|i| poly[i].to_vec2().x * poly[(i + 1) % poly.len()].y - poly[(i + 1) % poly.len()].x * poly[i].y)
        .sum();
    twice.abs() / 2.0
}

fn kind(shape: &Shape) -> &'static str {
    match shape {
        Shape::Rect(_) => "rect",
        Shape::Text(_) => "text",
        Shape::Mesh(_) => "mesh",
        Shape::Path(_) => "path",
        Shape::LineSegment { .. } => "line",
        Shape::Circle(_) | Shape::Ellipse(_) => "circle",
        Shape::Vec(_) => "vec",
        _ => "other",
    }
}

/// The area a shape fills inside its clip rectangle, and its triangles.
fn area_of(ctx: &egui::Context, shape: &ClippedShape, ppp: f32) -> (f32, usize) {
    let clip = shape.clip_rect.intersect(Rect::from_min_size(Pos2::ZERO, SIZE));
    if clip.width() <= 0.0 || clip.height() <= 0.0 {
        return (0.0, 0);
    }
    let (mut area, mut triangles) = (0.0, 0);
    for p in ctx.tessellate(vec![shape.clone()], ppp) {
        if let Primitive::Mesh(mesh) = &p.primitive {
            triangles += mesh.indices.len() / 3;
            area += mesh
                .indices
                .chunks_exact(3)
                .map(|t| clipped_area([0, 1, 2].map(|k| mesh.vertices[t[k] as usize].pos), clip))
                .sum::<f32>();
        }
    }
    (area, triangles)
}

fn main() {
    let top: usize = std::env::var("ATLAS_FILL_TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
    for n in common::sizes(&[1_000, 100_000]) {
        let ds = generate(n, (n / 10).clamp(50, 10_000), 1);
        let mut harness = Harness::builder()
            .with_size(SIZE)
            .with_pixels_per_point(1.0)
            .with_max_steps(1_000)
            .build_eframe(move |cc| {
                let mut app = AtlasApp::new(
                    cc,
                    StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), ..StartOptions::default() },
                );
                app.apply(Command::Loaded(Box::new(Loaded::made(ds)), DataSource::Named("generated".to_owned()), None));
                app
            });
        harness.run_ok();
        harness.step();
        let output = harness.output();
        let ppp = output.pixels_per_point;
        let mut by_kind: BTreeMap<String, (f32, usize, usize)> = BTreeMap::new();
        let mut shapes: Vec<(f32, usize, String)> = Vec::new();
        let (mut total, mut all_triangles) = (0.0, 0);
        for shape in &output.shapes {
            let (area, triangles) = area_of(&harness.ctx, shape, ppp);
            total += area;
            all_triangles += triangles;
            let key = kind(&shape.shape).to_owned();
            let entry = by_kind.entry(key.clone()).or_default();
            entry.0 += area;
            entry.1 += 1;
            entry.2 += triangles;
            let r = shape.shape.visual_bounding_rect();
            shapes.push((
                area,
                triangles,
                format!("{key} at {:.0},{:.0} {:.0}×{:.0}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        let screen = SIZE.x * SIZE.y;
        println!(
            "{n} initiatives, 1600×900: {} shapes fill {:.2} screens in {all_triangles} triangles",
            output.shapes.len(),
            total / screen
        );
        for (key, (area, count, triangles)) in &by_kind {
            println!("  {key:<7} {count:>6} shapes  {:.2} screens  {triangles:>6} triangles", area / screen);
        }
        shapes.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (area, triangles, what) in shapes.iter().take(top) {
            println!("    {:.3} screens {triangles:>6} triangles  {what}", area / screen);
        }
        shapes.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (area, triangles, what) in shapes.iter().take(top / 2) {
            println!("    {triangles:>6} triangles {:.3} screens  {what}", area / screen);
        }
    }
}
