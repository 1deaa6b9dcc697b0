//! The eframe shell: lays out the panels, routes keyboard shortcuts and dropped files, applies the
//! frame's commands after drawing, persists settings, and takes the `--screenshot` picture.

mod draft;
pub mod effects;
pub mod export_page;
pub mod export_poster;
pub mod export_slides;
pub mod export_video;
mod link;
pub mod loader;
mod start;
mod windows;

use crate::state::{DeckCommand, PresentCommand};
use std::sync::{Arc, Mutex};

use egui_commonmark::CommonMarkCache;

pub use crate::app::link::{deep_link, open_link, open_view, select_by_id, start_presenting};
pub use crate::app::start::StartOptions;
use crate::platform::paint_cache::cached;
use crate::state::{Command, Settings, State};
use crate::theme::{self, ThemeChoice};
use crate::views::chrome::{self as app_chrome, ChromeAction};
use crate::views::location_list::{LocationRow, LocationSort, location_list_ui};
use crate::views::{detail, find};

pub use export_slides::ScreenshotResult;

/// The application.
pub struct AtlasApp {
    state: State,
    markdown: CommonMarkCache,
    rows: Vec<LocationRow>,
    rows_key: (u64, LocationSort),
    /// The theme applied, and the colour the window is cleared with.
    applied_theme: Option<(ThemeChoice, egui::Color32)>,
    screenshot: Option<crate::app::export_slides::ScreenshotPlan>,
    persist: bool,
    no_dialogs: bool,
    /// Whether the "unsaved deck" question is showing (or was answered "close anyway").
    close_asked: crate::views::close_guard::CloseState,
    /// A slide export under way.
    export: Option<crate::app::export_slides::ExportPlan>,
    /// The URL, the tab title and what arrives from the browser.
    link: crate::app::link::LinkSync,
    /// Whether the browser has shown this presentation full screen (leaving it then ends presenting).
    fullscreen_seen: bool,
    /// A large file loading in the background.
    loading: Option<crate::app::loader::Loading>,
    /// Unsaved edits kept for a reload (in the browser).
    drafts: crate::app::draft::DraftKeeper,
    /// A briefing page being made in the browser.
    page_export: Option<crate::app::export_page::BrowserPage>,
    /// The as-of story being recorded.
    video: Option<crate::app::export_video::Recording>,
    /// Where a recording asked for at start reports (also when it could not start).
    video_result: Option<ScreenshotResult>,
}

impl std::fmt::Debug for AtlasApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AtlasApp").field("state", &self.state).finish_non_exhaustive()
    }
}

