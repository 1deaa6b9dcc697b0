//! A small RON reader that keeps the byte span of every value, so later stages can say exactly where a
//! problem is. It reads the RON that data files use (structs, tuples, lists, maps, strings, raw strings,
//! numbers, booleans, chars, `Some`/`None`, unit variants, comments, `#![enable(..)]` attributes) and
//! stops at the first syntax error with its position. Nesting is limited to [`MAX_DEPTH`] so hostile
//! input cannot overflow the stack.

use std::borrow::Cow;
use std::cell::Cell;

use crate::formats::problem::{ProblemKind, Span};

/// Deepest nesting of values accepted.
pub const MAX_DEPTH: usize = 64;

/// A value and where it is in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'s> {
    /// Bytes the value covers.
    pub span: Span,
    /// The value.
    pub kind: Kind<'s>,
}

/// A named field of a struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'s> {
    /// Field name.
    pub name: &'s str,
    /// Where the name is.
    pub name_span: Span,
    /// Field value.
    pub value: Node<'s>,
}

/// The kinds of RON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'s> {
    /// `true` / `false`.
    Bool(bool),
    /// A number; `integer` when written without a fraction or exponent.
    Number {
        /// The value.
        value: f64,
        /// Written as an integer.
        integer: bool,
    },
    /// A string, escapes resolved.
    Str(Cow<'s, str>),
    /// A char literal.
    Char(char),
    /// `()`.
    Unit,
    /// A bare identifier: a unit enum variant or unit struct.
    Ident(&'s str),
    /// `None`.
    None,
    /// `Some(value)`.
    Some(Box<Node<'s>>),
    /// `[a, b]`.
    List(Vec<Node<'s>>),
    /// `{k: v}`.
    Map(Vec<(Node<'s>, Node<'s>)>),
    /// `Name(field: value, …)` or `(field: value, …)`.
    Struct {
        /// The type name, when written.
        name: Option<&'s str>,
        /// Fields in source order.
        fields: Vec<Field<'s>>,
    },
    /// `Name(a, b)` or `(a, b)`.
    Tuple {
        /// The type or variant name, when written.
        name: Option<&'s str>,
        /// Elements in order.
        items: Vec<Node<'s>>,
    },
}

impl Kind<'_> {
    /// What the value is, in words, for messages ("a string", "a list", …).
    pub fn describe(&self) -> String {
        match self {
            Self::Bool(_) => "a boolean".to_owned(),
            Self::Number { .. } => "a number".to_owned(),
            Self::Str(_) => "a string".to_owned(),
            Self::Char(_) => "a char".to_owned(),
            Self::Unit => "()".to_owned(),
            Self::Ident(name) => format!("the name `{name}`"),
            Self::None => "None".to_owned(),
            Self::Some(_) => "Some(…)".to_owned(),
            Self::List(_) => "a list".to_owned(),
            Self::Map(_) => "a map".to_owned(),
            Self::Struct { name: Some(n), .. } => format!("a `{n}(…)` struct"),
            Self::Struct { name: None, .. } => "a struct".to_owned(),
            Self::Tuple { .. } => "a tuple".to_owned(),
        }
    }
}

/// A syntax error: where, what, and a hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the error.
    pub offset: usize,
    /// What was expected or found.
    pub message: String,
    /// How to fix it.
    pub hint: Option<&'static str>,
    /// `Syntax` or `TooDeep`.
    pub kind: ProblemKind,
}

/// Result of reading.
pub type Parse<T> = Result<T, SyntaxError>;

/// Reads values from RON text.
#[derive(Debug)]
pub struct Parser<'s> {
    pub(super) src: &'s str,
    pub(super) pos: usize,
    depth: usize,
    /// Start of the last string literal read, when it ran over several lines: a likely unclosed quote.
    pub(super) multiline_string: Option<usize>,
    /// Lines of the file before `src` (when `src` is a window of a file read in chunks), for messages.
    lines_before: usize,
    /// Whether more text follows `src` (a window of a file read in chunks): then a line comment that
    /// runs to the end of `src` is left unread, as its end is not known yet.
    partial: bool,
    /// Set when the reader looked past the end of `src` (a token, string, comment or attribute ran
    /// into it): an error after that may only mean the window cut the unit off, not a real mistake.
    hit_end: Cell<bool>,
    /// `#![enable(explicit_struct_names)]`: a struct without its type name is an error.
    pub(super) names_required: bool,
}

