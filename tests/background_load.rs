//! Large files load off the UI thread: a progress window with Cancel shows while the app stays
//! responsive; the data arrives when the load ends; Cancel keeps the data there was.

mod common;
#[path = "common/dropped.rs"]
mod dropped;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use alliance_atlas::cli::generate_file;
use alliance_atlas::theme::ThemeChoice;
use common::app;
use dropped::Dropped;
use egui_kittest::kittest::Queryable as _;

/// A generated dataset of 20,000 initiatives (about 12 MB: above the background threshold).
#[expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]
fn large_file(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-bg-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("large.ron");
    generate_file(20_000, 2_000, 7, &path).expect("generated");
    assert!(std::fs::metadata(&path).expect("written").len() >= 4 << 20);
    path
}

#[test]
#[expect(clippy::disallowed_methods, reason = "a deadline for a thread, not a timing assertion")]
fn a_large_file_loads_in_the_background_and_arrives() {
    let path = large_file("arrive");
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().dataset().meta.title.clone();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
    harness.step();
    harness.step();
    // The progress window is up while the data on screen is still the old one.
    harness.get_by_label("Cancel");
    let deadline = Instant::now() + Duration::from_mins(2);
    while harness.state().state().dataset().initiatives.len() != 20_000 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    let state = harness.state().state();
    assert_eq!(state.dataset().initiatives.len(), 20_000);
    assert_ne!(state.dataset().meta.title, before);
    assert!(state.load_failure().is_none());
    harness.step();
    assert!(harness.query_by_label("Cancel").is_none(), "the progress window closes");
}

#[test]
#[expect(clippy::disallowed_methods, reason = "a deadline for a thread, not a timing assertion")]
fn cancelling_keeps_the_data_there_was() {
    let path = large_file("cancel");
    let mut harness = app(ThemeChoice::Dark);
    let before = harness.state().state().dataset().initiatives.len();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
    harness.step();
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    let state = harness.state().state();
    assert_eq!(state.dataset().initiatives.len(), before);
    assert!(state.load_failure().is_none(), "cancelling is not an error");
    assert!(harness.query_by_label("Cancel").is_none());
}

#[test]
fn the_loader_reports_progress_and_stops_when_cancelled() {
    use alliance_atlas::formats::{Progress, load_file_with};
    use std::sync::atomic::Ordering;
    let path = large_file("progress");
    let progress = std::sync::Arc::new(Progress::default());
    let loaded = load_file_with(&path, Some(progress.clone()));
    assert_eq!(loaded.dataset.map(|d| d.initiatives.len()), Some(20_000));
    let total = progress.total.load(Ordering::Relaxed);
    assert_eq!(total, std::fs::metadata(&path).map_or(0, |m| m.len()));
    // The last list item ends near the end of the file.
    assert!(progress.done.load(Ordering::Relaxed) > total * 9 / 10);

    let cancelled = std::sync::Arc::new(Progress::default());
    cancelled.cancel.store(true, Ordering::Relaxed);
    let loaded = load_file_with(&path, Some(cancelled.clone()));
    assert!(loaded.was_cancelled());
    assert!(cancelled.done.load(Ordering::Relaxed) < total / 10, "it stopped at the first item");
}

/// A body arriving as in the browser: `bytes` pushed in parts of 64 KiB by another thread, then the end
/// (or `fail`, after half of them).
fn arriving(bytes: Vec<u8>, fail: Option<&'static str>) -> alliance_atlas::platform::Stream {
    let stream = alliance_atlas::platform::Stream::default();
    edit(&stream, |s| s.length = Some(bytes.len() as u64));
    let feed = stream.clone();
    std::thread::spawn(move || {
        let parts: Vec<&[u8]> = bytes.chunks(64 << 10).collect();
        let last = if fail.is_some() { parts.len() / 2 } else { parts.len() };
        for part in &parts[..last] {
            edit(&feed, |incoming| {
                incoming.bytes.extend_from_slice(part);
                incoming.received += part.len() as u64;
            });
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        edit(&feed, |s| s.end = Some(fail.map_or(Ok(()), |why| Err(why.to_owned()))));
    });
    stream
}

fn edit(stream: &alliance_atlas::platform::Stream, change: impl FnOnce(&mut alliance_atlas::platform::Incoming)) {
    if let Ok(mut incoming) = stream.lock() {
        change(&mut incoming);
    }
}

fn outcome(loading: &mut alliance_atlas::app::loader::Loading) -> Result<alliance_atlas::state::Command, ()> {
    loop {
        if let Some(done) = loading.finished() {
            return done;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[test]
fn a_body_loads_in_slices_while_it_arrives_as_in_the_browser() {
    use alliance_atlas::app::loader::Loading;
    use alliance_atlas::state::Command;
    use std::sync::atomic::Ordering;
    let ctx = egui::Context::default();
    let path = large_file("slices");
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut loading = Loading::in_slices("large.ron", arriving(bytes, None), &ctx);
    let total = loading.progress.total.load(Ordering::Relaxed);
    let mut seen_between = false;
    let command = loop {
        if let Some(done) = loading.finished() {
            break done;
        }
        let done = loading.progress.done.load(Ordering::Relaxed);
        seen_between |= done > 0 && done < total;
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    assert!(seen_between, "progress is shown while the body is read");
    let Ok(Command::Loaded(loaded, _, index)) = command else { panic!("the load finishes with the data") };
    assert_eq!(loaded.dataset.map(|d| d.initiatives.len()), Some(20_000));
    // The index comes built with it, for this dataset.
    assert_eq!(index.map(|i| i.0.spans.len()), Some(20_000));

    // Not UTF-8: the door reports it, with line and column, as for the same bytes read whole.
    let bad = vec![b'(', b'\n', 0xff];
    let Ok(Command::Loaded(loaded, _, _)) =
        outcome(&mut Loading::in_slices("bad.ron", arriving(bad.clone(), None), &ctx))
    else {
        panic!("bad bytes still give a load to report")
    };
    assert_eq!(loaded.problems, alliance_atlas::formats::load_bytes(&bad).problems);
    assert!(loaded.problems[0].message.contains("UTF-8") && loaded.problems[0].line == 2, "{:?}", loaded.problems);
    // The connection breaks half way: the fetch failed, nothing is installed.
    let bytes = std::fs::read(&path).unwrap_or_default();
    let failed = outcome(&mut Loading::in_slices("large.ron", arriving(bytes, Some("network error")), &ctx));
    let Ok(Command::FetchFailed(file, why)) = failed else { panic!("a failed fetch says so: {failed:?}") };
    assert_eq!((file.as_str(), why.as_str()), ("large.ron", "could not read large.ron: network error"));
    // Cancel: the next slice stops, long before the 22,000 items are read, and the fetch is told.
    let bytes = std::fs::read(&path).unwrap_or_default();
    let stream = arriving(bytes, None);
    let mut loading = Loading::in_slices("large.ron", stream.clone(), &ctx);
    loading.progress.cancel.store(true, Ordering::Relaxed);
    assert!(matches!(outcome(&mut loading), Err(())));
    assert!(loading.progress.done.load(Ordering::Relaxed) < total / 2, "it stopped early");
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert!(stream.lock().is_ok_and(|s| s.cancelled), "the fetch stops too");
}
