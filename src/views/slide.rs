//! The projector slide: a large title, the talking points, the step's map and timeline filling the
//! rest (the map alone for data without dates, as a story map), and progress ("3 / 10"). Blanked, it is all black or all white.

use egui_commonmark::CommonMarkCache;

use crate::state::{Blank, Command, State};
use crate::theme::{self, slide};
use crate::views::{map, timeline};

/// Draws the slide of the current step; returns the commands of clicks on the map or timeline.
pub fn slide_ui(ui: &mut egui::Ui, state: &State, markdown: &mut CommonMarkCache) -> Vec<Command> {
    let mut out = Vec::new();
    let Some(presenting) = state.presenting() else { return out };
    if let Some(blank) = presenting.blank() {
        let fill = if blank == Blank::Black { egui::Color32::BLACK } else { egui::Color32::WHITE };
        ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
        ui.allocate_rect(ui.max_rect(), egui::Sense::hover());
        return out;
    }
    let Some(step) = state.current_step() else { return out };
    let total = state.deck().map_or(0, |d| d.steps.len());
    let pal = theme::palette(state.theme());
    egui::Panel::top("slide_title").show_separator_line(false).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&step.title).size(slide::TITLE).strong().color(pal.text));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let progress = format!("{} / {total}", presenting.step() + 1);
                ui.label(egui::RichText::new(progress).size(slide::PROGRESS).color(pal.weak_text));
            });
        });
    });
    // Exact sizes: a default size gives way to the one egui remembers from an earlier window (a slide
    // export after a small window squeezed the points into a narrow column and cut them).
    egui::Panel::left("slide_points").resizable(false).exact_size(ui.available_width() * 0.36).show(ui, |ui| {
        ui.scope(|ui| {
            for style in [egui::TextStyle::Body, egui::TextStyle::Button] {
                if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                    font.size = slide::POINTS;
                }
            }
            ui.spacing_mut().item_spacing.y = 14.0;
            crate::views::markdown::show(ui, markdown, &step.points);
        });
        crate::views::compare::slide_report_ui(ui, state);
    });
    // Data with no dates (a story map) has nothing to show on a timeline: the map takes it all.
    if state.index().full_span.is_none() {
        out.extend(map::map_ui(ui, state));
        return out;
    }
    let half = ui.available_height() * 0.55;
    egui::Panel::top("slide_map").exact_size(half).resizable(false).show(ui, |ui| out.extend(map::map_ui(ui, state)));
    out.extend(timeline::timeline_ui(ui, state));
    out
}
