//! The app under hours of use, in a minute: frames of random but legal input (clicks, right clicks and
//! drags anywhere on the timeline, the map, the lists and the menus; wheel zooms; every shortcut; typing
//! in the search box; presenting and leaving; lane groupings; opening good and bad files), with a fixed
//! seed. No frame may panic, and the heap after the run must be within 10% of the heap half way through
//! (egui's temp data, our caches and histories must not grow without bound). Half way, not after the
//! first 1,000 frames: egui's glyph atlas doubles once in the first few thousand frames (at a point
//! that varies from run to run), and what comes with it (about 1 MB beside the atlas image itself) was
//! a one-off step, not growth: +8.7% to +13.5% at 10,000 frames measured from frame 1,000, +2.6% at
//! 25,000 (docs/RELIABILITY.md).
//!
//! `ATLAS_SOAK_FRAMES` sets the length (10,000 by default; the long run in docs/RELIABILITY.md is
//! 100,000), `ATLAS_SOAK_SEED` the seed.

use std::path::PathBuf;

use alliance_atlas::model::Day;
use alliance_atlas::model::view::LaneGrouping;
use alliance_atlas::state::Command;
use alliance_atlas::{AtlasApp, StartOptions};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static HEAP: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// Bytes on the heap now.
fn live_bytes() -> i64 {
    let s = HEAP.stats();
    // (A realloc's growth or shrink is already counted in bytes_allocated or bytes_deallocated.)
    s.bytes_allocated as i64 - s.bytes_deallocated as i64
}

/// The heap, in two parts: egui's font atlas (an RGBA image of `atlas` pixels, kept on the CPU) and
/// the rest.
#[derive(Clone, Copy, Debug)]
struct Heap {
    rest: i64,
    atlas: [usize; 2],
}

impl Heap {
    fn atlas_bytes(self) -> i64 {
        (self.atlas[0] * self.atlas[1] * 4) as i64
    }
}

#[expect(clippy::redundant_closure_for_method_calls, reason = "the method path does not infer the fonts' lifetime")]
fn heap_of(harness: &Harness<'_, AtlasApp>) -> Heap {
    let atlas = harness.ctx.fonts(|f| f.font_image_size());
    let total = live_bytes();
    let heap = Heap { rest: 0, atlas };
    Heap { rest: total - heap.atlas_bytes(), atlas }
}

/// A fixed-seed generator (splitmix64): the same frames on every run, no dependency for eight lines.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SIZE: egui::Vec2 = vec2(1600.0, 900.0);

/// Every key the app answers to, with and without modifiers.
const KEYS: [Key; 31] = [
    Key::Enter,
    Key::Escape,
    Key::Space,
    Key::Tab,
    Key::Backspace,
    Key::Delete,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
    Key::Plus,
    Key::Minus,
    Key::Equals,
    Key::Period,
    Key::B,
    Key::F,
    Key::N,
    Key::O,
    Key::R,
    Key::S,
    Key::W,
    Key::Y,
    Key::Z,
    Key::F1,
    Key::F5,
    Key::A,
    Key::C,
];

const MODIFIERS: [Modifiers; 6] = [
    Modifiers::NONE,
    Modifiers::NONE,
    Modifiers::CTRL,
    Modifiers::SHIFT,
    Modifiers::ALT,
    Modifiers { ctrl: true, shift: true, command: true, ..Modifiers::NONE },
];

/// Text typed into the search box: words of the dataset, kana and kanji, and noise.
const TYPED: [&str; 8] = ["okinawa", "MQ-9", "12th", "嘉手納", "by 2025", "zzzz", "  ", "q3 2024"];

/// What the app uploads to the GPU: bytes of texture data and the textures alive. A renderer that
/// keeps nothing (kittest's default one keeps every upload until a first snapshot, which would look
/// like a leak of the app's).
#[derive(Clone, Debug, Default)]
struct Uploads {
    bytes: u64,
    upload_frames: u64,
    live: std::collections::BTreeSet<egui::TextureId>,
    /// The size of the last whole texture uploaded (the font atlas, when it grows).
    whole: [usize; 2],
}

struct CountingRenderer(std::sync::Arc<std::sync::Mutex<Uploads>>);

impl egui_kittest::TestRenderer for CountingRenderer {
    #[expect(clippy::iter_over_hash_type, reason = "sums and set updates: the order does not matter")]
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        let mut uploads = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !delta.set.is_empty() {
            uploads.upload_frames += 1;
        }
        for (id, images) in &delta.set {
            uploads.bytes += images.iter().map(|d| (d.image.width() * d.image.height() * 4) as u64).sum::<u64>();
            if let Some(whole) = images.iter().rev().find(|d| d.pos.is_none()) {
                uploads.whole = whole.image.size();
            }
            uploads.live.insert(*id);
        }
        for id in &delta.free {
            uploads.live.remove(id);
        }
        delta.clear();
    }

    fn render(&mut self, _ctx: &egui::Context, _output: &egui::FullOutput) -> Result<image::RgbaImage, String> {
        Err("the soak test does not render".to_owned())
    }
}

