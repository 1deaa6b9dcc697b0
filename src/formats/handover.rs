//! A finished load as bytes, to hand it from the thread that read it to the one that shows it: in the
//! browser, a Web Worker reads (and checks) a `?data=` body while the page starts, and posts the
//! [`Loaded`] to the page as one transferred buffer. Decoding it is several times cheaper than reading
//! the RON again, since nothing is parsed, located or checked a second time.
//!
//! The encoding is `postcard` (serde, compact) behind a tag that names this format's version. Both
//! ends are the same build of the app, so the layout never has to be read by another version; the tag
//! only turns a mix-up (bytes from elsewhere) into an error instead of garbage.

use serde::{Deserialize, Serialize};

use crate::formats::loaded::Loaded;
use crate::formats::problem::Span;
use crate::formats::ron::convert::Item as _;
use crate::formats::source_map::ItemSpans;
use crate::model::cluster::place_tree;
use crate::model::finding::{Collection, Finding, Locus, ProblemKind, Severity};
use crate::model::index::Index;
use crate::model::types::{Cite, Era, Initiative, Location, Meta, Rel, Source};

/// The first bytes of a hand-over.
const TAG: &[u8] = b"atlas-handover-1\n";

/// The first bytes of a part of a load's initiatives.
const PART_TAG: &[u8] = b"atlas-initiatives-1\n";

/// The first bytes of an index's hand-over.
const INDEX_TAG: &[u8] = b"atlas-index-1\n";

/// What is written: the load, and the meta block's spans with each field named by its position in
/// [`Meta`]'s field list (the source map holds them as `&'static str`s).
#[derive(Serialize)]
struct Out<'a> {
    loaded: &'a Loaded,
    meta: MetaSpans,
    findings: Option<Vec<WireFinding>>,
}

/// What is read back (the same layout as [`Out`]).
#[derive(Deserialize)]
struct In {
    loaded: Loaded,
    meta: MetaSpans,
    findings: Option<Vec<WireFinding>>,
}

/// A validation finding, its field named by its position in [`all_fields`].
#[derive(Serialize, Deserialize)]
struct WireFinding {
    severity: Severity,
    kind: ProblemKind,
    collection: Collection,
    index: usize,
    field: Option<u16>,
    element: Option<usize>,
    message: String,
    hint: Option<String>,
}

/// Every field name of the dataset's struct types (a finding's field is one of them).
fn all_fields() -> impl Iterator<Item = &'static str> {
    [Meta::FIELDS, Source::FIELDS, Cite::FIELDS, Rel::FIELDS, Location::FIELDS, Initiative::FIELDS, Era::FIELDS]
        .into_iter()
        .flatten()
        .copied()
}

impl WireFinding {
    /// `None` if its field is not a known field name (then no findings are handed over, and the page
    /// checks the data itself).
    fn of(finding: &Finding) -> Option<Self> {
        let field = match finding.locus.field {
            Some(name) => Some(all_fields().position(|known| known == name).and_then(|p| u16::try_from(p).ok())?),
            None => None,
        };
        Some(Self {
            severity: finding.severity,
            kind: finding.kind,
            collection: finding.locus.collection,
            index: finding.locus.index,
            field,
            element: finding.locus.element,
            message: finding.message.clone(),
            hint: finding.hint.clone(),
        })
    }

    fn into_finding(self) -> Result<Finding, String> {
        let field = match self.field {
            Some(p) => Some(all_fields().nth(usize::from(p)).ok_or_else(|| format!("no field number {p}"))?),
            None => None,
        };
        let locus = Locus { collection: self.collection, index: self.index, field, element: self.element };
        Ok(Finding { severity: self.severity, kind: self.kind, locus, message: self.message, hint: self.hint })
    }
}

/// The meta block's spans, its field names as positions in `Meta::FIELDS`.
#[derive(Default, Serialize, Deserialize)]
struct MetaSpans {
    item: Span,
    fields: Vec<(u16, Span)>,
    elements: Vec<(u16, usize, Span)>,
}

/// The position of a meta field's name (names not in the list are not recorded by the reader).
fn position(name: &str) -> Option<u16> {
    Meta::FIELDS.iter().position(|known| *known == name).and_then(|p| u16::try_from(p).ok())
}

impl MetaSpans {
    fn of(spans: &ItemSpans) -> Self {
        Self {
            item: spans.item,
            fields: spans.fields.iter().filter_map(|(name, span)| Some((position(name)?, *span))).collect(),
            elements: spans.elements.iter().filter_map(|(name, i, span)| Some((position(name)?, *i, *span))).collect(),
        }
    }

