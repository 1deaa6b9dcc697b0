//! The slide handout as vector pages: per step, one A4 landscape page with the step's title, its map
//! and its timeline drawn as vectors (what the filters of the step show, at the step's time window),
//! its talking points (and a comparing step's change report), the sources its initiatives cite, the
//! page number, and the caveat banner at the top and the foot. Text is the bundled font's, so
//! Japanese prints as Japanese.

use egui::{Rect, pos2, vec2};

use super::draw::banner;
use super::layout::PosterData;
use super::panel::{map_panel, timeline_panel};
use super::sheet::Sheet;
use crate::briefing::vector::font::PrintFont;
use crate::briefing::vector::{Doc, Page, Shape, pdf};
use crate::state::State;
use crate::theme::{self, poster};

/// A4 landscape, in points.
const PAGE: (f32, f32) = (841.89, 595.28);
/// Page margin.
const MARGIN: f32 = 28.0;
/// Width of the left column (map and timeline).
const LEFT: f32 = 520.0;
/// Top of the panels: below the banner and the heading.
const PANELS_TOP: f32 = 84.0;
/// Height of the map panel.
const MAP_HEIGHT: f32 = 210.0;
/// The timeline panel's paper points per screen point.
const TIMELINE_SCALE: f32 = 0.5;
/// The largest and smallest type of the talking points.
const POINTS_SIZE: (f32, f32) = (10.0, 6.0);

/// One handout page's content.
#[derive(Clone, Debug)]
pub struct HandoutPage {
    /// The step's title.
    pub title: String,
    /// Talking points as plain lines (and a comparing step's change report).
    pub points: String,
    /// The sources the step's initiatives cite, one line each.
    pub sources: Vec<String>,
    /// The map and the timeline, drawn where the page puts them.
    pub panels: Vec<Shape>,
}

