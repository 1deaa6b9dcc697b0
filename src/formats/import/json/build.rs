//! What the JSON and KML importers share: a dataset built an item at a time, each item's origin
//! (`event 3`, `Placemark 12`), readable unique ids made from titles, the source made for the file
//! ("Imported from FILE"), and the as-of date taken from the data.

use rustc_hash::FxHashSet as HashSet;
use unicode_normalization::UnicodeNormalization as _;

use crate::formats::import::{Origins, finish};
use crate::formats::loaded::Loaded;
use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::model::date::{FuzzyDate, Period};
use crate::model::types::{
    Cite, Dataset, Era, Initiative, LineOfEffort, Location, LocationKind, Meta, PlacePrecision, Source, Status,
};

/// The line of effort an imported item is put under: other formats have none, and every initiative
/// needs one. Policy is the broadest.
pub const IMPORTED_LINE: LineOfEffort = LineOfEffort::Policy;

/// An initiative as the importers find it; the rest of the fields are filled in by [`Build::item`].
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// The title (an id is made from it).
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// Markdown.
    pub body: String,
    /// When it began.
    pub start: Option<FuzzyDate>,
    /// When it ended.
    pub end: Option<FuzzyDate>,
    /// Status, when the file names one (else `Context`: an event that frames others).
    pub status: Option<Status>,
    /// Other dates, when the file names them (`GeoJSON` properties named like ours).
    pub announced: Option<FuzzyDate>,
    /// See [`Item::announced`].
    pub target: Option<FuzzyDate>,
    /// See [`Item::announced`].
    pub completed: Option<FuzzyDate>,
    /// Location ids.
    pub places: Vec<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Actors.
    pub actors: Vec<String>,
    /// Sources cited; the file's own source is cited when this is empty.
    pub cites: Vec<Cite>,
}

/// A dataset being imported.
#[derive(Debug)]
pub struct Build {
    /// The dataset so far.
    pub dataset: Dataset,
    /// Where each item came from.
    pub origins: Origins,
    /// Problems so far.
    pub problems: Vec<Problem>,
    ids: [HashSet<String>; 4],
    file_source: Option<String>,
    file: String,
    format: &'static str,
}

/// Which list an id is for.
#[derive(Clone, Copy)]
enum List {
    Sources = 0,
    Locations = 1,
    Initiatives = 2,
    Eras = 3,
}

impl Build {
    /// A build for the file `name` (a path or a name) in `format` ("`TimelineJS` JSON", "KML").
    pub fn new(name: &str, format: &'static str) -> Self {
        let file = std::path::Path::new(name).file_name().and_then(|f| f.to_str()).unwrap_or(name).to_owned();
        let file = if file.is_empty() { "the file".to_owned() } else { file };
        Self {
            dataset: Dataset::default(),
            origins: Origins::default(),
            problems: Vec::new(),
            ids: Default::default(),
            file_source: None,
            file,
            format,
        }
    }

    /// The file's name without its extension, for a title when the file gives none.
    pub fn file_stem(&self) -> String {
        std::path::Path::new(&self.file).file_stem().and_then(|s| s.to_str()).unwrap_or("Imported").to_owned()
    }

    /// A warning at an item (`event 3, start_date`).
    pub fn warn(&mut self, kind: ProblemKind, place: impl Into<String>, message: String, hint: &str) {
        let problem = Problem::in_cell(Severity::Warning, kind, place, message);
        self.problems.push(if hint.is_empty() { problem } else { problem.with_hint(hint) });
    }

    fn unique(&mut self, list: List, text: &str, fallback: &str) -> String {
        let base = slug(text);
        let base = if base.is_empty() { slug(fallback) } else { base };
        crate::formats::import::unique_slug(&base, "item", &mut self.ids[list as usize])
    }

    /// The source made for the file ("Imported from FILE"), made the first time it is cited.
    pub fn file_source(&mut self) -> String {
        if let Some(id) = &self.file_source {
            return id.clone();
        }
        let title = format!("Imported from {}", self.file);
        let id = self.unique(List::Sources, &format!("imported-{}", self.file), "imported");
        let source = Source { id: id.clone(), title, publisher: self.format.to_owned(), date: None, url: None };
        self.dataset.sources.push(source);
        self.origins.sources.push(format!("the file {}", self.file));
        self.file_source = Some(id.clone());
        id
    }

    /// Adds a source (media, a link) and gives its id; a url that is not http(s) is left out.
    pub fn source(&mut self, title: &str, publisher: &str, url: Option<&str>, origin: String) -> String {
        let url = url.map(str::trim).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let title = [title, publisher, url.unwrap_or_default()]
            .into_iter()
            .map(str::trim)
            .find(|t| !t.is_empty())
            .unwrap_or("Media")
            .to_owned();
        let id = self.unique(List::Sources, &title, "source");
        let source = Source {
            id: id.clone(),
            title,
            publisher: publisher.trim().to_owned(),
            date: None,
            url: url.map(str::to_owned),
        };
        self.dataset.sources.push(source);
        self.origins.sources.push(origin);
        id
    }

