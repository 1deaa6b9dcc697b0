//! Compare two days: the Compare switch with its "from" and "to" dates in the filter bar, the counts of
//! each kind of change (clicking one keeps only that kind), and the change report with its markdown.
//! Like every view, it only returns commands.

use egui::{Id, Key, RichText};

use crate::model::Day;
use crate::model::change_report::{report_line, report_markdown};
use crate::model::compare::{ChangeKind, Comparison};
use crate::model::filter::Filter;
use crate::state::{Command, FocusCommand, Origin, Selection, State};
use crate::theme;

fn set(filter: Filter) -> Command {
    Command::Focus(FocusCommand::SetFilter(Box::new(filter)))
}

/// Days a new comparison looks back by default.
const DEFAULT_LOOK_BACK: i64 = 365;

/// The Compare switch; while on, the two dates (typed, or from a step of the deck).
pub fn compare_controls_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let f = state.focus().filter();
    let Some((first, last)) = state.index().full_span else { return };
    let (first, last) = (first as i64, last as i64);
    let mut on = f.compare_days().is_some();
    let toggle = ui.checkbox(&mut on, "Compare").on_hover_text("What changed between two days");
    if toggle.changed() {
        if on {
            let to = f.as_of.unwrap_or_else(|| state.today().0.clamp(first, last));
            let from = (to - DEFAULT_LOOK_BACK).max(first);
            out.push(set(Filter { as_of: Some(to), since: Some(from), ..f.clone() }));
        } else {
            out.push(set(Filter { since: None, changes: std::collections::BTreeSet::default(), ..f.clone() }));
        }
    }
    let Some((from, to)) = f.compare_days() else { return };
    if let Some(day) = typed_day(ui, "compare_from", from, "From", false) {
        out.push(set(Filter { since: Some(day), ..f.clone() }));
    }
    ui.label("→");
    if let Some(day) = typed_day(ui, "compare_to", to, "To", true) {
        out.push(set(Filter { as_of: Some(day), ..f.clone() }));
    }
    step_days_ui(ui, state, out);
}

/// A date field: any date the data format accepts; a "from" date is its period's first day, a "to"
/// date its last ("2025" to the end of 2025). Returns the day when Enter is pressed on a date that reads.
fn typed_day(ui: &mut egui::Ui, salt: &str, day: i64, hint: &str, last_day: bool) -> Option<i64> {
    let id = Id::unique(("compare_typed", salt));
    let mut typed: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| Day(day).iso());
    let edit = ui.add(egui::TextEdit::singleline(&mut typed).hint_text(hint).desired_width(86.0));
    let edit = edit.on_hover_text(format!("{hint}: {} (type a date, Enter)", Day(day).ymd_words()));
    let mut chosen = None;
    if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        if let Ok(date) = typed.trim().parse::<crate::model::FuzzyDate>() {
            let (a, b) = date.anchor();
            chosen = Some(if last_day { b.0 } else { a.0 });
        }
        ui.data_mut(|d| d.remove::<String>(id));
    } else if edit.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, typed));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    chosen
}

/// The deck's steps that name a day (their as-of day): "since that step" sets the "from" date.
fn step_days_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let Some(deck) = state.deck() else { return };
    let f = state.focus().filter();
    let dated: Vec<(usize, &str, i64)> =
        deck.steps.iter().enumerate().filter_map(|(n, s)| Some((n, s.title.as_str(), s.view.filter.as_of?))).collect();
    if dated.is_empty() {
        return;
    }
    let current = state.presenting().map_or(deck.steps.len(), crate::state::present::Presenting::step);
    ui.menu_button("Since a step", |ui| {
        // The last dated step before the current one (or the last of all) comes first.
        let last = dated.iter().rev().find(|(n, ..)| *n < current).or(dated.last());
        for &(n, title, day) in last.into_iter().chain(dated.iter().filter(|d| Some(*d) != last)) {
            let label = format!("{}. {title} — {}", n + 1, Day(day).ymd_words());
            if ui.button(label).on_hover_text("Compare from this step's day").clicked() {
                out.push(set(Filter { since: Some(day), ..f.clone() }));
            }
        }
    });
}

/// The counts of each kind, as toggles: clicking one keeps only the chosen kinds.
pub fn counts_ui(ui: &mut egui::Ui, state: &State, out: &mut Vec<Command>) {
    let Some(cmp) = state.focus().comparison() else { return };
    let f = state.focus().filter();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} → {}:", Day(cmp.from).ymd_words(), Day(cmp.to).ymd_words()));
        for kind in ChangeKind::ALL {
            let n = cmp.count(kind);
            if n == 0 && !f.changes.contains(&kind) {
                continue;
            }
            let text = RichText::new(format!("● {n} {}", kind.label())).color(theme::change_color(kind));
            let chosen = f.changes.contains(&kind);
            if ui.selectable_label(chosen, text).on_hover_text("Show only this kind of change (toggle)").clicked() {
                let mut changes = f.changes.clone();
                if !changes.remove(&kind) {
                    changes.insert(kind);
                }
                out.push(set(Filter { changes, ..f.clone() }));
            }
        }
        if cmp.counts.iter().sum::<usize>() == 0 {
            ui.weak("nothing shown");
        }
    });
}

