//! Checks of one initiative against the rest of the dataset: references and dates.

use rustc_hash::FxHashSet as HashSet;

use super::date::FuzzyDate;
use super::finding::{BrokenIds, Findings};
use super::finding::{Collection, Locus, ProblemKind};
use super::ids::Ids;
use super::types::{Dataset, Initiative, Status};

/// Ids that references may point at.
pub(super) struct KnownIds<'a> {
    ds: &'a Dataset,
    sources: HashSet<&'a str>,
    locations: Lookup<'a>,
    initiatives: Lookup<'a>,
    broken: &'a BrokenIds,
}

/// One list's ids: hashed for a whole validation, or the index's sorted ids when one item is checked
/// (hashing a million ids for one edit would take longer than the edit).
enum Lookup<'a> {
    Set(HashSet<&'a str>),
    Sorted(&'a Ids),
}

impl Lookup<'_> {
    fn contains(&self, id: &str) -> bool {
        match self {
            Lookup::Set(set) => set.contains(id),
            Lookup::Sorted(ids) => ids.contains_key(id),
        }
    }
}

impl<'a> KnownIds<'a> {
    pub(super) fn new(ds: &'a Dataset, broken: &'a BrokenIds) -> Self {
        Self {
            ds,
            sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
            locations: Lookup::Set(ds.locations.iter().map(|l| l.id.as_str()).collect()),
            initiatives: Lookup::Set(ds.initiatives.iter().map(|i| i.id.as_str()).collect()),
            broken,
        }
    }

    /// The same, with the places' and initiatives' ids from an index of `ds`.
    pub(super) fn indexed(ds: &'a Dataset, broken: &'a BrokenIds, locations: &'a Ids, initiatives: &'a Ids) -> Self {
        Self {
            ds,
            sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
            locations: Lookup::Sorted(locations),
            initiatives: Lookup::Sorted(initiatives),
            broken,
        }
    }

    pub(super) fn check(&self, collection: Collection, id: &str) -> Result<(), String> {
        let known = match collection {
            Collection::Sources => self.sources.contains(id),
            Collection::Locations => self.locations.contains(id),
            _ => self.initiatives.contains(id),
        };
        if known || self.broken.ids.contains(&(collection, id.to_owned())) {
            return Ok(());
        }
        // The names to suggest from are listed only when a reference is wrong.
        let ds = self.ds;
        let (list, what): (Vec<&str>, &str) = match collection {
            Collection::Sources => (ds.sources.iter().map(|s| s.id.as_str()).collect(), "source"),
            Collection::Locations => (ds.locations.iter().map(|l| l.id.as_str()).collect(), "location"),
            _ => (ds.initiatives.iter().map(|i| i.id.as_str()).collect(), "initiative"),
        };
        let near = super::finding::nearest(id, &list);
        Err(near.map_or_else(
            || format!("no {what} has this id; define it or fix the reference"),
            |n| format!("did you mean \"{n}\"?"),
        ))
    }
}

pub(super) fn check_references(out: &mut Findings, item: &Initiative, at: Locus, known: &KnownIds<'_>) {
    let lists: [(&'static str, Collection, Vec<&str>); 3] = [
        ("places", Collection::Locations, item.places.iter().map(String::as_str).collect()),
        ("related", Collection::Initiatives, item.related.iter().map(String::as_str).collect()),
        ("sources", Collection::Sources, item.sources.iter().map(|c| c.source.as_str()).collect()),
    ];
    for (field, collection, ids) in lists {
        for (i, id) in ids.iter().enumerate() {
            let here = at.element(field, i);
            if let Err(hint) = known.check(collection, id) {
                let what = match collection {
                    Collection::Locations => "place",
                    Collection::Sources => "source",
                    _ => "initiative",
                };
                let message = format!("initiative `{}` refers to unknown {what} \"{id}\"", item.id);
                out.error(ProblemKind::UnknownReference, here, message, &hint);
            } else if ids.iter().take(i).any(|earlier| earlier == id) {
                out.warn(
                    ProblemKind::Suspicious,
                    here,
                    format!("\"{id}\" is listed twice in `{field}`"),
                    "remove the repeat",
                );
            } else if field == "related" && *id == item.id {
                out.warn(ProblemKind::Suspicious, here, format!("initiative `{id}` is related to itself"), "remove it");
            }
        }
    }
}

/// Whether `a` is certainly before `b`: the latest `a` can be is before the earliest `b` can be.
pub(super) fn definitely_before(a: FuzzyDate, b: FuzzyDate) -> bool {
    matches!((a.latest(), b.earliest()), (Some(a), Some(b)) if a < b)
}

pub(super) fn check_dates(out: &mut Findings, item: &Initiative, at: Locus, as_of: FuzzyDate) {
    let id = &item.id;
    let order_errors = [("end", item.end, "start", item.start), ("completed", item.completed, "start", item.start)];
    for (late_name, late, early_name, early) in order_errors {
        if let (Some(late), Some(early)) = (late, early)
            && definitely_before(late, early)
        {
            let message = format!("initiative `{id}`: {late_name} ({late}) is before {early_name} ({early})");
            out.error(ProblemKind::DateOrder, at.field(late_name), message, "check both dates against the source");
        }
    }
    if let (Some(target), Some(announced)) = (item.target, item.announced)
        && definitely_before(target, announced)
    {
        let message = format!("initiative `{id}`: target ({target}) is before it was announced ({announced})");
        out.warn(ProblemKind::DateOrder, at.field("target"), message, "check both dates against the source");
    }
    if item.dates().next().is_none() {
        let message = format!("initiative `{id}` has no dates; it is listed under the timeline, not on it");
        out.warn(ProblemKind::Suspicious, at, message, "add announced, start or target, even as a year");
    }
    match (item.status, item.completed) {
        (Status::Completed, None) => {
            let message = format!("initiative `{id}` is Completed but has no completed date");
            out.warn(ProblemKind::Suspicious, at.field("status"), message, "add completed: \"YYYY…\"");
        }
        (Status::Proposed | Status::Announced | Status::InProgress, Some(_)) => {
            let message = format!("initiative `{id}` has a completed date but its status is {:?}", item.status);
            out.warn(ProblemKind::Suspicious, at.field("status"), message, "set status: Completed");
        }
        _ => {}
    }
    if let Some(done) = item.completed
        && definitely_before(as_of, done)
    {
        let message = format!("initiative `{id}` was completed ({done}) after the dataset's as-of date ({as_of})");
        out.warn(ProblemKind::DateOrder, at.field("completed"), message, "use target: for what is still to come");
    }
}
