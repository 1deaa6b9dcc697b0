//! Derived lookups over a dataset, built once per load: ids → positions, places ↔ initiatives, and each
//! initiative's drawn time span. Positions are indexes into the dataset's lists.

use rustc_hash::FxHashMap as HashMap;

use super::cluster::{Place, PlaceTree, place_tree};
use super::date::FuzzyDate;
use super::geo::project;
use super::ids::Ids;
use super::ragged::{Ragged, Texts};
use super::relations::Relations;
use super::types::{Dataset, Initiative, LineOfEffort, RelKind};

/// Lookups derived from one dataset. Serde writes all but the R-tree, which is rebuilt from
/// `map_places` when read (`formats::handover`: the browser's worker builds the index and hands it over).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Index {
    /// Initiative id → position.
    pub initiative_by_id: Ids,
    /// Location id → position.
    pub location_by_id: Ids,
    /// For each initiative, the positions of its places (unknown ids skipped).
    pub places_of: Ragged<usize>,
    /// For each location, the positions of the initiatives there, in date order.
    pub initiatives_at: Vec<Vec<usize>>,
    /// For each initiative, the first and last day it covers (as day numbers), if it has any date.
    pub spans: Vec<Option<(f64, f64)>>,
    /// Initiatives with no date at all, listed under the timeline.
    pub undated: Vec<usize>,
    /// First and last day of anything in the dataset (initiatives and eras).
    pub full_span: Option<(f64, f64)>,
    /// Places that have initiatives, projected, for the map.
    pub map_places: Vec<Place>,
    /// R-tree over `map_places`.
    #[serde(skip)]
    pub place_tree: PlaceTree,
    /// For each location, the line of effort most of its initiatives have first.
    pub main_line: Vec<Option<LineOfEffort>>,
    /// Initiatives with no place, for the map's "No place" strip.
    pub no_place: Vec<usize>,
    /// Folded searchable text of each initiative.
    pub haystacks: Texts,
    /// The typed relations between initiatives, both ways.
    pub relations: Relations,
}

/// First and last day an initiative's dates cover, from the anchors of all its dates.
pub fn span_of(dates: impl Iterator<Item = FuzzyDate>) -> Option<(f64, f64)> {
    dates.fold(None, |acc, d| {
        let (first, last) = d.anchor();
        let (a, b) = (first.0 as f64, last.0 as f64 + 1.0);
        Some(acc.map_or((a, b), |(x, y): (f64, f64)| (x.min(a), y.max(b))))
    })
}

impl Index {
    /// Builds the lookups for a dataset.
    pub fn build(ds: &Dataset) -> Self {
        let initiative_by_id = Ids::new(ds.initiatives.iter().map(|x| x.id.as_str()));
        let location_by_id = Ids::new(ds.locations.iter().map(|x| x.id.as_str()));
        let spans: Vec<Option<(f64, f64)>> =
            ds.initiatives.iter().map(|i| span_of(i.dates().map(|(_, d)| d))).collect();
        let places_of: Ragged<usize> =
            ds.initiatives.iter().map(|i| i.places.iter().filter_map(|p| location_by_id.get(p).copied())).collect();
        let initiatives_at = initiatives_at(ds.locations.len(), &places_of, &spans);
        let full_span = full_span(ds, &spans);
        let map_places = map_places(ds, &initiatives_at);
        let main_line = main_lines(ds, &initiatives_at);
        let mut index = Self {
            initiative_by_id,
            location_by_id,
            place_tree: place_tree(&map_places),
            map_places,
            main_line,
            no_place: places_of.iter().enumerate().filter(|(_, p)| p.is_empty()).map(|(i, _)| i).collect(),
            undated: spans.iter().enumerate().filter(|(_, s)| s.is_none()).map(|(i, _)| i).collect(),
            places_of,
            initiatives_at,
            spans,
            full_span,
            haystacks: Texts::default(),
            relations: Relations::default(),
        };
        index.relations = Relations::build(ds, &index.initiative_by_id);
        index.haystacks = super::search::haystacks(ds, &index.places_of);
        index
    }
}

impl Index {
    /// Follows an edit of initiative `i` in place (`before` is what it was), for that item only:
    /// its span, the undated list, the overall span, the date order at its places, its places' main
    /// line and its search text. Returns false, changing nothing, when the edit reaches further (a
    /// new id or other places): then the index must be built again.
    pub fn update_initiative(&mut self, ds: &Dataset, i: usize, before: &Initiative) -> bool {
        let Some(now) = ds.initiatives.get(i) else { return false };
        if now.id != before.id || now.places != before.places || i >= self.spans.len() {
            return false;
        }
        let span = span_of(now.dates().map(|(_, d)| d));
        let places: Vec<usize> = self.places_of.get(i).unwrap_or_default().to_vec();
        if span != self.spans[i] {
            match (self.spans[i].is_some(), span.is_some(), self.undated.binary_search(&i)) {
                (true, false, Err(k)) => self.undated.insert(k, i),
                (false, true, Ok(k)) => {
                    self.undated.remove(k);
                }
                _ => {}
            }
            self.spans[i] = span;
            self.full_span = full_span(ds, &self.spans);
            for &p in &places {
                if let Some(list) = self.initiatives_at.get_mut(p) {
                    sort_by_start(list, &self.spans);
                }
            }
        }
        if now.lines_of_effort.first() != before.lines_of_effort.first() {
            for &p in &places {
                if let (Some(line), Some(items)) = (self.main_line.get_mut(p), self.initiatives_at.get(p)) {
                    *line = main_line(ds, items);
                }
            }
        }
        if now.relations != before.relations {
            self.relations = Relations::build(ds, &self.initiative_by_id);
        }
        let mut text = String::new();
        super::search::haystack_into(ds, &self.places_of, i, &mut text);
        if self.haystacks.get(i) != Some(text.as_str()) {
            self.haystacks.replace(i, &text);
        }
        true
    }
}

