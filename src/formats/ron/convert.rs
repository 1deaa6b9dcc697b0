//! Decoding each dataset type from spanned RON, field by field.

use crate::formats::problem::Span;
use crate::formats::ron::decode::{Cx, Fields, FromNode, Issue, unit_enum_from_node};
use crate::formats::ron::node::{Node, Parser};
use crate::formats::source_map::{Collection, ItemSpans, ItemText, Locus, SourceMap};
use crate::model::types::{
    Cite, Era, Initiative, LineOfEffort, Location, LocationKind, Meta, PlacePrecision, Source, Status,
};
use crate::model::validate::Finding;

unit_enum_from_node!(
    LocationKind,
    "a location kind",
    [Base, Airbase, City, Capital, Island, SeaArea, Region, Building, Landmark]
);
unit_enum_from_node!(PlacePrecision, "a place precision", [ExactSite, About1Km, City, Region, LabelPoint]);
unit_enum_from_node!(
    LineOfEffort,
    "a line of effort",
    [
        ForcePosture,
        Isr,
        Space,
        Cyber,
        Strike,
        AirMissileDefense,
        CommandAndControl,
        Exercises,
        Partners,
        Policy,
        Industry,
    ]
);
unit_enum_from_node!(Status, "a status", [Proposed, Announced, InProgress, Completed, Ongoing, Cancelled, Context]);

/// A struct type of the dataset, read field by field.
pub trait Item: Sized {
    /// The RON type name.
    const TYPE: &'static str;
    /// Every field it may have.
    const FIELDS: &'static [&'static str];
    /// Builds the value from its fields; `None` when a field was bad (already reported).
    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self>;
}

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

impl Item for Meta {
    const TYPE: &'static str = "Meta";
    const FIELDS: &'static [&'static str] = &["title", "description", "as_of", "authors"];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        let title = f.req("title", cx);
        let description = f.or_default("description", cx);
        let as_of = f.req("as_of", cx);
        let authors = f.or_default("authors", cx);
        Some(Self { title: title?, description: description?, as_of: as_of?, authors: authors? })
    }
}

impl Item for Source {
    const TYPE: &'static str = "Source";
    const FIELDS: &'static [&'static str] = &["id", "title", "publisher", "date", "url"];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        let id = f.req("id", cx);
        let title = f.req("title", cx);
        let publisher = f.req("publisher", cx);
        let date = f.or_default("date", cx);
        let url = f.or_default("url", cx);
        Some(Self { id: id?, title: title?, publisher: publisher?, date: date?, url: url? })
    }
}

impl Item for Cite {
    const TYPE: &'static str = "Cite";
    const FIELDS: &'static [&'static str] = &["source", "note"];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        let source = f.req("source", cx);
        let note = f.or_default("note", cx);
        Some(Self { source: source?, note: note? })
    }
}

impl FromNode for Cite {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        decode(node, cx)
    }
}

impl Item for Location {
    const TYPE: &'static str = "Location";
    const FIELDS: &'static [&'static str] =
        &["id", "name", "name_ja", "lat", "lon", "kind", "precision", "country", "coord_source"];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        let id = f.req("id", cx);
        let name = f.req("name", cx);
        let name_ja = f.or_default("name_ja", cx);
        let lat = f.req("lat", cx);
        let lon = f.req("lon", cx);
        let kind = f.req("kind", cx);
        let precision = f.req("precision", cx);
        let country = f.or_default("country", cx);
        let coord_source = f.or_default("coord_source", cx);
        Some(Self {
            id: id?,
            name: name?,
            name_ja: name_ja?,
            lat: lat?,
            lon: lon?,
            kind: kind?,
            precision: precision?,
            country: country?,
            coord_source: coord_source?,
        })
    }
}

impl Item for Initiative {
    const TYPE: &'static str = "Initiative";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "title",
        "summary",
        "body",
        "lines_of_effort",
        "actors",
        "status",
        "status_note",
        "announced",
        "start",
        "target",
        "completed",
        "end",
        "places",
        "related",
        "tags",
        "sources",
    ];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        // Every field is read before any `?`, so all of an item's problems are reported together.
        let id = f.req("id", cx);
        let title = f.req("title", cx);
        let summary = f.req("summary", cx);
        let body = f.or_default("body", cx);
        let lines_of_effort = f.req("lines_of_effort", cx);
        let actors = f.or_default("actors", cx);
        let status = f.req("status", cx);
        let status_note = f.or_default("status_note", cx);
        let announced = f.or_default("announced", cx);
        let start = f.or_default("start", cx);
        let target = f.or_default("target", cx);
        let completed = f.or_default("completed", cx);
        let end = f.or_default("end", cx);
        let places = f.or_default("places", cx);
        let related = f.or_default("related", cx);
        let tags = f.or_default("tags", cx);
        let sources = f.req("sources", cx);
        Some(Self {
            id: id?,
            title: title?,
            summary: summary?,
            body: body?,
            lines_of_effort: lines_of_effort?,
            actors: actors?,
            status: status?,
            status_note: status_note?,
            announced: announced?,
            start: start?,
            target: target?,
            completed: completed?,
            end: end?,
            places: places?,
            related: related?,
            tags: tags?,
            sources: sources?,
        })
    }
}

impl Item for Era {
    const TYPE: &'static str = "Era";
    const FIELDS: &'static [&'static str] = &["id", "title", "start", "end"];

    fn build(f: &Fields<'_, '_>, cx: &mut Cx) -> Option<Self> {
        let id = f.req("id", cx);
        let title = f.req("title", cx);
        let start = f.req("start", cx);
        let end = f.req("end", cx);
        Some(Self { id: id?, title: title?, start: start?, end: end? })
    }
}
