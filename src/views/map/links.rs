//! Links between initiatives on the map: for the selected initiative, a line from each of its places to
//! each place of every initiative it is linked to, drawn as the great-circle arc (Tokyo–Washington goes
//! over the North Pacific, not straight across the screen), coloured by kind, with a head at the far
//! end. Hovering a line names the relation.

use egui::{Pos2, Shape, vec2};

use crate::model::geo::{great_circle, project};
use crate::model::types::RelKind;
use crate::state::{Selection, State};
use crate::theme;
use crate::views::map::transform::Transform;

/// Most places of one initiative an arc is drawn from (or to).
const PLACES_PER_END: usize = 4;

/// Points along each arc.
const ARC_STEPS: usize = 48;

/// The arcs of the selected initiative's links: (from, to, kind, screen polylines).
fn arcs(state: &State, t: &Transform) -> Vec<(usize, usize, RelKind, Vec<Vec<Pos2>>)> {
    let Some(Selection::Initiative(s)) = state.selection() else { return Vec::new() };
    let index = state.index();
    let outgoing = index.relations_from(s).map(|(to, kind)| (s, to, kind));
    let all: Vec<_> = outgoing.chain(index.relations_to(s).map(|(from, kind)| (from, s, kind))).collect();
    let place = |l: usize| state.dataset().locations.get(l).map(|p| (p.lat, p.lon));
    let places_of = |i: usize| -> Vec<(f64, f64)> {
        index.places_of.get(i).unwrap_or_default().iter().take(PLACES_PER_END).filter_map(|&l| place(l)).collect()
    };
    all.into_iter()
        .map(|(from, to, kind)| {
            let mut pieces = Vec::new();
            for a in places_of(from) {
                for b in places_of(to) {
                    if (a.0 - b.0).abs() + (a.1 - b.1).abs() > 1e-6 {
                        pieces.extend(screen_arc(t, a, b));
                    }
                }
            }
            (from, to, kind, pieces)
        })
        .collect()
}

/// An arc on screen, broken where it crosses the map's edge meridian (half a world apart on screen).
fn screen_arc(t: &Transform, a: (f64, f64), b: (f64, f64)) -> Vec<Vec<Pos2>> {
    let mut pieces: Vec<Vec<Pos2>> = vec![Vec::new()];
    let mut last_x: Option<f64> = None;
    for (lat, lon) in great_circle(a, b, ARC_STEPS) {
        let w = project(lat, lon);
        if last_x.is_some_and(|x| (w.x - x).abs() > 0.5) {
            pieces.push(Vec::new());
        }
        last_x = Some(w.x);
        if let Some(piece) = pieces.last_mut() {
            piece.push(t.screen([w.x, w.y]));
        }
    }
    pieces.retain(|p| p.len() > 1);
    pieces
}

fn near(p: Pos2, line: &[Pos2]) -> bool {
    line.windows(2).any(|w| {
        let ab = w[1] - w[0];
        let t = ((p - w[0]).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
        (w[0] + ab * t - p).length() < 5.0
    })
}

/// Draws the arcs; hovering one names the relation on the map's tooltip.
pub fn arcs_ui(ui: &egui::Ui, state: &State, t: &Transform, background: &egui::Response) {
    let arcs = arcs(state, t);
    if arcs.is_empty() {
        return;
    }
    let painter = ui.painter_at(t.rect);
    let hover = background.hover_pos();
    let mut named = None;
    for (from, to, kind, lines) in &arcs {
        let color = theme::relation_color(*kind);
        let hovered = hover.is_some_and(|p| lines.iter().any(|l| near(p, l)));
        for line in lines {
            painter.add(Shape::line(line.clone(), theme::stroke(if hovered { 3.5 } else { 2.0 }, color)));
        }
        if let Some(line) = lines.last()
            && let [.., before, tip] = line.as_slice()
        {
            let dir = (*tip - *before).normalized();
            let side = vec2(-dir.y, dir.x) * 5.0;
            let head = vec![*tip, *tip - dir * 10.0 + side, *tip - dir * 10.0 - side];
            painter.add(Shape::convex_polygon(head, color, egui::Stroke::NONE));
        }
        if hovered {
            named = Some(crate::views::link_sentence(state, *from, *to, *kind));
        }
    }
    if let Some(words) = named {
        background.show_tooltip_text(words);
    }
}
