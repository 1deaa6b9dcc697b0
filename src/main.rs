//! Boot only: on the desktop, parse the command line, then run a command or open the window; in the
//! browser, start the app on the page's canvas.

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start();
}

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser as _;

#[cfg(not(target_arch = "wasm32"))]
use alliance_atlas::cli::{Cli, Command, ThemeArg, check_files_indexed};
#[cfg(not(target_arch = "wasm32"))]
use alliance_atlas::theme::ThemeChoice;
#[cfg(not(target_arch = "wasm32"))]
use alliance_atlas::{AtlasApp, StartOptions};

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { ref files, index }) => {
            let mut out = std::io::stdout().lock();
            match check_files_indexed(files, index, &mut out) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => {
                    eprintln!("alliance-atlas: cannot write the report: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Some(Command::Import { ref input, ref out }) => {
            report(alliance_atlas::cli::import_file(input, out, &mut std::io::stdout().lock()))
        }
        Some(Command::Export { format, ref file, ref out, lanes }) => {
            report(alliance_atlas::cli::export_file(format, file, out, lanes, &mut std::io::stdout().lock()))
        }
        Some(Command::ExportSlides { deck, out, size, data, banner }) => export_slides(deck, out, size, data, banner),
        Some(Command::ExportVideo { data, out, from, to, frames, fps, size }) => {
            let video = alliance_atlas::app::export_video::VideoRequest { out, from, to, frames, fps };
            let start = StartOptions { file: data, video: Some(video), persist: false, ..StartOptions::default() };
            run_window(start, [size.0, size.1], true)
        }
        Some(Command::ExportTimeline { data, out, from, to, lanes, page, orientation, pages_across, view, banner }) => {
            let request = alliance_atlas::cli::TimelineRequest {
                data,
                out,
                from,
                to,
                lanes,
                page,
                orientation,
                pages_across,
                view,
                banner,
            };
            report(alliance_atlas::cli::export_timeline(&request, &mut std::io::stdout().lock()))
        }
        Some(Command::ExportPage { data, deck, out, web, present, read_only, title, banner }) => {
            let options = alliance_atlas::formats::page::PageOptions {
                present,
                read_only,
                title: title.unwrap_or_default(),
                banner: banner.unwrap_or_default(),
            };
            let request = alliance_atlas::app::export_page::PageRequest { data, deck, out, web, options };
            report(alliance_atlas::app::export_page::export_page(&request, &mut std::io::stdout().lock()))
        }
        Some(Command::Generate { initiatives, places, seed, out }) => {
            match alliance_atlas::cli::generate_file(initiatives, places, seed, &out) {
                Ok(()) => {
                    eprintln!("alliance-atlas: wrote {} ({initiatives} initiatives, {places} places)", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("alliance-atlas: {e}");
                    ExitCode::from(1)
                }
            }
        }
        None => run_app(cli),
    }
}

/// The exit status of a command that returned an exit code after writing its report.
#[cfg(not(target_arch = "wasm32"))]
fn report(outcome: std::io::Result<i32>) -> ExitCode {
    match outcome {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("alliance-atlas: cannot write the report: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_app(cli: Cli) -> ExitCode {
    let screenshot = cli.screenshot.is_some();
    let size = if screenshot { [cli.size.0, cli.size.1] } else { [1500.0, 900.0] };
    let start = StartOptions {
        file: cli.file,
        select: cli.select,
        screenshot: cli.screenshot,
        theme: cli.theme.map(|t| match t {
            ThemeArg::Dark => ThemeChoice::Dark,
            ThemeArg::Light => ThemeChoice::Light,
        }),
        today: None,
        persist: !screenshot,
        view: cli.view,
        present: cli.present,
        export: None,
        no_dialogs: false,
        banner: cli.banner,
        video: None,
    };
    run_window(start, size, screenshot)
}

#[cfg(not(target_arch = "wasm32"))]
fn export_slides(
    deck: PathBuf,
    out: PathBuf,
    size: (f32, f32),
    data: Option<PathBuf>,
    banner: Option<String>,
) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("alliance-atlas: cannot create {}: {e}", out.display());
        return ExitCode::from(1);
    }
    let start = StartOptions {
        file: data,
        present: Some(deck),
        export: Some(out),
        persist: false,
        banner,
        ..StartOptions::default()
    };
    run_window(start, [size.0, size.1], true)
}

/// Opens the window; with `reports`, waits for the screenshot or export result and exits by it.
#[cfg(not(target_arch = "wasm32"))]
fn run_window(start: StartOptions, size: [f32; 2], reports: bool) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Alliance Atlas")
            .with_inner_size(size)
            .with_min_inner_size([720.0, 420.0])
            .with_resizable(!reports),
        persist_window: !reports,
        ..Default::default()
    };
    let result_slot = std::sync::Arc::new(std::sync::Mutex::new(None));
    let slot = result_slot.clone();
    let run = eframe::run_native(
        "Alliance Atlas",
        options,
        Box::new(move |cc| {
            let app = AtlasApp::new(cc, start);
            if let (Some(result), Ok(mut slot)) = (app.screenshot_result(), slot.lock()) {
                *slot = Some(result);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = run {
        eprintln!("alliance-atlas: cannot open a window: {e}");
        return ExitCode::from(1);
    }
    if !reports {
        return ExitCode::SUCCESS;
    }
    let outcome = result_slot.lock().ok().and_then(|s| s.clone()).and_then(|r| r.lock().ok().and_then(|r| r.clone()));
    match outcome {
        Some(Ok(path)) => {
            eprintln!("alliance-atlas: saved {}", path.display());
            ExitCode::SUCCESS
        }
        Some(Err(e)) => {
            eprintln!("alliance-atlas: {e}");
            ExitCode::from(1)
        }
        None => {
            eprintln!("alliance-atlas: the window closed before the pictures were taken");
            ExitCode::from(1)
        }
    }
}
