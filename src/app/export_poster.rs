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

/// Makes the poster and hands it over: written where the user says on the desktop (`None` when the
/// save dialog is cancelled), downloaded in the browser; the outcome as a message for the top bar.
pub fn export_poster(state: &State, choice: PosterChoice) -> Option<Command> {
    let name = offered_name(state, choice.format);
    if crate::platform::HAS_URL {
        return Some(Command::Notify(poster_to(state, choice, Target::Download(&name))));
    }
    let kind = match choice.format {
        PosterFormat::Pdf => crate::platform::SaveKind::PosterPdf,
        PosterFormat::Svg => crate::platform::SaveKind::PosterSvg,
    };
    let path = crate::platform::pick_save_path(kind, &name)?;
    Some(Command::Notify(poster_to(state, choice, Target::File(&path))))
}

/// Writes the poster of what `state` shows to `path` (what Export… does once a path is chosen);
/// the message for the top bar.
pub fn poster_of_state(state: &State, choice: PosterChoice, path: &std::path::Path) -> String {
    poster_to(state, choice, Target::File(path))
}

/// Where a poster goes.
#[derive(Clone, Copy)]
enum Target<'a> {
    File(&'a std::path::Path),
    Download(&'a str),
}

fn poster_to(state: &State, choice: PosterChoice, target: Target<'_>) -> String {
    let mut options = choice.options;
    if choice.window_only {
        let view = state.time_view();
        (options.from, options.to) = (Some(view.start.floor() as i64), Some(view.end.ceil() as i64));
    }
    let data = PosterData::of_state(state);
    let file = match render(&data, &options, choice.format) {
        Ok(file) => file,
        Err(e) => return format!("The poster was not made: {e}"),
    };
    let (across, down) = file.pages;
    let pages = if choice.format == PosterFormat::Pdf { format!(", {} page(s)", across * down) } else { String::new() };
    let outcome = match target {
        Target::File(path) => {
            crate::platform::write_atomic(path, &file.bytes, false).map(|()| path.display().to_string())
        }
        Target::Download(name) => crate::platform::download_bytes(name, &file.bytes).map(|()| name.to_owned()),
    };
    match outcome {
        Ok(place) => format!("Wrote the timeline poster {place}{pages}: {}", data.scope),
        Err(e) => format!("The poster was not saved: {e}"),
    }
}
