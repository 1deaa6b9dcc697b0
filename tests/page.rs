//! The one-file briefing page: what it holds and reads back, `export-page` on the command line (with
//! a stand-in web build; the real one is opened in Chromium by `tests/web/page.mjs`), a read-only
//! page refusing changes, the caveat banner on screen, and File ▸ Export ▸ Briefing page….

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use alliance_atlas::formats::page::{
    DATA_ID, DECK_ID, OPTIONS_ID, PageError, PageOptions, PageParts, WASM_ID, decode, encode, read_options, render,
};
use alliance_atlas::state::command::{Command, EditCommand, ExportCommand};
use alliance_atlas::theme::ThemeChoice;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;

const GLUE: &str =
    "async function __wbg_init(m) { /* a comment with </SCRIPT> in it */ return m; }\nexport default __wbg_init;";
const WASM: &[u8] = b"\0asm\x01\0\0\0 stand-in body, repeated repeated repeated repeated";

/// The text of the element `<script … id="ID" …>TEXT</script>`.
fn element<'a>(page: &'a str, id: &str) -> Option<&'a str> {
    let at = page.find(&format!("id=\"{id}\""))?;
    let start = at + page[at..].find('>')? + 1;
    let end = start + page[start..].find("</script>")?;
    Some(&page[start..end])
}

fn options(title: &str, banner: &str) -> PageOptions {
    PageOptions { present: true, read_only: true, title: title.to_owned(), banner: banner.to_owned() }
}

#[test]
fn a_page_holds_the_app_the_data_the_deck_and_the_options_and_they_read_back() {
    let opts = options("Brief <b>&</b> \"title\"", "UNCLASSIFIED // FOR TRAINING </script>");
    let data = "#![enable(implicit_some)]\n(meta: (title: \"</script><script>alert(1)</script> 日本\"))";
    let parts = PageParts {
        glue_js: GLUE,
        wasm: WASM,
        data_name: "us \"japan\".ron",
        data,
        deck: Some("Deck(title: \"d\", steps: [])"),
        options: &opts,
    };
    let Ok(page) = render(&parts) else { panic!("the page renders") };
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<title>Brief &lt;b&gt;&amp;&lt;/b&gt; &quot;title&quot;</title>"), "the title is escaped");
    // Only the page's own elements end a script: the glue's, the data's and the banner's are kept in.
    assert_eq!(page.matches("</script>").count(), 5, "options, data, deck, wasm, boot");
    assert!(page.contains("<\\/SCRIPT>"), "the glue's comment is kept, escaped");
    let read = |id| decode(element(&page, id).unwrap_or_default());
    assert_eq!(read(WASM_ID).as_deref(), Ok(WASM));
    assert_eq!(read(DATA_ID).as_deref(), Ok(data.as_bytes()));
    assert_eq!(read(DECK_ID).as_deref(), Ok(&b"Deck(title: \"d\", steps: [])"[..]));
    assert_eq!(read_options(element(&page, OPTIONS_ID).unwrap_or_default()), Ok(opts.clone()));
    assert!(page.contains("data-name=\"us &quot;japan&quot;.ron\""));
    assert!(page.contains("__wbg_init({ module_or_path:"), "the boot script starts the wasm");
    // No deck: no deck element.
    let Ok(without) = render(&PageParts { deck: None, ..parts }) else { panic!("renders") };
    assert!(element(&without, DECK_ID).is_none());
}

#[test]
fn a_build_that_is_not_one_is_refused_with_a_hint() {
    let opts = PageOptions::default();
    let parts = PageParts { glue_js: GLUE, wasm: WASM, data_name: "d.ron", data: "", deck: None, options: &opts };
    assert_eq!(render(&PageParts { glue_js: "export default 1;", ..parts }).err(), Some(PageError::NoInit));
    assert_eq!(render(&PageParts { wasm: b"<html>", ..parts }).err(), Some(PageError::NotWasm));
    assert!(PageError::NoInit.to_string().contains("hint: build it with scripts/build-web.sh"));
    assert!(decode("no count").is_err_and(|e| e.contains("byte count")));
    assert!(decode("9:AAAA").is_err_and(|e| e.contains("holds 3 of its 9 bytes")));
    assert!(decode("3:AAAA").is_err_and(|e| e.contains("does not inflate")));
    assert!(decode("3:\u{3000}").is_err_and(|e| e.contains("U+3000")));
    assert!(read_options("{\"present\": 3}").is_err());
    assert_eq!(read_options("{}"), Ok(PageOptions::default()), "missing options take their defaults");
}

