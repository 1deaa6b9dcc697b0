//! The whole timeline on paper: every initiative the filters show, in the lanes on screen, with its
//! label and the screen's own marks (fuzzy dates as the timeline draws them, through the same
//! `paint` functions on a [`sheet::Sheet`]), the legend, and each page's axis and lane headers. A
//! range too long for one page runs onto more pages across (at least `theme::poster::MIN_PER_YEAR`
//! a year); lanes too tall run onto more pages down, a lane's header repeated where it continues. The
//! choices (paper, orientation, range) are `model::print`'s.
//! Rows are stacked per lane over all the columns, so pages laid side by side line up.

pub mod dialog;
mod draw;
pub mod export;
pub mod handout;
mod layout;
pub mod panel;
pub mod sheet;

use self::layout::lay_out;
use crate::briefing::vector::Doc;
use crate::briefing::vector::font::PrintFont;
pub use crate::model::print::{Paper, PosterChoice, PosterFormat, PosterOptions};
pub use layout::PosterData;

/// The poster as vector pages (one page when `options.paper` is `None`), and how many pages it has
/// across and down.
pub fn poster(data: &PosterData<'_>, options: &PosterOptions, font: &PrintFont<'_>) -> (Doc, (usize, usize)) {
    let layout = lay_out(data, options, font);
    let total = layout.page_rows.len() * layout.columns.len();
    let mut pages = Vec::with_capacity(total);
    for r in 0..layout.page_rows.len() {
        for c in 0..layout.columns.len() {
            pages.push(draw::page(&layout, data, (r, c), font));
        }
    }
    let doc = Doc { title: format!("{} — timeline", data.dataset.meta.title), pages };
    (doc, (layout.columns.len(), layout.page_rows.len()))
}
