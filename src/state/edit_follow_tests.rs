//! An edit followed for one item gives the same state as a rebuild of everything: index, filters'
//! selection, the map's places, lanes, live checks and the location list's rows, under random filters,
//! lane groupings and list orders. Then every edit is undone (extra undos do nothing), followed alike.

use proptest::prelude::*;

use crate::model::filter::Filter;
use crate::model::generate::generate;
use crate::model::view::LaneGrouping;
use crate::model::{Day, LineOfEffort, Status};
use crate::state::command::{DateField, EditCommand, TextField};
use crate::state::data::State;
use crate::state::locations::{LocationColumn, LocationSort};
use crate::state::read::{location_rows, refresh_location_rows};
use crate::state::{Command, Settings};

/// Everything an edit must keep up to date, in a comparable form.
fn derived(s: &State) -> impl PartialEq + std::fmt::Debug + use<> {
    let x = &s.index;
    (
        (x.spans.clone(), x.undated.clone(), x.full_span, x.initiatives_at.clone(), x.main_line.clone()),
        (x.haystacks.clone(), x.map_places.clone(), x.no_place.clone()),
        (s.focus.visible.clone(), s.focus.visible_items.clone(), s.focus.visible_count, s.focus.map_places.clone()),
        (s.lanes.clone(), s.edit.findings.clone(), x.relations.clone()),
    )
}

fn edit(i: usize, kind: u8, k: u32) -> EditCommand {
    let fields = [DateField::Announced, DateField::Start, DateField::Target, DateField::Completed, DateField::End];
    let field = fields[k as usize % fields.len()];
    let statuses = [Status::Proposed, Status::Announced, Status::InProgress, Status::Completed];
    let lines = [LineOfEffort::Policy, LineOfEffort::ForcePosture, LineOfEffort::Space];
    match kind % 7 {
        0 => EditCommand::SetDate(i, field, format!("{}-{:02}", 2015 + k % 15, 1 + k % 12)),
        1 => EditCommand::SetDate(i, field, String::new()),
        2 => EditCommand::SetStatus(i, statuses[k as usize % statuses.len()]),
        3 => EditCommand::ToggleLine(i, lines[k as usize % lines.len()]),
        4 => EditCommand::SetText(i, TextField::Title, format!("Edited {k} Kanoya")),
        5 => EditCommand::SetText(i, TextField::Tags, ["", "space", "new-tag, drills"][k as usize % 3].to_owned()),
        _ => EditCommand::ShiftDates(i, i64::from(k % 900) - 450),
    }
}

fn filter(kind: u8) -> Filter {
    match kind % 5 {
        0 => Filter::default(),
        1 => Filter { search: "kanoya".to_owned(), ..Filter::default() },
        2 => Filter { statuses: [Status::Completed].into(), ..Filter::default() },
        3 => Filter { lines: [LineOfEffort::Space].into(), ..Filter::default() },
        _ => Filter { date_range: Some((17_000.0, 19_500.0)), as_of: Some(19_000), ..Filter::default() },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn following_one_item_equals_rebuilding(
        seed in 1u64..500,
        n in 1usize..120,
        grouping in 0usize..5,
        filter_kind in 0u8..5,
        edits in proptest::collection::vec((0usize..1000, 0u8..7, 0u32..10_000), 1..12),
        (column, ascending) in (0usize..6, any::<bool>()),
    ) {
        let ds = generate(n, 12, seed);
        let mut state = State::with_dataset(ds, Settings::default(), Day(20_000));
        state.settings.lane_grouping = LaneGrouping::ALL[grouping % LaneGrouping::ALL.len()];
        state.focus.filter = filter(filter_kind);
        state.location_sort = LocationSort { column: LocationColumn::ALL[column], ascending };
        state.refilter();
        // The location list's rows, kept in step as the app keeps them.
        let mut rows = Vec::new();
        let mut key = (u64::MAX, state.location_sort);
        refresh_location_rows(&state, &mut rows, &mut key);
        let undos = vec![None; edits.len() * 2];
        for command in edits.into_iter().map(|(i, kind, k)| Some(edit(i % n, kind, k))).chain(undos) {
            let command = command.unwrap_or(EditCommand::Undo);
            state.apply(Command::Edit(command.clone()));
            refresh_location_rows(&state, &mut rows, &mut key);
            prop_assert_eq!(&rows, &location_rows(&state, state.location_sort), "rows after {:?}", command);
            let followed = derived(&state);
            state.data_changed();
            prop_assert_eq!(followed, derived(&state), "after {:?}", command);
            refresh_location_rows(&state, &mut rows, &mut key);
        }
    }
}
