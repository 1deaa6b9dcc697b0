//! The command line: `alliance-atlas [FILE]` opens the app; `alliance-atlas check FILE...` checks files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::formats::{Loaded, load_file};
use crate::model::summary::Summary;

/// Alliance Atlas: alliance initiatives as a linked timeline, map, location list and briefing deck.
#[derive(Debug, Parser)]
#[command(name = "alliance-atlas", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A dataset file (RON) to open instead of the embedded one.
    pub file: Option<PathBuf>,

    /// Render the window, save the app's own picture as PNG here, and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,

    /// Window size for --screenshot, in points.
    #[arg(long, value_name = "WIDTHxHEIGHT", default_value = "1600x900", value_parser = parse_size)]
    pub size: (f32, f32),

    /// Start presenting the briefing deck at step 1: the dataset's own deck ("-" or no value), or this deck file.
    #[arg(long, value_name = "DECK", num_args = 0..=1, default_missing_value = "-")]
    pub present: Option<PathBuf>,

    /// Open on a saved view of the dataset (by name), or on a view in text form (`q=okinawa;ao=19509`).
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,

    /// Select this initiative or place id at start.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,

    /// Start in this theme.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// A caveat line ("UNCLASSIFIED // FOR TRAINING") at the top and the foot of every screen and slide.
    #[arg(long, value_name = "TEXT")]
    pub banner: Option<String>,
}

/// Theme names on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    /// Light text on dark panels.
    Dark,
    /// Dark text on light panels.
    Light,
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

/// Runs `import`: reads `input` through the door, reports its problems to `out`, and writes the RON
/// dataset to `to` when there are none. Returns the exit code.
pub fn import_file(input: &Path, to: &Path, out: &mut impl Write) -> io::Result<i32> {
    let loaded = load_file(input);
    let name = input.display().to_string();
    for problem in &loaded.problems {
        writeln!(out, "{}", problem.display_in(&name))?;
    }
    let Some(dataset) = loaded.dataset.as_ref().filter(|_| loaded.error_count() == 0) else {
        writeln!(out, "{name}: {} error(s): nothing written", loaded.error_count())?;
        return Ok(1);
    };
    let text = crate::formats::export::ron::to_ron(dataset, Some(&name));
    if let Err(e) = crate::platform::write_atomic(to, text.as_bytes(), false) {
        writeln!(out, "{}:1:1: error: {e}", to.display())?;
        return Ok(1);
    }
    let (i, l) = (dataset.initiatives.len(), dataset.locations.len());
    writeln!(out, "{name}: imported {i} initiatives, {l} locations into {}", to.display())?;
    Ok(0)
}

