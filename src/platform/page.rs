//! What a one-file briefing page (`formats::page`) holds for the app: its dataset, its deck and its
//! options, read from the page's elements and decoded. Nothing on the desktop.

use crate::formats::page::PageOptions;

/// A page's dataset (name and bytes), deck and options.
#[derive(Clone, Debug, Default)]
pub struct PagePayload {
    /// The dataset's name and bytes.
    pub data: Option<(String, Vec<u8>)>,
    /// The deck's bytes.
    pub deck: Option<Vec<u8>>,
    /// How the page opens.
    pub options: PageOptions,
    /// What could not be read (shown in the problems panel).
    pub problems: Vec<String>,
}

/// The payload when the app runs inside a one-file briefing page.
pub fn page_payload() -> Option<PagePayload> {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::formats::page::{DATA_ID, DECK_ID, OPTIONS_ID, decode, read_options};
        let document = web_sys::window()?.document()?;
        let data_element = document.get_element_by_id(DATA_ID)?;
        let mut payload = PagePayload::default();
        let name = data_element.get_attribute("data-name").unwrap_or_else(|| "briefing.ron".to_owned());
        match decode(&data_element.text_content().unwrap_or_default()) {
            Ok(bytes) => payload.data = Some((name, bytes)),
            Err(e) => payload.problems.push(format!("the page's dataset: {e}")),
        }
        if let Some(deck) = document.get_element_by_id(DECK_ID) {
            match decode(&deck.text_content().unwrap_or_default()) {
                Ok(bytes) => payload.deck = Some(bytes),
                Err(e) => payload.problems.push(format!("the page's deck: {e}")),
            }
        }
        if let Some(options) = document.get_element_by_id(OPTIONS_ID) {
            match read_options(&options.text_content().unwrap_or_default()) {
                Ok(options) => payload.options = options,
                Err(e) => payload.problems.push(e),
            }
        }
        Some(payload)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Where the running app's own web build can be had, to make a page from the browser: the URLs of a
/// served build (Trunk's preload links), or the glue and the encoded wasm a one-file page holds.
#[derive(Clone, Debug)]
pub enum OwnBuild {
    /// The glue's and the wasm's URLs.
    Urls(String, String),
    /// The glue's text and the wasm as the page holds it (`formats::page::encode`).
    Held(String, String),
}

/// The running app's own web build, in the browser.
pub fn own_build() -> Option<OwnBuild> {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::formats::page::{BOOT_MARKER, WASM_ID};
        let document = web_sys::window()?.document()?;
        if let (Some(boot), Some(wasm)) =
            (document.get_element_by_id("atlas-boot"), document.get_element_by_id(WASM_ID))
        {
            let text = boot.text_content()?;
            let glue = text.split(BOOT_MARKER).next()?.trim_end().to_owned();
            return Some(OwnBuild::Held(glue, wasm.text_content()?));
        }
        let href = |selector: &str| document.query_selector(selector).ok().flatten()?.get_attribute("href");
        let glue = href("link[rel=modulepreload][href*='alliance-atlas-'][href$='.js']")?;
        let wasm = href("link[rel=preload][href$='_bg.wasm']")?;
        Some(OwnBuild::Urls(glue, wasm))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
