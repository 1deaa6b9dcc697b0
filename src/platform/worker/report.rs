//! What the page and its worker share: what the worker said so far, and why a read gave no load.

use crate::formats::{Loaded, Progress};
use crate::model::index::Index;

/// A load and its index (when the worker built one).
pub type Handed = (Loaded, Option<Index>);

/// Why a worker's read gave no load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The worker did not start (before the server answered): read in the page instead.
    Start(String),
    /// The body did not arrive, did not read, or the worker stopped: the message for the user.
    Read(String),
}

/// What the page knows of a worker's read.
#[derive(Debug, Default)]
pub struct Report {
    /// The server answered (the worker said so).
    pub answered: bool,
    /// The length the server announced, if it did.
    pub length: Option<u64>,
    /// The load, decoded, while its index is still being built.
    pub waiting_for_index: Option<Loaded>,
    /// The load and its index (decoded from the hand-overs), or why there is none; `None` while
    /// reading.
    pub outcome: Option<Result<Handed, Failure>>,
}

impl Report {
    /// Whether the body is announced (or read) to be at least `large_at` bytes.
    pub fn is_large(&self, progress: &Progress, large_at: u64) -> bool {
        let done = progress.done.load(std::sync::atomic::Ordering::Relaxed);
        self.length.unwrap_or(0).max(done) >= large_at
    }
}
