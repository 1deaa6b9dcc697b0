//! Painting one initiative's row honestly: a dot at the announcement, a bar while in progress, a diamond
//! at completion, a deadline bracket over a fading span for "by" targets, translucent bands over vague
//! periods and soft ends for "circa". The marks are drawn on a [`Canvas`]: the screen's painter, or a
//! printed page (`views/poster`), so paper shows exactly what the screen does.

use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::axis::Axis;
use crate::model::{FuzzyDate, Initiative, Qualifier, Status};
use crate::theme::{self, sizes};

/// Anything narrower than this many points is drawn as a point.
const POINT_WIDTH: f32 = 3.0;

/// Where the timeline's marks are drawn: the few shapes they are made of.
pub trait Canvas {
    /// A filled rectangle with rounded corners.
    fn rect(&mut self, rect: Rect, radius: f32, fill: Color32);
    /// A rectangle's outline, centred on its edge.
    fn rect_stroke(&mut self, rect: Rect, radius: f32, stroke: Stroke);
    /// A rectangle shaded from `left` to `right`, left to right.
    fn gradient(&mut self, rect: Rect, left: Color32, right: Color32);
    /// A filled circle with an outline.
    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke);
    /// An open polyline.
    fn line(&mut self, points: Vec<Pos2>, stroke: Stroke);
    /// A filled convex polygon with an outline.
    fn polygon(&mut self, points: Vec<Pos2>, fill: Color32, stroke: Stroke);
}

impl Canvas for &Painter {
    fn rect(&mut self, rect: Rect, radius: f32, fill: Color32) {
        self.rect_filled(rect, radius, fill);
    }
    fn rect_stroke(&mut self, rect: Rect, radius: f32, stroke: Stroke) {
        Painter::rect_stroke(self, rect, radius, stroke, egui::StrokeKind::Middle);
    }
    fn gradient(&mut self, rect: Rect, left: Color32, right: Color32) {
        let mut mesh = Mesh::default();
        mesh.colored_vertex(rect.left_top(), left);
        mesh.colored_vertex(rect.right_top(), right);
        mesh.colored_vertex(rect.right_bottom(), right);
        mesh.colored_vertex(rect.left_bottom(), left);
        mesh.add_triangle(0, 1, 2);
        mesh.add_triangle(0, 2, 3);
        self.add(Shape::mesh(mesh));
    }
    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
        Painter::circle(self, centre, radius, fill, stroke);
    }
    fn line(&mut self, points: Vec<Pos2>, stroke: Stroke) {
        self.add(Shape::line(points, stroke));
    }
    fn polygon(&mut self, points: Vec<Pos2>, fill: Color32, stroke: Stroke) {
        self.add(Shape::convex_polygon(points, fill, stroke));
    }
}

/// Screen x range of a date's stated period.
fn period_x(axis: &Axis, date: FuzzyDate) -> (f32, f32) {
    let (first, last) = date.anchor();
    (axis.x_from_day(first.0 as f64), axis.x_from_day(last.0 as f64 + 1.0))
}

/// Centre x of a date: the middle of its period.
pub fn centre_x(axis: &Axis, date: FuzzyDate) -> f32 {
    let (a, b) = period_x(axis, date);
    f32::midpoint(a, b)
}

/// A translucent band over a vague period, with soft ends when the date is "circa". Nothing for a
/// period too narrow to see.
fn vague_band(painter: &mut dyn Canvas, axis: &Axis, date: FuzzyDate, y: f32, color: Color32) {
    let (a, b) = period_x(axis, date);
    let half = sizes::BAR_HEIGHT / 2.0 + 2.0;
    let soft = theme::faded(color, 0.3);
    if b - a >= POINT_WIDTH {
        painter.rect(Rect::from_min_max(pos2(a, y - half), pos2(b, y + half)), 2.0, soft);
    }
    if date.qualifier == Qualifier::Circa {
        let (Some(lo), Some(hi)) = (date.earliest(), date.latest()) else {
            return;
        };
        let (lo, hi) = (axis.x_from_day(lo.0 as f64), axis.x_from_day(hi.0 as f64 + 1.0));
        let band = |x0: f32, x1: f32| Rect::from_min_max(pos2(x0, y - half), pos2(x1, y + half));
        painter.gradient(band(lo, a.min(b - 1.0)), Color32::TRANSPARENT, soft);
        painter.gradient(band(b.max(a + 1.0), hi), soft, Color32::TRANSPARENT);
    }
}

