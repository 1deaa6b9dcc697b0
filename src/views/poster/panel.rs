//! The poster's drawing in a box of a page: the handout's timeline of one step (its time window, the
//! lanes that have initiatives in it, as many rows as fit) and its map (the land, coasts and the
//! step's places).

use egui::{Pos2, Rect, pos2, vec2};

use super::draw::{grid, lane, today_line};
use super::layout::{PosterData, Segment, columns_of};
use super::sheet::Sheet;
use crate::briefing::vector::Shape;
use crate::briefing::vector::font::PrintFont;
use crate::model::map_camera::{bounds_of, fit_bounds};
use crate::state::State;
use crate::theme::{self, poster, sizes};
use crate::views::map::basemap::{WORLD_ZOOM, basemap};
use crate::views::map::transform::Transform;
use crate::views::timeline::ROW;
use crate::views::timeline::paint::Canvas as _;

/// Below this zoom the map panel draws the 110 m land; above, the 50 m.
const FINE_ZOOM: f64 = 3.5;
/// The map panel's closest camera.
const MAX_ZOOM: f64 = 7.0;

/// The timeline of `range` in `rect` (page points) at `scale` paper points per screen point.
pub fn timeline_panel(
    data: &PosterData<'_>,
    range: (f64, f64),
    rect: Rect,
    scale: f32,
    font: &PrintFont<'_>,
) -> Vec<Shape> {
    let pal = theme::paper_palette();
    let mut sheet = Sheet::new(scale, [rect.left(), rect.top()], font);
    let (width, height) = (rect.width() / scale, rect.height() / scale);
    let columns = columns_of(data, range, 1, width - sizes::LANE_HEADER_WIDTH, font);
    let Some((axis, placed)) = columns.first() else { return Vec::new() };
    let mut room = height - sizes::AXIS_HEIGHT - poster::FOOT * 1.6;
    let (mut segments, mut shown) = (Vec::new(), 0);
    for (l, items) in placed.iter().enumerate().filter(|(_, items)| !items.is_empty()) {
        let rows = items.iter().map(|p| p.row + 1).max().unwrap_or(1);
        let fits = (((room - sizes::LANE_GAP) / ROW).floor().max(0.0) as usize).min(rows);
        if fits == 0 {
            break;
        }
        segments.push(Segment { lane: l, first: 0, rows: fits });
        shown += items.iter().filter(|p| p.row < fits).count();
        room -= fits as f32 * ROW + sizes::LANE_GAP;
    }
    let total: usize = placed.iter().map(Vec::len).sum();
    let lanes_height: f32 = segments.iter().map(|s| s.rows as f32 * ROW + sizes::LANE_GAP).sum();
    grid(
        &mut sheet,
        axis,
        Rect::from_min_max(pos2(axis.left, 0.0), pos2(width, sizes::AXIS_HEIGHT + lanes_height)),
        &pal,
    );
    let mut y = sizes::AXIS_HEIGHT;
    for segment in segments {
        y = lane(&mut sheet, data, (axis, placed), segment, (y, width), &pal);
    }
    today_line(&mut sheet, axis, data.today, Rect::from_min_max(pos2(axis.left, 0.0), pos2(width, y)), &pal);
    if shown < total {
        let more = format!("{} more initiative(s) in this window are not drawn here (see the poster)", total - shown);
        sheet.text(pos2(0.0, y + 4.0), poster::FOOT, &more, pal.weak_text);
    }
    sheet.finish(0.0, 0.0).shapes
}

