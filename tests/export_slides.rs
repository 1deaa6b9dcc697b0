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

fn xvfb_atlas(args: &[&str], tag: &str) -> std::process::ExitStatus {
    let runtime = std::env::temp_dir().join(format!("atlas-xdg-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&runtime).unwrap_or_else(|e| panic!("runtime dir: {e}"));
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1920x1200x24", env!("CARGO_BIN_EXE_alliance-atlas")])
        .args(args)
        .env("XDG_RUNTIME_DIR", &runtime)
        .status()
        .unwrap_or_else(|e| panic!("xvfb-run is installed (apt-get install xvfb xauth): {e}"));
    std::fs::remove_dir_all(&runtime).ok();
    status
}

#[test]
fn a_banner_is_on_every_slide_and_handout_page() {
    let out = std::env::temp_dir().join(format!("atlas-slides-banner-{}", std::process::id()));
    std::fs::remove_dir_all(&out).ok();
    let out_arg = out.display().to_string();
    let args = ["export-slides", "-", "--out", &out_arg, "--size", "960x540", "--banner", "SECRET // EXERCISE"];
    assert!(xvfb_atlas(&args, "banner").success());
    for n in [1, 6, 11] {
        let slide = image::open(out.join(format!("slide-{n:02}.png"))).expect("a PNG").to_rgb8();
        // The marking's red across the top and the foot of the slide, in the middle and near the edges.
        for (x, y) in [(480, 3), (40, 3), (920, 3), (480, 536), (40, 536)] {
            let [r, g, b] = slide.get_pixel(x, y).0;
            assert!(r > 150 && g < 60 && b < 80, "slide {n} at ({x},{y}) is ({r},{g},{b}), not the SECRET red");
        }
    }
    let pdf = std::fs::read(out.join("handout.pdf")).expect("handout.pdf");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Count 11") && raw.contains("/FontFile3"), "11 pages, the font embedded");
    assert!(!raw.contains("/Subtype /Image"), "the handout's map and timeline are vectors, not pictures");
    // Poppler reads the text back (`.ci/run` installs poppler-utils; without it locally, this part is skipped).
    if std::process::Command::new("pdftotext").arg("-v").output().is_ok() {
        let text = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(out.join("handout.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext");
        let text = String::from_utf8_lossy(&text.stdout);
        assert_eq!(text.matches("SECRET // EXERCISE").count(), 22, "2 per page × 11");
        // Each page lists the sources its step's initiatives cite, has its number, map and timeline.
        assert!(text.matches("Sources").count() >= 10, "{}", text.matches("Sources").count());
        for n in 1..=11 {
            assert!(text.contains(&format!("{n} / 11")) && text.contains(&format!("Step {n} of 11")), "page {n}");
        }
        assert!(text.matches("Natural Earth").count() == 11, "a map on every page");
        assert!(text.contains("Force posture") && text.contains("Camp Hansen"), "lanes and places are text");
    } else {
        assert!(std::env::var_os("CI").is_none(), "CI must have poppler-utils");
    }
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn export_video_writes_the_as_of_story_as_a_looping_gif() {
    use image::AnimationDecoder as _;
    let out = std::env::temp_dir().join(format!("atlas-story-{}.gif", std::process::id()));
    std::fs::remove_file(&out).ok();
    let out_arg = out.display().to_string();
    let args = ["export-video", "--out", &out_arg, "--from", "2022-06-01", "--to", "2025-06-01"];
    assert!(
        xvfb_atlas(&[&args[..], &["--frames", "4", "--fps", "2", "--size", "800x450"]].concat(), "video").success()
    );
    let file = std::io::BufReader::new(std::fs::File::open(&out).expect("the GIF was written"));
    let frames: Vec<image::Frame> = image::codecs::gif::GifDecoder::new(file)
        .expect("a GIF")
        .into_frames()
        .collect::<Result<_, _>>()
        .expect("frames");
    assert_eq!(frames.len(), 4);
    let ms: Vec<u32> = frames.iter().map(|f| f.delay().numer_denom_ms()).map(|(n, d)| n / d.max(1)).collect();
    assert_eq!(ms, [500, 500, 500, 2000], "2 a second, the last held");
    assert!(frames.iter().all(|f| f.buffer().dimensions() == (800, 450)));
    // Each day draws differently (the caption and what is shown as of it).
    for pair in frames.windows(2) {
        assert_ne!(pair[0].buffer().as_raw(), pair[1].buffer().as_raw());
    }
    // Bad days are a usage error before any window opens.
    let status = Command::new(env!("CARGO_BIN_EXE_alliance-atlas"))
        .args(["export-video", "--out", &out_arg, "--from", "2022-13-01"])
        .output()
        .expect("runs");
    assert_eq!(status.status.code(), Some(2), "{}", String::from_utf8_lossy(&status.stderr));
    std::fs::remove_file(&out).ok();
}