    fn into_spans(self) -> Result<ItemSpans, String> {
        let name =
            |p: u16| Meta::FIELDS.get(usize::from(p)).copied().ok_or_else(|| format!("no meta field number {p}"));
        Ok(ItemSpans {
            item: self.item,
            fields: self.fields.into_iter().map(|(p, span)| Ok((name(p)?, span))).collect::<Result<_, String>>()?,
            elements: self
                .elements
                .into_iter()
                .map(|(p, i, span)| Ok((name(p)?, i, span)))
                .collect::<Result<_, String>>()?,
        })
    }
}

/// The load as bytes.
///
/// # Errors
/// When serde cannot write a value (not expected: every type in a load can be written).
pub fn to_bytes(loaded: &Loaded) -> Result<Vec<u8>, String> {
    let findings = loaded.findings.as_ref().and_then(|all| all.iter().map(WireFinding::of).collect());
    let out = Out { loaded, meta: MetaSpans::of(&loaded.source_map.meta), findings };
    postcard::to_extend(&out, TAG.to_vec()).map_err(|e| format!("could not write the hand-over: {e}"))
}

/// A load as a head and parts: the head is [`to_bytes`] of the load without its initiatives, each part
/// `per_part` of them, so that the page decodes the longest list a part at a time (as one task, a
/// million initiatives kept the page from answering for 2.4 s). The initiatives are taken out of
/// `loaded` while the head is written, and put back.
///
/// # Errors
/// When serde cannot write a value (not expected).
pub fn to_parts(loaded: &mut Loaded, per_part: usize) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    let initiatives = loaded.dataset.as_mut().map(|d| std::mem::take(&mut d.initiatives)).unwrap_or_default();
    let head = to_bytes(loaded);
    if let Some(dataset) = loaded.dataset.as_mut() {
        dataset.initiatives = initiatives;
    }
    let all = loaded.dataset.as_ref().map_or(&[][..], |d| d.initiatives.as_slice());
    let parts = all
        .chunks(per_part.max(1))
        .map(|part| postcard::to_extend(part, PART_TAG.to_vec()).map_err(|e| format!("could not write a part: {e}")))
        .collect::<Result<_, _>>()?;
    Ok((head?, parts))
}

/// Adds a part written by [`to_parts`] to the load read from its head (with [`from_bytes`]).
///
/// # Errors
/// When the bytes are not a part of this version, are cut short, or the load has no data to add to.
pub fn add_part(loaded: &mut Loaded, bytes: &[u8]) -> Result<(), String> {
    let body = bytes.strip_prefix(PART_TAG).ok_or("these bytes are not a part of a load from this version")?;
    let (part, rest): (Vec<Initiative>, &[u8]) =
        postcard::take_from_bytes(body).map_err(|e| format!("could not read a part of the hand-over: {e}"))?;
    if !rest.is_empty() {
        return Err(format!("a part of the hand-over has {} bytes too many", rest.len()));
    }
    let dataset = loaded.dataset.as_mut().ok_or("a part of initiatives came for a load without data")?;
    dataset.initiatives.extend(part);
    Ok(())
}

/// An index as bytes (all but its R-tree, which [`index_from_bytes`] builds again from the places).
///
/// # Errors
/// When serde cannot write a value (not expected).
pub fn index_to_bytes(index: &Index) -> Result<Vec<u8>, String> {
    postcard::to_extend(index, INDEX_TAG.to_vec()).map_err(|e| format!("could not write the index's hand-over: {e}"))
}

/// The index written by [`index_to_bytes`].
///
/// # Errors
/// When the bytes are not an index's hand-over of this version, or are cut short.
pub fn index_from_bytes(bytes: &[u8]) -> Result<Index, String> {
    let body =
        bytes.strip_prefix(INDEX_TAG).ok_or("these bytes are not the hand-over of an index from this version")?;
    let (mut index, rest): (Index, &[u8]) =
        postcard::take_from_bytes(body).map_err(|e| format!("could not read the index's hand-over: {e}"))?;
    if !rest.is_empty() {
        return Err(format!("the index's hand-over has {} bytes too many", rest.len()));
    }
    index.place_tree = place_tree(&index.map_places);
    Ok(index)
}

