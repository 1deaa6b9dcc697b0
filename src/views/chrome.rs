//! The app's chrome: top bar and menus, keyboard shortcuts, dropped files, the error panel, the help
//! window and fonts. Like the views, it only returns actions.

use crate::state::{DeckCommand, PresentCommand};
use egui::{Key, KeyboardShortcut, Modifiers, PointerButton};

use crate::formats::export::render::ExportFormat;
use crate::model::view::LaneGrouping;
use crate::state::export::{ExportCommand, ExportScope};
use crate::state::{Command, DataSource, LoadFailure, State};
use crate::theme::{self, ThemeChoice};

pub use crate::views::action::ChromeAction;

const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const RELOAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
use crate::views::edit_menu::{ADD, REDO, REDO_Y, UNDO};
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
const FORWARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);

/// The keyboard shortcuts, for the help window.
pub const SHORTCUTS: [(&str, &str); 20] = [
    ("F5", "Present the deck (→ Space PageDown next, ← PageUp previous, number+Enter jumps, B/W blank, Esc ends)"),
    ("Home / End", "While presenting: first / last step"),
    ("Alt+↑ / Alt+↓", "In the deck editor: move the step"),
    ("Ctrl+F", "Search (Esc clears, Enter selects the first result)"),
    ("Ctrl+S", "Save the data's changes into its file (Save as RON… when it has none; a download in the browser)"),
    ("Ctrl+O", "Open a dataset…"),
    ("Ctrl+R", "Reload the dataset"),
    ("Ctrl+Shift+S", "Save the dataset as RON… (a download in the browser)"),
    ("Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo a change to the data (outside text fields)"),
    ("Ctrl+N", "Add an initiative (the edit form opens on it)"),
    ("Alt+← / Alt+→", "Back / forward through selections (also the mouse's back and forward buttons)"),
    ("Esc", "Clear the selection"),
    ("← / →", "Pan the timeline (when it has focus or the pointer)"),
    ("+ / −", "Zoom the timeline"),
    ("Home", "Fit the timeline to everything"),
    ("Wheel / pinch", "Zoom around the pointer"),
    ("Shift+wheel", "Pan the timeline"),
    ("Drag", "Pan in time and scroll the lanes"),
    ("Double-click", "Fit the timeline"),
    ("?", "Show or hide this help"),
];

/// Global keyboard shortcuts and mouse back/forward buttons.
/// Remembers, at the end of a frame, whether a text field has the keys: egui lets go of the focus on
/// Escape before the next frame's shortcuts run, and that Escape belongs to the field.
/// Only a text field counts: a focused map or button lets go on Escape too, and a shortcut pressed in
/// the same frame (Escape, Ctrl+N) is the app's.
pub fn remember_typing(ctx: &egui::Context) {
    let typing = ctx.memory(egui::Memory::focused).is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("chrome_was_typing"), typing));
}

pub fn shortcuts(ctx: &egui::Context, state: &State) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let was_typing = ctx.data(|d| d.get_temp::<bool>(egui::Id::unique("chrome_was_typing"))).unwrap_or(false);
    let typing = ctx.egui_wants_keyboard_input() || was_typing;
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            out.push(ChromeAction::OpenDialog);
        }
        // Ctrl+Shift+S first: Ctrl+S would match it too (modifiers are matched loosely).
        if i.consume_shortcut(&SAVE_AS) {
            out.push(ChromeAction::Export(ExportFormat::Ron, ExportScope::All));
        } else if i.consume_shortcut(&SAVE) {
            out.push(save_action(state));
        }
        if i.consume_shortcut(&FIND) {
            out.push(ChromeAction::FocusSearch);
        }
        if i.consume_shortcut(&RELOAD) {
            out.push(ChromeAction::Command(Command::Reload));
        }
        if i.consume_shortcut(&BACK) || i.pointer.button_pressed(PointerButton::Extra1) {
            out.push(ChromeAction::Command(Command::Back));
        }
        if i.consume_shortcut(&FORWARD) || i.pointer.button_pressed(PointerButton::Extra2) {
            out.push(ChromeAction::Command(Command::Forward));
        }
        if typing {
            return;
        }
        // Outside a text field (which has its own undo): the data's undo and redo; a new initiative.
        let edit = |c| ChromeAction::Command(Command::Edit(c));
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            out.push(edit(crate::state::command::EditCommand::Redo));
        } else if i.consume_shortcut(&UNDO) {
            out.push(edit(crate::state::command::EditCommand::Undo));
        }
        if i.consume_shortcut(&ADD) {
            out.push(edit(crate::state::command::EditCommand::AddInitiative));
        }
        if i.key_pressed(Key::Escape) {
            out.push(ChromeAction::Command(Command::ClearSelection));
        }
        let question = i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?"));
        if question || i.key_pressed(Key::F1) {
            out.push(ChromeAction::Command(Command::ToggleHelp));
        }
    });
    out
}

