//! Files: downloads in the browser, save dialogs, text files read and written safely on the desktop.

/// Hands `text` to the browser as a file download named `name` (a Blob behind an `<a download>`).
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, text: &str) -> Result<(), String> {
    download_bytes(name, text.as_bytes())
}

/// Hands `bytes` to the browser as a file download named `name`, typed by its extension.
#[cfg(target_arch = "wasm32")]
pub fn download_bytes(name: &str, bytes: &[u8]) -> Result<(), String> {
    use wasm_bindgen::JsCast as _;
    let fail = |e: wasm_bindgen::JsValue| format!("the browser refused the download: {e:?}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(match name.rsplit('.').next() {
        Some("csv") => "text/csv;charset=utf-8",
        Some("ics") => "text/calendar;charset=utf-8",
        Some("json" | "geojson") => "application/json",
        Some("html") => "text/html;charset=utf-8",
        Some("pdf") => "application/pdf",
        Some("svg") => "image/svg+xml",
        _ => "text/plain;charset=utf-8",
    });
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}

/// Downloads exist only in the browser; the desktop writes files.
#[cfg(not(target_arch = "wasm32"))]
pub fn download(name: &str, text: &str) -> Result<(), String> {
    download_bytes(name, text.as_bytes())
}

/// Downloads exist only in the browser; the desktop writes files.
#[cfg(not(target_arch = "wasm32"))]
pub fn download_bytes(name: &str, _bytes: &[u8]) -> Result<(), String> {
    Err(format!("{name}: downloads exist only in the browser; save to a file instead"))
}

/// The browser's local storage key of the unsaved edits.
#[cfg(target_arch = "wasm32")]
const DRAFT_KEY: &str = "alliance-atlas-unsaved-edits";

/// Keeps the unsaved edits (`State::draft_text`) in the browser's local storage, or removes what was
/// kept (`None`). The desktop keeps none: its close guard asks before edits are lost.
#[cfg(target_arch = "wasm32")]
pub fn keep_draft(text: Option<&str>) -> Result<(), String> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or("no local storage")?;
    let result = match text {
        Some(text) => storage.set_item(DRAFT_KEY, text),
        None => storage.remove_item(DRAFT_KEY),
    };
    // Over the browser's quota (a few MB), for one.
    result.map_err(|e| format!("the browser would not keep them: {e:?}"))
}

/// The desktop keeps no draft.
#[cfg(not(target_arch = "wasm32"))]
pub fn keep_draft(_text: Option<&str>) -> Result<(), String> {
    Ok(())
}

/// The unsaved edits kept by an earlier visit, if any.
#[cfg(target_arch = "wasm32")]
pub fn kept_draft() -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(DRAFT_KEY).ok()?
}

/// The desktop keeps no draft.
#[cfg(not(target_arch = "wasm32"))]
pub fn kept_draft() -> Option<String> {
    None
}

/// Asks where to save an export in `format`, offering `name`; in the browser there is no path to
/// ask for (an export is a download).
pub fn pick_export_path(
    format: crate::formats::export::render::ExportFormat,
    name: &str,
) -> Option<std::path::PathBuf> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (format, name);
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    rfd::FileDialog::new()
        .set_title(format!("Export as {}", format.label()))
        .set_file_name(name)
        .add_filter(format.label(), &[format.extension()])
        .save_file()
}

/// What a save dialog asks for: its title, the file type's name and extension.
#[derive(Clone, Copy, Debug)]
pub enum SaveKind {
    /// A one-file briefing page (in the browser it is a download).
    Page,
    /// The as-of story, a GIF (desktop only).
    Story,
    /// The timeline poster as PDF pages.
    PosterPdf,
    /// The timeline poster as one SVG sheet.
    PosterSvg,
}

/// Asks where to save a file of this kind, offering `name`; the browser has no paths.
pub fn pick_save_path(kind: SaveKind, name: &str) -> Option<std::path::PathBuf> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (kind, name);
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (title, filter, extension) = match kind {
            SaveKind::Page => ("Export a briefing page", "Web page", "html"),
            SaveKind::Story => ("Record the as-of story", "Animated GIF", "gif"),
            SaveKind::PosterPdf => ("Print the timeline", "PDF", "pdf"),
            SaveKind::PosterSvg => ("Print the timeline", "SVG picture", "svg"),
        };
        rfd::FileDialog::new().set_title(title).set_file_name(name).add_filter(filter, &[extension]).save_file()
    }
}

/// Asks where to save a briefing deck (in the browser there is no path to ask for).
pub fn pick_deck_save_path() -> Option<std::path::PathBuf> {
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    rfd::FileDialog::new().set_title("Save the deck").add_filter("Briefing deck (RON)", &["ron"]).save_file()
}

/// Reads a text file (the saved views or deck next to a dataset). In the browser there are no paths.
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    #[cfg(not(target_arch = "wasm32"))]
    return std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    #[cfg(target_arch = "wasm32")]
    Err(format!("cannot read {} in the browser", path.display()))
}

/// Writes a file through the one safe routine ([`crate::formats::write`]): a temporary file in the
/// same folder, flushed, the old file kept as `NAME.bak` when `backup`, then renamed over the old one.
/// A failure leaves the old file as it was. In the browser there are no paths.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8], backup: bool) -> Result<(), String> {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::formats::write::write_safely(path, bytes, backup);
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (bytes, backup);
        Err(format!("cannot write {} in the browser", path.display()))
    }
}
