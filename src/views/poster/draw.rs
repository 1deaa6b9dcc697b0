//! One poster page: the title block, the axis and grid, the lanes with their headers and items, the
//! today line, the legend and the foot line; the caveat banner at the top and the foot.

use std::fmt::Write as _;

use egui::{Color32, Rect, pos2, vec2};

use super::layout::{FOOTER, Layout, Placed, PosterData, Segment};
use super::sheet::Sheet;
use crate::briefing::vector::Page;
use crate::briefing::vector::font::PrintFont;
use crate::model::Day;
use crate::state::lanes::LaneKey;
use crate::theme::{self, Palette, poster, sizes};
use crate::views::timeline::axis::{Axis, ticks};
use crate::views::timeline::paint::{Canvas as _, legend_entries, paint_item};
use crate::views::timeline::{ROW, item_color, lane_color};

/// Page `(r, c)`: page row `r`, column `c`.
pub(super) fn page(layout: &Layout, data: &PosterData<'_>, (r, c): (usize, usize), font: &PrintFont<'_>) -> Page {
    let pal = theme::paper_palette();
    let mut sheet = Sheet::new(poster::SCALE, [poster::MARGIN, poster::MARGIN], font);
    let (width, height) = layout.content;
    let mut top = 0.0;
    if let Some(text) = data.banner {
        banner(&mut sheet, text, 0.0, width);
        top += poster::BANNER + 6.0;
    }
    title_block(&mut sheet, layout, data, (r, c), top, &pal);
    let Some((axis, placed)) = layout.columns.get(c) else { return sheet.finish(layout.page.0, layout.page.1) };
    let segments = layout.page_rows.get(r).map_or(&[][..], Vec::as_slice);
    let axis_top = layout.header;
    let body_top = axis_top + sizes::AXIS_HEIGHT;
    let lanes_height: f32 = segments.iter().map(|s| s.rows as f32 * ROW + sizes::LANE_GAP).sum();
    let body = Rect::from_min_max(pos2(axis.left, body_top), pos2(width, body_top + lanes_height));
    grid(&mut sheet, axis, Rect::from_min_max(pos2(axis.left, axis_top), body.max), &pal);
    let mut y = body_top;
    for segment in segments {
        y = lane(&mut sheet, data, (axis, placed), *segment, (y, width), &pal);
    }
    today_line(&mut sheet, axis, data.today, Rect::from_min_max(pos2(axis.left, axis_top), body.max), &pal);
    let foot_top = height - FOOTER - if data.banner.is_some() { poster::BANNER + 6.0 } else { 0.0 };
    footer(&mut sheet, layout, data, foot_top, &pal);
    if let Some(text) = data.banner {
        banner(&mut sheet, text, height - poster::BANNER, width);
    }
    sheet.finish(layout.page.0, layout.page.1)
}

/// The caveat strip, its words centred.
pub(super) fn banner(sheet: &mut Sheet<'_>, text: &str, top: f32, width: f32) {
    let (fill, ink) = theme::banner_colors(text);
    sheet.rect(Rect::from_min_size(pos2(0.0, top), vec2(width, poster::BANNER)), 0.0, fill);
    let size = poster::BANNER * 0.62;
    let words = sheet.font().elide(text, size, width - 8.0);
    let w = sheet.text_width(&words, size);
    sheet.text(pos2((width - w) / 2.0, top + (poster::BANNER - size * 1.2) / 2.0), size, &words, ink);
}

fn title_block(
    sheet: &mut Sheet<'_>,
    layout: &Layout,
    data: &PosterData<'_>,
    (r, c): (usize, usize),
    top: f32,
    pal: &Palette,
) {
    let width = layout.content.0;
    let (rows, cols) = (layout.page_rows.len(), layout.columns.len());
    let number = r * cols + c + 1;
    let place = if rows * cols > 1 {
        format!("Page {number} of {}  ·  row {} of {rows}, column {} of {cols}", rows * cols, r + 1, c + 1)
    } else {
        String::new()
    };
    let place_width = sheet.text_width(&place, poster::SUBTITLE);
    let title = sheet.font().elide(&data.dataset.meta.title, poster::TITLE, width - place_width - 24.0);
    sheet.text(pos2(0.0, top), poster::TITLE, &title, pal.text);
    sheet.text(pos2(width - place_width, top + poster::TITLE * 0.4), poster::SUBTITLE, &place, pal.weak_text);
    let (from, to) = layout.range;
    let grouping = data.grouping.label().to_lowercase();
    let line = format!(
        "{} to {}  ·  lanes by {grouping}  ·  {} in this range, of {}  ·  data as of {}",
        Day(from.floor() as i64).iso(),
        Day(to.ceil() as i64 - 1).iso(),
        layout.drawn,
        data.scope,
        data.dataset.meta.as_of
    );
    let line = sheet.font().elide(&line, poster::SUBTITLE, width);
    sheet.text(pos2(0.0, top + poster::TITLE * 1.4), poster::SUBTITLE, &line, pal.weak_text);
}