/// Where the in-progress bar runs, if the item has one.
fn bar_span(item: &Initiative) -> Option<(FuzzyDate, Option<FuzzyDate>, bool)> {
    let begin = item.start.or_else(|| item.announced.filter(|_| item.completed.is_some() || item.end.is_some()))?;
    let finish = item.completed.or(item.end);
    let open = finish.is_none() && matches!(item.status, Status::InProgress | Status::Ongoing);
    if finish.is_none() && !open {
        return None;
    }
    Some((begin, finish, open))
}

/// Paints an initiative's marks centred on `y`; returns the x range they cover.
pub fn paint_item(
    painter: &mut dyn Canvas,
    axis: &Axis,
    item: &Initiative,
    y: f32,
    color: Color32,
    today: f64,
) -> (f32, f32) {
    let mut extent = (f32::INFINITY, f32::NEG_INFINITY);
    let mut cover = |a: f32, b: f32| extent = (extent.0.min(a), extent.1.max(b));
    for (_, date) in item.dates() {
        vague_band(painter, axis, date, y, color);
        let (a, b) = period_x(axis, date);
        cover(a, b);
    }
    if let Some((begin, finish, open)) = bar_span(item) {
        let x0 = period_x(axis, begin).0;
        let x1 = match finish {
            Some(done) => centre_x(axis, done),
            None => axis.x_from_day(today),
        };
        let half = sizes::BAR_HEIGHT / 2.0;
        let bar = Rect::from_min_max(pos2(x0, y - half + 1.0), pos2(x1.max(x0 + 1.0), y + half - 1.0));
        if open {
            // Still running: the bar fades out towards today.
            painter.gradient(bar, theme::faded(color, 0.85), theme::faded(color, 0.25));
        } else {
            painter.rect(bar, 2.0, theme::faded(color, 0.85));
        }
        cover(x0, x1);
    }
    if let Some(announced) = item.announced {
        let x = centre_x(axis, announced);
        painter.circle(pos2(x, y), sizes::DOT_RADIUS, color, theme::stroke(1.0, Color32::BLACK.gamma_multiply(0.4)));
    }
    if let Some(target) = item.target {
        let anchor = item.start.or(item.announced).map(|d| period_x(axis, d).0);
        paint_target(painter, axis, target, anchor, y, color);
    }
    if let Some(done) = item.completed {
        diamond(painter, pos2(centre_x(axis, done), y), 6.0, color);
    }
    if let Some(end) = item.end.filter(|e| Some(*e) != item.completed) {
        let x = period_x(axis, end).1;
        painter.line(vec![pos2(x, y - 7.0), pos2(x, y + 7.0)], theme::stroke(2.5, color));
    }
    extent
}

/// The target: a deadline bracket over a fading span for "by", a bracket opening right for "not
/// before", an outlined window otherwise.
fn paint_target(painter: &mut dyn Canvas, axis: &Axis, target: FuzzyDate, anchor: Option<f32>, y: f32, color: Color32) {
    let (a, b) = period_x(axis, target);
    let h = 8.0;
    let stroke = theme::stroke(2.0, color);
    match target.qualifier {
        Qualifier::By => {
            let from = anchor.unwrap_or(a).min(b - 1.0);
            let band = Rect::from_min_max(pos2(from, y - 4.0), pos2(b, y + 4.0));
            painter.gradient(band, Color32::TRANSPARENT, theme::faded(color, 0.45));
            bracket(painter, b, y, h, -1.0, stroke);
        }
        Qualifier::NotBefore => {
            let band = Rect::from_min_max(pos2(a, y - 4.0), pos2(a + (b - a).max(30.0), y + 4.0));
            painter.gradient(band, theme::faded(color, 0.45), Color32::TRANSPARENT);
            bracket(painter, a, y, h, 1.0, stroke);
        }
        _ => {
            let rect = Rect::from_min_max(pos2(a, y - h), pos2(b.max(a + 2.0), y + h));
            painter.rect_stroke(rect, 2.0, theme::stroke(1.5, color));
        }
    }
}

