//! Checks on a decoded dataset: ids, references, coordinates, date order, empty text, sources.
//!
//! Pure: it works on any [`Dataset`] (loaded, imported or generated). Findings point at a [`Locus`];
//! the loader turns that into a line and column through its [`SourceMap`].

use std::collections::{HashMap, HashSet};

use super::date::FuzzyDate;
use super::decode::Issue;
use super::problem::{ProblemKind, Severity};
use super::source_map::{Collection, Locus, SourceMap};
use super::types::{Dataset, Initiative, Status};

/// Ids of items that exist in the file but could not be read; references to them are not reported.
#[derive(Debug, Default)]
pub struct BrokenIds {
    /// (collection, id) pairs.
    pub ids: HashSet<(Collection, String)>,
    /// How many initiatives could not be read; their citations are unknown.
    pub initiatives_dropped: usize,
}

/// One problem found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What kind.
    pub kind: ProblemKind,
    /// Where.
    pub locus: Locus,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Finding {
    /// Locates the finding in the file.
    pub fn into_issue(self, map: &SourceMap) -> Issue {
        Issue {
            severity: self.severity,
            kind: self.kind,
            span: map.span(self.locus),
            message: self.message,
            hint: self.hint,
        }
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(
        &mut self,
        severity: Severity,
        kind: ProblemKind,
        locus: Locus,
        message: String,
        hint: &str,
    ) {
        self.0.push(Finding {
            severity,
            kind,
            locus,
            message,
            hint: (!hint.is_empty()).then(|| hint.to_owned()),
        });
    }

    fn error(&mut self, kind: ProblemKind, locus: Locus, message: String, hint: &str) {
        self.push(Severity::Error, kind, locus, message, hint);
    }

    fn warn(&mut self, kind: ProblemKind, locus: Locus, message: String, hint: &str) {
        self.push(Severity::Warning, kind, locus, message, hint);
    }
}

/// Whether an id is a readable slug: lower-case letters, digits, `-` and `_`, starting with a letter
/// or digit.
pub fn is_slug(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Every problem in a dataset, errors and warnings.
pub fn validate(ds: &Dataset, broken: &BrokenIds) -> Vec<Finding> {
    let mut out = Findings::default();
    if ds.meta.title.trim().is_empty() {
        let locus = Locus::item(Collection::Meta, 0).field("title");
        out.error(
            ProblemKind::EmptyText,
            locus,
            "the dataset title is empty".to_owned(),
            "give the dataset a title",
        );
    }
    check_ids(
        &mut out,
        Collection::Sources,
        ds.sources.iter().map(|s| s.id.as_str()),
    );
    check_ids(
        &mut out,
        Collection::Locations,
        ds.locations.iter().map(|l| l.id.as_str()),
    );
    check_ids(
        &mut out,
        Collection::Initiatives,
        ds.initiatives.iter().map(|i| i.id.as_str()),
    );
    check_ids(
        &mut out,
        Collection::Eras,
        ds.eras.iter().map(|e| e.id.as_str()),
    );
    check_sources(&mut out, ds, broken.initiatives_dropped == 0);
    check_locations(&mut out, ds);
    let known = KnownIds::new(ds, broken);
    for (index, initiative) in ds.initiatives.iter().enumerate() {
        let at = Locus::item(Collection::Initiatives, index);
        check_initiative_text(&mut out, initiative, at);
        check_references(&mut out, initiative, at, &known);
        check_dates(&mut out, initiative, at, ds.meta.as_of);
    }
    for (index, era) in ds.eras.iter().enumerate() {
        let at = Locus::item(Collection::Eras, index);
        if era.title.trim().is_empty() {
            out.error(
                ProblemKind::EmptyText,
                at.field("title"),
                format!("era `{}` has an empty title", era.id),
                "",
            );
        }
        if definitely_before(era.end, era.start) {
            let message = format!(
                "era `{}` ends ({}) before it starts ({})",
                era.id, era.end, era.start
            );
            out.error(
                ProblemKind::DateOrder,
                at.field("end"),
                message,
                "swap start and end",
            );
        }
    }
    out.0
}

fn check_ids<'a>(out: &mut Findings, collection: Collection, ids: impl Iterator<Item = &'a str>) {
    let mut first_at: HashMap<&str, usize> = HashMap::new();
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
            let message = format!(
                "id \"{id}\" is used twice (first by item {} of this list)",
                first + 1
            );
            out.error(
                ProblemKind::DuplicateId,
                at,
                message,
                "ids must be unique; rename one of them",
            );
        } else {
            first_at.insert(id, index);
        }
    }
}

