//! The caveat banner of a briefing page ("UNCLASSIFIED // FOR TRAINING"): a strip across the top and
//! the bottom of every screen and slide, in the marking's colour (`theme::banner_colors`); and the
//! day written large over the frames of a recorded as-of story.

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

/// The day of a recorded frame, large, at the top of the window's middle.
pub fn caption_ui(ctx: &egui::Context, text: &str) {
    let (fill, colour) = crate::theme::caption_colors();
    egui::Area::new(egui::Id::unique("story_caption"))
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, crate::theme::CAPTION_OFFSET))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new().fill(fill).corner_radius(6.0).inner_margin(egui::Margin::symmetric(16, 6)).show(
                ui,
                |ui| {
                    let caption = egui::RichText::new(text).color(colour).strong().size(crate::theme::CAPTION_TEXT);
                    ui.add(egui::Label::new(caption).extend());
                },
            );
        });
}
