//! The app on a generated dataset in a 1920×1080 kittest harness, and one frame of it measured as the
//! user waits for it: the UI built (with AccessKit) and tessellated.

use alliance_atlas::formats::Loaded;
use alliance_atlas::model::{Dataset, Day};
use alliance_atlas::state::Command;
use alliance_atlas::state::command::DataSource;
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;

/// The app with `ds` loaded ("today" 26 Nov 2026), then `setup` (a selection, the form opened …).
pub fn app_on(ds: Dataset, setup: impl FnOnce(&mut AtlasApp) + 'static) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_pixels_per_point(1.0)
        .with_max_steps(1_000)
        .build_eframe(move |cc| {
            let mut app =
                AtlasApp::new(cc, StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), ..StartOptions::default() });
            app.apply(Command::Loaded(Box::new(Loaded::made(ds)), DataSource::Named("generated".to_owned()), None));
            setup(&mut app);
            app
        });
    harness.run_ok();
    harness
}

/// One frame: UI build (with AccessKit) plus tessellation; returns the number of meshes.
pub fn frame(harness: &mut Harness<'static, AtlasApp>) -> usize {
    harness.step();
    let output = harness.output();
    harness.ctx.tessellate(output.shapes.clone(), output.pixels_per_point).len()
}