fn check_sources(out: &mut Findings, ds: &Dataset, all_initiatives_read: bool) {
    let cited: HashSet<&str> = ds
        .initiatives
        .iter()
        .flat_map(|i| i.sources.iter().map(|c| c.source.as_str()))
        .collect();
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
            let message = format!(
                "source `{}` has a url that is not http or https: \"{url}\"",
                source.id
            );
            out.error(
                ProblemKind::Suspicious,
                at.field("url"),
                message,
                "only http:// and https:// links are opened",
            );
        }
        if all_initiatives_read && !cited.contains(source.id.as_str()) {
            let message = format!("source `{}` is never cited", source.id);
            out.warn(
                ProblemKind::Suspicious,
                at.field("id"),
                message,
                "cite it from an initiative or remove it",
            );
        }
    }
}

fn check_locations(out: &mut Findings, ds: &Dataset) {
    for (index, loc) in ds.locations.iter().enumerate() {
        let at = Locus::item(Collection::Locations, index);
        if loc.name.trim().is_empty() {
            out.error(
                ProblemKind::EmptyText,
                at.field("name"),
                format!("location `{}` has an empty name", loc.id),
                "",
            );
        }
        for (field, value, limit) in [("lat", loc.lat, 90.0), ("lon", loc.lon, 180.0)] {
            if !value.is_finite() {
                let message = format!(
                    "location `{}`: {field} is {value}, not a finite number",
                    loc.id
                );
                out.error(
                    ProblemKind::BadCoordinate,
                    at.field(field),
                    message,
                    "write decimal degrees",
                );
            } else if value.abs() > limit {
                let message = format!(
                    "location `{}`: {field} {value} is outside −{limit}..={limit}",
                    loc.id
                );
                let hint = "coordinates are decimal degrees: lat −90..90 (north +), lon −180..180 (east +)";
                out.error(ProblemKind::BadCoordinate, at.field(field), message, hint);
            }
        }
        if loc.lat == 0.0 && loc.lon == 0.0 {
            let message = format!("location `{}` is at 0°, 0° (in the Gulf of Guinea)", loc.id);
            out.warn(
                ProblemKind::BadCoordinate,
                at.field("lat"),
                message,
                "were the coordinates left unset?",
            );
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
        out.warn(
            ProblemKind::EmptyText,
            at.field("summary"),
            message,
            "one sentence is enough",
        );
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
        out.error(
            ProblemKind::NoSource,
            at.field("sources"),
            message,
            "add sources: [Cite(source: \"…\")]",
        );
    }
}

/// Ids that references may point at.
struct KnownIds<'a> {
    sources: HashSet<&'a str>,
    locations: HashSet<&'a str>,
    initiatives: HashSet<&'a str>,
    broken: &'a BrokenIds,
    location_list: Vec<&'a str>,
    initiative_list: Vec<&'a str>,
    source_list: Vec<&'a str>,
}

impl<'a> KnownIds<'a> {
    fn new(ds: &'a Dataset, broken: &'a BrokenIds) -> Self {
        let source_list: Vec<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
        let location_list: Vec<&str> = ds.locations.iter().map(|l| l.id.as_str()).collect();
        let initiative_list: Vec<&str> = ds.initiatives.iter().map(|i| i.id.as_str()).collect();
        Self {
            sources: source_list.iter().copied().collect(),
            locations: location_list.iter().copied().collect(),
            initiatives: initiative_list.iter().copied().collect(),
            broken,
            location_list,
            initiative_list,
            source_list,
        }
    }