/// A square bracket at `x`, its serifs pointing `dir` (−1 left, +1 right).
fn bracket(painter: &mut dyn Canvas, x: f32, y: f32, h: f32, dir: f32, stroke: Stroke) {
    let serif = 5.0 * dir;
    painter.line(vec![pos2(x + serif, y - h), pos2(x, y - h), pos2(x, y + h), pos2(x + serif, y + h)], stroke);
}

/// A filled diamond with a thin outline.
pub fn diamond(painter: &mut dyn Canvas, centre: Pos2, r: f32, color: Color32) {
    let points = vec![centre + vec2(0.0, -r), centre + vec2(r, 0.0), centre + vec2(0.0, r), centre + vec2(-r, 0.0)];
    painter.polygon(points, color, theme::stroke(1.0, Color32::BLACK.gamma_multiply(0.5)));
}

/// Paints one legend sample.
pub type Sample = fn(&mut dyn Canvas, Rect, Color32);

/// The legend's entries: a sample painter and its meaning (the screen's legend and the poster's).
pub fn legend_entries() -> [(&'static str, Sample); 7] {
    [
        ("announced", |p, r, c| p.circle(r.center(), sizes::DOT_RADIUS, c, Stroke::NONE)),
        ("in progress", |p, r, c| p.rect(r.shrink2(vec2(0.0, 5.0)), 2.0, c)),
        ("completed", |p, r, c| diamond(p, r.center(), 6.0, c)),
        ("by (deadline; any time before)", |p, r, c| {
            p.gradient(r.shrink2(vec2(0.0, 5.0)), Color32::TRANSPARENT, theme::faded(c, 0.45));
            bracket(p, r.right() - 1.0, r.center().y, 7.0, -1.0, theme::stroke(2.0, c));
        }),
        ("target window", |p, r, c| p.rect_stroke(r.shrink2(vec2(4.0, 2.0)), 2.0, theme::stroke(1.5, c))),
        ("vague date (month, year, FY)", |p, r, c| p.rect(r.shrink2(vec2(0.0, 3.0)), 2.0, theme::faded(c, 0.3))),
        ("circa (soft ends)", |p, r, c| {
            let r = r.shrink2(vec2(0.0, 3.0));
            let (left, right) = r.split_left_right_at_x(r.center().x);
            p.gradient(left, Color32::TRANSPARENT, theme::faded(c, 0.3));
            p.gradient(right, theme::faded(c, 0.3), Color32::TRANSPARENT);
        }),
    ]
}

/// The legend: each sample with its words, wrapping as one widget; then `extra`.
pub fn legend_ui(ui: &mut egui::Ui, color: Color32, extra: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 14.0;
        for (text, sample) in legend_entries() {
            // Sample and words are one widget, so they wrap together.
            let galley = ui.painter().layout_no_wrap(text.to_owned(), egui::FontId::proportional(11.5), color);
            let size = vec2(28.0 + galley.size().x, 18.0_f32.max(galley.size().y));
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let sample_rect = Rect::from_min_size(rect.min, vec2(24.0, rect.height()));
            sample(&mut ui.painter(), sample_rect, color);
            let text_pos = pos2(rect.min.x + 28.0, rect.center().y - galley.size().y / 2.0);
            ui.painter().galley(text_pos, galley, color);
        }
        extra(ui);
    });
}