/// Grid lines from the axis down through the lanes, and the axis labels.
pub(super) fn grid(sheet: &mut Sheet<'_>, axis: &Axis, area: Rect, pal: &Palette) {
    sheet.begin_clip(Rect::from_min_max(pos2(axis.left, area.top()), pos2(axis.left + axis.width, area.bottom())));
    let right = axis.left + axis.width;
    for tick in ticks(axis) {
        let x = axis.x_from_day(tick.day);
        let color = if tick.major { pal.grid_strong } else { pal.grid };
        sheet.line(vec![pos2(x, area.top() + 4.0), pos2(x, area.bottom())], theme::stroke(1.0, color));
        // A label the page's edge would cut is left out: the next page starts with its own.
        if x >= axis.left && x + 3.0 + sheet.text_width(&tick.label, poster::AXIS_LABEL) <= right {
            sheet.text(pos2(x + 3.0, area.top() + 8.0), poster::AXIS_LABEL, &tick.label, pal.weak_text);
        }
    }
    sheet.end_clip();
    let base = area.top() + sizes::AXIS_HEIGHT;
    sheet.line(vec![pos2(0.0, base), pos2(axis.left + axis.width, base)], theme::stroke(1.0, pal.grid_strong));
}

/// One lane's part on this page: band, header, items, separator. Returns the y below it.
pub(super) fn lane(
    sheet: &mut Sheet<'_>,
    data: &PosterData<'_>,
    (axis, placed): (&Axis, &[Vec<Placed>]),
    segment: Segment,
    (top, width): (f32, f32),
    pal: &Palette,
) -> f32 {
    let Some(lane) = data.lanes.get(segment.lane) else { return top };
    let height = segment.rows as f32 * ROW + sizes::LANE_GAP;
    if segment.lane % 2 == 1 {
        sheet.rect(Rect::from_min_size(pos2(0.0, top), vec2(width, height)), 0.0, pal.lane_band);
    }
    let color = lane_color(data.dataset, &lane.key, pal.weak_text);
    // A place's lane is headed by its name in both languages where the data has both.
    let label = match lane.key {
        LaneKey::Place(p) => match data.dataset.locations.get(p).and_then(|l| l.name_ja.as_deref()) {
            Some(ja) if !ja.trim().is_empty() => format!("{} {ja}", lane.label),
            _ => lane.label.clone(),
        },
        _ => lane.label.clone(),
    };
    lane_header(sheet, &label, segment, (top, height), color, pal);
    let body = Rect::from_min_max(pos2(axis.left, top), pos2(axis.left + axis.width, top + height));
    let rows = segment.first..segment.first + segment.rows;
    for p in placed.get(segment.lane).map_or(&[][..], Vec::as_slice).iter().filter(|p| rows.contains(&p.row)) {
        let Some(item) = data.dataset.initiatives.get(p.item) else { continue };
        let row_top = top + (p.row - segment.first) as f32 * ROW;
        let item_colour = item_color(data.dataset, p.item, color);
        sheet.begin_clip(body);
        paint_item(sheet, axis, item, row_top + ROW - 10.0, item_colour, data.today);
        sheet.end_clip();
        sheet.text(pos2(p.label_x, row_top + 3.0), sizes::LABEL_SIZE, &p.label, pal.text);
    }
    sheet.line(vec![pos2(0.0, top + height), pos2(width, top + height)], theme::stroke(1.0, pal.grid));
    top + height
}

fn lane_header(
    sheet: &mut Sheet<'_>,
    label: &str,
    segment: Segment,
    (top, height): (f32, f32),
    color: Color32,
    pal: &Palette,
) {
    let header = Rect::from_min_size(pos2(0.0, top), vec2(sizes::LANE_HEADER_WIDTH, height));
    sheet.rect(header, 0.0, pal.lane_band);
    sheet.rect(Rect::from_min_size(header.min + vec2(0.0, 2.0), vec2(4.0, height - 4.0)), 1.0, color);
    let size = poster::LANE_LABEL;
    let line = size * 1.25;
    let room = ((height - 8.0) / line).floor().max(1.0) as usize;
    let text = if segment.first > 0 { format!("{label} (continued)") } else { label.to_owned() };
    let lines = sheet.font().wrap(&text, size, sizes::LANE_HEADER_WIDTH - 14.0, room);
    for (k, l) in lines.iter().enumerate() {
        sheet.text(pos2(10.0, top + 6.0 + k as f32 * line), size, l, pal.text);
    }
}

pub(super) fn today_line(sheet: &mut Sheet<'_>, axis: &Axis, today: f64, area: Rect, pal: &Palette) {
    if today < axis.view.start || today >= axis.view.end {
        return;
    }
    let x = axis.x_from_day(today);
    sheet.line(vec![pos2(x, area.top() + 20.0), pos2(x, area.bottom())], theme::stroke(1.5, pal.today));
    sheet.text(pos2(x + 3.0, area.top() + 20.0), poster::AXIS_LABEL, "today", pal.today);
}

/// The legend (the screen's samples and words) and the foot line.
fn footer(sheet: &mut Sheet<'_>, layout: &Layout, data: &PosterData<'_>, top: f32, pal: &Palette) {
    let mut x = 0.0;
    let y = top + 8.0;
    for (words, sample) in legend_entries() {
        sample(sheet, Rect::from_min_size(pos2(x, y), vec2(24.0, 18.0)), pal.weak_text);
        sheet.text(pos2(x + 28.0, y + 2.0), poster::FOOT, words, pal.weak_text);
        x += 28.0 + sheet.text_width(words, poster::FOOT) + 16.0;
    }
    let undated = data.index.undated.len();
    let mut foot = format!(
        "Made with Alliance Atlas from \"{}\". Colours: line of effort. Each initiative's sources are in the data.",
        data.dataset.meta.title
    );
    if undated > 0 {
        let _ = write!(foot, " {undated} initiative(s) without a usable date are not drawn.");
    }
    let foot = sheet.font().elide(&foot, poster::FOOT, layout.content.0);
    sheet.text(pos2(0.0, top + 30.0), poster::FOOT, &foot, pal.weak_text);
}
