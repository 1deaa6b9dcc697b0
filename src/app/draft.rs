//! Keeps the unsaved edits where they outlive the page (the browser's local storage, through
//! `platform::keep_draft`): written a second after the last change, removed once nothing is
//! unsaved, and offered back when the data they were made to is open again.

use crate::state::command::EditCommand;
use crate::state::{Command, State};

/// How long after a change the edits are written (typing rewrites them at most this often).
const WRITE_AFTER_S: f64 = 1.0;

/// The draft kept from an earlier visit, and what was last written.
#[derive(Debug, Default)]
pub struct DraftKeeper {
    /// Kept by an earlier visit, not restored yet: waits for its data to be open.
    pending: Option<String>,
    /// The data generation and unsaved flag last written, and when the data changed since.
    written: Option<(u64, bool)>,
    changed_at: Option<f64>,
    /// Whether the storage holds this visit's edits (or the restored ones).
    kept: bool,
}

impl DraftKeeper {
    /// The keeper, with what an earlier visit kept (none on the desktop, or when `persist` is off).
    pub fn new(persist: bool) -> Self {
        Self { pending: persist.then(crate::platform::kept_draft).flatten(), ..Self::default() }
    }

    /// After each frame: restores a kept draft once its data is open (not while loading), and writes
    /// the edits a second after they change. Returns a command for the state (the restore, or a
    /// message when the browser would not keep them).
    pub fn after_frame(&mut self, ctx: &egui::Context, state: &State, loading: bool) -> Option<Command> {
        // Nowhere to keep them: do not write the journal out each second for nothing.
        if loading || !crate::platform::KEEPS_DRAFTS {
            return None;
        }
        if let Some(text) = &self.pending
            && State::draft_source(text).is_some_and(|s| s == state.source().name())
        {
            self.written = Some((state.generation(), true));
            self.kept = true;
            return self.pending.take().map(|t| Command::Edit(EditCommand::RestoreDraft(t)));
        }
        let now = (state.generation(), state.data_edit().dirty());
        if self.written.is_none() {
            // The first frame: what is on screen is what was read.
            self.written = Some(now);
            return None;
        }
        if self.written == Some(now) {
            return None;
        }
        let time = ctx.input(|i| i.time);
        let since = *self.changed_at.get_or_insert(time);
        if now.1 && time - since < WRITE_AFTER_S {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(WRITE_AFTER_S));
            return None;
        }
        self.written = Some(now);
        self.changed_at = None;
        let text = state.draft_text();
        if text.is_none() && !self.kept {
            // Nothing of ours to remove; what an earlier visit kept for other data stays.
            return None;
        }
        self.kept = text.is_some();
        if self.kept {
            // New edits replace what an earlier visit kept for other data.
            self.pending = None;
        }
        crate::platform::keep_draft(text.as_deref())
            .err()
            .map(|e| Command::Notify(format!("The unsaved edits could not be kept for a reload ({e}): save them.")))
    }
}
