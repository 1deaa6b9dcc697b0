//! Boot only: parse the command line, then run a command or open the window.

use std::process::ExitCode;

use clap::Parser as _;

use alliance_atlas::cli::{Cli, Command, check_files};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => {
            let mut out = std::io::stdout().lock();
            match check_files(&files, &mut out) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => {
                    eprintln!("alliance-atlas: cannot write the report: {e}");
                    ExitCode::from(1)
                }
            }
        }
        None => run_app(cli.file),
    }
}

fn run_app(file: Option<std::path::PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Alliance Atlas")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Alliance Atlas",
        options,
        Box::new(move |cc| Ok(Box::new(alliance_atlas::AtlasApp::new(cc, file.as_deref())))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alliance-atlas: cannot open a window: {e}");
            ExitCode::from(1)
        }
    }
}
