//! A dataset being built from rows: ids kept unique, sources shared between rows that cite the same
//! one, each item's origin remembered, and the rows read and skipped counted for the summary.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::cells::{Out, slug, unique_slug};
use crate::formats::loaded::Loaded;
use crate::formats::problem::{Problem, ProblemKind, Severity};
use crate::model::date::FuzzyDate;
use crate::model::types::{Dataset, Initiative, Source};

/// Where each item came from (`row 14`), one list per collection, in the dataset's order.
#[derive(Debug, Default)]
pub struct Origins {
    /// Of the sources.
    pub sources: Vec<String>,
    /// Of the locations.
    pub locations: Vec<String>,
    /// Of the initiatives.
    pub initiatives: Vec<String>,
    /// Of the eras.
    pub eras: Vec<String>,
}

/// A dataset being built.
#[derive(Debug, Default)]
pub struct Build {
    /// The dataset so far.
    pub dataset: Dataset,
    /// Where each item came from.
    pub origins: Origins,
    /// Ids taken by initiatives and eras.
    pub taken: HashSet<String>,
    /// Data rows seen.
    pub rows_read: usize,
    /// Rows skipped with a warning.
    pub skipped: usize,
    source_keys: HashMap<(String, Option<String>), usize>,
    source_ids: HashSet<String>,
    file: String,
}

/// What a row says of one source.
#[derive(Debug, Default)]
pub struct SourceSpec {
    /// Title as published.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it.
    pub url: Option<String>,
    /// When.
    pub date: Option<FuzzyDate>,
}

impl Build {
    /// A build for the file of this name (for the title and the file's own source).
    pub fn new(file: &str) -> Self {
        Self { file: file.to_owned(), ..Self::default() }
    }

    /// The id of this source, added the first time it is seen.
    pub fn source(&mut self, spec: SourceSpec, origin: &str) -> String {
        let key = (spec.title.clone(), spec.url.clone());
        if let Some(&index) = self.source_keys.get(&key)
            && let Some(source) = self.dataset.sources.get(index)
        {
            return source.id.clone();
        }
        let id = unique_slug(&slug(&spec.title), "source", &mut self.source_ids);
        self.source_keys.insert(key, self.dataset.sources.len());
        let source =
            Source { id: id.clone(), title: spec.title, publisher: spec.publisher, date: spec.date, url: spec.url };
        self.dataset.sources.push(source);
        self.origins.sources.push(origin.to_owned());
        id
    }

    /// The source made for the file itself, cited by rows that cite none.
    pub fn file_source(&mut self) -> String {
        let spec = SourceSpec {
            title: format!("Imported from {}", self.file),
            publisher: self.file.clone(),
            ..SourceSpec::default()
        };
        self.source(spec, "the file")
    }

    /// Adds an initiative read from a row.
    pub fn push(&mut self, initiative: Initiative, origin: String) {
        self.dataset.initiatives.push(initiative);
        self.origins.initiatives.push(origin);
    }

    /// The file's name without folders and extension, for a title.
    pub fn file_stem(&self) -> String {
        let base = self.file.rsplit(['/', '\\']).next().unwrap_or_default();
        base.split('.').next().unwrap_or(base).to_owned()
    }

    /// The dataset (titled, dated as of its latest day), its problems (the summary first when rows
    /// were skipped) and the origins of its items, ready for validation.
    pub fn into_parts(mut self, out: Out) -> (Dataset, Vec<Problem>, Origins) {
        if self.dataset.meta.title.trim().is_empty() {
            self.dataset.meta.title = self.file_stem();
        }
        let latest = self
            .dataset
            .initiatives
            .iter()
            .flat_map(|i| i.dates().map(|(_, d)| d))
            .chain(self.dataset.eras.iter().flat_map(|e| [e.start, e.end]))
            .filter_map(FuzzyDate::latest)
            .max();
        if let Some(day) = latest {
            let (y, m, d) = day.ymd();
            let as_of = i32::try_from(y)
                .ok()
                .and_then(|y| FuzzyDate::ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok());
            self.dataset.meta.as_of = as_of.unwrap_or_default();
        }
        let mut problems = out.problems;
        if self.skipped > 0 {
            let message = format!(
                "read {} rows: {} initiatives, {} eras; {} skipped (see the warnings below)",
                self.rows_read,
                self.dataset.initiatives.len(),
                self.dataset.eras.len(),
                self.skipped
            );
            problems.insert(0, Problem::in_cell(Severity::Warning, ProblemKind::Suspicious, "summary", message));
        }
        (self.dataset, problems, self.origins)
    }
}

impl Build {
    /// The outcome of a file that gave no rows to read: its problems, no dataset.
    pub fn finish_failed(out: Out) -> Loaded {
        Loaded { problems: out.problems, ..Loaded::default() }
    }
}
