//! Find and focus: the search box, facet menus with live counts, the as-of slider and player, saved
//! views, filter chips and the search results list. Like every view, it only returns commands.

use crate::state::FocusCommand;
use std::collections::{BTreeMap, BTreeSet};

use egui::text::LayoutJob;
use egui::{Id, Key, TextFormat};

use crate::model::Day;
use crate::model::filter::Filter;
use crate::model::search::match_ranges;
use crate::state::lanes::{line_label, status_label};
use crate::state::{Command, Origin, Selection, State};
use crate::theme;
use crate::views::location_list::kind_label;

/// Id of the search box, so Ctrl+F can focus it.
pub fn search_id() -> Id {
    Id::unique("find_search")
}

/// Speeds of the as-of player, days per second.
const SPEEDS: [(f64, &str); 4] = [(7.0, "1 week/s"), (30.0, "1 month/s"), (91.0, "1 quarter/s"), (365.0, "1 year/s")];

fn set(filter: Filter) -> Command {
    Command::Focus(FocusCommand::SetFilter(Box::new(filter)))
}

/// The filter bar: search, facets, as-of, views, link.
pub fn filter_bar_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    let f = state.focus().filter();
    ui.horizontal(|ui| {
        let mut text = f.search.clone();
        let edit =
            egui::TextEdit::singleline(&mut text).id(search_id()).hint_text("Search (Ctrl+F)").desired_width(240.0);
        let response = ui.add(edit);
        if response.changed() {
            out.push(set(Filter { search: text.clone(), ..f.clone() }));
        }
        // egui drops the focus on Esc before the frame runs, so look for the focus just lost.
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            out.push(set(Filter { search: String::new(), ..f.clone() }));
        }
        if response.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(first) = (0..state.dataset().initiatives.len()).find(|&i| state.is_visible(i))
        {
            out.push(Command::Select(Selection::Initiative(first), Origin::Other));
        }
        ui.label(format!("{} of {}", state.focus().visible_count(), state.dataset().initiatives.len()))
            .on_hover_text("Initiatives that pass the search and filters");
        ui.menu_button("Filters", |ui| facets_ui(ui, state, &mut out));
        as_of_ui(ui, state, &mut out);
        crate::views::compare::compare_controls_ui(ui, state, &mut out);
        ui.menu_button("Views", |ui| views_ui(ui, state, &mut out));
        if ui
            .button("Copy link")
            .on_hover_text("Copy a link to this view (in the browser, the page's address)")
            .clicked()
        {
            ui.ctx().copy_text(crate::platform::shareable_link(&state.current_view().to_text()));
        }
    });
    chips_ui(ui, state, &mut out);
    crate::views::compare::counts_ui(ui, state, &mut out);
    out
}

/// One facet's checkboxes with live counts; returns the new choice when one was toggled.
fn facet_group<T: Ord + Clone>(
    ui: &mut egui::Ui,
    title: &str,
    counts: &BTreeMap<T, usize>,
    chosen: &BTreeSet<T>,
    label: impl Fn(&T) -> String,
) -> Option<BTreeSet<T>> {
    ui.strong(title);
    let mut changed = None;
    for (value, n) in counts {
        let mut on = chosen.contains(value);
        if ui.checkbox(&mut on, format!("{} ({n})", label(value))).changed() {
            let mut next = chosen.clone();
            if on {
                next.insert(value.clone());
            } else {
                next.remove(value);
            }
            changed = Some(next);
        }
    }
    ui.separator();
    changed
}

/// The facet counts for the current filter, computed when the Filters menu first shows after a change
/// (a scan of every initiative: 0.2 s at a million) rather than on every keystroke of a search.
fn facet_counts(ui: &egui::Ui, state: &State) -> std::sync::Arc<crate::model::filter::FacetCounts> {
    let id = ui.scope_id().with("facet_counts");
    let cached = ui.data(|d| d.get_temp::<(u64, std::sync::Arc<crate::model::filter::FacetCounts>)>(id));
    match cached {
        Some((generation, counts)) if generation == state.focus().generation() => counts,
        _ => {
            let counts = std::sync::Arc::new(state.focus().filter().counts(state.dataset(), state.index()));
            ui.data_mut(|d| d.insert_temp(id, (state.focus().generation(), counts.clone())));
            counts
        }
    }
}

