//! A one-file briefing page: the web build (its JavaScript glue and its wasm), a dataset, a deck and
//! the page's options in one self-contained HTML file that opens from `file://` with no server and no
//! network (a USB stick in a secure building).
//!
//! Pure: text and bytes in, the page's text out. The wasm and the data are compressed (raw DEFLATE,
//! which every current browser inflates with `DecompressionStream("deflate-raw")`) and written as
//! text (`formats::text7`: 8 bits for every 7, a third less than base64) inside
//! `<script type="text/plain">` elements, where only `</script` could end them and the text has no `<`. The glue is inlined as a module script with a few lines that inflate the wasm
//! and start it; the app then reads the data, the deck and the options from the page
//! (`platform::page_payload`), decoding them with [`decode`].

use serde::{Deserialize, Serialize};

/// The id of the element holding the compressed wasm.
pub const WASM_ID: &str = "atlas-wasm";
/// The id of the element holding the compressed dataset (its name in `data-name`).
pub const DATA_ID: &str = "atlas-data";
/// The id of the element holding the compressed deck, when there is one.
pub const DECK_ID: &str = "atlas-deck";
/// The id of the element holding the options as JSON.
pub const OPTIONS_ID: &str = "atlas-page-options";

/// How the page opens and what it lets the reader do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageOptions {
    /// Start presenting the deck at its first step (a `#step=N` link still wins).
    pub present: bool,
    /// No File or Edit menu, no editing, no saving: the page shows, it does not keep.
    pub read_only: bool,
    /// The page's title (the browser tab); the dataset's title when empty.
    pub title: String,
    /// A classification or caveat line ("UNCLASSIFIED // FOR TRAINING") shown on every screen and
    /// printed on every slide and export.
    pub banner: String,
}

/// What goes into a page.
#[derive(Clone, Copy, Debug)]
pub struct PageParts<'a> {
    /// The web build's JavaScript glue (wasm-bindgen's `web` target, as Trunk writes it).
    pub glue_js: &'a str,
    /// The web build's wasm.
    pub wasm: &'a [u8],
    /// The dataset's file name (it picks the reader, as a dropped file's name does).
    pub data_name: &'a str,
    /// The dataset, in any format the app reads.
    pub data: &'a str,
    /// The deck (RON), if any.
    pub deck: Option<&'a str>,
    /// The options.
    pub options: &'a PageOptions,
}

/// Why a page could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageError {
    /// The glue does not define the initialiser the page calls.
    NoInit,
    /// The wasm does not start with the wasm magic number.
    NotWasm,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoInit => f.write_str(
                "the web build's JavaScript has no `__wbg_init` (hint: build it with scripts/build-web.sh, \
                 which uses wasm-bindgen's web target)",
            ),
            Self::NotWasm => f.write_str("the web build's .wasm file is not WebAssembly (hint: build it again)"),
        }
    }
}

/// Bytes as the page holds them: raw DEFLATE, then packed as text (`formats::text7`).
pub fn encode(bytes: &[u8]) -> String {
    crate::formats::text7::pack(&miniz_oxide::deflate::compress_to_vec(bytes, 10))
}

/// The bytes [`encode`] wrote.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let deflated = crate::formats::text7::unpack(text).map_err(|e| format!("the page's embedded data: {e}"))?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, crate::formats::MAX_FILE_BYTES as usize)
        .map_err(|e| format!("the page's embedded data does not inflate: {e:?}"))
}

/// The page's options as JSON that is safe inside a `<script>` element (no `<`).
pub fn options_json(options: &PageOptions) -> String {
    serde_json::to_string(options).unwrap_or_default().replace('<', "\\u003c")
}

/// Reads the options back; missing fields take their defaults.
pub fn read_options(json: &str) -> Result<PageOptions, String> {
    serde_json::from_str(json).map_err(|e| format!("the page's options do not read: {e}"))
}

/// Text for an HTML element's content or a double-quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// JavaScript that can sit inside a `<script>` element: every `</script` (in any case) becomes
/// `<\/script`, which means the same inside a string or a comment, the only places it can be.
fn script_safe(js: &str) -> String {
    let lower = js.to_ascii_lowercase();
    let mut out = String::with_capacity(js.len());
    let mut last = 0;
    for (at, _) in lower.match_indices("</script") {
        out.push_str(&js[last..at]);
        out.push_str("<\\/");
        last = at + 2;
    }
    out.push_str(&js[last..]);
    out
}

/// The page.
pub fn render(parts: &PageParts<'_>) -> Result<String, PageError> {
    if !parts.glue_js.contains("__wbg_init") {
        return Err(PageError::NoInit);
    }
    if !parts.wasm.starts_with(b"\0asm") {
        return Err(PageError::NotWasm);
    }
    let title = if parts.options.title.trim().is_empty() { "Alliance Atlas" } else { parts.options.title.trim() };
    let deck = parts.deck.map_or(String::new(), |deck| {
        format!("<script type=\"text/plain\" id=\"{DECK_ID}\">{}</script>\n", encode(deck.as_bytes()))
    });
    Ok(format!(
        "{head}<title>{title}</title>\n{STYLE}</head>\n<body>\n{BODY}\
         <script type=\"application/json\" id=\"{OPTIONS_ID}\">{options}</script>\n\
         <script type=\"text/plain\" id=\"{DATA_ID}\" data-name=\"{name}\">{data}</script>\n\
         {deck}<script type=\"text/plain\" id=\"{WASM_ID}\">{wasm}</script>\n\
         <script type=\"module\" id=\"atlas-boot\">\n{glue}\n{BOOT_MARKER}\n{unpack}{START}</script>\n</body>\n</html>\n",
        head = HEAD,
        title = escape_html(title),
        options = options_json(parts.options),
        name = escape_html(parts.data_name),
        data = encode(parts.data.as_bytes()),
        wasm = encode(parts.wasm),
        glue = script_safe(parts.glue_js),
        unpack = crate::formats::text7::UNPACK_JS,
    ))
}

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0, user-scalable=no\" />\n\
<meta name=\"generator\" content=\"Alliance Atlas export-page\" />\n";

const STYLE: &str = "<style>\n\
html, body { overflow: hidden; margin: 0; padding: 0; height: 100%; width: 100%; background: #18202a; }\n\
canvas { display: block; position: absolute; top: 0; left: 0; width: 100%; height: 100%; }\n\
.centered { position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%); color: #e1e4e8;\n\
  font-size: 20px; font-family: Ubuntu, Helvetica, Arial, sans-serif; text-align: center; }\n\
</style>\n";

const BODY: &str = "<noscript><p class=\"centered\">This briefing needs JavaScript and WebAssembly enabled.</p></noscript>\n\
<canvas id=\"the_canvas_id\"></canvas>\n\
<div class=\"centered\" id=\"loading_text\"><p id=\"loading_status\">Starting the briefing…</p></div>\n";

/// Where the glue ends and the boot script begins in the page's module script (a page made from a
/// page finds its glue again by it).
pub const BOOT_MARKER: &str = "// Alliance Atlas: inflate the wasm and start it";

/// Inflates the wasm and starts it; a failure is shown where the loading line was.
const START: &str = r#"try {
  const packed = unpack7(document.getElementById("atlas-wasm").textContent);
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  await __wbg_init({ module_or_path: await new Response(inflated).arrayBuffer() });
} catch (error) {
  const box = document.getElementById("loading_text");
  if (box) box.textContent = "This briefing could not start in this browser (it needs WebAssembly and WebGL2): " + error;
  console.error(error);
}
"#;
