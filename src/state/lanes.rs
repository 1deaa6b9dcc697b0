//! Lanes and rows of the timeline, as plain data: which lane each initiative is in, and which row of
//! its lane, so that no two labels overlap.

use crate::model::index::Index;
use crate::model::view::LaneGrouping;
pub use crate::model::view::{line_label, status_label};
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
    /// A tag.
    Tag(String),
    /// Initiatives with no value for the key (no actor, no place).
    None,
}

/// One lane: its key, its label, and its initiatives in start order, with a time index over them.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The grouping value.
    pub key: LaneKey,
    /// Header text.
    pub label: String,
    /// Dated initiatives in the lane, by start.
    pub items: Vec<usize>,
    /// `starts[k]` is the start day of `items[k]` (sorted).
    starts: Vec<f64>,
    /// `reach[k]` is the latest end among `items[..=k]` (never decreasing), so the items that end
    /// before a day form a prefix.
    reach: Vec<f64>,
}

impl Lane {
    /// A lane over `items`, which must be sorted by start; builds the time index.
    pub fn new(key: LaneKey, label: String, items: Vec<usize>, index: &Index) -> Self {
        let span = |i: usize| index.spans.get(i).copied().flatten().unwrap_or((0.0, 0.0));
        let starts: Vec<f64> = items.iter().map(|&i| span(i).0).collect();
        let mut latest = f64::NEG_INFINITY;
        let reach = items
            .iter()
            .map(|&i| {
                latest = latest.max(span(i).1);
                latest
            })
            .collect();
        Self { key, label, items, starts, reach }
    }

    /// Keeps the items for which `keep` is true, and rebuilds the time index.
    pub fn retain(&mut self, index: &Index, keep: impl Fn(usize) -> bool) {
        let items = std::mem::take(&mut self.items).into_iter().filter(|&i| keep(i)).collect();
        *self = Self::new(self.key.clone(), std::mem::take(&mut self.label), items, index);
    }

    /// Takes item `i` out of the lane, if it is in it, and rebuilds the time index; whether it was.
    pub fn remove_item(&mut self, i: usize, index: &Index) -> bool {
        let Some(k) = self.items.iter().position(|&x| x == i) else { return false };
        self.items.remove(k);
        self.retain(index, |_| true);
        true
    }

    /// Puts item `i` in the lane at its place by start (ties in dataset order, as [`lanes`] sorts),
    /// and rebuilds the time index.
    pub fn insert_item(&mut self, i: usize, index: &Index) {
        let start = |i: usize| index.spans.get(i).copied().flatten().map_or(0.0, |s| s.0);
        let at = self.items.partition_point(|&x| start(x).total_cmp(&start(i)).then(x.cmp(&i)).is_lt());
        self.items.insert(at, i);
        self.retain(index, |_| true);
    }

    /// Positions in `items` of every item whose span can meet the days `[t0, t1)`: two binary searches.
    /// Every item that meets the window is in the range; items in the range may end before `t0` when
    /// a longer item earlier in the lane reaches past it.
    pub fn window(&self, t0: f64, t1: f64) -> std::ops::Range<usize> {
        let first = self.reach.partition_point(|&end| end <= t0);
        let last = self.starts.partition_point(|&start| start < t1);
        first..last.max(first)
    }

    /// How many items start in each of `bins` equal slices of `[t0, t1)`: two binary searches per bin,
    /// so the cost follows the pixels, not the items.
    pub fn start_bins(&self, t0: f64, t1: f64, bins: usize) -> Vec<u32> {
        let edge = |b: usize| t0 + (t1 - t0) * b as f64 / bins as f64;
        let mut below = self.starts.partition_point(|&s| s < t0);
        (1..=bins)
            .map(|b| {
                let upto = self.starts.partition_point(|&s| s < edge(b));
                let count = upto.saturating_sub(below) as u32;
                below = upto.max(below);
                count
            })
            .collect()
    }
}

