//! The dataset editor's commands for sources and eras: add, edit (dates typed as people type them),
//! delete (a source still cited is refused, with the citing initiatives named). Each is one undoable
//! change, saved into the file like the rest.

use crate::model::date::FiscalCalendar;
use crate::model::date_loose::parse_loose;
use crate::model::finding::Collection;
use crate::model::{Era, FuzzyDate, Source};
use crate::state::command::{EraField, SourceField};
use crate::state::data::{Change, Item, State};

/// A date as people type it, or why not.
fn read_date(text: &str) -> Result<FuzzyDate, String> {
    parse_loose(text, FiscalCalendar::Japan)
        .map_err(|e| e.hint.map_or_else(|| e.message.clone(), |h| format!("{} ({h})", e.message)))
}

impl State {
    pub(crate) fn add_source(&mut self) {
        let id = crate::state::edit::fresh_id("new-source-", self.dataset.sources.iter().map(|x| x.id.as_str()));
        let source = Source { id, title: "New source".to_owned(), publisher: String::new(), date: None, url: None };
        let at = self.dataset.sources.len();
        self.add(Collection::Sources, at, "addition of a new source".to_owned(), Item::Source(source));
    }

    pub(crate) fn set_source(&mut self, s: usize, field: SourceField, text: String) {
        let Some(before) = self.dataset.sources.get(s).cloned() else { return };
        let mut after = before.clone();
        let name = match field {
            SourceField::Title => {
                after.title = text;
                "title"
            }
            SourceField::Publisher => {
                after.publisher = text;
                "publisher"
            }
            SourceField::Url => {
                after.url = Some(text.trim().to_owned()).filter(|u| !u.is_empty());
                "url"
            }
            SourceField::Date => {
                if text.trim().is_empty() {
                    after.date = None;
                } else {
                    match read_date(&text) {
                        Ok(date) => after.date = Some(date),
                        Err(why) => {
                            self.edit.message = Some(format!("The source's date was not taken: {why}"));
                            return;
                        }
                    }
                }
                "date"
            }
        };
        if after != before {
            let label = format!("change of the {name} of the source “{}”", before.id);
            self.record(Collection::Sources, s, label, (Item::Source(before), Item::Source(after)), Some((s, name)));
        }
    }

    pub(crate) fn delete_source(&mut self, s: usize) {
        let Some(source) = self.dataset.sources.get(s).cloned() else { return };
        let citing: Vec<String> = self
            .dataset
            .initiatives
            .iter()
            .filter(|x| x.sources.iter().any(|c| c.source == source.id))
            .map(|x| format!("“{}”", x.id))
            .collect();
        if !citing.is_empty() {
            self.edit.message =
                Some(format!("The source “{}” is not deleted: {} cite it.", source.id, citing.join(", ")));
            return;
        }
        let origin = self.edit.source_origins.get(s).copied().flatten();
        self.remove(
            Collection::Sources,
            s,
            format!("deletion of the source “{}”", source.id),
            (Item::Source(source), origin),
        );
    }

    pub(crate) fn add_era(&mut self) {
        let id = crate::state::edit::fresh_id("new-era-", self.dataset.eras.iter().map(|x| x.id.as_str()));
        let (y, _, _) = self.today.ymd();
        let year = FuzzyDate::exact(crate::model::Period::Year(i32::try_from(y).unwrap_or(2026)));
        let era = Era { id, title: "New era".to_owned(), start: year, end: year };
        let at = self.dataset.eras.len();
        self.add(Collection::Eras, at, "addition of a new era".to_owned(), Item::Era(era));
    }

    pub(crate) fn set_era(&mut self, e: usize, field: EraField, text: String) {
        let Some(before) = self.dataset.eras.get(e).cloned() else { return };
        let mut after = before.clone();
        let name = match field {
            EraField::Title => {
                after.title = text;
                "title"
            }
            EraField::Start | EraField::End => {
                let date = match read_date(&text) {
                    Ok(date) => date,
                    Err(why) => {
                        self.edit.message = Some(format!("The era's date was not taken: {why}"));
                        return;
                    }
                };
                if field == EraField::Start {
                    after.start = date;
                    "start"
                } else {
                    after.end = date;
                    "end"
                }
            }
        };
        if after != before {
            let label = format!("change of the {name} of the era “{}”", before.title);
            self.record(Collection::Eras, e, label, (Item::Era(before), Item::Era(after)), Some((e, name)));
        }
    }

    pub(crate) fn delete_era(&mut self, e: usize) {
        let Some(era) = self.dataset.eras.get(e).cloned() else { return };
        let origin = self.edit.era_origins.get(e).copied().flatten();
        self.remove(Collection::Eras, e, format!("deletion of the era “{}”", era.title), (Item::Era(era), origin));
    }

    /// Removes item `at` of `collection` as one undoable change.
    pub(crate) fn remove(&mut self, collection: Collection, at: usize, label: String, before: (Item, Option<usize>)) {
        self.edit.undo.push(Change { label, collection, index: at, before: Some(before), after: None, merge: None });
        self.edit.redo.clear();
        self.put(collection, at, None, true);
        self.edit.message = None;
    }
}