proptest! {
    #[test]
    fn any_bytes_go_through_the_page_encoding_unchanged(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let text = encode(&bytes);
        prop_assert!(!text.contains(['<', '\0', '\r']), "nothing the element cannot hold");
        prop_assert_eq!(decode(&text), Ok(bytes.clone()));
        // Packed alone: 8 bits for every 7, and back.
        let packed = alliance_atlas::formats::text7::pack(&bytes);
        let chars = packed.split_once(':').map_or(0, |(_, body)| body.chars().count());
        prop_assert!(chars <= bytes.len() * 8 / 7 + 1, "{} characters for {} bytes", chars, bytes.len());
        prop_assert_eq!(alliance_atlas::formats::text7::unpack(&packed), Ok(bytes));
    }

    #[test]
    fn runs_of_the_escaped_groups_pack_and_unpack(byte in prop::sample::select(vec![0u8, 13, 60, 0x78, 0x1e, 0xf0]), n in 0usize..64) {
        let bytes = vec![byte; n];
        prop_assert_eq!(alliance_atlas::formats::text7::unpack(&alliance_atlas::formats::text7::pack(&bytes)), Ok(bytes));
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-page-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).ok();
    dir
}

/// A stand-in web build: the file names Trunk gives, a glue with the initialiser, a wasm header.
fn web_build(dir: &Path) -> PathBuf {
    let web = dir.join("dist");
    std::fs::create_dir_all(&web).ok();
    std::fs::write(web.join("alliance-atlas-0123abcd.js"), GLUE).ok();
    std::fs::write(web.join("alliance-atlas-0123abcd_bg.wasm"), WASM).ok();
    std::fs::write(web.join("index.html"), "<html></html>").ok();
    web
}

