//! What a check found, without a file: how bad it is, what kind, and where in the dataset (a
//! [`Locus`]: collection, item, field, element). The formats turn a locus into a line and column.

use rustc_hash::FxHashSet as HashSet;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// Suspicious but loadable: the data is used as it is.
    Warning,
    /// The data cannot be used as it is.
    Error,
}

/// The kinds of problem the loader reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ProblemKind {
    /// The file could not be read, is too large or is not UTF-8.
    Unreadable,
    /// Not valid RON.
    Syntax,
    /// Nested deeper than the loader allows.
    TooDeep,
    /// A field the type does not have.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field given twice.
    DuplicateField,
    /// A value of the wrong type, or a name that is not one of the allowed values.
    WrongType,
    /// Two items share an id.
    DuplicateId,
    /// An id that is not a readable slug.
    BadId,
    /// A reference to a place, initiative or source that does not exist.
    UnknownReference,
    /// Latitude or longitude out of range or not finite.
    BadCoordinate,
    /// A date that does not exist or cannot be read.
    BadDate,
    /// Dates in an impossible or suspicious order.
    DateOrder,
    /// A title or name that is empty.
    EmptyText,
    /// An initiative with no source.
    NoSource,
    /// Loadable, but probably not what was meant.
    Suspicious,
}

/// Which list of a dataset an item is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Collection {
    /// The `meta` block.
    Meta,
    /// `sources`.
    Sources,
    /// `locations`.
    Locations,
    /// `initiatives`.
    Initiatives,
    /// `eras`.
    Eras,
}

/// Where a finding points: an item, optionally one of its fields and one element of that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locus {
    /// Which list.
    pub collection: Collection,
    /// Index in that list.
    pub index: usize,
    /// Field name, if the finding is about one field.
    pub field: Option<&'static str>,
    /// Element of a list field.
    pub element: Option<usize>,
}

impl Locus {
    /// The whole item.
    pub fn item(collection: Collection, index: usize) -> Self {
        Self { collection, index, field: None, element: None }
    }

    /// One field of the item.
    #[must_use]
    pub fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// One element of a list field of the item.
    #[must_use]
    pub fn element(mut self, field: &'static str, element: usize) -> Self {
        self.field = Some(field);
        self.element = Some(element);
        self
    }
}

/// The known name closest to `name`, if any is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let chars = lower.chars().count();
    // The distance is at least the difference in length: names far longer or shorter than a known
    // one are not measured (a long junk name would cost its length times each known one's).
    known
        .iter()
        .filter(|k| chars.abs_diff(k.chars().count()) <= (k.len() / 3).max(2))
        .map(|k| (strsim::damerau_levenshtein(&lower, &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

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

/// Findings being collected by the checks.
#[derive(Debug, Default)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    fn push(&mut self, severity: Severity, kind: ProblemKind, locus: Locus, message: String, hint: &str) {
        self.0.push(Finding { severity, kind, locus, message, hint: (!hint.is_empty()).then(|| hint.to_owned()) });
    }

    pub fn error(&mut self, kind: ProblemKind, locus: Locus, message: String, hint: &str) {
        self.push(Severity::Error, kind, locus, message, hint);
    }

    pub fn warn(&mut self, kind: ProblemKind, locus: Locus, message: String, hint: &str) {
        self.push(Severity::Warning, kind, locus, message, hint);
    }
}
