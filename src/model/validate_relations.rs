//! Checks of initiatives' typed relations: a relation to an unknown initiative (with the nearest id),
//! to itself, the same relation twice, and initiatives that are part of each other in a cycle.

use rustc_hash::FxHashMap as HashMap;

use super::finding::{Collection, Findings, Locus, ProblemKind};
use super::types::{Dataset, Initiative, RelKind};
use super::validate_initiative::KnownIds;

/// Unknown targets, self-links and repeats among `item`'s relations.
pub(super) fn check_relations(out: &mut Findings, item: &Initiative, at: Locus, known: &KnownIds<'_>) {
    for (i, rel) in item.relations.iter().enumerate() {
        let here = at.element("relations", i);
        let (id, kind) = (&rel.to, rel.kind.label());
        if let Err(hint) = known.check(Collection::Initiatives, id) {
            let message = format!("initiative `{}` {kind} unknown initiative \"{id}\"", item.id);
            out.error(ProblemKind::UnknownReference, here, message, &hint);
        } else if *id == item.id {
            let message = format!("initiative `{id}` has a relation to itself ({kind})");
            out.warn(ProblemKind::Suspicious, here, message, "remove it");
        } else if item.relations.iter().take(i).any(|r| r.to == *id && r.kind == rel.kind) {
            let message = format!("initiative `{}` {kind} \"{id}\" twice", item.id);
            out.warn(ProblemKind::Suspicious, here, message, "remove the repeat");
        }
    }
}

/// A position lookup by id (the first item with the id).
pub(super) type Position<'a> = &'a dyn Fn(&str) -> Option<usize>;

/// The ids' positions in a hash map, first position of a repeated id, for the cycle check (empty
/// when no initiative is part of another: then there is nothing to look up).
pub(super) fn positions(ds: &Dataset) -> HashMap<&str, usize> {
    let mut map = HashMap::default();
    if !ds.initiatives.iter().any(|x| x.relations.iter().any(|r| r.kind == RelKind::PartOf)) {
        return map;
    }
    for (i, item) in ds.initiatives.iter().enumerate() {
        map.entry(item.id.as_str()).or_insert(i);
    }
    map
}

/// The `PartOf` links of initiative `u` to known others, with the relation's element index.
fn part_of<'a>(ds: &'a Dataset, u: usize, position: Position<'a>) -> impl Iterator<Item = (usize, usize)> + 'a {
    let rels = ds.initiatives.get(u).map_or(&[][..], |item| item.relations.as_slice());
    rels.iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RelKind::PartOf)
        .filter_map(move |(k, r)| position(&r.to).filter(|&v| v != u).map(|v| (k, v)))
}

/// Which initiatives may be on a `PartOf` cycle: those left after taking away, again and again, every
/// one that is part of nothing left or that nothing left is part of. Linear; only these are searched.
pub(super) fn cycle_candidates(ds: &Dataset, position: Position<'_>) -> Vec<bool> {
    let n = ds.initiatives.len();
    let edges: Vec<(usize, usize)> = (0..n).flat_map(|u| part_of(ds, u, position).map(move |(_, v)| (u, v))).collect();
    if edges.is_empty() {
        return vec![false; n];
    }
    let (outs, ins) = (adjacency(n, edges.iter().copied()), adjacency(n, edges.iter().map(|&(u, v)| (v, u))));
    let degree = |adj: &(Vec<usize>, Vec<usize>), u: usize| adj.0[u + 1] - adj.0[u];
    let mut out_degree: Vec<usize> = (0..n).map(|u| degree(&outs, u)).collect();
    let mut in_degree: Vec<usize> = (0..n).map(|u| degree(&ins, u)).collect();
    let mut alive = vec![true; n];
    let mut queue: Vec<usize> = (0..n).filter(|&u| out_degree[u] == 0 || in_degree[u] == 0).collect();
    while let Some(u) = queue.pop() {
        if !std::mem::replace(&mut alive[u], false) {
            continue;
        }
        for &v in &outs.1[outs.0[u]..outs.0[u + 1]] {
            in_degree[v] -= 1;
            if in_degree[v] == 0 && alive[v] {
                queue.push(v);
            }
        }
        for &w in &ins.1[ins.0[u]..ins.0[u + 1]] {
            out_degree[w] -= 1;
            if out_degree[w] == 0 && alive[w] {
                queue.push(w);
            }
        }
    }
    alive
}