pub(crate) fn key_of(ds: &Dataset, index: &Index, item: usize, grouping: LaneGrouping) -> LaneKey {
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
        LaneGrouping::Tag => initiative.tags.first().map_or(LaneKey::None, |t| LaneKey::Tag(t.clone())),
    }
}

pub(crate) fn label_of(ds: &Dataset, key: &LaneKey, grouping: LaneGrouping) -> String {
    match key {
        LaneKey::Line(l) => line_label(*l).to_owned(),
        LaneKey::Status(s) => status_label(*s).to_owned(),
        LaneKey::Actor(a) | LaneKey::Tag(a) => a.clone(),
        LaneKey::Place(p) => ds.locations.get(*p).map_or_else(|| "?".to_owned(), |l| l.name.clone()),
        LaneKey::None => match grouping {
            LaneGrouping::Place => "No place".to_owned(),
            LaneGrouping::Country => "No actor".to_owned(),
            LaneGrouping::Tag => "No tag".to_owned(),
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
            Lane::new(key.clone(), label_of(ds, &key, grouping), items, index)
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
    use crate::formats::load_str;
    use crate::model::DEFAULT_DATASET;
    use proptest::prelude::*;

    /// A lane over random spans, through a real index of a generated dataset.
    fn lane_of(n: usize, seed: u64) -> (Lane, Index) {
        let ds = crate::model::generate::generate(n, 20, seed);
        let index = Index::build(&ds);
        let all = lanes(&ds, &index, LaneGrouping::Status);
        let mut items: Vec<usize> = all.into_iter().flat_map(|l| l.items).collect();
        items.sort_by(|&a, &b| {
            let s = |i: usize| index.spans[i].map_or(0.0, |s| s.0);
            s(a).total_cmp(&s(b)).then(a.cmp(&b))
        });
        (Lane::new(LaneKey::None, String::new(), items, &index), index)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn the_window_holds_every_item_that_meets_it(n in 0usize..400, seed in 1u64..1000, a in -2000.0f64..30000.0, w in 0.5f64..20000.0) {
            let (lane, index) = lane_of(n, seed);
            let range = lane.window(a, a + w);
            let brute: Vec<usize> = lane.items.iter().copied().filter(|&i| {
                let (s, e) = index.spans[i].unwrap_or((0.0, 0.0));
                s < a + w && e > a
            }).collect();
            let in_range = &lane.items[range.clone()];
            for i in &brute {
                prop_assert!(in_range.contains(i), "item {} meets the window but is not in {:?}", i, range);
            }
            // Nothing after the range starts before the window ends.
            prop_assert!(lane.items[range.end..].iter().all(|&i| index.spans[i].map_or(0.0, |s| s.0) >= a + w));
        }

        #[test]
        fn density_bins_conserve_counts(n in 0usize..400, seed in 1u64..1000, a in -2000.0f64..30000.0, w in 0.5f64..20000.0, bins in 1usize..700) {
            let (lane, index) = lane_of(n, seed);
            let counts = lane.start_bins(a, a + w, bins);
            prop_assert_eq!(counts.len(), bins);
            let starting = lane.items.iter().filter(|&&i| {
                let s = index.spans[i].map_or(0.0, |s| s.0);
                s >= a && s < a + w
            }).count();
            prop_assert_eq!(counts.iter().map(|&c| c as usize).sum::<usize>(), starting);
            // Each bin holds exactly the items that start in its slice.
            let edge = |b: usize| a + w * b as f64 / bins as f64;
            for (b, &count) in counts.iter().enumerate().step_by((bins / 7).max(1)) {
                let brute = lane.items.iter().filter(|&&i| {
                    let s = index.spans[i].map_or(0.0, |s| s.0);
                    s >= edge(b) && s < edge(b + 1)
                }).count();
                prop_assert_eq!(count as usize, brute);
            }
        }
    }

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
