#![no_main]
//! `alliance_atlas::fuzz_targets::xlsx`: see its documentation for what it checks.
//!
//! calamine 0.38 overflows a `u32` on cell references such as `AAAAAAAAA1` (found by this target). The
//! import catches a panic inside calamine and reports the workbook as unreadable, but libFuzzer's panic
//! hook aborts before anything can be caught; so here a panic raised inside calamine's own source goes
//! on to that catch, and every other panic still aborts.
use std::sync::Once;

static HOOK: Once = Once::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("/calamine-")) {
                abort(info);
            }
        }));
    });
    alliance_atlas::fuzz_targets::xlsx(data)
});