fn facets_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let f = state.focus().filter();
    let c = &*facet_counts(ui, state);
    ui.set_min_width(220.0);
    if let Some(lines) = facet_group(ui, "Line of effort", &c.lines, &f.lines, |l| line_label(*l).to_owned()) {
        out.push(set(Filter { lines, ..f.clone() }));
    }
    let title = if f.as_of.is_some() { "Status (as of the chosen day)" } else { "Status" };
    if let Some(statuses) = facet_group(ui, title, &c.statuses, &f.statuses, |s| status_label(*s).to_owned()) {
        out.push(set(Filter { statuses, ..f.clone() }));
    }
    if let Some(actors) = facet_group(ui, "Actor", &c.actors, &f.actors, Clone::clone) {
        out.push(set(Filter { actors, ..f.clone() }));
    }
    if let Some(place_kinds) =
        facet_group(ui, "Kind of place", &c.place_kinds, &f.place_kinds, |k| kind_label(*k).to_owned())
    {
        out.push(set(Filter { place_kinds, ..f.clone() }));
    }
    let mut has = f.has_place;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut has, None, "Any");
        ui.selectable_value(&mut has, Some(true), format!("With a place ({})", c.has_place[1]));
        ui.selectable_value(&mut has, Some(false), format!("No place ({})", c.has_place[0]));
    });
    if has != f.has_place {
        out.push(set(Filter { has_place: has, ..f.clone() }));
    }
    ui.separator();
    date_range_ui(ui, f, out);
}

/// Type a date range ("2023", "2023-01", "by 2025"…): from the start of the first to the end of the second.
fn date_range_ui(ui: &mut egui::Ui, f: &Filter, out: &mut Vec<Command>) {
    ui.strong("Date range (or shift-drag on the timeline)");
    let id = Id::unique("find_date_range");
    let (mut from, mut to): (String, String) = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut apply = false;
    ui.horizontal(|ui| {
        let a = ui.add(egui::TextEdit::singleline(&mut from).hint_text("From, e.g. 2023-01").desired_width(90.0));
        let b = ui.add(egui::TextEdit::singleline(&mut to).hint_text("To, e.g. 2024").desired_width(90.0));
        let enter = (a.lost_focus() || b.lost_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
        apply = ui.button("Apply").clicked() || enter;
        if f.date_range.is_some() && ui.button("Clear").clicked() {
            out.push(set(Filter { date_range: None, ..f.clone() }));
        }
    });
    let parsed = (from.trim().parse::<crate::model::FuzzyDate>(), to.trim().parse::<crate::model::FuzzyDate>());
    match parsed {
        (Ok(a), Ok(b)) if apply => {
            let (a, b) = if b < a { (b, a) } else { (a, b) };
            let (start, end) = (a.anchor().0.0 as f64, b.anchor().1.0 as f64 + 1.0);
            out.push(set(Filter { date_range: Some((start.min(end), start.max(end))), ..f.clone() }));
        }
        (Err(e), _) | (_, Err(e)) if apply => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{} — {}", e.message, crate::model::date::DATE_SYNTAX_HINT),
            );
        }
        _ => {}
    }
    ui.data_mut(|d| d.insert_temp(id, (from, to)));
}

