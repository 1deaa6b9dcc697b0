//! The browser entry point: start the app on the page's canvas, and replace the loading indicator
//! with the app, or with a readable error if start-up fails.

use eframe::wasm_bindgen::JsCast as _;

use alliance_atlas::{AtlasApp, StartOptions};

/// Starts the app on `<canvas id="the_canvas_id">`; in a Web Worker (which runs this same module to
/// read a dataset, `platform::worker`) there is no page, and nothing starts until the worker is told
/// what to read.
pub fn start() {
    eframe::WebLogger::init(log::LevelFilter::Info).ok();
    if web_sys::window().is_none() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            log::error!("no document: is this running in a browser?");
            return;
        };
        let Some(canvas) =
            document.get_element_by_id("the_canvas_id").and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            log::error!("the page has no <canvas id=\"the_canvas_id\">");
            return;
        };
        prepare_webgl(&canvas);
        // `?paint_cache=off`: every region drawn from its shapes, to compare pictures with the cache's.
        if web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|q| q.contains("paint_cache=off")) {
            alliance_atlas::platform::paint_cache::turn_off();
        }
        let options = StartOptions { persist: true, ..StartOptions::default() };
        // No dithering: its noise is work for every pixel, which a software renderer pays for on each
        // frame; banding is invisible in the app's flat colours.
        let web_options = eframe::WebOptions { dithering: false, ..eframe::WebOptions::default() };
        let result = eframe::WebRunner::new()
            .start(canvas, web_options, Box::new(|cc| Ok(Box::new(AtlasApp::new(cc, options)))))
            .await;
        if let Some(loading) = document.get_element_by_id("loading_text") {
            match result {
                Ok(()) => loading.remove(),
                Err(e) => {
                    loading.set_inner_html(
                        "<p>Alliance Atlas could not start in this browser. It needs WebGL2; the developer console has the details.</p>",
                    );
                    log::error!("could not start: {e:?}");
                }
            }
        }
    });
}

/// In a worker (`platform::worker`, whose script calls these): the body of `name` began to arrive,
/// `length` bytes announced (negative: not announced); `page_origin` is the page's clock.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn atlas_worker_begin(name: &str, length: f64, page_origin: f64) {
    alliance_atlas::platform::worker::begin(name, length, page_origin);
}

/// In a worker: the next part of the body; whether to go on.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn atlas_worker_push(bytes: &[u8]) -> bool {
    alliance_atlas::platform::worker::push(bytes)
}

/// In a worker: the body is complete.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn atlas_worker_end() {
    alliance_atlas::platform::worker::end();
}

/// Creates the canvas's WebGL context before eframe asks for it (a canvas keeps its first context, and
/// eframe asks without attributes): no multisampling, depth or stencil buffer. egui smooths its own
/// edges and uses neither buffer, and in a browser without a GPU (WebGL through `SwiftShader`) the
/// default 4× multisampling doubled the cost of every frame (`docs/PERFORMANCE.md`).
fn prepare_webgl(canvas: &web_sys::HtmlCanvasElement) {
    let attributes = js_sys::Object::new();
    for (key, value) in [("antialias", false), ("depth", false), ("stencil", false)] {
        js_sys::Reflect::set(&attributes, &key.into(), &value.into()).ok();
    }
    for kind in ["webgl2", "webgl"] {
        if canvas.get_context_with_context_options(kind, &attributes).ok().flatten().is_some() {
            return;
        }
    }
}