impl<'s> Parser<'s> {
    /// A reader at the start of `src`.
    pub fn new(src: &'s str) -> Self {
        Self::at(src, 0)
    }

    /// A reader going on at byte `pos` of `src`, outside any nested value (where a stepwise read
    /// stopped between two list items).
    pub fn at(src: &'s str, pos: usize) -> Self {
        Self {
            src,
            pos: pos.min(src.len()),
            depth: 0,
            multiline_string: None,
            lines_before: 0,
            partial: false,
            hit_end: Cell::new(false),
            names_required: false,
        }
    }

    /// The same reader, told that `src` is a window of its file: it starts after `lines` lines, and
    /// more text follows it when `more`.
    #[must_use]
    pub fn window(mut self, lines: usize, more: bool) -> Self {
        self.lines_before = lines;
        self.partial = more;
        self
    }

    /// The same reader, told whether every struct must be written with its type name (the file
    /// enables `explicit_struct_names`).
    #[must_use]
    pub fn names_required(mut self, required: bool) -> Self {
        self.names_required = required;
        self
    }

    /// Whether the file asked for every struct's name (`#![enable(explicit_struct_names)]`).
    pub fn requires_names(&self) -> bool {
        self.names_required
    }

    /// Skips a UTF-8 byte-order mark, if one is next (at the start of a file).
    pub fn skip_bom(&mut self) {
        if self.rest().starts_with('\u{FEFF}') {
            self.pos += '\u{FEFF}'.len_utf8();
        }
    }

    /// Current byte offset.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Whether the reader looked past the end of the text since [`Self::clear_hit_end`].
    pub fn hit_end(&self) -> bool {
        self.hit_end.get()
    }

    /// Forgets that the reader looked past the end (at the start of a unit).
    pub fn clear_hit_end(&self) {
        self.hit_end.set(false);
    }

    /// Notes that the reader ran into the end of the text.
    pub(super) fn mark_end(&self) {
        self.hit_end.set(true);
    }

    /// Whether the rest starts with `word`; a rest that is only the start of `word` counts as running
    /// into the end.
    pub(super) fn rest_starts_with(&self, word: &str) -> bool {
        let rest = self.rest();
        if rest.len() < word.len() && word.starts_with(rest) {
            self.mark_end();
        }
        rest.starts_with(word)
    }

    /// An error at the current position.
    pub fn error(&self, message: impl Into<String>, hint: Option<&'static str>) -> SyntaxError {
        SyntaxError { offset: self.pos, message: message.into(), hint, kind: ProblemKind::Syntax }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        let b = self.src.as_bytes().get(self.pos).copied();
        if b.is_none() {
            self.mark_end();
        }
        b
    }

    pub(super) fn peek_at(&self, n: usize) -> Option<u8> {
        let b = self.src.as_bytes().get(self.pos + n).copied();
        if b.is_none() {
            self.mark_end();
        }
        b
    }

