//! Links between initiatives on the timeline: for the selected initiative (or every drawn one, with
//! "All links"), an arrow per relation from the end of the earlier mark to the start of the later one,
//! across lanes, coloured by kind. Each arrow is routed as three straight runs (along the first mark's
//! line, down or up, along the second's), its upright run placed where it crosses the fewest labels.
//! Hovering an arrow names the relation; its head is a widget ("enables: …") that selects the other end.

use egui::{Pos2, Rect, Sense, Shape, pos2, vec2};

use crate::model::types::RelKind;
use crate::state::{Command, Origin, Selection, State};
use crate::theme;

/// Where a drawn item is: its marks (left x, right x, y of the marks line) and its label.
#[derive(Clone, Copy, Debug)]
pub(super) struct Drawn {
    /// The initiative.
    pub i: usize,
    /// Left and right ends of its marks, and the marks' line.
    pub marks: (f32, f32, f32),
    /// Its label's rect.
    pub label: Rect,
}

/// One arrow: `from` relates to `to` by `kind` (the sentence "from kind to").
struct Arrow {
    from: usize,
    to: usize,
    kind: RelKind,
    path: [Pos2; 4],
}

/// The relations to draw: of the selected initiative (both ways), or of every drawn item.
fn wanted(state: &State, drawn: &[Drawn], all: bool) -> Vec<(usize, usize, RelKind)> {
    let index = state.index();
    if all {
        return drawn.iter().flat_map(|d| index.relations_from(d.i).map(move |(to, kind)| (d.i, to, kind))).collect();
    }
    let Some(Selection::Initiative(s)) = state.selection() else { return Vec::new() };
    let out = index.relations_from(s).map(|(to, kind)| (s, to, kind));
    out.chain(index.relations_to(s).map(|(from, kind)| (from, s, kind))).collect()
}

/// How many labels (other than the two ends') a vertical run at `x` from `y0` to `y1` crosses.
fn crossings(drawn: &[Drawn], x: f32, (y0, y1): (f32, f32), ends: (usize, usize)) -> usize {
    let run = Rect::from_min_max(pos2(x - 1.0, y0.min(y1)), pos2(x + 1.0, y0.max(y1)));
    drawn.iter().filter(|d| d.i != ends.0 && d.i != ends.1 && d.label.intersects(run)).count()
}

/// The route from the end of `a`'s marks (its start, when `b` begins before `a` ends) to the start of
/// `b`'s (`a` the earlier): three runs, the
/// upright one where it crosses the fewest labels (nearest the later mark among equals).
fn route(drawn: &[Drawn], a: &Drawn, b: &Drawn) -> [Pos2; 4] {
    // When the two overlap in time, the link leaves from the earlier one's start, not back from its end.
    let leave = if a.marks.1 <= b.marks.0 { a.marks.1 + 2.0 } else { a.marks.0 };
    let start = pos2(leave, a.marks.2);
    let end = pos2(b.marks.0 - 2.0, b.marks.2);
    let (lo, hi) = (start.x.min(end.x) - 12.0, start.x.max(end.x) + 12.0);
    let ys = (start.y, end.y);
    let x = (0..=16)
        .map(|k| {
            // Candidates from just before the later mark back to just after the earlier one.
            let x = end.x - 8.0 - (end.x - 8.0 - (start.x + 8.0)) * k as f32 / 16.0;
            x.clamp(lo, hi)
        })
        .min_by_key(|&x| crossings(drawn, x, ys, (a.i, b.i)))
        .unwrap_or(end.x - 8.0);
    [start, pos2(x, start.y), pos2(x, end.y), end]
}

fn arrows(state: &State, drawn: &[Drawn], all: bool) -> Vec<Arrow> {
    let at = |i: usize| drawn.iter().find(|d| d.i == i);
    wanted(state, drawn, all)
        .into_iter()
        .filter_map(|(from, to, kind)| {
            let (f, t) = (at(from)?, at(to)?);
            // The path runs forward in time; the head goes at `to`'s end of it.
            let path = if f.marks.0 <= t.marks.0 { route(drawn, f, t) } else { reverse(route(drawn, t, f)) };
            Some(Arrow { from, to, kind, path })
        })
        .collect()
}

fn reverse(p: [Pos2; 4]) -> [Pos2; 4] {
    [p[3], p[2], p[1], p[0]]
}

/// Distance from `p` to the segment `a`–`b`.
fn distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

/// Draws the arrows; hovering one names it, clicking its head selects the other end.
pub(super) fn links_ui(ui: &mut egui::Ui, state: &State, drawn: &[Drawn], area: Rect, commands: &mut Vec<Command>) {
    let all = ui.data(|d| d.get_temp::<bool>(all_links_id())).unwrap_or(false);
    let arrows = arrows(state, drawn, all);
    if arrows.is_empty() {
        return;
    }
    let painter = ui.painter_at(area);
    let hover = ui.input(|i| i.pointer.hover_pos());
    let selected = match state.selection() {
        Some(Selection::Initiative(s)) => Some(s),
        _ => None,
    };
    for (n, arrow) in arrows.iter().enumerate() {
        let color = theme::relation_color(arrow.kind);
        let hovered = hover.is_some_and(|p| arrow.path.windows(2).any(|w| distance(p, w[0], w[1]) < 5.0));
        let width = if hovered { 3.0 } else { 1.8 };
        painter.add(Shape::line(arrow.path.to_vec(), theme::stroke(width, color)));
        let head = arrow_head(arrow.path[2], arrow.path[3]);
        painter.add(Shape::convex_polygon(head.to_vec(), color, egui::Stroke::NONE));
        let tip = arrow.path[3];
        let other = if selected == Some(arrow.to) { arrow.from } else { arrow.to };
        let words = crate::views::link_sentence(state, arrow.from, arrow.to, arrow.kind);
        let rect = Rect::from_center_size(tip, vec2(14.0, 14.0)).intersect(area);
        let response = ui.interact(rect, ui.scope_id().with(("timeline_link", n)), Sense::click());
        let label = format!("{}: {}", arrow.kind.label(), title_of(state, other));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let response = response.on_hover_text(&words);
        // Hovering anywhere along the arrow names it too (at its head).
        if hovered && !response.hovered() {
            response.show_tooltip_text(&words);
        }
        if response.clicked() {
            commands.push(Command::Select(Selection::Initiative(other), Origin::Timeline));
        }
    }
}

fn title_of(state: &State, i: usize) -> &str {
    state.dataset().initiatives.get(i).map_or("", |x| x.title.as_str())
}

/// A triangle at `tip` pointing away from `from`.
fn arrow_head(from: Pos2, tip: Pos2) -> [Pos2; 3] {
    let dir = (tip - from).normalized();
    let dir = if dir.is_finite() { dir } else { vec2(1.0, 0.0) };
    let side = vec2(-dir.y, dir.x) * 4.0;
    [tip, tip - dir * 8.0 + side, tip - dir * 8.0 - side]
}

/// Where the "All links" toggle keeps its choice (a view setting, like the lane scroll).
pub fn all_links_id() -> egui::Id {
    egui::Id::unique("timeline_all_links")
}

/// The "All links" toggle, in the timeline's footer.
pub(super) fn toggle_ui(ui: &mut egui::Ui) {
    let mut all = ui.data(|d| d.get_temp::<bool>(all_links_id())).unwrap_or(false);
    let hint = "Draw the links of every initiative in view, not only the selected one's";
    if ui.checkbox(&mut all, "All links").on_hover_text(hint).changed() {
        ui.data_mut(|d| d.insert_temp(all_links_id(), all));
    }
}
