//! The selected initiative's links in the detail panel: a section per kind and direction ("Depends
//! on", "Enabled by" …) with links, and a small graph of its neighbourhood two steps out, laid out in
//! rings around it, every node clickable.

use egui::{Align2, FontId, Pos2, Rect, Sense, Shape, pos2, vec2};

use crate::model::types::RelKind;
use crate::state::{Command, Origin, Selection, State};
use crate::theme;

/// Most nodes the graph shows.
const GRAPH_NODES: usize = 25;

/// Height of the graph.
const GRAPH_HEIGHT: f32 = 220.0;

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The sections per kind and direction; nothing when the initiative has no links.
pub fn relations_ui(ui: &mut egui::Ui, state: &State, i: usize, commands: &mut Vec<Command>) {
    let index = state.index();
    let out: Vec<(usize, RelKind)> = index.relations_from(i).collect();
    let inc: Vec<(usize, RelKind)> = index.relations_to(i).collect();
    if out.is_empty() && inc.is_empty() {
        return;
    }
    for kind in RelKind::ALL {
        let sections = [(kind.label(), &out, true), (kind.inverse_label(), &inc, false)];
        for (heading, list, forward) in sections {
            let others: Vec<usize> = list.iter().filter(|(_, k)| *k == kind).map(|(j, _)| *j).collect();
            if others.is_empty() {
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                let color = theme::relation_color(kind);
                ui.label(egui::RichText::new(format!("{}:", capitalised(heading))).color(color).strong());
                for j in others {
                    let Some(other) = state.dataset().initiatives.get(j) else { continue };
                    let (from, to) = if forward { (i, j) } else { (j, i) };
                    let words = crate::views::link_sentence(state, from, to, kind);
                    if ui.link(&other.title).on_hover_text(words).clicked() {
                        commands.push(Command::Select(Selection::Initiative(j), Origin::Detail));
                    }
                }
            });
        }
    }
}

/// Node positions: the initiative at the centre, each ring of distance `d` at radius `d × step`, the
/// second ring in the order of the first so neighbours sit near what links them.
fn layout(nodes: &[(usize, usize)], centre: Pos2, step: f32) -> Vec<Pos2> {
    let ring = |d: usize| nodes.iter().filter(|n| n.1 == d).count().max(1);
    let mut seen = [0usize; 3];
    nodes
        .iter()
        .map(|&(_, d)| {
            if d == 0 {
                return centre;
            }
            let d = d.min(2);
            let k = seen[d];
            seen[d] += 1;
            // The outer ring is turned half a slot so its nodes fall between the inner ones.
            let turn = if d == 2 { 0.5 } else { 0.0 };
            let angle = std::f32::consts::TAU * (k as f32 + turn) / ring(d) as f32 - std::f32::consts::FRAC_PI_2;
            centre + vec2(angle.cos() * 1.6, angle.sin()) * step * d as f32
        })
        .collect()
}

/// The neighbourhood graph under a "Links" heading; nothing when the initiative has no links.
pub fn graph_ui(ui: &mut egui::Ui, state: &State, i: usize, commands: &mut Vec<Command>) {
    let nodes = state.index().neighbourhood(i, 2, GRAPH_NODES);
    if nodes.len() < 2 {
        return;
    }
    egui::CollapsingHeader::new("Links, two steps out").id_salt("links_graph").default_open(true).show(ui, |ui| {
        graph(ui, state, &nodes, commands);
    });
}

fn graph(ui: &mut egui::Ui, state: &State, nodes: &[(usize, usize)], commands: &mut Vec<Command>) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), GRAPH_HEIGHT), Sense::hover());
    let pal = theme::palette(state.theme());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, pal.canvas);
    let step = (rect.height() / 2.0 - 22.0) / 2.0;
    let at = layout(nodes, rect.center(), step.min(rect.width() / 7.0));
    let position = |j: usize| nodes.iter().position(|n| n.0 == j).and_then(|k| at.get(k).copied());
    for (k, &(a, _)) in nodes.iter().enumerate() {
        for (b, kind) in state.index().relations_from(a) {
            let (Some(p), Some(q)) = (at.get(k).copied(), position(b)) else { continue };
            let dir = (q - p).normalized();
            let (p, q) = (p + dir * 7.0, q - dir * 8.0);
            let color = theme::relation_color(kind);
            painter.line_segment([p, q], theme::stroke(1.5, color));
            let side = vec2(-dir.y, dir.x) * 3.5;
            painter.add(Shape::convex_polygon(
                vec![q, q - dir * 7.0 + side, q - dir * 7.0 - side],
                color,
                egui::Stroke::NONE,
            ));
        }
    }
    let mut labels: Vec<Rect> = Vec::new();
    for (k, &(j, d)) in nodes.iter().enumerate() {
        let (Some(p), Some(item)) = (at.get(k).copied(), state.dataset().initiatives.get(j)) else { continue };
        let color = if d == 0 { pal.selection } else { pal.text };
        painter.circle_filled(p, if d == 0 { 7.0 } else { 5.0 }, color);
        let node = Rect::from_center_size(p, vec2(16.0, 16.0));
        let response = ui.interact(node, ui.scope_id().with(("graph_node", j)), Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &item.title));
        // Names go beside their node, outwards; one that would overlap a name already drawn (or leave
        // the graph) is left to the hover, so names never pile up.
        if let Some((pos, galley)) = node_label(&painter, rect, p, &item.title, color)
            && !labels.iter().any(|r| r.intersects(Rect::from_min_size(pos, galley.size()).expand(2.0)))
        {
            labels.push(Rect::from_min_size(pos, galley.size()));
            painter.galley(pos, galley, color);
        }
        if response.on_hover_text(&item.title).clicked() && d > 0 {
            commands.push(Command::Select(Selection::Initiative(j), Origin::Detail));
        }
    }
}

/// Where a node's name goes: beside it on the side away from the centre (above or below for nodes
/// near the middle), elided to the room there; `None` when there is no room.
fn node_label(
    painter: &egui::Painter,
    rect: Rect,
    p: Pos2,
    title: &str,
    color: egui::Color32,
) -> Option<(Pos2, std::sync::Arc<egui::Galley>)> {
    let dx = p.x - rect.center().x;
    let font = FontId::proportional(11.0);
    let (anchor, at, room) = if dx.abs() < 20.0 {
        let below = p.y >= rect.center().y;
        let anchor = if below { Align2::CENTER_TOP } else { Align2::CENTER_BOTTOM };
        (anchor, pos2(p.x, if below { p.y + 8.0 } else { p.y - 8.0 }), rect.width() * 0.45)
    } else if dx > 0.0 {
        (Align2::LEFT_CENTER, pos2(p.x + 9.0, p.y), rect.right() - p.x - 12.0)
    } else {
        (Align2::RIGHT_CENTER, pos2(p.x - 9.0, p.y), p.x - rect.left() - 12.0)
    };
    if room < 30.0 {
        return None;
    }
    let galley = crate::views::elided(painter, title.to_owned(), font, color, room.min(160.0));
    let pos = anchor.anchor_size(at, galley.size()).min;
    rect.contains_rect(Rect::from_min_size(pos, galley.size())).then_some((pos, galley))
}
