//! Problems found while loading a file: where, how bad, what, and how to fix it.

use std::fmt;

pub use crate::model::finding::{ProblemKind, Severity};

/// A byte range in a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The same span `by` bytes further on.
    #[must_use]
    pub fn shifted(self, by: usize) -> Self {
        Self { start: self.start + by, end: self.end + by }
    }
}

/// One problem, located in the file it came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem, for tests and tools.
    pub kind: ProblemKind,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong, in words.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    /// Where in a table, when a line and column say less than a cell does (an imported spreadsheet:
    /// `row 14, column "End Year"`, `sheet Initiatives!F14`); shown instead of the line and column.
    pub cell: Option<String>,
}

/// 1-based (line, column) of each byte offset (at a character boundary) of `text`, in the order given.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let offsets: Vec<usize> = offsets.iter().map(|&o| o.min(text.len())).collect();
    line_cols_in(text.as_bytes(), &offsets).unwrap_or_else(|_| vec![(1, 1); offsets.len()])
}

/// 1-based (line, column) of each byte offset of the UTF-8 text a reader gives, in the order given, from
/// one pass that stops after the last offset and keeps no table of line starts (a million-item file has
/// tens of millions of lines, and a file loaded in chunks is no longer in memory). Columns count
/// characters; an offset past the end is put at the end.
pub fn line_cols_in(mut reader: impl std::io::Read, offsets: &[usize]) -> std::io::Result<Vec<(usize, usize)>> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let mut buf = vec![0u8; 1 << 16];
    let (mut at, mut filled, mut read_to, mut line, mut column) = (0usize, 0usize, 0usize, 1usize, 1usize);
    for i in order {
        while at < offsets[i] {
            if at == read_to {
                filled = reader.read(&mut buf)?;
                read_to += filled;
                if filled == 0 {
                    break;
                }
            }
            let start = at + filled - read_to;
            let end = (offsets[i] - at).min(read_to - at) + start;
            // A byte-order mark at the start of the file takes no column.
            if at == 0 && buf.get(..filled).is_some_and(|b| b.starts_with("\u{FEFF}".as_bytes())) {
                column = 0;
            }
            for &b in buf.get(start..end).unwrap_or_default() {
                if b == b'\n' {
                    (line, column) = (line + 1, 1);
                } else if b & 0xC0 != 0x80 {
                    column += 1;
                }
            }
            at += end - start;
        }
        out[i] = (line, column);
    }
    Ok(out)
}

impl Problem {
    /// A problem at a 1-based line and column.
    pub fn at(severity: Severity, kind: ProblemKind, line_col: (usize, usize), message: String) -> Self {
        Self { severity, kind, line: line_col.0, column: line_col.1, message, hint: None, cell: None }
    }

    /// A problem at a cell of a table (row and column, or sheet and cell).
    pub fn in_cell(severity: Severity, kind: ProblemKind, cell: impl Into<String>, message: String) -> Self {
        Self { cell: Some(cell.into()), ..Self::at(severity, kind, (1, 1), message) }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether the data is unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `FILE:LINE:COL: error: message (hint: …)`, the form editors and the `check` command use.
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile { file, problem: self }
    }
}

struct InFile<'a> {
    file: &'a str,
    problem: &'a Problem,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.problem;
        let level = match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &p.cell {
            Some(cell) => write!(f, "{}:{cell}: {level}: {}", self.file, p.message)?,
            None => write!(f, "{}:{}:{}: {level}: {}", self.file, p.line, p.column, p.message)?,
        }
        if let Some(hint) = &p.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let at = line_cols("ab\n日本x\n\nz", &[0, 3, 9, 11, 12, 999]);
        assert_eq!(at[0], (1, 1));
        assert_eq!(at[1], (2, 1));
        assert_eq!(at[2], (2, 3));
        assert_eq!(at[3], (3, 1));
        assert_eq!(at[4], (4, 1));
        assert_eq!(at[5], (4, 2));
    }

    proptest::proptest! {
        #[test]
        fn one_pass_line_cols_equal_the_line_index(
            text in "[a\n日本]{0,40}",
            offsets in proptest::collection::vec(0usize..140, 0..12),
        ) {
            let offsets: Vec<usize> =
                offsets.into_iter().map(|o| (0..=o.min(text.len())).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0)).collect();
            let expected: Vec<_> = offsets.iter().map(|&o| by_hand(&text, o)).collect();
            proptest::prop_assert_eq!(line_cols(&text, &offsets), expected.clone());
            let trickle = Trickle(text.as_bytes());
            proptest::prop_assert_eq!(line_cols_in(trickle, &offsets).ok(), Some(expected));
        }
    }

    /// Line and column the slow, obvious way: newlines before the offset, characters since the last one.
    fn by_hand(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }

    /// A reader that gives at most three bytes a call, as a file read in chunks may split anywhere.
    struct Trickle<'a>(&'a [u8]);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(3).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn formats_like_a_compiler() {
        let p = Problem::at(Severity::Error, ProblemKind::UnknownField, (3, 5), "unknown field `titel`".into())
            .with_hint("did you mean `title`?");
        assert_eq!(
            p.display_in("d.ron").to_string(),
            "d.ron:3:5: error: unknown field `titel` (hint: did you mean `title`?)"
        );
    }
}
