//! Checks on a decoded dataset: ids, references, coordinates, date order, empty text, sources.
//!
//! Pure: it works on any [`Dataset`] (loaded, imported or generated). Findings point at a [`Locus`];
//! the loader turns that into a line and column through its source map.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::finding::{Collection, Locus, ProblemKind};
use super::ids::Ids;
use super::types::{Dataset, Initiative};
use super::validate_initiative::{KnownIds, check_dates, check_references, definitely_before};
use super::validate_relations::{check_part_of_cycle, check_relations, cycle_candidates, positions};

use super::finding::Findings;
pub use super::finding::{BrokenIds, Finding};

/// Whether an id is a readable slug: lower-case letters, digits, `-` and `_`, starting with a letter
/// or digit.
pub fn is_slug(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Every problem in a dataset, errors and warnings.
pub fn validate(ds: &Dataset, broken: &BrokenIds) -> Vec<Finding> {
    let mut out = Findings::default();
    if ds.meta.title.trim().is_empty() {
        let locus = Locus::item(Collection::Meta, 0).field("title");
        out.error(ProblemKind::EmptyText, locus, "the dataset title is empty".to_owned(), "give the dataset a title");
    }
    check_ids(&mut out, Collection::Sources, ds.sources.iter().map(|s| s.id.as_str()));
    check_ids(&mut out, Collection::Locations, ds.locations.iter().map(|l| l.id.as_str()));
    check_ids(&mut out, Collection::Initiatives, ds.initiatives.iter().map(|i| i.id.as_str()));
    check_ids(&mut out, Collection::Eras, ds.eras.iter().map(|e| e.id.as_str()));
    check_sources(&mut out, ds, broken.initiatives_dropped == 0);
    check_locations(&mut out, ds);
    let known = KnownIds::new(ds, broken);
    let by_id = positions(ds);
    let position = |id: &str| by_id.get(id).copied();
    let candidates = cycle_candidates(ds, &position);
    for (index, initiative) in ds.initiatives.iter().enumerate() {
        let at = Locus::item(Collection::Initiatives, index);
        check_initiative_text(&mut out, initiative, at);
        check_references(&mut out, initiative, at, &known);
        check_relations(&mut out, initiative, at, &known);
        check_part_of_cycle(&mut out, ds, index, &position, Some(&candidates));
        check_dates(&mut out, initiative, at, ds.meta.as_of);
    }
    for (index, era) in ds.eras.iter().enumerate() {
        let at = Locus::item(Collection::Eras, index);
        if era.title.trim().is_empty() {
            out.error(ProblemKind::EmptyText, at.field("title"), format!("era `{}` has an empty title", era.id), "");
        }
        if definitely_before(era.end, era.start) {
            let message = format!("era `{}` ends ({}) before it starts ({})", era.id, era.end, era.start);
            out.error(ProblemKind::DateOrder, at.field("end"), message, "swap start and end");
        }
    }
    out.0
}

/// What [`validate`] says of initiative `i` alone, except its id (whether the id is a slug and unique
/// is a question for the whole list): text, references and dates. The id lookups come from an
/// index of `ds`, so that one edit does not hash every id again.
pub fn validate_initiative(ds: &Dataset, broken: &BrokenIds, ids: (&Ids, &Ids), i: usize) -> Vec<Finding> {
    let mut out = Findings::default();
    let Some(initiative) = ds.initiatives.get(i) else { return out.0 };
    let known = KnownIds::indexed(ds, broken, ids.0, ids.1);
    let at = Locus::item(Collection::Initiatives, i);
    check_initiative_text(&mut out, initiative, at);
    check_references(&mut out, initiative, at, &known);
    check_relations(&mut out, initiative, at, &known);
    check_part_of_cycle(&mut out, ds, i, &|id: &str| ids.1.get(id).copied(), None);
    check_dates(&mut out, initiative, at, ds.meta.as_of);
    out.0
}

fn check_ids<'a>(out: &mut Findings, collection: Collection, ids: impl Iterator<Item = &'a str>) {
    let mut first_at: HashMap<&str, usize> = HashMap::default();
    for (index, id) in ids.enumerate() {
        let at = Locus::item(collection, index).field("id");
        if !is_slug(id) {
            let message = format!("id \"{id}\" is not a readable slug");
            out.error(
                ProblemKind::BadId,
                at,
                message,
                "use lower-case letters, digits, '-' and '_', e.g. \"camp_hansen\"",
            );
        }
        if let Some(first) = first_at.get(id) {
            let message = format!("id \"{id}\" is used twice (first by item {} of this list)", first + 1);
            out.error(ProblemKind::DuplicateId, at, message, "ids must be unique; rename one of them");
        } else {
            first_at.insert(id, index);
        }
    }
}

