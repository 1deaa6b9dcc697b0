//! The windows over the explore view: keyboard help, the import window, the edit form, the deck
//! editor, the briefing page's options, the close and open questions, and a recording's caption; and
//! the panes in the middle of it.

use egui_commonmark::CommonMarkCache;

use crate::platform::paint_cache::cached;
use crate::state::{Command, Pane, State};
use crate::views::chrome::ChromeAction;
use crate::views::{map, timeline};

/// Shows the open windows; returns what they ask of the shell and of the state.
pub fn windows(
    ctx: &egui::Context,
    state: &State,
    markdown: &mut CommonMarkCache,
    close_asked: &mut crate::views::close_guard::CloseState,
    caption: Option<&str>,
) -> (Vec<ChromeAction>, Vec<Command>) {
    let (mut actions, mut commands) = (Vec::new(), Vec::new());
    if state.show_help() {
        actions.extend(crate::views::chrome::help_window(ctx));
    }
    commands.extend(crate::views::import_window::import_window(ctx, state));
    let (edit_commands, asks) = crate::views::edit_form::edit_form(ctx, state, markdown);
    commands.extend(edit_commands);
    if asks.save_as {
        actions.push(ChromeAction::Export(
            crate::formats::export::render::ExportFormat::Ron,
            crate::state::export::ExportScope::All,
        ));
    }
    let (deck_commands, save_as) = crate::views::deck_editor::deck_editor_ui(ctx, state);
    commands.extend(deck_commands);
    if save_as {
        actions.push(ChromeAction::SaveDeckAs);
    }
    actions.extend(crate::views::page_dialog::page_dialog_ui(ctx, state));
    actions.extend(crate::views::poster::dialog::poster_dialog_ui(ctx, state));
    if let Some(caption) = caption {
        crate::views::banner::caption_ui(ctx, caption);
    }
    actions.extend(crate::views::close_guard::close_guard(ctx, state, close_asked));
    actions.extend(crate::views::close_guard::held_open_ui(ctx, state));
    (actions, commands)
}

/// The middle of the explore view: the map above the timeline, or the maximised one alone. The map is
/// kept as a picture while it does not change (`platform::paint_cache`).
pub fn central_panes(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut commands = Vec::new();
    match state.maximized() {
        Some(Pane::Map) => commands.extend(cached(ui, "map", |ui| map::map_ui(ui, state))),
        Some(Pane::Timeline) => commands.extend(timeline::timeline_ui(ui, state)),
        None => {
            let half = ui.available_height() * 0.5;
            egui::Panel::top("map_pane")
                .resizable(true)
                .default_size(half)
                .min_size(120.0)
                .show(ui, |ui| commands.extend(cached(ui, "map", |ui| map::map_ui(ui, state))));
            commands.extend(timeline::timeline_ui(ui, state));
        }
    }
    commands
}