    /// Adds a place at `lat`, `lon` and gives its id.
    pub fn place(&mut self, name: &str, (lat, lon): (f64, f64), precision: PlacePrecision, origin: String) -> String {
        let id = self.unique(List::Locations, name, "place");
        let kind = if precision == PlacePrecision::Region { LocationKind::Region } else { LocationKind::Landmark };
        let coord_source = Some(format!("{} ({})", self.file, origin));
        let location = Location {
            id: id.clone(),
            name: name.trim().to_owned(),
            name_ja: None,
            lat,
            lon,
            kind,
            precision,
            country: String::new(),
            coord_source,
        };
        self.dataset.locations.push(location);
        self.origins.locations.push(origin);
        id
    }

    /// Adds an initiative; it cites the file when it cites nothing else.
    /// Returns the initiative's id.
    pub fn item(&mut self, item: Item, origin: String) -> String {
        let id = self.unique(List::Initiatives, &item.title, &origin);
        let sources =
            if item.cites.is_empty() { vec![Cite { source: self.file_source(), note: None }] } else { item.cites };
        let initiative = Initiative {
            id: id.clone(),
            title: item.title.trim().to_owned(),
            summary: item.summary,
            body: item.body,
            lines_of_effort: vec![IMPORTED_LINE],
            actors: item.actors,
            status: item.status.unwrap_or(Status::Context),
            status_note: None,
            announced: item.announced,
            start: item.start,
            target: item.target,
            completed: item.completed,
            end: item.end,
            places: item.places,
            related: Vec::new(),
            relations: Vec::new(),
            tags: item.tags,
            sources,
        };
        self.dataset.initiatives.push(initiative);
        self.origins.initiatives.push(origin);
        id
    }

    /// Adds an era.
    pub fn era(&mut self, title: &str, start: FuzzyDate, end: FuzzyDate, origin: String) {
        let id = self.unique(List::Eras, title, &origin);
        self.dataset.eras.push(Era { id, title: title.trim().to_owned(), start, end });
        self.origins.eras.push(origin);
    }

    /// Sets the title (the file's name when empty), the description and the as-of date (the last day
    /// the data reaches), then validates.
    pub fn finish(mut self, title: &str, description: String) -> Loaded {
        let title = title.trim();
        let title = if title.is_empty() { self.file_stem() } else { title.to_owned() };
        let as_of = last_day(&self.dataset).unwrap_or(FuzzyDate::exact(Period::Year(1970)));
        self.dataset.meta = Meta { title, description, as_of, authors: Vec::new() };
        finish(self.dataset, self.problems, &self.origins)
    }
}

/// The last day any date of the dataset reaches, as an exact day.
fn last_day(dataset: &Dataset) -> Option<FuzzyDate> {
    let items = dataset.initiatives.iter().flat_map(|i| i.dates().map(|(_, d)| d));
    let eras = dataset.eras.iter().flat_map(|e| [e.start, e.end]);
    let day = items.chain(eras).filter_map(FuzzyDate::latest).max()?;
    let (y, m, d) = day.ymd();
    let y = i32::try_from(y).ok()?;
    FuzzyDate::ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// A readable slug of a title: lower-case ASCII letters and digits joined by `-`, at most 48 bytes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.nfd().flat_map(char::to_lowercase) {
        if !c.is_ascii() && !c.is_alphanumeric() {
            continue; // an accent of the letter before
        }
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c);
            dash = false;
        } else {
            dash = true;
        }
        if out.len() >= 48 {
            break;
        }
    }
    out
}

/// The first sentence of plain text (at most about 300 characters), for a summary.
pub fn first_sentence(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = text.match_indices(". ").map(|(i, _)| i + 1).find(|&i| i >= 20).unwrap_or(text.len());
    let sentence = text.get(..end).unwrap_or(&text);
    if sentence.chars().count() <= 300 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(299).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_ids_unique() {
        assert_eq!(slug("Rózsa Péter writes *recursion*!"), "rozsa-peter-writes-recursion");
        assert_eq!(slug("日本"), "");
        assert_eq!(slug("  ...And the women "), "and-the-women");
        let mut build = Build::new("dir/x.json", "JSON");
        assert_eq!(build.unique(List::Initiatives, "A b", ""), "a-b");
        assert_eq!(build.unique(List::Initiatives, "a-b", ""), "a-b-2");
        assert_eq!(build.unique(List::Initiatives, "", "event 3"), "event-3");
        assert_eq!(build.file_source(), "imported-x-json");
    }

    #[test]
    fn a_summary_is_the_first_sentence() {
        assert_eq!(first_sentence("Born in Florida, Missouri. Halley's comet visible."), "Born in Florida, Missouri.");
        assert_eq!(first_sentence("Short. Then more"), "Short. Then more");
    }
}
