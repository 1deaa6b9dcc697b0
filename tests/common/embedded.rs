//! The embedded dataset, loaded cleanly, and fuzzy dates from text: shared by the dataset tests.

use alliance_atlas::formats::load_str;
use alliance_atlas::model::{DEFAULT_DATASET, Dataset, FuzzyDate};

/// The embedded US–Japan dataset; it must load with no problem at all.
pub fn us_japan() -> Dataset {
    let loaded = load_str(DEFAULT_DATASET);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.dataset.expect("loads")
}

/// A fuzzy date written as in the data files.
pub fn date(text: &str) -> FuzzyDate {
    text.parse().expect("valid date")
}
