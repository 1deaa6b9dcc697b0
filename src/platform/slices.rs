//! Work that runs beside the UI until it is done: on the desktop on a thread; in the browser (one
//! thread) in slices of at most a frame's budget, with the browser's own work (input, painting)
//! between them, so a long load neither freezes the page nor waits for frames to be painted.

/// The longest one run of slices holds the browser's only thread, in milliseconds.
#[cfg(target_arch = "wasm32")]
const BUDGET_MS: f64 = 12.0;

/// Calls `slice` until it returns `true` (each call should take well under a millisecond).
pub fn run_in_slices(mut slice: impl FnMut() -> bool + Send + 'static) {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(e) = std::thread::Builder::new().name("atlas-slices".to_owned()).spawn(move || while !slice() {}) {
        log::error!("could not start a loading thread: {e}");
    }
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            let start = js_sys::Date::now();
            while js_sys::Date::now() - start < BUDGET_MS {
                if slice() {
                    return;
                }
            }
            yield_to_browser().await;
        }
    });
}

/// Lets the browser run its queued tasks (input, a frame) before going on.
#[cfg(target_arch = "wasm32")]
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            window.set_timeout_with_callback(&resolve).ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}