    fn check(&self, collection: Collection, id: &str) -> Result<(), String> {
        let (set, list, what) = match collection {
            Collection::Sources => (&self.sources, &self.source_list, "source"),
            Collection::Locations => (&self.locations, &self.location_list, "location"),
            _ => (&self.initiatives, &self.initiative_list, "initiative"),
        };
        if set.contains(id) || self.broken.ids.contains(&(collection, id.to_owned())) {
            return Ok(());
        }
        let near = super::decode::nearest(id, list);
        Err(near.map_or_else(
            || format!("no {what} has this id; define it or fix the reference"),
            |n| format!("did you mean \"{n}\"?"),
        ))
    }
}

fn check_references(out: &mut Findings, item: &Initiative, at: Locus, known: &KnownIds<'_>) {
    let lists: [(&'static str, Collection, Vec<&str>); 3] = [
        (
            "places",
            Collection::Locations,
            item.places.iter().map(String::as_str).collect(),
        ),
        (
            "related",
            Collection::Initiatives,
            item.related.iter().map(String::as_str).collect(),
        ),
        (
            "sources",
            Collection::Sources,
            item.sources.iter().map(|c| c.source.as_str()).collect(),
        ),
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
                out.warn(
                    ProblemKind::Suspicious,
                    here,
                    format!("initiative `{id}` is related to itself"),
                    "remove it",
                );
            }
        }
    }
}

/// Whether `a` is certainly before `b`: the latest `a` can be is before the earliest `b` can be.
fn definitely_before(a: FuzzyDate, b: FuzzyDate) -> bool {
    matches!((a.latest(), b.earliest()), (Some(a), Some(b)) if a < b)
}

fn check_dates(out: &mut Findings, item: &Initiative, at: Locus, as_of: FuzzyDate) {
    let id = &item.id;
    let order_errors = [
        ("end", item.end, "start", item.start),
        ("completed", item.completed, "start", item.start),
    ];
    for (late_name, late, early_name, early) in order_errors {
        if let (Some(late), Some(early)) = (late, early)
            && definitely_before(late, early)
        {
            let message =
                format!("initiative `{id}`: {late_name} ({late}) is before {early_name} ({early})");
            out.error(
                ProblemKind::DateOrder,
                at.field(late_name),
                message,
                "check both dates against the source",
            );
        }
    }
    if let (Some(target), Some(announced)) = (item.target, item.announced)
        && definitely_before(target, announced)
    {
        let message = format!(
            "initiative `{id}`: target ({target}) is before it was announced ({announced})"
        );
        out.warn(
            ProblemKind::DateOrder,
            at.field("target"),
            message,
            "check both dates against the source",
        );
    }
    if item.dates().next().is_none() {
        let message =
            format!("initiative `{id}` has no dates; it is listed under the timeline, not on it");
        out.warn(
            ProblemKind::Suspicious,
            at,
            message,
            "add announced, start or target, even as a year",
        );
    }
    match (item.status, item.completed) {
        (Status::Completed, None) => {
            let message = format!("initiative `{id}` is Completed but has no completed date");
            out.warn(
                ProblemKind::Suspicious,
                at.field("status"),
                message,
                "add completed: \"YYYY…\"",
            );
        }
        (Status::Proposed | Status::Announced | Status::InProgress, Some(_)) => {
            let message = format!(
                "initiative `{id}` has a completed date but its status is {:?}",
                item.status
            );
            out.warn(
                ProblemKind::Suspicious,
                at.field("status"),
                message,
                "set status: Completed",
            );
        }
        _ => {}
    }
    if let Some(done) = item.completed
        && definitely_before(as_of, done)
    {
        let message = format!(
            "initiative `{id}` was completed ({done}) after the dataset's as-of date ({as_of})"
        );
        out.warn(
            ProblemKind::DateOrder,
            at.field("completed"),
            message,
            "use target: for what is still to come",
        );
    }
}
