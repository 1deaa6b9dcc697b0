//! What the UI side of the paint cache and the renderer (`gl.rs`) share: the job a callback carries,
//! and what the renderer reports back (the page's one thread runs both).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::ClippedPrimitive;
use egui::{Color32, Id, Rect};

thread_local! {
    /// Per region, the generation of shapes its texture holds, written by the renderer once it drew
    /// them. The UI and the renderer share the page's one thread.
    static HELD: RefCell<HashMap<Id, u64>> = RefCell::new(HashMap::new());
    /// Set once when the renderer could not keep a texture (no framebuffer): every region is then
    /// drawn directly for the rest of the session.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
    /// Off by the page's `?paint_cache=off`, to compare pictures with and without the cache.
    static OFF: Cell<bool> = const { Cell::new(false) };
    /// The colour the window is cleared with (the app's theme), when known.
    static BACKGROUND: Cell<Option<Color32>> = const { Cell::new(None) };
}

/// Tells the cache the colour the window is cleared with: a region with nothing under it but that
/// colour is kept opaque and copied into the window without blending (a plain copy costs a software
/// renderer a fraction of a blended draw).
pub fn set_background(colour: Color32) {
    BACKGROUND.with(|b| b.set(Some(colour)));
}

/// Turns the cache off for this session (the page's `?paint_cache=off`).
pub fn turn_off() {
    OFF.with(|off| off.set(true));
}

/// Whether regions are kept this session: not turned off, and the renderer has not failed.
pub(super) fn active() -> bool {
    !OFF.with(Cell::get) && !BROKEN.with(Cell::get)
}

/// The window's clear colour, when the app has said it.
pub(super) fn background() -> Option<Color32> {
    BACKGROUND.with(Cell::get)
}

/// What the renderer is asked to do for a region this frame.
#[derive(Clone)]
#[cfg_attr(
    all(not(target_arch = "wasm32"), not(test)),
    expect(dead_code, reason = "only the browser's renderer reads a job")
)]
pub(crate) struct Job {
    pub region: Id,
    /// The region's name, for the log.
    pub name: &'static str,
    pub generation: u64,
    /// The region in points; its texture covers it in whole pixels.
    pub rect: Rect,
    /// The tessellated shapes to draw into the texture first; `None`: the texture holds them.
    pub primitives: Option<Arc<Vec<ClippedPrimitive>>>,
    /// Nothing drawn earlier lies under the region: the texture starts as this colour (the window's
    /// clear colour) and replaces the window's pixels. `None`: it starts transparent and is blended.
    pub opaque: Option<Color32>,
}

/// The generation a region's texture holds.
pub(super) fn held(region: Id) -> Option<u64> {
    HELD.with(|held| held.borrow().get(&region).copied())
}

#[cfg_attr(
    all(not(target_arch = "wasm32"), not(test)),
    expect(dead_code, reason = "the browser's renderer and the tests report it")
)]
/// The renderer drew `generation` into the region's texture (or lost it: `None`).
pub(super) fn set_held(region: Id, generation: Option<u64>) {
    HELD.with(|held| match generation {
        Some(generation) => held.borrow_mut().insert(region, generation),
        None => held.borrow_mut().remove(&region),
    });
}

/// The renderer lost every texture (a new GL context).
#[cfg_attr(not(target_arch = "wasm32"), expect(dead_code, reason = "only the browser's renderer reports it"))]
pub(super) fn forget_all() {
    HELD.with(|held| held.borrow_mut().clear());
}

/// The renderer cannot keep textures: stop caching.
#[cfg_attr(not(target_arch = "wasm32"), expect(dead_code, reason = "only the browser's renderer reports it"))]
pub(super) fn set_broken() {
    BROKEN.with(|broken| broken.set(true));
}
