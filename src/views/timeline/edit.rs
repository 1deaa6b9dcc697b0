//! Editing on the timeline: right-click for "Add initiative here", and the tip while a mark is
//! dragged to move its dates.

use super::axis::Axis;
use crate::state::{Command, State};

/// Right-click on the timeline: "Add initiative here", starting in the month under the pointer.
pub fn add_here_menu(background: &egui::Response, axis: &Axis, state: &State, commands: &mut Vec<Command>) {
    if state.presenting().is_some() {
        return;
    }
    // The month is taken where the right click was; the menu may be open over other things later.
    let key = background.id.with("add_here_month");
    if background.secondary_clicked()
        && let Some(pointer) = background.interact_pointer_pos()
    {
        let (y, m, _) = crate::model::Day(axis.day_from_x(pointer.x).floor() as i64).ymd();
        let month = crate::model::FuzzyDate::exact(crate::model::Period::Month(
            i32::try_from(y).unwrap_or_default(),
            u8::try_from(m).unwrap_or(1),
        ));
        background.ctx.data_mut(|d| d.insert_temp(key, month));
    }
    let Some(at) = background.ctx.data(|d| d.get_temp::<crate::model::FuzzyDate>(key)) else { return };
    background.context_menu(|ui| {
        if ui.button(format!("Add initiative here ({})", at.in_words())).clicked() {
            commands.push(Command::Edit(crate::state::command::EditCommand::AddInitiativeAt(at)));
            ui.close();
        }
    });
}

/// While a mark is dragged: where its dates would go, at their precision.
pub fn drag_tip(ui: &egui::Ui, item: &crate::model::Initiative, days: i64) {
    let dates: Vec<String> = [
        ("announced", item.announced),
        ("start", item.start),
        ("target", item.target),
        ("completed", item.completed),
        ("end", item.end),
    ]
    .into_iter()
    .filter_map(|(name, d)| d.map(|d| format!("{name}: {}", d.shifted(days).in_words())))
    .collect();
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        egui::Id::unique("timeline_drag_tip"),
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.strong(&item.title);
        for line in dates {
            ui.label(line);
        }
    });
}
