//! The desktop's real frame time while dragging: the app in a real eframe window (wgpu; on a machine
//! without a GPU, Mesa's software Vulkan, lavapipe), vsync off, so each frame's interval is its whole
//! cost — input, UI, tessellation, rasterising and present. The pointer is driven through
//! `raw_input_hook`: a drag of the timeline at (900, 720) by 2.5 points a frame, then of the map at
//! (700, 300), on generated data at 1600×900 (`ATLAS_BENCH_SIZES`, default 1,000 and 100,000). Run under
//! Xvfb: `xvfb-run -a -s "-screen 0 1920x1200x24" cargo bench --bench window`. Figures:
//! docs/PERFORMANCE.md, next to the browser's.

#![expect(clippy::print_stdout, reason = "a benchmark that reports figures")]

mod common;

use alliance_atlas::formats::Loaded;
use alliance_atlas::model::Day;
use alliance_atlas::model::generate::generate;
use alliance_atlas::platform::now_ms;
use alliance_atlas::state::Command;
use alliance_atlas::state::command::DataSource;
use alliance_atlas::{AtlasApp, StartOptions};
use egui::{Event, PointerButton, Pos2, pos2};

/// Frames before the first drag (the data shown, the caches warm), and frames per drag.
const SETTLE: u64 = 60;
const DRAG: u64 = 120;

struct Bench {
    app: AtlasApp,
    frame: u64,
    last: Option<f64>,
    /// Frame intervals during each drag, in milliseconds: the timeline's, the map's.
    intervals: [Vec<f64>; 2],
    label: String,
}

/// Which drag `frame` belongs to, and its step in it.
fn drag_of(frame: u64) -> Option<(usize, u64)> {
    let k = frame.checked_sub(SETTLE)?;
    let drag = (k / (DRAG + 10)) as usize;
    let step = k % (DRAG + 10);
    (drag < 2 && step <= DRAG).then_some((drag, step))
}

impl eframe::App for Bench {
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        ctx.request_repaint();
        let Some((drag, step)) = drag_of(self.frame) else { return };
        let start: Pos2 = if drag == 0 { pos2(900.0, 720.0) } else { pos2(700.0, 300.0) };
        let at = start + egui::vec2(step as f32 * 2.5, 0.0);
        raw_input.events.push(Event::PointerMoved(at));
        let pressed = match step {
            0 => Some(true),
            s if s == DRAG => Some(false),
            _ => None,
        };
        if let Some(pressed) = pressed {
            let modifiers = egui::Modifiers::NONE;
            raw_input.events.push(Event::PointerButton { pos: at, button: PointerButton::Primary, pressed, modifiers });
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let now = now_ms();
        if let (Some((drag, step)), Some(last)) = (drag_of(self.frame), self.last)
            && step > 1
        {
            self.intervals[drag].push(now - last);
        }
        self.last = Some(now);
        self.frame += 1;
        self.app.ui(ui, frame);
        if self.frame == SETTLE + 2 * (DRAG + 10) + 1 {
            report(&self.label, &self.intervals);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn report(label: &str, intervals: &[Vec<f64>; 2]) {
    let stats = |xs: &[f64]| {
        let mut s = xs.to_vec();
        s.sort_by(f64::total_cmp);
        let mean = s.iter().sum::<f64>() / s.len().max(1) as f64;
        let p95 = s.get((s.len() * 95 / 100).min(s.len().saturating_sub(1))).copied().unwrap_or(0.0);
        format!("{mean:.1} / {p95:.1} ms ({} frames)", s.len())
    };
    println!("{label}: timeline pan {}; map pan {}", stats(&intervals[0]), stats(&intervals[1]));
}

fn main() -> eframe::Result {
    for n in common::sizes(&[1_000, 100_000]) {
        let ds = generate(n, (n / 10).clamp(50, 10_000), 1);
        let options = eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1600.0, 900.0]),
            wgpu_options: eframe::WgpuConfiguration {
                surface: eframe::SurfaceConfig {
                    present_mode: eframe::wgpu::PresentMode::AutoNoVsync,
                    ..eframe::SurfaceConfig::LOW_LATENCY
                },
                ..Default::default()
            },
            persist_window: false,
            ..Default::default()
        };
        let label = format!("{n} initiatives, 1600×900, window");
        eframe::run_native(
            "alliance-atlas window bench",
            options,
            Box::new(move |cc| {
                let start = StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), ..StartOptions::default() };
                let mut app = AtlasApp::new(cc, start);
                let loaded = Box::new(Loaded::made(ds));
                app.apply(Command::Loaded(loaded, DataSource::Named("generated".to_owned()), None));
                Ok(Box::new(Bench { app, frame: 0, last: None, intervals: [Vec::new(), Vec::new()], label }))
            }),
        )?;
    }
    Ok(())
}
