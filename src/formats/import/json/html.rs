//! The HTML of `TimelineJS`, `StoryMapJS` and KML descriptions → markdown: bold, italics, links and
//! lists are kept; paragraphs and line breaks become blank lines and newlines; scripts, styles and every
//! other tag are dropped (their text kept, but not a script's or a style's). Entities are decoded.
//! Not a full HTML parser: a small scanner that never fails.

/// Markdown from HTML.
pub fn to_markdown(html: &str) -> String {
    convert(html, true)
}

/// Plain text from HTML (no markdown marks), for titles and summaries.
pub fn to_plain(html: &str) -> String {
    convert(html, false).split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Out {
    text: String,
    marks: bool,
    /// Open lists: `None` for bullets, `Some(n)` for the next number.
    lists: Vec<Option<usize>>,
    /// Targets of open links.
    links: Vec<Option<String>>,
}

impl Out {
    fn push_text(&mut self, text: &str) {
        let mut text = text.replace(['\n', '\r', '\t'], " ");
        if self.text.is_empty() || self.text.ends_with('\n') || self.text.ends_with(' ') {
            text = text.trim_start().to_owned();
        }
        while text.contains("  ") {
            text = text.replace("  ", " ");
        }
        self.text.push_str(&text);
    }

    fn mark(&mut self, mark: &str) {
        if self.marks {
            self.text.push_str(mark);
        }
    }

    fn break_line(&mut self, blank: bool) {
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        if self.text.is_empty() {
            return;
        }
        let want = if blank { "\n\n" } else { "\n" };
        while !self.text.ends_with(want) {
            self.text.push('\n');
        }
    }

    fn tag(&mut self, name: &str, closing: bool, attrs: &str) {
        match (name, closing) {
            ("b" | "strong", _) => self.mark("**"),
            ("i" | "em" | "cite", _) => self.mark("*"),
            ("p" | "div" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table", _) => {
                self.break_line(true);
            }
            ("br" | "tr", _) => self.break_line(false),
            ("ul", false) => self.open_list(None),
            ("ol", false) => self.open_list(Some(1)),
            ("ul" | "ol", true) => {
                self.lists.pop();
                self.break_line(true);
            }
            ("li", false) => self.item(),
            ("a", false) => {
                let href = attribute(attrs, "href").filter(|h| h.starts_with("http://") || h.starts_with("https://"));
                if href.is_some() {
                    self.mark("[");
                }
                self.links.push(href);
            }
            ("a", true) => {
                if let Some(Some(href)) = self.links.pop()
                    && self.marks
                {
                    self.text.push_str("](");
                    self.text.push_str(&href);
                    self.text.push(')');
                }
            }
            _ => {}
        }
    }

    fn open_list(&mut self, numbered: Option<usize>) {
        self.break_line(self.lists.is_empty());
        self.lists.push(numbered);
    }

    fn item(&mut self) {
        self.break_line(false);
        let depth = self.lists.len().saturating_sub(1);
        let bullet = match self.lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                format!("{}. ", *n - 1)
            }
            _ => "- ".to_owned(),
        };
        if self.marks {
            self.text.push_str(&"  ".repeat(depth));
            self.text.push_str(&bullet);
        }
    }
}

fn convert(html: &str, marks: bool) -> String {
    let mut out = Out { text: String::new(), marks, lists: Vec::new(), links: Vec::new() };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_text(&decode_entities(rest.get(..open).unwrap_or_default()));
        let after = rest.get(open + 1..).unwrap_or_default();
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").and_then(|end| comment.get(end + 3..)).unwrap_or_default();
            continue;
        }
        let Some(close) = after.find('>') else {
            rest = rest.get(open..).unwrap_or_default();
            break;
        };
        let inside = after.get(..close).unwrap_or_default();
        rest = after.get(close + 1..).unwrap_or_default();
        let closing = inside.starts_with('/');
        let inside = inside.trim_start_matches('/');
        let name_end = inside.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(inside.len());
        let name = inside.get(..name_end).unwrap_or_default().to_ascii_lowercase();
        if !closing && (name == "script" || name == "style") {
            let end = format!("</{name}");
            rest = find_ignoring_case(rest, &end)
                .and_then(|at| rest.get(at..))
                .and_then(|r| r.find('>').and_then(|gt| r.get(gt + 1..)))
                .unwrap_or_default();
            continue;
        }
        out.tag(&name, closing, inside.get(name_end..).unwrap_or_default());
    }
    out.push_text(&decode_entities(rest));
    out.text.trim().to_owned()
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

/// The value of `name="…"` (or `'…'`) among a tag's attributes.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))?;
    let value = attrs.get(at + name.len() + 1..)?.trim_start();
    let quote = value.chars().next()?;
    let value = if quote == '"' || quote == '\'' {
        let inner = value.get(1..)?;
        inner.get(..inner.find(quote)?)?
    } else {
        value.get(..value.find(char::is_whitespace).unwrap_or(value.len()))?
    };
    Some(decode_entities(value))
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references; anything
/// else is kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(after.get(..e).unwrap_or_default()));
        if let (Some(e), Some(c)) = (end, decoded) {
            out.push(c);
            rest = after.get(e + 1..).unwrap_or_default();
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "mdash" => Some('—'),
        "ndash" => Some('–'),
        "hellip" => Some('…'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_bold_italics_links_and_lists() {
        let html = "<p>Take <a href=\"https://x.org/a\">Ada</a>: <b>first</b> <em>programmer</em>.</p>\
                    <ul><li>one</li><li>two</li></ul><ol><li>a</li><li>b</li></ol>";
        assert_eq!(
            to_markdown(html),
            "Take [Ada](https://x.org/a): **first** *programmer*.\n\n- one\n- two\n\n1. a\n2. b"
        );
        assert_eq!(to_plain(html), "Take Ada: first programmer. one two a b");
    }

    #[test]
    fn drops_scripts_styles_and_comments_and_decodes_entities() {
        let html = "a<script>alert('x')</script> &amp; b<style>p{}</STYLE><!-- c --> &#233;&#x41; &bogus; <";
        assert_eq!(to_markdown(html), "a & b éA &bogus; <");
        assert_eq!(to_markdown("<a href=\"javascript:x()\">t</a>"), "t");
    }
}
