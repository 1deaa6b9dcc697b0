//! Map markers: one per place with initiatives, coloured by line of effort, sized by count, drawn by
//! precision (a dot for a site, a soft halo for a region or sea); clusters when they overlap; labels
//! that avoid each other. Each marker is a labelled widget, so screen readers and tests can find it.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, vec2};

use super::transform::Transform;
use crate::model::PlacePrecision;
use crate::model::cluster::{Cluster, cluster_within};
use crate::model::compare::ChangeKind;
use crate::model::map_camera::{FlyTarget, bounds_of};
use crate::state::{Command, Origin, Selection, State};
use crate::theme;

/// At most this many place labels are tried per frame, most important first.
const MAX_LABELS: usize = 120;

/// Markers closer than this (points) merge into a cluster.
const CLUSTER_RADIUS: f32 = 20.0;

/// Radius of a single place's marker.
fn marker_radius(weight: usize) -> f32 {
    4.0 + 2.2 * (weight as f32).sqrt()
}

fn out_of_time(state: &State, location: usize) -> bool {
    !state.is_location_in_time_window(location)
}

/// The short map label of a place: its name up to the first comma, and its Japanese name.
fn label_text(state: &State, location: usize) -> String {
    let Some(place) = state.dataset().locations.get(location) else {
        return String::new();
    };
    let short = place.name.split(',').next().unwrap_or(&place.name).trim();
    match &place.name_ja {
        Some(ja) => format!("{short}  {ja}"),
        None => short.to_owned(),
    }
}

/// The clusters of the places in `envelope`: made again only when the camera, the size or the places
/// (the data or the filter) change, so a still frame of 10,000 places does not cluster them again.
fn clusters(ui: &egui::Ui, state: &State, radius: f64, envelope: [f64; 4]) -> std::sync::Arc<Vec<Cluster>> {
    type Cached = (u64, u64, u64, [u64; 4]);
    let key = (state.generation(), state.focus().generation(), radius.to_bits(), envelope.map(f64::to_bits));
    let id = ui.scope_id().with("map_clusters");
    if let Some((k, clusters)) = ui.data(|d| d.get_temp::<(Cached, std::sync::Arc<Vec<Cluster>>)>(id))
        && k == key
    {
        return clusters;
    }
    let clusters =
        std::sync::Arc::new(cluster_within(state.focus().map_places(), state.focus().place_tree(), radius, envelope));
    ui.data_mut(|d| d.insert_temp(id, (key, clusters.clone())));
    clusters
}

/// Paints and wires every marker and label, keeping labels off the `reserved` rects (the map's own
/// buttons and notes); returns the screen rects they all take.
pub fn markers_ui(
    ui: &mut egui::Ui,
    state: &State,
    t: &Transform,
    reserved: Vec<Rect>,
    commands: &mut Vec<Command>,
) -> Vec<Rect> {
    let places = &state.focus().map_places();
    let margin = f64::from(CLUSTER_RADIUS) * 2.0 / t.scale;
    let (a, b) = (t.world(t.rect.left_bottom()), t.world(t.rect.right_top()));
    let envelope = [a.x - margin, a.y - margin, b.x + margin, b.y + margin];
    let radius = f64::from(CLUSTER_RADIUS) / t.scale;
    let clusters = clusters(ui, state, radius, envelope);
    let painter = ui.painter_at(t.rect);
    let pal = theme::palette(state.theme());
    let mut taken: Vec<Rect> = reserved;
    let mut labels: Vec<(usize, Pos2, f32, bool)> = Vec::new();
    for c in clusters.iter() {
        let pos = t.screen(c.centre);
        if !t.rect.expand(40.0).contains(pos) {
            continue;
        }
        if let [only] = c.members[..] {
            let location = places[only].location;
            let r = place_marker(&painter, state, location, places[only].weight, pos);
            taken.push(Rect::from_center_size(pos, vec2(r * 2.0, r * 2.0)));
            labels.push((location, pos, r, state.is_location_highlighted(location)));
            place_widget(ui, state, t, (location, pos, r), commands);
        } else {
            let r = cluster_marker(&painter, state, c, pos, &pal);
            taken.push(Rect::from_center_size(pos, vec2(r * 2.0, r * 2.0)));
            cluster_widget(ui, state, t, c, r, commands);
        }
    }
    // Selected places first, then the busiest: they get their labels before the rest.
    labels.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| b.2.total_cmp(&a.2)));
    // A screen holds a few dozen readable labels; trying thousands only costs time.
    labels.truncate(MAX_LABELS);
    for (location, pos, r, highlighted) in labels {
        let text = label_text(state, location);
        let color = if highlighted { pal.selection } else { pal.text };
        let galley = painter.layout_no_wrap(text, FontId::proportional(12.0), color);
        let size = galley.size();
        let right = Rect::from_min_size(pos + vec2(r + 4.0, -size.y / 2.0), size);
        let left = Rect::from_min_size(pos - vec2(r + 4.0 + size.x, size.y / 2.0), size);
        let Some(spot) =
            [right, left].into_iter().find(|s| t.rect.contains_rect(*s) && !taken.iter().any(|o| o.intersects(*s)))
        else {
            continue;
        };
        painter.rect_filled(spot.expand(2.0), 3.0, pal.label_fill);
        painter.galley(spot.min, galley, color);
        taken.push(spot.expand(2.0));
    }
    taken
}

