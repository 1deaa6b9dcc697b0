//! The edit form's part for a place: names, kind, precision, country and coordinates (a new place
//! comes from Alt+click on the map). Like the other views it only returns commands.

use crate::state::command::EditCommand;
use crate::state::{Command, State};
use crate::theme;

/// The place form: names, kind, precision, country, and the coordinates (typed; Alt+click on the map
/// adds a new place).
pub fn place_ui(ui: &mut egui::Ui, state: &State, l: usize, out: &mut Vec<Command>) {
    use crate::state::command::PlaceField;
    let Some(place) = state.dataset().locations.get(l) else { return };
    ui.weak(format!("place id: {}", place.id));
    for (label, field, value) in [
        ("Name", PlaceField::Name, place.name.clone()),
        ("Japanese name", PlaceField::NameJa, place.name_ja.clone().unwrap_or_default()),
        ("Country (ISO code, empty for seas)", PlaceField::Country, place.country.clone()),
    ] {
        let label = ui.label(label);
        let mut text = value.clone();
        if ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)).labelled_by(label.id).changed() {
            out.push(Command::Edit(EditCommand::SetPlaceText(l, field, text)));
        }
    }
    ui.horizontal(|ui| {
        if let Some(kind) = choice_ui(ui, ("Kind", l), place.kind, crate::model::schema::UnitEnum::name) {
            out.push(Command::Edit(EditCommand::SetPlaceKind(l, kind)));
        }
        if let Some(precision) = choice_ui(ui, ("Precision", l), place.precision, crate::model::schema::UnitEnum::name)
        {
            out.push(Command::Edit(EditCommand::SetPlacePrecision(l, precision)));
        }
    });
    coordinates_ui(ui, state, l, out);
    if ui.button("Delete this place").clicked() {
        out.push(Command::Edit(EditCommand::DeletePlace(l)));
    }
}

/// A place's latitude and longitude as typed: taken when both read as degrees in range, else kept
/// with what is expected.
fn coordinates_ui(ui: &mut egui::Ui, state: &State, l: usize, out: &mut Vec<Command>) {
    let Some(place) = state.dataset().locations.get(l) else { return };
    let key = egui::Id::unique(("place_coords", l));
    let typed: Option<(String, String)> = ui.data(|d| d.get_temp(key));
    let (mut lat, mut lon) = typed.unwrap_or_else(|| (format!("{}", place.lat), format!("{}", place.lon)));
    let changed = ui
        .horizontal(|ui| {
            let a = ui.label("Latitude");
            let lat_changed = ui
                .add_sized([theme::EDIT_DATE_WIDTH, theme::EDIT_ROW_HEIGHT], egui::TextEdit::singleline(&mut lat))
                .labelled_by(a.id)
                .changed();
            let b = ui.label("Longitude");
            let lon_changed = ui
                .add_sized([theme::EDIT_DATE_WIDTH, theme::EDIT_ROW_HEIGHT], egui::TextEdit::singleline(&mut lon))
                .labelled_by(b.id)
                .changed();
            lat_changed || lon_changed
        })
        .inner;
    if changed {
        match (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) {
            (Ok(a), Ok(b)) if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&b) => {
                ui.data_mut(|d| d.remove::<(String, String)>(key));
                out.push(Command::Edit(EditCommand::MovePlace(l, a, b)));
            }
            _ => {
                ui.data_mut(|d| d.insert_temp(key, (lat.clone(), lon.clone())));
            }
        }
    }
    if ui.data(|d| d.get_temp::<(String, String)>(key)).is_some() {
        ui.colored_label(
            theme::palette(state.theme()).error_text,
            "Latitude −90 to 90 and longitude −180 to 180, in decimal degrees",
        );
    }
}

/// A labelled chooser of one of an enum's variants (`words` names each); the new one when changed.
pub fn choice_ui<T: crate::model::schema::UnitEnum + std::fmt::Debug>(
    ui: &mut egui::Ui,
    (label, salt): (&str, usize),
    current: T,
    words: fn(T) -> &'static str,
) -> Option<T> {
    let label = ui.label(label);
    let mut picked = current;
    egui::ComboBox::from_id_salt((label.id, salt))
        .selected_text(words(current))
        .show_ui(ui, |ui| {
            for v in T::ALL {
                ui.selectable_value(&mut picked, *v, words(*v));
            }
        })
        .response
        .labelled_by(label.id);
    (picked != current).then_some(picked)
}
