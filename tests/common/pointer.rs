//! Pointer input the kittest node helpers do not have.

use egui::{Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// A press and release of `button` at `at` with `modifiers` held (no run).
pub fn click_with<S>(harness: &mut Harness<'_, S>, at: Pos2, button: PointerButton, modifiers: Modifiers) {
    harness.hover_at(at);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers });
    }
}

/// A right click at `at`, then a run.
pub fn right_click<S>(harness: &mut Harness<'_, S>, at: Pos2) {
    click_with(harness, at, PointerButton::Secondary, Modifiers::NONE);
    harness.run();
}
