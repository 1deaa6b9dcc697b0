//! `TimelineJS` text (HTML) → markdown, roughly: bold, italic and links kept, paragraphs and line
//! breaks kept, every other tag dropped, the common entities decoded.

/// The HTML of a cell as markdown.
pub fn to_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut links: Vec<Option<String>> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, rest.get(..open).unwrap_or_default());
        let after = rest.get(open..).unwrap_or_default();
        let Some(close) = after.find('>') else {
            push_text(&mut out, after);
            rest = "";
            break;
        };
        tag(&mut out, &mut links, after.get(1..close).unwrap_or_default());
        rest = after.get(close + 1..).unwrap_or_default();
    }
    push_text(&mut out, rest);
    tidy(&out)
}

/// The HTML of a cell as plain text (for names and titles).
pub fn to_plain(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let (Some(open), Some(close)) = (rest.find('<'), rest.find('>')) {
        if close < open {
            text.push_str(rest.get(..=close).unwrap_or_default());
            rest = rest.get(close + 1..).unwrap_or_default();
            continue;
        }
        text.push_str(rest.get(..open).unwrap_or_default());
        text.push(' ');
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    text.push_str(rest);
    decode_entities(&text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tag(out: &mut String, links: &mut Vec<Option<String>>, inside: &str) {
    let closing = inside.starts_with('/');
    let name: String = inside
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect();
    match (name.as_str(), closing) {
        ("b" | "strong", _) => out.push_str("**"),
        ("i" | "em" | "cite", _) => out.push('*'),
        ("br", _) => out.push('\n'),
        ("p" | "div" | "blockquote" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4", _) => out.push_str("\n\n"),
        ("a", false) => {
            let href = attribute(inside, "href").filter(|h| h.starts_with("http://") || h.starts_with("https://"));
            if href.is_some() {
                out.push('[');
            }
            links.push(href);
        }
        ("a", true) => {
            if let Some(Some(href)) = links.pop() {
                out.push_str("](");
                out.push_str(&href);
                out.push(')');
            }
        }
        _ => {}
    }
}

fn attribute(inside: &str, name: &str) -> Option<String> {
    let lower = inside.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = inside.get(at..)?;
    let quote = value.chars().next()?;
    let value = if quote == '"' || quote == '\'' {
        let body = value.get(1..)?;
        body.get(..body.find(quote)?)?
    } else {
        value.split_whitespace().next()?
    };
    Some(decode_entities(value))
}

fn push_text(out: &mut String, text: &str) {
    out.push_str(&decode_entities(text));
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&mdash;", "—")
        .replace("&ndash;", "–")
        .replace("&amp;", "&")
}

/// Spaces collapsed within lines, at most one blank line between paragraphs, no `** **` left over.
fn tidy(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<String> = block
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty() && l != "**" && l != "*")
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\n"));
        }
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_emphasis_and_links() {
        assert_eq!(
            to_markdown(
                "<p>Take <a href=\"https://e.org/a\">Ada</a>: <b>first</b> &amp; <i>best</i>.</p><span class=\"x\">Note</span>"
            ),
            "Take [Ada](https://e.org/a): **first** & *best*.\n\nNote"
        );
        assert_eq!(to_plain("<a href=\"https://x\">Computer History Museum</a>"), "Computer History Museum");
        assert_eq!(to_markdown("a < b"), "a < b");
    }
}
