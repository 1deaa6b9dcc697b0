//! Large files load off the UI thread: the window stays responsive, shows how far the load has come and
//! can cancel it. On the desktop a thread loads the file; bytes (fetched, picked or dropped in the
//! browser) are read in slices beside the UI (`platform::run_in_slices`: a thread on the desktop, in
//! the browser runs of at most 12 ms between which the page paints and takes input), not one slice a
//! frame, so a slow frame does not make a slow load. Small files (the common case, and every test
//! fixture) still load at once, so opening them stays a single step.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use crate::formats::growing::{Growing, Step};
use crate::formats::{Loaded, Progress};
use crate::model::index::Index;
use crate::platform::worker::WorkerRead;
use crate::platform::{Slice, Stream, now_ms};
use crate::state::command::SharedIndex;
use crate::state::command::{Command, DataSource};

/// Files at least this large (4 MiB, about 7,000 initiatives or 50 ms of parsing) load in the background.
pub const BACKGROUND_BYTES: u64 = 4 << 20;

/// List items read in one slice (well under a millisecond of parsing).
pub const ITEMS_PER_SLICE: usize = 200;

/// A finished load and its index (built on the same thread), or the command that says why the bytes
/// did not arrive.
type Finished = Result<(Loaded, Option<Index>), Command>;

/// Validates and indexes what was read (about a fifth of the load, in one go at the end), logging how
/// long each phase took since `start`.
fn finish(name: &str, reading: Growing, start: f64) -> (Loaded, Option<Index>) {
    let read = now_ms();
    let loaded = reading.finish();
    let checked = now_ms();
    let index = loaded.dataset.as_ref().map(Index::build);
    let indexed = now_ms();
    log::info!(
        "loaded {name}: read {:.0} ms, checked {:.0} ms, indexed {:.0} ms (at {indexed:.0} ms)",
        read - start,
        checked - read,
        indexed - checked
    );
    (loaded, index)
}

/// Installs a finished load (`install`), logging how long that took (the last phase of a load).
pub fn timed(install: impl FnOnce()) {
    let start = now_ms();
    install();
    let end = now_ms();
    log::info!("installed in {:.0} ms (at {end:.0} ms)", end - start);
}

/// A load under way.
#[derive(Debug)]
pub struct Loading {
    /// The file (or URL, or dropped file's name).
    pub path: PathBuf,
    /// Bytes parsed, the file's size, and the cancel flag.
    pub progress: Arc<Progress>,
    /// The load and its index land here when done.
    result: Arc<Mutex<Option<Finished>>>,
    source: DataSource,
    /// A worker reading it (the browser), whose outcome is taken instead of `result`.
    worker: Option<WorkerRead>,
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
                *slot = Some(Ok((loaded, index)));
            }
            ctx.request_repaint();
        });
        Self { source: DataSource::File(path.clone()), path, progress, result, worker: None }
    }

    /// Starts reading a body (fetched, picked or dropped in the browser) in slices beside the UI,
    /// through the data door, while it is still arriving; the UI is woken when it ends. A body that
    /// fails to arrive gives a [`Command::FetchFailed`] and the data on screen stays.
    pub fn in_slices(name: &str, stream: Stream, ctx: &egui::Context) -> Self {
        let length = stream.lock().ok().and_then(|s| s.length);
        let mut growing = Some(Growing::new(name, length));
        let progress = growing.as_ref().map_or_else(Arc::default, |g| g.progress.clone());
        let result = Arc::new(Mutex::new(None));
        let (r, p, ctx, start) = (result.clone(), progress.clone(), ctx.clone(), now_ms());
        let (path, source, name) = (PathBuf::from(name), DataSource::Named(name.to_owned()), name.to_owned());
        log::info!("reading {name} in slices (at {start:.0} ms)");
        crate::platform::run_in_slices(move || {
            let Some(reading) = growing.as_mut() else { return Slice::Done };
            let end = match stream.lock() {
                Ok(mut incoming) if p.cancelled() => {
                    incoming.cancelled = true;
                    return Slice::Done;
                }
                Ok(mut incoming) => {
                    reading.push(&std::mem::take(&mut incoming.bytes));
                    incoming.end.clone()
                }
                Err(_) => Some(Err("the download was lost".to_owned())),
            };
            let outcome = match end {
                Some(Err(why)) => Err(Command::FetchFailed(name.clone(), format!("could not read {name}: {why}"))),
                Some(Ok(())) => {
                    reading.end();
                    Ok(())
                }
                None => Ok(()),
            };
            let finished = match outcome.map(|()| reading.step(ITEMS_PER_SLICE)) {
                Ok(Step::Again) => return Slice::Again,
                Ok(Step::Wait) => return Slice::Wait,
                Ok(Step::Done) => growing.take().map(|reading| Ok(finish(&name, reading, start))),
                Err(failed) => Some(Err(failed)),
            };
            if let Ok(mut slot) = r.lock() {
                *slot = finished;
            }
            // Reading is over (a syntax error may end it early): the rest of the body is not needed.
            if let Ok(mut incoming) = stream.lock() {
                incoming.cancelled = true;
            }
            ctx.request_repaint();
            Slice::Done
        });
        Self { path, progress, result, source, worker: None }
    }

    /// Follows a worker's read of a large body (the browser; `platform::worker`): its progress is shown,
    /// and its load indexed and installed when it is handed over. Cancel stops the worker.
    pub fn in_worker(name: &str, read: WorkerRead) -> Self {
        let source = DataSource::Named(name.to_owned());
        let (progress, result) = (read.progress.clone(), Arc::new(Mutex::new(None)));
        Self { path: PathBuf::from(name), progress, result, source, worker: Some(read) }
    }

    /// The worker's outcome, once there is one: the load with its index (the worker's, or built here if
    /// it sent none), or the command that says why there is none.
    fn worker_finished(read: &WorkerRead, name: &str) -> Option<Finished> {
        use crate::platform::worker::Failure;
        Some(match read.take_outcome()? {
            Ok((loaded, Some(index))) => Ok((loaded, Some(index))),
            Ok((loaded, None)) => {
                let start = now_ms();
                let index = loaded.dataset.as_ref().map(Index::build);
                log::info!("indexed {name} in {:.0} ms (at {:.0} ms)", now_ms() - start, now_ms());
                Ok((loaded, index))
            }
            Err(Failure::Read(why) | Failure::Start(why)) => Err(Command::FetchFailed(name.to_owned(), why)),
        })
    }

    /// The command that installs the load once finished; `None` while it runs; `Some(Err(()))` when it
    /// was cancelled.
    pub fn finished(&mut self) -> Option<Result<Command, ()>> {
        if self.progress.cancelled() {
            return Some(Err(()));
        }
        let finished = match &self.worker {
            Some(read) => Self::worker_finished(read, &self.path.display().to_string()),
            None => self.result.lock().ok()?.take(),
        };
        let (loaded, index) = match finished? {
            Ok(finished) => finished,
            Err(failed) => return Some(Ok(failed)),
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
        ctx.request_repaint_after(crate::platform::PROGRESS_REPAINT);
        cancel
    }
}