impl AtlasApp {
    /// Starts the app: saved settings (when persisting), then the requested file and selection.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        crate::theme::install_fonts(&cc.egui_ctx);
        let (settings, unreadable) = if options.persist {
            Settings::from_saved(cc.storage.and_then(|s| s.get_string(eframe::APP_KEY)).as_deref())
        } else {
            (Settings::default(), None)
        };
        let reopen = settings.last_file.clone().filter(|p| options.persist && p.exists());
        let mut state = State::new(settings, options.today.unwrap_or_else(crate::platform::today));
        if let Some(message) = unreadable {
            effects::apply(&mut state, Command::Notify(message));
        }
        if let Some(theme) = options.theme {
            effects::apply(&mut state, Command::SetTheme(theme));
        }
        // A large file opened for exploring loads in the background; one the other options point into
        // (a selection, a view, a screenshot, an export, a deck) loads first.
        let interactive = options.select.is_none()
            && options.view.is_none()
            && options.screenshot.is_none()
            && options.export.is_none()
            && options.present.is_none();
        let mut loading = None;
        match options.file.or(reopen) {
            Some(path) if interactive && crate::app::loader::is_large(&path) => {
                loading = Some(crate::app::loader::Loading::start(path, &cc.egui_ctx));
            }
            Some(path) => effects::apply(&mut state, Command::OpenFile(path)),
            None => {}
        }
        if let Some(page) = crate::platform::page_payload() {
            crate::app::link::open_page(&mut state, page);
        }
        if let Some(banner) = options.banner.clone() {
            let page = crate::formats::page::PageOptions { banner, ..state.page().clone() };
            effects::apply(&mut state, Command::SetPage(Box::new(page)));
        }
        if let Some(view) = &options.view {
            open_view(&mut state, view);
        }
        if let Some(id) = &options.select {
            select_by_id(&mut state, id);
        }
        let present_error = options.present.as_ref().and_then(|deck| start_presenting(&mut state, deck).err());
        let (export, video, video_result) =
            start::desktop_jobs((options.export, options.video), &mut state, present_error);
        Self {
            state,
            markdown: CommonMarkCache::default(),
            rows: Vec::new(),
            rows_key: (u64::MAX, LocationSort::default()),
            applied_theme: None,
            screenshot: options.screenshot.map(|out| crate::app::export_slides::ScreenshotPlan {
                out,
                frames: 0,
                requested: false,
                result: Arc::new(Mutex::new(None)),
            }),
            persist: options.persist,
            no_dialogs: options.no_dialogs,
            close_asked: crate::views::close_guard::CloseState::default(),
            export,
            link: crate::app::link::LinkSync::from_page(&cc.egui_ctx),
            fullscreen_seen: false,
            loading,
            drafts: crate::app::draft::DraftKeeper::new(options.persist),
            page_export: None,
            video,
            video_result,
        }
    }

    /// The app state (for tests).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Applies a command as if a view had returned it (for tests and start-up).
    pub fn apply(&mut self, command: Command) {
        effects::apply(&mut self.state, command);
    }

    /// Follows a deep link as if the browser's Back or Forward had led to it (for tests).
    pub fn follow_link(&mut self, link: &str) {
        open_link(&mut self.state, link);
    }

    /// Where the screenshot result will be written, when taking one.
    pub fn screenshot_result(&self) -> Option<ScreenshotResult> {
        self.screenshot
            .as_ref()
            .map(|s| s.result.clone())
            .or_else(|| self.export.as_ref().map(|e| e.result.clone()))
            .or_else(|| self.video_result.clone())
    }

    fn refresh_rows(&mut self) {
        crate::state::read::refresh_location_rows(&self.state, &mut self.rows, &mut self.rows_key);
    }

    /// Applies a command from the UI and runs its effects: a large dataset file loads on a thread.
    fn apply_ui(&mut self, ctx: &egui::Context, command: Command) {
        let effects = self.state.apply(command);
        let loading = &mut self.loading;
        effects::run(&mut self.state, effects, |path| {
            if crate::app::loader::is_large(path) {
                *loading = Some(crate::app::loader::Loading::start(path.to_owned(), ctx));
                true
            } else {
                false
            }
        });
    }

    fn open_picked(&mut self, ctx: &egui::Context, picked: crate::platform::Picked) {
        match picked {
            crate::platform::Picked::Path(path) => self.apply_ui(ctx, Command::OpenFile(path)),
            crate::platform::Picked::Pending(slot) => self.link.wait_for(crate::app::link::Kind::Dataset, slot),
            crate::platform::Picked::Nothing => {}
        }
    }

    fn handle(&mut self, ctx: &egui::Context, action: ChromeAction) {
        match action {
            ChromeAction::Command(command) => self.apply_ui(ctx, command),
            ChromeAction::OpenDialog
            | ChromeAction::Export(..)
            | ChromeAction::SaveDeckAs
            | ChromeAction::ExportPage(_)
            | ChromeAction::ExportVideo
            | ChromeAction::ExportPoster(_)
                if self.no_dialogs => {}
            ChromeAction::ExportPoster(choice) => {
                if let Some(command) = export_poster::export_poster(&self.state, choice) {
                    self.apply_ui(ctx, command);
                }
            }
            ChromeAction::ExportVideo => {
                if let Some(out) = crate::platform::pick_save_path(crate::platform::SaveKind::Story, "as-of-story.gif")
                {
                    let request =
                        crate::app::export_video::VideoRequest { out, from: None, to: None, frames: 48, fps: 4.0 };
                    self.video = crate::app::export_video::Recording::start(request, &mut self.state);
                }
            }
            ChromeAction::ExportPage(options) if crate::platform::HAS_URL => {
                match crate::app::export_page::BrowserPage::start(*options, ctx) {
                    Ok(making) => self.page_export = Some(making),
                    Err(message) => self.apply_ui(ctx, Command::Notify(message)),
                }
            }
            ChromeAction::ExportPage(options) => {
                if let Some(command) = crate::app::export_page::export_page_asked(&self.state, &options) {
                    self.apply_ui(ctx, command);
                }
            }
            ChromeAction::OpenDialog => self.open_picked(ctx, crate::platform::pick_dataset(ctx)),
            ChromeAction::OpenDropped(file) => self.open_picked(ctx, crate::platform::read_dropped(ctx, &file)),
            ChromeAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            ChromeAction::FocusSearch => ctx.memory_mut(|m| m.request_focus(find::search_id())),
            ChromeAction::QuitIfSaved => {
                if self.state.data_edit().dirty() {
                    // Not saved (no file of its own, or the save failed): the form says why.
                    if !self.state.data_edit().open() {
                        self.apply_ui(ctx, Command::Edit(crate::state::command::EditCommand::ToggleEditor));
                    }
                } else if self.state.deck_edit().dirty() {
                    // Not saved (no place to save yet): keep the window and open the editor to show why.
                    if !self.state.deck_edit().open() {
                        self.apply_ui(ctx, Command::Deck(DeckCommand::ToggleDeckEditor));
                    }
                } else {
                    self.close_asked = crate::views::close_guard::CloseState::Confirmed;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            ChromeAction::Export(format, scope) => {
                if let Some(command) = crate::app::effects::export_asked(&self.state, format, scope) {
                    self.apply_ui(ctx, command);
                }
            }
            ChromeAction::SaveDeckAs => {
                if let Some(path) = crate::platform::pick_deck_save_path() {
                    self.apply_ui(ctx, Command::Deck(DeckCommand::SaveDeck(Some(path))));
                }
            }
        }
    }

    /// Loads arrivals and keeps the URL in step, repaints while animating, enters or leaves full screen
    /// with presenting (and stops presenting when the browser leaves full screen), takes the screenshot.
    fn after_frame(&mut self, ctx: &egui::Context, was_presenting: bool) {
        app_chrome::remember_typing(ctx);
        crate::platform::drop_unsafe_urls(ctx);
        self.link.after_frame(ctx, &mut self.state, self.loading.is_some());
        if let Some(message) = self.page_export.as_mut().and_then(|making| making.poll(&self.state)) {
            self.page_export = None;
            effects::apply(&mut self.state, Command::Notify(message));
        }
        self.loading = match self.link.take_large() {
            Some(link::Large::InPage(name, stream)) => Some(crate::app::loader::Loading::in_slices(&name, stream, ctx)),
            Some(link::Large::Worker(name, read)) => Some(crate::app::loader::Loading::in_worker(&name, read)),
            None => self.loading.take(),
        };
        if let Some(loading) = &mut self.loading {
            let finished = loading.finished();
            crate::platform::set_title(ctx, &loading.title());
            if loading.ui(ctx) || finished.is_some() {
                if let Some(Ok(command)) = finished {
                    crate::app::loader::timed(|| self.apply_ui(ctx, command));
                }
                self.loading = None;
                self.link.forget_title();
            }
        }
        if let Some(command) = self.drafts.after_frame(ctx, &self.state, self.loading.is_some()) {
            self.apply_ui(ctx, command);
        }
        if self.state.is_animating() {
            ctx.request_repaint();
        }
        let presenting = self.state.presenting().is_some();
        if presenting != was_presenting {
            crate::platform::set_fullscreen(ctx, presenting);
            self.fullscreen_seen = false;
        } else if presenting {
            match crate::platform::is_fullscreen() {
                Some(true) => self.fullscreen_seen = true,
                Some(false) if self.fullscreen_seen => {
                    // Esc in the browser leaves full screen before the app sees the key.
                    self.apply_ui(ctx, Command::Presenting(PresentCommand::Present(None)));
                    ctx.request_repaint();
                }
                _ => {}
            }
        }
        if let Some(plan) = &mut self.screenshot {
            plan.step(ctx);
        }
        if let Some(export) = self.export.as_mut().filter(|_| !crate::platform::HAS_URL)
            && export.step(ctx, &mut self.state)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(recording) = self.video.as_mut().filter(|_| !crate::platform::HAS_URL)
            && recording.step(ctx, &mut self.state)
        {
            self.video = None;
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let theme = self.state.theme();
        if self.applied_theme.is_none_or(|(applied, _)| applied != theme) {
            let clear = theme::apply(&ctx, theme, crate::platform::CLEAR_PAINTS_PANELS);
            crate::platform::paint_cache::set_background(clear);
            self.applied_theme = Some((theme, clear));
        }
        self.refresh_rows();
        effects::apply(&mut self.state, Command::Tick(ctx.input(|i| i.time)));
        let was_presenting = self.state.presenting().is_some();
        if was_presenting {
            let mut actions = app_chrome::present_keys(&ctx, &self.state);
            actions.extend(crate::views::close_guard::close_guard(&ctx, &self.state, &mut self.close_asked));
            crate::views::banner::banner_panels(ui, &self.state);
            let mut commands = egui::CentralPanel::default()
                .show(ui, |ui| crate::views::slide::slide_ui(ui, &self.state, &mut self.markdown))
                .inner;
            commands.extend(crate::views::presenter::presenter_window(&ctx, &self.state));
            for action in actions.into_iter().chain(commands.into_iter().map(ChromeAction::Command)) {
                self.handle(&ctx, action);
            }
            self.after_frame(&ctx, was_presenting);
            return;
        }
        let mut actions = app_chrome::shortcuts(&ctx, &self.state);
        actions.extend(app_chrome::present_keys(&ctx, &self.state));
        actions.extend(app_chrome::dropped_files(&ctx));
        let state = &self.state;
        crate::views::banner::banner_panels(ui, state);
        egui::Panel::top("top_bar")
            .show(ui, |ui| actions.extend(cached(ui, "top", |ui| app_chrome::top_bar_ui(ui, state))));
        if let Some(failure) = state.load_failure() {
            egui::Panel::bottom("problems").resizable(true).default_size(150.0).show(ui, |ui| {
                actions.extend(app_chrome::problems_ui(ui, failure));
            });
        }
        let mut commands = Vec::new();
        egui::Panel::top("filter_bar")
            .show(ui, |ui| commands.extend(cached(ui, "filters", |ui| find::filter_bar_ui(ui, state))));
        egui::Panel::left("locations").resizable(true).default_size(440.0).min_size(220.0).show(ui, |ui| {
            cached(ui, "locations", |ui| {
                commands.extend(crate::views::compare::report_ui(ui, state));
                commands.extend(find::results_ui(ui, state));
                commands.extend(location_list_ui(ui, state, &self.rows));
            });
        });
        egui::Panel::right("details").resizable(true).default_size(400.0).min_size(240.0).show(ui, |ui| {
            commands.extend(cached(ui, "details", |ui| detail::detail_ui(ui, state, &mut self.markdown)));
        });
        egui::CentralPanel::default().show(ui, |ui| commands.extend(windows::central_panes(ui, state)));
        let caption = self.video.as_ref().and_then(crate::app::export_video::Recording::caption);
        let (window_actions, window_commands) =
            crate::app::windows::windows(&ctx, state, &mut self.markdown, &mut self.close_asked, caption.as_deref());
        actions.extend(window_actions);
        commands.extend(window_commands);
        actions.extend(commands.into_iter().map(ChromeAction::Command));
        for action in actions {
            self.handle(&ctx, action);
        }
        self.after_frame(&ctx, was_presenting);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.applied_theme.map_or(egui::Color32::BLACK, |(_, clear)| clear).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.state.settings_to_save());
        }
    }
}
