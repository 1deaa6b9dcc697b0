//! Decoding each dataset type from spanned RON, field by field.
//!
//! Each struct type is described once, by an [`item!`] list of `field: required` or `field: default`
//! (the kind of value is the field's type in `model`). That one list gives the type's [`FieldSpec`]
//! table and known-field names ([`Item::SPEC`], [`Item::FIELDS`]: the unknown-field check, its "did you
//! mean" hint and the recorded spans) and its reader ([`Item::build`]), so a field cannot be known in
//! one place and forgotten in another; and the reader builds the value with a struct literal naming every
//! listed field, so a field added to the type but not to the list is a compile error. Unit enums read
//! their names from [`crate::model::schema::UnitEnum`]. A macro rather than a serde `Deserializer`
//! because the reader must keep going after a problem and report it at its span, which serde cannot.

use crate::formats::problem::Span;
use crate::formats::ron::decode::{Cx, Fields, FromNode, Issue};
use crate::formats::ron::node::{Node, Parser};
use crate::formats::source_map::{Collection, ItemSpans, ItemText, Locus, SourceMap};
use crate::model::schema::FieldSpec;
use crate::model::types::{Cite, Era, Initiative, Location, Meta, Rel, Source};
use crate::model::validate::Finding;

/// A struct type of the dataset, read field by field. Implement it with [`item!`].
pub trait Item: Sized {
    /// The RON type name.
    const TYPE: &'static str;
    /// Every field it may have, in order, and whether it is required.
    const SPEC: &'static [FieldSpec];
    /// The names of [`Self::SPEC`], in the same order (the known fields of hints and spans).
    const FIELDS: &'static [&'static str];
    /// Builds the value from its fields; `None` when a field was bad (already reported).
    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self>;
}

/// Implements [`Item`] for a struct from one list of its fields, each `required`, `default` (absent
/// means `Default::default()`), or either followed by `via path` for a reader of its own
/// (`fn(&Fields, &mut Cx) -> Option<T>`):
///
/// ```ignore
/// item!(Era "Era" { id: required, title: required, start: required, end: required });
/// ```
///
/// Every field is read before any is unwrapped, so all of an item's problems are reported together.
macro_rules! item {
    ($ty:ty, $type_name:literal { $($field:ident : $how:ident $(via $read:path)?),+ $(,)? }) => {
        impl $crate::formats::ron::convert::Item for $ty {
            const TYPE: &'static str = $type_name;
            const SPEC: &'static [$crate::model::schema::FieldSpec] = &[$(
                $crate::model::schema::FieldSpec {
                    name: stringify!($field),
                    required: $crate::formats::ron::convert::item!(@required $how),
                }
            ),+];
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn build(
                f: &$crate::formats::ron::decode::Fields<'_, '_>,
                cx: &mut $crate::formats::ron::decode::Cx,
            ) -> Option<Self> {
                $(let $field = $crate::formats::ron::convert::item!(@read f, cx, $field, $how $(, $read)?);)+
                Some(Self { $($field: $field?),+ })
            }
        }
    };
    (@required required) => { true };
    (@required default) => { false };
    (@read $f:ident, $cx:ident, $field:ident, required) => { $f.req(stringify!($field), $cx) };
    (@read $f:ident, $cx:ident, $field:ident, default) => { $f.or_default(stringify!($field), $cx) };
    (@read $f:ident, $cx:ident, $field:ident, $how:ident, $read:path) => { $read($f, $cx) };
}
pub(crate) use item;

/// Decodes one item and records where its fields are.
pub fn decode_item<T: Item>(node: &Node<'_>, cx: &mut Cx) -> (Option<T>, ItemSpans) {
    match Fields::open(node, T::TYPE, T::FIELDS, cx) {
        Some(fields) => (T::build(&fields, cx), fields.record_spans(T::FIELDS)),
        None => (None, ItemSpans::new(node.span)),
    }
}

/// Decodes one item without recording its field spans (the list items of a dataset: a finding about
/// one of their fields finds the span again with [`item_spans`], which keeps a million items small).
pub fn decode<T: Item>(node: &Node<'_>, cx: &mut Cx) -> Option<T> {
    Fields::open(node, T::TYPE, T::FIELDS, cx).and_then(|fields| T::build(&fields, cx))
}

/// Where the fields of a list item of `collection` are, from its node (read again from the text).
pub fn item_spans(node: &Node<'_>, collection: Collection) -> ItemSpans {
    let mut scratch = Cx::default();
    let (type_name, known) = match collection {
        Collection::Meta => (Meta::TYPE, Meta::FIELDS),
        Collection::Sources => (Source::TYPE, Source::FIELDS),
        Collection::Locations => (Location::TYPE, Location::FIELDS),
        Collection::Initiatives => (Initiative::TYPE, Initiative::FIELDS),
        Collection::Eras => (Era::TYPE, Era::FIELDS),
    };
    Fields::open(node, type_name, known, &mut scratch)
        .map_or_else(|| ItemSpans::new(node.span), |fields| fields.record_spans(known))
}

