//! Typed relations between initiatives as adjacency, built once per load with the [`Index`]: each
//! initiative's outgoing relations (target, kind) and incoming ones (source, kind), stored flat
//! ([`Ragged`]), so a hundred thousand relations take two buffers, not an allocation each.
//!
//! [`Index`]: super::index::Index

use rustc_hash::FxHashSet as HashSet;

use super::ids::Ids;
use super::ragged::Ragged;
use super::types::{Dataset, RelKind};

/// Who each initiative relates to and who relates to it, by position. Relations to unknown ids are
/// left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Relations {
    /// For each initiative, its relations' targets and kinds, in the order it lists them.
    pub outgoing: Ragged<(usize, RelKind)>,
    /// For each initiative, the initiatives that relate to it and how, in dataset order.
    pub incoming: Ragged<(usize, RelKind)>,
}

impl Relations {
    /// The adjacency of `ds`, its ids looked up in `ids` (the index's).
    pub fn build(ds: &Dataset, ids: &Ids) -> Self {
        let outgoing: Ragged<(usize, RelKind)> = ds
            .initiatives
            .iter()
            .map(|item| item.relations.iter().filter_map(|r| ids.get(&r.to).map(|&to| (to, r.kind))))
            .collect();
        let mut reversed: Vec<(usize, usize, RelKind)> = Vec::new();
        for (from, list) in outgoing.iter().enumerate() {
            reversed.extend(list.iter().map(|&(to, kind)| (to, from, kind)));
        }
        // Stable: the sources of one target stay in dataset order.
        reversed.sort_by_key(|&(to, _, _)| to);
        let mut incoming = Ragged::default();
        let mut rest = reversed.as_slice();
        for target in 0..ds.initiatives.len() {
            let count = rest.iter().take_while(|(to, _, _)| *to == target).count();
            let (here, later) = rest.split_at(count);
            incoming.push(here.iter().map(|&(_, from, kind)| (from, kind)));
            rest = later;
        }
        Self { outgoing, incoming }
    }

    /// Initiative `i`'s relations: (target, kind).
    pub fn from(&self, i: usize) -> impl Iterator<Item = (usize, RelKind)> + '_ {
        self.outgoing.get(i).unwrap_or_default().iter().copied()
    }

    /// The relations to initiative `i`: (source, kind).
    pub fn to(&self, i: usize) -> impl Iterator<Item = (usize, RelKind)> + '_ {
        self.incoming.get(i).unwrap_or_default().iter().copied()
    }

    /// The initiatives within `steps` relations of `i`, either way round, breadth first, each with
    /// its distance (`i` itself first, at 0); at most `limit` of them.
    pub fn neighbourhood(&self, i: usize, steps: usize, limit: usize) -> Vec<(usize, usize)> {
        if i >= self.outgoing.len() || limit == 0 {
            return Vec::new();
        }
        let mut seen: HashSet<usize> = HashSet::from_iter([i]);
        let mut out = vec![(i, 0)];
        let mut next = 0;
        while let Some(&(u, distance)) = out.get(next) {
            next += 1;
            if distance >= steps {
                continue;
            }
            for (v, _) in self.from(u).chain(self.to(u)) {
                if out.len() >= limit {
                    return out;
                }
                if seen.insert(v) {
                    out.push((v, distance + 1));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::model::generate::generate;
    use crate::model::index::Index;
    use crate::model::types::{Rel, RelKind};

    #[test]
    fn relations_point_both_ways_and_neighbourhoods_count_steps() {
        let mut ds = generate(6, 2, 5);
        let links =
            [(0, 1, RelKind::Enables), (1, 2, RelKind::DependsOn), (3, 1, RelKind::PartOf), (2, 4, RelKind::Follows)];
        for item in &mut ds.initiatives {
            item.relations.clear();
        }
        for (from, to, kind) in links {
            ds.initiatives[from].relations.push(Rel { to: format!("i{to}"), kind, note: None });
        }
        ds.initiatives[5].relations.push(Rel { to: "nobody".to_owned(), kind: RelKind::Follows, note: None });
        let index = Index::build(&ds);
        assert_eq!(index.relations_from(1).collect::<Vec<_>>(), [(2, RelKind::DependsOn)]);
        assert_eq!(index.relations_to(1).collect::<Vec<_>>(), [(0, RelKind::Enables), (3, RelKind::PartOf)]);
        assert_eq!(index.relations_from(5).count(), 0, "unknown targets are skipped");
        assert_eq!(index.relations_to(99).count(), 0);
        assert_eq!(index.neighbourhood(1, 0, 10), [(1, 0)]);
        assert_eq!(index.neighbourhood(1, 1, 10), [(1, 0), (2, 1), (0, 1), (3, 1)]);
        assert_eq!(index.neighbourhood(1, 2, 10), [(1, 0), (2, 1), (0, 1), (3, 1), (4, 2)]);
        assert_eq!(index.neighbourhood(4, 9, 3), [(4, 0), (2, 1), (1, 2)]);
        assert_eq!(index.neighbourhood(5, 9, 10), [(5, 0)]);
        assert!(index.neighbourhood(6, 1, 10).is_empty() && index.neighbourhood(0, 1, 0).is_empty());
    }

    proptest! {
        #[test]
        fn adjacency_equals_a_scan_of_the_relations(n in 1usize..60, seed in 1u64..1000) {
            let ds = generate(n, 3, seed);
            let index = Index::build(&ds);
            let position = |id: &str| ds.initiatives.iter().position(|x| x.id == id);
            for (i, item) in ds.initiatives.iter().enumerate() {
                let from: Vec<(usize, RelKind)> =
                    item.relations.iter().filter_map(|r| position(&r.to).map(|t| (t, r.kind))).collect();
                prop_assert_eq!(index.relations_from(i).collect::<Vec<_>>(), from);
                let to: Vec<(usize, RelKind)> = ds
                    .initiatives
                    .iter()
                    .enumerate()
                    .flat_map(|(j, x)| x.relations.iter().filter(|r| r.to == item.id).map(move |r| (j, r.kind)))
                    .collect();
                prop_assert_eq!(index.relations_to(i).collect::<Vec<_>>(), to);
            }
        }
    }
}
