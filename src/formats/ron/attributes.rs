//! The attributes at the start of a RON file: `#![enable(…)]` with RON's extensions, and
//! `#![type = "…"]` / `#![schema = "…"]`, which say nothing to the reader.

use crate::formats::ron::node::{Parse, Parser};

impl Parser<'_> {
    /// Reads the attributes at the start of a file: `#![enable(…)]` with RON's extensions (see
    /// [`EXTENSIONS`]), and `#![type = "…"]` and `#![schema = "…"]`, which say nothing to the reader.
    pub fn skip_attributes(&mut self) -> Parse<()> {
        self.skip_ws()?;
        while self.rest_starts_with("#!") {
            self.pos += 2;
            self.expect_byte(b'[')?;
            match self.ident()? {
                Some(("enable", _)) => self.extensions()?,
                Some(("type" | "schema", _)) => {
                    self.expect_byte(b'=')?;
                    self.skip_ws()?;
                    if self.peek() != Some(b'"') {
                        let found = self.found();
                        return Err(self.error(format!("expected a \"string\", found {found}"), None));
                    }
                    self.string()?;
                }
                Some((name, span)) => {
                    self.pos = span.start;
                    return Err(self.error(
                        format!("unknown attribute `{name}`"),
                        Some("RON's attributes are #![enable(…)], #![type = \"…\"] and #![schema = \"…\"]"),
                    ));
                }
                None => {
                    let found = self.found();
                    return Err(self.error(
                        format!("expected an attribute name, found {found}"),
                        Some("attributes look like #![enable(implicit_some)]"),
                    ));
                }
            }
            self.expect_byte(b']')?;
            self.skip_ws()?;
        }
        Ok(())
    }

    /// The list of `#![enable(…)]`, after `enable`.
    fn extensions(&mut self) -> Parse<()> {
        self.expect_byte(b'(')?;
        loop {
            let Some((name, span)) = self.ident()? else {
                let found = self.found();
                return Err(self.error(
                    format!("expected the name of an extension, found {found}"),
                    Some("extensions look like #![enable(implicit_some)]"),
                ));
            };
            match name {
                "explicit_struct_names" => self.names_required = true,
                // `Option` fields take bare values anyway, and the dataset has no newtypes to unwrap.
                "implicit_some" | "unwrap_newtypes" | "unwrap_variant_newtypes" => {}
                _ => {
                    self.pos = span.start;
                    return Err(self.error(
                        format!("unknown RON extension `{name}` in #![enable(…)]"),
                        Some(
                            "RON's extensions are implicit_some, unwrap_newtypes, unwrap_variant_newtypes and explicit_struct_names",
                        ),
                    ));
                }
            }
            if self.comma_or_close(b')')? {
                return Ok(());
            }
        }
    }
}
