//! The detail panel: everything about the selected initiative or place.

use egui_commonmark::CommonMarkCache;

use crate::model::{Initiative, Location, PlacePrecision};
use crate::state::lanes::{line_label, status_label};
use crate::state::{Command, Origin, Selection, State};
use crate::theme;
use crate::views::location_list::kind_label;

/// The dates of an initiative in words, with their precision: "Announced 11 Jan 2023 · target by 2025 ·
/// completed 15 Nov 2023".
pub fn dates_in_words(item: &Initiative) -> String {
    let parts: Vec<String> = item.dates().map(|(field, date)| format!("{field} {date}")).collect();
    let mut text = parts.join(" · ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + text.get(1..).unwrap_or_default();
    }
    if text.is_empty() { "No dates".to_owned() } else { text }
}

/// Draws the panel; returns the commands of the user's clicks.
pub fn detail_ui(ui: &mut egui::Ui, state: &State, cache: &mut CommonMarkCache) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().auto_shrink(false).show_viewport(ui, |ui, viewport| match state.selection() {
        Some(Selection::Initiative(i)) => {
            if let Some(item) = state.dataset().initiatives.get(i) {
                initiative_ui(ui, state, item, cache, &mut commands);
            }
        }
        Some(Selection::Location(l)) => {
            if let Some(place) = state.dataset().locations.get(l) {
                location_ui(ui, state, (l, place), viewport, &mut commands);
            }
        }
        None => overview_ui(ui, state, cache),
    });
    commands
}

fn overview_ui(ui: &mut egui::Ui, state: &State, cache: &mut CommonMarkCache) {
    let meta = &state.dataset().meta;
    ui.heading(&meta.title);
    ui.label(format!("As of {}", meta.as_of));
    ui.add_space(6.0);
    crate::views::markdown::show(ui, cache, &meta.description);
    ui.add_space(6.0);
    ui.weak("Select an initiative on the timeline or a place in the list.");
}

fn initiative_ui(
    ui: &mut egui::Ui,
    state: &State,
    item: &Initiative,
    cache: &mut CommonMarkCache,
    commands: &mut Vec<Command>,
) {
    ui.heading(&item.title);
    ui.horizontal_wrapped(|ui| {
        ui.label(status_words(state, item));
        for line in &item.lines_of_effort {
            ui.label(egui::RichText::new(line_label(*line)).color(theme::line_of_effort_color(*line)));
        }
        if !item.actors.is_empty() {
            ui.weak(item.actors.join(", "));
        }
    });
    ui.label(egui::RichText::new(dates_in_words(item)).strong());
    change_ui(ui, state, item);
    if let Some(note) = &item.status_note {
        ui.label(egui::RichText::new(note).italics());
    }
    ui.label(&item.summary);
    let places: Vec<usize> =
        state.index().places_of.get(state_index(state, item)).map(<[usize]>::to_vec).unwrap_or_default();
    if !places.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Places");
            for place in places {
                if let Some(location) = state.dataset().locations.get(place)
                    && ui.link(&location.name).on_hover_text("Select this place").clicked()
                {
                    commands.push(Command::Select(Selection::Location(place), Origin::Detail));
                }
            }
        });
    }
    crate::views::relations::relations_ui(ui, state, state_index(state, item), commands);
    crate::views::relations::graph_ui(ui, state, state_index(state, item), commands);
    ui.separator();
    crate::views::markdown::show(ui, cache, &item.body);
    sources_ui(ui, state, item);
    related_ui(ui, state, item, commands);
}

/// Comparing two days: what happened to it in between, in the report's words.
fn change_ui(ui: &mut egui::Ui, state: &State, item: &Initiative) {
    let Some(cmp) = state.focus().comparison() else { return };
    let Some(kind) = cmp.kind(state_index(state, item)) else { return };
    let words = crate::model::change_report::change_words(item, kind, cmp.from, cmp.to);
    let span = format!("{} → {}", crate::model::Day(cmp.from).ymd_words(), crate::model::Day(cmp.to).ymd_words());
    let text = match kind {
        crate::model::compare::ChangeKind::Unchanged => format!("Unchanged {span}"),
        _ => format!("{span}: {} — {words}", kind.label()),
    };
    ui.label(egui::RichText::new(text).color(theme::change_color(kind)).strong());
}

/// The status, as of the as-of day when one is chosen.
fn status_words(state: &State, item: &Initiative) -> egui::RichText {
    let Some(status) = state.focus().filter().status_of(item) else {
        let day = state.focus().filter().as_of.map(|d| crate::model::Day(d).ymd_words()).unwrap_or_default();
        return egui::RichText::new(format!("Not yet announced as of {day} (now {})", status_label(item.status)))
            .strong();
    };
    let words = match state.focus().filter().as_of {
        Some(day) if status != item.status => format!(
            "{} as of {} (now {})",
            status_label(status),
            crate::model::Day(day).ymd_words(),
            status_label(item.status)
        ),
        _ => status_label(status).to_owned(),
    };
    egui::RichText::new(words).color(theme::status_color(status)).strong()
}

