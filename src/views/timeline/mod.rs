//! The timeline: an adaptive time axis over lanes of initiatives, with pan, zoom, selection and a
//! legend. Every item gets an interact rect with its title, so screen readers and UI tests can find it.

pub mod axis;
mod days;
mod density;
mod edit;
mod eras;
mod input;
mod links;
pub mod paint;

use egui::{FontId, Id, Rect, Sense, pos2, vec2};

use self::axis::Axis;
use crate::model::compare::ChangeKind;
use crate::state::{Command, Origin, Selection, State};
use crate::theme::{self, Palette, sizes};
use crate::views::detail::dates_in_words;

/// Height of one row: a label line over a marks line.
pub const ROW: f32 = 34.0;

/// Draws the timeline in the space left in `ui`; returns the user's commands.
pub fn timeline_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut commands = Vec::new();
    let pal = theme::palette(state.theme());
    let id = ui.scope_id().with("timeline");
    // The legend and the undated initiatives take the height they need; the timeline the rest.
    egui::Panel::bottom(id.with("footer")).resizable(false).show_separator_line(false).show(ui, |ui| {
        // A slide shows no toggles: the deck's step decides what is drawn.
        let presenting = state.presenting().is_some();
        paint::legend_ui(ui, pal.weak_text, |ui| {
            if !presenting {
                links::toggle_ui(ui);
            }
        });
        undated_ui(ui, state, &mut commands);
    });
    let rect = ui.available_rect_before_wrap();
    let background = ui.interact(rect, id, Sense::click_and_drag());
    let body = Rect::from_min_max(pos2(rect.left() + sizes::LANE_HEADER_WIDTH, rect.top()), rect.max);
    let axis = Axis { left: body.left(), width: body.width(), view: state.time_view() };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, pal.canvas);
    let (eras, era_rows) = eras::layout(&axis, state, body.left());
    let strip_top = rect.bottom() - eras::strip_height(era_rows);
    let lanes_rect =
        Rect::from_min_max(pos2(rect.left(), rect.top() + sizes::AXIS_HEIGHT), pos2(rect.right(), strip_top));
    eras::paint_bands(&painter, &eras, lanes_rect.with_max_y(rect.bottom()), &pal);
    days::paint_grid(&painter, &axis, body, &pal);
    let scroll_id = id.with("lane_scroll");
    let mut scroll: f32 = ui.data(|d| d.get_temp(scroll_id)).unwrap_or(0.0);
    let mut drawn = Vec::new();
    let content_height = lanes_ui(ui, state, (&axis, lanes_rect, scroll), &mut drawn, &mut commands);
    links::links_ui(ui, state, &drawn, lanes_rect.intersect(Rect::everything_right_of(body.left())), &mut commands);
    days::paint_today(&painter, &axis, body, state, &pal);
    days::paint_as_of(&painter, &axis, body, state, &pal);
    scroll = input::interact(ui, state, &background, &axis, &mut commands, scroll);
    edit::add_here_menu(&background, &axis, state, &mut commands);
    let max_scroll = (content_height - lanes_rect.height()).max(0.0);
    ui.data_mut(|d| d.insert_temp(scroll_id, scroll.clamp(0.0, max_scroll)));
    paint_scrollbar(&painter, lanes_rect, scroll, content_height, &pal);
    eras::strip_ui(ui, state, &eras, Rect::from_min_max(pos2(body.left(), strip_top), rect.max), &pal);
    ui.advance_cursor_after_rect(rect);
    if state.presenting().is_none() {
        input::maximise_button_ui(ui, state, rect, &mut commands);
    }
    commands
}

/// Most items a lane draws one by one; a lane with more in view shows a density chart instead.
fn item_budget(axis: &Axis) -> usize {
    ((axis.width / 20.0) as usize).max(40)
}

/// Height of a lane drawn as a density chart.
const DENSE_HEIGHT: f32 = 2.0 * ROW;

