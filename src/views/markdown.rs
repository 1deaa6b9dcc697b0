//! A dataset's or a deck's markdown, shown so that no link opens what it should not: a link or image
//! whose address is not a web page or mail ([`is_safe_url`]: `javascript:`, `file:`, `data:` …) is
//! shown as its text with the address after it, as plain text, never as a link. The links are found by
//! the same parser, with the same options, that `egui_commonmark` renders with.

use std::borrow::Cow;

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::model::links::is_safe_url;

/// Shows `text` as markdown, its unsafe links as text.
pub fn show(ui: &mut egui::Ui, cache: &mut CommonMarkCache, text: &str) {
    CommonMarkViewer::new().show(ui, cache, &defang(text));
}

/// `text` with every link and image that must not open replaced by plain text: "label (address)".
pub fn defang(text: &str) -> Cow<'_, str> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST;
    // (range of the whole link in `text`, its address, its text so far)
    let mut cuts: Vec<(std::ops::Range<usize>, String, String)> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let inside = cuts.last_mut().filter(|(r, ..)| range.start >= r.start && range.end <= r.end);
        match (event, inside) {
            (Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }), None)
                if !is_safe_url(&dest_url) =>
            {
                cuts.push((range, dest_url.into_string(), String::new()));
            }
            (Event::Text(t) | Event::Code(t), Some((.., label))) => label.push_str(&t),
            _ => {}
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, url, label) in cuts {
        out.push_str(&text[at..range.start]);
        let label = label.trim();
        if !label.is_empty() && label != url {
            out.push_str(&escape(label));
            out.push(' ');
        }
        out.push_str(&code(&url));
        at = range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Plain text that markdown shows as it is: every ASCII punctuation mark backslash-escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// An address as inline code: shown as it is, never a link (a fence longer than any run of backticks
/// in it; line breaks and control characters as spaces).
fn code(url: &str) -> String {
    let url: String = url.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let longest = url.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {url} {fence}")
}

#[cfg(test)]
mod tests {
    use super::defang;

    #[test]
    fn safe_links_stay_and_unsafe_ones_become_text() {
        let safe = "See [the MOD](https://www.mod.go.jp/) or <mailto:press@example.org>.";
        assert_eq!(defang(safe), safe);
        assert_eq!(defang("[click](javascript:alert(1)) now"), "click ` javascript:alert(1) ` now");
        assert_eq!(defang("<file:///etc/passwd>"), "` file:///etc/passwd `");
        assert_eq!(defang("![x](data:image/png;base64,AAAA)"), "x ` data:image/png;base64,AAAA `");
        // The label's text stays text (its markup goes); a backtick in the address takes a longer fence.
        assert_eq!(defang("[a*b*](javascript:`x`)"), "ab `` javascript:`x` ``");
        assert_eq!(defang("[a\\*b](javascript:x)"), "a\\*b ` javascript:x `");
        let reference = "[here][1]\n\n[1]: vbscript:msgbox";
        assert!(defang(reference).starts_with("here ` vbscript:msgbox `"), "{}", defang(reference));
        // A safe link beside an unsafe one keeps working.
        let both = "[a](https://a.org) [b](javascript:x)";
        assert_eq!(defang(both), "[a](https://a.org) b ` javascript:x `");
    }
}
