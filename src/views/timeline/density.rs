//! Lanes denser than the pixels: a density chart of how many initiatives start in each few pixels, with
//! the lane's count in view. Its cost follows the pixels (two binary searches a bin), not the items.
//! Hovering tells a bar's count and dates; clicking zooms the timeline into the bars around the pointer
//! until single items fit again.

use egui::emath::GuiRounding as _;
use egui::{Align2, FontId, Rect, Sense, pos2};

use super::axis::Axis;
use crate::model::Day;
use crate::model::view::TimeView;
use crate::state::lanes::Lane;
use crate::state::{Command, State};
use crate::theme::{self, Palette};

/// Width of one bar, in points.
const BIN: f32 = 3.0;

/// Paints the density chart of `lane` in `rect` (the lane's body right of its header) and handles its
/// hover and click. `in_view` is the number of items whose spans meet the window.
#[expect(clippy::too_many_arguments, reason = "one lane's geometry, data and colours")]
pub(super) fn lane_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    state: &State,
    axis: &Axis,
    lane: &Lane,
    rect: Rect,
    in_view: usize,
    color: egui::Color32,
    commands: &mut Vec<Command>,
) {
    let pal: Palette = theme::palette(state.theme());
    let view = state.time_view();
    let bins = ((axis.width / BIN) as usize).max(1);
    let counts = lane.start_bins(view.start, view.end, bins);
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let chart =
        Rect::from_min_max(pos2(axis.left, rect.top() + 16.0), pos2(axis.left + axis.width, rect.bottom() - 2.0));
    // One mesh of bars on whole pixels, two triangles each: crisp without the feathered edges egui gives
    // each rectangle (ten triangles), which a browser without a GPU pays for on every frame.
    let mut bars = egui::Mesh::default();
    let ppp = ui.ctx().pixels_per_point();
    for (b, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        // Square-root scale: a lone item stays visible next to a bin of thousands.
        let h = ((count as f32 / most as f32).sqrt() * chart.height()).max(2.0);
        let x = axis.left + b as f32 * BIN;
        let bar = Rect::from_min_max(pos2(x, chart.bottom() - h), pos2(x + BIN - 1.0, chart.bottom()));
        bars.add_colored_rect(bar.round_to_pixels(ppp), color);
    }
    painter.add(egui::Shape::mesh(bars));
    let words = format!("{} initiatives in view · density of starts · click to zoom in", group_digits(in_view));
    painter.text(
        pos2(axis.left + 4.0, rect.top() + 2.0),
        Align2::LEFT_TOP,
        &words,
        FontId::proportional(11.0),
        pal.weak_text,
    );

    let response = ui.interact(chart, ui.scope_id().with(("density", &lane.label)), Sense::click());
    let label = format!("{}: {}", lane.label, words);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    let Some(at) = response.hover_pos() else { return };
    let b = (((at.x - axis.left) / BIN) as usize).min(bins - 1);
    let slice = |b: f64| view.start + view.span() * b / bins as f64;
    let (from, to) = (slice(b as f64), slice(b as f64 + 1.0));
    if response.clicked() {
        // Zoom around the pointer to a window a fortieth as wide (or at least two weeks).
        let span = (view.span() / 40.0).max(14.0);
        let centre = axis.day_from_x(at.x);
        commands.push(Command::SetTimeView(TimeView { start: centre - span / 2.0, end: centre + span / 2.0 }));
    }
    let count = counts.get(b).copied().unwrap_or(0);
    response.on_hover_text(format!(
        "{} starting {} – {}",
        group_digits(count as usize),
        Day(from.floor() as i64).ymd_words(),
        Day(to.floor() as i64).ymd_words()
    ));
}

/// 1234567 → "1,234,567".
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_are_grouped_in_thousands() {
        assert_eq!(super::group_digits(0), "0");
        assert_eq!(super::group_digits(999), "999");
        assert_eq!(super::group_digits(1000), "1,000");
        assert_eq!(super::group_digits(1_234_567), "1,234,567");
    }
}