/// The span a locus points at, reading the item's text again from `src` for a field's span; an
/// empty span at 0 when it is unknown.
pub fn span_of(map: &SourceMap, src: &dyn ItemText, locus: Locus) -> Span {
    let item = match locus.collection {
        Collection::Meta => return map.meta.at(locus.field, locus.element),
        Collection::Sources => map.sources.get(locus.index),
        Collection::Locations => map.locations.get(locus.index),
        Collection::Initiatives => map.initiatives.get(locus.index),
        Collection::Eras => map.eras.get(locus.index),
    };
    let Some(&item) = item else { return Span::default() };
    if locus.field.is_none() {
        return item;
    }
    let Some(text) = src.item_text(item) else { return item };
    match Parser::at(&text, 0).value() {
        Ok(node) if node.span == Span::new(0, text.len()) => {
            item_spans(&node, locus.collection).at(locus.field, locus.element).shifted(item.start)
        }
        _ => item,
    }
}

/// A validation finding, located in the file: its locus becomes a byte span.
pub fn locate_finding(finding: Finding, src: &dyn ItemText, map: &SourceMap) -> Issue {
    Issue {
        severity: finding.severity,
        kind: finding.kind,
        span: span_of(map, src, finding.locus),
        message: finding.message,
        hint: finding.hint,
    }
}

item!(Meta, "Meta" { title: required, description: default, as_of: required, authors: default });

item!(Source, "Source" { id: required, title: required, publisher: required, date: default, url: default });

item!(Cite, "Cite" { source: required, note: default });

impl FromNode for Cite {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        decode(node, cx)
    }
}

item!(Rel, "Rel" { to: required, kind: required, note: default });

impl FromNode for Rel {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        decode(node, cx)
    }
}

item!(Location, "Location" {
    id: required,
    name: required,
    name_ja: default,
    lat: required,
    lon: required,
    kind: required,
    precision: required,
    country: default,
    coord_source: default,
});

item!(Initiative, "Initiative" {
    id: required,
    title: required,
    summary: required,
    body: default,
    lines_of_effort: required,
    actors: default,
    status: required,
    status_note: default,
    announced: default,
    start: default,
    target: default,
    completed: default,
    end: default,
    places: default,
    related: default,
    relations: default,
    tags: default,
    sources: required,
});

item!(Era, "Era" { id: required, title: required, start: required, end: required });

#[cfg(test)]
mod tests {
    use crate::formats::load_str;
    use crate::formats::problem::{Problem, ProblemKind};
    use crate::model::DEFAULT_DATASET;

    /// The embedded dataset with `from` replaced by `to` once, read; its problems and the 1-based line
    /// and column where `to` starts.
    fn broken(from: &str, to: &str) -> (Vec<Problem>, (usize, usize)) {
        let Some(at) = DEFAULT_DATASET.find(from) else { panic!("{from} is in the dataset") };
        let text = DEFAULT_DATASET.replacen(from, to, 1);
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        (load_str(&text).problems, (line, column))
    }

    #[test]
    fn a_bad_relation_is_located_with_a_hint() {
        let (problems, at) = broken("kind: Follows, note: \"the Tokyo", "kind: Folows, note: \"the Tokyo");
        let [p] = problems.as_slice() else { panic!("one problem: {problems:#?}") };
        assert_eq!((p.kind, p.line, p.column), (ProblemKind::WrongType, at.0, at.1 + "kind: ".len()));
        assert_eq!(p.message, "`Folows` is not a relation kind");
        assert!(p.hint.as_deref().is_some_and(|h| h.starts_with("did you mean `Follows`?")), "{p:?}");

        let (problems, at) =
            broken("Rel(to: \"scc-2023\", kind: Follows, note:", "Rel(to: \"scc-2023\", kind: Follows, nite:");
        let [p] = problems.as_slice() else { panic!("one problem: {problems:#?}") };
        assert_eq!((p.kind, p.message.as_str()), (ProblemKind::UnknownField, "unknown field `nite` in Rel"));
        assert_eq!((p.line, p.column), (at.0, at.1 + "Rel(to: \"scc-2023\", kind: Follows, ".len()));
        assert_eq!(p.hint.as_deref(), Some("did you mean `note`?"));

        let (problems, at) = broken("Rel(to: \"scc-2023\", kind: Follows", "Rel(kind: Follows");
        let [p] = problems.as_slice() else { panic!("one problem: {problems:#?}") };
        assert_eq!((p.kind, p.line, p.column), (ProblemKind::MissingField, at.0, at.1));
        assert_eq!(p.message, "Rel is missing the required field `to`");
    }

    #[test]
    fn a_relation_check_is_located_at_its_element() {
        let (problems, at) = broken("Rel(to: \"scc-2023\", kind: Follows", "Rel(to: \"scc-2032\", kind: Follows");
        let [p] = problems.as_slice() else { panic!("one problem: {problems:#?}") };
        assert_eq!((p.kind, p.line, p.column), (ProblemKind::UnknownReference, at.0, at.1));
        assert_eq!(p.message, "initiative `scc-2024-tokyo` follows unknown initiative \"scc-2032\"");
        assert_eq!(p.hint.as_deref(), Some("did you mean \"scc-2023\"?"));
    }
}
