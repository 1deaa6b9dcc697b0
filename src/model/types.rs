//! The dataset: meta, sources, locations, initiatives and context eras. Pure data, no UI.

use serde::{Deserialize, Serialize};

use super::date::FuzzyDate;
use super::schema::unit_enum;

/// A whole dataset file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Title, description, as-of date, authors.
    pub meta: Meta,
    /// Publications that initiatives cite, by id.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Places, by id.
    #[serde(default)]
    pub locations: Vec<Location>,
    /// The initiatives.
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    /// Optional context bands drawn behind the timeline.
    #[serde(default)]
    pub eras: Vec<Era>,
}

/// About the dataset as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Shown in the title bar.
    pub title: String,
    /// A paragraph on scope and method (markdown).
    #[serde(default)]
    pub description: String,
    /// The day the data was last checked: "as of".
    pub as_of: FuzzyDate,
    /// Who compiled it.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// A publication an initiative cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Readable slug, e.g. `dod-article-2023-01-11`.
    pub id: String,
    /// Title as published.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Publication date.
    #[serde(default)]
    pub date: Option<FuzzyDate>,
    /// Where to read it (http or https).
    #[serde(default)]
    pub url: Option<String>,
}

/// A citation of a source by an initiative, with an optional note on what it supports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    /// Id of a [`Source`].
    pub source: String,
    /// What this source supports, e.g. "redesignation date".
    #[serde(default)]
    pub note: Option<String>,
}

/// A place on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Readable slug, e.g. `camp_hansen`.
    pub id: String,
    /// English name.
    pub name: String,
    /// Japanese name, when there is one.
    #[serde(default)]
    pub name_ja: Option<String>,
    /// Latitude, degrees north (−90..=90).
    pub lat: f64,
    /// Longitude, degrees east (−180..=180).
    pub lon: f64,
    /// What sort of place.
    pub kind: LocationKind,
    /// How exact the coordinates are.
    pub precision: PlacePrecision,
    /// ISO 3166-1 alpha-2 code of the country it is in or administered by; empty for seas.
    #[serde(default)]
    pub country: String,
    /// Where the coordinates come from.
    #[serde(default)]
    pub coord_source: Option<String>,
}

unit_enum! {
    "a location kind";
    /// What sort of place a location is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum LocationKind {
        /// A military base or camp.
        Base,
        /// An air base or airfield.
        Airbase,
        /// A city.
        City,
        /// A national capital.
        Capital,
        /// An island.
        Island,
        /// A sea or ocean area.
        SeaArea,
        /// A region or island chain.
        Region,
        /// A building.
        Building,
        /// A landmark such as a mountain.
        Landmark,
    }
}

unit_enum! {
    "a place precision";
    /// How exact a location's coordinates are: decides whether the map draws a dot, a halo or a label.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum PlacePrecision {
        /// The site itself, to tens of metres.
        ExactSite,
        /// Within about a kilometre.
        About1Km,
        /// Somewhere in the city.
        City,
        /// Somewhere in a region, island or sea.
        Region,
        /// A representative point chosen to place a label; not a position.
        LabelPoint,
    }
}

unit_enum! {
    "a line of effort";
    /// Areas of effort an initiative belongs to (several allowed).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum LineOfEffort {
        /// Where forces are and how they are organised.
        ForcePosture,
        /// Intelligence, surveillance and reconnaissance.
        Isr,
        /// Space.
        Space,
        /// Cyber.
        Cyber,
        /// Long-range strike and counterstrike.
        Strike,
        /// Air and missile defence.
        AirMissileDefense,
        /// Headquarters, command and control.
        CommandAndControl,
        /// Exercises and training.
        Exercises,
        /// Allies and partners beyond the two nations.
        Partners,
        /// Strategy, budget and diplomacy.
        Policy,
        /// Defence industry and acquisition.
        Industry,
    }
}

unit_enum! {
    "a status";
    /// Where an initiative stands (as of the dataset's as-of date).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Status {
        /// Suggested, not decided.
        Proposed,
        /// Decided and announced, not started.
        Announced,
        /// Under way towards a target.
        InProgress,
        /// Done.
        Completed,
        /// A continuing activity with no end state.
        Ongoing,
        /// Dropped.
        Cancelled,
        /// Background: an event or fact that frames the others.
        Context,
    }
}

