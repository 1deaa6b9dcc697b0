//! A `?data=` body read by a Web Worker, beside the page: the worker runs the app's own wasm module
//! (handed to it already compiled, so nothing is downloaded or compiled twice), fetches the body,
//! reads and checks it while it arrives (`serve.rs`), and posts the finished load as one transferred
//! buffer (`formats::handover`), which the page decodes in a fraction of the reading's time. The page
//! meanwhile starts, paints and stays usable: reading no longer shares its one thread.
//!
//! The page starts the worker itself, in `index.html`, as it opens (`assets/web/data-worker.js`): a
//! worker's start waits for the page's thread, which the app keeps busy for its first few hundred
//! milliseconds, and the body starts arriving meanwhile. The app adopts it ([`read_in_worker`]).
//! When there is none (no module workers, the app's script not found as in the one-file briefing
//! page, `?worker=off`), the caller reads in the page instead (`platform::fetch_stream`); a worker that
//! fails before the server answered says [`Failure::Start`], for the same fallback. On the desktop
//! there is no worker (and no URL).

mod report;
#[cfg(target_arch = "wasm32")]
mod serve;
#[cfg(target_arch = "wasm32")]
mod spawn;

#[cfg(target_arch = "wasm32")]
pub use serve::{begin, end, push};

use std::sync::{Arc, Mutex};

pub use report::{Failure, Handed, Report};

use crate::formats::Progress;

/// A read under way in a worker; dropping it stops the worker.
#[derive(Debug)]
pub struct WorkerRead {
    /// Bytes read of the body's announced length (for the progress bar).
    pub progress: Arc<Progress>,
    /// What the worker said.
    pub report: Arc<Mutex<Report>>,
    /// The worker, held for its `Drop` (which stops it).
    #[cfg(target_arch = "wasm32")]
    _worker: spawn::Spawned,
}

impl WorkerRead {
    /// Takes the outcome, once there is one.
    pub fn take_outcome(&self) -> Option<Result<Handed, Failure>> {
        self.report.lock().ok()?.outcome.take()
    }

    /// Whether the body is large (`large_at` bytes or more, announced or read).
    pub fn is_large(&self, large_at: u64) -> bool {
        self.report.lock().is_ok_and(|r| r.is_large(&self.progress, large_at))
    }

    /// Whether the worker has a load or a failure to give.
    pub fn ended(&self) -> bool {
        self.report.lock().map_or(true, |r| r.outcome.is_some())
    }
}

/// Adopts the worker the page started for `url` (its `?data=`), which reads it as it arrives, waking
/// the UI when the body turns out to be `large_at` bytes or more and when the load (or a failure) is
/// ready. `None` when there is none (`?worker=off`, no module workers, the one-file briefing page, a
/// URL that is not the page's `?data=`) — then read in the page — and on the desktop.
pub fn read_in_worker(url: &str, large_at: u64, ctx: &egui::Context) -> Option<WorkerRead> {
    #[cfg(target_arch = "wasm32")]
    {
        let progress = Arc::new(Progress::default());
        let report = Arc::new(Mutex::new(Report::default()));
        let wake = Arc::new(Mutex::new(Some(ctx.clone())));
        let worker = spawn::adopt(url, large_at, progress.clone(), &report, wake)?;
        Some(WorkerRead { progress, report, _worker: worker })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (url, large_at, ctx);
        None
    }
}
