//! Relations as the template writes them: a `relations` column of `kind:id (note)` entries joined
//! with `;` (`enables:12mlr-redesignation; depends on:x`), or a column per kind (`enables`,
//! `depends on`, …) holding a `;` list of ids.

use super::cells::Out;
use crate::formats::problem::ProblemKind;
use crate::model::finding::nearest;
use crate::model::types::{Rel, RelKind};

/// The kinds' labels, for hints.
fn kinds() -> String {
    RelKind::ALL.map(RelKind::label).join(", ")
}

/// The cell's entries: split at each `;` outside brackets (a note may hold a `;`).
fn entries(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    text.split(move |c: char| {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        c == ';' && depth == 0
    })
}

/// The relations of a `relations` cell; each entry that does not read is an error at `at`.
pub fn parse(text: &str, at: &str, out: &mut Out) -> Vec<Rel> {
    let mut rels = Vec::new();
    for part in entries(text).map(str::trim).filter(|t| !t.is_empty()) {
        let Some((kind, rest)) = part.split_once(':') else {
            let message = format!("\"{part}\" is not a relation written kind:id");
            out.error(
                ProblemKind::WrongType,
                at.to_owned(),
                message,
                Some(format!("e.g. enables:other-id; the kinds are: {}", kinds())),
            );
            continue;
        };
        let Some(kind) = RelKind::from_label(kind) else {
            let labels = RelKind::ALL.map(RelKind::label);
            let hint = nearest(kind.trim(), &labels).map_or_else(
                || format!("the kinds are: {}", kinds()),
                |near| format!("did you mean \"{near}\"? (the kinds are: {})", kinds()),
            );
            let message = format!("\"{}\" is not a relation kind", kind.trim());
            out.error(ProblemKind::WrongType, at.to_owned(), message, Some(hint));
            continue;
        };
        let rest = rest.trim();
        let split = rest.find(|c: char| c.is_whitespace() || c == '(').unwrap_or(rest.len());
        let (to, note) = rest.split_at(split);
        if to.is_empty() {
            let message = format!("the relation \"{part}\" names no initiative");
            out.error(
                ProblemKind::MissingField,
                at.to_owned(),
                message,
                Some("write kind:id, e.g. enables:other-id".to_owned()),
            );
            continue;
        }
        let note = note.trim();
        let note = note.strip_prefix('(').and_then(|n| n.strip_suffix(')')).unwrap_or(note).trim();
        rels.push(Rel { to: to.to_owned(), kind, note: (!note.is_empty()).then(|| note.to_owned()) });
    }
    rels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_and_bad_kinds_are_hinted() {
        // As the CSV exporter writes them.
        let text = "depends on:a; part of:b-2 (unit of (the; first) regiment); enables:c";
        let rels = [
            Rel { to: "a".to_owned(), kind: RelKind::DependsOn, note: None },
            Rel { to: "b-2".to_owned(), kind: RelKind::PartOf, note: Some("unit of (the; first) regiment".to_owned()) },
            Rel { to: "c".to_owned(), kind: RelKind::Enables, note: None },
        ];
        let mut out = Out::default();
        assert_eq!(parse(text, "C2", &mut out), rels);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        assert_eq!(parse("DependsOn: a; part-of:b", "C2", &mut out).len(), 2);
        assert_eq!(parse("enabels:x; nothing", "C3", &mut out), Vec::new());
        let [bad_kind, no_colon] = out.problems.as_slice() else { panic!("two problems: {:?}", out.problems) };
        assert_eq!(bad_kind.message, "\"enabels\" is not a relation kind");
        let hint = bad_kind.hint.as_deref().unwrap_or_default();
        assert!(hint.starts_with("did you mean \"enables\"?") && hint.contains("contradicts"), "{hint}");
        assert!(no_colon.message.contains("kind:id"));
    }
}
