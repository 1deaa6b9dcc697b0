//! The app and the browser around it: the URL fragment follows the view (a new history entry when the
//! selection or briefing step changes, in place otherwise), Back/Forward and edited links move the app,
//! and datasets or decks arriving from `?data=`/`?deck=` URLs or the browser's file picker are loaded in
//! order. Also the deep-link functions the desktop shares (`--view`, `--select`, `--present`). On the
//! desktop there is no URL to follow, and nothing arrives this way.

use crate::platform::worker::{Failure, WorkerRead};
use crate::platform::{Arrival, Incoming, Pending, Stream};
use crate::state::State;
use crate::state::command::{Command, DataSource, Origin, Selection};
use crate::state::{FocusCommand, PresentCommand};

/// What an arrival is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A dataset: replaces the data when it loads cleanly.
    Dataset,
    /// A briefing deck for the dataset on screen.
    Deck,
}

/// Something on its way: a file pick or a fetch in one piece, or a dataset's body streamed from its URL.
#[derive(Debug)]
enum Waiting {
    /// Lands whole.
    Slot(Pending),
    /// The URL, and its body as it arrives: loaded beside the UI while still arriving once it is large.
    Stream(String, Stream),
    /// The URL, read by a worker beside the page: installed when it is in, or (once it is large) handed
    /// to the app, which shows the progress.
    Worker(String, WorkerRead),
}

/// A large dataset on its way, for the app to load while showing the progress.
#[derive(Debug)]
pub enum Large {
    /// Arriving in the page (or arrived whole, as a picked file): read in slices beside the UI.
    InPage(String, Stream),
    /// Read by a worker.
    Worker(String, WorkerRead),
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
    incoming: Vec<(Kind, Waiting)>,
    /// The title last given to the window or tab.
    title: String,
    /// A large dataset arriving (or arrived), for the app to load while showing the progress.
    large: Option<Large>,
}

impl LinkSync {
    /// Starts the fetches the page's URL asks for: `?data=URL`, then `?deck=URL`.
    pub fn from_page(ctx: &egui::Context) -> Self {
        crate::platform::watch_browser(ctx);
        let mut sync = Self::default();
        for (key, kind) in [("data", Kind::Dataset), ("deck", Kind::Deck)] {
            if let Some(url) = crate::platform::url_query(key) {
                let waiting = match kind {
                    Kind::Dataset => dataset_from(url, ctx),
                    Kind::Deck => Waiting::Slot(crate::platform::fetch(&url, ctx)),
                };
                sync.incoming.push((kind, waiting));
            }
        }
        sync
    }

    /// Waits for a browser file pick (or fetch) of the given kind.
    pub fn wait_for(&mut self, kind: Kind, pending: Pending) {
        self.incoming.push((kind, Waiting::Slot(pending)));
    }

    /// Names the window after the dataset again on the next frame (after a load showed its progress).
    pub fn forget_title(&mut self) {
        self.title.clear();
    }

    /// A large dataset arriving or arrived, to be loaded while showing the progress.
    pub fn take_large(&mut self) -> Option<Large> {
        self.large.take()
    }

    /// Whether something is still being fetched or picked.
    pub fn waiting(&self) -> bool {
        !self.incoming.is_empty()
    }

    /// Loads arrivals in order (a deck waits for the dataset before it), then follows or updates the
    /// URL, then names the window after the dataset. While the app is `busy` loading a large dataset,
    /// arrivals and the link wait.
    pub fn after_frame(&mut self, ctx: &egui::Context, state: &mut State, busy: bool) {
        if busy {
            return;
        }
        self.take_arrivals(state, ctx);
        if self.large.is_some() {
            // A large dataset loads first; the link (a `#t=` window, a selection) is followed once it
            // is in, not applied to the data it replaces and then lost.
            return;
        }
        let dirty = if state.data_edit().dirty() { "• " } else { "" };
        // Data with errors can be saved (it is the user's file), and the title says so.
        let errors = match state.data_edit().error_count() {
            0 => String::new(),
            1 => " (1 error)".to_owned(),
            n => format!(" ({n} errors)"),
        };
        let title = match state.page().title.trim() {
            "" => format!("{dirty}{}{errors} — Alliance Atlas", state.dataset().meta.title),
            page => page.to_owned(),
        };
        if title != self.title {
            crate::platform::set_title(ctx, &title);
            self.title = title;
        }
        if crate::platform::HAS_URL && !self.waiting() && !state.is_animating() {
            self.sync_url(state);
        }
    }

