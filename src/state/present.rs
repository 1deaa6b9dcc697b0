//! Presenting a briefing deck: which step is on screen, blanking, and moving between steps (each step
//! restores its view; `Glide` steps animate the timeline and map, `Cut` steps jump).

use crate::briefing::Transition;
use crate::model::view::TimeView;
use crate::model::view_state::ViewState;
use crate::state::command::{DataSource, Effect, LoadFailure, PresentCommand, ReadFor};
pub use crate::state::data::Presenting;
use crate::state::data::State;

/// A fitted slide window leaves this fraction of the items' extent free on each side.
const FIT_MARGIN: f64 = 0.08;
/// ...and treats an extent shorter than this many days as this long (a slide of one day's items).
const FIT_MIN_DAYS: f64 = 10.0;

impl State {
    /// Applies a command of the presenting part.
    #[expect(clippy::needless_pass_by_value, reason = "the part's commands are taken as they are routed")]
    pub(crate) fn apply_present(&mut self, command: PresentCommand) -> Vec<Effect> {
        let steps = self.deck.as_ref().map_or(0, |d| d.steps.len());
        match command {
            PresentCommand::Present(Some(step)) => {
                if steps > 0 {
                    self.go_to_step(step.min(steps - 1));
                } else {
                    self.presenting = None;
                }
            }
            PresentCommand::Present(None) => self.presenting = None,
            PresentCommand::NextStep => {
                if let Some(p) = &self.presenting {
                    self.go_to_step((p.step + 1).min(steps.saturating_sub(1)));
                }
            }
            PresentCommand::PrevStep => {
                if let Some(p) = &self.presenting {
                    self.go_to_step(p.step.saturating_sub(1));
                }
            }
            PresentCommand::Blank(blank) => {
                if let Some(p) = &mut self.presenting {
                    p.blank = blank;
                }
            }
            PresentCommand::CutsOnly(on) => self.cuts_only = on,
            PresentCommand::TogglePresenterView => {
                if let Some(p) = &mut self.presenting {
                    p.presenter_view = !p.presenter_view;
                }
            }
        }
        Vec::new()
    }

    /// Shows step `index`: restores its view and its highlights.
    fn go_to_step(&mut self, index: usize) {
        let Some(step) = self.deck.as_ref().and_then(|d| d.steps.get(index)).cloned() else { return };
        let initiatives = step.highlight.iter().filter_map(|id| self.index.initiative_by_id.get(id).copied()).collect();
        let locations = step.highlight.iter().filter_map(|id| self.index.location_by_id.get(id).copied()).collect();
        // On the desktop the presenter view is its own window; in the browser it would cover the slide,
        // so there it starts hidden and N shows the notes.
        let shown_at_start = !cfg!(target_arch = "wasm32");
        let (started, presenter_view) =
            self.presenting.as_ref().map_or((self.now, shown_at_start), |p| (p.started, p.presenter_view));
        self.presenting =
            Some(Presenting { step: index, blank: None, initiatives, locations, started, presenter_view });
        let mut view = step.view.clone();
        self.restore_view(&view);
        if let Some(time) = view.time {
            let fitted = self.fitted_time(time.clamped());
            self.focus.time_flight = Some((self.time_view, fitted, self.now));
            view.time = Some(fitted);
        }
        if step.transition == Transition::Cut || self.cuts_only {
            self.finish_animations(&view);
        }
    }

    /// A step's time window narrowed to what the slide shows — the initiatives its filter keeps inside the
    /// window — with a margin each side, so a slide does not spend its width on empty years. The step's
    /// own window when that is about as narrow.
    fn fitted_time(&self, window: TimeView) -> TimeView {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for (i, span) in self.index.spans.iter().enumerate() {
            let Some((a, b)) = *span else { continue };
            if b < window.start || a > window.end || !self.is_visible(i) {
                continue;
            }
            lo = lo.min(a.max(window.start));
            hi = hi.max(b.min(window.end));
        }
        if lo > hi {
            return window;
        }
        let margin = (hi - lo).max(FIT_MIN_DAYS) * FIT_MARGIN;
        let (start, end) = (lo - margin, hi + margin);
        if end - start >= (window.end - window.start) * 0.9 {
            return window;
        }
        TimeView { start, end }.clamped()
    }

