//! A deterministic generator of realistic synthetic datasets, for benchmarks and scale tests: places
//! clustered around real bases, dates of every precision and qualifier, several lines of effort, sources.
//! Same arguments, same dataset.

use super::date::{FiscalCalendar, FuzzyDate, Period, Qualifier};
use super::types::{
    Cite, Dataset, Initiative, LineOfEffort, Location, LocationKind, Meta, PlacePrecision, Rel, RelKind, Source, Status,
};

/// Real anchor points the generated places cluster around (lat, lon, country).
const BASES: [(f64, f64, &str); 8] = [
    (26.46, 127.92, "JP"),
    (35.75, 139.35, "JP"),
    (31.37, 130.84, "JP"),
    (24.40, 124.18, "JP"),
    (13.44, 144.79, "US"),
    (38.87, -77.06, "US"),
    (37.57, 126.98, "KR"),
    (-35.28, 149.13, "AU"),
];

const LINES: [LineOfEffort; 11] = [
    LineOfEffort::ForcePosture,
    LineOfEffort::Isr,
    LineOfEffort::Space,
    LineOfEffort::Cyber,
    LineOfEffort::Strike,
    LineOfEffort::AirMissileDefense,
    LineOfEffort::CommandAndControl,
    LineOfEffort::Exercises,
    LineOfEffort::Partners,
    LineOfEffort::Policy,
    LineOfEffort::Industry,
];

const WORDS: [&str; 16] = [
    "littoral",
    "regiment",
    "radar",
    "exercise",
    "squadron",
    "headquarters",
    "missile",
    "logistics",
    "patrol",
    "training",
    "agreement",
    "deployment",
    "surveillance",
    "runway",
    "command",
    "alliance",
];

/// A small, fast, deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn date(rng: &mut Rng, year: i32) -> FuzzyDate {
    let month = 1 + rng.below(12) as u8;
    let period = match rng.below(10) {
        0 => Period::Year(year),
        1 => Period::Quarter(year, 1 + rng.below(4) as u8),
        2 => Period::FiscalYear(if rng.below(2) == 0 { FiscalCalendar::Japan } else { FiscalCalendar::Us }, year),
        3 | 4 => Period::Month(year, month),
        _ => Period::Day(year, month, 1 + rng.below(28) as u8),
    };
    let qualifier = match rng.below(12) {
        0 => Qualifier::Circa,
        1 => Qualifier::NotBefore,
        _ => Qualifier::Exact,
    };
    FuzzyDate { period, qualifier }
}

/// A dataset of `initiatives` initiatives over `places` places, from `seed`. It passes validation.
pub fn generate(initiatives: usize, places: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed.max(1));
    let places = places.max(1);
    let mut ds = Dataset {
        meta: Meta {
            title: format!("Generated: {initiatives} initiatives, {places} places, seed {seed}"),
            description: "Synthetic data for benchmarks.".to_owned(),
            as_of: FuzzyDate::exact(Period::Day(2026, 1, 1)),
            authors: vec!["alliance-atlas generate".to_owned()],
        },
        ..Dataset::default()
    };
    ds.sources = (0..8)
        .map(|i| Source {
            id: format!("src-{i}"),
            title: format!("Generated source {i}"),
            publisher: "Generator".to_owned(),
            date: None,
            url: Some(format!("https://example.org/source/{i}")),
        })
        .collect();
    ds.locations = (0..places)
        .map(|i| {
            let (lat, lon, country) = BASES[rng.below(BASES.len())];
            Location {
                id: format!("p{i}"),
                name: format!("Site {i} near {}", WORDS[rng.below(WORDS.len())]),
                name_ja: (rng.below(3) == 0).then(|| format!("拠点{i}")),
                lat: lat + (rng.unit() - 0.5) * 2.0,
                lon: lon + (rng.unit() - 0.5) * 2.0,
                kind: [LocationKind::Base, LocationKind::Airbase, LocationKind::Island][rng.below(3)],
                precision: [PlacePrecision::ExactSite, PlacePrecision::About1Km, PlacePrecision::Region][rng.below(3)],
                country: country.to_owned(),
                coord_source: None,
            }
        })
        .collect();
    ds.initiatives = (0..initiatives).map(|i| initiative(&mut rng, i, places, ds.sources.len())).collect();
    add_relations(&mut ds.initiatives, seed);
    ds
}

/// About one relation per initiative (none, one or two), each to an earlier one — so no `PartOf`
/// cycle and no link to itself — and none twice; from a random source of their own, so the rest of
/// the dataset is what it was before there were relations.
fn add_relations(items: &mut [Initiative], seed: u64) {
    let mut rng = Rng((seed ^ 0x9E37_79B9_7F4A_7C15).max(1));
    for (i, item) in items.iter_mut().enumerate().skip(1) {
        for _ in 0..rng.below(3) {
            let to = format!("i{}", rng.below(i));
            let kind = RelKind::ALL[rng.below(RelKind::ALL.len())];
            let relations = &mut item.relations;
            if !relations.iter().any(|r| r.to == to && r.kind == kind) {
                relations.push(Rel { to, kind, note: None });
            }
        }
    }
}

fn initiative(rng: &mut Rng, i: usize, places: usize, sources: usize) -> Initiative {
    let year = 2000 + rng.below(23) as i32;
    let announced = date(rng, year);
    let done = rng.below(3) == 0;
    let done_year = year + 1 + rng.below(3) as i32;
    let completed = done.then(|| date(rng, done_year));
    let title = format!("{} {} {i}", WORDS[rng.below(WORDS.len())], WORDS[rng.below(WORDS.len())]);
    Initiative {
        id: format!("i{i}"),
        summary: format!("Generated initiative {i}: {title}."),
        title,
        body: String::new(),
        lines_of_effort: vec![LINES[rng.below(LINES.len())]],
        actors: vec![["US", "JP", "AU", "KR"][rng.below(4)].to_owned()],
        status: if done { Status::Completed } else { [Status::Announced, Status::Ongoing][rng.below(2)] },
        status_note: None,
        announced: Some(announced),
        start: None,
        target: (!done && rng.below(2) == 0)
            .then(|| FuzzyDate { period: Period::Year(year + 3), qualifier: Qualifier::By }),
        completed,
        end: None,
        places: if rng.below(10) == 0 { Vec::new() } else { vec![format!("p{}", rng.below(places))] },
        related: Vec::new(),
        relations: Vec::new(),
        tags: Vec::new(),
        sources: vec![Cite { source: format!("src-{}", rng.below(sources)), note: None }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::{BrokenIds, validate};

    #[test]
    fn generated_data_is_valid_and_repeatable() {
        let ds = generate(2_000, 300, 7);
        let findings = validate(&ds, &BrokenIds::default());
        assert!(findings.is_empty(), "{findings:#?}");
        assert_eq!(generate(2_000, 300, 7), ds);
        assert_ne!(generate(2_000, 300, 8), ds);
        assert_eq!(ds.initiatives.len(), 2_000);
        let relations: usize = ds.initiatives.iter().map(|i| i.relations.len()).sum();
        assert!((1_800..2_200).contains(&relations), "about one relation each: {relations}");
    }
}
