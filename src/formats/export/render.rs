//! One entry for every output format: [`render`] writes the chosen part of a dataset in a format, as
//! the named files it makes (CSV makes two), with a summary of what it wrote in words.

use super::{Subset, csv, geojson, ics, ron, timelinejs};
use crate::model::view::LaneGrouping;
use crate::model::{Dataset, Initiative};

/// A format a dataset can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Our own RON dataset (File > Save as).
    Ron,
    /// A `GeoJSON` `FeatureCollection`: a Point per place, with its initiatives.
    Geojson,
    /// Our CSV template: a row per initiative, and `NAME.places.csv` beside it.
    Csv,
    /// An iCalendar file: an all-day event per dated initiative.
    Ics,
    /// `TimelineJS` JSON.
    Timelinejs,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 5] = [Self::Ron, Self::Geojson, Self::Csv, Self::Ics, Self::Timelinejs];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Ron => "ron",
            Self::Geojson => "geojson",
            Self::Csv => "csv",
            Self::Ics => "ics",
            Self::Timelinejs => "json",
        }
    }

    /// The name people know the format by (menus, dialogs).
    pub fn label(self) -> &'static str {
        match self {
            Self::Ron => "Alliance Atlas dataset (RON)",
            Self::Geojson => "GeoJSON",
            Self::Csv => "CSV (our template)",
            Self::Ics => "iCalendar (ICS)",
            Self::Timelinejs => "TimelineJS JSON",
        }
    }
}

/// The files an export makes: their names (the first is the one asked for) and texts, and what the
/// export counted, in words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// `(file name, text)`: one file, or for CSV the initiatives and then `NAME.places.csv`.
    pub files: Vec<(String, String)>,
    /// What was written, e.g. "35 initiatives, 31 places" (for the status line and the CLI).
    pub summary: String,
}

/// Writes the chosen part of `dataset` in `format`, to be saved as `file_name` (a path or a bare
/// name). `origin` names where the data came from (a comment at the top of a RON file).
pub fn render(
    format: ExportFormat,
    dataset: &Dataset,
    subset: Subset<'_>,
    file_name: &str,
    origin: Option<&str>,
    lanes: LaneGrouping,
) -> Rendered {
    // A part of the data is written as a dataset of its own, so that it checks: no links to what was
    // left out, no sources nobody cites.
    let cut;
    let (dataset, subset) = if matches!(subset, Subset::All) {
        (dataset, Subset::All)
    } else {
        cut = subset_dataset(dataset, subset);
        (&cut, Subset::All)
    };
    let mut summary = format!("{} initiative(s), {} place(s)", dataset.initiatives.len(), dataset.locations.len());
    let text = match format {
        ExportFormat::Ron => ron::to_ron(dataset, origin),
        ExportFormat::Geojson => geojson::to_geojson(dataset, subset),
        ExportFormat::Timelinejs => timelinejs::to_timelinejs(dataset, subset, lanes),
        ExportFormat::Csv => {
            let rows = csv::initiatives_csv(dataset, subset);
            let places = (csv::places_file_name(file_name), csv::places_csv(dataset, subset));
            return Rendered { files: vec![(file_name.to_owned(), rows), places], summary };
        }
        ExportFormat::Ics => {
            let calendar = ics::to_ics(dataset, subset);
            summary = format!(
                "{} event(s); left out {} undated initiative(s) and {} outside the years 0–9999",
                calendar.events, calendar.undated, calendar.out_of_range
            );
            calendar.text
        }
    };
    Rendered { files: vec![(file_name.to_owned(), text)], summary }
}

/// The dataset cut down to a subset: the chosen initiatives, the places they name (every place for
/// [`Subset::All`]), and the rest (meta, eras, sources) as it is.
pub fn subset_dataset(dataset: &Dataset, subset: Subset<'_>) -> Dataset {
    if matches!(subset, Subset::All) {
        return dataset.clone();
    }
    let chosen = subset.initiatives(dataset);
    let locations = subset.locations(dataset, &chosen).into_iter().cloned().collect();
    let ids: std::collections::HashSet<&str> = chosen.iter().map(|i| i.id.as_str()).collect();
    let mut initiatives: Vec<Initiative> = chosen.iter().map(|&i| i.clone()).collect();
    // Links to initiatives left out would not check; the sources left uncited would warn.
    for initiative in &mut initiatives {
        initiative.related.retain(|id| ids.contains(id.as_str()));
        initiative.relations.retain(|r| ids.contains(r.to.as_str()));
    }
    let cited: std::collections::HashSet<&str> =
        chosen.iter().flat_map(|i| i.sources.iter().map(|c| c.source.as_str())).collect();
    let sources = dataset.sources.iter().filter(|s| cited.contains(s.id.as_str())).cloned().collect();
    Dataset { meta: dataset.meta.clone(), sources, locations, initiatives, eras: dataset.eras.clone() }
}
