//! Links in a dataset are written by someone else: only `http`, `https` and `mailto` addresses open.
//! `javascript:`, `file:`, `data:` and other links in an initiative's markdown, or in its sources, are
//! shown as text in the detail panel, and clicking them opens nothing.

use alliance_atlas::model::Day;
use alliance_atlas::state::command::{EditCommand, SourceField};
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const DATASET: &str = r#"#![enable(implicit_some)]
Dataset(
    meta: Meta(title: "Links", as_of: "2025-06-01"),
    sources: [Source(id: "src", title: "A source", publisher: "Someone", url: "https://example.org/a")],
    locations: [Location(id: "camp", name: "Camp", lat: 26.46, lon: 127.92, kind: Base, precision: ExactSite, country: "JP")],
    initiatives: [
        Initiative(
            id: "links",
            title: "An initiative with links",
            summary: "Links of every kind.",
            body: "Read [the safe page](https://www.mod.go.jp/) or [run this](javascript:alert(1)).\n\nAlso [a file](file:///etc/passwd), [some data](data:text/html,hi), <vbscript:msgbox> and [mail](mailto:press@example.org).",
            lines_of_effort: [Policy],
            status: Announced,
            announced: "2023-01-11",
            places: ["camp"],
            sources: [Cite(source: "src")],
        ),
    ],
)
"#;

fn opened(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

fn app_on_links() -> Harness<'static, AtlasApp> {
    let path = std::env::temp_dir().join(format!("atlas-links-{}.ron", std::process::id()));
    std::fs::write(&path, DATASET).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    let mut harness =
        Harness::builder().with_size(egui::vec2(1600.0, 900.0)).with_pixels_per_point(1.0).build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    file: Some(path.clone()),
                    today: Some(Day::from_ymd(2026, 11, 26)),
                    ..StartOptions::default()
                },
            )
        });
    harness.run();
    harness.state_mut().apply(Command::Select(Selection::Initiative(0), alliance_atlas::state::Origin::Timeline));
    harness.run();
    harness
}

/// The labels of the links on screen, and the text of everything else.
fn links_and_texts(harness: &Harness<'_, AtlasApp>) -> (Vec<String>, Vec<String>) {
    let (mut links, mut texts) = (Vec::new(), Vec::new());
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        if node.role() == egui::accesskit::Role::Link {
            links.push(node.label().unwrap_or_default());
        } else if let Some(text) = node.value().or_else(|| node.label()) {
            texts.push(text);
        }
    }
    (links, texts)
}

#[test]
fn unsafe_links_in_markdown_are_text_and_open_nothing() {
    let mut harness = app_on_links();
    let (links, texts) = links_and_texts(&harness);
    for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "vbscript:msgbox"] {
        assert!(texts.iter().any(|t| t.contains(url)), "{url} is shown as text: {texts:?}");
        assert!(!links.iter().any(|l| l.contains(url)), "{url} is not a link: {links:?}");
        // The text and its run share the value: the first is enough.
        harness.get_all_by(|n| n.value().is_some_and(|v| v.contains(url))).next().into_iter().for_each(|n| n.click());
        harness.step();
        assert_eq!(opened(&harness), Vec::<String>::new(), "clicking {url:?} opened something");
    }
    for label in ["run this", "a file", "some data"] {
        assert!(!links.iter().any(|l| l.contains(label)), "{label} is not a link: {links:?}");
    }
    // The safe ones still open.
    harness.get_by_label("the safe page").click();
    harness.step();
    assert_eq!(opened(&harness), vec!["https://www.mod.go.jp/".to_owned()]);
    harness.get_by_label("mail").click();
    harness.step();
    assert_eq!(opened(&harness), vec!["mailto:press@example.org".to_owned()]);
}

#[test]
fn a_source_url_that_is_not_a_web_page_is_text() {
    let mut harness = app_on_links();
    // Edited in the app (the loader already refuses such a url in a file): a source's address set to
    // `javascript:` is shown after its title, as text, and the title is not a link.
    let mut dataset = harness.state().state().dataset().clone();
    dataset.sources[0].url = Some("javascript:alert(document.cookie)".to_owned());
    let loaded = alliance_atlas::formats::load_str(&alliance_atlas::formats::export::ron::to_ron(&dataset, None));
    assert!(loaded.dataset.is_none(), "the loader refuses it: {:?}", loaded.problems);
    let url = "javascript:alert(document.cookie)".to_owned();
    harness.state_mut().apply(Command::Edit(EditCommand::SetSource(0, SourceField::Url, url)));
    harness.run();
    harness.state_mut().apply(Command::Select(Selection::Initiative(0), alliance_atlas::state::Origin::Timeline));
    harness.run();
    harness.get_by_label("(javascript:alert(document.cookie))");
    let title = harness.get_by_label("A source");
    assert_ne!(title.accesskit_node().role(), egui::accesskit::Role::Link);
    title.click();
    harness.step();
    assert_eq!(opened(&harness), Vec::<String>::new());
}
