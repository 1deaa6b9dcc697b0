//! `export-slides`: the app presents each step in turn, takes its own screenshot of the slide, saves
//! `slide-NN.png`, draws the step's map and timeline as vectors for the handout, and at the end writes
//! `handout.pdf` (`views::poster::handout`): a page per step with its map, timeline, points and sources.

use crate::state::PresentCommand;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::model::change_report::report_plain;
use crate::state::{Command, State};
use crate::views::poster::handout::{HandoutPage, handout_pdf, plain_points, step_panels};

/// Outcome of a screenshot run: `None` until it is taken.
pub type ScreenshotResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// Frames to let a slide lay out before its picture is taken.
const SETTLE_FRAMES: u32 = 6;

/// An export under way.
pub struct ExportPlan {
    out: PathBuf,
    step: usize,
    frames: u32,
    requested: bool,
    pending: Picture,
    slides: Vec<HandoutPage>,
    /// Where the outcome goes (the output folder, or why it failed).
    pub result: ScreenshotResult,
    failed: bool,
}

impl ExportPlan {
    /// Prepares the state: every step cuts (no glide to wait for), no presenter window.
    /// `error` is why the deck could not be opened, if it could not; the export then fails at once.
    pub fn new(out: PathBuf, state: &mut State, error: Option<String>) -> Self {
        crate::app::effects::apply(state, Command::Presenting(PresentCommand::CutsOnly(true)));
        let plan = Self {
            out,
            step: 0,
            frames: 0,
            requested: false,
            pending: Arc::new(Mutex::new(None)),
            slides: Vec::new(),
            result: Arc::new(Mutex::new(None)),
            failed: error.is_some(),
        };
        if let Some(e) = error {
            plan.finish(Err(e));
        }
        plan
    }

    fn finish(&self, outcome: Result<PathBuf, String>) {
        if let Ok(mut slot) = self.result.lock() {
            *slot = Some(outcome);
        }
    }

    /// One frame of the export; returns true when it is over.
    pub fn step(&mut self, ctx: &egui::Context, state: &mut State) -> bool {
        if self.failed {
            return true;
        }
        if self.step == 0 && self.frames == 0 {
            no_tooltips(ctx);
        }
        let total = state.deck().map_or(0, |d| d.steps.len());
        if total == 0 {
            self.finish(Err("the deck has no steps".to_owned()));
            return true;
        }
        if state.presenting().map(crate::state::present::Presenting::step) != Some(self.step) {
            crate::app::effects::apply(state, Command::Presenting(PresentCommand::Present(Some(self.step))));
            if state.presenting().is_some_and(crate::state::present::Presenting::presenter_view) {
                crate::app::effects::apply(state, Command::Presenting(PresentCommand::TogglePresenterView));
            }
            self.frames = 0;
        }
        self.frames += 1;
        ctx.request_repaint();
        if self.frames >= SETTLE_FRAMES && !self.requested {
            self.requested = true;
            request_picture(ctx, &self.pending);
        }
        let image = self.pending.lock().ok().and_then(|mut slot| slot.take());
        let Some(image) = image else { return self.frames > 600 };
        if let Err(e) = self.save_slide(&image, state) {
            self.finish(Err(e));
            return true;
        }
        self.step += 1;
        self.requested = false;
        if self.step < total {
            return false;
        }
        let title = state.deck().map_or_else(String::new, |d| d.title.clone());
        let pdf = self.out.join("handout.pdf");
        let outcome = handout_pdf(&title, state.banner(), &self.slides)
            .and_then(|bytes| crate::platform::write_atomic(&pdf, &bytes, false))
            .map(|()| self.out.clone())
            .map_err(|e| format!("cannot write {}: {e}", pdf.display()));
        self.finish(outcome);
        true
    }

    fn save_slide(&mut self, image: &egui::ColorImage, state: &State) -> Result<(), String> {
        let [w, h] = image.size;
        let rgba: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
        let picture = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or("the screenshot has no pixels")?;
        let path = self.out.join(format!("slide-{:02}.png", self.step + 1));
        crate::platform::write_atomic(&path, &png_bytes(&picture)?, false)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let step = state.current_step().cloned().ok_or("no step on screen")?;
        let mut points = plain_points(&step.points);
        // A step that compares two days carries its change report into the handout.
        if let Some(cmp) = state.focus().comparison() {
            let cmp = cmp.only(&state.focus().filter().changes);
            points = format!("{}\n\n{}", points.trim_end(), report_plain(state.dataset(), &cmp));
        }
        // And the sources its initiatives rest on.
        let sources = crate::briefing::sources::sources_of_step(state.dataset(), &step);
        let font = crate::briefing::vector::font::PrintFont::new(crate::theme::NOTO_SANS_JP)?;
        let panels = step_panels(state, &font);
        self.slides.push(HandoutPage { title: step.title, points, sources, panels });
        Ok(())
    }
}

/// Where a requested picture of the window lands.
pub(crate) type Picture = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

/// Asks for a picture of the next frame; it lands in `pending`, and the UI is woken for it.
pub(crate) fn request_picture(ctx: &egui::Context, pending: &Picture) {
    let (pending, repaint) = (pending.clone(), ctx.clone());
    ctx.request_screenshot(move |image| {
        if let Ok(mut slot) = pending.lock() {
            *slot = Some(image);
        }
        repaint.request_repaint();
    });
}

/// Tooltips off while the app takes pictures of itself: the pointer rests wherever the window
/// system left it (the middle of the screen under Xvfb), and its tooltip is no part of a slide.
pub(crate) fn no_tooltips(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.interaction.tooltip_delay = f32::INFINITY);
}

/// Saves a screenshot as PNG, through the one safe write routine.
pub(crate) fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the screenshot has no pixels")?;
    crate::platform::write_atomic(path, &png_bytes(&buffer)?, false)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// An image as PNG bytes (for the one safe write routine).
pub(crate) fn png_bytes(image: &image::RgbaImage) -> Result<Vec<u8>, String> {
    let mut png = std::io::Cursor::new(Vec::new());
    image.write_to(&mut png, image::ImageFormat::Png).map_err(|e| format!("cannot encode the PNG: {e}"))?;
    Ok(png.into_inner())
}

/// A `--screenshot` under way: where it goes, frames drawn so far, whether it was asked for.
#[derive(Debug)]
pub(crate) struct ScreenshotPlan {
    pub(crate) out: PathBuf,
    pub(crate) frames: u32,
    pub(crate) requested: bool,
    pub(crate) result: ScreenshotResult,
}

impl ScreenshotPlan {
    /// One frame of taking the screenshot: asked for on the sixth frame, then the window closes.
    pub(crate) fn step(&mut self, ctx: &egui::Context) {
        let plan = self;
        plan.frames += 1;
        ctx.request_repaint();
        if plan.frames == 6 && !plan.requested {
            plan.requested = true;
            let (out, result, repaint) = (plan.out.clone(), plan.result.clone(), ctx.clone());
            ctx.request_screenshot(move |image| {
                let saved = crate::app::export_slides::save_png(&out, &image).map(|()| out);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
        let done = plan.result.lock().map_or(true, |r| r.is_some());
        if done || plan.frames > 600 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
