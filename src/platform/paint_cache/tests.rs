//! The cache's decisions, without a renderer: which frames leave a region's shapes alone, which put one
//! callback in their place, and what the callback asks the renderer to do.

use std::cell::Cell;

use egui::epaint::ClippedShape;
use egui::{Color32, Id, LayerId, Pos2, Rect, Shape, TextureId, pos2, vec2};

use super::{Job, keep, set_held};

/// Paints `shapes` in the background layer, then lets the cache look at them (with `held` saying what
/// the renderer holds); returns what the frame hands the renderer.
fn frame(ctx: &egui::Context, region: Id, shapes: &[Shape], held: Option<u64>) -> Vec<ClippedShape> {
    let kept = Cell::new(false);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let layer = LayerId::background();
        let start = ctx.graphics(|g| g.get(layer).map_or(0, |list| list.next_idx().0));
        for shape in shapes {
            ui.painter().add(shape.clone());
        }
        kept.set(keep(ctx, (region, "test"), layer, start, |_| held));
    });
    output.textures_delta.clear();
    assert_eq!(kept.get(), output.shapes.iter().any(|s| matches!(s.shape, Shape::Callback(_))));
    output.shapes
}

fn job(shapes: &[ClippedShape]) -> Job {
    let callbacks: Vec<&Job> = shapes
        .iter()
        .filter_map(|s| match &s.shape {
            Shape::Callback(c) => c.callback.downcast_ref::<Job>(),
            _ => None,
        })
        .collect();
    assert_eq!(callbacks.len(), 1, "one callback for the region");
    callbacks[0].clone()
}

fn drawn(shapes: &[ClippedShape]) -> usize {
    shapes.iter().filter(|s| !matches!(s.shape, Shape::Noop | Shape::Callback(_))).count()
}

fn scene() -> Vec<Shape> {
    vec![
        Shape::rect_filled(Rect::from_min_size(pos2(10.0, 20.0), vec2(100.0, 50.0)), 4.0, Color32::DARK_BLUE),
        Shape::circle_filled(pos2(60.0, 45.0), 8.0, Color32::from_rgba_premultiplied(128, 100, 0, 128)),
        Shape::line_segment([pos2(10.0, 80.0), pos2(200.0, 90.0)], (2.0, Color32::WHITE)),
    ]
}

#[test]
fn a_region_is_drawn_from_its_shapes_until_they_stay_the_same_for_a_frame() {
    let ctx = egui::Context::default();
    let region = Id::unique("map");
    let first = frame(&ctx, region, &scene(), None);
    assert_eq!(drawn(&first), 3, "the first frame draws the shapes");

    let second = frame(&ctx, region, &scene(), None);
    assert_eq!(drawn(&second), 0, "the shapes are in the texture's job instead");
    let job = job(&second);
    assert_eq!((job.region, job.name), (region, "test"));
    assert_eq!(job.opaque, None, "the window's colour is not known: the texture is blended");
    let primitives = job.primitives.expect("the renderer is asked to draw the shapes into the texture");
    assert!(!primitives.is_empty());
    // The region covers what the shapes touch: the rectangle, the circle and the line (with its width).
    assert!(job.rect.contains_rect(Rect::from_min_max(pos2(10.0, 20.0), pos2(200.0, 90.0))), "{:?}", job.rect);
    assert!(job.rect.max.x <= 202.0 && job.rect.max.y <= 92.0, "the shapes and a pixel: {:?}", job.rect);

    let third = frame(&ctx, region, &scene(), Some(job.generation));
    let again = self::job(&third);
    assert!(again.primitives.is_none(), "the texture holds them: only put it down");
    assert_eq!(again.generation, job.generation);
}

#[test]
fn a_changed_shape_is_drawn_directly_and_starts_a_new_generation() {
    let ctx = egui::Context::default();
    let region = Id::unique("list");
    frame(&ctx, region, &scene(), None);
    let old = job(&frame(&ctx, region, &scene(), None)).generation;
    let mut moved = scene();
    moved[1] = Shape::circle_filled(pos2(61.0, 45.0), 8.0, Color32::from_rgba_premultiplied(128, 100, 0, 128));
    let changed = frame(&ctx, region, &moved, Some(old));
    assert_eq!(drawn(&changed), 3, "a moved circle: the frame draws the shapes");
    let next = job(&frame(&ctx, region, &moved, Some(old)));
    assert_ne!(next.generation, old, "the texture must be drawn again");
    assert!(next.primitives.is_some());
}

#[test]
fn a_region_with_an_image_is_never_kept() {
    let ctx = egui::Context::default();
    let region = Id::unique("details");
    let image = Shape::image(
        TextureId::User(7),
        Rect::from_min_size(Pos2::ZERO, vec2(40.0, 40.0)),
        Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    let mut shapes = scene();
    shapes.push(image);
    for _ in 0..3 {
        assert_eq!(drawn(&frame(&ctx, region, &shapes, None)), 4, "an image's texture may change under the same shape");
    }
}

#[test]
fn a_region_over_the_bare_window_is_kept_opaque_and_one_over_other_shapes_is_blended() {
    let ctx = egui::Context::default();
    super::set_background(Color32::DARK_GRAY);
    frame(&ctx, Id::unique("bare"), &scene(), None);
    let bare = job(&frame(&ctx, Id::unique("bare"), &scene(), None));
    assert_eq!(bare.opaque, Some(Color32::DARK_GRAY), "nothing under it: copied over the window");

    // A panel's fill painted before the region, under part of it.
    let under = Shape::rect_filled(Rect::from_min_size(pos2(150.0, 0.0), vec2(100.0, 100.0)), 0.0, Color32::RED);
    let covered = |ctx: &egui::Context| {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.painter().add(under.clone());
            let start = ctx.graphics(|g| g.get(LayerId::background()).map_or(0, |list| list.next_idx().0));
            for shape in scene() {
                ui.painter().add(shape);
            }
            keep(ctx, (Id::unique("covered"), "test"), LayerId::background(), start, |_| None);
        });
        output.textures_delta.clear();
        output.shapes
    };
    covered(&ctx);
    let over = job(&covered(&ctx));
    assert_eq!(over.opaque, None, "a shape under it: blended over what is there");
}

#[test]
fn nothing_painted_is_nothing_kept() {
    let ctx = egui::Context::default();
    for _ in 0..2 {
        assert!(frame(&ctx, Id::unique("empty"), &[], None).is_empty());
    }
}

#[test]
fn the_renderer_reports_what_it_holds() {
    let region = Id::unique("held");
    set_held(region, Some(4));
    assert_eq!(super::held(region), Some(4));
    set_held(region, None);
    assert_eq!(super::held(region), None);
}
