//! The ground under the markers: sea, land and coasts from the Natural Earth outline and, where a view is
//! zoomed in around a dataset's places, the OpenStreetMap-derived detail. Past what the outline can show
//! and where no detail exists, the land fades into a neutral ground rather than drawing a wrong coast.

use egui::{Color32, Pos2, Shape, pos2};

use super::basemap::{self, Bounds, FillMesh, Line, basemap};
use super::detail::{Band, detail};
use super::transform::Transform;
use crate::theme::{self, Palette};

/// Zoom up to which the 50m outline is drawn as it is; from here it fades out over [`FADE_ZOOMS`] (at
/// zoom 8 a point is 600 m at the equator, about what 1:50,000,000 data is good for).
const OUTLINE_ZOOM: f64 = 8.0;

/// Zooms over which the outline fades into the neutral ground.
const FADE_ZOOMS: f64 = 1.5;

/// What a frame's ground shows, for the map's notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ground {
    /// The OpenStreetMap-derived detail is drawn somewhere in view (its attribution is due).
    pub detail: bool,
    /// Part of the view has neither detail nor an outline good at this zoom.
    pub missing: bool,
}

/// How far the outline has faded at a zoom: 0 drawn as is, 1 gone.
pub fn outline_fade(zoom: f64) -> f32 {
    ((zoom - OUTLINE_ZOOM) / FADE_ZOOMS).clamp(0.0, 1.0) as f32
}

/// The sea's colour at a zoom (it fades into the neutral ground with the land).
pub fn sea_colour(pal: &Palette, zoom: f64) -> Color32 {
    theme::lerp_colour(pal.sea, pal.unknown_ground, outline_fade(zoom))
}

/// The ground's mesh as last built, with the key of the camera, size and colours it was built for.
type Cached = (u64, std::sync::Arc<egui::Mesh>, Ground);

/// Paints the ground as one mesh, built only when the camera, the size or the colours change, and reused
/// as is on every other frame; says what it showed.
pub fn paint(ui: &egui::Ui, painter: &egui::Painter, t: &Transform, zoom: f64, pal: &Palette) -> Ground {
    let key = {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for v in [t.rect.min.x, t.rect.min.y, t.rect.max.x, t.rect.max.y, ui.ctx().pixels_per_point()] {
            v.to_bits().hash(&mut h);
        }
        for v in [t.centre.x, t.centre.y, t.scale, zoom] {
            v.to_bits().hash(&mut h);
        }
        [pal.land, pal.coast, pal.border, pal.sea, pal.unknown_ground].hash(&mut h);
        h.finish()
    };
    let id = ui.scope_id().with("basemap_mesh");
    let cached = ui.data(|d| d.get_temp::<Cached>(id)).filter(|(k, _, _)| *k == key);
    let (mesh, ground) = cached.map_or_else(
        || {
            let (mesh, ground) = mesh(t, zoom, pal, ui.ctx().pixels_per_point());
            let mesh = std::sync::Arc::new(mesh);
            ui.data_mut(|d| d.insert_temp(id, (key, mesh.clone(), ground)));
            (mesh, ground)
        },
        |(_, mesh, ground)| (mesh, ground),
    );
    painter.add(Shape::Mesh(mesh));
    ground
}

/// The detail bands that apply at a zoom and touch the view, coarsest first.
fn bands_in_view(zoom: f64, visible: &Bounds) -> Vec<&'static Band> {
    if zoom < OUTLINE_ZOOM - 1.0 {
        return Vec::new();
    }
    detail().iter().filter(|b| b.first_zoom <= zoom + 1e-9 && b.touches(visible)).collect()
}

