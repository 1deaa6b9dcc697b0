//! Saving edits back into the file they came from, losing nothing the user wrote: each changed field
//! of an edited item is replaced in the original text at its byte span (a field the item did not
//! have is added on a line of its own after the field before it; a field emptied is cut with its
//! line); new items go at the end of their list with the list's indentation; deleted items are cut
//! with the comment lines just above them. Every other byte — comments, blank lines, order, the
//! `#![enable]` line, the user's own formatting of untouched fields — stays as it was.
//!
//! Which fields changed is decided by writing the item before and after the edit in our style and
//! comparing field by field, so an untouched field is never rewritten because it was formatted
//! differently. The caller loads the patched text again and checks it reads back to the edited
//! dataset before writing it.

use crate::formats::export::ron::{ItemRef, item_to_ron};
use crate::formats::problem::Span;
use crate::formats::ron::node::{Field, Kind, Parser};
use crate::formats::source_map::SourceMap;
use crate::model::finding::Collection;

/// One edited item: where it was in the file's list, and what it is now (`None`: deleted).
#[derive(Clone, Copy, Debug)]
pub struct Edit<'a> {
    /// Which list.
    pub collection: Collection,
    /// Its position in the list as the file has it (the source map's index).
    pub at: usize,
    /// The item as it was loaded.
    pub before: ItemRef<'a>,
    /// The item now; `None` when it was deleted.
    pub after: Option<ItemRef<'a>>,
}

/// A change to make to the text: replace `span` by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Splice {
    span: Span,
    text: String,
}