fn as_of_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let f = state.focus().filter();
    let Some((first, last)) = state.index().full_span else {
        return;
    };
    let mut on = f.as_of.is_some();
    if ui.checkbox(&mut on, "As of").on_hover_text("Show the alliance as it stood on a day").changed() {
        let day = if on { Some(state.today().0.clamp(first as i64, last as i64)) } else { None };
        // Without an as-of day there is no "to" day: the comparison ends too.
        let (since, changes) = if on { (f.since, f.changes.clone()) } else { (None, BTreeSet::new()) };
        out.push(set(Filter { as_of: day, since, changes, ..f.clone() }));
        if !on {
            out.push(Command::Focus(FocusCommand::PlayAsOf(None)));
        }
    }
    let Some(day) = f.as_of else { return };
    let mut value = day;
    let slider = egui::Slider::new(&mut value, first as i64..=last as i64)
        .show_value(false)
        .text("As-of day")
        .custom_formatter(|v, _| Day(v as i64).ymd_words());
    if ui.add(slider).changed() {
        out.push(set(Filter { as_of: Some(value), ..f.clone() }));
    }
    // The day can be typed too: any date the data format accepts ("2023-06-01", "2024-Q3", "JFY2025").
    let typed_id = Id::unique("find_as_of_typed");
    let mut typed: String = ui.data(|d| d.get_temp(typed_id)).unwrap_or_else(|| Day(day).iso());
    let edit = ui.add(egui::TextEdit::singleline(&mut typed).hint_text("As-of date").desired_width(90.0));
    if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        if let Ok(date) = typed.trim().parse::<crate::model::FuzzyDate>() {
            out.push(set(Filter { as_of: Some(date.anchor().0.0), ..f.clone() }));
        }
        ui.data_mut(|d| d.remove::<String>(typed_id));
    } else if edit.has_focus() {
        ui.data_mut(|d| d.insert_temp(typed_id, typed));
    } else {
        ui.data_mut(|d| d.remove::<String>(typed_id));
    }
    let playing = state.focus().playing();
    if ui
        .button(if playing.is_some() { "Pause" } else { "Play ▶" })
        .on_hover_text("Play or pause through time")
        .clicked()
    {
        out.push(Command::Focus(FocusCommand::PlayAsOf(if playing.is_some() { None } else { Some(SPEEDS[1].0) })));
    }
    if let Some(speed) = playing {
        let mut chosen = speed;
        egui::ComboBox::new("as_of_speed", "Speed")
            .selected_text(SPEEDS.iter().find(|s| (s.0 - speed).abs() < 1e-9).map_or("custom", |s| s.1))
            .show_ui(ui, |ui| {
                for (days, label) in SPEEDS {
                    ui.selectable_value(&mut chosen, days, label);
                }
            });
        if (chosen - speed).abs() > 1e-9 {
            out.push(Command::Focus(FocusCommand::PlayAsOf(Some(chosen))));
        }
    }
}

fn views_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    ui.set_min_width(280.0);
    let name_id = Id::unique("find_new_view_name");
    let mut name: String = ui.data(|d| d.get_temp(name_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let field = ui.add(egui::TextEdit::singleline(&mut name).hint_text("Name this view").desired_width(160.0));
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let save = ui.add_enabled(!name.trim().is_empty(), egui::Button::new("Save view").shortcut_text("Enter"));
        if (save.clicked() || entered) && !name.trim().is_empty() {
            out.push(Command::Focus(FocusCommand::SaveView(name.trim().to_owned())));
            name.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(name_id, name));
    if state.focus().saved().views.is_empty() {
        ui.weak("No saved views yet");
    }
    for (i, saved) in state.focus().saved().views.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.button(&saved.name).on_hover_text("Go to this view").clicked() {
                out.push(Command::Focus(FocusCommand::RestoreView(Box::new(saved.view.clone()))));
            }
            let rename_id = Id::unique(("find_rename", &saved.name));
            let mut new_name: String = ui.data(|d| d.get_temp(rename_id)).unwrap_or_else(|| saved.name.clone());
            let edit = ui.add(egui::TextEdit::singleline(&mut new_name).hint_text("Rename").desired_width(90.0));
            if edit.lost_focus() && new_name.trim() != saved.name && !new_name.trim().is_empty() {
                out.push(Command::Focus(FocusCommand::RenameView(i, new_name.trim().to_owned())));
            }
            ui.data_mut(|d| d.insert_temp(rename_id, new_name));
            if ui.small_button("Delete").clicked() {
                out.push(Command::Focus(FocusCommand::DeleteView(i)));
            }
        });
    }
    if let Some(message) = state.focus().message() {
        ui.weak(message);
    }
}

/// Chips for each value of one facet: removing a chip removes that value.
fn set_chips<T: Ord + Clone>(
    chips: &mut Vec<(String, Filter)>,
    chosen: &BTreeSet<T>,
    label: impl Fn(&T) -> String,
    with: impl Fn(BTreeSet<T>) -> Filter,
) {
    for value in chosen {
        let mut rest = chosen.clone();
        rest.remove(value);
        chips.push((label(value), with(rest)));
    }
}

