//! The command line: `alliance-atlas [FILE]` opens the app; `alliance-atlas check FILE...` checks files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

mod commands;
mod poster;
pub use commands::{Command, ExportFormat, Lanes, Orientation, PaperArg, parse_day, parse_size};
pub use poster::{TimelineRequest, export_timeline};

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
    let Some((dataset, name)) = poster::load_checked(file, out)? else { return Ok(1) };
    let dataset = &dataset;
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
