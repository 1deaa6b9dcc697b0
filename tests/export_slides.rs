//! `export-slides` draws every step in a real window and writes one PNG per step plus a PDF handout.
//! It needs a display: this test runs it under `xvfb-run` (Debian's `xvfb`, which `.ci/run` installs).

use std::process::Command;

#[test]
fn export_slides_writes_one_png_per_step_and_a_handout() {
    let out = std::env::temp_dir().join(format!("atlas-slides-{}", std::process::id()));
    std::fs::remove_dir_all(&out).ok();
    let runtime = std::env::temp_dir().join(format!("atlas-xdg-{}", std::process::id()));
    std::fs::create_dir_all(&runtime).expect("runtime dir");
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1920x1200x24", env!("CARGO_BIN_EXE_alliance-atlas"), "export-slides", "-"])
        .arg("--out")
        .arg(&out)
        .args(["--size", "960x540"])
        .env("XDG_RUNTIME_DIR", &runtime)
        .status()
        .expect("xvfb-run is installed (apt-get install xvfb xauth)");
    assert!(status.success(), "export-slides exited with {status}");
    let mut slides: Vec<_> = std::fs::read_dir(&out)
        .expect("output folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    slides.sort();
    assert_eq!(slides.len(), 11, "{slides:?}");
    for slide in &slides {
        let image = image::open(slide).expect("a PNG");
        assert_eq!((image.width(), image.height()), (960, 540), "{}", slide.display());
    }
    let pdf = std::fs::read(out.join("handout.pdf")).expect("handout.pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(String::from_utf8_lossy(&pdf).contains("/Count 11"));
    std::fs::remove_dir_all(&out).ok();
    std::fs::remove_dir_all(&runtime).ok();
}