fn atlas(args: &[&str]) -> (i32, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_alliance-atlas"))
        .args(args)
        .env_remove("ATLAS_WEB_DIR")
        .output()
        .unwrap_or_else(|e| panic!("cannot run the binary: {e}"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn export_page_writes_the_embedded_data_and_deck_with_the_options() {
    let dir = temp_dir("cli");
    let (web, out) = (web_build(&dir), dir.join("brief.html"));
    let (web, out_arg) = (web.display().to_string(), out.display().to_string());
    let args = ["export-page", "--out", &out_arg, "--web", &web, "--present", "--read-only"];
    let (code, text) = atlas(&[&args[..], &["--title", "Tokyo 2+2", "--banner", "UNCLASSIFIED"]].concat());
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("deck steps") && text.contains(" initiatives"), "{text}");
    let page = std::fs::read_to_string(&out).unwrap_or_default();
    let data = String::from_utf8(decode(element(&page, DATA_ID).unwrap_or_default()).unwrap_or_default());
    let data = data.unwrap_or_default();
    let loaded = alliance_atlas::formats::load_str(&data);
    assert_eq!(loaded.error_count(), 0, "the page's data reads back clean");
    let embedded = alliance_atlas::formats::load_str(alliance_atlas::model::DEFAULT_DATASET);
    let count = |l: &alliance_atlas::formats::Loaded| l.dataset.as_ref().map_or(0, |d| d.initiatives.len());
    assert_eq!(count(&loaded), count(&embedded));
    let deck = decode(element(&page, DECK_ID).unwrap_or_default()).unwrap_or_default();
    assert_eq!(deck, alliance_atlas::briefing::DEFAULT_DECK.as_bytes(), "the embedded deck goes in as it is");
    let opts = read_options(element(&page, OPTIONS_ID).unwrap_or_default());
    assert_eq!(
        opts,
        Ok(PageOptions { present: true, read_only: true, title: "Tokyo 2+2".into(), banner: "UNCLASSIFIED".into() })
    );
    assert!(page.contains("<title>Tokyo 2+2</title>"));
}

#[test]
fn export_page_refuses_bad_data_a_bad_deck_and_a_missing_web_build_and_writes_nothing() {
    let dir = temp_dir("bad");
    let (web, out) = (web_build(&dir), dir.join("brief.html"));
    let (web, out_arg) = (web.display().to_string(), out.display().to_string());
    let bad_data = dir.join("bad.ron");
    std::fs::write(&bad_data, "(meta: (title: \"x\"), initiatives: [Initiative(id: )])").ok();
    let (code, text) = atlas(&["export-page", &bad_data.display().to_string(), "--out", &out_arg, "--web", &web]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("bad.ron:1:") && text.contains("no page written"), "{text}");
    let bad_deck = dir.join("deck.ron");
    std::fs::write(&bad_deck, "Deck(title: \"d\",\n  steps: [Step(title: \"s\", view: \"s=i:no-such-id\")])").ok();
    let deck_arg = bad_deck.display().to_string();
    let (code, text) = atlas(&["export-page", "--deck", &deck_arg, "--out", &out_arg, "--web", &web]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("deck.ron:2:") && text.contains("the deck has errors"), "{text}");
    let nowhere = dir.join("no-build").display().to_string();
    let (code, text) = atlas(&["export-page", "--out", &out_arg, "--web", &nowhere]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("no web build found") && text.contains("scripts/build-web.sh"), "{text}");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_read_only_page_refuses_changes_and_keeps_exploring_and_presenting() {
    let mut harness = common::app(ThemeChoice::Light);
    assert!(harness.query_by_label("File").is_some(), "the app has its File menu");
    let opts = PageOptions { read_only: true, banner: "UNCLASSIFIED // FOR TRAINING".into(), ..PageOptions::default() };
    harness.state_mut().apply(Command::SetPage(Box::new(opts)));
    harness.run();
    assert!(harness.query_by_label("File").is_none() && harness.query_by_label("Edit").is_none());
    assert!(harness.query_by_label("Deck…").is_none() && harness.query_by_label("Edit…").is_none());
    // The banner is at the top and at the foot.
    assert_eq!(harness.query_all_by_label("UNCLASSIFIED // FOR TRAINING").count(), 2);
    let before = harness.state().state().dataset().initiatives.len();
    harness.state_mut().apply(Command::Edit(EditCommand::AddInitiative));
    harness.state_mut().apply(Command::OpenFile(PathBuf::from("/elsewhere.ron")));
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.dataset().initiatives.len(), before, "nothing was added");
    assert!(state.export_notice().is_some_and(|n| n.contains("read-only")), "{:?}", state.export_notice());
    harness.state_mut().apply(Command::Presenting(alliance_atlas::state::PresentCommand::Present(Some(2))));
    harness.run();
    assert!(harness.state().state().presenting().is_some(), "presenting still works");
    assert_eq!(harness.query_all_by_label("UNCLASSIFIED // FOR TRAINING").count(), 2, "and the slide has its banner");
}

#[test]
fn the_file_menu_opens_the_briefing_page_window_and_the_page_of_the_screen_is_written() {
    let mut harness = common::app(ThemeChoice::Light);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("Briefing page (one HTML file)…").click();
    harness.run();
    let Some(opts) = harness.state().state().page_dialog().cloned() else { panic!("the window is open") };
    assert!(opts.present, "with a deck, the page opens presenting unless unticked");
    assert!(harness.query_by_label("Read-only (no File or Edit menu)").is_some());
    harness.get_by_label("Read-only (no File or Edit menu)").click();
    harness.run();
    assert!(harness.state().state().page_dialog().is_some_and(|o| o.read_only), "the tick is kept");
    // What Export… writes once a path is chosen (the system dialog is not opened in tests).
    let dir = temp_dir("menu");
    let (web, out) = (web_build(&dir), dir.join("from-menu.html"));
    let state = harness.state().state();
    let message = alliance_atlas::app::export_page::page_of_state(state, &opts, &out, Some(&web));
    assert!(message.starts_with("Wrote the briefing page"), "{message}");
    let page = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(element(&page, DECK_ID).is_some() && element(&page, DATA_ID).is_some());
    let missing = alliance_atlas::app::export_page::page_of_state(state, &opts, &out, Some(&dir.join("none")));
    assert!(missing.contains("no web build found"), "{missing}");
    harness.state_mut().apply(Command::Export(ExportCommand::PageDialog(None)));
    harness.run();
    assert!(harness.query_by_label("Read-only (no File or Edit menu)").is_none(), "closed");
}
