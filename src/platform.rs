//! The few things that differ between native and web: the clock, file dialogs.

use crate::model::Day;

/// Today's date (UTC).
pub fn today() -> Day {
    #[cfg(not(target_arch = "wasm32"))]
    #[expect(clippy::disallowed_methods, reason = "the one native clock read; the web gets its own")]
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    #[cfg(target_arch = "wasm32")]
    let secs = (js_sys::Date::now() / 1000.0) as u64;
    Day((secs / 86_400) as i64)
}

/// The time of day, UTC, as "HH:MM".
pub fn clock_utc() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    #[expect(clippy::disallowed_methods, reason = "the one native clock read; the web gets its own")]
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    #[cfg(target_arch = "wasm32")]
    let secs = (js_sys::Date::now() / 1000.0) as u64;
    let minutes = secs / 60 % (24 * 60);
    format!("{:02}:{:02} UTC", minutes / 60, minutes % 60)
}

/// The page's URL fragment without "#" (the browser's deep link); `None` on the desktop.
pub fn url_hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        let hash = hash.trim_start_matches('#');
        (!hash.is_empty()).then(|| hash.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Writes the deep link into the URL fragment without adding a history entry; no-op on the desktop.
pub fn replace_url_hash(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{hash}"))).ok();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = hash;
}

/// Bytes fetched for the app, or why not; `None` while under way.
pub type Fetched = std::sync::Arc<std::sync::Mutex<Option<Result<Vec<u8>, String>>>>;

/// The `data` parameter of the page's URL (`?data=URL`): a dataset to load; `None` on the desktop.
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
pub fn fetch(url: &str, ctx: &egui::Context) -> Fetched {
    let slot: Fetched = std::sync::Arc::new(std::sync::Mutex::new(None));
    #[cfg(target_arch = "wasm32")]
    {
        let (out, ctx) = (slot.clone(), ctx.clone());
        ehttp::fetch(ehttp::Request::get(url), move |response| {
            let result = match response {
                Ok(r) if r.ok => Ok(r.bytes),
                Ok(r) => Err(format!("the server answered {} {}", r.status, r.status_text)),
                Err(e) => Err(e),
            };
            if let Ok(mut s) = out.lock() {
                *s = Some(result);
            }
            ctx.request_repaint();
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ctx;
        if let Ok(mut s) = slot.lock() {
            *s = Some(Err(format!(
                "cannot fetch {url}: loading from a URL is a browser feature; open the file instead"
            )));
        }
    }
    slot
}

/// Opens a source link: only http and https; in the browser in a new tab with `noopener`.
pub fn open_link(ctx: &egui::Context, url: &str) {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
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

/// Asks the user for a dataset file with the system's file dialog.
#[cfg(not(target_arch = "wasm32"))]
pub fn pick_dataset_file() -> Option<std::path::PathBuf> {
    rfd::FileDialog::new()
        .set_title("Open a dataset")
        .add_filter("Alliance Atlas dataset (RON)", &["ron"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Asks where to save a briefing deck.
#[cfg(not(target_arch = "wasm32"))]
pub fn pick_deck_save_path() -> Option<std::path::PathBuf> {
    rfd::FileDialog::new().set_title("Save the deck").add_filter("Briefing deck (RON)", &["ron"]).save_file()
}

/// Asks where to save a briefing deck (not available in this build).
#[cfg(target_arch = "wasm32")]
pub fn pick_deck_save_path() -> Option<std::path::PathBuf> {
    None
}

/// Asks the user for a dataset file (not available in this build).
#[cfg(target_arch = "wasm32")]
pub fn pick_dataset_file() -> Option<std::path::PathBuf> {
    None
}
