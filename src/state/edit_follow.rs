//! What follows an edit of one initiative in place, for that item only: the index, the filters'
//! selection and the map's places, the lanes, and the live checks. At a million initiatives a
//! rebuild of all of them takes seconds; this takes what one item costs. An edit that reaches
//! further (a new id, other places or sources) rebuilds instead.
//! `tests/edit_follow.rs` checks that both ways give the same state.

use crate::model::cluster::{Place, place_tree};
use crate::model::finding::{BrokenIds, Collection};
use crate::model::{Initiative, RelKind};
use crate::state::data::State;
use crate::state::lanes::{Lane, key_of, label_of};

impl State {
    /// Initiative `i` was replaced; `before` is what it was.
    pub(crate) fn initiative_changed(&mut self, i: usize, before: &Initiative) {
        let sources_same = self.dataset.initiatives.get(i).is_some_and(|now| now.sources == before.sources);
        // A `PartOf` link added or taken away may close or open a cycle reported at another item.
        let part_of =
            |x: &Initiative| x.relations.iter().filter(|r| r.kind == RelKind::PartOf).cloned().collect::<Vec<_>>();
        let parts_same = self.dataset.initiatives.get(i).is_some_and(|now| part_of(now) == part_of(before));
        if !sources_same || !parts_same || !self.index.update_initiative(&self.dataset, i, before) {
            self.data_changed();
            return;
        }
        self.generation += 1;
        self.follow_visibility(i);
        self.recompare();
        self.follow_lanes(i);
        self.follow_findings(i);
    }

    /// Whether `i` passes the filters now, and the visible list, the count and the map's places
    /// with it.
    fn follow_visibility(&mut self, i: usize) {
        let now = self.focus.filter.matches(&self.dataset, &self.index, i);
        let f = &mut self.focus;
        f.touched = Some((f.generation, self.index.places_of.get(i).unwrap_or_default().to_vec()));
        f.generation += 1;
        let Some(was) = f.visible.get(i).copied() else { return };
        if now == was {
            return;
        }
        f.visible[i] = now;
        match (f.visible_items.binary_search(&i), now) {
            (Err(k), true) => f.visible_items.insert(k, i),
            (Ok(k), false) => {
                f.visible_items.remove(k);
            }
            _ => {}
        }
        f.visible_count = f.visible_items.len();
        let mut membership = false;
        for &p in self.index.places_of.get(i).unwrap_or_default() {
            // Both lists are in location order.
            let at = f.map_places.binary_search_by_key(&p, |x| x.location);
            match (at, now) {
                (Ok(k), true) => f.map_places[k].weight += 1,
                (Ok(k), false) if f.map_places[k].weight > 1 => f.map_places[k].weight -= 1,
                (Ok(k), false) => {
                    f.map_places.remove(k);
                    membership = true;
                }
                (Err(k), true) => {
                    let all = &self.index.map_places;
                    if let Ok(j) = all.binary_search_by_key(&p, |x| x.location) {
                        f.map_places.insert(k, Place { weight: 1, ..all[j] });
                        membership = true;
                    }
                }
                (Err(_), false) => {}
            }
        }
        if membership {
            f.place_tree = place_tree(&f.map_places);
        }
    }

    /// Moves `i` to where it belongs in the lanes (a new one when its key has none yet).
    fn follow_lanes(&mut self, i: usize) {
        let shown =
            self.focus.visible.get(i).copied().unwrap_or(false) && self.index.spans.get(i).copied().flatten().is_some();
        let grouping = self.settings.lane_grouping;
        let key = shown.then(|| key_of(&self.dataset, &self.index, i, grouping));
        let home = match &key {
            Some(key) => match self.lanes.binary_search_by(|lane| lane.key.cmp(key)) {
                Ok(at) => Some(at),
                Err(at) => {
                    let label = label_of(&self.dataset, key, grouping);
                    self.lanes.insert(at, Lane::new(key.clone(), label, Vec::new(), &self.index));
                    Some(at)
                }
            },
            None => None,
        };
        for (at, lane) in self.lanes.iter_mut().enumerate() {
            lane.remove_item(i, &self.index);
            if home == Some(at) {
                lane.insert_item(i, &self.index);
            }
        }
        self.lanes.retain(|lane| !lane.items.is_empty());
    }

    /// The live checks of `i` again; the id's own checks (slug, unique) stay as they were, since the
    /// id did not change.
    fn follow_findings(&mut self, i: usize) {
        let own = |f: &crate::model::finding::Finding| {
            f.locus.collection == Collection::Initiatives && f.locus.index == i && f.locus.field != Some("id")
        };
        let findings = &mut self.edit.findings;
        findings.retain(|f| !own(f));
        // Where a whole check puts them: after the checks of earlier initiatives, before later ones
        // and the eras'.
        let at = findings
            .iter()
            .position(|f| {
                f.locus.field != Some("id")
                    && ((f.locus.collection == Collection::Initiatives && f.locus.index > i)
                        || f.locus.collection == Collection::Eras)
            })
            .unwrap_or(findings.len());
        let ids = (&self.index.location_by_id, &self.index.initiative_by_id);
        let new = crate::model::validate::validate_initiative(&self.dataset, &BrokenIds::default(), ids, i);
        findings.splice(at..at, new);
    }
}

/// [`State::put`] on one list: `items`, each item's place in the file, and the file's version of
/// the items changed since.
pub(crate) fn put_in<T: Clone>(
    items: &mut Vec<T>,
    origins: &mut Vec<Option<usize>>,
    baseline: &mut std::collections::HashMap<usize, T>,
    i: usize,
    item: Option<(T, Option<usize>)>,
    resize: bool,
) {
    // What is replaced or removed (not what an insertion moves along), as the file has it.
    let inserting = resize && item.is_some();
    let old_origin = origins.get(i).copied().flatten().filter(|_| !inserting);
    if let (Some(o), Some(old)) = (old_origin, items.get(i)) {
        baseline.entry(o).or_insert_with(|| old.clone());
    }
    match (item, resize) {
        // A replacement keeps the item's place in the file, whatever the change remembered.
        (Some((x, _)), false) => {
            if let Some(slot) = items.get_mut(i) {
                *slot = x;
            }
        }
        (Some((x, origin)), true) => {
            let at = i.min(items.len());
            items.insert(at, x);
            origins.insert(at.min(origins.len()), origin);
        }
        (None, _) => {
            if i < items.len() {
                items.remove(i);
            }
            if i < origins.len() {
                origins.remove(i);
            }
        }
    }
}
