//! Reading `Dataset(meta: …, sources: […], …)` in steps: the top-level lists are read a given number of
//! items at a time, and the reader can stop between any two items and go on later from the same byte.
//! A thread runs it to the end in one go; the browser runs it in slices between frames (`platform/slices.rs`), so the page stays alive
//! while a large file loads. The state between steps is owned (a byte offset, not a borrow), so the
//! caller keeps the text and the state side by side.

use crate::formats::loaded::CANCELLED;
use crate::formats::problem::{ProblemKind, Span};
use crate::formats::ron::convert::{Item, decode, decode_item};
use crate::formats::ron::decode::{Cx, nearest};
use crate::formats::ron::node::{Kind, Node, Parse, Parser, SyntaxError};
use crate::formats::source_map::{Collection, SourceMap};
use crate::model::types::{Dataset, Meta};
use crate::model::validate::BrokenIds;

const TOP_FIELDS: [&str; 5] = ["meta", "sources", "locations", "initiatives", "eras"];

/// The top-level lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    Sources,
    Locations,
    Initiatives,
    Eras,
}

impl List {
    fn collection(self) -> Collection {
        match self {
            Self::Sources => Collection::Sources,
            Self::Locations => Collection::Locations,
            Self::Initiatives => Collection::Initiatives,
            Self::Eras => Collection::Eras,
        }
    }
}

/// Where the reader stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Before `Dataset(`.
    Start,
    /// Between top-level fields.
    Fields,
    /// Inside one of the top-level lists.
    List(List),
    /// After the closing `)`.
    End,
    /// Finished (or stopped by a syntax error).
    Done,
}

/// Where the reader stood before one unit (a top-level field or a list item), to go back to when the
/// text ran out in the middle of it and more is coming.
#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    pos: usize,
    stage: Stage,
    seen: usize,
    issues: usize,
    dropped: usize,
    items: [usize; 4],
}

/// A dataset being read, between steps.
#[derive(Debug)]
pub struct Steps {
    /// Byte offset in the file of the next thing to read.
    pos: usize,
    stage: Stage,
    /// Where `Dataset` starts (for "missing meta").
    start: usize,
    seen: Vec<String>,
    /// The file enables `explicit_struct_names`: every struct must be written with its name.
    names_required: bool,
    /// What has been read so far.
    pub dataset: Dataset,
    /// Where each item came from.
    pub map: SourceMap,
    /// Problems found so far (and the progress and cancel flag).
    pub cx: Cx,
    /// Ids of items that failed to decode.
    pub broken: BrokenIds,
    /// The syntax error that stopped the reader, if any.
    pub failed: Option<SyntaxError>,
}

impl Steps {
    /// A reader at the start of the text, reporting to `cx`.
    pub fn new(cx: Cx) -> Self {
        Self {
            pos: 0,
            stage: Stage::Start,
            start: 0,
            seen: Vec::new(),
            names_required: false,
            dataset: Dataset::default(),
            map: SourceMap::default(),
            cx,
            broken: BrokenIds::default(),
            failed: None,
        }
    }

    /// Reads up to `items` more list items of `text` (which must be the same text every time). Returns
    /// true when reading is over: the dataset is complete or a syntax error stopped it.
    pub fn step(&mut self, text: &str, items: usize) -> bool {
        self.step_window(text, (0, 0), false, items)
    }

    /// Reads on from [`Self::pos`] in `window`, the part of the file that starts at byte `base`, after
    /// `lines` lines, and holds at least that position. With `more` coming (not the end of the file), a
    /// unit cut off by the end of the window is undone and false returned: the caller drops the text
    /// before [`Self::pos`], appends more and calls again. Returns true when reading is over.
    pub fn step_window(&mut self, window: &str, (base, lines): (usize, usize), more: bool, items: usize) -> bool {
        self.cx.base = base;
        let mut p =
            Parser::at(window, self.pos.saturating_sub(base)).window(lines, more).names_required(self.names_required);
        let mut mark = self.checkpoint();
        let result = self.run(&mut p, items, more, &mut mark);
        self.pos = base + p.pos();
        match result {
            Ok(done) => done,
            // Only a unit that ran into the end of the window may have been cut off by it; any other
            // error is real, and reported at once rather than after reading the rest of the file.
            Err(e) if more && p.hit_end() && e.message != CANCELLED => {
                self.rollback(mark);
                false
            }
            Err(e) => {
                self.failed = Some(SyntaxError { offset: base + e.offset, ..e });
                self.stage = Stage::Done;
                true
            }
        }
    }