/// Lays out and paints every lane; returns the content height. Each lane looks up the items in the
/// time window with two binary searches; lanes off screen are sized from estimated label widths and
/// not drawn; lanes denser than [`item_budget`] draw a density chart. No work follows the item count.
fn lanes_ui(
    ui: &mut egui::Ui,
    state: &State,
    (axis, area, scroll): (&Axis, Rect, f32),
    drawn: &mut Vec<links::Drawn>,
    commands: &mut Vec<Command>,
) -> f32 {
    let pal = theme::palette(state.theme());
    let painter = ui.painter_at(area);
    let font = FontId::proportional(sizes::LABEL_SIZE);
    let mut y = area.top() - scroll;
    let any_selected = state.selection().is_some();
    let view = state.time_view();
    for (lane_no, lane) in state.lanes().iter().enumerate() {
        let top = y;
        let window = lane.window(view.start, view.end);
        let lane_color = lane_color(state.dataset(), &lane.key, pal.weak_text);
        let dense = window.len() > item_budget(axis);
        let items = lane.items.get(window.clone()).unwrap_or_default();
        let estimated = if dense { DENSE_HEIGHT + sizes::LANE_GAP } else { estimated_height(state, axis, items) };
        if top > area.bottom() || top + estimated < area.top() {
            y += estimated;
            continue;
        }
        let (rows, galleys, height) = if dense {
            (Vec::new(), Vec::new(), estimated)
        } else {
            let (extents, galleys) = measure_lane(&painter, state, axis, items, &font, pal.text);
            let (rows, row_count) = crate::state::lanes::stack_rows(&extents, sizes::LABEL_GAP);
            (rows, galleys, row_count.max(1) as f32 * ROW + sizes::LANE_GAP)
        };
        if lane_no % 2 == 1 {
            painter.rect_filled(
                Rect::from_min_max(pos2(area.left(), top), pos2(area.right(), top + height)),
                0.0,
                pal.lane_band,
            );
        }
        if dense {
            let body = Rect::from_min_max(pos2(axis.left, top), pos2(area.right(), top + height - sizes::LANE_GAP));
            density::lane_ui(ui, &painter, state, axis, lane, body, window.len(), lane_color, commands);
        }
        for ((i, galley, x0, label_x), row) in galleys.into_iter().zip(rows) {
            let row_top = top + row as f32 * ROW;
            if row_top > area.bottom() || row_top + ROW < area.top() {
                continue;
            }
            let Some(item) = state.dataset().initiatives.get(i) else {
                continue;
            };
            // Comparing, an item takes its change's colour; the unchanged keep theirs and fade.
            let change = state.change_kind(i);
            let color = match change {
                Some(kind) if kind != ChangeKind::Unchanged => theme::change_color(kind),
                _ => item_color(state.dataset(), i, lane_color),
            };
            let highlighted = state.is_highlighted(i);
            let unchanged = if change == Some(ChangeKind::Unchanged) { theme::UNCHANGED_ALPHA } else { 1.0 };
            let alpha = if any_selected && !highlighted { pal.dim.min(unchanged) } else { unchanged };
            let marks_y = row_top + ROW - 10.0;
            let (m0, m1) = paint::paint_item(
                &mut &painter,
                axis,
                item,
                marks_y,
                theme::faded(color, alpha),
                state.today().0 as f64,
            );
            let text_color = if highlighted { pal.selection } else { theme::faded(pal.text, alpha.max(0.55)) };
            let label_rect = Rect::from_min_size(pos2(label_x, row_top + 3.0), galley.size());
            // A row half scrolled out of view shows its marks, not half of its label.
            if area.contains_rect(label_rect) {
                painter.galley(label_rect.min, galley, text_color);
            }
            let hit = Rect::from_min_max(
                pos2(m0.min(x0).min(label_rect.left()) - 4.0, row_top + 1.0),
                pos2(m1.max(label_rect.right()) + 4.0, row_top + ROW - 1.0),
            )
            .intersect(area.intersect(Rect::everything_right_of(axis.left)));
            if highlighted {
                painter.rect_stroke(hit, 3.0, theme::stroke(1.5, pal.selection), egui::StrokeKind::Inside);
            }
            item_response(ui, state, (i, axis), hit, commands);
            drawn.push(links::Drawn { i, marks: (m0, m1, marks_y), label: label_rect });
        }
        paint_lane_header(&painter, area, top, height, &lane.label, lane_color, &pal);
        y += height;
    }
    y + scroll - area.top()
}

