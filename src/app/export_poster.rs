//! File > Export > Timeline poster: the poster of what the screen shows (the filters, the lanes, the
//! time window when asked), written where the user says on the desktop, downloaded in the browser.

use crate::model::print::{PosterChoice, PosterFormat};
use crate::state::State;
use crate::state::command::Command;
use crate::views::poster::PosterData;
use crate::views::poster::export::render;

/// The file name offered: the dataset's name with the format's extension.
fn offered_name(state: &State, format: PosterFormat) -> String {
    format!("{}-timeline.{}", crate::state::export::file_stem(state.source()), format.extension())
}

/// Makes the poster and hands it over; the outcome as a message for the top bar (`None` when the
/// user cancelled the save dialog).
pub fn export_poster(state: &State, choice: PosterChoice) -> Option<Command> {
    let mut options = choice.options;
    if choice.window_only {
        let view = state.time_view();
        (options.from, options.to) = (Some(view.start.floor() as i64), Some(view.end.ceil() as i64));
    }
    let name = offered_name(state, choice.format);
    let path = if crate::platform::HAS_URL {
        None
    } else {
        let kind = match choice.format {
            PosterFormat::Pdf => crate::platform::SaveKind::PosterPdf,
            PosterFormat::Svg => crate::platform::SaveKind::PosterSvg,
        };
        Some(crate::platform::pick_save_path(kind, &name)?)
    };
    let data = PosterData::of_state(state);
    let file = match render(&data, &options, choice.format) {
        Ok(file) => file,
        Err(e) => return Some(Command::Notify(format!("The poster was not made: {e}"))),
    };
    let (across, down) = file.pages;
    let pages = if choice.format == PosterFormat::Pdf { format!(", {} page(s)", across * down) } else { String::new() };
    let outcome = match &path {
        Some(path) => crate::platform::write_atomic(path, &file.bytes, false).map(|()| path.display().to_string()),
        None => crate::platform::download_bytes(&name, &file.bytes).map(|()| name.clone()),
    };
    Some(Command::Notify(match outcome {
        Ok(where_) => format!("Timeline poster: {where_}{pages}, {}", data.scope),
        Err(e) => format!("The poster was not saved: {e}"),
    }))
}