/// The app as the soak drives it: the embedded dataset, a fixed "today", no system dialogs.
fn soak_app(uploads: std::sync::Arc<std::sync::Mutex<Uploads>>) -> Harness<'static, AtlasApp> {
    let renderer = CountingRenderer(uploads);
    Harness::builder().with_size(SIZE).with_pixels_per_point(1.0).renderer(renderer).build_eframe(|cc| {
        AtlasApp::new(
            cc,
            StartOptions { today: Some(Day::from_ymd(2026, 11, 26)), no_dialogs: true, ..StartOptions::default() },
        )
    })
}

/// Copies of the good and bad fixtures in a folder of their own: saving a view or an edit next to a
/// file the soak opened must not touch the repository.
fn fixtures() -> Vec<PathBuf> {
    let dir = std::env::temp_dir().join(format!("atlas-soak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("a scratch folder {}: {e}", dir.display()));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files =
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/us-japan-2023.ron"), root.join("minimal.ron")];
    for bad in ["bad/unknown-field.ron", "bad/truncated.ron", "bad/not-utf8.ron", "bad/too-deep.ron"] {
        files.push(root.join(bad));
    }
    files.push(root.join("import/json/eras.json"));
    files.push(root.join("import/tables/my-own-timeline.csv"));
    files
        .into_iter()
        .map(|from| {
            let to = dir.join(from.file_name().unwrap_or_default());
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
            to
        })
        .collect()
}

/// What the soak is doing across frames: a drag in progress (frames left) and the press modifiers.
#[derive(Default)]
struct Soak {
    drag: Option<u32>,
    pointer: Pos2,
    actions: [u32; 10],
    /// Only this kind of input (`ATLAS_SOAK_ONLY`, to find what grows).
    only: Option<usize>,
}

impl Soak {
    fn frame(&mut self, harness: &mut Harness<'_, AtlasApp>, rng: &mut Rng, files: &[PathBuf]) {
        if let Some(left) = self.drag {
            self.pointer = (self.pointer + vec2(rng.unit() * 60.0 - 30.0, rng.unit() * 30.0 - 15.0))
                .clamp(Pos2::ZERO, pos2(SIZE.x - 1.0, SIZE.y - 1.0));
            harness.event(Event::PointerMoved(self.pointer));
            if left == 0 {
                harness.event(button(self.pointer, PointerButton::Primary, false, Modifiers::NONE));
                self.drag = None;
            } else {
                self.drag = Some(left - 1);
            }
            return;
        }
        let at = pos2(rng.unit() * SIZE.x, rng.unit() * SIZE.y);
        let kind = rng.below(100);
        let action = match kind {
            0..30 => 0,
            30..36 => 1,
            36..46 => 2,
            46..56 => 3,
            56..76 => 4,
            76..84 => 5,
            84..92 => 6,
            92..96 => 7,
            96..99 => 8,
            _ => 9,
        };
        let action = self.only.unwrap_or(action);
        self.actions[action] += 1;
        match action {
            // A click (the pointer moves there first, as a mouse does).
            0 => {
                let modifiers = *rng.pick(&MODIFIERS[..2]);
                harness.event(Event::PointerMoved(at));
                harness.event(button(at, PointerButton::Primary, true, modifiers));
                harness.event(button(at, PointerButton::Primary, false, modifiers));
            }
            // A right click: context menus.
            1 => {
                harness.event(Event::PointerMoved(at));
                harness.event(button(at, PointerButton::Secondary, true, Modifiers::NONE));
                harness.event(button(at, PointerButton::Secondary, false, Modifiers::NONE));
            }
            // A drag, over the next frames.
            2 => {
                self.pointer = at;
                harness.event(Event::PointerMoved(at));
                harness.event(button(at, PointerButton::Primary, true, *rng.pick(&MODIFIERS[..2])));
                self.drag = Some(2 + rng.below(8) as u32);
            }
            // The wheel, plain (pan or scroll) or with Ctrl (zoom).
            3 => {
                let modifiers = *rng.pick(&[Modifiers::NONE, Modifiers::CTRL, Modifiers::SHIFT]);
                harness.event(Event::PointerMoved(at));
                let delta = vec2(rng.unit() * 40.0 - 20.0, rng.unit() * 240.0 - 120.0);
                harness.event(Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers,
                });
            }
            // A key, a shortcut.
            4 => harness.key_press_modifiers(*rng.pick(&MODIFIERS), *rng.pick(&KEYS)),
            // The pointer moves (hover tips).
            5 => harness.event(Event::PointerMoved(at)),
            // Ctrl+F and a word in the search box.
            6 => {
                harness.key_press_modifiers(Modifiers::CTRL, Key::F);
                harness.event(Event::Text((*rng.pick(&TYPED)).to_owned()));
            }
            // Present (F5) or leave (Escape).
            7 => harness.key_press(*rng.pick(&[Key::F5, Key::Escape])),
            // Another lane grouping.
            8 => {
                let grouping = *rng.pick(&[
                    LaneGrouping::LineOfEffort,
                    LaneGrouping::Status,
                    LaneGrouping::Country,
                    LaneGrouping::Place,
                    LaneGrouping::Tag,
                ]);
                harness.state_mut().apply(Command::SetLaneGrouping(grouping));
            }
            // The shipped data, a good or a bad file, or the same file again.
            _ => match rng.below(files.len() + 1) {
                0 => harness.state_mut().apply(Command::Reload),
                i => harness.state_mut().apply(Command::OpenFile(files[i - 1].clone())),
            },
        }
    }
}

fn button(pos: Pos2, button: PointerButton, pressed: bool, modifiers: Modifiers) -> Event {
    Event::PointerButton { pos, button, pressed, modifiers }
}

/// Back to a fixed state before the heap is measured: the random edits (right-click menus add places
/// and initiatives) discarded, the shipped data (a copy, `files[0]`) opened, not presenting, no menu,
/// no selection, a few quiet frames. Without the discard, the open would wait, holding the file's
/// dataset, for the user to say what to do with the unsaved edits.
fn settle(harness: &mut Harness<'_, AtlasApp>, files: &[PathBuf]) {
    use alliance_atlas::state::command::{EditCommand, HeldChoice};
    harness.state_mut().apply(Command::Edit(EditCommand::Held(HeldChoice::Cancel)));
    harness.state_mut().apply(Command::Edit(EditCommand::Discard));
    harness.state_mut().apply(Command::OpenFile(files[0].clone()));
    for _ in 0..3 {
        harness.key_press(Key::Escape);
        harness.step();
    }
    harness.state_mut().apply(Command::ClearSelection);
    harness.event(Event::PointerGone);
    for _ in 0..10 {
        harness.step();
    }
}

#[test]
fn ten_thousand_frames_of_random_input_neither_panic_nor_grow_the_heap() {
    let frames: usize = std::env::var("ATLAS_SOAK_FRAMES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let seed: u64 = std::env::var("ATLAS_SOAK_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(2023);
    let trace = std::env::var_os("ATLAS_SOAK_TRACE").is_some();
    let files = fixtures();
    let mut rng = Rng(seed);
    let uploads = std::sync::Arc::new(std::sync::Mutex::new(Uploads::default()));
    let mut harness = soak_app(uploads.clone());
    harness.run();
    let only = std::env::var("ATLAS_SOAK_ONLY").ok().and_then(|v| v.parse().ok());
    let mut soak = Soak { only, ..Soak::default() };
    let mut half_way = None;
    for frame in 1..=frames {
        soak.frame(&mut harness, &mut rng, &files);
        harness.step();
        if trace && frame % 250 == 0 {
            let up = uploads.lock().map(|u| u.clone()).unwrap_or_default();
            eprintln!(
                "frame {frame}: heap {:.1} MB; uploads {:.1} MB in {} frames, {} textures, atlas {:?}; {:?}",
                live_bytes() as f64 / 1e6,
                up.bytes as f64 / 1e6,
                up.upload_frames,
                up.live.len(),
                up.whole,
                soak.actions
            );
        }
        if frame == frames / 2 {
            settle(&mut harness, &files);
            half_way = Some(heap_of(&harness));
        }
    }
    settle(&mut harness, &files);
    let last = heap_of(&harness);
    let (first, last) = (half_way.unwrap_or(last), last);
    eprintln!(
        "soak: {frames} frames, seed {seed}; actions (click, right click, drag, wheel, key, hover, search, \
         present, lanes, files) {:?}; heap after {} frames {:.2} MB (+{:.2} MB font atlas {:?}), after \
         {frames} {:.2} MB (+{:.2} MB font atlas {:?}): {:+.1}%",
        soak.actions,
        frames / 2,
        first.rest as f64 / 1e6,
        first.atlas_bytes() as f64 / 1e6,
        first.atlas,
        last.rest as f64 / 1e6,
        last.atlas_bytes() as f64 / 1e6,
        last.atlas,
        (last.rest - first.rest) as f64 / first.rest as f64 * 100.0
    );
    assert!(soak.actions.iter().all(|&n| n > 0) || frames < 1_000, "every kind of input was tried: {:?}", soak.actions);
    assert!(last.rest as f64 <= first.rest as f64 * 1.10, "the heap grew from {first:?} to {last:?}");
    // The glyph atlas is egui's own bounded cache: it doubles as glyphs arrive (a slide's large type, a
    // kanji typed) up to the largest texture side, and egui empties it when it is 80% full.
    assert!(last.atlas[1] <= 8192, "the font atlas stays within egui's bound: {:?}", last.atlas);
    // And the app still answers: the shipped data is shown, and the File menu opens (through
    // AccessKit, as a screen reader would: the soak may have dragged a window over the menu bar).
    assert!(harness.state().state().dataset().initiatives.len() > 20);
    harness.get_by_label("File").click_accesskit();
    harness.run();
    let labels: Vec<String> = egui_kittest::kittest::NodeT::children_recursive(&harness.root())
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .collect();
    assert!(harness.query_by_label("New").is_some(), "the File menu opens after the soak; on screen: {labels:?}");
}
