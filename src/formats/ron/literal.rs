//! Literals of the RON reader: numbers, strings, raw strings and chars.

use std::borrow::Cow;

use crate::formats::ron::node::{Kind, Parse, Parser};

/// The largest integer an `f64` holds exactly (and every smaller one): 2^53.
const MAX_EXACT: u64 = 1 << 53;

impl<'s> Parser<'s> {
    pub(super) fn number(&mut self) -> Parse<Kind<'s>> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
            if self.rest_starts_with("inf") {
                self.pos += 3;
                let value = if negative { f64::NEG_INFINITY } else { f64::INFINITY };
                return Ok(Kind::Number { value, integer: false });
            }
            if self.rest_starts_with("NaN") {
                self.pos += 3;
                return Ok(Kind::Number { value: f64::NAN, integer: false });
            }
        }
        let radix = match (self.peek(), self.peek_at(1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            _ => 10,
        };
        if radix != 10 {
            return self.radix_integer(start, negative, radix);
        }
        let mut integer = true;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' | b'_' => {}
                b'.' | b'e' | b'E' => integer = false,
                b'-' | b'+' if matches!(self.src.as_bytes().get(self.pos - 1), Some(b'e' | b'E')) => {}
                _ => break,
            }
            self.pos += 1;
        }
        let text: String = self.src.get(start..self.pos).unwrap_or_default().chars().filter(|&c| c != '_').collect();
        if self.peek().is_some_and(|b| b.is_ascii_alphabetic()) && !text.is_empty() {
            let suffix = self.found();
            return Err(self.error(
                format!("a number cannot be followed by {suffix}"),
                Some("write numbers without a type suffix, like 26.46 or -77.05"),
            ));
        }
        if let Ok(value) = text.parse::<f64>() {
            let exact = || text.trim_start_matches(['-', '+']).parse::<u64>().is_ok_and(|v| v <= MAX_EXACT);
            if integer && !exact() {
                self.pos = start;
                return Err(self.too_large(&text));
            }
            return Ok(Kind::Number { value, integer });
        }
        self.pos = start;
        Err(self.error(format!("`{text}` is not a number"), Some("write numbers like 26.46 or -77.05")))
    }

    /// An integer in hex (`0x1F`), octal (`0o17`) or binary (`0b101`), after its sign, with `_`
    /// separators.
    fn radix_integer(&mut self, start: usize, negative: bool, radix: u32) -> Parse<Kind<'s>> {
        self.pos += 2;
        let digits_start = self.pos;
        while self.peek().is_some_and(|b| b == b'_' || b.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        let written = self.src.get(start..self.pos).unwrap_or_default();
        let digits = self.src.get(digits_start..self.pos).unwrap_or_default();
        let mut value: u64 = 0;
        let mut any = false;
        for (i, c) in digits.char_indices() {
            if c == '_' {
                continue;
            }
            let Some(digit) = c.to_digit(radix) else {
                self.pos = digits_start + i;
                let base = match radix {
                    16 => "hex",
                    8 => "octal",
                    _ => "binary",
                };
                return Err(self.error(
                    format!("`{c}` is not a {base} digit in `{written}`"),
                    Some("hex digits are 0-9 and a-f, octal 0-7, binary 0 and 1"),
                ));
            };
            any = true;
            value = match value.checked_mul(u64::from(radix)).and_then(|v| v.checked_add(u64::from(digit))) {
                Some(v) if v <= MAX_EXACT => v,
                _ => {
                    let written = written.to_owned();
                    self.pos = start;
                    return Err(self.too_large(&written));
                }
            };
        }
        if !any {
            self.pos = start;
            return Err(
                self.error(format!("`{written}` has no digits"), Some("write numbers like 0x1F, 0o17 or 0b101"))
            );
        }
        let value = value as f64;
        Ok(Kind::Number { value: if negative { -value } else { value }, integer: true })
    }

    /// The error of an integer too large for an `f64` to hold exactly.
    fn too_large(&self, written: &str) -> crate::formats::ron::node::SyntaxError {
        self.error(
            format!("the integer `{written}` is beyond 2^53 (9007199254740992), so it cannot be read exactly"),
            Some("numbers are read as 64-bit floats; write a decimal such as 1.5e16 if an approximate value will do"),
        )
    }

    pub(super) fn string(&mut self) -> Parse<Cow<'s, str>> {
        let start = self.pos;
        let text = self.string_body()?;
        let multiline = self.src.get(start..self.pos).is_some_and(|s| s.contains('\n'));
        self.multiline_string = multiline.then_some(start);
        Ok(text)
    }

    fn string_body(&mut self) -> Parse<Cow<'s, str>> {
        let start = self.pos;
        self.pos += 1;
        let body_start = self.pos;
        let rest = self.rest();
        let simple_end = rest.find(['"', '\\']);
        if let Some(i) = simple_end
            && rest.as_bytes().get(i) == Some(&b'"')
        {
            self.pos += i + 1;
            return Ok(Cow::Borrowed(self.src.get(body_start..body_start + i).unwrap_or_default()));
        }
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos = body_start + i + 1;
                    return Ok(Cow::Owned(out));
                }
                '\\' => {
                    let Some((_, e)) = chars.next() else { break };
                    out.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        '0' => '\0',
                        '\\' | '"' | '\'' => e,
                        'u' => self.unicode_escape(&mut chars, body_start + i)?,
                        'x' => self.byte_escapes(&mut chars, body_start + i)?,
                        // A line continuation, as in Rust and `ron`: the line break and the white
                        // space after it are dropped.
                        '\n' | '\r' => {
                            while chars.clone().next().is_some_and(|(_, c)| matches!(c, ' ' | '\t' | '\n' | '\r')) {
                                chars.next();
                            }
                            continue;
                        }
                        other => {
                            self.pos = body_start + i;
                            return Err(self.error(
                                format!("unknown escape `\\{other}`"),
                                Some("use \\n, \\t, \\\", \\\\ or \\u{…}"),
                            ));
                        }
                    });
                }
                c => out.push(c),
            }
        }
        self.mark_end();
        self.pos = start;
        Err(self.error("this string is never closed", Some("add the closing \" (the file may be truncated)")))
    }

    fn unicode_escape(&mut self, chars: &mut std::str::CharIndices<'_>, at: usize) -> Parse<char> {
        let mut hex = String::new();
        let braced = chars.clone().next().map(|(_, c)| c) == Some('{');
        if braced {
            chars.next();
        }
        let mut ended = true;
        for (_, c) in chars.by_ref() {
            if braced && c == '}' {
                ended = false;
                break;
            }
            hex.push(c);
            if (!braced && hex.len() == 4) || hex.len() > 6 {
                ended = false;
                break;
            }
        }
        if ended {
            self.mark_end();
        }
        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or_else(|| {
            self.pos = at;
            self.error("invalid \\u escape", Some("write \\u{1F600} with 1 to 6 hex digits"))
        })
    }

    /// `\x41`: an ASCII character, or the bytes of one UTF-8 character in up to four `\xNN` (after
    /// the first `\x`).
    fn byte_escapes(&mut self, chars: &mut std::str::CharIndices<'_>, at: usize) -> Parse<char> {
        let mut bytes = Vec::with_capacity(4);
        loop {
            let hex: String = chars.by_ref().take(2).map(|(_, c)| c).collect();
            if hex.len() < 2 {
                self.mark_end();
            }
            let byte = u8::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 2);
            let Some(byte) = byte else { break };
            bytes.push(byte);
            if let Ok(text) = std::str::from_utf8(&bytes)
                && let Some(c) = text.chars().next()
            {
                return Ok(c);
            }
            if bytes.len() == 4 || !chars.as_str().starts_with("\\x") {
                if chars.as_str().len() < 2 {
                    self.mark_end();
                }
                break;
            }
            chars.next();
            chars.next();
        }
        self.pos = at;
        Err(self.error("invalid \\x escape", Some("write \\x41 (two hex digits, an ASCII character) or \\u{e9}")))
    }

    pub(super) fn raw_string(&mut self) -> Parse<&'s str> {
        let start = self.pos;
        self.pos += 1;
        let hashes = self.rest().bytes().take_while(|&b| b == b'#').count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            return Err(self.error("expected `\"` to start a raw string", Some("raw strings look like r#\"text\"#")));
        }
        self.pos += 1;
        let closing = format!("\"{}", "#".repeat(hashes));
        let body_start = self.pos;
        if let Some(i) = self.rest().find(&closing) {
            self.pos += i + closing.len();
            return Ok(self.src.get(body_start..body_start + i).unwrap_or_default());
        }
        self.mark_end();
        self.pos = start;
        Err(self.error("this raw string is never closed", Some("end it with the same number of # as it starts with")))
    }

    pub(super) fn char_literal(&mut self) -> Parse<char> {
        let start = self.pos;
        let mut chars = self.rest().chars();
        chars.next();
        if let (Some(c), Some('\'')) = (chars.next(), chars.next())
            && c != '\\'
        {
            self.pos += 2 + c.len_utf8();
            return Ok(c);
        }
        if self.rest().chars().nth(2).is_none() {
            self.mark_end();
        }
        self.pos = start;
        Err(self.error("expected a one-character literal like 'a'", Some("text goes in \"double quotes\"")))
    }
}
