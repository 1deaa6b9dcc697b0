//! The offline map: Natural Earth basemap centred on the Pacific, clustered markers with honest
//! precision, labels that avoid each other, eased fly-to, and the time link with the timeline.

pub mod basemap;
pub mod detail;
mod edit;
pub mod ground;
mod links;
mod markers;
mod notes;
pub mod transform;

use egui::{Key, Pos2, Rect, Sense, pos2};

pub use self::transform::Transform;
use crate::model::geo::{World, project, unproject};
use crate::model::map_camera::camera_at;
use crate::model::view::MapView;
use crate::state::{Command, Pane, State};
use crate::theme::{self, Palette};

/// The camera to draw now (mid-flight or settled) and the command that settles a finished flight.
fn current_camera(state: &State, size: egui::Vec2) -> (MapView, Option<Command>) {
    let Some(flight) = &state.map_flight() else {
        return (state.map_view(), None);
    };
    let (view, done) = camera_at(flight, [f64::from(size.x), f64::from(size.y)], state.now());
    (view, done.then_some(Command::SetMapView(view)))
}

/// Draws the map in the space left in `ui`; returns the user's commands.
pub fn map_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut commands = Vec::new();
    let pal = theme::palette(state.theme());
    let id = ui.scope_id().with("map");
    egui::Panel::bottom(id.with("no_place"))
        .resizable(false)
        .show_separator_line(false)
        .show(ui, |ui| markers::no_place_ui(ui, state, &mut commands));
    let rect = ui.available_rect_before_wrap();
    let background = ui.interact(rect, id, Sense::click_and_drag());
    let presenting = state.presenting().is_some();
    // Fitted views keep clear of the buttons along the top (a slide has none).
    let buttons = (!presenting).then(|| notes::buttons_rect(rect));
    let fit_size = rect.size() - egui::vec2(0.0, 2.0 * buttons.map_or(0.0, |b| b.bottom() - rect.top()));
    let (view, settle) = current_camera(state, fit_size);
    if let Some(command) = settle {
        commands.push(command);
    } else if state.map_flight().is_some() {
        ui.ctx().request_repaint();
    }
    let t = Transform::new(rect, view);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ground::sea_colour(&pal, view.zoom));
    let ground = ground::paint(ui, &painter, &t, view.zoom, &pal);
    if state.settings().graticule {
        paint_graticule(&painter, &t, &pal);
    }
    links::arcs_ui(ui, state, &t, &background);
    // The map's own furniture is drawn first, so markers' labels keep clear of it.
    let mut reserved = notes::notes_ui(ui, &t, ground, &pal);
    reserved.extend(buttons);
    let taken = markers::markers_ui(ui, state, &t, reserved, &mut commands);
    if !presenting {
        edit::empty_places_ui(ui, state, &t, taken, &mut commands);
        edit::ground_menu(ui, &background, &t, &mut commands);
    }
    if let Some(view) = interact(ui, &background, &t, &mut commands, presenting) {
        commands.push(Command::SetMapView(view));
    }
    // While editing, Alt+click puts a new place there.
    if state.data_edit().open()
        && background.clicked()
        && ui.input(|i| i.modifiers.alt)
        && let Some(p) = background.interact_pointer_pos()
    {
        let (lat, lon) = unproject(t.world(p));
        commands.push(Command::Edit(crate::state::command::EditCommand::AddPlace(lat, lon)));
    }
    ui.advance_cursor_after_rect(rect);
    // A projected slide shows the map, not its controls.
    if let Some(area) = buttons {
        overlay_buttons_ui(ui, state, area, &mut commands);
        if state.data_edit().open() {
            edit::place_here_ui(ui, state, &t, &mut commands);
        }
    }
    commands
}

fn paint_graticule(painter: &egui::Painter, t: &Transform, pal: &Palette) {
    let step = match t.view().zoom {
        z if z < 2.0 => 30.0,
        z if z < 4.0 => 10.0,
        z if z < 6.0 => 5.0,
        _ => 1.0,
    };
    let stroke = theme::stroke(0.6, pal.graticule);
    let mut lat = -80.0;
    while lat <= 80.0 {
        let y = t.screen([0.0, project(lat, 0.0).y]).y;
        painter.line_segment([pos2(t.rect.left(), y), pos2(t.rect.right(), y)], stroke);
        lat += step;
    }
    let mut lon = -180.0;
    while lon < 180.0 {
        let x = t.screen([project(0.0, lon).x, 0.0]).x;
        painter.line_segment([pos2(x, t.rect.top()), pos2(x, t.rect.bottom())], stroke);
        lon += step;
    }
}

