//! The one monotonic clock the app reads: for timing a load's phases in the log.

/// Milliseconds on a monotonic clock (from an arbitrary start): for timing a load's phases in the log.
pub fn now_ms() -> f64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        #[expect(clippy::disallowed_methods, reason = "the one native monotonic clock read")]
        let start = START.get_or_init(std::time::Instant::now);
        start.elapsed().as_secs_f64() * 1000.0
    }
    #[cfg(target_arch = "wasm32")]
    {
        // The page's or a worker's `performance` (a worker has no `window`).
        use wasm_bindgen::JsCast as _;
        js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
            .map_or_else(js_sys::Date::now, |p| p.now())
    }
}
