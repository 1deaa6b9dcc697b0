//! Lanes and rows of the timeline, as plain data: which lane each initiative is in, and which row of
//! its lane, so that no two labels overlap.

use crate::model::index::Index;
use crate::model::view::LaneGrouping;
use crate::model::{Dataset, LineOfEffort, Status};

/// What a lane groups by.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LaneKey {
    /// A line of effort.
    Line(LineOfEffort),
    /// A status.
    Status(Status),
    /// An actor (country or organisation).
    Actor(String),
    /// A place, by position in the dataset's locations.
    Place(usize),
    /// Initiatives with no value for the key (no actor, no place).
    None,
}

/// One lane: its key, its label, and its initiatives in start order.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The grouping value.
    pub key: LaneKey,
    /// Header text.
    pub label: String,
    /// Dated initiatives in the lane, by start.
    pub items: Vec<usize>,
}

fn key_of(ds: &Dataset, index: &Index, item: usize, grouping: LaneGrouping) -> LaneKey {
    let Some(initiative) = ds.initiatives.get(item) else {
        return LaneKey::None;
    };
    match grouping {
        LaneGrouping::LineOfEffort => initiative.lines_of_effort.first().map_or(LaneKey::None, |l| LaneKey::Line(*l)),
        LaneGrouping::Status => LaneKey::Status(initiative.status),
        LaneGrouping::Country => initiative.actors.first().map_or(LaneKey::None, |a| LaneKey::Actor(a.clone())),
        LaneGrouping::Place => {
            index.places_of.get(item).and_then(|p| p.first()).map_or(LaneKey::None, |p| LaneKey::Place(*p))
        }
    }
}

/// Words for a line of effort.
pub fn line_label(line: LineOfEffort) -> &'static str {
    match line {
        LineOfEffort::ForcePosture => "Force posture",
        LineOfEffort::Isr => "ISR",
        LineOfEffort::Space => "Space",
        LineOfEffort::Cyber => "Cyber",
        LineOfEffort::Strike => "Strike",
        LineOfEffort::AirMissileDefense => "Air & missile defence",
        LineOfEffort::CommandAndControl => "Command & control",
        LineOfEffort::Exercises => "Exercises",
        LineOfEffort::Partners => "Partners",
        LineOfEffort::Policy => "Policy",
        LineOfEffort::Industry => "Industry",
    }
}

/// Words for a status.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Proposed => "Proposed",
        Status::Announced => "Announced",
        Status::InProgress => "In progress",
        Status::Completed => "Completed",
        Status::Ongoing => "Ongoing",
        Status::Cancelled => "Cancelled",
        Status::Context => "Context",
    }
}

fn label_of(ds: &Dataset, key: &LaneKey, grouping: LaneGrouping) -> String {
    match key {
        LaneKey::Line(l) => line_label(*l).to_owned(),
        LaneKey::Status(s) => status_label(*s).to_owned(),
        LaneKey::Actor(a) => a.clone(),
        LaneKey::Place(p) => ds.locations.get(*p).map_or_else(|| "?".to_owned(), |l| l.name.clone()),
        LaneKey::None => match grouping {
            LaneGrouping::Place => "No place".to_owned(),
            LaneGrouping::Country => "No actor".to_owned(),
            _ => "Other".to_owned(),
        },
    }
}

/// Groups the dated initiatives into lanes, in key order; items in each lane by start day.
pub fn lanes(ds: &Dataset, index: &Index, grouping: LaneGrouping) -> Vec<Lane> {
    let mut by_key: std::collections::BTreeMap<LaneKey, Vec<usize>> = std::collections::BTreeMap::new();
    for (item, span) in index.spans.iter().enumerate() {
        if span.is_some() {
            by_key.entry(key_of(ds, index, item, grouping)).or_default().push(item);
        }
    }
    by_key
        .into_iter()
        .map(|(key, mut items)| {
            items.sort_by(|&a, &b| {
                let start = |i: usize| index.spans.get(i).copied().flatten().map_or(0.0, |s| s.0);
                start(a).total_cmp(&start(b)).then(a.cmp(&b))
            });
            Lane { label: label_of(ds, &key, grouping), key, items }
        })
        .collect()
}

/// Assigns each extent `(left, right)` (in points, sorted by `left`) to the first row where it fits
/// `gap` points after the previous one. Returns each extent's row and the number of rows.
pub fn stack_rows(extents: &[(f32, f32)], gap: f32) -> (Vec<usize>, usize) {
    let mut row_ends: Vec<f32> = Vec::new();
    let rows = extents
        .iter()
        .map(|&(left, right)| {
            if let Some(row) = row_ends.iter().position(|&end| end + gap <= left) {
                row_ends[row] = right;
                row
            } else {
                row_ends.push(right);
                row_ends.len() - 1
            }
        })
        .collect();
    (rows, row_ends.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DEFAULT_DATASET, load_str};

    #[test]
    fn stacked_extents_never_overlap_within_a_row() {
        let extents: [(f32, f32); 6] =
            [(0.0, 100.0), (50.0, 80.0), (90.0, 200.0), (120.0, 130.0), (215.0, 300.0), (0.0, 1.0)];
        let mut sorted = extents.to_vec();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (rows, count) = stack_rows(&sorted, 10.0);
        assert_eq!(rows.len(), sorted.len());
        for i in 0..sorted.len() {
            for j in 0..i {
                if rows[i] == rows[j] {
                    assert!(
                        sorted[j].1 + 10.0 <= sorted[i].0,
                        "{:?} and {:?} share row {}",
                        sorted[j],
                        sorted[i],
                        rows[i]
                    );
                }
            }
        }
        assert_eq!(count, 2);
        assert_eq!(stack_rows(&[], 5.0), (vec![], 0));
    }

    #[test]
    fn every_dated_initiative_is_in_exactly_one_lane() {
        let ds = load_str(DEFAULT_DATASET).dataset.expect("loads");
        let index = Index::build(&ds);
        for grouping in LaneGrouping::ALL {
            let lanes = lanes(&ds, &index, grouping);
            let mut all: Vec<usize> = lanes.iter().flat_map(|l| l.items.iter().copied()).collect();
            all.sort_unstable();
            let expected: Vec<usize> = (0..ds.initiatives.len()).filter(|i| index.spans[*i].is_some()).collect();
            assert_eq!(all, expected, "{grouping:?}");
            assert!(lanes.iter().all(|l| !l.label.is_empty()));
        }
        let by_line = lanes(&ds, &index, LaneGrouping::LineOfEffort);
        assert_eq!(by_line.first().map(|l| l.label.as_str()), Some("Force posture"));
    }
}