/// Talking points as plain lines: markdown bullets become "•", emphasis marks go.
pub fn plain_points(points: &str) -> String {
    points
        .lines()
        .map(|l| {
            let l = l.trim_start();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .map_or_else(|| l.to_owned(), |rest| format!("• {rest}"));
            l.replace("**", "").replace('`', "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The map and the timeline of the step on screen, at their places on the page.
pub fn step_panels(state: &State, font: &PrintFont<'_>) -> Vec<Shape> {
    let map = Rect::from_min_size(pos2(MARGIN, PANELS_TOP), vec2(LEFT, MAP_HEIGHT));
    let timeline_top = PANELS_TOP + MAP_HEIGHT + 10.0;
    let timeline = Rect::from_min_max(pos2(MARGIN, timeline_top), pos2(MARGIN + LEFT, PAGE.1 - MARGIN - 26.0));
    let data = PosterData::of_state(state);
    let view = state.time_view();
    let mut shapes = map_panel(state, map, font);
    shapes.extend(timeline_panel(&data, (view.start, view.end), timeline, TIMELINE_SCALE, font));
    shapes
}

/// The handout's pages.
pub fn handout_doc(title: &str, banner_text: Option<&str>, pages: &[HandoutPage], font: &PrintFont<'_>) -> Doc {
    let total = pages.len();
    let pages = pages.iter().enumerate().map(|(k, page)| handout_page(title, banner_text, page, (k + 1, total), font));
    Doc { title: title.to_owned(), pages: pages.collect() }
}

/// The handout as PDF bytes.
pub fn handout_pdf(title: &str, banner_text: Option<&str>, pages: &[HandoutPage]) -> Result<Vec<u8>, String> {
    let font = PrintFont::new(theme::NOTO_SANS_JP)?;
    pdf::to_pdf(&handout_doc(title, banner_text, pages, &font), &font)
}

fn handout_page(
    title: &str,
    banner_text: Option<&str>,
    page: &HandoutPage,
    (number, total): (usize, usize),
    font: &PrintFont<'_>,
) -> Page {
    let pal = theme::paper_palette();
    let mut sheet = Sheet::new(1.0, [0.0, 0.0], font);
    let width = PAGE.0 - 2.0 * MARGIN;
    let mut head = Sheet::new(1.0, [MARGIN, 8.0], font);
    if let Some(text) = banner_text {
        banner(&mut head, text, 0.0, width);
        banner(&mut head, text, PAGE.1 - 16.0 - poster::BANNER, width);
    }
    let step = format!("Step {number} of {total}");
    sheet.text(pos2(MARGIN, 36.0), 9.0, &step, pal.weak_text);
    let heading = font.elide(&page.title, 16.0, width);
    sheet.text(pos2(MARGIN, 50.0), 16.0, &heading, pal.text);
    let right =
        Rect::from_min_max(pos2(MARGIN + LEFT + 18.0, PANELS_TOP), pos2(PAGE.0 - MARGIN, PAGE.1 - MARGIN - 26.0));
    text_column(&mut sheet, right, page);
    let foot_y = PAGE.1 - MARGIN - 14.0;
    sheet.text(pos2(MARGIN, foot_y), 8.0, &font.elide(title, 8.0, width - 60.0), pal.weak_text);
    let number_text = format!("{number} / {total}");
    let w = sheet.text_width(&number_text, 8.0);
    sheet.text(pos2(PAGE.0 - MARGIN - w, foot_y), 8.0, &number_text, pal.weak_text);
    let mut shapes = page.panels.clone();
    shapes.extend(sheet.finish(PAGE.0, PAGE.1).shapes);
    shapes.extend(head.finish(PAGE.0, PAGE.1).shapes);
    Page { width: PAGE.0, height: PAGE.1, shapes }
}

/// Type size of the sources list.
const SOURCES_SIZE: f32 = 6.5;

/// The talking points in the largest type (10 to 6 points) at which they fit the column above the
/// sources' share (at most 45 % of it); then the sources at 6.5 points in what is left, the rest
/// counted ("… and 4 more sources"). Points that do not fit even at 6 points end in "…".
fn text_column(sheet: &mut Sheet<'_>, area: Rect, page: &HandoutPage) {
    let pal = theme::paper_palette();
    let font = sheet.font();
    let leading = |size: f32| size * 1.3;
    let points_at = |size: f32| -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in page.points.lines() {
            if paragraph.trim().is_empty() {
                lines.push(String::new());
            }
            lines.extend(font.wrap(paragraph, size, area.width(), usize::MAX));
        }
        lines
    };
    let sources: Vec<Vec<String>> =
        page.sources.iter().map(|s| font.wrap(&format!("• {s}"), SOURCES_SIZE, area.width(), 3)).collect();
    let sources_height = if sources.is_empty() {
        0.0
    } else {
        (sources.iter().map(Vec::len).sum::<usize>() + 2) as f32 * leading(SOURCES_SIZE)
    };
    let points_room = area.height() - sources_height.min(area.height() * 0.45);
    let mut size = POINTS_SIZE.0;
    let mut lines = points_at(size);
    while lines.len() as f32 * leading(size) > points_room && size > POINTS_SIZE.1 {
        size = (size - 0.5).max(POINTS_SIZE.1);
        lines = points_at(size);
    }
    let fits = (points_room / leading(size)).floor() as usize;
    if lines.len() > fits {
        lines.truncate(fits.saturating_sub(1));
        lines.push("…".to_owned());
    }
    let mut y = area.top();
    for line in &lines {
        sheet.text(pos2(area.left(), y), size, line, pal.text);
        y += leading(size);
    }
    if sources.is_empty() {
        return;
    }
    y += leading(SOURCES_SIZE);
    sheet.text(pos2(area.left(), y), SOURCES_SIZE * 1.15, "Sources", pal.weak_text);
    y += leading(SOURCES_SIZE * 1.15);
    for (k, source) in sources.iter().enumerate() {
        let rest = sources.len() - k;
        if y + (source.len() + usize::from(rest > 1)) as f32 * leading(SOURCES_SIZE) > area.bottom() {
            let more = format!("… and {rest} more source(s), listed in the data");
            sheet.text(pos2(area.left(), y), SOURCES_SIZE, &more, pal.weak_text);
            return;
        }
        for line in source {
            sheet.text(pos2(area.left(), y), SOURCES_SIZE, line, pal.weak_text);
            y += leading(SOURCES_SIZE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(points: &str, sources: usize) -> HandoutPage {
        HandoutPage {
            title: "Step — 日本".to_owned(),
            points: plain_points(points),
            sources: (0..sources).map(|k| format!("Source {k}, a long citation with a date and a link")).collect(),
            panels: Vec::new(),
        }
    }

    #[test]
    fn points_lose_their_markdown_and_every_page_has_its_number_title_and_banner() {
        assert_eq!(plain_points("- **a**\n* b\n`c`"), "• a\n• b\nc");
        let font = PrintFont::new(theme::NOTO_SANS_JP).expect("font");
        let pages = [page("- one\n- two", 2), page("- three", 0)];
        let doc = handout_doc("Deck", Some("UNCLASSIFIED // FOR TRAINING"), &pages, &font);
        assert_eq!(doc.pages.len(), 2);
        let texts = doc.texts();
        for wanted in ["1 / 2", "2 / 2", "Step 1 of 2", "Step — 日本", "• one", "Sources"] {
            assert!(texts.contains(&wanted), "{wanted} in {texts:?}");
        }
        assert_eq!(texts.iter().filter(|t| **t == "UNCLASSIFIED // FOR TRAINING").count(), 4, "top and foot of both");
        assert_eq!(texts.iter().filter(|t| **t == "Sources").count(), 1, "only the page with sources");
    }

    #[test]
    fn long_points_shrink_to_fit_and_what_cannot_fit_ends_in_an_ellipsis() {
        let font = PrintFont::new(theme::NOTO_SANS_JP).expect("font");
        let size_of = |doc: &Doc, text: &str| {
            doc.pages[0].shapes.iter().find_map(|s| match s {
                Shape::Text { text: t, size, .. } if t.starts_with(text) => Some(*size),
                _ => None,
            })
        };
        let short = handout_doc("D", None, &[page("- word", 0)], &font);
        assert_eq!(size_of(&short, "• word"), Some(POINTS_SIZE.0));
        let middle = handout_doc("D", None, &[page(&"- a point of some length\n".repeat(40), 0)], &font);
        let mid = size_of(&middle, "• a point").expect("drawn");
        assert!(mid < POINTS_SIZE.0 && mid >= POINTS_SIZE.1, "{mid}");
        let long = handout_doc("D", None, &[page(&"- words and more words\n".repeat(400), 0)], &font);
        assert_eq!(size_of(&long, "• words"), Some(POINTS_SIZE.1));
        assert!(long.texts().contains(&"…"), "cut with an ellipsis");
        // Nothing is drawn below the column's foot.
        let lowest = long.pages[0].shapes.iter().filter_map(|s| match s {
            Shape::Text { at, text, .. } if text.starts_with('•') => Some(at[1]),
            _ => None,
        });
        assert!(lowest.fold(0.0, f32::max) <= PAGE.1 - MARGIN - 26.0 + 1.0);
    }
}
