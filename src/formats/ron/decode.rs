//! Turning spanned RON values into typed values, collecting every problem instead of stopping at the
//! first: unknown fields (with the nearest known name), missing fields, wrong types, bad dates.

use crate::formats::problem::{Problem, ProblemKind, Severity, Span};
use crate::formats::ron::node::{Field, Kind, Node};
use crate::model::date::{DATE_SYNTAX_HINT, FuzzyDate};
pub use crate::model::finding::nearest;
use crate::model::schema::UnitEnum;

/// A problem found while decoding or validating, located by byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// Where.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// The issues as problems at their lines and columns (`locate` turns byte offsets into them), in file
/// order.
pub fn problems_from(issues: Vec<Issue>, locate: impl FnOnce(&[usize]) -> Vec<(usize, usize)>) -> Vec<Problem> {
    let offsets: Vec<usize> = issues.iter().map(|i| i.span.start).collect();
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .zip(locate(&offsets))
        .map(|(i, at)| Problem { hint: i.hint, ..Problem::at(i.severity, i.kind, at, i.message) })
        .collect();
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

/// Collects issues while decoding.
#[derive(Debug, Default)]
pub struct Cx {
    /// Everything found so far.
    pub issues: Vec<Issue>,
    /// Where to report progress and look for a cancel, when loading in the background.
    pub progress: Option<std::sync::Arc<crate::formats::loaded::Progress>>,
    /// Where the text being decoded starts in its file (a file read in chunks); added to every span.
    pub base: usize,
}

impl Cx {
    /// Records an error.
    pub fn error(&mut self, kind: ProblemKind, span: Span, message: String, hint: Option<String>) {
        self.issues.push(Issue { severity: Severity::Error, kind, span: span.shifted(self.base), message, hint });
    }

    fn wrong_type(&mut self, node: &Node<'_>, expected: &str) {
        self.error(
            ProblemKind::WrongType,
            node.span,
            format!("expected {expected}, found {}", node.kind.describe()),
            None,
        );
    }
}

/// Types that can be read from a spanned RON value. `None` means the value was bad and the problem
/// has been recorded.
pub trait FromNode: Sized {
    /// Reads the value, recording problems in `cx`.
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self>;
}

impl FromNode for String {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        if let Kind::Str(s) = &node.kind {
            return Some(s.to_string());
        }
        cx.wrong_type(node, "a string in \"double quotes\"");
        None
    }
}

impl FromNode for f64 {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        if let Kind::Number { value, .. } = node.kind {
            return Some(value);
        }
        cx.wrong_type(node, "a number");
        None
    }
}

impl FromNode for bool {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        if let Kind::Bool(value) = node.kind {
            return Some(value);
        }
        cx.wrong_type(node, "true or false");
        None
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        let Kind::List(items) = &node.kind else {
            cx.wrong_type(node, "a list in [brackets]");
            return None;
        };
        let mut out = Self::with_capacity(items.len());
        let mut all_good = true;
        for item in items {
            match T::from_node(item, cx) {
                Some(v) => out.push(v),
                None => all_good = false,
            }
        }
        all_good.then_some(out)
    }
}

impl<T: FromNode> FromNode for Option<T> {
    /// Accepts `None`, `Some(x)` and a bare `x` (RON's `implicit_some`).
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        match &node.kind {
            Kind::None => Some(None),
            Kind::Some(inner) => T::from_node(inner, cx).map(Some),
            _ => T::from_node(node, cx).map(Some),
        }
    }
}

impl FromNode for FuzzyDate {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        let Kind::Str(text) = &node.kind else {
            cx.wrong_type(node, "a date string such as \"2023-01-11\" or \"by 2025\"");
            return None;
        };
        match text.parse::<Self>() {
            Ok(date) => Some(date),
            Err(e) => {
                // Offsets map exactly when the string has no escapes, which dates never need.
                let at = node.span.start + 1 + e.offset;
                cx.error(
                    ProblemKind::BadDate,
                    Span::new(at, at),
                    format!("bad date \"{text}\": {}", e.message),
                    Some(DATE_SYNTAX_HINT.to_owned()),
                );
                None
            }
        }
    }
}

/// A unit enum is read from a bare RON identifier; its names (for the nearest-name suggestion too) are
/// the enum's own [`UnitEnum::NAMES`].
impl<T: UnitEnum> FromNode for T {
    fn from_node(node: &Node<'_>, cx: &mut Cx) -> Option<Self> {
        let Kind::Ident(name) = &node.kind else {
            cx.error(
                ProblemKind::WrongType,
                node.span,
                format!("expected {}, found {}", T::WHAT, node.kind.describe()),
                Some(format!("one of: {}", T::NAMES.join(", "))),
            );
            return None;
        };
        if let Some(value) = T::from_name(name) {
            return Some(value);
        }
        let names = T::NAMES.join(", ");
        let hint = match nearest(name, T::NAMES) {
            Some(near) => format!("did you mean `{near}`? (one of: {names})"),
            None => format!("one of: {names}"),
        };
        cx.error(ProblemKind::WrongType, node.span, format!("`{name}` is not {}", T::WHAT), Some(hint));
        None
    }
}

