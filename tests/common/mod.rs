//! Shared set-up for the UI tests: the app on the embedded dataset, at a fixed date and size.

mod harness;

use alliance_atlas::StartOptions;
use alliance_atlas::theme::ThemeChoice;
use egui_kittest::Harness;

/// The app at 1600×900 on the embedded dataset, "today" fixed to 26 Nov 2026.
pub fn app(theme: ThemeChoice) -> Harness<'static, alliance_atlas::AtlasApp> {
    harness::app_with(StartOptions { theme: Some(theme), ..StartOptions::default() })
}
