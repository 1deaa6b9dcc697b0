//! Editing on the map: places no initiative uses yet (hollow rings, so a new place is not invisible),
//! dragging a place to move it (to the precision the zoom can show), and the right-click menu that
//! adds a place or an initiative where the pointer is.

use egui::{FontId, LayerId, Order, Pos2, Rect, Sense, vec2};

use super::transform::Transform;
use crate::model::geo::{project, unproject};
use crate::state::command::EditCommand;
use crate::state::{Command, Origin, Selection, State};
use crate::theme;

/// Radius of the ring of a place no initiative uses.
const EMPTY_RADIUS: f32 = 6.0;

/// Decimals of a degree that one screen point still tells apart at this scale (points per world
/// unit, the world being 360° wide): 2 at a country's zoom, up to 6 close in.
pub fn decimals_for(scale: f64) -> i32 {
    ((scale / 360.0).log10().ceil() as i32).clamp(2, 6)
}

/// `x` rounded to `decimals` places.
pub fn round_to(x: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    (x * k).round() / k
}

/// The latitude and longitude under screen point `p`, rounded to what one point there can tell.
fn point_at(t: &Transform, p: Pos2) -> (f64, f64) {
    let (lat, lon) = unproject(t.world(p));
    let d = decimals_for(t.scale);
    (round_to(lat, d), round_to(lon, d))
}

/// Latitude and longitude as people read them: "19.29° N, 166.65° E".
pub fn degrees(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{}° {ns}, {}° {ew}", lat.abs(), lon.abs())
}

/// The places no initiative uses, found again only when the data changes (not every frame).
fn empty_places(ui: &egui::Ui, state: &State) -> std::sync::Arc<Vec<usize>> {
    let id = ui.scope_id().with("map_empty_places");
    if let Some((generation, places)) = ui.data(|d| d.get_temp::<(u64, std::sync::Arc<Vec<usize>>)>(id))
        && generation == state.generation()
    {
        return places;
    }
    let at = &state.index().initiatives_at;
    let places: Vec<usize> =
        (0..state.dataset().locations.len()).filter(|&l| at.get(l).is_none_or(Vec::is_empty)).collect();
    let places = std::sync::Arc::new(places);
    ui.data_mut(|d| d.insert_temp(id, (state.generation(), places.clone())));
    places
}

/// Paints and wires the places no initiative uses (the filter does not hide them: they have no
/// dates or lines to filter by), their labels clear of the `taken` screen rects.
pub fn empty_places_ui(
    ui: &mut egui::Ui,
    state: &State,
    t: &Transform,
    mut taken: Vec<Rect>,
    commands: &mut Vec<Command>,
) {
    let pal = theme::palette(state.theme());
    let painter = ui.painter_at(t.rect);
    for &l in empty_places(ui, state).iter() {
        let Some(place) = state.dataset().locations.get(l) else { continue };
        let w = project(place.lat, place.lon);
        let pos = t.screen([w.x, w.y]);
        if !t.rect.contains(pos) {
            continue;
        }
        let highlighted = state.is_location_highlighted(l);
        let ring = if highlighted { pal.selection } else { pal.text };
        painter.circle_filled(pos, EMPTY_RADIUS, pal.label_fill);
        painter.circle_stroke(pos, EMPTY_RADIUS, theme::stroke(2.0, ring));
        let short = place.name.split(',').next().unwrap_or(&place.name).trim();
        let galley = painter.layout_no_wrap(short.to_owned(), FontId::proportional(12.0), ring);
        let size = galley.size();
        let right = Rect::from_min_size(pos + vec2(EMPTY_RADIUS + 4.0, -size.y / 2.0), size);
        let left = Rect::from_min_size(pos - vec2(EMPTY_RADIUS + 4.0 + size.x, size.y / 2.0), size);
        if let Some(spot) =
            [right, left].into_iter().find(|s| t.rect.contains_rect(*s) && !taken.iter().any(|o| o.intersects(*s)))
        {
            painter.rect_filled(spot.expand(2.0), 3.0, pal.label_fill);
            painter.galley(spot.min, galley, ring);
            taken.push(spot.expand(2.0));
        }
        let hit = Rect::from_center_size(pos, vec2(2.0 * EMPTY_RADIUS + 8.0, 2.0 * EMPTY_RADIUS + 8.0));
        let editing = state.data_edit().open();
        let sense = if editing { Sense::click_and_drag() } else { Sense::click() };
        let response = ui.interact(hit, ui.scope_id().with(("empty_place", l)), sense);
        let label = format!("{}: 0 initiatives", place.name);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            commands.push(Command::Select(Selection::Location(l), Origin::Map));
        }
        if editing {
            drag_place(ui, state, t, l, pos, &response, commands);
        }
        marker_menu(&response, state, l, commands);
        if !response.dragged() {
            response.on_hover_text(format!("{}\nNo initiative is here yet (right-click to add one)", place.name));
        }
    }
}