    fn take_arrivals(&mut self, state: &mut State, ctx: &egui::Context) {
        while let Some((kind, waiting)) = self.incoming.first_mut() {
            let kind = *kind;
            let next = match waiting {
                Waiting::Worker(url, read) if read.ended() => match read.take_outcome() {
                    Some(Err(Failure::Start(_))) => {
                        // No worker here after all: read in the page.
                        *waiting = Waiting::Stream(
                            url.clone(),
                            crate::platform::fetch_stream(url, crate::app::loader::BACKGROUND_BYTES, ctx),
                        );
                        continue;
                    }
                    outcome => Ok(Some(worker_outcome(url.clone(), outcome))),
                },
                Waiting::Worker(_, read) if read.is_large(crate::app::loader::BACKGROUND_BYTES) => {
                    // The app shows its progress; the deck (if any) and the link wait until it is in.
                    if let (_, Waiting::Worker(url, read)) = self.incoming.remove(0) {
                        self.large = Some(Large::Worker(url, read));
                        self.seen = None;
                    }
                    return;
                }
                Waiting::Slot(slot) => match slot.lock().ok().and_then(|mut s| s.take()) {
                    Some(arrival) => arrived(kind, arrival),
                    None => return,
                },
                Waiting::Stream(name, stream) if streamed_far_enough(stream) => {
                    stream_outcome(name.clone(), stream.clone())
                }
                Waiting::Stream(..) | Waiting::Worker(..) => return,
            };
            self.incoming.remove(0);
            let command = match next {
                Ok(Some(command)) => command,
                Ok(None) => continue,
                Err(large) => {
                    // The app loads it in slices (while it arrives); the deck (if any) and the link
                    // wait until it is in.
                    self.large = Some(Large::InPage(large.0, large.1));
                    self.seen = None;
                    return;
                }
            };
            crate::app::effects::apply(state, command);
            if let Some(failure) = state.load_failure() {
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
    match state.presenting() {
        Some(p) => format!("step {}", p.step()),
        None => format!("{:?}", state.selection()),
    }
}

/// The deep link of what is on screen: `step=N` while presenting, else the view's text form.
pub fn deep_link(state: &State) -> String {
    match state.presenting() {
        Some(p) => format!("step={}", p.step() + 1),
        None => state.current_view().to_text(),
    }
}

/// Opens a deep link: `step=N` presents the deck at step N; anything else is a view (and ends a
/// presentation).
pub fn open_link(state: &mut State, link: &str) {
    if let Some(step) = link.strip_prefix("step=").and_then(|n| n.parse::<usize>().ok()) {
        if state.presenting().is_some() || start_presenting(state, std::path::Path::new("-")).is_ok() {
            crate::app::effects::apply(
                state,
                Command::Presenting(PresentCommand::Present(Some(step.saturating_sub(1)))),
            );
        }
    } else {
        if state.presenting().is_some() {
            crate::app::effects::apply(state, Command::Presenting(PresentCommand::Present(None)));
        }
        open_view(state, link);
    }
}

/// Opens a saved view by name, or a view in text form; anything else is reported and ignored.
pub fn open_view(state: &mut State, view: &str) {
    let saved = state.focus().saved().views.iter().find(|v| v.name == view).map(|v| v.view.clone());
    match saved.map_or_else(|| crate::model::view_state::ViewState::from_text(view), Ok) {
        Ok(view) => crate::app::effects::apply(state, Command::Focus(FocusCommand::RestoreView(Box::new(view)))),
        Err(e) => {
            let names: Vec<&str> = state.focus().saved().views.iter().map(|v| v.name.as_str()).collect();
            log::warn!(
                "--view {view}: no saved view has this name ({}) and it is not a view in text form ({e})",
                names.join(", ")
            );
            crate::app::effects::apply(state, Command::ViewMessage(format!("No saved view called \"{view}\"")));
        }
    }
}

/// Opens what a one-file briefing page holds: its dataset and deck, then its options (read-only
/// last, so its own data goes in first); presents from step 1 when asked and the link names no step
/// or view of its own.
pub fn open_page(state: &mut State, page: crate::platform::PagePayload) {
    for problem in page.problems {
        crate::app::effects::apply(state, Command::FetchFailed("the briefing page".to_owned(), problem));
    }
    if let Some((name, bytes)) = page.data {
        crate::app::effects::apply(state, Command::OpenBytes(name, bytes));
    }
    if let Some(deck) = page.deck {
        crate::app::effects::apply(state, Command::OpenDeckBytes("the briefing page's deck".to_owned(), deck));
    }
    let present = page.options.present;
    crate::app::effects::apply(state, Command::SetPage(Box::new(page.options)));
    if present && crate::platform::url_hash().is_none() && state.deck().is_some() {
        crate::app::effects::apply(state, Command::Presenting(PresentCommand::Present(Some(0))));
    }
}

/// Starts presenting the dataset's deck (`path` empty or "-"), or the deck in `path`.
/// A deck file with errors is not presented: its problems are shown (and returned) instead.
pub fn start_presenting(state: &mut State, path: &std::path::Path) -> Result<(), String> {
    if !path.as_os_str().is_empty() && path.as_os_str() != "-" {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read the deck {name}: {e}"))?;
        crate::app::effects::apply(state, Command::DismissProblems);
        crate::app::effects::apply(state, Command::OpenDeckBytes(name.clone(), bytes));
        if let Some(failure) = state.load_failure().filter(|f| f.file == name) {
            let report: Vec<String> = failure.problems.iter().map(|p| p.display_in(&name).to_string()).collect();
            return Err(report.join("\n"));
        }
    }
    if state.deck().is_none() {
        return Err("there is no deck to present".to_owned());
    }
    crate::app::effects::apply(state, Command::Presenting(PresentCommand::Present(Some(0))));
    Ok(())
}

/// Selects an initiative or place by id; unknown ids are ignored with a log line.
pub fn select_by_id(state: &mut State, id: &str) {
    let selection = state
        .index()
        .initiative_by_id
        .get(id)
        .map(|&i| Selection::Initiative(i))
        .or_else(|| state.index().location_by_id.get(id).map(|&l| Selection::Location(l)));
    match selection {
        Some(selection) => crate::app::effects::apply(state, Command::Select(selection, Origin::Other)),
        None => log::warn!("--select {id}: no initiative or place has this id"),
    }
}

/// A `?data=` URL's body: read by a worker beside the page where one can be had, else in the page.
fn dataset_from(url: String, ctx: &egui::Context) -> Waiting {
    let large_at = crate::app::loader::BACKGROUND_BYTES;
    if let Some(read) = crate::platform::worker::read_in_worker(&url, large_at, ctx) {
        Waiting::Worker(url, read)
    } else {
        let stream = crate::platform::fetch_stream(&url, large_at, ctx);
        Waiting::Stream(url, stream)
    }
}

/// The command for a worker's outcome: install the load, or say why there is none.
fn worker_outcome(name: String, outcome: Option<Result<crate::platform::worker::Handed, Failure>>) -> Command {
    match outcome {
        Some(Ok((loaded, index))) => {
            let index = index.map(|i| crate::state::command::SharedIndex(std::sync::Arc::new(i)));
            Command::Loaded(Box::new(loaded), DataSource::Named(name), index)
        }
        Some(Err(Failure::Read(why) | Failure::Start(why))) => Command::FetchFailed(name, why),
        None => Command::FetchFailed(name.clone(), format!("could not read {name}: the reading worker gave nothing")),
    }
}

/// What to do with a file pick or fetch that landed whole: the command that loads it, nothing (the
/// picker was closed), or (`Err`) a large dataset for the app to load in slices.
fn arrived(kind: Kind, arrival: Arrival) -> Result<Option<Command>, (String, Stream)> {
    Ok(Some(match arrival {
        Arrival::Bytes(name, bytes)
            if kind == Kind::Dataset && bytes.len() as u64 >= crate::app::loader::BACKGROUND_BYTES =>
        {
            return Err((name, Stream::new(std::sync::Mutex::new(Incoming::whole(bytes)))));
        }
        Arrival::Bytes(name, bytes) if kind == Kind::Dataset => Command::OpenBytes(name, bytes),
        Arrival::Bytes(name, bytes) => Command::OpenDeckBytes(name, bytes),
        Arrival::Failed(name, why) => Command::FetchFailed(name.clone(), format!("could not read {name}: {why}")),
        Arrival::Cancelled => return Ok(None),
    }))
}

/// Whether a streamed body can be decided on: it ended, failed, or is large (then it loads while it
/// arrives).
fn streamed_far_enough(stream: &Stream) -> bool {
    stream.lock().map_or(true, |s| s.end.is_some() || s.is_large())
}

/// What to do with a streamed body that is [`streamed_far_enough`]: a small one, complete, opens at
/// once; a failed one says why; a large one (`Err`) goes to the app to load in slices.
fn stream_outcome(name: String, stream: Stream) -> Result<Option<Command>, (String, Stream)> {
    let Ok(mut incoming) = stream.lock() else {
        return Ok(Some(Command::FetchFailed(name.clone(), format!("could not read {name}: the download was lost"))));
    };
    match incoming.end.clone() {
        Some(Err(why)) => Ok(Some(Command::FetchFailed(name.clone(), format!("could not read {name}: {why}")))),
        Some(Ok(())) if !incoming.is_large() => Ok(Some(Command::OpenBytes(name, std::mem::take(&mut incoming.bytes)))),
        _ => {
            drop(incoming);
            Err((name, stream))
        }
    }
}
