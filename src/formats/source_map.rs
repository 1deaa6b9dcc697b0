//! Where each item and field of a loaded dataset came from, so checks that run after decoding can
//! still point at a line and column.

use crate::formats::problem::Span;
pub use crate::model::finding::{Collection, Locus};

/// The spans of one item (a location, initiative, source or era).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemSpans {
    /// The whole item.
    pub item: Span,
    /// Value span of each field present.
    pub fields: Vec<(&'static str, Span)>,
    /// Span of each element of each list field.
    pub elements: Vec<(&'static str, usize, Span)>,
}

impl ItemSpans {
    /// Spans for an item covering `item`, with no fields yet.
    pub fn new(item: Span) -> Self {
        Self { item, ..Self::default() }
    }

    /// Moves every span `by` bytes on (an item read from a window that starts at `by`).
    pub fn shift(&mut self, by: usize) {
        self.item = self.item.shifted(by);
        self.fields.iter_mut().for_each(|(_, s)| *s = s.shifted(by));
        self.elements.iter_mut().for_each(|(_, _, s)| *s = s.shifted(by));
    }

    /// The best span for a field, or an element of a list field, falling back to the whole item.
    pub fn at(&self, field: Option<&str>, element: Option<usize>) -> Span {
        let Some(field) = field else {
            return self.item;
        };
        if let Some(index) = element
            && let Some((_, _, span)) = self.elements.iter().find(|(name, i, _)| *name == field && *i == index)
        {
            return *span;
        }
        self.fields.iter().find(|(name, _)| *name == field).map_or(self.item, |(_, span)| *span)
    }
}

/// Spans of every item of a loaded dataset, by collection, in the same order as the dataset's lists.
/// List items keep only their own span; the span of one of their fields is found again by reading the
/// item a second time from the text, which only a finding needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceMap {
    /// The meta block (its field names are `&'static str`s, which serde cannot read back: a
    /// hand-over (`formats::handover`) carries them apart).
    #[serde(skip)]
    pub meta: ItemSpans,
    /// One per source.
    pub sources: Vec<Span>,
    /// One per location.
    pub locations: Vec<Span>,
    /// One per initiative.
    pub initiatives: Vec<Span>,
    /// One per era.
    pub eras: Vec<Span>,
}

/// Gives the text of an item again by its span: from the text in memory, or read back from the file.
pub trait ItemText {
    /// The text of `span`, if it can still be had.
    fn item_text(&self, span: Span) -> Option<std::borrow::Cow<'_, str>>;
}

impl ItemText for &str {
    fn item_text(&self, span: Span) -> Option<std::borrow::Cow<'_, str>> {
        self.get(span.start..span.end).map(std::borrow::Cow::Borrowed)
    }
}