/// The original text with `edits` applied and `added` items appended to their lists. An error says
/// why the text could not be patched (an item's span no longer reads as that item; a list to append
/// to is not in the file): the caller then writes the whole dataset instead, or asks.
pub fn patch(
    original: &str,
    map: &SourceMap,
    edits: &[Edit<'_>],
    added: &[(Collection, ItemRef<'_>)],
) -> Result<String, String> {
    let implicit = implicit_some(original);
    let mut splices = Vec::new();
    for edit in edits {
        let span = item_span(map, edit.collection, edit.at)
            .ok_or_else(|| format!("item {} of {:?} is not in the file", edit.at, edit.collection))?;
        match edit.after {
            None => splices.push(Splice { span: cut_span(original, span), text: String::new() }),
            Some(after) => splices.extend(field_splices(original, span, edit.before, after, implicit)?),
        }
    }
    for collection in [Collection::Sources, Collection::Locations, Collection::Initiatives, Collection::Eras] {
        let items: Vec<ItemRef<'_>> = added.iter().filter(|(c, _)| *c == collection).map(|(_, i)| *i).collect();
        if !items.is_empty() {
            let deleted: Vec<usize> =
                edits.iter().filter(|e| e.collection == collection && e.after.is_none()).map(|e| e.at).collect();
            splices.push(append_splice(original, map, collection, &items, &deleted, implicit)?);
        }
    }
    splices.sort_by_key(|s| std::cmp::Reverse((s.span.start, s.span.end)));
    let mut text = original.to_owned();
    let mut limit = usize::MAX;
    for splice in splices {
        if splice.span.end > limit || splice.span.end > text.len() {
            return Err("two changes overlap in the file".to_owned());
        }
        text.replace_range(splice.span.start..splice.span.end, &splice.text);
        limit = splice.span.start;
    }
    Ok(text)
}

/// Whether the file enables `implicit_some` (optional values written bare), in its leading lines.
fn implicit_some(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.is_empty() || l.starts_with("//") || l.starts_with("#!"))
        .any(|l| l.starts_with("#!") && l.contains("implicit_some"))
}

fn item_span(map: &SourceMap, collection: Collection, at: usize) -> Option<Span> {
    match collection {
        Collection::Meta => Some(map.meta.item),
        Collection::Sources => map.sources.get(at).copied(),
        Collection::Locations => map.locations.get(at).copied(),
        Collection::Initiatives => map.initiatives.get(at).copied(),
        Collection::Eras => map.eras.get(at).copied(),
    }
}

/// The fields of a struct written in `text` (whole), as `(name, name span, value span)`.
fn fields_of(text: &str) -> Option<Vec<(String, Span, Span)>> {
    let node = Parser::at(text, 0).value().ok()?;
    let Kind::Struct { fields, .. } = node.kind else { return None };
    Some(fields.iter().map(|f: &Field<'_>| (f.name.to_owned(), f.name_span, f.value.span)).collect())
}

/// The splices that turn the item at `span` (in `original`) from `before` into `after`, a field at a time.
fn field_splices(
    original: &str,
    span: Span,
    before: ItemRef<'_>,
    after: ItemRef<'_>,
    implicit: bool,
) -> Result<Vec<Splice>, String> {
    let (old_ours, new_ours) = (item_to_ron(before, implicit), item_to_ron(after, implicit));
    let (old_fields, new_fields) = (fields_of(&old_ours).unwrap_or_default(), fields_of(&new_ours).unwrap_or_default());
    let item_text = original.get(span.start..span.end).ok_or("the item's span is outside the file")?;
    let in_file = fields_of(item_text).ok_or("the item in the file no longer reads as a struct")?;
    let value = |text: &str, fields: &[(String, Span, Span)], name: &str| {
        fields.iter().find(|(n, _, _)| n == name).map(|(_, _, v)| text[v.start..v.end].to_owned())
    };
    let names: Vec<String> = new_fields.iter().chain(&old_fields).map(|(n, _, _)| n.clone()).collect();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for name in names {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        let (was, now) = (value(&old_ours, &old_fields, &name), value(&new_ours, &new_fields, &name));
        if was == now {
            continue;
        }
        let here =
            in_file.iter().find(|(n, _, _)| *n == name).map(|(_, n, v)| (n.shifted(span.start), v.shifted(span.start)));
        match (here, now) {
            (Some((_, value_span)), Some(now)) => {
                let indent = line_indent(original, value_span.start);
                out.push(Splice { span: value_span, text: reindent(&now, &indent) });
            }
            (Some((name_span, value_span)), None) => {
                out.push(Splice { span: field_cut(original, name_span, value_span), text: String::new() });
            }
            (None, Some(now)) => {
                // After the field that comes before it in our order, else after the last field.
                let order: Vec<&str> = new_fields.iter().map(|(n, _, _)| n.as_str()).collect();
                let position = order.iter().position(|n| *n == name).unwrap_or(order.len());
                let previous = order[..position].iter().rev().find_map(|p| in_file.iter().find(|(n, _, _)| n == p));
                let anchor = previous.or(in_file.last()).ok_or("the item has no field to put the new one after")?;
                let (name_at, value_end) = (anchor.1.shifted(span.start), anchor.2.shifted(span.start).end);
                let indent = line_indent(original, name_at.start);
                let (at, comma) = after_comma(original, value_end);
                let text = format!("{}\n{indent}{name}: {},", if comma { "" } else { "," }, reindent(&now, &indent));
                out.push(Splice { span: Span::new(at, at), text });
            }
            (None, None) => {}
        }
    }
    Ok(out)
}

/// The whitespace at the start of the line holding `at`.
fn line_indent(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[start..at].chars().take_while(|c| *c == ' ' || *c == '\t').collect()
}

/// Where to insert after a value ending at `end`: after its comma when it has one.
fn after_comma(text: &str, end: usize) -> (usize, bool) {
    let rest = &text[end..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[skipped..].starts_with(',') { (end + skipped + 1, true) } else { (end, false) }
}

/// A value written at no indent, moved to sit under a field indented by `indent`: every continuation
/// line gets the field's indent instead of our one level, except lines inside a multi-line raw
/// string (re-indenting them would change the string).
fn reindent(value: &str, indent: &str) -> String {
    let mut lines = value.lines();
    let mut out = lines.next().unwrap_or_default().to_owned();
    let mut in_raw = opens_raw(&out, false);
    for line in lines {
        out.push('\n');
        if in_raw {
            out.push_str(line);
        } else {
            out.push_str(indent);
            out.push_str(line.strip_prefix("    ").unwrap_or(line));
        }
        in_raw = opens_raw(line, in_raw);
    }
    out
}

/// Whether a raw string (`r#"…"#`, as our writer makes them) is still open after `line`.
fn opens_raw(line: &str, mut open: bool) -> bool {
    let mut rest = line;
    loop {
        let next = if open { rest.find("\"#") } else { rest.find("r#\"") };
        match next {
            Some(at) => {
                rest = &rest[at + 2..];
                open = !open;
            }
            None => return open,
        }
    }
}

/// The span to cut for a field: its whole line(s) with the comma and line break when it has its
/// lines to itself, else from its name to after its comma.
fn field_cut(text: &str, name: Span, value: Span) -> Span {
    let (end, _) = after_comma(text, value.end);
    let line_start = text[..name.start].rfind('\n').map_or(0, |n| n + 1);
    let alone_before = text[line_start..name.start].trim().is_empty();
    let rest = &text[end..];
    let line_end = rest.find('\n').map_or(text.len(), |n| end + n + 1);
    if alone_before && text[end..line_end].trim().is_empty() {
        Span::new(line_start, line_end)
    } else {
        Span::new(name.start, end)
    }
}

/// The span to cut for a deleted item: its lines with the comma, and the comment lines just above it.
fn cut_span(text: &str, item: Span) -> Span {
    let mut cut = field_cut(text, item, item);
    if cut.start == text[..item.start].rfind('\n').map_or(0, |n| n + 1) {
        // Comment lines right above belong to it.
        let mut start = cut.start;
        while start > 0 {
            let prev_start = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
            if !text[prev_start..start].trim_start().starts_with("//") {
                break;
            }
            start = prev_start;
        }
        cut.start = start;
    }
    cut
}

/// Appends `items` after the last item of their list, at its indentation.
fn append_splice(
    text: &str,
    map: &SourceMap,
    collection: Collection,
    items: &[ItemRef<'_>],
    deleted: &[usize],
    implicit: bool,
) -> Result<Splice, String> {
    let spans = match collection {
        Collection::Sources => &map.sources,
        Collection::Locations => &map.locations,
        Collection::Initiatives => &map.initiatives,
        Collection::Eras => &map.eras,
        Collection::Meta => return Err("the meta block is not a list".to_owned()),
    };
    // After the last item that stays (a deleted one is cut, with the place after it).
    let Some(last) = (0..spans.len()).rev().find(|i| !deleted.contains(i)).and_then(|i| spans.get(i)) else {
        // Every item is deleted: the new ones go where the first one began, each on its own lines.
        let first = spans.first().ok_or_else(|| format!("the file has no {collection:?} to add to"))?;
        let indent = line_indent(text, first.start);
        let at = first.start - indent.len();
        let mut insert = String::new();
        for item in items {
            insert.push_str(&indent);
            insert.push_str(&reindent(&item_to_ron(*item, implicit), &indent));
            insert.push_str(
                ",
",
            );
        }
        return Ok(Splice { span: Span::new(at, at), text: insert });
    };
    let indent = line_indent(text, last.start);
    let (at, comma) = after_comma(text, last.end);
    let mut insert = if comma { String::new() } else { ",".to_owned() };
    for item in items {
        insert.push('\n');
        insert.push_str(&indent);
        insert.push_str(&reindent(&item_to_ron(*item, implicit), &indent));
        insert.push(',');
    }
    Ok(Splice { span: Span::new(at, at), text: insert })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::FuzzyDate;

    const DATA: &str = include_str!("../../../data/us-japan-2023.ron");

    fn loaded() -> (crate::model::Dataset, SourceMap) {
        let loaded = crate::formats::load_str(DATA);
        (loaded.dataset.unwrap_or_default(), loaded.source_map)
    }

    /// Lines of `a` and `b` that differ, as (line number, old, new), when both have as many lines.
    fn changed_lines(a: &str, b: &str) -> Vec<(usize, String, String)> {
        a.lines()
            .zip(b.lines())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(n, (x, y))| (n + 1, x.to_owned(), y.to_owned()))
            .collect()
    }

    #[test]
    fn one_date_changed_is_one_line_changed() {
        let (ds, map) = loaded();
        let i = ds.initiatives.iter().position(|x| x.id == "12mlr-capabilities").unwrap_or_default();
        let mut edited = ds.initiatives[i].clone();
        edited.target = "by 2026".parse::<FuzzyDate>().ok();
        let edit = Edit {
            collection: Collection::Initiatives,
            at: i,
            before: ItemRef::Initiative(&ds.initiatives[i]),
            after: Some(ItemRef::Initiative(&edited)),
        };
        let text = patch(DATA, &map, &[edit], &[]).unwrap_or_default();
        assert_eq!(text.lines().count(), DATA.lines().count());
        // The item's own `target:` line, wherever the file has it.
        let item = DATA.find("id: \"12mlr-capabilities\"").unwrap_or_default();
        let line = DATA[..item + DATA[item..].find("target: \"by 2025\"").unwrap_or_default()].lines().count();
        assert_eq!(
            changed_lines(DATA, &text),
            [(line, "            target: \"by 2025\",".to_owned(), "            target: \"by 2026\",".to_owned())]
        );
    }

    #[test]
    fn adds_cuts_and_appends_and_reads_back_to_the_edited_dataset() {
        let (ds, map) = loaded();
        let mut want = ds.clone();
        // Field added (a status note where there was none), field cut (a target), a list changed, an
        // item deleted, an item added.
        let a = want.initiatives.iter().position(|x| x.status_note.is_none() && x.target.is_some()).unwrap_or_default();
        want.initiatives[a].status_note = Some("Checked again on 2 Dec 2026.".to_owned());
        want.initiatives[a].target = None;
        want.initiatives[a].tags.push("edited".to_owned());
        let gone = want
            .initiatives
            .iter()
            .position(|x| x.related.is_empty() && !ds.initiatives.iter().any(|o| o.related.contains(&x.id)))
            .unwrap_or_default();
        let removed = want.initiatives.remove(gone);
        let mut new = want.initiatives[0].clone();
        new.id = "added-in-the-app".to_owned();
        new.title = "Added in the app".to_owned();
        new.related.clear();
        want.initiatives.push(new.clone());
        let edits = [
            Edit {
                collection: Collection::Initiatives,
                at: a,
                before: ItemRef::Initiative(&ds.initiatives[a]),
                after: Some(ItemRef::Initiative(&want.initiatives[if gone < a { a - 1 } else { a }])),
            },
            Edit {
                collection: Collection::Initiatives,
                at: gone,
                before: ItemRef::Initiative(&ds.initiatives[gone]),
                after: None,
            },
        ];
        let text =
            patch(DATA, &map, &edits, &[(Collection::Initiatives, ItemRef::Initiative(&new))]).unwrap_or_default();
        let back = crate::formats::load_str(&text);
        assert!(back.problems.iter().all(|p| !p.is_error()), "{:#?}", back.problems);
        assert_eq!(back.dataset.as_ref(), Some(&want));
        assert!(!text.contains(&format!("id: \"{}\"", removed.id)));
        // Everything outside the edited items is as it was: the start, and the comment lines.
        let first = map.initiatives[a.min(gone)].start;
        assert_eq!(&text[..first], &DATA[..first]);
        let comments = |t: &str| t.lines().filter(|l| l.trim_start().starts_with("//")).count();
        assert!(
            comments(&text) <= comments(DATA) && comments(&text) + 3 >= comments(DATA),
            "only a deleted item's own comments go"
        );
    }
}
