//! The import window's part: a spreadsheet whose headers are neither our template's nor `TimelineJS`'s
//! is not an error to dismiss but a question: which column is which field (a guess preselected),
//! whose fiscal years, which day order. Import reads the same bytes again with those choices (an
//! effect, through the data door); the window stays until the data is in, and a mapping that worked
//! is remembered for files with the same headers, which then import without asking.

use crate::formats::ImportOptions;
use crate::formats::loaded::ColumnsToMap;
use crate::state::command::{DataSource, Effect, ImportCommand, RememberedColumns, header_signature};
pub use crate::state::data::PendingImport;
use crate::state::data::State;

/// Remembered mappings kept.
const REMEMBERED: usize = 20;

impl State {
    /// Applies a command of the import window.
    pub(crate) fn apply_import(&mut self, command: ImportCommand) -> Vec<Effect> {
        let Some(pending) = &mut self.import else { return Vec::new() };
        match command {
            ImportCommand::SetColumn(i, field) => {
                let columns = pending.options.columns.get_or_insert_with(Vec::new);
                if i < pending.request.headers.len() {
                    columns.resize(pending.request.headers.len(), None);
                    // A field is one column's (sources may repeat): choosing it moves it here.
                    if let Some(f) = field.as_deref().filter(|f| !f.starts_with("source")) {
                        for other in columns.iter_mut().filter(|c| c.as_deref() == Some(f)) {
                            *other = None;
                        }
                    }
                    columns[i] = field;
                }
            }
            ImportCommand::UsFiscal(us) => pending.options.us_fiscal = us,
            ImportCommand::DayOrder(order) => pending.options.day_order = order,
            ImportCommand::Apply => {
                pending.tried = true;
                return vec![Self::open_mapped(pending)];
            }
            ImportCommand::Cancel => self.import = None,
        }
        Vec::new()
    }

    fn open_mapped(pending: &PendingImport) -> Effect {
        Effect::OpenWith {
            source: pending.source.clone(),
            name: pending.request.name.clone(),
            bytes: pending.request.bytes.clone(),
            options: pending.options.clone(),
        }
    }

    /// A spreadsheet that needs its columns mapped: imported at once with a mapping remembered for
    /// its headers, or else the window opens with the guesses.
    pub(crate) fn columns_to_map(&mut self, request: ColumnsToMap, source: DataSource) -> Vec<Effect> {
        let signature = header_signature(&request.headers);
        let remembered =
            self.settings.column_mappings.iter().find(|m| m.headers == signature).map(|m| m.options.clone());
        if let Some(options) = remembered {
            let pending = PendingImport { source, request, options, tried: true };
            let effect = Self::open_mapped(&pending);
            self.import = Some(pending);
            return vec![effect];
        }
        let options = ImportOptions { columns: Some(request.guess.clone()), ..ImportOptions::default() };
        self.import = Some(PendingImport { source, request, options, tried: false });
        Vec::new()
    }

    /// The mapped spreadsheet is in: the window closes and its mapping is remembered.
    pub(crate) fn import_done(&mut self, source: &DataSource) {
        let Some(pending) = self.import.take_if(|p| &p.source == source) else { return };
        let headers = header_signature(&pending.request.headers);
        self.settings.column_mappings.retain(|m| m.headers != headers);
        self.settings.column_mappings.insert(0, RememberedColumns { headers, options: pending.options });
        self.settings.column_mappings.truncate(REMEMBERED);
    }

    /// The spreadsheet waiting for its columns, if any.
    pub fn pending_import(&self) -> Option<&PendingImport> {
        self.import.as_ref()
    }
}
