//! Shared set-up for the UI tests: the app on the embedded dataset, at a fixed date and size.

use alliance_atlas::model::Day;
use alliance_atlas::theme::ThemeChoice;
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;

/// The app at 1600×900 on the embedded dataset, "today" fixed to 26 Nov 2026.
pub fn app(theme: ThemeChoice) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_pixels_per_point(1.0)
        // Camera flights last 0.8 s; a step is 0.25 s.
        .with_max_steps(12)
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    today: Some(Day::from_ymd(2026, 11, 26)),
                    theme: Some(theme),
                    ..StartOptions::default()
                },
            )
        });
    harness.run();
    harness
}