/// A disc of radius `r` (filled with `fill` unless transparent, outlined with `stroke`) as a polygon of
/// as few corners as keep it within a quarter of a point of the circle: egui's circles take 64 corners
/// from a radius of 18 and 128 from 50, three times the triangles, which a browser without a GPU pays
/// for on every frame.
fn disc(painter: &egui::Painter, centre: Pos2, r: f32, fill: Color32, stroke: egui::Stroke) {
    let corners = (std::f32::consts::PI / (1.0 - 0.25 / r.max(1.0)).acos()).ceil().clamp(12.0, 96.0) as usize;
    let points = (0..corners)
        .map(|k| centre + r * egui::Vec2::angled(k as f32 * std::f32::consts::TAU / corners as f32))
        .collect();
    // Outside, as egui strokes a circle.
    painter.add(egui::Shape::convex_polygon(points, fill, egui::epaint::PathStroke::from(stroke).outside()));
}

/// Paints one place; returns its radius.
fn place_marker(painter: &egui::Painter, state: &State, location: usize, weight: usize, pos: Pos2) -> f32 {
    let pal = theme::palette(state.theme());
    let line =
        state.index().main_line.get(location).copied().flatten().map_or(pal.weak_text, theme::line_of_effort_color);
    // Comparing, a place takes the colour of its most notable change; where nothing changed it fades.
    let change = state.place_change(location);
    let base = match change {
        Some(kind) if kind != ChangeKind::Unchanged => theme::change_color(kind),
        _ => line,
    };
    let alpha = if change == Some(ChangeKind::Unchanged) {
        theme::UNCHANGED_ALPHA
    } else if out_of_time(state, location) {
        0.3
    } else {
        1.0
    };
    let color = theme::faded(base, alpha);
    let r = marker_radius(weight);
    let precision = state.dataset().locations.get(location).map_or(PlacePrecision::ExactSite, |l| l.precision);
    match precision {
        PlacePrecision::Region | PlacePrecision::LabelPoint => {
            // Not a position: a soft halo, no hard dot.
            for k in 1..=4 {
                let f = k as f32 / 4.0;
                disc(painter, pos, r * (3.2 - 2.0 * f), theme::faded(color, 0.12 * f), egui::Stroke::NONE);
            }
            disc(painter, pos, r * 1.2, Color32::TRANSPARENT, theme::stroke(1.0, theme::faded(color, 0.6)));
        }
        PlacePrecision::City => {
            disc(painter, pos, r, theme::faded(color, 0.85), egui::Stroke::NONE);
            disc(painter, pos, r + 3.0, Color32::TRANSPARENT, theme::stroke(1.2, color));
        }
        PlacePrecision::ExactSite | PlacePrecision::About1Km => {
            disc(painter, pos, r, color, theme::stroke(1.0, pal.marker_outline));
        }
    }
    if state.is_location_highlighted(location) {
        disc(painter, pos, r + 4.0, Color32::TRANSPARENT, theme::stroke(2.5, pal.selection));
    }
    r
}

