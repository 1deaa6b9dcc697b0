//! The commands that run without a window, and their choices.

use std::path::PathBuf;

use clap::Subcommand;

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files: a summary for each valid file, or every problem as `FILE:LINE:COL`.
    ///
    /// Exit status: 0 when every file is free of errors, 1 when any file has errors.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also build the index the app builds when it opens a file (search text, time spans, places),
        /// so that `/usr/bin/time -v alliance-atlas check --index FILE` times and sizes a whole load.
        #[arg(long)]
        index: bool,
    },
    /// Write a realistic synthetic dataset (for benchmarks and scale tests) that passes `check`.
    ///
    /// The same arguments always give the same file.
    Generate {
        /// Number of initiatives.
        #[arg(long, default_value_t = 10_000)]
        initiatives: usize,
        /// Number of places.
        #[arg(long, default_value_t = 1_000)]
        places: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the RON file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Import a file (any format the app reads) and save it as a dataset in our RON style.
    ///
    /// Takes exactly one IN for now (merging several files is not supported yet). Problems are printed
    /// like `check` does; OUT is written (atomically) only when there are no errors.
    /// Exit status: 0 written, 1 problems or a write failure, 2 usage.
    Import {
        /// The file to import (exactly one).
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// Where to write the RON dataset.
        #[arg(long, value_name = "OUT.ron")]
        out: PathBuf,
    },
    /// Export a dataset as `GeoJSON`, CSV (our template, plus OUT's `NAME.places.csv`), ICS or `TimelineJS` JSON.
    ///
    /// Exit status: 0 written, 1 problems in FILE or a write failure, 2 usage.
    Export {
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The dataset file, or "-" for the embedded dataset.
        file: PathBuf,
        /// Where to write; for CSV the places go next to it as `NAME.places.csv`.
        #[arg(long)]
        out: PathBuf,
        /// How `TimelineJS` groups the events (the timeline's lanes).
        #[arg(long, value_enum, default_value = "line-of-effort")]
        lanes: Lanes,
    },
    /// Export every step of a deck as a PNG slide and a one-file PDF handout.
    ///
    /// The app draws the slides itself, so it needs a display: on a server run it under Xvfb,
    /// e.g. `xvfb-run -a alliance-atlas export-slides - --out slides`.
    ExportSlides {
        /// The deck file, or "-" for the embedded deck.
        deck: PathBuf,
        /// Folder for slide-01.png, slide-02.png, … and handout.pdf (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Slide size in points.
        #[arg(long, value_name = "WIDTHxHEIGHT", default_value = "1920x1080", value_parser = parse_size)]
        size: (f32, f32),
        /// The dataset the deck is shown with (default: the embedded one).
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// A caveat line printed at the top and the foot of every slide and handout page.
        #[arg(long, value_name = "TEXT")]
        banner: Option<String>,
    },
    /// Write the as-of story as a looping animated GIF: the app's own drawing of each day from FROM to TO.
    ExportVideo {
        /// The dataset (default: the embedded one).
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Where to write the GIF.
        #[arg(long, value_name = "OUT.gif")]
        out: PathBuf,
        /// The first day (default: the data's first), e.g. 2023-01-11.
        #[arg(long, value_parser = parse_day)]
        from: Option<crate::model::Day>,
        /// The last day (default: the data's as-of day).
        #[arg(long, value_parser = parse_day)]
        to: Option<crate::model::Day>,
        /// How many pictures (the days are spread evenly).
        #[arg(long, default_value_t = 48, value_parser = clap::value_parser!(u32).range(2..=1000))]
        frames: u32,
        /// Pictures a second.
        #[arg(long, default_value_t = 4.0)]
        fps: f32,
        /// Frame size in points.
        #[arg(long, value_name = "WIDTHxHEIGHT", default_value = "1600x900", value_parser = parse_size)]
        size: (f32, f32),
    },
    /// Print the whole timeline (or FROM to TO) as a vector PDF of pages, or one SVG sheet: every
    /// initiative with its label, in lanes, with the legend; a long range runs onto more pages across,
    /// tall lanes onto more pages down, each page with the axis and the lane headers.
    ///
    /// Exit status: 0 written, 1 problems in DATA, a bad --view or a write failure.
    ExportTimeline {
        /// The dataset (any format the app reads), or "-" for the embedded one.
        #[arg(default_value = "-")]
        data: PathBuf,
        /// Where to write: `.pdf` (pages) or `.svg` (one sheet).
        #[arg(long, value_name = "OUT.pdf|OUT.svg")]
        out: PathBuf,
        /// The first day (default: the data's first), e.g. 2023-01-11.
        #[arg(long, value_parser = parse_day)]
        from: Option<crate::model::Day>,
        /// The last day (default: the data's last).
        #[arg(long, value_parser = parse_day)]
        to: Option<crate::model::Day>,
        /// What the lanes group by (default: the view's, or line of effort).
        #[arg(long, value_enum)]
        lanes: Option<Lanes>,
        /// The paper (PDF).
        #[arg(long, value_enum, default_value = "a4")]
        page: PaperArg,
        /// The pages' orientation (PDF).
        #[arg(long, value_enum, default_value = "landscape")]
        orientation: Orientation,
        /// Pages across the range (default: enough for 66 points a year).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=60))]
        pages_across: Option<u32>,
        /// Only what a view in text form shows, as on screen (e.g. `q=okinawa` or `st=InProgress`).
        #[arg(long, value_name = "VIEW")]
        view: Option<String>,
        /// A caveat line printed at the top and the foot of every page.
        #[arg(long, value_name = "TEXT")]
        banner: Option<String>,
    },
    /// Write a one-file briefing page: the web app, the dataset, the deck and the fonts in one HTML
    /// file that opens from a USB stick (`file://`) with no server and no network.
    ///
    /// Exit status: 0 written, 1 problems in DATA or DECK, no web build, or a write failure.
    ExportPage {
        /// The dataset (any format the app reads), or "-" for the embedded one.
        #[arg(default_value = "-")]
        data: PathBuf,
        /// The deck (default: the dataset's own, `NAME.briefing.ron` beside it, or the embedded deck).
        #[arg(long, value_name = "DECK")]
        deck: Option<PathBuf>,
        /// Where to write the page.
        #[arg(long, value_name = "OUT.html")]
        out: PathBuf,
        /// The web build (`scripts/build-web.sh` writes `dist/`); default: `$ATLAS_WEB_DIR`, `web/` beside this program, `dist/`.
        #[arg(long, value_name = "DIR")]
        web: Option<PathBuf>,
        /// Open straight into presenting the deck.
        #[arg(long)]
        present: bool,
        /// No File or Edit menu: the page shows the data and cannot change it.
        #[arg(long)]
        read_only: bool,
        /// The page's title (the browser tab).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// A caveat line shown at the top and the foot of every screen and slide.
        #[arg(long, value_name = "TEXT")]
        banner: Option<String>,
    },
}

