//! Literals of the RON reader: numbers, strings, raw strings and chars.

use std::borrow::Cow;

use crate::formats::ron::node::{Kind, Parse, Parser};

impl<'s> Parser<'s> {
    pub(super) fn number(&mut self) -> Parse<Kind<'s>> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
            if self.rest().starts_with("inf") {
                self.pos += 3;
                let value =
                    if self.src.as_bytes().get(start) == Some(&b'-') { f64::NEG_INFINITY } else { f64::INFINITY };
                return Ok(Kind::Number { value, integer: false });
            }
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
        if let Ok(value) = text.parse::<f64>() {
            return Ok(Kind::Number { value, integer });
        }
        self.pos = start;
        Err(self.error(format!("`{text}` is not a number"), Some("write numbers like 26.46 or -77.05")))
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
                        '\n' => continue,
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
        self.pos = start;
        Err(self.error("this string is never closed", Some("add the closing \" (the file may be truncated)")))
    }

    fn unicode_escape(&mut self, chars: &mut std::str::CharIndices<'_>, at: usize) -> Parse<char> {
        let mut hex = String::new();
        let braced = chars.clone().next().map(|(_, c)| c) == Some('{');
        if braced {
            chars.next();
        }
        for (_, c) in chars.by_ref() {
            if braced && c == '}' {
                break;
            }
            hex.push(c);
            if (!braced && hex.len() == 4) || hex.len() > 6 {
                break;
            }
        }
        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or_else(|| {
            self.pos = at;
            self.error("invalid \\u escape", Some("write \\u{1F600} with 1 to 6 hex digits"))
        })
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
        self.pos = start;
        Err(self.error("expected a one-character literal like 'a'", Some("text goes in \"double quotes\"")))
    }
}
