//! Loading a dataset: bytes → UTF-8 → RON → typed items → validation, reporting every problem at once.
//!
//! The top-level lists are read one item at a time, so memory follows the dataset, not a syntax tree
//! of the whole file. Whatever the bytes, loading never panics.

use std::io::Read as _;
use std::path::Path;

use super::convert::{Item, decode_item};
use super::decode::{Cx, Issue, nearest};
use super::problem::{LineIndex, Problem, ProblemKind, Severity, Span};
use super::ron_node::{Kind, Node, Parse, Parser, SyntaxError};
use super::source_map::{Collection, ItemSpans, SourceMap};
use super::types::{Dataset, Meta};
use super::validate::{BrokenIds, validate};

/// Largest file the loader reads (1 GiB). Larger files are refused with a message, not read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

const TOP_FIELDS: [&str; 5] = ["meta", "sources", "locations", "initiatives", "eras"];

/// How far a background load has come, and whether the user asked to stop it. Shared between the
/// loading thread and the UI; only atomics, so reading it never waits.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of the file parsed so far.
    pub done: std::sync::atomic::AtomicU64,
    /// Bytes in the file (0 until known).
    pub total: std::sync::atomic::AtomicU64,
    /// Set by the UI: stop at the next item.
    pub cancel: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(std::sync::atomic::Ordering::Relaxed);
        if total == 0 { 0.0 } else { self.done.load(std::sync::atomic::Ordering::Relaxed) as f32 / total as f32 }
    }

    /// Whether cancelling was asked for.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The message of the problem a cancelled load returns.
pub const CANCELLED: &str = "loading was cancelled";

/// The outcome of loading: the dataset when it has no errors, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The dataset; `None` when any problem is an error.
    pub dataset: Option<Dataset>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Whether the load stopped because the user cancelled it.
    pub fn was_cancelled(&self) -> bool {
        self.dataset.is_none() && self.problems.iter().any(|p| p.message == CANCELLED)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}

fn unreadable(message: String, hint: &str) -> Problem {
    Problem::at(Severity::Error, ProblemKind::Unreadable, (1, 1), message).with_hint(hint)
}

/// Loads a dataset file from disk, refusing files over [`MAX_FILE_BYTES`].
pub fn load_file(path: &Path) -> Loaded {
    load_file_with(path, None)
}

/// Loads a dataset file, reporting progress and stopping early when cancelled (for a loading thread).
pub fn load_file_with(path: &Path, progress: Option<std::sync::Arc<Progress>>) -> Loaded {
    match read_limited(path) {
        Ok(bytes) => {
            if let Some(p) = &progress {
                p.total.store(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
            }
            match text_from_bytes(&bytes) {
                Ok(text) => load_str_with(text, progress),
                Err(problem) => Loaded { dataset: None, problems: vec![*problem] },
            }
        }
        Err(problem) => Loaded { dataset: None, problems: vec![problem] },
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`]; the error is a ready-made problem.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let open_error = |e: std::io::Error| {
        unreadable(format!("cannot read the file: {e}"), "check the path and the file's permissions")
    };
    let file = std::fs::File::open(path).map_err(open_error)?;
    let too_large = || {
        unreadable(
            format!("the file is larger than the {} MiB limit", MAX_FILE_BYTES >> 20),
            "split the dataset into several files",
        )
    };
    // Refuse by the size on disk before reading; `take` still guards files that grow or lie.
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(open_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Loads a dataset from bytes, which must be UTF-8.
pub fn load_bytes(bytes: &[u8]) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!("the data is larger than the {} MiB limit", MAX_FILE_BYTES >> 20);
        return Loaded { dataset: None, problems: vec![unreadable(message, "split the dataset into several files")] };
    }
    match text_from_bytes(bytes) {
        Ok(text) => load_str(text),
        Err(problem) => Loaded { dataset: None, problems: vec![*problem] },
    }
}

/// The bytes as UTF-8 text, or a problem at the line and column of the first bad byte.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, Box<Problem>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
        let at = LineIndex::new(valid).line_col(valid.len());
        let problem =
            Problem::at(Severity::Error, ProblemKind::Unreadable, at, "the file is not valid UTF-8 text".to_owned())
                .with_hint("save the file as UTF-8");
        Box::new(problem)
    })
}

/// Loads a dataset from RON text.
pub fn load_str(text: &str) -> Loaded {
    load_str_with(text, None)
}

/// Loads a dataset from RON text, reporting progress and stopping early when cancelled.
pub fn load_str_with(text: &str, progress: Option<std::sync::Arc<Progress>>) -> Loaded {
    let mut cx = Cx { progress, ..Cx::default() };
    let mut broken = BrokenIds::default();
    let parsed = parse_dataset(text, &mut cx, &mut broken);
    let index = LineIndex::new(text);
    let mut issues = cx.issues;
    let dataset = match parsed {
        Ok((dataset, map)) => {
            for finding in validate(&dataset, &broken) {
                issues.push(finding.into_issue(&map));
            }
            Some(dataset)
        }
        Err(e) => {
            issues.push(Issue {
                severity: Severity::Error,
                kind: e.kind,
                span: Span::new(e.offset, e.offset),
                message: e.message,
                hint: e.hint.map(str::to_owned),
            });
            None
        }
    };
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .map(|i| {
            let p = Problem::at(i.severity, i.kind, index.line_col(i.span.start), i.message);
            Problem { hint: i.hint, ..p }
        })
        .collect();
    problems.sort_by_key(|p| (p.line, p.column));
    let has_errors = problems.iter().any(Problem::is_error);
    Loaded { dataset: dataset.filter(|_| !has_errors), problems }
}

/// Reads `Dataset(meta: …, sources: […], …)`, streaming the lists.
fn parse_dataset(text: &str, cx: &mut Cx, broken: &mut BrokenIds) -> Parse<(Dataset, SourceMap)> {
    let mut p = Parser::new(text);
    p.skip_attributes()?;
    if p.at_end()? {
        return Err(p.error("the file is empty", Some("a dataset starts with `Dataset(meta: Meta(…), …)`")));
    }
    let start = p.pos();
    if let Some((name, span)) = p.ident()?
        && name != "Dataset"
    {
        cx.error(
            ProblemKind::WrongType,
            span,
            format!("expected `Dataset(…)`, found `{name}`"),
            Some("a dataset file holds one `Dataset(…)`".to_owned()),
        );
    }
    p.expect_byte(b'(')?;
    let mut top = TopLevel::default();
    let mut seen: Vec<&str> = Vec::new();
    while !p.eat(b')')? {
        let Some((name, name_span)) = p.ident()? else {
            let found = p.found();
            return Err(
                p.error(format!("expected a field name, found {found}"), Some("fields are written `name: value`"))
            );
        };
        p.expect_byte(b':')?;
        if seen.contains(&name) {
            let message = format!("field `{name}` is given twice in Dataset");
            cx.error(ProblemKind::DuplicateField, name_span, message, None);
        }
        seen.push(name);
        top.field(&mut p, cx, broken, (name, name_span))?;
        if p.comma_or_close(b')')? {
            break;
        }
    }
    if !p.at_end()? {
        let found = p.found();
        return Err(
            p.error(format!("unexpected {found} after the end of the dataset"), Some("a file holds one Dataset(…)"))
        );
    }
    if !seen.contains(&"meta") {
        cx.error(
            ProblemKind::MissingField,
            Span::new(start, start),
            "Dataset is missing the required field `meta`".to_owned(),
            Some("add `meta: Meta(title: \"…\", as_of: \"2025-01-01\")`".to_owned()),
        );
    }
    Ok((top.dataset, top.map))
}

