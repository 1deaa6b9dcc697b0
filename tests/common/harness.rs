//! The app in a kittest harness at 1600×900, one point a pixel, with the given start options
//! ("today" fixed to 26 Nov 2026 unless they say otherwise).

use alliance_atlas::model::Day;
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;

/// The app started with `options`, after its first run.
pub fn app_with(options: StartOptions) -> Harness<'static, AtlasApp> {
    let options = StartOptions { today: options.today.or(Some(Day::from_ymd(2026, 11, 26))), ..options };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_pixels_per_point(1.0)
        // Camera flights last 0.8 s; a step is 0.25 s.
        .with_max_steps(12)
        .build_eframe(move |cc| AtlasApp::new(cc, options));
    harness.run();
    harness
}
