//! Every way a [`Dataset`] leaves the app: saved as our own RON ([`ron`]), or exported for other
//! tools — `GeoJSON` ([`geojson`]), CSV in our template ([`csv`]), iCalendar ([`ics`]) and `TimelineJS`
//! JSON ([`timelinejs`]).
//!
//! [`render::render`] writes any of them, as the app's File > Export and the CLI's `export` do.
//! Exports take a [`Subset`], so the app can export "what the filters show" as well as the whole
//! dataset. Floor 2: imports `model` only.

pub mod csv;
pub mod geojson;
pub mod ics;
pub mod patch;
pub mod render;
pub mod ron;
pub mod timelinejs;

use crate::model::{Dataset, FuzzyDate, Initiative, Location};

/// Which initiatives an export writes.
#[derive(Clone, Copy, Debug, Default)]
pub enum Subset<'a> {
    /// Every initiative (and every place).
    #[default]
    All,
    /// The initiatives whose entry is `true` (a visibility mask, one entry per initiative; missing
    /// entries count as hidden).
    Mask(&'a [bool]),
    /// The initiatives at these indices, in this order (indices out of range are skipped).
    Indices(&'a [usize]),
}

impl Subset<'_> {
    /// The chosen initiatives of `dataset`.
    pub fn initiatives<'d>(&self, dataset: &'d Dataset) -> Vec<&'d Initiative> {
        match *self {
            Self::All => dataset.initiatives.iter().collect(),
            Self::Mask(mask) => dataset
                .initiatives
                .iter()
                .zip(mask)
                .filter_map(|(initiative, &shown)| shown.then_some(initiative))
                .collect(),
            Self::Indices(indices) => indices.iter().filter_map(|&i| dataset.initiatives.get(i)).collect(),
        }
    }

    /// The places to write: every place for [`Subset::All`], otherwise the places the chosen
    /// initiatives name, in the dataset's order.
    pub fn locations<'d>(&self, dataset: &'d Dataset, chosen: &[&Initiative]) -> Vec<&'d Location> {
        if matches!(self, Self::All) {
            return dataset.locations.iter().collect();
        }
        let named: std::collections::BTreeSet<&str> =
            chosen.iter().flat_map(|i| i.places.iter().map(String::as_str)).collect();
        dataset.locations.iter().filter(|l| named.contains(l.id.as_str())).collect()
    }
}

/// The date an initiative is filed under in a calendar: completed, else announced, else start, else
/// target; with the name of its field.
pub fn main_date(initiative: &Initiative) -> Option<(&'static str, FuzzyDate)> {
    [
        ("completed", initiative.completed),
        ("announced", initiative.announced),
        ("start", initiative.start),
        ("target", initiative.target),
    ]
    .into_iter()
    .find_map(|(name, date)| date.map(|d| (name, d)))
}

/// Items joined with `; ` (the list separator of our CSV template, as people type it). A `;` inside an
/// item would split it in two (and put the source columns out of step), so it is written as `,`.
fn joined<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let mut out = String::new();
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        out.push_str(&item.as_ref().replace(';', ","));
    }
    out
}