    pub(super) fn rest(&self) -> &'s str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    /// Skips white space and comments (`//` and nested `/* */`).
    pub fn skip_ws(&mut self) -> Parse<()> {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => match self.rest().find('\n') {
                    Some(i) => self.pos += i,
                    None if self.partial => {
                        self.mark_end();
                        return Ok(());
                    }
                    None => self.pos = self.src.len(),
                },
                (Some(b'/'), Some(b'*')) => self.skip_block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Parse<()> {
        let start = self.pos;
        let mut level = 0usize;
        while self.pos < self.src.len() {
            match (self.peek(), self.peek_at(1)) {
                (Some(b'/'), Some(b'*')) => {
                    level += 1;
                    self.pos += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    level -= 1;
                    self.pos += 2;
                    if level == 0 {
                        return Ok(());
                    }
                }
                _ => self.pos += 1,
            }
        }
        self.mark_end();
        self.pos = start;
        Err(self.error("this /* comment is never closed", Some("add */ to close it")))
    }

    /// Consumes `byte` (after white space) if it is next.
    pub fn eat(&mut self, byte: u8) -> Parse<bool> {
        self.skip_ws()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Consumes `byte` (after white space) or fails saying what was found.
    pub fn expect_byte(&mut self, byte: u8) -> Parse<()> {
        if self.eat(byte)? {
            return Ok(());
        }
        let found = self.found();
        Err(self.error(format!("expected `{}`, found {found}", byte as char), hint_for(byte)))
    }

    /// After an element: a `,` or the closing `close`. Returns true when the closer was consumed.
    pub fn comma_or_close(&mut self, close: u8) -> Parse<bool> {
        if self.eat(b',')? {
            return self.eat(close);
        }
        if self.eat(close)? {
            return Ok(true);
        }
        let found = self.found();
        let hint = if self.pos >= self.src.len() {
            "the file ends here: it may be truncated"
        } else {
            "separate items with commas and close every bracket"
        };
        let mut message = format!("expected `,` or `{}`, found {found}", close as char);
        if let Some(start) = self.multiline_string {
            let line = self.lines_before + self.src.get(..start).map_or(0, |s| s.matches('\n').count()) + 1;
            message = format!(
                "{message} (the string that starts on line {line} runs over several lines: is its closing quote missing?)"
            );
        }
        Err(self.error(message, Some(hint)))
    }

    /// Whether only white space and comments remain.
    pub fn at_end(&mut self) -> Parse<bool> {
        self.skip_ws()?;
        Ok(self.pos >= self.src.len())
    }

    /// What comes next, in words, for messages.
    pub fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the file".to_owned(),
            Some(c) if c.is_alphanumeric() || c == '_' => {
                let word: String =
                    self.rest().chars().take_while(|c| c.is_alphanumeric() || *c == '_').take(30).collect();
                if word.len() == self.rest().len() {
                    self.mark_end();
                }
                format!("`{word}`")
            }
            Some(c) => format!("`{c}`"),
        }
    }

    /// An identifier, if one is next.
    pub fn ident(&mut self) -> Parse<Option<(&'s str, Span)>> {
        self.skip_ws()?;
        // A raw identifier, `r#name`, is the name.
        if self.rest_starts_with("r#") && self.peek_at(2).is_some_and(|b| b == b'_' || b.is_ascii_alphabetic()) {
            self.pos += 2;
        }
        let start = self.pos;
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return Ok(None);
        }
        if len == rest.len() {
            self.mark_end();
        }
        self.pos += len;
        Ok(Some((rest.get(..len).unwrap_or_default(), Span::new(start, start + len))))
    }

    /// Reads one value.
    pub fn value(&mut self) -> Parse<Node<'s>> {
        self.skip_ws()?;
        if self.depth >= MAX_DEPTH {
            let mut e = self.error(
                format!("values are nested more than {MAX_DEPTH} levels deep"),
                Some("data files never need this much nesting; check for runaway brackets"),
            );
            e.kind = ProblemKind::TooDeep;
            return Err(e);
        }
        self.depth += 1;
        let result = self.value_inner();
        self.depth -= 1;
        result
    }
}

fn hint_for(byte: u8) -> Option<&'static str> {
    match byte {
        b':' => Some("fields are written `name: value`"),
        b')' | b']' | b'}' => Some("every bracket must be closed; the file may be truncated"),
        _ => None,
    }
}