impl Index {
    /// Initiative `i`'s relations to known initiatives: (target position, kind), in its order.
    pub fn relations_from(&self, i: usize) -> impl Iterator<Item = (usize, RelKind)> + '_ {
        self.relations.from(i)
    }

    /// The relations to initiative `i`: (source position, kind), sources in dataset order.
    pub fn relations_to(&self, i: usize) -> impl Iterator<Item = (usize, RelKind)> + '_ {
        self.relations.to(i)
    }

    /// The initiatives within `steps` relations of `i` (either way round), breadth first, with their
    /// distances: `i` first at 0, at most `limit` in all.
    pub fn neighbourhood(&self, i: usize, steps: usize, limit: usize) -> Vec<(usize, usize)> {
        self.relations.neighbourhood(i, steps, limit)
    }
}

/// For each location, the initiatives there, in date order.
fn initiatives_at(locations: usize, places_of: &Ragged<usize>, spans: &[Option<(f64, f64)>]) -> Vec<Vec<usize>> {
    let mut at = vec![Vec::new(); locations];
    for (item, places) in places_of.iter().enumerate() {
        for &place in places {
            if let Some(list) = at.get_mut(place) {
                list.push(item);
            }
        }
    }
    for list in &mut at {
        sort_by_start(list, spans);
    }
    at
}

/// Sorts initiatives by their first day (undated last), ties in dataset order.
fn sort_by_start(list: &mut [usize], spans: &[Option<(f64, f64)>]) {
    let start = |i: usize| spans.get(i).copied().flatten().map_or(f64::INFINITY, |s| s.0);
    list.sort_by(|&a, &b| start(a).total_cmp(&start(b)).then(a.cmp(&b)));
}

/// First and last day of anything in the dataset (initiatives and eras).
fn full_span(ds: &Dataset, spans: &[Option<(f64, f64)>]) -> Option<(f64, f64)> {
    let eras = ds.eras.iter().filter_map(|e| span_of([e.start, e.end].into_iter()));
    spans
        .iter()
        .flatten()
        .copied()
        .chain(eras)
        .fold(None, |acc, (a, b)| Some(acc.map_or((a, b), |(x, y): (f64, f64)| (x.min(a), y.max(b)))))
}

/// Places that have initiatives, projected to world coordinates.
fn map_places(ds: &Dataset, initiatives_at: &[Vec<usize>]) -> Vec<Place> {
    ds.locations
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let weight = initiatives_at.get(i).map_or(0, Vec::len);
            let w = project(l.lat, l.lon);
            (weight > 0).then_some(Place { location: i, world: [w.x, w.y], weight })
        })
        .collect()
}

/// For each location, the line of effort its initiatives most often have first.
fn main_lines(ds: &Dataset, initiatives_at: &[Vec<usize>]) -> Vec<Option<LineOfEffort>> {
    initiatives_at.iter().map(|items| main_line(ds, items)).collect()
}

/// The line of effort `items` most often have first (ties: the first line in order).
fn main_line(ds: &Dataset, items: &[usize]) -> Option<LineOfEffort> {
    let mut counts: HashMap<LineOfEffort, usize> = HashMap::default();
    for line in items.iter().filter_map(|&i| ds.initiatives.get(i)?.lines_of_effort.first()) {
        *counts.entry(*line).or_insert(0) += 1;
    }
    counts.into_iter().max_by_key(|&(line, n)| (n, std::cmp::Reverse(line))).map(|(line, _)| line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::load_str;
    use crate::model::DEFAULT_DATASET;

    #[test]
    fn places_and_initiatives_point_at_each_other() {
        let ds = load_str(DEFAULT_DATASET).dataset.expect("loads");
        let index = Index::build(&ds);
        let hansen = index.location_by_id.get("camp_hansen").copied().unwrap_or(usize::MAX);
        let mlr = index.initiative_by_id.get("12mlr-decision").copied().unwrap_or(usize::MAX);
        assert!(index.places_of.get(mlr).is_some_and(|p| p.contains(&hansen)));
        assert!(index.initiatives_at[hansen].contains(&mlr));
        let total: usize = index.initiatives_at.iter().map(Vec::len).sum();
        assert_eq!(total, index.places_of.iter().map(<[usize]>::len).sum::<usize>());
        assert!(index.undated.is_empty());
        let (first, last) = index.full_span.expect("dated");
        assert!(first < last);
    }

    #[test]
    fn a_span_covers_whole_vague_periods() {
        let dates = ["2023-01-11", "by 2025"].map(|t| t.parse::<FuzzyDate>().expect("date"));
        let (a, b) = span_of(dates.into_iter()).expect("span");
        assert!((a - crate::model::Day::from_ymd(2023, 1, 11).0 as f64).abs() < 1e-9);
        assert!((b - crate::model::Day::from_ymd(2026, 1, 1).0 as f64).abs() < 1e-9);
        assert_eq!(span_of(std::iter::empty()), None);
    }
}
