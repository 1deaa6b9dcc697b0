//! Large files load off the UI thread: the window stays responsive, shows how far the load has come and
//! can cancel it. On the desktop a thread loads the file; in the browser (one thread) the text is read
//! a slice of items per frame. Small files (the common case, and every test fixture) still load at
//! once, so opening them stays a single step.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use crate::formats::{Loaded, Opening, Progress};
use crate::model::index::Index;
use crate::state::command::SharedIndex;
use crate::state::command::{Command, DataSource};

/// Files at least this large (4 MiB, about 7,000 initiatives or 50 ms of parsing) load in the background.
pub const BACKGROUND_BYTES: u64 = 4 << 20;

/// List items read per frame when loading in slices (a few milliseconds of parsing).
pub const ITEMS_PER_FRAME: usize = 2_000;

/// A finished load and its index (built on the same thread).
type Finished = (Loaded, Option<Index>);

/// How the load runs.
#[derive(Debug)]
enum Work {
    /// A thread loads and indexes the file; the result lands here.
    Thread(Arc<Mutex<Option<Finished>>>),
    /// The text is read a slice per frame (taken when the reading ends).
    Slices(Option<Box<Opening>>),
}

/// A load under way.
#[derive(Debug)]
pub struct Loading {
    /// The file (or URL, or dropped file's name).
    pub path: PathBuf,
    /// Bytes parsed, the file's size, and the cancel flag.
    pub progress: Arc<Progress>,
    work: Work,
    source: DataSource,
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
            let loaded = crate::formats::open(crate::formats::Input::File(&file), Some(p));
            // The index too (2 s at a million initiatives), so the UI thread only swaps it in.
            let index = loaded.dataset.as_ref().map(Index::build);
            if let Ok(mut slot) = r.lock() {
                *slot = Some((loaded, index));
            }
            ctx.request_repaint();
        });
        Self { source: DataSource::File(path.clone()), path, progress, work: Work::Thread(result) }
    }

    /// Starts reading `bytes` (fetched, picked or dropped in the browser) a slice per frame through the
    /// data door. Bytes that cannot be read in slices give their outcome at once, as the command that
    /// installs it (or shows its problems).
    pub fn in_slices(name: String, bytes: Vec<u8>) -> Result<Self, Command> {
        let path = PathBuf::from(&name);
        let opening = Opening::new(&name, bytes);
        let source = DataSource::Named(name);
        match opening {
            Ok(opening) => Ok(Self {
                path,
                progress: opening.progress.clone(),
                work: Work::Slices(Some(Box::new(opening))),
                source,
            }),
            Err(loaded) => Err(Command::Loaded(loaded, source, None)),
        }
    }

    /// Goes on with the load (reads the next slice, when loading in slices) and returns the command
    /// that installs it once finished; `None` while it runs; `Some(Err(()))` when it was cancelled.
    pub fn finished(&mut self) -> Option<Result<Command, ()>> {
        let (loaded, index) = match &mut self.work {
            Work::Thread(result) => result.lock().ok()?.take()?,
            Work::Slices(slot) => {
                if !slot.as_mut()?.step(ITEMS_PER_FRAME) {
                    return None;
                }
                // Validation and the index run in one go at the end (about a fifth of the load).
                let loaded = slot.take()?.finish();
                let index = loaded.dataset.as_ref().map(Index::build);
                (loaded, index)
            }
        };
        if loaded.was_cancelled() {
            return Some(Err(()));
        }
        let index = index.map(|i| SharedIndex(Arc::new(i)));
        Some(Ok(Command::Loaded(Box::new(loaded), self.source.clone(), index)))
    }

    /// "Loading NAME… 45 % — Alliance Atlas", for the window or tab title while loading.
    pub fn title(&self) -> String {
        let name = self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.display().to_string());
        format!("Loading {name}… {:.0} % — Alliance Atlas", self.progress.fraction() * 100.0)
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
