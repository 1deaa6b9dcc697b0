//! Text search: case-, accent- and width-insensitive matching over everything an analyst might type,
//! with katakana and hiragana treated alike.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use super::ragged::{Ragged, Texts};
use super::types::Dataset;

/// Folds one character the way search compares text: compatibility forms (full-width Latin,
/// half-width kana), no accents, lower case, katakana as hiragana. May give several characters.
fn fold_char(c: char, out: &mut String) {
    // ASCII decomposes to itself and has no combining marks: most text takes this path.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for d in std::iter::once(c).nfkd() {
        if is_combining_mark(d) {
            continue;
        }
        let d = match d {
            // Katakana ァ..ヶ → hiragana ぁ..ゖ.
            '\u{30A1}'..='\u{30F6}' => char::from_u32(d as u32 - 0x60).unwrap_or(d),
            _ => d,
        };
        out.extend(d.to_lowercase());
    }
}

/// Text as search compares it.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        fold_char(c, out);
    }
}

/// The searchable text of each initiative: title, summary, body, tags, actors, place names (English and
/// Japanese), source titles; folded once when the dataset loads, into one buffer.
pub fn haystacks(ds: &Dataset, places_of: &Ragged<usize>) -> Texts {
    let mut texts = Texts::default();
    for i in 0..ds.initiatives.len() {
        haystack_into(ds, places_of, i, texts.buffer());
        texts.end_entry();
    }
    texts.shrink_to_fit();
    texts
}

/// The searchable text of initiative `i` (as [`haystacks`] has it), appended to `out`.
pub fn haystack_into(ds: &Dataset, places_of: &Ragged<usize>, i: usize, out: &mut String) {
    let Some(item) = ds.initiatives.get(i) else { return };
    let mut add = |s: &str| {
        fold_into(s, out);
        fold_char('\u{1F}', out);
    };
    add(&item.title);
    add(&item.summary);
    add(&item.body);
    item.tags.iter().for_each(|t| add(t));
    item.actors.iter().for_each(|a| add(a));
    for &l in places_of.get(i).unwrap_or_default() {
        if let Some(place) = ds.locations.get(l) {
            add(&place.name);
            if let Some(ja) = &place.name_ja {
                add(ja);
            }
        }
    }
    for cite in &item.sources {
        if let Some(source) = ds.source(&cite.source) {
            add(&source.title);
        }
    }
}

/// Byte ranges of `text` whose folded form matches the folded `query`, for highlighting.
pub fn match_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let needle = normalize(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    // Fold char by char, remembering which original byte each folded byte came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (at, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n((at, at + c.len_utf8()), folded.len() - before));
    }
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (start, _) in folded.match_indices(&needle) {
        let (Some(first), Some(last)) = (origin.get(start), origin.get(start + needle.len() - 1)) else {
            continue;
        };
        let range = first.0..last.1;
        if out.last().is_none_or(|r| r.end <= range.start) {
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_width_and_kana() {
        assert_eq!(normalize("Résumé CAFÉ"), "resume cafe");
        assert_eq!(normalize("ＭＱ－９"), "mq-9");
        assert_eq!(normalize("キャンプ・ハンセン"), normalize("きゃんぷ・はんせん"));
        assert_eq!(normalize("ｷｬﾝﾌﾟ"), normalize("キャンプ"));
        assert!(normalize("嘉手納飛行場").contains("嘉手納"));
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_shortcut_folds_as_unicode_does(text in "[ -~]{0,40}") {
            // What the general path (NFKD, drop marks, lower-case) gives for ASCII.
            let general: String = text.nfkd().filter(|&d| !is_combining_mark(d)).flat_map(char::to_lowercase).collect();
            proptest::prop_assert_eq!(normalize(&text), general);
        }
    }

    #[test]
    fn match_ranges_point_into_the_original_text() {
        let text = "Kanoya Air Base — Kánoya";
        let ranges = match_ranges(text, "KANOYA");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["Kanoya", "Kánoya"]);
        let ja = "キャンプ・ハンセン";
        let r = match_ranges(ja, "はんせん");
        assert_eq!(r.iter().map(|r| &ja[r.clone()]).collect::<Vec<_>>(), ["ハンセン"]);
        assert!(match_ranges(text, "  ").is_empty());
    }
}
