//! The poster's layout: the range cut into columns, each lane's items placed in rows per column
//! (labels measured in the printed font), the rows cut into page rows.

use crate::briefing::vector::font::PrintFont;
use crate::model::Dataset;
use crate::model::index::Index;
use crate::model::print::PosterOptions;
use crate::model::view::{DAYS_PER_YEAR, LaneGrouping, TimeView};
use crate::state::lanes::{Lane, stack_rows};
use crate::theme::{poster, sizes};
use crate::views::timeline::axis::Axis;
use crate::views::timeline::{ROW, label_extent};

/// What the poster draws: the data, the lanes (already cut to what the filters show) and notes.
pub struct PosterData<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Its index (time spans).
    pub index: &'a Index,
    /// The lanes, in order, holding only the initiatives to draw.
    pub lanes: &'a [Lane],
    /// What the lanes group by.
    pub grouping: LaneGrouping,
    /// Today, as a day number (open bars run to it).
    pub today: f64,
    /// A caveat line printed at the top and the foot of every page.
    pub banner: Option<&'a str>,
    /// Which initiatives: "all 42 initiatives", "12 of 42 initiatives (the filters on screen)".
    pub scope: String,
}

/// One item placed in one column: its row in its lane, its label and where the label starts.
pub(super) struct Placed {
    pub(super) item: usize,
    pub(super) row: usize,
    pub(super) label: String,
    pub(super) label_x: f32,
}

/// A part of a lane on one page row: rows `first..first + rows`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    pub(super) lane: usize,
    pub(super) first: usize,
    pub(super) rows: usize,
}

/// The whole poster laid out, in screen points (see [`poster::SCALE`]).
pub(super) struct Layout {
    /// Days shown: first, and the day after the last.
    pub(super) range: (f64, f64),
    /// Each page column's axis and, per lane, the items placed in it.
    pub(super) columns: Vec<(Axis, Vec<Vec<Placed>>)>,
    /// Each page row's lane parts.
    pub(super) page_rows: Vec<Vec<Segment>>,
    /// The page in paper points.
    pub(super) page: (f32, f32),
    /// The content box (inside the margins) in screen points.
    pub(super) content: (f32, f32),
    /// Height of the title block above the axis.
    pub(super) header: f32,
    /// How many initiatives meet the range (each once, however many columns it crosses).
    pub(super) drawn: usize,
}

/// Height of the legend and the foot line.
pub(super) const FOOTER: f32 = 46.0;

/// The days the data spans (every lane item's earliest to latest), a little room either side.
fn data_range(data: &PosterData<'_>) -> (f64, f64) {
    let spans = data.lanes.iter().flat_map(|l| &l.items).filter_map(|&i| data.index.spans.get(i).copied().flatten());
    let (lo, hi) = spans.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    if lo > hi {
        let view = TimeView::default();
        return (view.start, view.end);
    }
    let pad = ((hi - lo) * 0.02).max(15.0);
    (lo - pad, hi + pad)
}

fn header_height(data: &PosterData<'_>) -> f32 {
    let banner = if data.banner.is_some() { poster::BANNER + 6.0 } else { 0.0 };
    banner + poster::TITLE * 1.4 + poster::SUBTITLE * 1.6 + 6.0
}

