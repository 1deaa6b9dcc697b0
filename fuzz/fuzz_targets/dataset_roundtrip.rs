#![no_main]
//! `alliance_atlas::fuzz_targets::dataset_roundtrip`: see its documentation for what it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| alliance_atlas::fuzz_targets::dataset_roundtrip(data));