/// Edges as compressed rows: where each node's targets start (n + 1 entries) and the targets.
fn adjacency(n: usize, edges: impl Iterator<Item = (usize, usize)> + Clone) -> (Vec<usize>, Vec<usize>) {
    let mut starts = vec![0; n + 1];
    for (u, _) in edges.clone() {
        starts[u + 1] += 1;
    }
    for u in 0..n {
        starts[u + 1] += starts[u];
    }
    let mut next = starts.clone();
    let mut targets = vec![0; starts[n]];
    for (u, v) in edges {
        targets[next[u]] = v;
        next[u] += 1;
    }
    (starts, targets)
}

/// The shortest `PartOf` cycle from `i` back to it through initiatives after `i` only (so a cycle is
/// found from its first initiative alone, and reported once): the element of `i`'s relations it
/// leaves by, and the positions on it from `i`. `within` limits the search to candidates.
fn cycle_from(ds: &Dataset, i: usize, position: Position<'_>, within: Option<&[bool]>) -> Option<(usize, Vec<usize>)> {
    let allowed = |v: usize| v > i && within.is_none_or(|w| w.get(v).copied().unwrap_or(false));
    // Each reached initiative's predecessor and the element of `i` its path leaves by.
    let mut reached: HashMap<usize, (usize, usize)> = HashMap::default();
    let mut queue = std::collections::VecDeque::from([i]);
    while let Some(u) = queue.pop_front() {
        for (k, v) in part_of(ds, u, position) {
            let first = if u == i { k } else { reached.get(&u).map_or(k, |r| r.1) };
            if v == i {
                let mut path = vec![u];
                while let Some(&(p, _)) = reached.get(path.last().unwrap_or(&i)) {
                    path.push(p);
                }
                path.retain(|&x| x != i);
                path.reverse();
                path.insert(0, i);
                return Some((first, path));
            }
            if allowed(v) && !reached.contains_key(&v) {
                reached.insert(v, (u, first));
                queue.push_back(v);
            }
        }
    }
    None
}

/// The `PartOf` cycle first found at initiative `i`, as an error naming its ids.
pub(super) fn check_part_of_cycle(
    out: &mut Findings,
    ds: &Dataset,
    i: usize,
    position: Position<'_>,
    within: Option<&[bool]>,
) {
    if within.is_some_and(|w| !w.get(i).copied().unwrap_or(false)) {
        return;
    }
    let Some((element, path)) = cycle_from(ds, i, position, within) else { return };
    let id = |p: usize| ds.initiatives.get(p).map_or("?", |x| x.id.as_str());
    let names: Vec<String> = path.iter().chain(path.first()).map(|&p| format!("`{}`", id(p))).collect();
    let message = format!("initiatives are part of each other in a cycle: {}", names.join(" part of "));
    let at = Locus::item(Collection::Initiatives, i).element("relations", element);
    out.error(
        ProblemKind::Suspicious,
        at,
        message,
        "nothing can be part of itself: remove one of these PartOf relations",
    );
}

#[cfg(test)]
mod tests {
    use crate::model::finding::{Collection, Finding, Severity};
    use crate::model::generate::generate;
    use crate::model::ids::Ids;
    use crate::model::types::{Dataset, Rel, RelKind};
    use crate::model::validate::{BrokenIds, validate, validate_initiative};

    fn rel(to: &str, kind: RelKind) -> Rel {
        Rel { to: to.to_owned(), kind, note: None }
    }