/// Keys while presenting (a USB clicker sends PageUp/PageDown), and F5 to start.
pub fn present_keys(ctx: &egui::Context, state: &State) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let Some(presenting) = state.presenting() else {
        if state.deck().is_some() && ctx.input(|i| i.key_pressed(Key::F5)) {
            out.push(ChromeAction::Command(Command::Presenting(PresentCommand::Present(Some(0)))));
        }
        return out;
    };
    let last = state.deck().map_or(0, |d| d.steps.len().saturating_sub(1));
    let digits_id = egui::Id::unique("present_digits");
    let mut digits: String = ctx.data(|d| d.get_temp(digits_id)).unwrap_or_default();
    ctx.input(|i| {
        let pressed = |keys: &[Key]| keys.iter().any(|k| i.key_pressed(*k));
        let text: String = i
            .events
            .iter()
            .filter_map(|e| if let egui::Event::Text(t) = e { Some(t.as_str()) } else { None })
            .collect();
        let command = if presenting.blank().is_some() {
            (pressed(&[
                Key::Escape,
                Key::Space,
                Key::Enter,
                Key::B,
                Key::W,
                Key::Period,
                Key::ArrowRight,
                Key::ArrowLeft,
                Key::PageDown,
                Key::PageUp,
            ]) || !text.is_empty())
            .then_some(Command::Presenting(PresentCommand::Blank(None)))
        } else if pressed(&[Key::Escape]) {
            Some(Command::Presenting(PresentCommand::Present(None)))
        } else if pressed(&[Key::B, Key::Period]) {
            Some(Command::Presenting(PresentCommand::Blank(Some(crate::state::Blank::Black))))
        } else if pressed(&[Key::W]) {
            Some(Command::Presenting(PresentCommand::Blank(Some(crate::state::Blank::White))))
        } else if pressed(&[Key::N]) {
            Some(Command::Presenting(PresentCommand::TogglePresenterView))
        } else if pressed(&[Key::Enter]) && !digits.is_empty() {
            let n: usize = digits.parse().unwrap_or(1);
            digits.clear();
            Some(Command::Presenting(PresentCommand::Present(Some(n.saturating_sub(1).min(last)))))
        } else if pressed(&[Key::ArrowRight, Key::Space, Key::PageDown, Key::Enter]) {
            Some(Command::Presenting(PresentCommand::NextStep))
        } else if pressed(&[Key::ArrowLeft, Key::Backspace, Key::PageUp]) {
            Some(Command::Presenting(PresentCommand::PrevStep))
        } else if pressed(&[Key::Home]) {
            Some(Command::Presenting(PresentCommand::Present(Some(0))))
        } else if pressed(&[Key::End]) {
            Some(Command::Presenting(PresentCommand::Present(Some(last))))
        } else {
            digits.extend(text.chars().filter(char::is_ascii_digit));
            None
        };
        out.extend(command.map(ChromeAction::Command));
    });
    ctx.data_mut(|d| d.insert_temp(digits_id, digits));
    out
}

