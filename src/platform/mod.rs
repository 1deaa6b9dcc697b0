//! The few things that differ between native and web: the clock, file dialogs, the URL, full screen,
//! the window title, fetching, work beside the UI (`slices.rs`), files and downloads (`files.rs`). The only module (with `main.rs`) that
//! looks at the target.

mod clock;
mod files;
mod page;
pub mod paint_cache;
mod slices;
mod stream;
pub mod worker;

pub use clock::now_ms;
pub use files::{
    SaveKind, download, download_bytes, keep_draft, kept_draft, pick_deck_save_path, pick_export_path, pick_save_path,
    read_text, write_atomic,
};
pub use page::{OwnBuild, PagePayload, own_build, page_payload};
pub use slices::{Slice, run_in_slices};
pub use stream::{Incoming, Stream, fetch_stream};

use crate::model::Day;

/// Whether the window is cleared with the panels' colour instead of filling each panel (the browser,
/// where a frame without a GPU costs its filled pixels). Not on the desktop: the test renderer clears
/// to transparent, and the snapshots show the panels as filled.
pub const CLEAR_PAINTS_PANELS: bool = cfg!(target_arch = "wasm32");

/// How often a load's progress is repainted: in the browser each repaint is a whole frame of the app,
/// which a machine without a GPU pays for with time the load could have had.
pub const PROGRESS_REPAINT: std::time::Duration =
    std::time::Duration::from_millis(if cfg!(target_arch = "wasm32") { 1000 } else { 100 });

/// Seconds since 1970 (UTC): the one clock read of the app.
fn unix_seconds() -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    #[expect(clippy::disallowed_methods, reason = "the one native clock read; the web gets its own")]
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    #[cfg(target_arch = "wasm32")]
    let secs = (js_sys::Date::now() / 1000.0) as u64;
    secs
}

/// Today's date (UTC).
pub fn today() -> Day {
    Day((unix_seconds() / 86_400) as i64)
}

/// The time of day, UTC, as "HH:MM".
pub fn clock_utc() -> String {
    let minutes = unix_seconds() / 60 % (24 * 60);
    format!("{:02}:{:02} UTC", minutes / 60, minutes % 60)
}

/// Whether this build has a URL to keep in step with the view (the browser).
pub const HAS_URL: bool = cfg!(target_arch = "wasm32");

/// Whether unsaved edits can be kept for the next visit (the browser's local storage; on the desktop
/// Save writes the file, and nothing is kept).
pub const KEEPS_DRAFTS: bool = cfg!(target_arch = "wasm32");

/// The page's URL fragment without "#" (the browser's deep link), percent-decoded; `None` on the desktop.
pub fn url_hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        let hash = hash.trim_start_matches('#');
        let decoded = js_sys::decode_uri(hash).ok().and_then(|s| s.as_string()).unwrap_or_else(|| hash.to_owned());
        (!decoded.is_empty()).then_some(decoded)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// What "Copy link" copies for a view in text form: in the browser the page's address with the view as
/// its fragment; on the desktop the text itself (what `--view` and the browser's `#` take).
pub fn shareable_link(view: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let base = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        return format!("{base}#{}", js_sys::encode_uri(view).as_string().unwrap_or_default());
    }
    view.to_owned()
}

