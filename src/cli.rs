//! The command line: `alliance-atlas [FILE]` opens the app; `alliance-atlas check FILE...` checks files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::model::summary::Summary;
use crate::model::{Loaded, load_file};

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

    /// Open on a saved view of the dataset (by name), or on a view in text form (`q=okinawa;ao=19509`).
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,

    /// Select this initiative or place id at start.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,

    /// Start in this theme.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
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
    },
}

/// Runs `check` on each file, writing the report to `out`. Returns the exit code (0 clean, 1 errors).
pub fn check_files(files: &[PathBuf], out: &mut impl Write) -> io::Result<i32> {
    let mut code = 0;
    for path in files {
        let loaded = load_file(path);
        if loaded.error_count() > 0 {
            code = 1;
        }
        write_report(path, &loaded, out)?;
    }
    Ok(code)
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