fn state_index(state: &State, item: &Initiative) -> usize {
    state.index().initiative_by_id.get(&item.id).copied().unwrap_or(usize::MAX)
}

fn sources_ui(ui: &mut egui::Ui, state: &State, item: &Initiative) {
    ui.separator();
    ui.strong("Sources");
    for cite in &item.sources {
        let Some(source) = state.dataset().source(&cite.source) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            match &source.url {
                Some(url) if crate::model::links::is_safe_url(url) => {
                    if ui.link(&source.title).on_hover_text(url).clicked() {
                        crate::platform::open_link(ui.ctx(), url);
                    }
                }
                // An address the app does not open is shown as text.
                Some(url) => {
                    ui.label(&source.title);
                    ui.weak(format!("({url})"));
                }
                None => {
                    ui.label(&source.title);
                }
            }
            let date = source.date.map(|d| format!(", {d}")).unwrap_or_default();
            ui.weak(format!("— {}{date}", source.publisher));
            if let Some(note) = &cite.note {
                ui.weak(format!("({note})"));
            }
        });
    }
}

fn related_ui(ui: &mut egui::Ui, state: &State, item: &Initiative, commands: &mut Vec<Command>) {
    if item.related.is_empty() {
        return;
    }
    ui.separator();
    ui.strong("Related");
    for id in &item.related {
        let Some(&index) = state.index().initiative_by_id.get(id) else {
            continue;
        };
        let Some(other) = state.dataset().initiatives.get(index) else {
            continue;
        };
        if ui.link(&other.title).clicked() {
            commands.push(Command::Select(Selection::Initiative(index), Origin::Detail));
        }
    }
}

/// How exact a position is, in words.
pub fn precision_label(precision: PlacePrecision) -> &'static str {
    match precision {
        PlacePrecision::ExactSite => "the site itself",
        PlacePrecision::About1Km => "within about 1 km",
        PlacePrecision::City => "somewhere in the city",
        PlacePrecision::Region => "somewhere in the region",
        PlacePrecision::LabelPoint => "a label point, not a measured position",
    }
}

fn location_ui(
    ui: &mut egui::Ui,
    state: &State,
    (index, place): (usize, &Location),
    viewport: egui::Rect,
    commands: &mut Vec<Command>,
) {
    ui.heading(&place.name);
    if let Some(ja) = &place.name_ja {
        ui.label(ja);
    }
    ui.label(format!(
        "{} · {} · {:.4}°{}, {:.4}°{}",
        kind_label(place.kind),
        if place.country.is_empty() { "open sea" } else { place.country.as_str() },
        place.lat.abs(),
        if place.lat >= 0.0 { "N" } else { "S" },
        place.lon.abs(),
        if place.lon >= 0.0 { "E" } else { "W" },
    ));
    ui.weak(format!("Position: {}", precision_label(place.precision)));
    if let Some(source) = &place.coord_source {
        ui.weak(format!("Position from {source}"));
    }
    ui.separator();
    let items = state.index().initiatives_at.get(index).map_or(&[][..], Vec::as_slice);
    ui.strong(format!("{} initiative{} here", items.len(), if items.len() == 1 { "" } else { "s" }));
    place_items_ui(ui, state, items, viewport, commands);
}

/// Every initiative at a place, two lines each (title, dates); only the rows in the scroll area's
/// viewport are laid out, so a place with 10,000 initiatives costs what one with 20 does.
fn place_items_ui(
    ui: &mut egui::Ui,
    state: &State,
    items: &[usize],
    viewport: egui::Rect,
    commands: &mut Vec<Command>,
) {
    let spacing = ui.spacing().item_spacing.y;
    let row = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + spacing;
    let stride = row + spacing;
    // The viewport is measured from the top of the scrolled content.
    let top = ui.cursor().min.y - ui.max_rect().top();
    let first = (((viewport.min.y - top) / stride).floor().max(0.0) as usize).min(items.len());
    let last = (((viewport.max.y - top) / stride).ceil().max(0.0) as usize).clamp(first, items.len());
    ui.add_space(first as f32 * stride);
    for &i in items.get(first..last).unwrap_or_default() {
        let Some(item) = state.dataset().initiatives.get(i) else {
            continue;
        };
        let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), row), egui::Sense::hover());
        let mut cell =
            ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::top_down(egui::Align::Min)));
        cell.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        if cell.link(&item.title).on_hover_text(&item.title).clicked() {
            commands.push(Command::Select(Selection::Initiative(i), Origin::Detail));
        }
        cell.weak(dates_in_words(item));
    }
    ui.add_space((items.len() - last) as f32 * stride);
}
