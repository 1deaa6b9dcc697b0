//! The days marked across the timeline: the grid of ticks, today, the as-of day and, comparing, the
//! "from" day with the span between tinted.

use egui::{Align2, FontId, Rect, pos2};

use super::axis::{self, Axis, ticks};
use crate::state::State;
use crate::theme::{self, Palette, sizes};

pub(super) fn paint_grid(painter: &egui::Painter, axis: &Axis, body: Rect, pal: &Palette) {
    let font = FontId::proportional(11.5);
    let mut last_label_end = f32::NEG_INFINITY;
    for tick in ticks(axis) {
        let x = axis.x_from_day(tick.day);
        if x < body.left() - 1.0 || x > body.right() {
            continue;
        }
        let color = if tick.major { pal.grid_strong } else { pal.grid };
        painter.line_segment([pos2(x, body.top() + 18.0), pos2(x, body.bottom())], theme::stroke(1.0, color));
        // The axis promises non-overlapping labels; measuring here keeps that true for any font.
        let galley = painter.layout_no_wrap(tick.label, font.clone(), pal.weak_text);
        // A label that would run past the right edge is left out rather than cut.
        if x + 3.0 > last_label_end && x + 3.0 + galley.size().x <= body.right() {
            last_label_end = x + 3.0 + galley.size().x + axis::LABEL_GAP / 2.0;
            painter.galley(pos2(x + 3.0, body.top() + 4.0), galley, pal.weak_text);
        }
    }
    painter.line_segment(
        [pos2(body.left(), body.top() + sizes::AXIS_HEIGHT), pos2(body.right(), body.top() + sizes::AXIS_HEIGHT)],
        theme::stroke(1.0, pal.grid_strong),
    );
}

pub(super) fn paint_today(painter: &egui::Painter, axis: &Axis, body: Rect, state: &State, pal: &Palette) {
    let x = axis.x_from_day(state.today().0 as f64 + 0.5);
    if x >= body.left() && x <= body.right() {
        painter.line_segment([pos2(x, body.top() + 18.0), pos2(x, body.bottom())], theme::stroke(1.5, pal.today));
        painter.text(
            pos2(x + 3.0, body.top() + 20.0),
            Align2::LEFT_TOP,
            "today",
            FontId::proportional(10.5),
            pal.today,
        );
    }
}

/// With an as-of day, what came later is greyed out behind a veil, and the day is marked.
pub(super) fn paint_as_of(painter: &egui::Painter, axis: &Axis, body: Rect, state: &State, pal: &Palette) {
    let Some(day) = state.focus().filter().as_of else {
        return;
    };
    // Not `clamp`: a panel squeezed to nothing has its right edge left of its left (the soak test).
    let x = axis.x_from_day(day as f64 + 1.0).min(body.right()).max(body.left());
    let veil = Rect::from_min_max(pos2(x, body.top() + sizes::AXIS_HEIGHT), body.max);
    painter.rect_filled(veil, 0.0, theme::faded(pal.canvas, 0.7));
    painter.line_segment([pos2(x, body.top() + 18.0), pos2(x, body.bottom())], theme::stroke(2.0, pal.as_of));
    // Comparing, the two labels sit outside the span between the days where there is room.
    let comparing = state.focus().comparison();
    let word = if comparing.is_some() { "to" } else { "as of" };
    let label = format!("{word} {}", crate::model::Day(day).ymd_words());
    day_label(painter, body, (x, comparing.is_some()), label, pal);
    // Comparing: the "from" day is marked too, and the span between is tinted.
    let Some(cmp) = comparing else { return };
    let x0 = axis.x_from_day(cmp.from as f64).min(x).max(body.left());
    let span = Rect::from_min_max(pos2(x0, body.top() + sizes::AXIS_HEIGHT), pos2(x, body.bottom()));
    painter.rect_filled(span, 0.0, theme::faded(pal.as_of, theme::COMPARE_SPAN_ALPHA));
    painter.line_segment([pos2(x0, body.top() + 18.0), pos2(x0, body.bottom())], theme::stroke(2.0, pal.as_of));
    day_label(painter, body, (x0, false), format!("from {}", crate::model::Day(cmp.from).ymd_words()), pal);
}

/// A day's label beside its line at `x`: to the right when asked and there is room, else to the left
/// (and to the right again when the left has no room either).
fn day_label(painter: &egui::Painter, body: Rect, (x, right): (f32, bool), text: String, pal: &Palette) {
    let galley = painter.layout_no_wrap(text, FontId::proportional(10.5), pal.as_of);
    let w = galley.size().x + 3.0;
    let fits_right = x + w <= body.right();
    let left = if fits_right && (right || x - w < body.left()) { x + 3.0 } else { x - w };
    painter.galley(pos2(left, body.top() + 20.0), galley, pal.as_of);
}
