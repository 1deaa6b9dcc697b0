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
        web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
    }
}
