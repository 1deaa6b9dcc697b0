//! The eframe shell. For now a plain, readable list of the dataset's initiatives; the explore view
//! (timeline, map, location list, details) replaces it.

use std::path::Path;

use crate::model::{DEFAULT_DATASET, DEFAULT_DATASET_NAME, Dataset, Problem, load_file, load_str};

/// The application.
#[derive(Debug)]
pub struct AtlasApp {
    dataset: Dataset,
    /// Where the dataset came from (a path, or the embedded name).
    source_name: String,
    /// Problems of the last file that was asked for, shown until it loads cleanly.
    problems: Vec<(String, Problem)>,
}

impl AtlasApp {
    /// Starts on `file` when given and loadable, else on the embedded dataset.
    pub fn new(_cc: &eframe::CreationContext<'_>, file: Option<&Path>) -> Self {
        let mut app = Self::with_embedded();
        if let Some(path) = file {
            app.open(path);
        }
        app
    }

    /// The app on the embedded default dataset.
    pub fn with_embedded() -> Self {
        let loaded = load_str(DEFAULT_DATASET);
        let problems = loaded
            .problems
            .into_iter()
            .map(|p| (DEFAULT_DATASET_NAME.to_owned(), p))
            .collect();
        Self {
            dataset: loaded.dataset.unwrap_or_default(),
            source_name: DEFAULT_DATASET_NAME.to_owned(),
            problems,
        }
    }

    /// Opens a file; on errors the current dataset stays and the problems are shown.
    pub fn open(&mut self, path: &Path) {
        let loaded = load_file(path);
        let name = path.display().to_string();
        self.problems = loaded
            .problems
            .into_iter()
            .map(|p| (name.clone(), p))
            .collect();
        if let Some(dataset) = loaded.dataset {
            self.dataset = dataset;
            self.source_name = name;
        }
    }

    /// The dataset on screen.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    fn header_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading(&self.dataset.meta.title);
            ui.label(format!("as of {}", self.dataset.meta.as_of));
        });
        ui.small(format!(
            "{} · {} initiatives",
            self.source_name,
            self.dataset.initiatives.len()
        ));
    }

    fn problems_ui(&self, ui: &mut egui::Ui) {
        ui.strong(format!(
            "{} problem(s) in the file you opened; showing the data loaded before",
            self.problems.len()
        ));
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .show(ui, |ui| {
                for (file, problem) in &self.problems {
                    ui.monospace(problem.display_in(file).to_string());
                }
            });
    }

    fn list_ui(&self, ui: &mut egui::Ui) {
        let mut items: Vec<_> = self.dataset.initiatives.iter().collect();
        items.sort_by_key(|i| i.first_date());
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("initiatives")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for item in items {
                            let when: Vec<String> = item
                                .dates()
                                .map(|(field, d)| format!("{field} {d}"))
                                .collect();
                            ui.label(when.join(" · "));
                            ui.label(format!("{:?}", item.status));
                            ui.label(&item.title).on_hover_text(&item.summary);
                            ui.end_row();
                        }
                    });
            });
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("header").show(ui, |ui| self.header_ui(ui));
        if !self.problems.is_empty() {
            egui::Panel::bottom("problems").show(ui, |ui| self.problems_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| self.list_ui(ui));
    }
}