/// The map in `rect` (page points): land and coasts from the bundled Natural Earth outlines, the
/// places the filters show as dots sized by their initiatives and coloured by their main line of
/// effort, the heaviest labelled where their labels do not collide. The camera fits the places of
/// what the step highlights (else all of them), no closer than zoom 7.
pub fn map_panel(state: &State, rect: Rect, font: &PrintFont<'_>) -> Vec<Shape> {
    let pal = theme::paper_palette();
    let mut sheet = Sheet::new(1.0, [0.0, 0.0], font);
    // The camera fits the places of what the step highlights, else every place the filters show.
    let places = state.focus().map_places();
    let highlighted = |location: usize| {
        state.is_location_highlighted(location)
            || state
                .index()
                .initiatives_at
                .get(location)
                .is_some_and(|items| items.iter().any(|&i| state.is_highlighted(i)))
    };
    let focus = bounds_of(places.iter().filter(|p| highlighted(p.location)).map(|p| p.world));
    let size = [f64::from(rect.width()), f64::from(rect.height())];
    let fitted = focus.or_else(|| bounds_of(places.iter().map(|p| p.world))).map(|b| fit_bounds(b, size));
    let mut view = fitted.unwrap_or_else(|| state.map_view());
    // Past this the 50 m outlines are visibly wrong.
    view.zoom = view.zoom.min(MAX_ZOOM);
    let t = Transform::new(rect, view);
    sheet.begin_clip(rect);
    sheet.rect(rect, 0.0, pal.sea);
    let map = basemap();
    let visible = t.visible();
    let meshes = if view.zoom < WORLD_ZOOM {
        &map.land_world
    } else if view.zoom < FINE_ZOOM {
        &map.land_coarse
    } else {
        &map.land_fine
    };
    let at = |v: [f32; 2]| t.screen([f64::from(v[0]), f64::from(v[1])]);
    let triangles = meshes.iter().filter(|m| m.bounds.is_some_and(|b| b.intersects(&visible))).flat_map(|m| {
        m.indices.chunks_exact(3).filter_map(move |c| {
            let corner = |k: usize| m.vertices.get(c[k] as usize).copied();
            Some([at(corner(0)?), at(corner(1)?), at(corner(2)?)])
        })
    });
    sheet.mesh(triangles, pal.land);
    let coasts = if view.zoom < FINE_ZOOM { &map.coast_coarse } else { &map.coast_fine };
    for line in coasts.iter().filter(|l| l.bounds.intersects(&visible)) {
        sheet.line(line.points.iter().map(|&p| at(p)).collect(), theme::stroke(0.5, pal.coast));
    }
    places_on(&mut sheet, state, &t);
    sheet.end_clip();
    sheet.rect_stroke(rect, 0.0, theme::stroke(0.8, pal.grid_strong));
    let note = "Natural Earth";
    let w = sheet.text_width(note, 6.0);
    sheet.text(pos2(rect.right() - w - 3.0, rect.bottom() - 9.0), 6.0, note, pal.weak_text);
    sheet.finish(0.0, 0.0).shapes
}

/// The places as dots, heaviest last (on top), and labels for as many of the heaviest as fit.
fn places_on(sheet: &mut Sheet<'_>, state: &State, t: &Transform) {
    let pal = theme::paper_palette();
    let mut places: Vec<_> = state.focus().map_places().iter().collect();
    places.sort_by_key(|p| p.weight);
    let radius = |weight: usize| 2.5 + 1.2 * (weight as f32).sqrt();
    for p in &places {
        let colour = state
            .index()
            .main_line
            .get(p.location)
            .copied()
            .flatten()
            .map_or(pal.weak_text, theme::line_of_effort_color);
        sheet.circle(t.screen(p.world), radius(p.weight), colour, theme::stroke(0.6, pal.marker_outline));
    }
    let mut taken: Vec<Rect> = Vec::new();
    for p in places.iter().rev().take(16) {
        let Some(location) = state.dataset().locations.get(p.location) else { continue };
        let name = location.name.split(',').next().unwrap_or_default().trim();
        let centre: Pos2 = t.screen(p.world);
        let size = 6.5;
        let at = centre + vec2(radius(p.weight) + 1.5, -size * 0.6);
        let label = Rect::from_min_size(at, vec2(sheet.text_width(name, size), size * 1.2));
        if !t.rect.contains_rect(label) || taken.iter().any(|r| r.intersects(label)) {
            continue;
        }
        taken.push(label.expand(1.0));
        sheet.text(at, size, name, pal.text);
    }
}