/// One alliance initiative, event or decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Readable slug, e.g. `12mlr-decision`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Longer text (markdown).
    #[serde(default)]
    pub body: String,
    /// Areas of effort (at least one).
    pub lines_of_effort: Vec<LineOfEffort>,
    /// Countries or organisations acting (e.g. "US", "JP").
    #[serde(default)]
    pub actors: Vec<String>,
    /// Where it stands.
    pub status: Status,
    /// What is known of the status on the dataset's as-of day, in words: why a passed target is still
    /// open, or that nothing newer is known.
    #[serde(default)]
    pub status_note: Option<String>,
    /// When it was announced or decided.
    #[serde(default)]
    pub announced: Option<FuzzyDate>,
    /// When work started or the event began.
    #[serde(default)]
    pub start: Option<FuzzyDate>,
    /// The stated target, as the source words it ("by 2025").
    #[serde(default)]
    pub target: Option<FuzzyDate>,
    /// When it was actually completed.
    #[serde(default)]
    pub completed: Option<FuzzyDate>,
    /// When it ended (for events and deployments that stop).
    #[serde(default)]
    pub end: Option<FuzzyDate>,
    /// Location ids (may be empty: space, cyber, policy).
    #[serde(default)]
    pub places: Vec<String>,
    /// Related initiative ids.
    #[serde(default)]
    pub related: Vec<String>,
    /// Typed links to other initiatives: what this one enables, depends on, is part of ….
    #[serde(default)]
    pub relations: Vec<Rel>,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Sources cited (at least one).
    pub sources: Vec<Cite>,
}

/// A typed link from an initiative to another one, with an optional note on what supports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rel {
    /// Id of the other [`Initiative`].
    pub to: String,
    /// How this initiative stands to the other.
    pub kind: RelKind,
    /// What supports the link, e.g. "the 2+2 statement names the redesignation".
    #[serde(default)]
    pub note: Option<String>,
}

unit_enum! {
    "a relation kind";
    /// How one initiative stands to another (read from the initiative that has the relation).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum RelKind {
        /// Makes the other possible.
        Enables,
        /// Cannot go ahead without the other.
        DependsOn,
        /// Replaces the other.
        Supersedes,
        /// Comes after the other, as its next step.
        Follows,
        /// Is a piece of the other.
        PartOf,
        /// Goes against the other.
        Contradicts,
    }
}

impl RelKind {
    /// Every kind, in declaration order.
    pub const ALL: [Self; 6] =
        [Self::Enables, Self::DependsOn, Self::Supersedes, Self::Follows, Self::PartOf, Self::Contradicts];

    /// The kind in words, read from the initiative that has it ("depends on").
    pub fn label(self) -> &'static str {
        match self {
            Self::Enables => "enables",
            Self::DependsOn => "depends on",
            Self::Supersedes => "supersedes",
            Self::Follows => "follows",
            Self::PartOf => "part of",
            Self::Contradicts => "contradicts",
        }
    }

    /// The kind in words, read from the other end ("needed by").
    pub fn inverse_label(self) -> &'static str {
        match self {
            Self::Enables => "enabled by",
            Self::DependsOn => "needed by",
            Self::Supersedes => "superseded by",
            Self::Follows => "followed by",
            Self::PartOf => "has part",
            Self::Contradicts => "contradicted by",
        }
    }

    /// The kind whose [`Self::label`] is `label` (any case, spaces, `-` or `_`), or whose name is.
    pub fn from_label(label: &str) -> Option<Self> {
        let key = |s: &str| -> String {
            s.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
        };
        let wanted = key(label);
        Self::ALL.into_iter().find(|k| key(k.label()) == wanted)
    }
}

/// A context band behind the timeline (an era, a budget period, a deployment window).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Readable slug.
    pub id: String,
    /// Label.
    pub title: String,
    /// First day.
    pub start: FuzzyDate,
    /// Last day.
    pub end: FuzzyDate,
}

/// The dates an initiative really has, in the order they are drawn.
pub const DATE_FIELDS: [&str; 5] = ["announced", "start", "target", "completed", "end"];

impl Initiative {
    /// Its dates that are present, each with its field name.
    pub fn dates(&self) -> impl Iterator<Item = (&'static str, FuzzyDate)> + '_ {
        [self.announced, self.start, self.target, self.completed, self.end]
            .into_iter()
            .zip(DATE_FIELDS)
            .filter_map(|(date, name)| date.map(|d| (name, d)))
    }

    /// The earliest stated date, for sorting.
    pub fn first_date(&self) -> Option<FuzzyDate> {
        self.dates().map(|(_, d)| d).min()
    }

    /// The latest stated date, for sorting and spans.
    pub fn last_date(&self) -> Option<FuzzyDate> {
        self.dates().map(|(_, d)| d).max()
    }
}

impl Dataset {
    /// The location with this id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.locations.iter().find(|l| l.id == id)
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