    /// Bytes read so far.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn lists(&self) -> [usize; 4] {
        let d = &self.dataset;
        [d.sources.len(), d.locations.len(), d.initiatives.len(), d.eras.len()]
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            stage: self.stage,
            seen: self.seen.len(),
            issues: self.cx.issues.len(),
            dropped: self.broken.initiatives_dropped,
            items: self.lists(),
        }
    }

    fn rollback(&mut self, mark: Checkpoint) {
        let [sources, locations, initiatives, eras] = mark.items;
        let (d, m) = (&mut self.dataset, &mut self.map);
        d.sources.truncate(sources);
        m.sources.truncate(sources);
        d.locations.truncate(locations);
        m.locations.truncate(locations);
        d.initiatives.truncate(initiatives);
        m.initiatives.truncate(initiatives);
        d.eras.truncate(eras);
        m.eras.truncate(eras);
        self.seen.truncate(mark.seen);
        self.cx.issues.truncate(mark.issues);
        self.broken.initiatives_dropped = mark.dropped;
        // `broken.ids` is a set: the unit read again adds the same id again, which changes nothing.
        (self.pos, self.stage) = (mark.pos, mark.stage);
    }

    fn run(&mut self, p: &mut Parser<'_>, mut budget: usize, more: bool, mark: &mut Checkpoint) -> Parse<bool> {
        loop {
            self.pos = self.cx.base + p.pos();
            *mark = self.checkpoint();
            p.clear_hit_end();
            // A multi-line string is a likely unclosed quote only in the unit being read (so a file read
            // in chunks, with a new reader per window, says the same; found by the fuzzer).
            p.multiline_string = None;
            match self.stage {
                Stage::Start => self.begin(p)?,
                Stage::Fields => self.field(p)?,
                Stage::List(list) => {
                    if budget == 0 {
                        return Ok(false);
                    }
                    budget -= 1;
                    self.list_item(p, list)?;
                }
                // Whether anything follows the dataset is known only at the end of the file.
                Stage::End if more => {
                    p.mark_end();
                    return Err(p.error("more text is coming", None));
                }
                Stage::End => {
                    self.end(p)?;
                    self.stage = Stage::Done;
                }
                Stage::Done => return Ok(true),
            }
            // A unit that looked past the end of the window may have decided on too little text (`,`
            // then a comment the window cut: "no `]` follows", where the whole file says "the comment
            // is never closed"; found by the fuzzer): it is read again with more.
            if more && p.hit_end() {
                return Err(p.error("more text is coming", None));
            }
        }
    }

    fn begin(&mut self, p: &mut Parser<'_>) -> Parse<()> {
        if self.cx.base + p.pos() == 0 {
            p.skip_bom();
        }
        p.skip_attributes()?;
        self.names_required = p.requires_names();
        if p.at_end()? {
            return Err(p.error("the file is empty", Some("a dataset starts with `Dataset(meta: Meta(…), …)`")));
        }
        self.start = self.cx.base + p.pos();
        let name = p.ident()?;
        if name.is_none() && self.names_required && p.eat(b'(')? {
            return Err(p.struct_name_missing());
        }
        if let Some((name, span)) = name
            && name != "Dataset"
        {
            self.cx.error(
                ProblemKind::WrongType,
                span,
                format!("expected `Dataset(…)`, found `{name}`"),
                Some("a dataset file holds one `Dataset(…)`".to_owned()),
            );
        }
        p.expect_byte(b'(')?;
        self.stage = Stage::Fields;
        Ok(())
    }

    /// One top-level field: a list opens (its items come in later steps); anything else is read whole.
    fn field(&mut self, p: &mut Parser<'_>) -> Parse<()> {
        if p.eat(b')')? {
            self.stage = Stage::End;
            return Ok(());
        }
        let Some((name, name_span)) = p.ident()? else {
            let found = p.found();
            return Err(
                p.error(format!("expected a field name, found {found}"), Some("fields are written `name: value`"))
            );
        };
        p.expect_byte(b':')?;
        if self.seen.iter().any(|s| s == name) {
            let message = format!("field `{name}` is given twice in Dataset");
            self.cx.error(ProblemKind::DuplicateField, name_span, message, None);
        }
        self.seen.push(name.to_owned());
        let list = match name {
            "sources" => Some((List::Sources, "Source")),
            "locations" => Some((List::Locations, "Location")),
            "initiatives" => Some((List::Initiatives, "Initiative")),
            "eras" => Some((List::Eras, "Era")),
            _ => None,
        };
        match list {
            Some((list, what)) => {
                if p.eat(b'[')? {
                    self.stage = Stage::List(list);
                    return Ok(());
                }
                let node = p.value()?;
                let message = format!("expected a list of {what} in [brackets], found {}", node.kind.describe());
                self.cx.error(ProblemKind::WrongType, node.span, message, None);
            }
            None if name == "meta" => {
                let node = p.value()?;
                let (meta, mut spans) = decode_item::<Meta>(&node, &mut self.cx);
                // The separator is read before anything is kept, so a meta cut off by the end of a
                // window leaves nothing behind.
                self.after_field(p)?;
                spans.shift(self.cx.base);
                self.map.meta = spans;
                self.dataset.meta = meta.unwrap_or_default();
                return Ok(());
            }
            None => {
                let hint = nearest(name, &TOP_FIELDS).map_or_else(
                    || format!("`Dataset` has the fields {}", TOP_FIELDS.join(", ")),
                    |n| format!("did you mean `{n}`?"),
                );
                let message = format!("unknown field `{name}` in Dataset");
                self.cx.error(ProblemKind::UnknownField, name_span, message, Some(hint));
                p.value()?;
            }
        }
        self.after_field(p)
    }

    /// After a field's value: `,` and more fields, or the closing `)`.
    fn after_field(&mut self, p: &mut Parser<'_>) -> Parse<()> {
        self.stage = if p.comma_or_close(b')')? { Stage::End } else { Stage::Fields };
        Ok(())
    }

    /// One item of a list (or its closing `]`), kept with its spans when it decodes.
    fn list_item(&mut self, p: &mut Parser<'_>, list: List) -> Parse<()> {
        if p.eat(b']')? {
            return self.after_field(p);
        }
        let node = p.value()?;
        // The separator is read before anything is kept, so an item cut off by the end of a window
        // leaves nothing behind.
        let closed = p.comma_or_close(b']')?;
        let (ds, map, cx) = (&mut self.dataset, &mut self.map, &mut self.cx);
        let kept = match list {
            List::Sources => keep(&node, cx, (&mut ds.sources, &mut map.sources)),
            List::Locations => keep(&node, cx, (&mut ds.locations, &mut map.locations)),
            List::Initiatives => keep(&node, cx, (&mut ds.initiatives, &mut map.initiatives)),
            List::Eras => keep(&node, cx, (&mut ds.eras, &mut map.eras)),
        };
        let collection = list.collection();
        if !kept {
            if collection == Collection::Initiatives {
                self.broken.initiatives_dropped += 1;
            }
            if let Some(id) = id_of(&node) {
                self.broken.ids.insert((collection, id));
            }
        }
        if let Some(progress) = &self.cx.progress {
            progress.done.store((self.cx.base + p.pos()) as u64, std::sync::atomic::Ordering::Relaxed);
            if progress.cancelled() {
                return Err(p.error(CANCELLED, Some("open the file again to load it")));
            }
        }
        if closed {
            return self.after_field(p);
        }
        Ok(())
    }

    fn end(&mut self, p: &mut Parser<'_>) -> Parse<()> {
        if !p.at_end()? {
            let found = p.found();
            return Err(p.error(
                format!("unexpected {found} after the end of the dataset"),
                Some("a file holds one Dataset(…)"),
            ));
        }
        if !self.seen.iter().any(|s| s == "meta") {
            // `start` is a file offset, and `error` shifts by the window's base: not again (a file read
            // in chunks put this at the end of the file; found by the fuzzer).
            let base = std::mem::take(&mut self.cx.base);
            self.cx.error(
                ProblemKind::MissingField,
                Span::new(self.start, self.start),
                "Dataset is missing the required field `meta`".to_owned(),
                Some("add `meta: Meta(title: \"…\", as_of: \"2025-01-01\")`".to_owned()),
            );
            self.cx.base = base;
        }
        Ok(())
    }
}

/// Decodes one list item into `items`; false when it did not decode (its problems are in `cx`).
fn keep<T: Item>(node: &Node<'_>, cx: &mut Cx, (items, spans): (&mut Vec<T>, &mut Vec<Span>)) -> bool {
    let Some(item) = decode::<T>(node, cx) else { return false };
    items.push(item);
    spans.push(node.span.shifted(cx.base));
    true
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
