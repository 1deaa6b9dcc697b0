//! Work that runs beside the UI until it is done: on the desktop on a thread; in the browser (one
//! thread) in slices of at most a frame's budget, with the browser's own work (input, painting)
//! between them, so a long load neither freezes the page nor waits for frames to be painted.

/// The longest one run of slices holds the browser's only thread, in milliseconds.
#[cfg(target_arch = "wasm32")]
const BUDGET_MS: f64 = 12.0;

/// What one call of a slice did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slice {
    /// Did some work: call again.
    Again,
    /// Waits for something (bytes still arriving): let the page run before calling again.
    Wait,
    /// Finished.
    Done,
}

/// Calls `slice` until it returns [`Slice::Done`] (each call should take well under a millisecond).
pub fn run_in_slices(mut slice: impl FnMut() -> Slice + Send + 'static) {
    #[cfg(not(target_arch = "wasm32"))]
    let run = move || loop {
        match slice() {
            Slice::Again => {}
            Slice::Wait => std::thread::sleep(std::time::Duration::from_millis(2)),
            Slice::Done => return,
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(e) = std::thread::Builder::new().name("atlas-slices".to_owned()).spawn(run) {
        log::error!("could not start a loading thread: {e}");
    }
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            let (start, mut waiting) = (js_sys::Date::now(), false);
            while js_sys::Date::now() - start < BUDGET_MS {
                match slice() {
                    Slice::Again => {}
                    Slice::Wait => {
                        waiting = true;
                        break;
                    }
                    Slice::Done => return,
                }
            }
            yield_to_browser(waiting).await;
        }
    });
}

/// Lets the browser run its queued tasks (input, a frame, the parts of a body arriving) before going on:
/// after a full run, through a message to the page itself, which comes back as soon as the queue allows
/// (a timer would wait at least 4 ms once nested, a quarter of each run); while `waiting` for
/// something, through a timer, which gives it that time.
#[cfg(target_arch = "wasm32")]
async fn yield_to_browser(waiting: bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let channel = if waiting { None } else { web_sys::MessageChannel::new().ok() };
        if let Some(channel) = channel {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
                return;
            }
        }
        if let Some(window) = web_sys::window() {
            window.set_timeout_with_callback(&resolve).ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}