/// Writes the deep link into the URL fragment: a new history entry when `push` (so Back returns to the
/// previous selection or step), else in place (panning and zooming do not flood the history). No-op on
/// the desktop.
pub fn write_url_hash(hash: &str, push: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let encoded = js_sys::encode_uri(hash).as_string().unwrap_or_default();
        let url = format!("#{encoded}");
        let null = wasm_bindgen::JsValue::NULL;
        let written = if push {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
        if let Err(e) = written {
            log::warn!("could not write the link into the address bar: {e:?}");
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (hash, push);
}

/// Wakes the UI when the browser changes the URL (Back, Forward, an edited fragment) or leaves full
/// screen, so the app can follow. No-op on the desktop.
pub fn watch_browser(ctx: &egui::Context) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast as _;
        let Some(window) = web_sys::window() else { return };
        for (target, event) in [
            (window.clone().unchecked_into::<web_sys::EventTarget>(), "popstate"),
            (window.clone().unchecked_into::<web_sys::EventTarget>(), "hashchange"),
            (
                window.document().map(wasm_bindgen::JsCast::unchecked_into).unwrap_or(window.clone().unchecked_into()),
                "fullscreenchange",
            ),
        ] {
            let ctx = ctx.clone();
            let wake = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || ctx.request_repaint());
            if target.add_event_listener_with_callback(event, wake.as_ref().unchecked_ref()).is_ok() {
                // The listener lives as long as the page.
                wake.forget();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ctx;
}

/// Enters or leaves full screen: the window on the desktop; in the browser the Fullscreen API (allowed
/// because presenting starts from a key press or click moments before).
pub fn set_fullscreen(ctx: &egui::Context, on: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        if on {
            if let Some(root) = document.document_element()
                && document.fullscreen_element().is_none()
            {
                // Refusals (no user gesture: a page that opens presenting or a #step= link; an
                // iframe without permission) only mean presenting stays in the page; the promise's
                // rejection is caught, not left to the console as a page error.
                use wasm_bindgen::JsCast as _;
                let request = js_sys::Reflect::get(&root, &"requestFullscreen".into()).ok();
                let promise = request
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call0(&root).ok())
                    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
                if let Some(promise) = promise {
                    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
                    let _ = promise.catch(&ignore);
                    ignore.forget();
                }
            }
        } else if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
}

/// Whether the browser shows the page full screen; `None` on the desktop (the window manager decides).
pub fn is_fullscreen() -> Option<bool> {
    #[cfg(target_arch = "wasm32")]
    {
        let document = web_sys::window()?.document()?;
        Some(document.fullscreen_element().is_some())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Names the window (desktop) or the browser tab.
pub fn set_title(ctx: &egui::Context, title: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.to_owned()));
}

/// What came back from fetching a URL or picking a file in the browser.
#[derive(Debug)]
pub enum Arrival {
    /// The file's name or URL, and its bytes.
    Bytes(String, Vec<u8>),
    /// The name or URL, and why it could not be read.
    Failed(String, String),
    /// The user closed the file picker without choosing.
    Cancelled,
}

/// A slot that an asynchronous fetch or file pick fills; `None` while under way.
pub type Pending = std::sync::Arc<std::sync::Mutex<Option<Arrival>>>;

fn arrive(slot: &Pending, arrival: Arrival, ctx: &egui::Context) {
    if let Ok(mut s) = slot.lock() {
        *s = Some(arrival);
    }
    ctx.request_repaint();
}

/// The value of `key` in the page's query string (`?data=URL`, `?deck=URL`); `None` on the desktop.
pub fn url_query(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = web_sys::window()?.location().search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        params.get(key).filter(|v| !v.is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Starts fetching `url` (same origin or CORS-enabled) in the browser; the result lands in the slot and
/// the UI is woken. On the desktop this reports that fetching is a browser feature.
pub fn fetch(url: &str, ctx: &egui::Context) -> Pending {
    let slot: Pending = std::sync::Arc::new(std::sync::Mutex::new(None));
    #[cfg(target_arch = "wasm32")]
    {
        let (out, ctx, name, start) = (slot.clone(), ctx.clone(), url.to_owned(), now_ms());
        ehttp::fetch(ehttp::Request::get(url), move |response| {
            let arrival = match response {
                Ok(r) if r.ok => {
                    log::info!(
                        "fetched {name}: {} bytes in {:.0} ms (at {:.0} ms)",
                        r.bytes.len(),
                        now_ms() - start,
                        now_ms()
                    );
                    Arrival::Bytes(name, r.bytes)
                }
                Ok(r) => Arrival::Failed(name, format!("the server answered {} {}", r.status, r.status_text)),
                Err(e) => Arrival::Failed(name, e),
            };
            arrive(&out, arrival, &ctx);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    arrive(
        &slot,
        Arrival::Failed(url.to_owned(), "loading from a URL is a browser feature; open the file instead".to_owned()),
        ctx,
    );
    slot
}

/// What "Open…" started: a path chosen on the desktop, or a browser file pick under way.
#[derive(Debug)]
pub enum Picked {
    /// The desktop dialog returned this file.
    Path(std::path::PathBuf),
    /// The browser's picker is open; its file arrives in the slot.
    Pending(Pending),
    /// The dialog was closed without a choice.
    Nothing,
}

/// Asks the user for a dataset file: the system dialog on the desktop, the browser's file picker on the
/// web (its bytes arrive later).
pub fn pick_dataset(ctx: &egui::Context) -> Picked {
    const TITLE: &str = "Open a dataset";
    const FILTER: (&str, &[&str]) = (
        "Datasets (RON, CSV, XLSX, ODS, TimelineJS, StoryMapJS, GeoJSON, KML)",
        &["ron", "csv", "tsv", "xlsx", "ods", "json", "geojson", "kml", "kmz"],
    );
    #[cfg(target_arch = "wasm32")]
    {
        let dialog = rfd::AsyncFileDialog::new().set_title(TITLE).add_filter(FILTER.0, FILTER.1);
        let slot: Pending = std::sync::Arc::new(std::sync::Mutex::new(None));
        let (out, ctx) = (slot.clone(), ctx.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let arrival = match dialog.pick_file().await {
                Some(file) => Arrival::Bytes(file.file_name(), file.read().await),
                None => Arrival::Cancelled,
            };
            arrive(&out, arrival, &ctx);
        });
        Picked::Pending(slot)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ctx;
        let dialog =
            rfd::FileDialog::new().set_title(TITLE).add_filter(FILTER.0, FILTER.1).add_filter("All files", &["*"]);
        dialog.pick_file().map_or(Picked::Nothing, Picked::Path)
    }
}

/// Reads a file dropped on the window: its path on the desktop; in the browser (no paths) its bytes,
/// which arrive later.
pub fn read_dropped(ctx: &egui::Context, file: &egui::DroppedFileHandle) -> Picked {
    #[cfg(target_arch = "wasm32")]
    {
        let slot: Pending = std::sync::Arc::new(std::sync::Mutex::new(None));
        let (out, ctx, file) = (slot.clone(), ctx.clone(), file.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.path().display().to_string();
            let arrival = match file.bytes_async().await {
                Ok(bytes) => Arrival::Bytes(name, bytes),
                Err(e) => Arrival::Failed(name, e),
            };
            arrive(&out, arrival, &ctx);
        });
        Picked::Pending(slot)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ctx;
        Picked::Path(file.path().to_path_buf())
    }
}

/// Runs `work` on another thread on the desktop; in the browser (one thread, and only bytes to load,
/// never paths) it runs at once.
pub fn spawn(work: impl FnOnce() + Send + 'static) {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(e) = std::thread::Builder::new().name("atlas-loader".to_owned()).spawn(work) {
        log::error!("could not start a loading thread: {e}");
    }
    #[cfg(target_arch = "wasm32")]
    work();
}

/// Opens a source link: only http, https and mailto ([`crate::model::links::is_safe_url`]); in the
/// browser in a new tab with `noopener`.
pub fn open_link(ctx: &egui::Context, url: &str) {
    if !crate::model::links::is_safe_url(url) {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        if let Some(window) = web_sys::window() {
            window.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer").ok();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.open_url(egui::OpenUrl::new_tab(url));
}

/// The last guard for links: whatever asked this frame to open an address (a markdown link, a
/// widget), only web pages and mail go out ([`crate::model::links::is_safe_url`]).
pub fn drop_unsafe_urls(ctx: &egui::Context) {
    let unsafe_url = |c: &egui::OutputCommand| matches!(c, egui::OutputCommand::OpenUrl(o) if !crate::model::links::is_safe_url(&o.url));
    ctx.output_mut(|o| o.commands.retain(|c| !unsafe_url(c)));
}