pub(super) fn lay_out(data: &PosterData<'_>, options: &PosterOptions, font: &PrintFont<'_>) -> Layout {
    let (from, to) = data_range(data);
    let range = (options.from.map_or(from, |d| d as f64), options.to.map_or(to, |d| d as f64));
    let range = (range.0, range.1.max(range.0 + 1.0));
    let header = header_height(data);
    let banner_foot = if data.banner.is_some() { poster::BANNER + 6.0 } else { 0.0 };
    let years = ((range.1 - range.0) / DAYS_PER_YEAR) as f32;
    // The width the range asks for: a year's least width, but no more than a few labels' worth per
    // initiative, so a long and sparse range (the universe's age, two events) is not spread thin.
    let items: usize = data.lanes.iter().map(|l| l.items.len()).sum();
    let wanted = (years * poster::MIN_PER_YEAR).min(items.max(1) as f32 * poster::PER_ITEM);
    let margin = poster::MARGIN / poster::SCALE;
    let (content_w, columns) = if let Some(paper) = options.paper {
        let (w, h) = paper.portrait();
        let w = if options.landscape { w.max(h) } else { w.min(h) };
        let content_w = w / poster::SCALE - 2.0 * margin;
        let body = content_w - sizes::LANE_HEADER_WIDTH;
        let auto = (wanted / body).ceil() as u32;
        (content_w, options.pages_across.unwrap_or(auto).clamp(1, poster::MAX_PAGES_ACROSS))
    } else {
        let body = (wanted * 1.5).max(poster::MIN_SHEET_WIDTH);
        (body + sizes::LANE_HEADER_WIDTH, 1)
    };
    // Nothing to draw: one page says so, not a row of empty ones.
    let nothing = data.lanes.iter().all(|l| l.items.is_empty());
    let columns = if nothing && options.pages_across.is_none() { 1 } else { columns };
    let columns = columns_of(data, range, columns as usize, content_w - sizes::LANE_HEADER_WIDTH, font);
    let mut met: Vec<usize> = columns.iter().flat_map(|(_, lanes)| lanes.iter().flatten().map(|p| p.item)).collect();
    met.sort_unstable();
    met.dedup();
    let lane_rows: Vec<usize> = (0..data.lanes.len())
        .map(|l| {
            columns
                .iter()
                .map(|(_, lanes)| lanes[l].iter().map(|p| p.row + 1).max().unwrap_or(0))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let fixed = header + sizes::AXIS_HEIGHT + FOOTER + banner_foot;
    let (page, content_h, page_rows) = if let Some(paper) = options.paper {
        let (w, h) = paper.portrait();
        let page = if options.landscape { (w.max(h), w.min(h)) } else { (w.min(h), w.max(h)) };
        let content_h = page.1 / poster::SCALE - 2.0 * margin;
        (page, content_h, paginate(&lane_rows, content_h - fixed))
    } else {
        let body: f32 = lane_rows.iter().map(|&n| n as f32 * ROW + sizes::LANE_GAP).sum();
        let content_h = fixed + body;
        let page = ((content_w + 2.0 * margin) * poster::SCALE, (content_h + 2.0 * margin) * poster::SCALE);
        (page, content_h, paginate(&lane_rows, body + 1.0))
    };
    Layout { range, columns, page_rows, page, content: (content_w, content_h), header, drawn: met.len() }
}

/// Each page column's axis and placed items: labels measured in the printed font, kept inside the
/// column as the screen keeps them inside the window, rows stacked as on screen.
pub(super) fn columns_of(
    data: &PosterData<'_>,
    (from, to): (f64, f64),
    count: usize,
    body: f32,
    font: &PrintFont<'_>,
) -> Vec<(Axis, Vec<Vec<Placed>>)> {
    let step = (to - from) / count as f64;
    (0..count)
        .map(|c| {
            let view = TimeView { start: from + step * c as f64, end: from + step * (c + 1) as f64 };
            let axis = Axis { left: sizes::LANE_HEADER_WIDTH, width: body, view };
            let lanes = data.lanes.iter().map(|lane| place_lane(data, lane, &axis, font)).collect();
            (axis, lanes)
        })
        .collect()
}

fn place_lane(data: &PosterData<'_>, lane: &Lane, axis: &Axis, font: &PrintFont<'_>) -> Vec<Placed> {
    let (t0, t1) = (axis.view.start, axis.view.end);
    let mut placed: Vec<(f32, f32, Placed)> = Vec::new();
    for &i in lane.items.get(lane.window(t0, t1)).unwrap_or_default() {
        let (Some(item), Some(Some((a, b)))) = (data.dataset.initiatives.get(i), data.index.spans.get(i)) else {
            continue;
        };
        if *b < t0 || *a >= t1 {
            continue;
        }
        let label = font.elide(&item.title, sizes::LABEL_SIZE, axis.width - 14.0);
        let width = font.width(&label, sizes::LABEL_SIZE);
        let ((left, right), label_x) = label_extent(axis, axis.x_from_day(*a), axis.x_from_day(*b), width);
        placed.push((left, right, Placed { item: i, row: 0, label, label_x }));
    }
    placed.sort_by(|p, q| p.0.total_cmp(&q.0));
    let extents: Vec<(f32, f32)> = placed.iter().map(|p| (p.0, p.1)).collect();
    let (rows, _) = stack_rows(&extents, sizes::LABEL_GAP);
    placed
        .into_iter()
        .zip(rows)
        .map(|((_, _, mut p), row)| {
            p.row = row;
            p
        })
        .collect()
}

/// Cuts the lanes' rows into page rows of at most `room` screen points: a lane goes on where the
/// last page ended, its header repeated; a lane's first row is not left alone at a page's foot.
fn paginate(lane_rows: &[usize], room: f32) -> Vec<Vec<Segment>> {
    let mut pages: Vec<Vec<Segment>> = vec![Vec::new()];
    let mut used = 0.0;
    for (lane, &rows) in lane_rows.iter().enumerate() {
        let mut first = 0;
        while first < rows {
            let fits = ((room - used - sizes::LANE_GAP) / ROW).floor().max(0.0) as usize;
            let page_empty = pages.last().is_none_or(Vec::is_empty);
            let lonely = first == 0 && fits == 1 && rows > 1;
            if (fits == 0 || lonely) && !page_empty {
                pages.push(Vec::new());
                used = 0.0;
                continue;
            }
            let take = fits.max(1).min(rows - first);
            if let Some(page) = pages.last_mut() {
                page.push(Segment { lane, first, rows: take });
            }
            used += take as f32 * ROW + sizes::LANE_GAP;
            first += take;
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_every_row_once_and_repeat_a_continued_lane() {
        let rows = [3, 1, 12, 2];
        let room = 5.0 * ROW + 2.0 * sizes::LANE_GAP;
        let pages = paginate(&rows, room);
        for (lane, &n) in rows.iter().enumerate() {
            let mut covered: Vec<usize> = Vec::new();
            for seg in pages.iter().flatten().filter(|s| s.lane == lane) {
                covered.extend(seg.first..seg.first + seg.rows);
            }
            assert_eq!(covered, (0..n).collect::<Vec<_>>(), "lane {lane}");
        }
        for page in &pages {
            let height: f32 = page.iter().map(|s| s.rows as f32 * ROW + sizes::LANE_GAP).sum();
            assert!(height <= room + 0.01 || page.len() == 1, "{page:?} is {height} tall in {room}");
        }
        // The 12-row lane spans pages: it appears on more than one.
        assert!(pages.iter().filter(|p| p.iter().any(|s| s.lane == 2)).count() >= 3);
    }

    #[test]
    fn a_page_too_short_for_one_row_still_takes_one() {
        let pages = paginate(&[2, 2], 1.0);
        assert_eq!(pages.iter().flatten().map(|s| s.rows).sum::<usize>(), 4);
        assert!(pages.iter().all(|p| !p.is_empty()));
    }
}
