//! Writing the data out: File > Save as (our RON) and File > Export (`GeoJSON`, CSV, ICS, `TimelineJS`),
//! of the whole dataset or of what the filters show. The texts are made here (pure, by
//! `formats::export::render`); writing them is an effect: a file through `platform::write_atomic` on
//! the desktop, a download in the browser. Saving as RON switches the app to the new file, so Reload
//! and the next save go there, and writes the deck beside it when there is one.

use std::path::{Path, PathBuf};

use crate::formats::export::Subset;
use crate::formats::export::render::{ExportFormat, render};
use crate::state::command::{DataSource, Effect, WriteFor};
pub use crate::state::command::{ExportCommand, ExportScope, ExportTarget};
pub use crate::state::data::Export;
use crate::state::data::State;

/// The name exports of the data are offered under: the dataset's file stem, or "alliance-atlas".
pub fn file_stem(source: &DataSource) -> String {
    match source {
        DataSource::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        DataSource::Named(name) => Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()),
        DataSource::Embedded => None,
    }
    .filter(|s| !s.is_empty())
    .unwrap_or_else(|| "alliance-atlas".to_owned())
}

/// The file name an export is offered under: the dataset's file stem (or "alliance-atlas"), and the
/// format's extension; `-shown` when only what the filters show is written.
pub fn suggested_name(source: &DataSource, format: ExportFormat, scope: ExportScope) -> String {
    let shown = if scope == ExportScope::Shown { "-shown" } else { "" };
    format!("{}{shown}.{}", file_stem(source), format.extension())
}

impl State {
    /// Applies a command of the export part.
    pub(crate) fn apply_export(&mut self, command: ExportCommand) -> Vec<Effect> {
        match command {
            ExportCommand::Write { format, scope, target } => self.export(format, scope, &target),
            ExportCommand::DismissNotice => {
                self.export.notice = None;
                Vec::new()
            }
            ExportCommand::PageDialog(options) => {
                self.export.page_dialog = options.map(|o| *o);
                Vec::new()
            }
            ExportCommand::PosterDialog(choice) => {
                self.export.poster_dialog = choice;
                Vec::new()
            }
        }
    }

    fn export(&mut self, format: ExportFormat, scope: ExportScope, target: &ExportTarget) -> Vec<Effect> {
        let subset = match scope {
            ExportScope::All => Subset::All,
            ExportScope::Shown => Subset::Mask(&self.focus.visible),
        };
        let name = match target {
            ExportTarget::File(path) => path.display().to_string(),
            ExportTarget::Download(name) => name.clone(),
        };
        let lanes = self.settings.lane_grouping;
        let rendered = render(format, &self.dataset, subset, &name, Some(&self.source.name()), lanes);
        let names: Vec<String> = rendered.files.iter().map(|(file, _)| file.clone()).collect();
        self.export = Export { summary: rendered.summary, ..Export::default() };
        let whole = scope == ExportScope::All;
        if format == ExportFormat::Ron && whole && matches!(target, ExportTarget::File(_)) {
            // The saved file becomes the data's own: its spans, for the next Save in place.
            let text = rendered.files.first().map_or("", |(_, t)| t.as_str());
            self.edit.saving = crate::formats::ron::load::read_unchecked(text).map(|(_, map)| (map, true));
        }
        let mut effects: Vec<Effect> = rendered
            .files
            .into_iter()
            .map(|(file, text)| match target {
                ExportTarget::File(_) => Effect::Write {
                    what: WriteFor::Export { format, whole },
                    path: PathBuf::from(file),
                    text,
                    backup: false,
                },
                ExportTarget::Download(_) => {
                    Effect::Download { what: WriteFor::Export { format, whole }, name: file, text }
                }
            })
            .collect();
        if let ExportTarget::Download(_) = target {
            self.export.notice = Some(format!("Downloaded {}: {}", names.join(" and "), self.export.summary));
        }
        // A dataset saved as RON keeps its deck: written beside it, where the app looks for it.
        if let (ExportFormat::Ron, true, ExportTarget::File(path), Some(deck)) = (format, whole, target, &self.deck)
            && let Some(deck_path) = crate::state::deck::deck_path_for(&DataSource::File(path.clone()))
        {
            let text = crate::briefing::to_ron(deck);
            effects.push(Effect::Write { what: WriteFor::Deck, path: deck_path, text, backup: true });
        }
        effects
    }

    /// An exported file, written or not. A dataset saved whole as RON becomes the open file (Reload
    /// and the saved views follow it).
    pub(crate) fn export_written(
        &mut self,
        format: ExportFormat,
        whole: bool,
        path: &Path,
        result: Result<(), String>,
    ) {
        match result {
            Ok(()) => {
                self.export.written.push(path.display().to_string());
                let files = self.export.written.join(" and ");
                self.export.notice = Some(format!("Wrote {files}: {}", self.export.summary));
                if format == ExportFormat::Ron && whole {
                    self.source = DataSource::File(path.to_owned());
                    self.remember_recent(path);
                    // Saved: the edits are in, and the next Save writes into this file.
                    self.dataset_written(path, Ok(()));
                }
            }
            Err(e) => self.export.notice = Some(format!("Could not write {}: {e}", path.display())),
        }
    }
}
