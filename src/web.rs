//! The browser entry point: start the app on the page's canvas, and replace the loading indicator
//! with the app, or with a readable error if start-up fails.

use eframe::wasm_bindgen::JsCast as _;

use alliance_atlas::{AtlasApp, StartOptions};

/// Starts the app on `<canvas id="the_canvas_id">`.
pub fn start() {
    eframe::WebLogger::init(log::LevelFilter::Info).ok();
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
        let options = StartOptions { persist: true, ..StartOptions::default() };
        let result = eframe::WebRunner::new()
            .start(canvas, eframe::WebOptions::default(), Box::new(|cc| Ok(Box::new(AtlasApp::new(cc, options)))))
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