/// The export formats of `export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A `GeoJSON` `FeatureCollection`: a Point per place, with its initiatives.
    Geojson,
    /// Our CSV template: a row per initiative, and `NAME.places.csv`.
    Csv,
    /// An iCalendar file: an all-day event per dated initiative.
    Ics,
    /// `TimelineJS` JSON.
    Timelinejs,
}

/// Paper sizes of `export-timeline --page`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm.
    A3,
    /// 8.5 × 11 inches.
    Letter,
    /// 11 × 17 inches.
    Tabloid,
}

/// Page orientations of `export-timeline --orientation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Orientation {
    /// Wider than tall.
    Landscape,
    /// Taller than wide.
    Portrait,
}

/// The lane groupings of `export --lanes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lanes {
    /// By the first line of effort.
    LineOfEffort,
    /// By status.
    Status,
    /// By the first actor.
    Country,
    /// By the first place.
    Place,
    /// By the first tag (how `TimelineJS` groups read back).
    Tag,
}

impl From<Lanes> for crate::model::view::LaneGrouping {
    fn from(lanes: Lanes) -> Self {
        match lanes {
            Lanes::LineOfEffort => Self::LineOfEffort,
            Lanes::Status => Self::Status,
            Lanes::Country => Self::Country,
            Lanes::Place => Self::Place,
            Lanes::Tag => Self::Tag,
        }
    }
}

/// Parses `1600x900`.
pub fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text.split_once(['x', 'X']).ok_or("expected WIDTHxHEIGHT, e.g. 1600x900")?;
    let parse = |s: &str| s.trim().parse::<f32>().ok().filter(|v| (200.0..=8000.0).contains(v));
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err("width and height must be numbers from 200 to 8000".to_owned()),
    }
}

/// Parses a day as dates are written in the data (`2023-01-11`; a month or year means its first day).
pub fn parse_day(text: &str) -> Result<crate::model::Day, String> {
    let date: crate::model::FuzzyDate =
        text.trim().parse().map_err(|e: crate::model::date::DateError| format!("{} (e.g. 2023-01-11)", e.message))?;
    date.earliest().ok_or_else(|| format!("\"{text}\" has no first day (e.g. 2023-01-11)"))
}
