//! How the app starts: the command line's and the tests' choices.

use std::path::PathBuf;

use crate::model::Day;
use crate::theme::ThemeChoice;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A dataset to open instead of the embedded one.
    pub file: Option<PathBuf>,
    /// An initiative or place id to select at start.
    pub select: Option<String>,
    /// A saved view's name, or a view in text form, to open on.
    pub view: Option<String>,
    /// Start presenting: the dataset's deck (an empty path) or this deck file.
    pub present: Option<PathBuf>,
    /// Export every slide of the deck into this folder, then close.
    pub export: Option<PathBuf>,
    /// Save a screenshot here after the first frames, then close.
    pub screenshot: Option<PathBuf>,
    /// Use this theme instead of the saved one.
    pub theme: Option<ThemeChoice>,
    /// Fix "today" (tests and screenshots); the system date otherwise.
    pub today: Option<Day>,
    /// Read and write persisted settings.
    pub persist: bool,
    /// Record the as-of story as a GIF, then close.
    pub video: Option<crate::app::export_video::VideoRequest>,
    /// A caveat line shown at the top and the foot of every screen and slide (and printed on the handout).
    pub banner: Option<String>,
    /// Never open the system's file dialogs; asking for one is as if it were cancelled (the soak test
    /// clicks every menu item).
    pub no_dialogs: bool,
}

/// Jobs the command line starts (`StartOptions::export`, `video`): exporting the slides, recording the as-of story
/// (and where its outcome goes). Never in the browser: `HAS_URL` is a constant, so their code (the
/// handout, the GIF encoder) stays out of the wasm.
pub(super) fn desktop_jobs(
    (export, video): (Option<PathBuf>, Option<crate::app::export_video::VideoRequest>),
    state: &mut crate::state::State,
    present_error: Option<String>,
) -> (
    Option<crate::app::export_slides::ExportPlan>,
    Option<crate::app::export_video::Recording>,
    Option<crate::app::export_slides::ScreenshotResult>,
) {
    let export = export
        .filter(|_| !crate::platform::HAS_URL)
        .map(|out| crate::app::export_slides::ExportPlan::new(out, state, present_error));
    let (video, result) = video
        .filter(|_| !crate::platform::HAS_URL)
        .map(|r| crate::app::export_video::Recording::at_start(r, state))
        .unzip();
    (export, video.flatten(), result)
}
