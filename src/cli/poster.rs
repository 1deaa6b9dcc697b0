//! `export-timeline`: the timeline poster without a window, through the same state and drawing as
//! File > Export > Timeline poster.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::commands::{Lanes, Orientation, PaperArg};
use crate::model::Day;
use crate::state::State;
use crate::state::command::{Command, FocusCommand, Settings};
use crate::views::poster::export::render;
use crate::views::poster::{Paper, PosterData, PosterFormat, PosterOptions};

/// What `export-timeline` was asked for.
#[derive(Debug)]
pub struct TimelineRequest {
    /// The dataset, or "-" for the embedded one.
    pub data: PathBuf,
    /// Where to write (`.pdf` or `.svg`).
    pub out: PathBuf,
    /// The first day.
    pub from: Option<Day>,
    /// The last day.
    pub to: Option<Day>,
    /// The lanes' grouping (else the view's).
    pub lanes: Option<Lanes>,
    /// The paper.
    pub page: PaperArg,
    /// Landscape or portrait.
    pub orientation: Orientation,
    /// Pages across the range.
    pub pages_across: Option<u32>,
    /// A view in text form: the filters, as on screen.
    pub view: Option<String>,
    /// The caveat line.
    pub banner: Option<String>,
}

/// Runs `export-timeline`; reports to `out`. Returns the exit code.
pub fn export_timeline(request: &TimelineRequest, out: &mut impl Write) -> io::Result<i32> {
    let target = request.out.display().to_string();
    let Some(format) = PosterFormat::of_path(&request.out) else {
        writeln!(out, "{target}: the file name must end in .pdf (pages) or .svg (one sheet)")?;
        return Ok(1);
    };
    let Some((dataset, _name)) = load_checked(&request.data, out)? else { return Ok(1) };
    let mut state = State::with_dataset(dataset, Settings::default(), crate::platform::today());
    if let Some(text) = &request.view {
        match crate::model::view_state::ViewState::from_text(text) {
            Ok(view) => drop(state.apply(Command::Focus(FocusCommand::RestoreView(Box::new(view))))),
            Err(e) => {
                writeln!(out, "--view {text}: not a view in text form: {e} (e.g. q=okinawa)")?;
                return Ok(1);
            }
        }
    }
    if let Some(lanes) = request.lanes {
        drop(state.apply(Command::SetLaneGrouping(lanes.into())));
    }
    let mut data = PosterData::of_state(&state);
    data.banner = request.banner.as_deref().map(str::trim).filter(|b| !b.is_empty());
    let paper = match request.page {
        PaperArg::A4 => Paper::A4,
        PaperArg::A3 => Paper::A3,
        PaperArg::Letter => Paper::Letter,
        PaperArg::Tabloid => Paper::Tabloid,
    };
    let options = PosterOptions {
        paper: Some(paper),
        landscape: request.orientation == Orientation::Landscape,
        pages_across: request.pages_across,
        from: request.from.map(|d| d.0),
        to: request.to.map(|d| d.0 + 1),
    };
    let file = match render(&data, &options, format) {
        Ok(file) => file,
        Err(e) => {
            writeln!(out, "{target}: error: {e}")?;
            return Ok(1);
        }
    };
    if let Err(e) = crate::platform::write_atomic(&request.out, &file.bytes, false) {
        writeln!(out, "{target}:1:1: error: {e}")?;
        return Ok(1);
    }
    let (across, down) = file.pages;
    let shape = match format {
        PosterFormat::Pdf => format!(
            "{} page(s), {across} across × {down} down, {} {:?}",
            across * down,
            paper.label(),
            request.orientation
        ),
        PosterFormat::Svg => "one sheet".to_owned(),
    };
    writeln!(out, "wrote {target}: {shape}; {}; {} bytes", data.scope, file.bytes.len())?;
    Ok(0)
}

/// Reads `file` ("-": the embedded dataset) through the door and reports its problems to `out`; the
/// dataset and the name it was reported under, or `None` when it has errors (nothing is written then).
pub(super) fn load_checked(file: &Path, out: &mut impl Write) -> io::Result<Option<(crate::model::Dataset, String)>> {
    let embedded = file.as_os_str() == "-";
    let loaded = if embedded {
        crate::formats::load_str(crate::model::DEFAULT_DATASET)
    } else {
        crate::formats::load_file(file)
    };
    let name = if embedded { crate::model::DEFAULT_DATASET_NAME.to_owned() } else { file.display().to_string() };
    for problem in &loaded.problems {
        writeln!(out, "{}", problem.display_in(&name))?;
    }
    let errors = loaded.error_count();
    if let Some(dataset) = loaded.dataset.filter(|_| errors == 0) {
        return Ok(Some((dataset, name)));
    }
    writeln!(out, "{name}: {errors} error(s): nothing written")?;
    Ok(None)
}