/// The load written by [`to_bytes`].
///
/// # Errors
/// When the bytes are not a hand-over of this version, or are cut short.
pub fn from_bytes(bytes: &[u8]) -> Result<Loaded, String> {
    let body = bytes.strip_prefix(TAG).ok_or("these bytes are not a hand-over of a load from this version")?;
    let (read, rest): (In, &[u8]) =
        postcard::take_from_bytes(body).map_err(|e| format!("could not read the hand-over: {e}"))?;
    if !rest.is_empty() {
        return Err(format!("the hand-over has {} bytes too many", rest.len()));
    }
    let mut loaded = read.loaded;
    loaded.source_map.meta = read.meta.into_spans()?;
    loaded.findings = read.findings.map(|all| all.into_iter().map(WireFinding::into_finding).collect()).transpose()?;
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Input, load_str, open};

    fn fixture(name: &str) -> Loaded {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/json").join(name);
        let bytes = std::fs::read(&path).expect("the fixture is there");
        open(Input::Named(name, &bytes), None)
    }

    #[test]
    fn a_load_comes_back_whole_spans_problems_and_presentation_included() {
        let embedded = load_str(crate::model::DEFAULT_DATASET);
        assert!(embedded.dataset.is_some() && !embedded.source_map.meta.fields.is_empty());
        let broken = load_str(&crate::model::DEFAULT_DATASET.replacen("as_of:", "as_off:", 1));
        assert!(broken.dataset.is_none() && !broken.problems.is_empty());
        let lanes = fixture("women_in_computing.json");
        assert!(lanes.presentation.lanes.is_some());
        let story = fixture("sochi.json");
        assert!(story.presentation.story.is_some());
        let columns = open(Input::Named("sheet.csv", b"Happening,When,Whereabouts\nA,2020,Tokyo\n"), None);
        assert!(columns.presentation.columns.is_some());
        // An initiative's summary left empty: a warning at a field.
        let text = crate::model::DEFAULT_DATASET;
        let at = text.find("summary: \"").expect("a summary") + "summary: \"".len();
        let end = at + text[at..].find('"').expect("its end");
        let warned = load_str(&format!("{}{}", &text[..at], &text[end..]));
        assert!(
            warned.findings.as_ref().is_some_and(|f| f.iter().any(|f| f.locus.field.is_some())),
            "{:?}",
            warned.problems
        );
        assert_eq!(
            warned.findings,
            warned
                .dataset
                .as_ref()
                .map(|d| crate::model::validate::validate(d, &crate::model::finding::BrokenIds::default()))
        );
        for mut loaded in [embedded, broken, lanes, story, columns, warned] {
            let bytes = to_bytes(&loaded).expect("written");
            assert_eq!(from_bytes(&bytes).expect("read"), loaded);
            for per_part in [1, 7, 10_000] {
                let (head, parts) = to_parts(&mut loaded, per_part).expect("written");
                let count = loaded.dataset.as_ref().map_or(0, |d| d.initiatives.len());
                assert_eq!(parts.len(), count.div_ceil(per_part), "{per_part} a part");
                let mut back = from_bytes(&head).expect("the head");
                for part in &parts {
                    add_part(&mut back, part).expect("a part");
                }
                assert_eq!(back, loaded, "in parts of {per_part}");
            }
        }
    }

    #[test]
    fn an_index_comes_back_whole_and_its_places_can_be_found_again() {
        let dataset = crate::model::generate::generate(300, 40, 5);
        let index = Index::build(&dataset);
        let back = index_from_bytes(&index_to_bytes(&index).expect("written")).expect("read");
        assert_eq!(
            format!("{:?}", (&back.initiative_by_id, &back.places_of, &back.initiatives_at, &back.spans)),
            format!("{:?}", (&index.initiative_by_id, &index.places_of, &index.initiatives_at, &index.spans))
        );
        assert_eq!(
            (&back.haystacks, &back.relations, &back.map_places),
            (&index.haystacks, &index.relations, &index.map_places)
        );
        assert_eq!(
            (&back.undated, &back.no_place, &back.main_line, back.full_span),
            (&index.undated, &index.no_place, &index.main_line, index.full_span)
        );
        let first = dataset.initiatives.first().map(|i| i.id.as_str()).unwrap_or_default();
        assert_eq!(back.initiative_by_id.get(first), Some(&0));
        let near = |i: &Index| {
            let mut found: Vec<usize> = i.place_tree.locate_within_distance([0.0, 0.0], 1e12).map(|p| p.data).collect();
            found.sort_unstable();
            found
        };
        assert_eq!(near(&back), near(&index));
        assert!(!near(&back).is_empty());
        assert!(index_from_bytes(b"atlas-handover-1\n").is_err());
    }

    #[test]
    fn bytes_that_are_not_a_whole_hand_over_are_refused() {
        let bytes = to_bytes(&load_str(crate::model::DEFAULT_DATASET)).expect("written");
        assert!(from_bytes(&bytes[TAG.len()..]).unwrap_err().contains("not a hand-over"));
        assert!(from_bytes(&bytes[..bytes.len() / 2]).unwrap_err().contains("could not read"));
        let mut no_data = load_str("Dataset(");
        assert!(no_data.dataset.is_none());
        let (_, parts) = to_parts(&mut load_str(crate::model::DEFAULT_DATASET), 10).expect("written");
        assert!(add_part(&mut no_data, &parts[0]).unwrap_err().contains("without data"));
        assert!(add_part(&mut load_str(crate::model::DEFAULT_DATASET), &bytes).unwrap_err().contains("not a part"));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(from_bytes(&longer).unwrap_err().contains("1 bytes too many"));
    }
}
