//! The app and the browser around it: the URL fragment follows the view (a new history entry when the
//! selection or briefing step changes, in place otherwise), Back/Forward and edited links move the app,
//! and datasets or decks arriving from `?data=`/`?deck=` URLs or the browser's file picker are loaded in
//! order. On the desktop there is no URL and arrivals come only from nothing (the platform says so).

use crate::app::{deep_link, open_link};
use crate::command::Command;
use crate::platform::{Arrival, Pending};
use crate::state::State;

/// What an arrival is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A dataset: replaces the data when it loads cleanly.
    Dataset,
    /// A briefing deck for the dataset on screen.
    Deck,
}

/// Keeps the URL and the app in step, and loads what arrives.
#[derive(Debug, Default)]
pub struct LinkSync {
    /// The link last written (or followed), in the app's text form.
    written: String,
    /// The fragment as the browser last showed it (decoded); a change we did not make is navigation.
    seen: Option<String>,
    /// The selection or step behind `written`: when it changes, the link gets a new history entry.
    history_key: String,
    /// Fetches and file picks under way, loaded in this order.
    incoming: Vec<(Kind, Pending)>,
    /// The title last given to the window or tab.
    title: String,
}

impl LinkSync {
    /// Starts the fetches the page's URL asks for: `?data=URL`, then `?deck=URL`.
    pub fn from_page(ctx: &egui::Context) -> Self {
        crate::platform::watch_browser(ctx);
        let mut sync = Self::default();
        for (key, kind) in [("data", Kind::Dataset), ("deck", Kind::Deck)] {
            if let Some(url) = crate::platform::url_query(key) {
                sync.incoming.push((kind, crate::platform::fetch(&url, ctx)));
            }
        }
        sync
    }

    /// Waits for a browser file pick (or fetch) of the given kind.
    pub fn expect(&mut self, kind: Kind, pending: Pending) {
        self.incoming.push((kind, pending));
    }

    /// Whether something is still being fetched or picked.
    pub fn waiting(&self) -> bool {
        !self.incoming.is_empty()
    }

    /// Loads arrivals in order (a deck waits for the dataset before it), then follows or updates the
    /// URL, then names the window after the dataset.
    pub fn after_frame(&mut self, ctx: &egui::Context, state: &mut State) {
        self.take_arrivals(state);
        let title = format!("{} — Alliance Atlas", state.dataset.meta.title);
        if title != self.title {
            crate::platform::set_title(ctx, &title);
            self.title = title;
        }
        if crate::platform::HAS_URL && !self.waiting() && !state.is_animating() {
            self.sync_url(state);
        }
    }

    fn take_arrivals(&mut self, state: &mut State) {
        while let Some((kind, slot)) = self.incoming.first() {
            let Some(arrival) = slot.lock().ok().and_then(|mut s| s.take()) else { return };
            let kind = *kind;
            self.incoming.remove(0);
            let command = match arrival {
                Arrival::Bytes(name, bytes) if kind == Kind::Dataset => Command::OpenBytes(name, bytes),
                Arrival::Bytes(name, bytes) => Command::OpenDeckBytes(name, bytes),
                Arrival::Failed(name, why) => {
                    Command::FetchFailed(name.clone(), format!("could not read {name}: {why}"))
                }
                Arrival::Cancelled => continue,
            };
            state.apply(command);
            if let Some(failure) = &state.load_failure {
                let first = failure.problems.first().map(|p| p.display_in(&failure.file).to_string());
                log::error!("{}", first.unwrap_or_else(|| format!("{} could not be loaded", failure.file)));
            }
            // What was loaded may be what the link points into: follow the link again.
            self.seen = None;
        }
    }

    /// Follows the fragment when the browser changed it (Back, Forward, an edited link); otherwise
    /// writes the view into it.
    fn sync_url(&mut self, state: &mut State) {
        let hash = crate::platform::url_hash();
        if hash != self.seen {
            if let Some(link) = &hash {
                open_link(state, link);
            }
            self.seen = hash;
            self.written = deep_link(state);
            self.history_key = history_key(state);
            return;
        }
        let link = deep_link(state);
        if link != self.written {
            let key = history_key(state);
            // The first write names the page as it is; later ones add history only for a new selection or step.
            crate::platform::write_url_hash(&link, !self.history_key.is_empty() && key != self.history_key);
            self.written = link;
            self.history_key = key;
            self.seen = crate::platform::url_hash();
        }
    }
}

/// What a history entry stands for: the briefing step, or the selection.
fn history_key(state: &State) -> String {
    match &state.presenting {
        Some(p) => format!("step {}", p.step),
        None => format!("{:?}", state.selection),
    }
}