/// The dataset and its source map as the top level is read.
#[derive(Default)]
struct TopLevel {
    dataset: Dataset,
    map: SourceMap,
}

impl TopLevel {
    /// Reads the value of one top-level field.
    fn field(
        &mut self,
        p: &mut Parser<'_>,
        cx: &mut Cx,
        broken: &mut BrokenIds,
        (name, name_span): (&str, Span),
    ) -> Parse<()> {
        let (ds, map) = (&mut self.dataset, &mut self.map);
        match name {
            "meta" => {
                let node = p.value()?;
                let (meta, spans) = decode_item::<Meta>(&node, cx);
                map.meta = spans;
                ds.meta = meta.unwrap_or_default();
                Ok(())
            }
            "sources" => stream(p, cx, (&mut ds.sources, &mut map.sources), broken, Collection::Sources),
            "locations" => stream(p, cx, (&mut ds.locations, &mut map.locations), broken, Collection::Locations),
            "initiatives" => {
                stream(p, cx, (&mut ds.initiatives, &mut map.initiatives), broken, Collection::Initiatives)
            }
            "eras" => stream(p, cx, (&mut ds.eras, &mut map.eras), broken, Collection::Eras),
            other => {
                let hint = nearest(other, &TOP_FIELDS).map_or_else(
                    || format!("`Dataset` has the fields {}", TOP_FIELDS.join(", ")),
                    |n| format!("did you mean `{n}`?"),
                );
                let message = format!("unknown field `{other}` in Dataset");
                cx.error(ProblemKind::UnknownField, name_span, message, Some(hint));
                p.value().map(|_| ())
            }
        }
    }
}

/// Reads a list one item at a time, keeping the good items and their spans.
fn stream<T: Item>(
    p: &mut Parser<'_>,
    cx: &mut Cx,
    (items, spans): (&mut Vec<T>, &mut Vec<ItemSpans>),
    broken: &mut BrokenIds,
    collection: Collection,
) -> Result<(), SyntaxError> {
    if !p.eat(b'[')? {
        let node = p.value()?;
        cx.error(
            ProblemKind::WrongType,
            node.span,
            format!("expected a list of {} in [brackets], found {}", T::TYPE, node.kind.describe()),
            None,
        );
        return Ok(());
    }
    while !p.eat(b']')? {
        let node = p.value()?;
        let (item, item_spans) = decode_item::<T>(&node, cx);
        if let Some(item) = item {
            items.push(item);
            spans.push(item_spans);
        } else {
            if collection == Collection::Initiatives {
                broken.initiatives_dropped += 1;
            }
            if let Some(id) = id_of(&node) {
                broken.ids.insert((collection, id));
            }
        }
        if let Some(progress) = &cx.progress {
            progress.done.store(p.pos() as u64, std::sync::atomic::Ordering::Relaxed);
            if progress.cancelled() {
                return Err(p.error(CANCELLED, Some("open the file again to load it")));
            }
        }
        if p.comma_or_close(b']')? {
            break;
        }
    }
    Ok(())
}

/// The `id` of a struct value that failed to decode, so references to it do not cascade into errors.
fn id_of(node: &Node<'_>) -> Option<String> {
    let Kind::Struct { fields, .. } = &node.kind else {
        return None;
    };
    fields.iter().find(|f| f.name == "id").and_then(|f| match &f.value.kind {
        Kind::Str(s) => Some(s.to_string()),
        _ => None,
    })
}