/// A lane's height from label widths estimated by character (no text layout): for lanes off screen.
fn estimated_height(state: &State, axis: &Axis, items: &[usize]) -> f32 {
    let extents: Vec<(f32, f32)> = items
        .iter()
        .filter_map(|&i| {
            let (item, (a, b)) = (state.dataset().initiatives.get(i)?, state.index().spans.get(i).copied().flatten()?);
            let width: f32 =
                item.title.chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum::<f32>() * sizes::LABEL_SIZE;
            Some(label_extent(axis, axis.x_from_day(a), axis.x_from_day(b), width).0)
        })
        .collect();
    let mut sorted = extents;
    sorted.sort_by(|p, q| p.0.total_cmp(&q.0));
    let (_, rows) = crate::state::lanes::stack_rows(&sorted, sizes::LABEL_GAP);
    rows.max(1) as f32 * ROW + sizes::LANE_GAP
}

/// Where an item's label goes and the extent of item plus label: the label stays on screen, at the
/// left edge for items that start before it and ending at the right edge for items that start too
/// close to it. Returns `((left, right), label_x)`.
pub fn label_extent(axis: &Axis, x0: f32, x1: f32, width: f32) -> ((f32, f32), f32) {
    // Clear of the lane scrollbar's thumb, which sits in the last 6 points.
    let right = axis.left + axis.width - 10.0;
    let label_x = x0.min(right - width).max(axis.left + 2.0);
    ((x0.min(label_x), x1.max(label_x + width)), label_x)
}

/// A lane's items with their label galleys: (item, galley, start x, label x), and their extents.
type Measured = (Vec<(f32, f32)>, Vec<(usize, std::sync::Arc<egui::Galley>, f32, f32)>);

fn measure_lane(
    painter: &egui::Painter,
    state: &State,
    axis: &Axis,
    items: &[usize],
    font: &FontId,
    color: egui::Color32,
) -> Measured {
    let mut extents = Vec::with_capacity(items.len());
    let mut galleys = Vec::with_capacity(items.len());
    for &i in items {
        let (Some(item), Some(Some((a, b)))) = (state.dataset().initiatives.get(i), state.index().spans.get(i)) else {
            continue;
        };
        let galley = crate::views::elided(painter, item.title.clone(), font.clone(), color, axis.width - 14.0);
        let (x0, x1) = (axis.x_from_day(*a), axis.x_from_day(*b));
        let (extent, label_x) = label_extent(axis, x0, x1, galley.size().x);
        extents.push(extent);
        galleys.push((i, galley, x0, label_x));
    }
    // Rows are filled left to right.
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&p, &q| extents[p].0.total_cmp(&extents[q].0));
    (order.iter().map(|&k| extents[k]).collect(), order.iter().map(|&k| galleys[k].clone()).collect())
}

fn item_response(ui: &mut egui::Ui, state: &State, (i, axis): (usize, &Axis), hit: Rect, commands: &mut Vec<Command>) {
    let Some(item) = state.dataset().initiatives.get(i) else {
        return;
    };
    if !hit.is_positive() {
        return;
    }
    // While editing, an initiative's mark can be dragged to move its dates.
    let editing = state.data_edit().open();
    let sense = if editing { Sense::click_and_drag() } else { Sense::click() };
    let response = ui.interact(hit, ui.scope_id().with(("item", i)), sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &item.title));
    if response.clicked() {
        commands.push(Command::Select(Selection::Initiative(i), Origin::Timeline));
    }
    if editing && (response.dragged() || response.drag_stopped()) {
        // How far it has been dragged, in days; kept while dragging, since on release the press
        // is over and its origin gone.
        let key = response.id.with("drag_days");
        let moved =
            ui.input(|input| input.pointer.press_origin().zip(input.pointer.latest_pos()).map(|(a, b)| b.x - a.x));
        let days = match moved {
            Some(dx) => (f64::from(dx) * axis.days_per_point()).round() as i64,
            None => ui.data(|d| d.get_temp::<i64>(key)).unwrap_or(0),
        };
        ui.data_mut(|d| d.insert_temp(key, days));
        if response.drag_stopped() {
            ui.data_mut(|d| d.remove::<i64>(key));
            if days != 0 {
                commands.push(Command::Edit(crate::state::command::EditCommand::ShiftDates(i, days)));
            }
        } else {
            edit::drag_tip(ui, item, days);
        }
        return;
    }
    response.on_hover_ui(|ui| {
        ui.strong(&item.title);
        ui.label(dates_in_words(item));
        ui.weak(crate::state::lanes::status_label(item.status));
    });
}