/// Runs `export`: reads `file` (`-` is the embedded dataset), and writes it in `format` to `to`.
/// Problems and what was written are reported to `out`. Returns the exit code.
pub fn export_file(
    format: ExportFormat,
    file: &Path,
    to: &Path,
    lanes: Lanes,
    out: &mut impl Write,
) -> io::Result<i32> {
    use crate::formats::export::Subset;
    use crate::formats::export::render::{ExportFormat as Format, render};
    let embedded = file.as_os_str() == "-";
    let loaded = if embedded { crate::formats::load_str(crate::model::DEFAULT_DATASET) } else { load_file(file) };
    let name = if embedded { crate::model::DEFAULT_DATASET_NAME.to_owned() } else { file.display().to_string() };
    for problem in &loaded.problems {
        writeln!(out, "{}", problem.display_in(&name))?;
    }
    let Some(dataset) = loaded.dataset.as_ref().filter(|_| loaded.error_count() == 0) else {
        writeln!(out, "{name}: {} error(s): nothing written", loaded.error_count())?;
        return Ok(1);
    };
    let format = match format {
        ExportFormat::Geojson => Format::Geojson,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Ics => Format::Ics,
        ExportFormat::Timelinejs => Format::Timelinejs,
    };
    let rendered = render(format, dataset, Subset::All, &to.to_string_lossy(), Some(&name), lanes.into());
    writeln!(out, "{name}: {}", rendered.summary)?;
    let files: Vec<(PathBuf, String)> = rendered.files.into_iter().map(|(n, t)| (PathBuf::from(n), t)).collect();
    for (path, text) in &files {
        if let Err(e) = crate::platform::write_atomic(path, text.as_bytes(), false) {
            writeln!(out, "{}:1:1: error: {e}", path.display())?;
            return Ok(1);
        }
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(0)
}

/// Writes a generated dataset to `out`.
pub fn generate_file(initiatives: usize, places: usize, seed: u64, out: &Path) -> Result<(), String> {
    let dataset = crate::model::generate::generate(initiatives, places, seed);
    let config = ron::ser::PrettyConfig::default().indentor("  ".to_owned());
    let text = ron::ser::to_string_pretty(&dataset, config).map_err(|e| e.to_string())?;
    crate::platform::write_atomic(out, format!("#![enable(implicit_some)]\n{text}\n").as_bytes(), false)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Runs `check` on each file, writing the report to `out`. Returns the exit code (0 clean, 1 errors).
pub fn check_files(files: &[PathBuf], out: &mut impl Write) -> io::Result<i32> {
    check_files_indexed(files, false, out)
}

/// [`check_files`], optionally building the app's index of each clean dataset as well.
pub fn check_files_indexed(files: &[PathBuf], index: bool, out: &mut impl Write) -> io::Result<i32> {
    let mut code = 0;
    for path in files {
        if path.to_string_lossy().ends_with(".briefing.ron") {
            code = code.max(check_deck(path, out)?);
            continue;
        }
        let loaded = load_file(path);
        if loaded.error_count() > 0 {
            code = 1;
        }
        write_report(path, &loaded, out)?;
        if index && let Some(dataset) = &loaded.dataset {
            let built = crate::model::index::Index::build(dataset);
            writeln!(out, "{}: indexed {} dated initiatives", path.display(), built.spans.iter().flatten().count())?;
        }
    }
    Ok(code)
}

/// Checks a briefing deck against the dataset it names (a file next to it, or the embedded dataset).
fn check_deck(path: &Path, out: &mut impl Write) -> io::Result<i32> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            writeln!(out, "{name}:1:1: error: cannot read the deck: {e}")?;
            return Ok(1);
        }
    };
    let dataset_name = crate::briefing::load_deck(&text, &crate::model::index::Index::default())
        .deck
        .map(|d| d.dataset)
        .or_else(|| text.split("dataset:").nth(1).and_then(|r| r.split('"').nth(1)).map(str::to_owned))
        .unwrap_or_default();
    let dataset_path = path.with_file_name(&dataset_name);
    let loaded = if dataset_path.is_file() {
        load_file(&dataset_path)
    } else {
        crate::formats::load_str(crate::model::DEFAULT_DATASET)
    };
    let index = crate::model::index::Index::build(&loaded.dataset.unwrap_or_default());
    let deck = crate::briefing::load_deck(&text, &index);
    for problem in &deck.problems {
        writeln!(out, "{}", problem.display_in(&name))?;
    }
    let Some(d) = deck.deck else {
        writeln!(out, "{name}: {} problem(s): not loadable", deck.problems.len())?;
        return Ok(1);
    };
    let (title, steps, data) = (d.title, d.steps.len(), dataset_path.display());
    writeln!(out, "{name}: ok — deck \"{title}\", {steps} steps, for {data}")?;
    Ok(0)
}

/// Writes one file's problems and, when it has no errors, its summary.
pub fn write_report(path: &Path, loaded: &Loaded, out: &mut impl Write) -> io::Result<()> {
    let name = path.display().to_string();
    for problem in &loaded.problems {
        writeln!(out, "{}", problem.display_in(&name))?;
    }
    let Some(ds) = &loaded.dataset else {
        let (errors, warnings) = (loaded.error_count(), loaded.warning_count());
        writeln!(
            out,
            "{name}: {errors} error{}, {warnings} warning{}: not loadable",
            plural(errors),
            plural(warnings)
        )?;
        return Ok(());
    };
    let sum = Summary::of(ds);
    let warnings = loaded.warning_count();
    writeln!(
        out,
        "{name}: ok, {warnings} warning{} — \"{}\" (as of {})",
        plural(warnings),
        ds.meta.title,
        ds.meta.as_of
    )?;
    writeln!(
        out,
        "  {} initiatives, {} locations, {} sources, {} eras",
        sum.initiatives, sum.locations, sum.sources, sum.eras
    )?;
    let span = match (sum.first, sum.last) {
        (Some(a), Some(b)) => format!("{a} … {b}"),
        _ => "none".to_owned(),
    };
    writeln!(out, "  dates: {span}")?;
    let statuses: Vec<String> = sum.by_status.iter().map(|(k, v)| format!("{v} {k:?}")).collect();
    writeln!(out, "  status: {}", statuses.join(", "))?;
    writeln!(out, "  without a place: {}; without a date: {}", sum.without_place, sum.without_date)?;
    let unused = if sum.unused_locations.is_empty() { "none".to_owned() } else { sum.unused_locations.join(", ") };
    writeln!(out, "  places without initiatives: {unused}")?;
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
