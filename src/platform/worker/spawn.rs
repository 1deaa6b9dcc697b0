//! The page's side of the worker: adopt the one `index.html` started, hand it the app's module, and
//! take its messages into the shared [`Report`] and [`Progress`].

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::report::{Failure, Report};
use crate::formats::Progress;

/// A running worker and the listeners it calls; dropping it stops the worker.
pub struct Spawned {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl std::fmt::Debug for Spawned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Spawned(worker)")
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Adopts the worker `index.html` started for the page's `?data=` URL (`window.atlasDataWorker`, which
/// runs `assets/web/data-worker.js`: it has been fetching since the page opened), taking its messages
/// into `report` and `progress` and waking `wake`'s UI; then sends it the app's module so it can read.
/// `None` when there is none for `url` (then the app reads in the page).
pub fn adopt(
    url: &str,
    large_at: u64,
    progress: Arc<Progress>,
    report: &Arc<Mutex<Report>>,
    wake: Arc<Mutex<Option<egui::Context>>>,
) -> Option<Spawned> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from("atlasDataWorker");
    let early = js_sys::Reflect::get(&window, &key).ok().filter(wasm_bindgen::JsValue::is_object)?;
    js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key).ok();
    let get = |field: &str| js_sys::Reflect::get(&early, &field.into()).ok();
    let worker: web_sys::Worker = get("worker")?.dyn_into().ok()?;
    if get("data")?.as_string().as_deref() != Some(url) {
        worker.terminate();
        return None;
    }
    let (r, p, w) = (report.clone(), progress, wake.clone());
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if take_message(&event.data(), &r, &p, large_at) {
            wake_ui(&w);
        }
    });
    let r = report.clone();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        stopped(&r, &format!("the reading worker stopped: {}", event.message()));
        wake_ui(&wake);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // An error before the app took over: the worker's script did not load.
    if let Some(first) = get("errors")?.dyn_into::<js_sys::Array>().ok().filter(|e| e.length() > 0).map(|e| e.get(0)) {
        stopped(report, &format!("the reading worker did not start: {}", first.as_string().unwrap_or_default()));
    }
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"module".into(), &wasm_bindgen::module()).ok();
    worker.post_message(&message).ok()?;
    log::info!("reading {url} in a worker (at {:.0} ms)", crate::platform::clock::now_ms());
    Some(Spawned { worker, _on_message: on_message, _on_error: on_error })
}

/// Wakes the UI, if the app has adopted the worker yet.
fn wake_ui(wake: &Mutex<Option<egui::Context>>) {
    if let Some(ctx) = wake.lock().ok().and_then(|w| w.clone()) {
        ctx.request_repaint();
    }
}

/// Notes that the worker stopped (before the server answered: it did not start, and the page reads
/// instead).
fn stopped(report: &Mutex<Report>, why: &str) {
    let Ok(mut report) = report.lock() else { return };
    log::warn!("{why}");
    if report.outcome.is_none() {
        let why = why.to_owned();
        report.outcome = Some(Err(if report.answered { Failure::Read(why) } else { Failure::Start(why) }));
    }
}

/// Takes one message of the worker into the report and the progress; whether to wake the UI (the body
/// turned out large, or the load or a failure is ready).
fn take_message(data: &wasm_bindgen::JsValue, report: &Mutex<Report>, progress: &Progress, large_at: u64) -> bool {
    let field = |key: &str| js_sys::Reflect::get(data, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let number = |key: &str| field(key).as_f64().map(|n| n as u64);
    let Ok(mut report) = report.lock() else { return false };
    if report.outcome.is_some() {
        // It ended (a part that did not read, say): what comes after is not taken.
        return false;
    }
    let was_large = report.is_large(progress, large_at);
    match field("kind").as_string().as_deref() {
        Some("answer") => {
            report.answered = true;
            report.length = number("length");
            progress.total.store(report.length.unwrap_or(0), Ordering::Relaxed);
        }
        Some("progress") => {
            progress.done.store(number("done").unwrap_or(0), Ordering::Relaxed);
            progress.total.store(number("total").unwrap_or(0), Ordering::Relaxed);
        }
        Some("part") => {
            let bytes = js_sys::Uint8Array::new(&field("bytes")).to_vec();
            let added = match report.waiting_for_index.as_mut() {
                Some(loaded) => crate::formats::handover::add_part(loaded, &bytes),
                None => Err("a part of the hand-over came before its head".to_owned()),
            };
            if let Err(why) = added {
                report.outcome = Some(Err(Failure::Read(why)));
            }
        }
        Some(kind @ ("done" | "index")) => {
            let start = crate::platform::clock::now_ms();
            let bytes = js_sys::Uint8Array::new(&field("bytes")).to_vec();
            let read = if kind == "done" {
                crate::formats::handover::from_bytes(&bytes).map(|loaded| (Some(loaded), None))
            } else {
                crate::formats::handover::index_from_bytes(&bytes).map(|index| (None, Some(index)))
            };
            let end = crate::platform::clock::now_ms();
            log::info!(
                "handed over: {} bytes of the {kind} read in {:.0} ms (at {end:.0} ms)",
                bytes.len(),
                end - start
            );
            match read {
                Ok((Some(loaded), _)) if field("index").as_bool() == Some(true) => {
                    report.waiting_for_index = Some(loaded);
                }
                Ok((Some(loaded), _)) => report.outcome = Some(Ok((loaded, None))),
                Ok((None, index)) => {
                    report.outcome = Some(match report.waiting_for_index.take() {
                        Some(loaded) => Ok((loaded, index)),
                        None => Err(Failure::Read("the index of the hand-over came before its load".to_owned())),
                    });
                }
                Err(why) => report.outcome = Some(Err(Failure::Read(why))),
            }
        }
        Some("failed") => report.outcome = Some(Err(Failure::Read(field("message").as_string().unwrap_or_default()))),
        Some("start-failed") => {
            let why = field("message").as_string().unwrap_or_default();
            log::warn!("the reading worker did not start: {why}");
            report.outcome = Some(Err(Failure::Start(why)));
        }
        _ => return false,
    }
    report.outcome.is_some() || (!was_large && report.is_large(progress, large_at))
}
