//! The as-of story as an animated GIF: the app moves its as-of day from a day to a day in even steps,
//! takes its own picture of each frame (the day written large over the views), and writes the frames
//! as a looping GIF through the one safe write routine. `alliance-atlas export-video` runs it in a
//! window of its own; File > Export > As-of story… runs it in the window on screen.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use image::codecs::gif::{GifEncoder, Repeat};

use crate::app::export_slides::ScreenshotResult;
use crate::model::Day;
use crate::state::{Command, FocusCommand, State};

/// Frames a new as-of day is drawn before its picture is taken.
const SETTLE_FRAMES: u32 = 3;
/// How long the last frame stays before the story loops, in milliseconds.
const HOLD_LAST_MS: u32 = 2_000;

/// What a story is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct VideoRequest {
    /// The GIF to write.
    pub out: PathBuf,
    /// The first day (default: the data's first).
    pub from: Option<Day>,
    /// The last day (default: the data's as-of day, or its last).
    pub to: Option<Day>,
    /// How many pictures, at least 2.
    pub frames: u32,
    /// Pictures a second.
    pub fps: f32,
}

/// The days of a story: `frames` days evenly from `from` to `to`, both included.
pub fn story_days(from: Day, to: Day, frames: u32) -> Vec<Day> {
    let n = i64::from(frames.max(2));
    (0..n).map(|i| Day(from.0 + (to.0 - from.0) * i / (n - 1))).collect()
}

/// A GIF growing in memory (the encoder owns its writer; the bytes are taken when it is done).
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("the GIF buffer was poisoned"))?.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A story being recorded.
pub struct VideoPlan {
    request: VideoRequest,
    days: Vec<Day>,
    at: usize,
    settle: u32,
    requested: bool,
    pending: crate::app::export_slides::Picture,
    bytes: Shared,
    encoder: Option<GifEncoder<Shared>>,
    /// Where the outcome goes (the GIF written, or why not).
    pub result: ScreenshotResult,
}

impl VideoPlan {
    /// Plans the story over the data on screen; an empty span is an error.
    pub fn new(request: VideoRequest, state: &State) -> Result<Self, String> {
        let span = state.index().full_span;
        let from = request.from.or(span.map(|s| Day(s.0.floor() as i64)));
        let as_of = state.dataset().meta.as_of.latest();
        let to = request.to.or(as_of).or(span.map(|s| Day(s.1.ceil() as i64)));
        let (Some(from), Some(to)) = (from, to) else { return Err("the data has no dated initiatives".to_owned()) };
        if to <= from {
            return Err(format!("the story must end after it starts ({} → {})", from.ymd_words(), to.ymd_words()));
        }
        let bytes = Shared::default();
        let mut encoder = GifEncoder::new_with_speed(bytes.clone(), 10);
        encoder.set_repeat(Repeat::Infinite).map_err(|e| format!("cannot start the GIF: {e}"))?;
        Ok(Self {
            days: story_days(from, to, request.frames),
            request,
            at: 0,
            settle: 0,
            requested: false,
            pending: Arc::new(Mutex::new(None)),
            bytes,
            encoder: Some(encoder),
            result: Arc::new(Mutex::new(None)),
        })
    }

    /// The caption over the frame being recorded.
    pub fn caption(&self) -> Option<String> {
        self.days.get(self.at).map(|day| format!("as of {}", day.ymd_words()))
    }

    fn finish(&mut self, outcome: Result<PathBuf, String>) {
        self.encoder = None;
        if let Ok(mut slot) = self.result.lock() {
            *slot = Some(outcome);
        }
    }

    /// One frame of the recording; returns true when it is over (written or failed), and then gives
    /// the tooltips back.
    pub fn step(&mut self, ctx: &egui::Context, state: &mut State) -> bool {
        let done = self.record(ctx, state);
        if done {
            let delay = egui::style::Interaction::default().tooltip_delay;
            ctx.all_styles_mut(|style| style.interaction.tooltip_delay = delay);
        }
        done
    }