/// Pan, zoom and keys; returns the new camera when it changed.
fn interact(
    ui: &egui::Ui,
    background: &egui::Response,
    t: &Transform,
    commands: &mut Vec<Command>,
    presenting: bool,
) -> Option<MapView> {
    if background.clicked() || background.drag_started() {
        background.request_focus();
    }
    let mut centre = t.centre;
    let mut zoom = t.view().zoom;
    let drag = background.drag_delta();
    centre.x -= f64::from(drag.x) / t.scale;
    centre.y += f64::from(drag.y) / t.scale;
    let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|p| t.rect.contains(*p));
    let zoom_by = |factor: f64, about: Option<Pos2>, centre: &mut World, zoom: &mut f64| {
        let new_zoom = (*zoom + factor).clamp(MapView::MIN_ZOOM, MapView::MAX_ZOOM);
        if let Some(p) = about {
            // Keep the world point under the pointer where it is.
            let before = t.world(p);
            let k = (*zoom - new_zoom).exp2();
            centre.x = before.x + (centre.x - before.x) * k;
            centre.y = before.y + (centre.y - before.y) * k;
        }
        *zoom = new_zoom;
    };
    if background.hovered() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        if scroll.abs() > 0.0 {
            zoom_by(f64::from(scroll) / 200.0, pointer, &mut centre, &mut zoom);
        }
        if (pinch - 1.0).abs() > f32::EPSILON {
            zoom_by(f64::from(pinch).log2(), pointer, &mut centre, &mut zoom);
        }
    }
    if background.double_clicked() {
        zoom_by(1.0, background.interact_pointer_pos(), &mut centre, &mut zoom);
    }
    if background.has_focus() && !presenting {
        let step = 80.0 / t.scale;
        ui.input(|i| {
            centre.x += step
                * (f64::from(u8::from(i.key_pressed(Key::ArrowRight)))
                    - f64::from(u8::from(i.key_pressed(Key::ArrowLeft))));
            centre.y += step
                * (f64::from(u8::from(i.key_pressed(Key::ArrowUp)))
                    - f64::from(u8::from(i.key_pressed(Key::ArrowDown))));
        });
        let (plus, minus, home) = ui.input(|i| {
            (
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
                i.key_pressed(Key::Home),
            )
        });
        if plus || minus {
            zoom_by(if plus { 0.5 } else { -0.5 }, None, &mut centre, &mut zoom);
        }
        if home {
            commands.push(Command::FitMap);
        }
    }
    let (lat, lon) = unproject(World { x: centre.x, y: centre.y.clamp(-0.5, 0.5) });
    let view = MapView { lat, lon, zoom }.clamped();
    let before = t.view();
    let moved = (view.lat - before.lat).abs() > 1e-12
        || (view.lon - before.lon).abs() > 1e-12
        || (view.zoom - before.zoom).abs() > 1e-12;
    moved.then_some(view)
}

fn overlay_buttons_ui(ui: &mut egui::Ui, state: &State, area: Rect, commands: &mut Vec<Command>) {
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(area).layout(egui::Layout::right_to_left(egui::Align::Center)),
        |ui| {
            let maximized = state.maximized() == Some(Pane::Map);
            let label = if maximized { "Restore map" } else { "Maximise map" };
            if ui.button(label).on_hover_text("Give the map the whole centre, or share it with the timeline").clicked()
            {
                commands.push(Command::ToggleMaximize(Pane::Map));
            }
            if ui.button("Fit map").on_hover_text("Show every place (Home when the map has focus)").clicked() {
                commands.push(Command::FitMap);
            }
            if ui
                .selectable_label(state.settings().graticule, "Grid")
                .on_hover_text("Latitude and longitude lines")
                .clicked()
            {
                commands.push(Command::ToggleGraticule);
            }
        },
    );
}