/// Files dropped on the window: open the first (by its path on the desktop, by its bytes in the browser).
pub fn dropped_files(ctx: &egui::Context) -> Vec<ChromeAction> {
    ctx.input(|i| i.raw.dropped_files.first().cloned()).map(ChromeAction::OpenDropped).into_iter().collect()
}

/// The top bar: menus, title, grouping, theme, fit, help.
pub fn top_bar_ui(ui: &mut egui::Ui, state: &State) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        let read_only = state.page().read_only;
        if !read_only {
            ui.menu_button("File", |ui| file_menu_ui(ui, state, &mut out));
            ui.menu_button("Edit", |ui| {
                out.extend(crate::views::edit_menu::edit_menu_ui(ui, state).into_iter().map(ChromeAction::Command));
            });
            ui.separator();
        }
        ui.strong(&state.dataset().meta.title);
        ui.weak(format!("as of {}", state.dataset().meta.as_of));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("?").on_hover_text("Keyboard shortcuts").clicked() {
                out.push(ChromeAction::Command(Command::ToggleHelp));
            }
            if ui.button("Fit").on_hover_text("Show everything on the timeline and the map").clicked() {
                out.push(ChromeAction::Command(Command::FitTime));
                out.push(ChromeAction::Command(Command::FitMap));
            }
            let mut theme = state.theme();
            for choice in ThemeChoice::ALL.iter().rev() {
                ui.selectable_value(&mut theme, *choice, choice.label());
            }
            if theme != state.theme() {
                out.push(ChromeAction::Command(Command::SetTheme(theme)));
            }
            let mut grouping = state.settings().lane_grouping;
            egui::ComboBox::new("lane_grouping", "Lanes").selected_text(grouping.label()).show_ui(ui, |ui| {
                for choice in LaneGrouping::ALL {
                    ui.selectable_value(&mut grouping, choice, choice.label());
                }
            });
            if grouping != state.settings().lane_grouping {
                out.push(ChromeAction::Command(Command::SetLaneGrouping(grouping)));
            }
            if ui
                .add_enabled(state.deck().is_some(), egui::Button::new("Present"))
                .on_hover_text("Present the deck (F5)")
                .clicked()
            {
                out.push(ChromeAction::Command(Command::Presenting(PresentCommand::Present(Some(0)))));
            }
            if !read_only
                && ui.button("Edit…").on_hover_text("Edit the initiatives (undo, live checks, save)").clicked()
            {
                out.push(ChromeAction::Command(Command::Edit(crate::state::command::EditCommand::ToggleEditor)));
            }
            if !read_only && ui.button("Deck…").on_hover_text("Edit the briefing deck").clicked() {
                out.push(ChromeAction::Command(Command::Deck(DeckCommand::ToggleDeckEditor)));
            }
            nav_buttons_ui(ui, state, &mut out);
            notice_ui(ui, state, &mut out);
        });
    });
    out
}

/// The last message (an export written, settings that did not read), between the title and the
/// buttons (this runs right to left): its dismiss button, then the text, cut with "…" to the room
/// left and whole on hover.
fn notice_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<ChromeAction>) {
    let Some(notice) = state.export_notice() else { return };
    ui.separator();
    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
        out.push(ChromeAction::Command(Command::Export(ExportCommand::DismissNotice)));
    }
    let room = (ui.available_width() - ui.spacing().item_spacing.x * 2.0).max(0.0);
    ui.scope(|ui| {
        ui.set_max_width(room.min(crate::theme::sizes::NOTICE_WIDTH));
        ui.add(egui::Label::new(notice).truncate()).on_hover_text(notice);
    });
}

fn nav_buttons_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<ChromeAction>) {
    if ui.add_enabled(state.can_go_forward(), egui::Button::new("→")).on_hover_text("Forward (Alt+→)").clicked() {
        out.push(ChromeAction::Command(Command::Forward));
    }
    if ui.add_enabled(state.can_go_back(), egui::Button::new("←")).on_hover_text("Back (Alt+←)").clicked() {
        out.push(ChromeAction::Command(Command::Back));
    }
}