    fn record(&mut self, ctx: &egui::Context, state: &mut State) -> bool {
        if self.encoder.is_none() {
            return true;
        }
        let Some(&day) = self.days.get(self.at) else {
            self.encoder = None; // writes the GIF's trailer
            let bytes = self.bytes.0.lock().map(|b| b.clone()).unwrap_or_default();
            let out = self.request.out.clone();
            let written = crate::platform::write_atomic(&out, &bytes, false).map(|()| out.clone());
            self.finish(written.map_err(|e| format!("cannot write {}: {e}", out.display())));
            return true;
        };
        if self.at == 0 && self.settle == 0 {
            // The story's span fills the timeline (a tenth either side), and the pointer wherever it
            // rests shows no tooltip in the pictures.
            let (from, to) = (self.days[0].0 as f64, self.days[self.days.len() - 1].0 as f64);
            let margin = (to - from) / 10.0;
            let view = crate::model::view::TimeView { start: from - margin, end: to + margin };
            crate::app::effects::apply(state, Command::SetTimeView(view));
            crate::app::export_slides::no_tooltips(ctx);
        }
        if state.focus().filter().as_of != Some(day.0) {
            let filter = crate::model::filter::Filter { as_of: Some(day.0), ..state.focus().filter().clone() };
            crate::app::effects::apply(state, Command::Focus(FocusCommand::SetFilter(Box::new(filter))));
            self.settle = 0;
        }
        self.settle += 1;
        ctx.request_repaint();
        if self.settle >= SETTLE_FRAMES && !self.requested {
            self.requested = true;
            crate::app::export_slides::request_picture(ctx, &self.pending);
        }
        let Some(image) = self.pending.lock().ok().and_then(|mut slot| slot.take()) else { return false };
        if let Err(e) = self.add_frame(&image) {
            self.finish(Err(e));
            return true;
        }
        self.at += 1;
        self.requested = false;
        false
    }

    fn add_frame(&mut self, image: &egui::ColorImage) -> Result<(), String> {
        let [w, h] = image.size;
        let rgba: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
        let picture = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or("the screenshot has no pixels")?;
        let frame_ms = (1000.0 / self.request.fps.clamp(0.1, 50.0)).round() as u32;
        let ms = if self.at + 1 == self.days.len() { frame_ms.max(HOLD_LAST_MS) } else { frame_ms };
        let delay = image::Delay::from_numer_denom_ms(ms, 1);
        let encoder = self.encoder.as_mut().ok_or("the GIF was closed")?;
        encoder
            .encode_frame(image::Frame::from_parts(picture, 0, 0, delay))
            .map_err(|e| format!("cannot add a frame: {e}"))
    }
}

/// A story being recorded in the app's window, and whether the window closes when it is written.
pub struct Recording {
    plan: VideoPlan,
    close: bool,
}

impl Recording {
    /// A recording asked for on the command line: it closes the window when done; the result slot
    /// says how it went (also when it could not start).
    pub fn at_start(request: VideoRequest, state: &State) -> (Option<Self>, ScreenshotResult) {
        match VideoPlan::new(request, state) {
            Ok(plan) => {
                let result = plan.result.clone();
                (Some(Self { plan, close: true }), result)
            }
            Err(e) => (None, Arc::new(Mutex::new(Some(Err(e))))),
        }
    }

    /// A recording in the window on screen (File > Export > As-of story…); why it cannot start goes
    /// to the top bar.
    pub fn start(request: VideoRequest, state: &mut State) -> Option<Self> {
        match VideoPlan::new(request, state) {
            Ok(plan) => Some(Self { plan, close: false }),
            Err(e) => {
                let message = format!("Could not record the as-of story: {e}");
                crate::app::effects::apply(state, Command::Notify(message));
                None
            }
        }
    }

    /// The caption over the frame being recorded.
    pub fn caption(&self) -> Option<String> {
        self.plan.caption()
    }

    /// One frame; true when it is over: the window closes, or the top bar says where the GIF went.
    pub fn step(&mut self, ctx: &egui::Context, state: &mut State) -> bool {
        if !self.plan.step(ctx, state) {
            return false;
        }
        if self.close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            let message = match self.plan.result.lock().ok().and_then(|mut r| r.take()) {
                Some(Ok(path)) => format!("Wrote the as-of story {}", path.display()),
                Some(Err(e)) => format!("Could not record the as-of story: {e}"),
                None => "The as-of story was not recorded".to_owned(),
            };
            crate::app::effects::apply(state, Command::Notify(message));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_days_are_spread_evenly_and_both_ends_are_in() {
        assert_eq!(story_days(Day(0), Day(10), 3), [Day(0), Day(5), Day(10)]);
        assert_eq!(story_days(Day(100), Day(103), 4), [Day(100), Day(101), Day(102), Day(103)]);
        assert_eq!(story_days(Day(0), Day(9), 0), [Day(0), Day(9)], "at least the two ends");
    }
}