fn mesh(t: &Transform, zoom: f64, pal: &Palette, pixels_per_point: f32) -> (egui::Mesh, Ground) {
    let map = basemap();
    let visible = t.visible();
    let fine = zoom >= 2.5;
    let fade = outline_fade(zoom);
    let mut out = egui::Mesh::default();
    let land = if fine {
        &map.land_fine
    } else if zoom < basemap::WORLD_ZOOM {
        &map.land_world
    } else {
        &map.land_coarse
    };
    if fade < 1.0 {
        fill(&mut out, land, t, &visible, theme::lerp_colour(pal.land, pal.unknown_ground, fade));
    }
    let bands = bands_in_view(zoom, &visible);
    for band in &bands {
        fill(&mut out, &band.cover, t, &visible, pal.sea);
        fill(&mut out, &band.land, t, &visible, pal.land);
    }
    let mut tessellator = egui::epaint::Tessellator::new(
        pixels_per_point,
        egui::epaint::TessellationOptions::default(),
        [1, 1],
        Vec::new(),
    );
    let coast = if fine { &map.coast_fine } else { &map.coast_coarse };
    let mut lines = Vec::new();
    if fade < 1.0 {
        let faded = |c: Color32| c.gamma_multiply(1.0 - fade);
        lines.extend(screen_lines(t, coast, &visible, theme::stroke(0.8, faded(pal.coast)), &bands));
        if fine {
            lines.extend(screen_lines(t, &map.borders, &visible, theme::stroke(0.7, faded(pal.border)), &[]));
        }
    }
    for (k, band) in bands.iter().enumerate() {
        let finer = bands.get(k + 1..).unwrap_or_default();
        lines.extend(screen_lines(t, &band.coast, &visible, theme::stroke(0.8, pal.coast), finer));
    }
    for line in lines {
        tessellator.tessellate_shape(line, &mut out);
    }
    let missing = fade > 0.0 && !corners(&visible).iter().all(|p| bands.iter().any(|b| b.covers(*p)));
    (out, Ground { detail: !bands.is_empty(), missing })
}

/// The corners and the centre of a box.
fn corners(b: &Bounds) -> [[f32; 2]; 5] {
    let c = [f32::midpoint(b.min[0], b.max[0]), f32::midpoint(b.min[1], b.max[1])];
    [b.min, b.max, [b.min[0], b.max[1]], [b.max[0], b.min[1]], c]
}

fn fill(out: &mut egui::Mesh, meshes: &[FillMesh], t: &Transform, visible: &Bounds, color: Color32) {
    for mesh in meshes {
        if mesh.bounds.is_some_and(|b| b.intersects(visible)) {
            out.append(screen_mesh(mesh, t, color));
        }
    }
}

fn screen_mesh(mesh: &FillMesh, t: &Transform, color: Color32) -> egui::Mesh {
    let mut out = egui::Mesh::default();
    out.indices.clone_from(&mesh.indices);
    out.vertices = mesh
        .vertices
        .iter()
        .map(|v| egui::epaint::Vertex {
            pos: t.screen([f64::from(v[0]), f64::from(v[1])]),
            uv: egui::epaint::WHITE_UV,
            color,
        })
        .collect();
    out
}

/// Lines in screen space, without the detail that would not show (a point less than half a point from
/// the last one kept, then any a third of a point off the line that skips it): each point drawn is
/// four more triangles, which a browser without a GPU pays for on every frame. A line is broken where
/// it enters a finer layer's ground (`hidden`), which draws its own coast there.
fn screen_lines(t: &Transform, lines: &[Line], visible: &Bounds, stroke: egui::Stroke, hidden: &[&Band]) -> Vec<Shape> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.bounds.intersects(visible)) {
        let hides = hidden.iter().any(|b| b.touches(&line.bounds));
        let mut run: Vec<Pos2> = Vec::with_capacity(line.points.len());
        let last_index = line.points.len().saturating_sub(1);
        for (k, p) in line.points.iter().enumerate() {
            if hides && hidden.iter().any(|b| b.covers(*p)) {
                out.extend(finish_run(&run, stroke));
                run.clear();
                continue;
            }
            let q = t.screen([f64::from(p[0]), f64::from(p[1])]);
            if k == last_index || run.last().is_none_or(|last| last.distance_sq(q) >= 0.25) {
                run.push(q);
            }
        }
        out.extend(finish_run(&run, stroke));
    }
    out
}

fn finish_run(points: &[Pos2], stroke: egui::Stroke) -> Option<Shape> {
    let flat: Vec<[f32; 2]> = points.iter().map(|p| [p.x, p.y]).collect();
    let points: Vec<Pos2> =
        crate::model::simplify::simplify(&flat, 0.33).into_iter().map(|[x, y]| pos2(x, y)).collect();
    (points.len() >= 2).then(|| Shape::line(points, stroke))
}