fn file_menu_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<ChromeAction>) {
    let ctx = ui.ctx().clone();
    if ui.button("New").on_hover_text("An empty dataset to fill in (save it with Save as RON…)").clicked() {
        out.push(ChromeAction::Command(Command::NewDataset));
    }
    if ui.add(egui::Button::new("Open…").shortcut_text(ctx.format_shortcut(&OPEN))).clicked() {
        out.push(ChromeAction::OpenDialog);
    }
    let reload = egui::Button::new("Reload").shortcut_text(ctx.format_shortcut(&RELOAD));
    if ui.add_enabled(!matches!(state.source(), DataSource::Named(_)), reload).clicked() {
        out.push(ChromeAction::Command(Command::Reload));
    }
    ui.menu_button("Recent files", |ui| {
        if state.settings().recent.is_empty() {
            ui.weak("None yet");
        }
        for path in &state.settings().recent {
            if ui.button(path.display().to_string()).clicked() {
                out.push(ChromeAction::Command(Command::OpenFile(path.clone())));
            }
        }
    });
    ui.separator();
    let save = egui::Button::new(if state.data_edit().dirty() { "Save •" } else { "Save" })
        .shortcut_text(ctx.format_shortcut(&SAVE));
    if ui.add(save).on_hover_text("Only what changed is written into the file; the rest stays byte for byte").clicked()
    {
        out.push(save_action(state));
    }
    let save_as = if cfg!(target_arch = "wasm32") { "Download as RON" } else { "Save as RON…" };
    let save_as = egui::Button::new(save_as).shortcut_text(ctx.format_shortcut(&SAVE_AS));
    if ui.add(save_as).on_hover_text("The whole dataset in our own format: it reads back equal").clicked() {
        out.push(ChromeAction::Export(ExportFormat::Ron, ExportScope::All));
    }
    ui.menu_button("Export", |ui| crate::views::export_menu::export_menu_ui(ui, state, out));
    ui.separator();
    ui.weak(format!("Showing {}", state.source().name()));
    #[cfg(not(target_arch = "wasm32"))]
    if ui.button("Quit").clicked() {
        out.push(ChromeAction::Quit);
    }
}

/// Save: into the file it came from when that can be patched in place, else Save as RON….
fn save_action(state: &State) -> ChromeAction {
    if state.can_save_in_place() {
        ChromeAction::Command(Command::Edit(crate::state::command::EditCommand::Save))
    } else {
        ChromeAction::Export(ExportFormat::Ron, ExportScope::All)
    }
}

/// The error panel for a file that did not load: every problem as `file:line:col`, data unchanged.
pub fn problems_ui(ui: &mut egui::Ui, failure: &LoadFailure) -> Vec<ChromeAction> {
    let mut out = Vec::new();
    let pal = theme::palette(if ui.visuals().dark_mode { ThemeChoice::Dark } else { ThemeChoice::Light });
    egui::Frame::new().fill(pal.error_fill).inner_margin(6.0).show(ui, |ui| {
        ui.horizontal(|ui| {
            let errors = failure.problems.iter().filter(|p| p.is_error()).count();
            ui.label(
                egui::RichText::new(format!(
                    "{} could not be loaded ({errors} error{}); the previous data is still shown",
                    failure.file,
                    if errors == 1 { "" } else { "s" }
                ))
                .color(pal.error_text)
                .strong(),
            );
            if ui.button("Dismiss").clicked() {
                out.push(ChromeAction::Command(Command::DismissProblems));
            }
        });
        egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
            for problem in &failure.problems {
                let text = problem.display_in(&failure.file).to_string();
                ui.add(egui::Label::new(egui::RichText::new(text).monospace().color(pal.error_text)).wrap());
            }
        });
    });
    out
}

/// The keyboard help window.
pub fn help_window(ctx: &egui::Context) -> Vec<ChromeAction> {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.monospace(keys);
                ui.label(what);
                ui.end_row();
            }
        });
    });
    if open { Vec::new() } else { vec![ChromeAction::Command(Command::ToggleHelp)] }
}
