//! The explore view with 100,000 generated initiatives stays usable: clicking clusters zooms the map in
//! until a place can be clicked, and its details lead to one initiative.

use alliance_atlas::formats::Loaded;
use alliance_atlas::model::Day;
use alliance_atlas::model::generate::generate;
use alliance_atlas::state::command::DataSource;
use alliance_atlas::state::{Command, Selection};
use alliance_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn app_with_100k() -> Harness<'static, AtlasApp> {
    app_with(100_000, 1_000)
}

fn app_with(initiatives: usize, places: usize) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_pixels_per_point(1.0)
        .with_max_steps(24)
        .build_eframe(|cc| {
            let mut app =
                AtlasApp::new(cc, StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), ..StartOptions::default() });
            let loaded = Loaded::made(generate(initiatives, places, 3));
            app.apply(Command::Loaded(Box::new(loaded), DataSource::Named("generated".to_owned()), None));
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
    assert_eq!(harness.state().state().dataset().initiatives.len(), 100_000);
    // The timeline shows dense lanes as density charts, with their counts.
    assert!(harness.query_all_by_label_contains("initiatives in view").count() >= 1);
    let mut clicks = 0;
    while place_markers(&harness).is_empty() {
        assert!(clicks < 12, "still only clusters after {clicks} clicks");
        let zoom = harness.state().state().map_view().zoom;
        let cluster = harness.get_all_by_label_contains("Cluster of ").next();
        assert!(cluster.is_some(), "no place and no cluster on the map");
        if let Some(cluster) = cluster {
            cluster.click();
        }
        harness.run();
        assert!(harness.state().state().map_view().zoom > zoom, "a cluster click zooms in");
        clicks += 1;
    }
    assert!(clicks >= 1, "the fitted world view starts clustered");
    let marker = place_markers(&harness)[0].clone();
    harness.get_by_label(&marker).click();
    harness.run();
    let Some(Selection::Location(place)) = harness.state().state().selection() else {
        panic!("clicking {marker} selects the place");
    };
    let first = harness.state().state().index().initiatives_at[place][0];
    let title = harness.state().state().dataset().initiatives[first].title.clone();
    // The details list the place's initiatives; the first link selects it.
    if let Some(link) = harness.get_all_by_label(&title).next() {
        link.click();
    }
    harness.run();
    assert_eq!(harness.state().state().selection(), Some(Selection::Initiative(first)));
}

#[test]
fn a_place_lists_all_its_initiatives_laying_out_only_the_rows_in_view() {
    let mut harness = app_with(5_000, 10);
    let state = harness.state().state();
    let busiest = (0..state.index().initiatives_at.len()).max_by_key(|&l| state.index().initiatives_at[l].len());
    let Some(place) = busiest else { panic!("the generated data has places") };
    let items = state.index().initiatives_at[place].clone();
    assert!(items.len() > 300, "the busiest of 10 places holds hundreds ({})", items.len());
    let title = |i: usize| harness.state().state().dataset().initiatives[i].title.clone();
    let (first, last) = (title(items[0]), title(items[items.len() - 1]));
    harness.state_mut().apply(Command::Select(Selection::Location(place), alliance_atlas::state::Origin::Other));
    harness.run();
    harness.get_by_label(&format!("{} initiatives here", items.len()));
    assert!(harness.query_by_label(&first).is_some(), "the first initiative is listed");
    assert!(harness.query_by_label(&last).is_none(), "rows below the panel are not laid out");
    // Scroll the details to the end: the last initiative is there, and a click selects it.
    harness.hover_at(egui::pos2(1800.0, 700.0));
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -20_000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    assert!(harness.query_by_label(&first).is_none(), "the first row scrolled away");
    let Some(link) = harness.query_by_label(&last) else { panic!("the last initiative is listed at the end") };
    link.click();
    harness.run();
    assert_eq!(harness.state().state().selection(), Some(Selection::Initiative(items[items.len() - 1])));
}
