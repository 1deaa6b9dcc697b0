//! The browser build ships no egui default fonts: the bundled Noto Sans JP subset is its only font. It
//! must cover everyday Latin (the space included), every character of the shipped data and decks, and
//! every character the app's own source can show.

use egui::{FontDefinitions, FontFamily, FontId};

/// Characters the bundled font alone (as in the browser) cannot draw.
fn missing(text: &str) -> Vec<char> {
    let ctx = egui::Context::default();
    let mut only_bundled = FontDefinitions::default();
    only_bundled.font_data.clear();
    for family in only_bundled.families.values_mut() {
        family.clear();
    }
    ctx.set_fonts(only_bundled);
    alliance_atlas::install_fonts(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    let mut out: Vec<char> = ctx.fonts_mut(|fonts| {
        text.chars()
            .filter(|c| !c.is_control())
            .filter(|&c| {
                [FontFamily::Proportional, FontFamily::Monospace]
                    .iter()
                    .any(|family| !fonts.has_glyph(&FontId::new(14.0, family.clone()), c))
            })
            .collect()
    });
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn the_bundled_font_alone_covers_latin_the_data_and_the_ui() {
    let mut text: String = (' '..='~').collect();
    text.push_str("àéèüöñçß—–‘’“”…·×→←↑↓");
    for dir in ["data", "src"] {
        let pattern = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut stack = vec![std::path::PathBuf::from(pattern)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|e| e.path()));
            } else if path.extension().is_some_and(|e| e == "rs" || e == "ron") {
                text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    assert!(text.len() > 100_000, "the data and sources were read");
    assert_eq!(missing(&text), Vec::<char>::new());
}

#[test]
fn the_check_can_fail() {
    // A character outside the subset (Hangul) is reported, so the test above is not vacuous.
    assert_eq!(missing("a 한"), vec!['한']);
}
