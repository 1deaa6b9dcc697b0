//! Which addresses the app opens. A dataset, a deck or a link is written by someone else: only web
//! pages (`http`, `https`) and mail (`mailto`) open; `javascript:`, `file:`, `data:` and every other
//! scheme are shown as text and never opened.

/// Whether `url` may be opened: an `http://` or `https://` address, or `mailto:`. The scheme is read as
/// browsers read it: case does not matter, and a scheme with anything but letters (`java\tscript:`,
/// a leading space or control character) is refused rather than cleaned up.
pub fn is_safe_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => !rest.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_url;

    #[test]
    fn only_web_pages_and_mail_open() {
        for url in ["https://www.mod.go.jp/", "http://example.org/a?b#c", "HTTPS://X.ORG", "mailto:a@b.org"] {
            assert!(is_safe_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "\u{1}https://x.org",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "https:",
            "https:x.org",
            "//x.org",
            "x.org",
            "",
            "mailto:",
        ] {
            assert!(!is_safe_url(url), "{url:?}");
        }
    }
}