    /// Ends any glide at once (for `Cut` steps).
    fn finish_animations(&mut self, view: &ViewState) {
        if let Some(time) = view.time {
            self.time_view = time.clamped();
        }
        self.stop_time_flight();
        if let Some(map) = view.map {
            self.map_view = map.clamped();
            self.map_flight = None;
        }
    }

    /// Starts loading the deck that goes with the current dataset: the embedded one at once, or (an
    /// effect) a read of `NAME.briefing.ron` next to a dataset file.
    pub(crate) fn load_deck_for_source(&mut self) -> Vec<Effect> {
        self.presenting = None;
        let path = crate::state::deck::deck_path_for(&self.source);
        if self.deck_edit.dirty && self.deck_edit.path == path {
            // A reload of the same dataset keeps the deck being edited: unsaved work is never dropped.
            return Vec::new();
        }
        self.deck_edit = crate::state::data::DeckEdit::for_path(path.clone());
        self.deck = None;
        match (&self.source, path) {
            (DataSource::Embedded, _) => {
                self.take_deck_text("the embedded deck".to_owned(), crate::briefing::DEFAULT_DECK);
                Vec::new()
            }
            (DataSource::File(_), Some(path)) => vec![Effect::Read(ReadFor::Deck, path)],
            _ => Vec::new(),
        }
    }

    /// A story that came with the data (`StoryMapJS`) becomes the deck, unless a deck being edited is
    /// kept; a deck saved beside the file (read next) replaces it.
    pub(crate) fn take_story(&mut self, story: &crate::formats::loaded::Story) {
        if !self.deck_edit.dirty {
            self.deck = Some(crate::briefing::Deck::from_story(story, &self.source.name()));
        }
    }

    /// The deck file next to the dataset, read (a missing file means no deck).
    pub(crate) fn deck_read(&mut self, path: &std::path::Path, text: Result<String, String>) {
        if self.deck_edit.path.as_deref() != Some(path) || self.deck_edit.dirty {
            return; // another dataset was opened meanwhile, or the deck is being edited
        }
        if let Ok(text) = text {
            self.take_deck_text(path.display().to_string(), &text);
        }
    }

    /// Uses a deck's text when it checks against the dataset; otherwise shows its problems.
    fn take_deck_text(&mut self, name: String, text: &str) {
        let loaded = crate::briefing::load_deck(text, &self.index);
        if let Some(deck) = loaded.deck {
            self.deck = Some(deck);
        } else {
            self.deck_edit.load_failed = true;
            self.load_failure = Some(LoadFailure { file: name, problems: loaded.problems });
        }
    }

    /// Replaces the deck with one given as bytes (fetched or dropped) when it reads and checks against
    /// the current dataset; otherwise shows its problems and keeps the deck there was.
    pub(crate) fn open_deck_bytes(&mut self, name: String, bytes: &[u8]) {
        let loaded = match crate::formats::text_from_bytes(bytes) {
            Ok(text) => crate::briefing::load_deck(text, &self.index),
            Err(problem) => crate::briefing::LoadedDeck { deck: None, problems: vec![*problem] },
        };
        match loaded.deck {
            Some(deck) => {
                self.presenting = None;
                self.deck = Some(deck);
            }
            None => self.load_failure = Some(LoadFailure { file: name, problems: loaded.problems }),
        }
    }

    /// The theme in force: the projector theme while presenting.
    pub fn theme(&self) -> crate::model::view::ThemeChoice {
        if self.presenting.is_some() { crate::model::view::ThemeChoice::Projector } else { self.settings.theme }
    }

    /// The step on screen, if presenting.
    pub fn current_step(&self) -> Option<&crate::briefing::Step> {
        let p = self.presenting.as_ref()?;
        self.deck.as_ref()?.steps.get(p.step)
    }
}