/// Every active filter as a chip: its words and the filter without it.
fn chips_of(f: &Filter) -> Vec<(String, Filter)> {
    let mut chips: Vec<(String, Filter)> = Vec::new();
    if !f.search.is_empty() {
        chips.push((format!("“{}”", f.search), Filter { search: String::new(), ..f.clone() }));
    }
    set_chips(&mut chips, &f.lines, |l| line_label(*l).to_owned(), |lines| Filter { lines, ..f.clone() });
    set_chips(&mut chips, &f.statuses, |s| status_label(*s).to_owned(), |statuses| Filter { statuses, ..f.clone() });
    set_chips(&mut chips, &f.actors, Clone::clone, |actors| Filter { actors, ..f.clone() });
    set_chips(
        &mut chips,
        &f.place_kinds,
        |k| kind_label(*k).to_owned(),
        |place_kinds| Filter { place_kinds, ..f.clone() },
    );
    if let Some(has) = f.has_place {
        let words = if has { "With a place" } else { "No place" };
        chips.push((words.to_owned(), Filter { has_place: None, ..f.clone() }));
    }
    if let Some((a, b)) = f.date_range {
        // The range's end is exclusive: show its last day.
        let words = format!("{} – {}", Day(a as i64).ymd_words(), Day(b as i64 - 1).ymd_words());
        chips.push((words, Filter { date_range: None, ..f.clone() }));
    }
    if let Some(day) = f.as_of {
        let without = Filter { as_of: None, since: None, changes: BTreeSet::new(), ..f.clone() };
        chips.push((format!("As of {}", Day(day).ymd_words()), without));
    }
    if let Some(day) = f.since {
        let without = Filter { since: None, changes: BTreeSet::new(), ..f.clone() };
        chips.push((format!("Compared with {}", Day(day).ymd_words()), without));
    }
    set_chips(&mut chips, &f.changes, |k| k.label().to_owned(), |changes| Filter { changes, ..f.clone() });
    chips
}

/// A chip per active filter; clicking removes that filter.
fn chips_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let f = state.focus().filter();
    if f.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (label, next) in chips_of(f) {
            if ui.small_button(format!("× {label}")).on_hover_text("Remove this filter").clicked() {
                out.push(set(next));
            }
        }
        if ui.small_button("Clear all").clicked() {
            out.push(Command::Focus(FocusCommand::ClearFilters));
            out.push(Command::Focus(FocusCommand::PlayAsOf(None)));
        }
    });
}

/// The search results with the matched text highlighted; empty when nothing is searched.
pub fn results_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    let query = state.focus().filter().search.trim();
    if query.is_empty() {
        return out;
    }
    let pal = theme::palette(state.theme());
    // Comparing, the results say how they changed too.
    let changes = state.focus().comparison().map(|c| format!(" · {}", c.summary())).unwrap_or_default();
    ui.strong(format!("{} results{changes}", state.focus().visible_count()));
    let row_height = ui.spacing().interact_size.y;
    let results = &state.focus().visible_items();
    // Only the rows in view are built: the list costs the same at a million results.
    egui::ScrollArea::vertical().id_salt("search_results").max_height(180.0).show_rows(
        ui,
        row_height,
        results.len(),
        |ui, rows| {
            for (i, item) in results
                .get(rows)
                .unwrap_or_default()
                .iter()
                .filter_map(|&i| Some((i, state.dataset().initiatives.get(i)?)))
            {
                let mut job = LayoutJob::default();
                let normal = TextFormat { color: pal.text, ..TextFormat::default() };
                let hit = TextFormat { background: pal.match_fill, color: pal.text, ..TextFormat::default() };
                let mut at = 0;
                for range in match_ranges(&item.title, query) {
                    job.append(item.title.get(at..range.start).unwrap_or_default(), 0.0, normal.clone());
                    job.append(item.title.get(range.clone()).unwrap_or_default(), 0.0, hit.clone());
                    at = range.end;
                }
                job.append(item.title.get(at..).unwrap_or_default(), 0.0, normal);
                let selected = state.selection() == Some(Selection::Initiative(i));
                if ui.add(egui::Button::selectable(selected, job)).clicked() {
                    out.push(Command::Select(Selection::Initiative(i), Origin::List));
                }
            }
        },
    );
    ui.separator();
    out
}
