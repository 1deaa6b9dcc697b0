//! The poster from the app's state (what the filters show, in the lanes on screen) as PDF or SVG bytes.

use super::layout::PosterData;
use super::poster;
use crate::briefing::vector::font::PrintFont;
use crate::briefing::vector::{pdf, svg};
use crate::model::print::{PosterFormat, PosterOptions};
use crate::state::State;

impl<'a> PosterData<'a> {
    /// What the screen shows: the lanes (cut to the filters), their grouping, today and the banner.
    pub fn of_state(state: &'a State) -> Self {
        let all = state.dataset().initiatives.len();
        let shown: usize = state.lanes().iter().map(|l| l.items.len()).sum();
        let dated = all - state.index().undated.len();
        let scope = if state.focus().visible_count() < all {
            format!("{shown} of {all} initiatives (the filters on screen)")
        } else if shown == dated {
            format!("all {shown} dated initiatives")
        } else {
            format!("{shown} of {all} initiatives")
        };
        Self {
            dataset: state.dataset(),
            index: state.index(),
            lanes: state.lanes(),
            grouping: state.settings().lane_grouping,
            today: state.today().0 as f64,
            banner: state.banner(),
            scope,
        }
    }
}

/// A poster file: its bytes, and its pages across and down.
#[derive(Debug)]
pub struct PosterFile {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Pages across the range and down the lanes (1 × 1 for an SVG).
    pub pages: (usize, usize),
}

/// The poster of `data` as a file in `format` (an SVG is one sheet, whatever the paper).
pub fn render(data: &PosterData<'_>, options: &PosterOptions, format: PosterFormat) -> Result<PosterFile, String> {
    let font = PrintFont::new(crate::theme::NOTO_SANS_JP)?;
    match format {
        PosterFormat::Pdf => {
            let (doc, pages) = poster(data, options, &font);
            Ok(PosterFile { bytes: pdf::to_pdf(&doc, &font)?, pages })
        }
        PosterFormat::Svg => {
            let options = PosterOptions { paper: None, ..*options };
            let (doc, pages) = poster(data, &options, &font);
            let page = doc.pages.first().ok_or("the poster has no page")?;
            Ok(PosterFile { bytes: svg::to_svg(page, &doc.title).into_bytes(), pages })
        }
    }
}
