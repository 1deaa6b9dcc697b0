//! Compound values of the RON reader: structs, tuples, lists, maps, `Some`, names.

use std::borrow::Cow;

use crate::formats::problem::Span;
use crate::formats::ron::node::{Field, Kind, Node, Parse, Parser};

impl<'s> Parser<'s> {
    pub(super) fn value_inner(&mut self) -> Parse<Node<'s>> {
        let start = self.pos;
        let kind = match self.peek() {
            None => {
                return Err(
                    self.error("expected a value, found the end of the file", Some("the file may be truncated"))
                );
            }
            Some(b'"') => Kind::Str(self.string()?),
            Some(b'r') if self.raw_string_next() => Kind::Str(Cow::Borrowed(self.raw_string()?)),
            Some(b'b') if self.byte_string_next() => {
                return Err(self.error(
                    "byte strings (b\"…\", br\"…\") and byte literals (b'…') are not read in a dataset",
                    Some("write text as a \"string\""),
                ));
            }
            Some(b'\'') => Kind::Char(self.char_literal()?),
            Some(b'[') => Kind::List(self.list()?),
            Some(b'{') => Kind::Map(self.map()?),
            Some(b'(') => self.parens(None)?,
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => self.number()?,
            Some(_) => self.word()?,
        };
        Ok(Node { span: Span::new(start, self.pos), kind })
    }

    /// Whether a raw string (`r"…"`, `r#"…"#`) starts here, not a raw identifier (`r#name`).
    fn raw_string_next(&self) -> bool {
        let after = self.rest().get(1..).unwrap_or_default();
        let unhashed = after.trim_start_matches('#');
        if unhashed.is_empty() {
            self.mark_end();
        }
        unhashed.starts_with('"')
    }

    /// Whether a byte string (`b"…"`, `br"…"`, `br#"…"#`) or byte literal (`b'…'`) starts here.
    fn byte_string_next(&self) -> bool {
        match self.peek_at(1) {
            Some(b'"' | b'\'') => true,
            Some(b'r') => {
                let unhashed = self.rest().get(2..).unwrap_or_default().trim_start_matches('#');
                if unhashed.is_empty() {
                    self.mark_end();
                }
                unhashed.starts_with('"')
            }
            _ => false,
        }
    }

    pub(super) fn word(&mut self) -> Parse<Kind<'s>> {
        let Some((name, _)) = self.ident()? else {
            let found = self.found();
            return Err(self.error(
                format!("expected a value, found {found}"),
                Some("values are strings in \"quotes\", numbers, [lists], Name(fields) or names"),
            ));
        };
        match name {
            "true" => return Ok(Kind::Bool(true)),
            "false" => return Ok(Kind::Bool(false)),
            "None" => return Ok(Kind::None),
            "inf" => {
                return Ok(Kind::Number { value: f64::INFINITY, integer: false });
            }
            "NaN" => {
                return Ok(Kind::Number { value: f64::NAN, integer: false });
            }
            _ => {}
        }
        self.skip_ws()?;
        if self.peek() != Some(b'(') {
            return Ok(Kind::Ident(name));
        }
        if name == "Some" {
            self.expect_byte(b'(')?;
            let inner = self.value()?;
            self.eat(b',')?;
            self.expect_byte(b')')?;
            return Ok(Kind::Some(Box::new(inner)));
        }
        self.parens(Some(name))
    }

    /// `(…)` after an optional name: a struct when the first element is `name:`, else a tuple.
    pub(super) fn parens(&mut self, name: Option<&'s str>) -> Parse<Kind<'s>> {
        self.expect_byte(b'(')?;
        if self.eat(b')')? {
            return Ok(name.map_or(Kind::Unit, |n| Kind::Tuple { name: Some(n), items: Vec::new() }));
        }
        if self.next_is_field()? {
            if name.is_none() && self.names_required {
                return Err(self.struct_name_missing());
            }
            let mut fields = Vec::new();
            loop {
                fields.push(self.field()?);
                if self.comma_or_close(b')')? {
                    return Ok(Kind::Struct { name, fields });
                }
            }
        }
        let mut items = Vec::new();
        loop {
            items.push(self.value()?);
            if self.comma_or_close(b')')? {
                return Ok(Kind::Tuple { name, items });
            }
        }
    }

    /// The error of a struct written without its type name when the file enables
    /// `explicit_struct_names` (at the struct's `(`, just read).
    pub(super) fn struct_name_missing(&self) -> crate::formats::ron::node::SyntaxError {
        let mut e = self.error(
            "this struct has no type name, and the file enables `explicit_struct_names`",
            Some("write the type's name before the `(`, e.g. `Location(…)`, or remove the extension"),
        );
        e.offset = self.src.get(..self.pos).and_then(|s| s.rfind('(')).unwrap_or(self.pos);
        e
    }

    pub(super) fn next_is_field(&mut self) -> Parse<bool> {
        let save = self.pos;
        let is_field = self.ident()?.is_some() && self.eat(b':')?;
        self.pos = save;
        Ok(is_field)
    }

    /// `name: value`.
    pub fn field(&mut self) -> Parse<Field<'s>> {
        let Some((name, name_span)) = self.ident()? else {
            let found = self.found();
            return Err(
                self.error(format!("expected a field name, found {found}"), Some("fields are written `name: value`"))
            );
        };
        self.expect_byte(b':')?;
        let value = self.value()?;
        Ok(Field { name, name_span, value })
    }

    pub(super) fn list(&mut self) -> Parse<Vec<Node<'s>>> {
        self.expect_byte(b'[')?;
        let mut items = Vec::new();
        if self.eat(b']')? {
            return Ok(items);
        }
        loop {
            items.push(self.value()?);
            if self.comma_or_close(b']')? {
                return Ok(items);
            }
        }
    }

    pub(super) fn map(&mut self) -> Parse<Vec<(Node<'s>, Node<'s>)>> {
        self.expect_byte(b'{')?;
        let mut entries = Vec::new();
        if self.eat(b'}')? {
            return Ok(entries);
        }
        loop {
            let key = self.value()?;
            self.expect_byte(b':')?;
            let value = self.value()?;
            entries.push((key, value));
            if self.comma_or_close(b'}')? {
                return Ok(entries);
            }
        }
    }
}
