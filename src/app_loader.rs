//! Large files load off the UI thread: the window stays responsive, shows how far the load has come and
//! can cancel it. Small files (the common case, and every test fixture) still load at once, so opening
//! them stays a single step.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use crate::command::{Command, DataSource};
use crate::model::{Loaded, Progress};

/// Files at least this large (4 MiB, about 7,000 initiatives or 50 ms of parsing) load in the background.
pub const BACKGROUND_BYTES: u64 = 4 << 20;

/// A load under way.
#[derive(Debug)]
pub struct Loading {
    /// The file.
    pub path: PathBuf,
    /// Bytes parsed, the file's size, and the cancel flag.
    pub progress: Arc<Progress>,
    result: Arc<Mutex<Option<Loaded>>>,
}

/// Whether `path` should load in the background.
pub fn is_large(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_BYTES)
}

impl Loading {
    /// Starts loading `path` on another thread; the UI is woken when it ends.
    pub fn start(path: PathBuf, ctx: &egui::Context) -> Self {
        let progress = Arc::new(Progress::default());
        let result = Arc::new(Mutex::new(None));
        let (p, r, file, ctx) = (progress.clone(), result.clone(), path.clone(), ctx.clone());
        crate::platform::spawn(move || {
            let loaded = crate::model::load_file_with(&file, Some(p));
            if let Ok(mut slot) = r.lock() {
                *slot = Some(loaded);
            }
            ctx.request_repaint();
        });
        Self { path, progress, result }
    }

    /// The command that installs the finished load, or `None` while it runs (or when it was cancelled;
    /// then `Some(Err(()))`).
    pub fn finished(&self) -> Option<Result<Command, ()>> {
        let loaded = self.result.lock().ok()?.take()?;
        if loaded.was_cancelled() {
            return Some(Err(()));
        }
        Some(Ok(Command::Loaded(Box::new(loaded), DataSource::File(self.path.clone()))))
    }

    /// A small window with the file, a progress bar and Cancel. Returns whether Cancel was pressed.
    pub fn ui(&self, ctx: &egui::Context) -> bool {
        let mut cancel = false;
        let name = self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.display().to_string());
        egui::Window::new("Loading")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                let (done, total) =
                    (self.progress.done.load(Ordering::Relaxed), self.progress.total.load(Ordering::Relaxed));
                let mb = |n: u64| n as f64 / 1_048_576.0;
                let text = if total == 0 {
                    format!("Reading {name}…")
                } else if done >= total {
                    format!("Checking and indexing {name}…")
                } else {
                    format!("Reading {name}: {:.0} of {:.0} MB", mb(done), mb(total))
                };
                ui.label(text);
                ui.add(egui::ProgressBar::new(self.progress.fraction()).show_percentage().desired_width(360.0));
                ui.weak("The data on screen stays usable until the new file is ready.");
                if ui.button("Cancel").clicked() {
                    self.progress.cancel.store(true, Ordering::Relaxed);
                    cancel = true;
                }
            });
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        cancel
    }
}
