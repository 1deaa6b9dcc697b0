//! Context eras: translucent bands behind the lanes and, at the foot of the timeline, a strip of
//! labelled bars laid out like item labels — eras that overlap go on rows of their own, a name that does
//! not fit its bar is shortened with an ellipsis, and the full name and dates are given on hover.

use egui::{FontId, Rect, Sense, pos2, vec2};

use super::axis::Axis;
use crate::state::State;
use crate::theme::{Palette, sizes};

/// An era in view: its index, its bar's left and right, and its row in the strip.
pub(super) struct EraBar {
    index: usize,
    x0: f32,
    x1: f32,
    row: usize,
}

/// The eras in view as bars (from `left`, the lanes' left edge past the headers) and the rows they take.
pub(super) fn layout(axis: &Axis, state: &State, left: f32) -> (Vec<EraBar>, usize) {
    let right = axis.left + axis.width;
    let mut bars: Vec<EraBar> = state
        .dataset()
        .eras
        .iter()
        .enumerate()
        .filter_map(|(index, era)| {
            let (a, b) = (era.start.anchor().0.0 as f64, era.end.anchor().1.0 as f64 + 1.0);
            let (x0, x1) = (axis.x_from_day(a).max(left), axis.x_from_day(b).min(right));
            (x1 > x0).then_some(EraBar { index, x0, x1, row: 0 })
        })
        .collect();
    bars.sort_by(|p, q| p.x0.total_cmp(&q.x0));
    let extents: Vec<(f32, f32)> = bars.iter().map(|b| (b.x0, b.x1)).collect();
    let (rows, count) = crate::state::lanes::stack_rows(&extents, sizes::ERA_GAP);
    for (bar, row) in bars.iter_mut().zip(rows) {
        bar.row = row;
    }
    (bars, count)
}

/// Height of the strip for `rows` rows (none without eras in view).
pub(super) fn strip_height(rows: usize) -> f32 {
    if rows == 0 { 0.0 } else { rows as f32 * sizes::ERA_ROW + 2.0 }
}

/// The bands behind the lanes, from the top of `lanes` to the bottom of the strip.
pub(super) fn paint_bands(painter: &egui::Painter, bars: &[EraBar], lanes: Rect, pal: &Palette) {
    for bar in bars {
        let band = Rect::from_min_max(pos2(bar.x0, lanes.top()), pos2(bar.x1, lanes.bottom()));
        painter.rect_filled(band, 0.0, pal.era_fill);
    }
}

/// The strip: one bar per era on its row, its name inside (shortened to fit), the rest on hover.
pub(super) fn strip_ui(ui: &egui::Ui, state: &State, bars: &[EraBar], strip: Rect, pal: &Palette) {
    let painter = ui.painter_at(strip);
    let font = FontId::proportional(sizes::ERA_LABEL_SIZE);
    for bar in bars {
        let Some(era) = state.dataset().eras.get(bar.index) else {
            continue;
        };
        let top = strip.top() + 1.0 + bar.row as f32 * sizes::ERA_ROW;
        let rect = Rect::from_min_max(pos2(bar.x0, top), pos2(bar.x1, top + sizes::ERA_ROW - 2.0));
        painter.rect_filled(rect, 2.0, pal.era_fill);
        painter.rect_filled(Rect::from_min_size(rect.min, vec2(2.0, rect.height())), 0.0, pal.grid_strong);
        let room = rect.width() - 8.0;
        if room >= sizes::ERA_MIN_LABEL {
            let galley = crate::views::elided(&painter, era.title.clone(), font.clone(), pal.weak_text, room);
            let y = rect.center().y - galley.size().y / 2.0;
            painter.galley(pos2(rect.left() + 5.0, y), galley, pal.weak_text);
        }
        let response = ui.interact(rect, ui.scope_id().with(("era", bar.index)), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &era.title));
        response.on_hover_ui(|ui| {
            ui.strong(&era.title);
            ui.label(format!("{} – {}", era.start, era.end));
        });
    }
}
