//! Pointer input the kittest node helpers do not have.

use egui::Pos2;
use egui_kittest::Harness;

/// A right click (press and release of the secondary button) at `at`, then a run.
pub fn right_click<S>(harness: &mut Harness<'_, S>, at: Pos2) {
    harness.hover_at(at);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}