fn paint_lane_header(
    painter: &egui::Painter,
    area: Rect,
    top: f32,
    height: f32,
    label: &str,
    color: egui::Color32,
    pal: &Palette,
) {
    let header = Rect::from_min_size(pos2(area.left(), top), vec2(sizes::LANE_HEADER_WIDTH, height));
    painter.rect_filled(header, 0.0, pal.lane_band);
    painter.rect_filled(Rect::from_min_size(header.min + vec2(0.0, 2.0), vec2(4.0, height - 4.0)), 1.0, color);
    // As many lines as the lane has room for; the rest is shortened with an ellipsis, never drawn over
    // the next lane's header.
    let font = FontId::proportional(12.0);
    let line = painter.fonts_mut(|f| f.row_height(&font));
    let mut job = egui::text::LayoutJob::simple(label.to_owned(), font, pal.text, sizes::LANE_HEADER_WIDTH - 14.0);
    job.wrap.max_rows = (((height - 8.0) / line).floor() as usize).max(1);
    painter.galley(header.min + vec2(10.0, 6.0), painter.layout_job(job), pal.text);
    painter.line_segment(
        [pos2(area.left(), top + height), pos2(area.right(), top + height)],
        theme::stroke(1.0, pal.grid),
    );
}

/// A lane's colour: its line of effort's or status's, a colour of its own for an actor, tag or place,
/// `none` for the lane of items without the key.
pub fn lane_color(
    ds: &crate::model::Dataset,
    key: &crate::state::lanes::LaneKey,
    none: egui::Color32,
) -> egui::Color32 {
    use crate::state::lanes::LaneKey;
    match key {
        LaneKey::Line(l) => theme::line_of_effort_color(*l),
        LaneKey::Status(s) => theme::status_color(*s),
        LaneKey::Actor(a) | LaneKey::Tag(a) => theme::key_color(a),
        LaneKey::Place(p) => theme::key_color(ds.locations.get(*p).map_or("", |l| l.id.as_str())),
        LaneKey::None => none,
    }
}

/// Items are coloured by their first line of effort, whatever the lanes group by.
pub fn item_color(ds: &crate::model::Dataset, i: usize, fallback: egui::Color32) -> egui::Color32 {
    ds.initiatives
        .get(i)
        .and_then(|item| item.lines_of_effort.first())
        .map_or(fallback, |l| theme::line_of_effort_color(*l))
}

fn paint_scrollbar(painter: &egui::Painter, area: Rect, scroll: f32, content: f32, pal: &Palette) {
    if content <= area.height() {
        return;
    }
    let fraction = area.height() / content;
    let top = area.top() + scroll / content * area.height();
    let thumb = Rect::from_min_size(pos2(area.right() - 6.0, top), vec2(4.0, area.height() * fraction));
    painter.rect_filled(thumb, 2.0, pal.grid_strong);
}

fn undated_ui(ui: &mut egui::Ui, state: &State, commands: &mut Vec<Command>) {
    crate::views::item_links(ui, state, "No usable date", &state.index().undated, Origin::Timeline, commands);
}

/// Id of the timeline's background (for focus and tests).
pub fn timeline_id(parent: Id) -> Id {
    parent.with("timeline")
}
