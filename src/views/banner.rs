//! The caveat banner of a briefing page ("UNCLASSIFIED // FOR TRAINING"): a strip across the top and
//! the bottom of every screen and slide, in the marking's colour (`theme::banner_colors`).

use crate::state::State;

/// Adds the banner strips to the top and bottom of the window when the page has a caveat line; the
/// panels after it lay out between them.
pub fn banner_panels(ui: &mut egui::Ui, state: &State) {
    let Some(text) = state.banner() else { return };
    for (id, top) in [("banner_top", true), ("banner_bottom", false)] {
        let panel = if top { egui::Panel::top(id) } else { egui::Panel::bottom(id) };
        let (fill, colour) = crate::theme::banner_colors(text);
        panel.frame(egui::Frame::new().fill(fill).inner_margin(egui::Margin::symmetric(8, 2))).resizable(false).show(
            ui,
            |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(egui::RichText::new(text).color(colour).strong().size(crate::theme::BANNER_TEXT))
                        .on_hover_text("The caveat this briefing was issued with");
                });
            },
        );
    }
}