/// A drag on place `l`'s marker (at `pos`) while the form is open: a ghost where it would go, with
/// its coordinates, and on release the move (one change for undo). The map does not pan meanwhile:
/// the marker, not the map, has the drag.
pub fn drag_place(
    ui: &egui::Ui,
    state: &State,
    t: &Transform,
    l: usize,
    pos: Pos2,
    response: &egui::Response,
    commands: &mut Vec<Command>,
) {
    if response.drag_started() {
        commands.push(Command::Select(Selection::Location(l), Origin::Map));
    }
    if !(response.dragged() || response.drag_stopped()) {
        return;
    }
    let Some(to) = response.interact_pointer_pos() else { return };
    let (lat, lon) = point_at(t, to);
    if response.drag_stopped() {
        if to.distance(pos) >= 1.0 {
            commands.push(Command::Edit(EditCommand::MovePlace(l, lat, lon)));
        }
        return;
    }
    let pal = theme::palette(state.theme());
    let painter = ui.ctx().layer_painter(LayerId::new(Order::Tooltip, ui.scope_id().with("map_place_drag")));
    painter.line_segment([pos, to], theme::stroke(1.5, theme::faded(pal.selection, 0.7)));
    painter.circle(to, EMPTY_RADIUS + 2.0, theme::faded(pal.selection, 0.35), theme::stroke(2.0, pal.selection));
    let name = state.dataset().locations.get(l).map_or("", |x| x.name.as_str());
    let text = format!("{name}\n{}", degrees(lat, lon));
    let galley = painter.layout_no_wrap(text, FontId::proportional(12.0), pal.text);
    let spot = Rect::from_min_size(to + vec2(14.0, 10.0), galley.size());
    painter.rect_filled(spot.expand(4.0), 3.0, pal.label_fill);
    painter.galley(spot.min, galley, pal.text);
    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
}

/// With the form open, a cross at the map's centre and "Place here", which adds a place there (for
/// those who do not right-click or Alt+click: touch screens, a trackpad).
pub fn place_here_ui(ui: &mut egui::Ui, state: &State, t: &Transform, commands: &mut Vec<Command>) {
    let centre = t.rect.center();
    let pal = theme::palette(state.theme());
    let painter = ui.painter_at(t.rect);
    for d in [vec2(8.0, 0.0), vec2(0.0, 8.0)] {
        painter.line_segment([centre - d, centre + d], theme::stroke(1.5, pal.text));
    }
    let at = Rect::from_min_size(t.rect.left_top() + vec2(8.0, 8.0), vec2(220.0, 24.0));
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(at).layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| {
            if ui.button("Place here").on_hover_text("Add a place at the cross in the middle of the map").clicked() {
                let (lat, lon) = point_at(t, centre);
                commands.push(Command::Edit(EditCommand::AddPlace(lat, lon)));
            }
        },
    );
}

/// The right-click (or long-press) menu of a place's marker: add an initiative there, edit the place,
/// and while an initiative is being edited, put it at the place or take it off.
pub fn marker_menu(response: &egui::Response, state: &State, l: usize, commands: &mut Vec<Command>) {
    if state.presenting().is_some() {
        return;
    }
    let name = state.dataset().locations.get(l).map_or("", |x| x.name.as_str());
    response.context_menu(|ui| {
        if let (true, Some(Selection::Initiative(i))) = (state.data_edit().open(), state.selection())
            && let (Some(x), Some(place)) = (state.dataset().initiatives.get(i), state.dataset().locations.get(l))
        {
            let here = x.places.contains(&place.id);
            let text = if here {
                format!("Take “{}” off {name}", x.title)
            } else {
                format!("Put “{}” at {name}", x.title)
            };
            if ui.button(text).clicked() {
                let mut places = x.places.clone();
                if here {
                    places.retain(|p| *p != place.id);
                } else {
                    places.push(place.id.clone());
                }
                commands.push(Command::Edit(EditCommand::SetList(i, crate::state::command::ListField::Places, places)));
                ui.close();
            }
            ui.separator();
        }
        if ui.button(format!("Add initiative at {name}")).clicked() {
            commands.push(Command::Edit(EditCommand::AddInitiativeAtPlace(l)));
            ui.close();
        }
        if ui.button(format!("Edit {name}")).clicked() {
            commands.push(Command::Select(Selection::Location(l), Origin::Map));
            if !state.data_edit().open() {
                commands.push(Command::Edit(EditCommand::ToggleEditor));
            }
            ui.close();
        }
    });
}

/// The right-click (or long-press) menu of open ground: add a place, or an initiative at a new place,
/// where the menu was opened.
pub fn ground_menu(ui: &egui::Ui, background: &egui::Response, t: &Transform, commands: &mut Vec<Command>) {
    let id = background.id.with("menu_at");
    if (background.secondary_clicked() || background.long_touched())
        && let Some(p) = background.interact_pointer_pos()
    {
        ui.data_mut(|d| d.insert_temp(id, point_at(t, p)));
    }
    background.context_menu(|ui| {
        let Some((lat, lon)) = ui.data(|d| d.get_temp::<(f64, f64)>(id)) else {
            ui.close();
            return;
        };
        ui.weak(degrees(lat, lon));
        if ui.button("Add initiative here").clicked() {
            commands.push(Command::Edit(EditCommand::AddInitiativeAtPoint(lat, lon)));
            ui.close();
        }
        if ui.button("Add place here").clicked() {
            commands.push(Command::Edit(EditCommand::AddPlace(lat, lon)));
            ui.close();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_zoom() {
        // 256 points per world at zoom 0; each zoom level doubles it.
        let at = |zoom: i32| decimals_for(256.0 * 2f64.powi(zoom));
        assert_eq!(at(0), 2);
        assert_eq!(at(4), 2);
        assert_eq!(at(8), 3);
        assert_eq!(at(12), 4);
        assert_eq!(at(20), 6);
        assert!((round_to(35.123_456, 3) - 35.123).abs() < 1e-12);
        assert!(round_to(-0.0049, 2).abs() < 1e-12);
        assert!((round_to(139.999_96, 4) - 140.0).abs() < 1e-12);
        assert_eq!(degrees(19.29, 166.65), "19.29° N, 166.65° E");
        assert_eq!(degrees(-33.5, -70.25), "33.5° S, 70.25° W");
    }
}