/// The change report: each change in words with its dates and sources; Copy as markdown.
pub fn report_ui(ui: &mut egui::Ui, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    let Some(all) = state.focus().comparison() else { return out };
    // The report lists what is shown: the chosen kinds only, when some are chosen.
    let chosen;
    let cmp = if state.focus().filter().changes.is_empty() {
        all
    } else {
        chosen = all.only(&state.focus().filter().changes);
        &chosen
    };
    let header = format!("What changed: {}", cmp.summary());
    egui::CollapsingHeader::new(RichText::new(header).strong()).id_salt("change_report").default_open(true).show(
        ui,
        |ui| {
            if ui.button("Copy as markdown").on_hover_text("The report, with its sources as links").clicked() {
                ui.ctx().copy_text(report_markdown(state.dataset(), cmp));
            }
            if cmp.changed.is_empty() {
                ui.weak("Nothing changed between these days among what is shown.");
            }
            let row = ui.spacing().interact_size.y;
            // Only the rows in view are built: the report costs the same at 100,000 changes.
            egui::ScrollArea::vertical()
                .id_salt("change_report_lines")
                .max_height(theme::sizes::REPORT_HEIGHT)
                .auto_shrink([false, true])
                .show_rows(ui, row, cmp.changed.len(), |ui, rows| {
                    for &i in cmp.changed.get(rows).unwrap_or_default() {
                        report_row_ui(ui, state, cmp, i, &mut out);
                    }
                });
        },
    );
    ui.separator();
    out
}

/// One change on one line, cut to the panel (the whole on hover): kind, title, words, sources.
fn report_row_ui(ui: &mut egui::Ui, state: &State, cmp: &Comparison, i: usize, out: &mut Vec<Command>) {
    let Some(line) = report_line(state.dataset(), cmp, i) else { return };
    let Some(item) = state.dataset().initiatives.get(i) else { return };
    ui.horizontal(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new(format!("● {}", line.kind.label())).color(theme::change_color(line.kind)));
        // Sources first, as numbered links with their titles on hover, so the cut never hides them.
        for (n, (title, url)) in line.sources.iter().enumerate() {
            let mark = RichText::new(format!("[{}]", n + 1)).small();
            match url {
                Some(url) if crate::model::links::is_safe_url(url) => {
                    if ui.link(mark).on_hover_text(format!("{title}\n{url}")).clicked() {
                        crate::platform::open_link(ui.ctx(), url);
                    }
                }
                _ => {
                    ui.label(mark.weak()).on_hover_text(title);
                }
            }
        }
        let selected = state.selection() == Some(Selection::Initiative(i));
        let title = ui.selectable_label(selected, RichText::new(&item.title).strong());
        if title.on_hover_text(format!("{}: {}", item.title, line.words)).clicked() {
            out.push(Command::Select(Selection::Initiative(i), Origin::List));
        }
        ui.label(&line.words).on_hover_text(&line.words);
    });
}

/// On a slide that compares two days: the counts, then each change on a line, as many as fit (the
/// rest are counted; the handout has them all).
pub fn slide_report_ui(ui: &mut egui::Ui, state: &State) {
    let Some(all) = state.focus().comparison() else { return };
    let chosen;
    let cmp = if state.focus().filter().changes.is_empty() {
        all
    } else {
        chosen = all.only(&state.focus().filter().changes);
        &chosen
    };
    let size = theme::slide::REPORT;
    ui.add_space(size);
    ui.label(RichText::new(format!("{} → {}", Day(cmp.from).ymd_words(), Day(cmp.to).ymd_words())).size(size));
    ui.horizontal_wrapped(|ui| {
        for kind in ChangeKind::ALL.into_iter().filter(|&k| k != ChangeKind::Unchanged && cmp.count(k) > 0) {
            let text = format!("● {} {}", cmp.count(kind), kind.label());
            ui.label(RichText::new(text).size(size).strong().color(theme::change_color(kind)));
        }
    });
    ui.add_space(size * 0.5);
    let row = ui.text_style_height(&egui::TextStyle::Body).max(size * 1.3);
    let total = cmp.changed.len();
    for (n, line) in cmp.changed.iter().filter_map(|&i| report_line(state.dataset(), cmp, i)).enumerate() {
        // Room for this line (it may wrap once) and for the "and N more" line under it.
        if ui.available_height() < row * 3.2 && n + 1 < total {
            ui.label(RichText::new(format!("and {} more", total - n)).size(size).weak());
            break;
        }
        let Some(item) = state.dataset().initiatives.get(line.item) else { continue };
        let mut job = egui::text::LayoutJob::default();
        let font = egui::FontId::proportional(size);
        let format = |color| egui::TextFormat { font_id: font.clone(), color, ..Default::default() };
        job.append("● ", 0.0, format(theme::change_color(line.kind)));
        job.append(&item.title, 0.0, format(ui.visuals().strong_text_color()));
        job.append(&format!(": {}", line.words), 0.0, format(ui.visuals().text_color()));
        ui.label(job);
    }
}
