//! Timeline input: pan, zoom, keys, clicks on the background, and the maximise button.

use crate::state::FocusCommand;
use egui::{Key, Rect, vec2};

use super::axis::Axis;
use crate::model::view::TimeView;
use crate::state::{Command, State};

/// Pan, zoom, keys and clicks on the background. Returns the new vertical scroll.
/// Shift-drag on the timeline brushes a date range filter. Returns whether a brush is under way.
fn brush(ui: &egui::Ui, state: &State, background: &egui::Response, axis: &Axis, commands: &mut Vec<Command>) -> bool {
    let start_id = background.id.with("brush_start");
    let shift = ui.input(|i| i.modifiers.shift);
    if background.drag_started() && shift {
        let day = ui.input(|i| i.pointer.press_origin()).map(|p| axis.day_from_x(p.x));
        ui.data_mut(|d| d.insert_temp(start_id, day));
    }
    let Some(Some(start)) = ui.data(|d| d.get_temp::<Option<f64>>(start_id)) else { return false };
    let Some(pointer) = background.interact_pointer_pos().or_else(|| ui.input(|i| i.pointer.latest_pos())) else {
        return false;
    };
    let end = axis.day_from_x(pointer.x);
    let (a, b) = (start.min(end), start.max(end));
    let pal = crate::theme::palette(state.theme());
    let rect = Rect::from_x_y_ranges(axis.x_from_day(a)..=axis.x_from_day(b), background.rect.y_range());
    ui.painter().rect_filled(rect, 0.0, crate::theme::faded(pal.as_of, 0.2));
    if background.drag_stopped() || !background.dragged() {
        ui.data_mut(|d| d.insert_temp::<Option<f64>>(start_id, None));
        if b - a >= 1.0 {
            let filter = crate::model::filter::Filter {
                date_range: Some((a.floor(), b.ceil())),
                ..state.focus().filter().clone()
            };
            commands.push(Command::Focus(FocusCommand::SetFilter(Box::new(filter))));
        }
    }
    true
}

pub(super) fn interact(
    ui: &egui::Ui,
    state: &State,
    background: &egui::Response,
    axis: &Axis,
    commands: &mut Vec<Command>,
    mut scroll: f32,
) -> f32 {
    let mut view = state.time_view();
    if background.clicked() || background.drag_started() {
        background.request_focus();
    }
    if background.double_clicked() {
        commands.push(Command::FitTime);
    } else if background.clicked() && state.selection().is_some() {
        commands.push(Command::ClearSelection);
    }
    if brush(ui, state, background, axis, commands) {
        // Shift-drag brushes a date range instead of panning.
    } else {
        let drag = background.drag_delta();
        view = view.panned(-f64::from(drag.x) * axis.days_per_point());
        scroll -= drag.y;
    }
    if background.hovered() {
        let (delta, zoom, pointer) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let about = pointer.map_or(f64::midpoint(view.start, view.end), |p| axis.day_from_x(p.x));
        if (zoom - 1.0).abs() > f32::EPSILON {
            view = view.zoomed(1.0 / f64::from(zoom), about);
        }
        if delta.y != 0.0 {
            view = view.zoomed((-f64::from(delta.y) * 0.0025).exp(), about);
        }
        view = view.panned(-f64::from(delta.x) * axis.days_per_point());
    }
    // While presenting, the keys belong to the deck.
    if (background.has_focus() || background.hovered()) && state.presenting().is_none() {
        view = keyboard(ui, view, commands);
    }
    if view != state.time_view() {
        commands.push(Command::SetTimeView(view));
    }
    scroll
}

fn keyboard(ui: &egui::Ui, mut view: TimeView, commands: &mut Vec<Command>) -> TimeView {
    let step = view.span() * 0.1;
    let middle = f64::midpoint(view.start, view.end);
    ui.input(|i| {
        if i.modifiers.alt {
            return;
        }
        if i.key_pressed(Key::ArrowLeft) {
            view = view.panned(-step);
        }
        if i.key_pressed(Key::ArrowRight) {
            view = view.panned(step);
        }
        if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
            view = view.zoomed(0.8, middle);
        }
        if i.key_pressed(Key::Minus) {
            view = view.zoomed(1.25, middle);
        }
        if i.key_pressed(Key::Home) {
            commands.push(Command::FitTime);
        }
    });
    view
}

pub(super) fn maximise_button_ui(ui: &mut egui::Ui, state: &State, rect: Rect, commands: &mut Vec<Command>) {
    let area = Rect::from_min_size(rect.right_top() + vec2(-136.0, 2.0), vec2(130.0, 16.0));
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(area).layout(egui::Layout::right_to_left(egui::Align::Center)),
        |ui| {
            let maximized = state.maximized() == Some(crate::state::Pane::Timeline);
            let text = if maximized { "Restore timeline" } else { "Maximise timeline" };
            let button = egui::Button::new(egui::RichText::new(text).small());
            if ui.add(button).on_hover_text("Give the timeline the whole centre, or share it with the map").clicked() {
                commands.push(Command::ToggleMaximize(crate::state::Pane::Timeline));
            }
        },
    );
}