/// The fields of one struct value, checked against the fields its type has.
#[derive(Debug)]
pub struct Fields<'n, 's> {
    span: Span,
    type_name: &'static str,
    known: &'static [&'static str],
    list: &'n [Field<'s>],
}

impl<'n, 's> Fields<'n, 's> {
    /// Opens a struct value of type `type_name`, reporting unknown and repeated fields.
    pub fn open(
        node: &'n Node<'s>,
        type_name: &'static str,
        known: &'static [&'static str],
        cx: &mut Cx,
    ) -> Option<Self> {
        let fields: &[Field<'s>] = match &node.kind {
            Kind::Struct { name, fields } if name.is_none_or(|n| n == type_name) => fields,
            Kind::Unit => &[],
            Kind::Tuple { name, items } if items.is_empty() && *name == Some(type_name) => &[],
            _ => {
                cx.error(
                    ProblemKind::WrongType,
                    node.span,
                    format!("expected a `{type_name}(…)` struct, found {}", node.kind.describe()),
                    Some(format!("write {type_name}({}: …, …)", known.first().copied().unwrap_or("field"))),
                );
                return None;
            }
        };
        for (i, field) in fields.iter().enumerate() {
            if !known.contains(&field.name) {
                let hint = match nearest(field.name, known) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("`{type_name}` has the fields {}", known.join(", ")),
                };
                cx.error(
                    ProblemKind::UnknownField,
                    field.name_span,
                    format!("unknown field `{}` in {type_name}", field.name),
                    Some(hint),
                );
            } else if fields.iter().take(i).any(|f| f.name == field.name) {
                cx.error(
                    ProblemKind::DuplicateField,
                    field.name_span,
                    format!("field `{}` is given twice in {type_name}", field.name),
                    Some("remove one of them".to_owned()),
                );
            }
        }
        Some(Self { span: node.span, type_name, known, list: fields })
    }

    /// The value node of a field, if present.
    pub fn node(&self, name: &str) -> Option<&'n Node<'s>> {
        self.list.iter().find(|f| f.name == name).map(|f| &f.value)
    }

    /// Span of the whole struct.
    pub fn span(&self) -> Span {
        self.span
    }

    /// A required field; a missing one is reported at the struct.
    pub fn req<T: FromNode>(&self, name: &str, cx: &mut Cx) -> Option<T> {
        if let Some(node) = self.node(name) {
            return T::from_node(node, cx);
        }
        // A misspelt field is already reported as unknown with this name as its suggestion (a known
        // field that looks like this one, `end` for `id`, is not a misspelling of it).
        let misspelt =
            self.list.iter().any(|f| !self.known.contains(&f.name) && nearest(f.name, self.known) == Some(name));
        if misspelt {
            return None;
        }
        cx.error(
            ProblemKind::MissingField,
            Span::new(self.span.start, self.span.start),
            format!("{} is missing the required field `{name}`", self.type_name),
            Some(format!("add `{name}: …` to this {}", self.type_name)),
        );
        None
    }

    /// An optional field that falls back to its default when absent. `None` only when present but bad.
    pub fn or_default<T: FromNode + Default>(&self, name: &str, cx: &mut Cx) -> Option<T> {
        match self.node(name) {
            Some(node) => T::from_node(node, cx),
            None => Some(T::default()),
        }
    }

    /// Records the value span of every present field (and of each list element) for later checks.
    pub fn record_spans(&self, known: &[&'static str]) -> crate::formats::source_map::ItemSpans {
        let mut spans = crate::formats::source_map::ItemSpans::new(self.span);
        for field in self.list {
            let Some(name) = known.iter().copied().find(|k| *k == field.name) else {
                continue;
            };
            spans.fields.push((name, field.value.span));
            if let Kind::List(items) = &field.value.kind {
                spans.elements.extend(items.iter().enumerate().map(|(i, n)| (name, i, n.span)));
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_name_catches_typos_but_not_strangers() {
        let known = ["title", "summary", "places", "lines_of_effort"];
        assert_eq!(nearest("titel", &known), Some("title"));
        assert_eq!(nearest("place", &known), Some("places"));
        assert_eq!(nearest("line_of_effort", &known), Some("lines_of_effort"));
        assert_eq!(nearest("zzzzzz", &known), None);
    }
}
