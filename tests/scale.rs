//! The explore view with 100,000 generated initiatives stays usable: clicking clusters zooms the map in
//! until a place can be clicked, and its details lead to one initiative.

use alliance_atlas::command::DataSource;
use alliance_atlas::model::generate::generate;
use alliance_atlas::model::{Day, Loaded};
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn app_with_100k() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_pixels_per_point(1.0)
        .with_max_steps(24)
        .build_eframe(|cc| {
            let mut app =
                AtlasApp::new(cc, StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), ..StartOptions::default() });
            let loaded = Loaded { dataset: Some(generate(100_000, 1_000, 3)), problems: Vec::new() };
            app.apply(Command::Loaded(Box::new(loaded), DataSource::Named("generated 100k".to_owned()), None));
            app
        });
    harness.run();
    harness
}

/// Labels of single place markers on the map ("Site 12 near Kadena: 97 initiatives").
fn place_markers(harness: &Harness<'static, AtlasApp>) -> Vec<String> {
    harness
        .query_all_by_label_contains("Site ")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.ends_with(" initiatives") || l.ends_with(" initiative"))
        .filter(|l| !l.starts_with("Cluster of"))
        .collect()
}

#[test]
fn with_100k_initiatives_clusters_zoom_in_until_one_initiative_can_be_selected() {
    let mut harness = app_with_100k();
    assert_eq!(harness.state().state().dataset.initiatives.len(), 100_000);
    // The timeline shows dense lanes as density charts, with their counts.
    assert!(harness.query_all_by_label_contains("initiatives in view").count() >= 1);
    let mut clicks = 0;
    while place_markers(&harness).is_empty() {
        assert!(clicks < 12, "still only clusters after {clicks} clicks");
        let zoom = harness.state().state().map_view.zoom;
        let cluster = harness.get_all_by_label_contains("Cluster of ").next();
        assert!(cluster.is_some(), "no place and no cluster on the map");
        if let Some(cluster) = cluster {
            cluster.click();
        }
        harness.run();
        assert!(harness.state().state().map_view.zoom > zoom, "a cluster click zooms in");
        clicks += 1;
    }
    assert!(clicks >= 1, "the fitted world view starts clustered");
    let marker = place_markers(&harness)[0].clone();
    harness.get_by_label(&marker).click();
    harness.run();
    let Some(Selection::Location(place)) = harness.state().state().selection else {
        panic!("clicking {marker} selects the place");
    };
    let first = harness.state().state().index.initiatives_at[place][0];
    let title = harness.state().state().dataset.initiatives[first].title.clone();
    // The details list the place's initiatives; the first link selects it.
    if let Some(link) = harness.get_all_by_label(&title).next() {
        link.click();
    }
    harness.run();
    assert_eq!(harness.state().state().selection, Some(Selection::Initiative(first)));
}
