//! Parts of the window kept as pictures: a region whose shapes are the same as in the frame before is
//! drawn from a texture instead of from its triangles.
//!
//! Why: in a browser without a GPU, WebGL runs on the CPU (`SwiftShader`) and every frame rasterises the
//! whole window again. While the user drags the timeline, the map (10,000+ triangles), the list and the
//! detail panel do not change, yet cost most of the frame. Here a region's shapes are compared with the
//! last frame's; once they have stayed the same for a frame, they are tessellated once, drawn into a
//! texture of the region's size (`gl.rs`, WebGL2 through glow), and from then on the region is one
//! textured rectangle until a shape changes. A region that changes every frame (the map being panned)
//! is drawn as before, at the cost of the comparison only.
//!
//! Drawn the same: the texture holds the region's shapes composited over transparency with egui's own
//! blending (premultiplied alpha), so putting it down where the shapes' first shape was gives the same
//! picture as drawing them (compositing is associative), to rounding; the texture's pixels match the
//! window's one to one. Only shapes that use the font texture are kept (every solid fill does): a region
//! with an image, or a paint callback, is always drawn directly.
//!
//! Only the browser's renderer (glow) draws the callbacks; on the desktop (wgpu) [`ENABLED`] is off and
//! [`cached`] only runs its contents.

#[cfg(target_arch = "wasm32")]
mod gl;
mod job;

#[cfg(test)]
use job::set_held;
use job::{Job, held};
pub use job::{set_background, turn_off};

use std::sync::Arc;

use egui::epaint::{ClippedPrimitive, ClippedShape, Primitive};
use egui::{Color32, Id, LayerId, Rect, Shape, TextureId};

/// Whether regions are cached: only where the renderer can draw the textures (the browser's glow).
pub const ENABLED: bool = cfg!(target_arch = "wasm32");

/// What a region showed last frame.
#[derive(Clone, Default)]
struct Memory {
    shapes: Arc<Vec<ClippedShape>>,
    rect: Option<Rect>,
    pixels_per_point: f32,
    opaque: Option<Color32>,
    generation: u64,
    /// The shapes use a texture other than the font's, or a callback: always drawn directly.
    direct: bool,
}

/// Runs `add`, then, where the cache is on, replaces what it painted with one picture of it when the
/// picture did not change since the last frame.
pub fn cached<R>(ui: &mut egui::Ui, name: &'static str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layer = ui.layer_id();
    let start = ui.ctx().graphics(|g| g.get(layer).map_or(0, |list| list.next_idx().0));
    let inner = add(ui);
    if ENABLED && job::active() {
        keep(ui.ctx(), (Id::unique(("paint_cache", name)), name), layer, start, held);
    }
    inner
}

/// Compares the shapes `layer` got from index `start` on with the region's last ones; when they are the
/// same, puts one callback shape in their place. Returns whether it did.
fn keep(
    ctx: &egui::Context,
    (region, name): (Id, &'static str),
    layer: LayerId,
    start: usize,
    held: impl Fn(Id) -> Option<u64>,
) -> bool {
    let shapes: Vec<ClippedShape> = ctx
        .graphics(|g| g.get(layer).map(|list| list.all_entries().skip(start).cloned().collect()))
        .unwrap_or_default();
    let pixels_per_point = ctx.pixels_per_point();
    // One pixel more all round: smoothed edges reach half a pixel past a shape's own bounds.
    let rect = bounds(&shapes).map(|r| r.expand(1.0 / pixels_per_point));
    let opaque = rect.and_then(|rect| background_under(ctx, layer, start, rect, pixels_per_point));
    let mut memory: Memory = ctx.data(|d| d.get_temp(region)).unwrap_or_default();
    let same = rect.is_some()
        && memory.rect == rect
        && memory.pixels_per_point.to_bits() == pixels_per_point.to_bits()
        && memory.opaque == opaque
        && *memory.shapes == shapes;
    if !same {
        memory = Memory {
            shapes: Arc::new(shapes),
            rect,
            pixels_per_point,
            opaque,
            generation: memory.generation.wrapping_add(1),
            direct: false,
        };
        ctx.data_mut(|d| d.insert_temp(region, memory));
        return false;
    }
    let Some(rect) = rect.filter(|_| !memory.direct) else {
        return false;
    };
    let primitives = if held(region) == Some(memory.generation) {
        None
    } else {
        let primitives = ctx.tessellate(shapes, pixels_per_point);
        if !primitives.iter().all(drawable) {
            memory.direct = true;
            ctx.data_mut(|d| d.insert_temp(region, memory));
            return false;
        }
        Some(Arc::new(primitives))
    };
    let job = Job { region, name, generation: memory.generation, rect, primitives, opaque };
    let end = start + memory.shapes.len();
    ctx.graphics_mut(|g| {
        let list = g.entry(layer);
        for index in start..end {
            list.reset_shape(egui::layers::ShapeIdx(index));
        }
        list.set(egui::layers::ShapeIdx(start), rect, Shape::Callback(callback(ctx, job)));
    });
    true
}

/// The window's clear colour when it is all that lies under `rect` (grown to whole pixels and one
/// more): no earlier shape of the layer, and no layer below it, touches it.
fn background_under(
    ctx: &egui::Context,
    layer: LayerId,
    start: usize,
    rect: Rect,
    pixels_per_point: f32,
) -> Option<Color32> {
    let colour = job::background()?;
    let grown = Rect::from_min_max((rect.min * pixels_per_point).floor(), (rect.max * pixels_per_point).ceil())
        .expand(1.0)
        / pixels_per_point;
    let below = layer.order != egui::Order::Background;
    let touched = ctx.graphics(|g| {
        g.get(layer).is_some_and(|list| {
            list.all_entries().take(start).any(|s| {
                !matches!(s.shape, Shape::Noop)
                    && s.clip_rect.intersect(s.shape.visual_bounding_rect()).intersects(grown)
            })
        })
    });
    (!below && !touched).then_some(colour)
}

/// A primitive the cache can draw: a mesh on the font texture (which every solid fill uses too).
fn drawable(primitive: &ClippedPrimitive) -> bool {
    matches!(&primitive.primitive, Primitive::Mesh(mesh) if mesh.texture_id == TextureId::default())
}

/// The part of the window the shapes can touch: each within its clip rectangle; `None` when nothing
/// shows.
fn bounds(shapes: &[ClippedShape]) -> Option<Rect> {
    let rect = shapes
        .iter()
        .filter(|s| !matches!(s.shape, Shape::Noop))
        .map(|s| s.clip_rect.intersect(s.shape.visual_bounding_rect()))
        .filter(Rect::is_positive)
        .fold(Rect::NOTHING, Rect::union);
    rect.is_positive().then_some(rect)
}

#[cfg(target_arch = "wasm32")]
fn callback(ctx: &egui::Context, job: Job) -> egui::PaintCallback {
    gl::callback(ctx.clone(), job)
}

/// Where no renderer draws the callbacks (the tests), a callback that carries the job.
#[cfg(not(target_arch = "wasm32"))]
fn callback(_ctx: &egui::Context, job: Job) -> egui::PaintCallback {
    egui::PaintCallback { rect: job.rect, callback: Arc::new(job) }
}

#[cfg(test)]
mod tests;
