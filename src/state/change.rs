//! The editor's history as data: the item a change touches, the change (the item before and after),
//! and where the data was last clean. Shapes only, like `data.rs`, which re-exports them.

/// An item the editor changes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Item {
    /// An initiative.
    Initiative(Box<crate::model::Initiative>),
    /// A place.
    Location(crate::model::Location),
    /// A source.
    Source(crate::model::Source),
    /// An era.
    Era(crate::model::Era),
}

/// One change to the dataset, as undo keeps it: the item before and after (not a copy of the
/// dataset). `None` before: it was added; `None` after: it was deleted.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// "change of the title of X", for the Edit menu.
    pub(super) label: String,
    /// Which list.
    pub(super) collection: crate::model::finding::Collection,
    /// Its position in the list.
    pub(super) index: usize,
    /// The item before, with its position in the file.
    pub(super) before: Option<(Item, Option<usize>)>,
    /// The item after, with its position in the file.
    pub(super) after: Option<(Item, Option<usize>)>,
    /// Typing in one field goes into one change: the field it was (not kept in a draft).
    #[serde(skip)]
    pub(super) merge: Option<(usize, &'static str)>,
}

/// Where the data was last as read or saved (see `DataEdit::clean`).
#[derive(Clone, Debug, Default)]
pub struct CleanMark {
    pub(super) depth: usize,
    pub(super) top: Option<Change>,
    pub(super) lost: bool,
}