    /// Five valid initiatives `i0`…`i4`, their relations set.
    fn with(relations: &[(usize, Rel)]) -> Dataset {
        let mut ds = generate(5, 2, 3);
        for item in &mut ds.initiatives {
            item.relations.clear();
        }
        for (from, r) in relations {
            ds.initiatives[*from].relations.push(r.clone());
        }
        ds
    }

    /// The findings about initiatives (five of them leave some generated sources uncited).
    fn findings(ds: &Dataset) -> Vec<Finding> {
        let mut found = validate(ds, &BrokenIds::default());
        found.retain(|f| f.locus.collection == Collection::Initiatives);
        found
    }

    #[test]
    fn an_unknown_target_is_an_error_with_the_nearest_id() {
        let ds = with(&[(0, rel("i1", RelKind::Enables)), (0, rel("i33", RelKind::DependsOn))]);
        let [f] = findings(&ds).try_into().unwrap_or_else(|f| panic!("one finding: {f:#?}"));
        assert_eq!(f.severity, Severity::Error);
        assert_eq!((f.locus.index, f.locus.field, f.locus.element), (0, Some("relations"), Some(1)));
        assert_eq!(f.message, "initiative `i0` depends on unknown initiative \"i33\"");
        assert_eq!(f.hint.as_deref(), Some("did you mean \"i3\"?"));
    }

    #[test]
    fn a_self_link_and_a_repeat_are_warnings() {
        let ds = with(&[
            (2, rel("i2", RelKind::Follows)),
            (2, rel("i1", RelKind::Follows)),
            (2, rel("i1", RelKind::Enables)),
            (2, rel("i1", RelKind::Follows)),
        ]);
        let found = findings(&ds);
        let [itself, repeat] = found.as_slice() else { panic!("two findings: {found:#?}") };
        assert!(itself.severity == Severity::Warning && itself.locus.element == Some(0));
        assert_eq!(itself.hint.as_deref(), Some("remove it"));
        assert!(repeat.severity == Severity::Warning && repeat.locus.element == Some(3), "{repeat:?}");
        assert_eq!(repeat.message, "initiative `i2` follows \"i1\" twice");
    }

    #[test]
    fn a_part_of_cycle_is_named_once_where_it_starts() {
        // i1 ⊂ i3 ⊂ i4 ⊂ i1, with a tail i0 ⊂ i1 and a second way round i3 ⊂ i1.
        let ds = with(&[
            (0, rel("i1", RelKind::PartOf)),
            (1, rel("i2", RelKind::Enables)),
            (1, rel("i3", RelKind::PartOf)),
            (3, rel("i4", RelKind::PartOf)),
            (3, rel("i1", RelKind::PartOf)),
            (4, rel("i1", RelKind::PartOf)),
        ]);
        let found = findings(&ds);
        let cycles: Vec<&Finding> = found.iter().filter(|f| f.message.contains("cycle")).collect();
        let [first] = cycles.as_slice() else { panic!("one cycle: {found:#?}") };
        assert_eq!(first.message, "initiatives are part of each other in a cycle: `i1` part of `i3` part of `i1`");
        assert_eq!((first.locus.index, first.locus.element), (1, Some(1)));
        assert_eq!(found.len(), 1, "{found:#?}");
        // One item checked alone says the same of itself as the whole check.
        let ids = Ids::new(ds.initiatives.iter().map(|x| x.id.as_str()));
        let places = Ids::new(ds.locations.iter().map(|x| x.id.as_str()));
        for i in 0..5 {
            let alone = validate_initiative(&ds, &BrokenIds::default(), (&places, &ids), i);
            let whole: Vec<Finding> = found.iter().filter(|f| f.locus.index == i).cloned().collect();
            assert_eq!(alone, whole, "item {i}");
        }
        let acyclic = with(&[(0, rel("i1", RelKind::PartOf)), (1, rel("i2", RelKind::PartOf))]);
        assert!(findings(&acyclic).is_empty());
    }
}
