//! Views: each reads `&State` and returns `Command`s; none changes state or talks to another view.

pub mod action;
pub mod banner;
pub mod chrome;
pub mod close_guard;
pub mod compare;
pub mod deck_editor;
pub mod detail;
pub mod edit_form;
pub mod edit_lists;
pub mod edit_menu;
pub mod edit_place;
pub mod export_menu;
pub mod find;
pub mod import_window;
pub mod location_list;
pub mod map;
pub mod markdown;
pub mod page_dialog;
pub mod poster;
pub mod presenter;
pub mod relations;
pub mod slide;
pub mod timeline;

use crate::state::{Command, Origin, Selection, State};

/// Most initiatives a strip of links names one by one; the rest are counted.
pub const LINKS_SHOWN: usize = 12;

/// A wrapped strip "`heading` (N): link, link, … and K more" over the visible initiatives among
/// `items`. Only the first [`LINKS_SHOWN`] become widgets, so the strip costs the same at a million
/// items. Returns how many are visible (0: nothing was drawn).
pub fn item_links(
    ui: &mut egui::Ui,
    state: &State,
    heading: &str,
    items: &[usize],
    origin: Origin,
    commands: &mut Vec<Command>,
) -> usize {
    let visible = items.iter().filter(|&&i| state.is_visible(i)).count();
    if visible == 0 {
        return 0;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!("{heading} ({visible}):"));
        for &i in items.iter().filter(|&&i| state.is_visible(i)).take(LINKS_SHOWN) {
            if let Some(item) = state.dataset().initiatives.get(i)
                && ui.link(&item.title).clicked()
            {
                commands.push(Command::Select(Selection::Initiative(i), origin));
            }
        }
        if visible > LINKS_SHOWN {
            ui.weak(format!("and {} more", visible - LINKS_SHOWN));
        }
    });
    visible
}

/// `text` on one line, shortened with an ellipsis to at most `max_width` points.
pub fn elided(
    painter: &egui::Painter,
    text: String,
    font: egui::FontId,
    color: egui::Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width.max(0.0));
    painter.layout_job(job)
}

/// A link in words: "12th MLR decision enables 12th Marines redesignated — its note".
pub fn link_sentence(state: &State, from: usize, to: usize, kind: crate::model::types::RelKind) -> String {
    let ds = state.dataset();
    let title = |i: usize| ds.initiatives.get(i).map_or("?", |x| x.title.as_str());
    let note = ds.initiatives.get(from).and_then(|x| {
        let to_id = &ds.initiatives.get(to)?.id;
        x.relations.iter().find(|r| &r.to == to_id && r.kind == kind)?.note.clone()
    });
    let words = format!("{} {} {}", title(from), kind.label(), title(to));
    match note {
        Some(note) => format!("{words} — {note}"),
        None => words,
    }
}