/// The widget of one place's marker (`at`: its location, centre and radius): click to select, drag to
/// move while the form is open, right-click for its menu.
fn place_widget(ui: &mut egui::Ui, state: &State, t: &Transform, at: (usize, Pos2, f32), commands: &mut Vec<Command>) {
    let (location, pos, r) = at;
    let Some(place) = state.dataset().locations.get(location) else {
        return;
    };
    let hit = Rect::from_center_size(pos, vec2(2.0 * r + 6.0, 2.0 * r + 6.0));
    let editing = state.data_edit().open() && state.presenting().is_none();
    let sense = if editing { Sense::click_and_drag() } else { Sense::click() };
    let response = ui.interact(hit, ui.scope_id().with(("place", location)), sense);
    let items = state.index().initiatives_at.get(location).map_or(&[][..], Vec::as_slice);
    let label = format!("{}: {} initiative{}", place.name, items.len(), if items.len() == 1 { "" } else { "s" });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        commands.push(Command::Select(Selection::Location(location), Origin::Map));
    }
    if editing {
        super::edit::drag_place(ui, state, t, location, pos, &response, commands);
    }
    super::edit::marker_menu(&response, state, location, commands);
    if response.dragged() {
        return;
    }
    response.on_hover_ui(|ui| {
        ui.strong(&place.name);
        if let Some(ja) = &place.name_ja {
            ui.label(ja);
        }
        ui.weak(format!(
            "{} · {}",
            crate::views::location_list::kind_label(place.kind),
            crate::views::detail::precision_label(place.precision)
        ));
        for &i in items.iter().take(6) {
            if let Some(item) = state.dataset().initiatives.get(i) {
                ui.label(format!("• {}", item.title));
            }
        }
        if items.len() > 6 {
            ui.weak(format!("and {} more", items.len() - 6));
        }
    });
}

/// Paints a cluster: a disc with its count. Returns its radius.
fn cluster_marker(painter: &egui::Painter, state: &State, c: &Cluster, pos: Pos2, pal: &theme::Palette) -> f32 {
    let r = 10.0 + 3.0 * (c.members.len() as f32).sqrt();
    let places = &state.focus().map_places();
    let any_highlighted = c.members.iter().any(|&m| state.is_location_highlighted(places[m].location));
    let all_dim = c.members.iter().all(|&m| out_of_time(state, places[m].location));
    let fill = theme::faded(pal.cluster, if all_dim { 0.4 } else { 0.95 });
    disc(painter, pos, r, fill, theme::stroke(1.5, pal.marker_outline));
    // Comparing, a ring in the colour of the most notable change among the members.
    let change = c.members.iter().filter_map(|&m| state.place_change(places[m].location)).min();
    if let Some(kind) = change.filter(|k| *k != ChangeKind::Unchanged) {
        disc(painter, pos, r + 1.5, Color32::TRANSPARENT, theme::stroke(3.0, theme::change_color(kind)));
    }
    if any_highlighted {
        disc(painter, pos, r + 4.0, Color32::TRANSPARENT, theme::stroke(2.5, pal.selection));
    }
    painter.text(pos, Align2::CENTER_CENTER, c.members.len().to_string(), FontId::proportional(12.0), Color32::WHITE);
    r
}

fn cluster_widget(ui: &mut egui::Ui, state: &State, t: &Transform, c: &Cluster, r: f32, commands: &mut Vec<Command>) {
    let pos = t.screen(c.centre);
    let places = &state.focus().map_places();
    // Name a few members: the label costs the same for a cluster of ten thousand.
    let mut names: Vec<String> = c.members.iter().take(5).map(|&m| label_text(state, places[m].location)).collect();
    if c.members.len() > 5 {
        names.push(format!("and {} more", c.members.len() - 5));
    }
    let hit = Rect::from_center_size(pos, vec2(2.0 * r, 2.0 * r));
    let first = c.members.first().map_or(0, |&m| places[m].location);
    let response = ui.interact(hit, ui.scope_id().with(("cluster", first)), Sense::click());
    let label = format!("Cluster of {} places: {}", c.members.len(), names.join(", "));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked()
        && let Some(bounds) = bounds_of(c.members.iter().map(|&m| places[m].world))
    {
        // Fit the members, and always zoom in at least one level so the cluster splits.
        let size = [f64::from(t.rect.width()), f64::from(t.rect.height())];
        let mut view = crate::model::map_camera::fit_bounds(bounds, size);
        view.zoom = view.zoom.max(t.view().zoom + 1.0).min(crate::model::view::MapView::MAX_ZOOM);
        commands.push(Command::FlyTo(FlyTarget::View(view)));
    }
    response.on_hover_ui(|ui| {
        ui.strong(format!("{} places (click to zoom in)", c.members.len()));
        for name in &names {
            ui.label(name);
        }
    });
}

/// The "No place" strip: initiatives that have no location, so nothing is silently missing.
pub fn no_place_ui(ui: &mut egui::Ui, state: &State, commands: &mut Vec<Command>) {
    if crate::views::item_links(ui, state, "No place", &state.index().no_place, Origin::Map, commands) == 0 {
        ui.weak("No place: every initiative has at least one place on the map");
    }
}