fn check_sources(out: &mut Findings, ds: &Dataset, all_initiatives_read: bool) {
    let cited: HashSet<&str> =
        ds.initiatives.iter().flat_map(|i| i.sources.iter().map(|c| c.source.as_str())).collect();
    for (index, source) in ds.sources.iter().enumerate() {
        let at = Locus::item(Collection::Sources, index);
        if source.title.trim().is_empty() {
            out.error(
                ProblemKind::EmptyText,
                at.field("title"),
                format!("source `{}` has an empty title", source.id),
                "",
            );
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            let message = format!("source `{}` has a url that is not http or https: \"{url}\"", source.id);
            out.error(ProblemKind::Suspicious, at.field("url"), message, "only http:// and https:// links are opened");
        }
        if all_initiatives_read && !cited.contains(source.id.as_str()) {
            let message = format!("source `{}` is never cited", source.id);
            out.warn(ProblemKind::Suspicious, at.field("id"), message, "cite it from an initiative or remove it");
        }
    }
}

fn check_locations(out: &mut Findings, ds: &Dataset) {
    for (index, loc) in ds.locations.iter().enumerate() {
        let at = Locus::item(Collection::Locations, index);
        if loc.name.trim().is_empty() {
            out.error(ProblemKind::EmptyText, at.field("name"), format!("location `{}` has an empty name", loc.id), "");
        }
        for (field, value, limit) in [("lat", loc.lat, 90.0), ("lon", loc.lon, 180.0)] {
            if !value.is_finite() {
                let message = format!("location `{}`: {field} is {value}, not a finite number", loc.id);
                out.error(ProblemKind::BadCoordinate, at.field(field), message, "write decimal degrees");
            } else if value.abs() > limit {
                let message = format!("location `{}`: {field} {value} is outside −{limit}..={limit}", loc.id);
                let hint = "coordinates are decimal degrees: lat −90..90 (north +), lon −180..180 (east +)";
                out.error(ProblemKind::BadCoordinate, at.field(field), message, hint);
            }
        }
        if loc.lat == 0.0 && loc.lon == 0.0 {
            let message = format!("location `{}` is at 0°, 0° (in the Gulf of Guinea)", loc.id);
            out.warn(ProblemKind::BadCoordinate, at.field("lat"), message, "were the coordinates left unset?");
        }
    }
}

fn check_initiative_text(out: &mut Findings, item: &Initiative, at: Locus) {
    if item.title.trim().is_empty() {
        out.error(
            ProblemKind::EmptyText,
            at.field("title"),
            format!("initiative `{}` has an empty title", item.id),
            "",
        );
    }
    if item.summary.trim().is_empty() {
        let message = format!("initiative `{}` has an empty summary", item.id);
        out.warn(ProblemKind::EmptyText, at.field("summary"), message, "one sentence is enough");
    }
    if item.lines_of_effort.is_empty() {
        let message = format!("initiative `{}` has no line of effort", item.id);
        out.error(
            ProblemKind::EmptyText,
            at.field("lines_of_effort"),
            message,
            "add at least one, e.g. [ForcePosture]",
        );
    }
    if item.sources.is_empty() {
        let message = format!("initiative `{}` cites no source", item.id);
        out.error(ProblemKind::NoSource, at.field("sources"), message, "add sources: [Cite(source: \"…\")]");
    }
}
