//! Every input the fuzzer crashed on (`fuzz/regressions/TARGET/`), and every seed it starts from
//! (`fuzz/seeds/TARGET/`), replayed through the same function the fuzz target runs
//! (`alliance_atlas::fuzz_targets`): a crash found once stays fixed. A crash is saved here, and this
//! test seen failing on it, before the fix.

use std::path::Path;

use alliance_atlas::fuzz_targets::TARGETS;

/// Runs every file under `root/TARGET/` through its target; returns how many ran and the failures.
fn replay(root: &Path) -> (usize, Vec<String>) {
    let (mut ran, mut failures) = (0, Vec::new());
    for (name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else { continue };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.is_file()) {
            let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            ran += 1;
            if let Err(panic) = std::panic::catch_unwind(|| target(&bytes)) {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{}: {why}", file.display()));
            }
        }
    }
    (ran, failures)
}

#[test]
fn every_crash_the_fuzzer_found_stays_fixed() {
    let (ran, failures) = replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions"));
    assert!(failures.is_empty(), "{} of {ran} saved crashes fail again:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_seed_passes_every_check_of_its_target() {
    let (ran, failures) = replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds"));
    assert!(ran >= 100, "the seeds were found ({ran})");
    assert!(failures.is_empty(), "{} of {ran} seeds fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_target_has_a_fuzz_binary_a_dictionary_and_seeds() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(fuzz.join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for (name, _) in TARGETS {
        assert!(manifest.contains(&format!("name = \"{name}\"")), "{name} is a [[bin]] of fuzz/Cargo.toml");
        let wrapper = std::fs::read_to_string(fuzz.join(format!("fuzz_targets/{name}.rs"))).unwrap_or_default();
        assert!(wrapper.contains(&format!("fuzz_targets::{name}(data)")), "fuzz_targets/{name}.rs calls {name}");
        let seeds = std::fs::read_dir(fuzz.join("seeds").join(name)).map_or(0, Iterator::count);
        assert!(seeds > 0, "{name} has seeds");
    }
    let script = std::fs::read_to_string(fuzz.join("../scripts/fuzz.sh")).expect("scripts/fuzz.sh");
    for (name, _) in TARGETS {
        assert!(script.contains(name), "scripts/fuzz.sh runs {name}");
    }
}
