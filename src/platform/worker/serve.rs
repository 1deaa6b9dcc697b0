//! The worker's side: read a body as it arrives (the same [`Growing`] reader the page uses),
//! check it, and post the finished load to the page as one transferred buffer
//! (`formats::handover`). A worker has its own thread, so it reads as fast as the bytes come, with no
//! slices and no frames to share the time with.
//!
//! The worker's script (`spawn.rs`) fetches and calls [`begin`], [`push`] for each part, [`end`].
//! Messages to the page are plain objects with a `kind`: `answer` (`length`: announced or absent),
//! `progress` (`done`, `total` bytes), `done` (`bytes`: the head of the load's hand-over; `index`:
//! whether its index follows), `part` (`bytes`: the next initiatives), `index` (`bytes`: the index's hand-over), `failed` (`message`).

use crate::formats::growing::{Growing, Step};

/// Items read in one step (a worker need not stop for a frame; this only bounds one call).
const ITEMS_PER_STEP: usize = 50_000;

/// Initiatives in one part of the hand-over: the page decodes a part in one task (about 0.1 s).
const INITIATIVES_PER_PART: usize = 50_000;

/// How often progress is posted, at most (ms): the page repaints the progress once a second anyway.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// A reading under way in the worker.
struct Serving {
    name: String,
    reading: Option<Growing>,
    last_post: f64,
    start: f64,
    /// Add to this worker's clock to get the page's (for the log: one time line).
    to_page: f64,
}

/// This worker's `performance.timeOrigin` (ms since 1970).
fn time_origin() -> f64 {
    use wasm_bindgen::JsCast as _;
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.time_origin())
}

thread_local! {
    /// The reading of this worker (one body a worker).
    static SERVING: std::cell::RefCell<Option<Serving>> = const { std::cell::RefCell::new(None) };
}

/// The body of `name` has begun to arrive (`length` bytes announced, or negative when not): start
/// reading it. `page_origin` is the page's `performance.timeOrigin`, so the log's times are the page's.
pub fn begin(name: &str, length: f64, page_origin: f64) {
    let start = crate::platform::clock::now_ms();
    let to_page = time_origin() - page_origin;
    let length = (length >= 0.0).then_some(length as u64);
    log::info!("worker: answered {name} (at {:.0} ms)", start + to_page);
    let length_value = length.map_or(wasm_bindgen::JsValue::UNDEFINED, |l| (l as f64).into());
    post(&[("kind", "answer".into()), ("length", length_value)], None);
    let reading = Some(Growing::new(name, length));
    let serving = Serving { name: name.to_owned(), reading, last_post: 0.0, start, to_page };
    SERVING.with_borrow_mut(|s| *s = Some(serving));
}

/// The next part of the body; whether to go on (reading may end early, at a syntax error).
pub fn push(bytes: &[u8]) -> bool {
    SERVING.with_borrow_mut(|serving| {
        let Some(serving) = serving.as_mut() else { return false };
        let Some(reading) = serving.reading.as_mut() else { return false };
        reading.push(bytes);
        !serving.step()
    })
}

/// The body is complete: finish reading, check, and post the load.
pub fn end() {
    SERVING.with_borrow_mut(|serving| {
        if let Some(serving) = serving.as_mut()
            && let Some(reading) = serving.reading.as_mut()
        {
            reading.end();
            serving.step();
        }
    });
}

impl Serving {
    /// Reads as far as the bytes go; when reading is over, checks and posts the load. Whether it is over.
    fn step(&mut self) -> bool {
        let Some(reading) = self.reading.as_mut() else { return true };
        loop {
            match reading.step(ITEMS_PER_STEP) {
                Step::Again => {}
                Step::Wait => {
                    let now = crate::platform::clock::now_ms();
                    if now - self.last_post >= PROGRESS_EVERY_MS {
                        self.last_post = now;
                        let p = &reading.progress;
                        let load =
                            |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::Relaxed) as f64;
                        post(
                            &[
                                ("kind", "progress".into()),
                                ("done", load(&p.done).into()),
                                ("total", load(&p.total).into()),
                            ],
                            None,
                        );
                    }
                    return false;
                }
                Step::Done => break,
            }
        }
        let Some(reading) = self.reading.take() else { return true };
        let read = crate::platform::clock::now_ms();
        let mut loaded = reading.finish();
        let checked = crate::platform::clock::now_ms();
        let (bytes, parts) = match crate::formats::handover::to_parts(&mut loaded, INITIATIVES_PER_PART) {
            Ok(written) => written,
            Err(why) => {
                failed(&why);
                return true;
            }
        };
        let written = crate::platform::clock::now_ms();
        log::info!(
            "worker: loaded {}: read {:.0} ms, checked {:.0} ms, hand-over of {} bytes in {} parts written in {:.0} ms (at {at:.0} ms)",
            self.name,
            read - self.start,
            checked - read,
            bytes.len() + parts.iter().map(Vec::len).sum::<usize>(),
            parts.len() + 1,
            written - checked,
            at = written + self.to_page
        );
        // The index follows: the page decodes the load while this worker builds it.
        let indexed = loaded.dataset.is_some();
        post_bytes("done", bytes, indexed);
        for part in parts {
            post_bytes("part", part, false);
        }
        if let Some(dataset) = &loaded.dataset {
            let index = crate::model::index::Index::build(dataset);
            let built = crate::platform::clock::now_ms();
            match crate::formats::handover::index_to_bytes(&index) {
                Ok(bytes) => {
                    log::info!(
                        "worker: indexed in {:.0} ms, hand-over of {} bytes (at {:.0} ms)",
                        built - written,
                        bytes.len(),
                        crate::platform::clock::now_ms() + self.to_page
                    );
                    post_bytes("index", bytes, false);
                }
                Err(why) => failed(&why),
            }
        }
        true
    }
}

/// Posts `bytes` to the page as a message of `kind`, handing the buffer over (not copied); `index`
/// says whether an index follows.
fn post_bytes(kind: &str, bytes: Vec<u8>, index: bool) {
    let buffer = js_sys::Uint8Array::from(bytes.as_slice()).buffer();
    drop(bytes);
    post(&[("kind", kind.into()), ("bytes", buffer.clone().into()), ("index", index.into())], Some(&buffer.into()));
}

/// Posts that reading failed, and why (for the user).
fn failed(message: &str) {
    log::warn!("worker: {message}");
    post(&[("kind", "failed".into()), ("message", message.into())], None);
}

/// Posts a message of `fields` to the page, handing over `transfer` (not copied) if given.
fn post(fields: &[(&str, wasm_bindgen::JsValue)], transfer: Option<&wasm_bindgen::JsValue>) {
    use wasm_bindgen::JsCast as _;
    let message = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&message, &(*key).into(), value).ok();
    }
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let posted = match transfer {
        Some(t) => scope.post_message_with_transfer(&message, &js_sys::Array::of1(t)),
        None => scope.post_message(&message),
    };
    if let Err(e) = posted {
        log::error!("worker: could not post to the page: {e:?}");
    }
}
