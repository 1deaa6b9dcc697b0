//! Every colour, size and font choice of the app. The one place colour constructors are allowed.
#![expect(
    clippy::disallowed_methods,
    reason = "theme.rs is where colours are defined; clippy.toml bans them elsewhere"
)]

pub use crate::model::view::ThemeChoice;
use crate::model::{LineOfEffort, Status};
use egui::{Color32, Stroke};

/// Colours the views paint with, for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Timeline background.
    pub canvas: Color32,
    /// Lane header background, alternating lanes.
    pub lane_band: Color32,
    /// Normal text.
    pub text: Color32,
    /// Secondary text (axis labels, counts).
    pub weak_text: Color32,
    /// Minor grid lines.
    pub grid: Color32,
    /// Major grid lines and lane separators.
    pub grid_strong: Color32,
    /// The "today" line.
    pub today: Color32,
    /// Outline of the selected item.
    pub selection: Color32,
    /// Items that are not part of the selection when something is selected.
    pub dim: f32,
    /// Background of the error panel.
    pub error_fill: Color32,
    /// Text of the error panel.
    pub error_text: Color32,
    /// Context eras behind the timeline.
    pub era_fill: Color32,
    /// Map: sea.
    pub sea: Color32,
    /// Map: land.
    pub land: Color32,
    /// Map: coastlines.
    pub coast: Color32,
    /// Map: land borders.
    pub border: Color32,
    /// Map: the ground where neither detail nor an outline good at the zoom exists (neither land nor sea).
    pub unknown_ground: Color32,
    /// Map: latitude/longitude grid.
    pub graticule: Color32,
    /// Map: outline of markers.
    pub marker_outline: Color32,
    /// Map: background behind labels.
    pub label_fill: Color32,
    /// Map: cluster discs.
    pub cluster: Color32,
    /// Background of matched search text.
    pub match_fill: Color32,
    /// The as-of line and brushed date range on the timeline.
    pub as_of: Color32,
}

/// The palette of a theme.
pub fn palette(theme: ThemeChoice) -> Palette {
    match theme {
        ThemeChoice::Projector => Palette {
            canvas: Color32::from_rgb(0, 0, 0),
            lane_band: Color32::from_rgb(18, 18, 18),
            text: Color32::from_rgb(255, 255, 255),
            weak_text: Color32::from_rgb(200, 200, 200),
            grid: Color32::from_rgb(45, 45, 45),
            grid_strong: Color32::from_rgb(90, 90, 90),
            today: Color32::from_rgb(255, 140, 0),
            selection: Color32::from_rgb(255, 230, 0),
            dim: 0.3,
            error_fill: Color32::from_rgb(90, 0, 0),
            error_text: Color32::from_rgb(255, 220, 220),
            era_fill: Color32::from_rgba_unmultiplied(140, 160, 200, 30),
            sea: Color32::from_rgb(0, 12, 28),
            land: Color32::from_rgb(52, 56, 60),
            coast: Color32::from_rgb(170, 180, 190),
            border: Color32::from_rgb(110, 115, 120),
            unknown_ground: Color32::from_rgb(26, 30, 36),
            graticule: Color32::from_rgba_unmultiplied(160, 180, 210, 40),
            marker_outline: Color32::from_rgb(0, 0, 0),
            label_fill: Color32::from_rgba_unmultiplied(0, 0, 0, 210),
            cluster: Color32::from_rgb(90, 130, 210),
            match_fill: Color32::from_rgb(140, 110, 0),
            as_of: Color32::from_rgb(120, 210, 255),
        },
        ThemeChoice::Dark => Palette {
            canvas: Color32::from_rgb(24, 26, 30),
            lane_band: Color32::from_rgb(30, 33, 38),
            text: Color32::from_rgb(225, 228, 232),
            weak_text: Color32::from_rgb(150, 156, 165),
            grid: Color32::from_rgb(40, 44, 50),
            grid_strong: Color32::from_rgb(62, 68, 77),
            today: Color32::from_rgb(255, 112, 67),
            selection: Color32::from_rgb(255, 255, 255),
            dim: 0.35,
            error_fill: Color32::from_rgb(70, 24, 24),
            error_text: Color32::from_rgb(255, 205, 200),
            era_fill: Color32::from_rgba_unmultiplied(120, 140, 170, 22),
            sea: Color32::from_rgb(20, 30, 42),
            land: Color32::from_rgb(46, 52, 58),
            coast: Color32::from_rgb(96, 110, 124),
            border: Color32::from_rgb(78, 86, 96),
            unknown_ground: Color32::from_rgb(34, 40, 48),
            graticule: Color32::from_rgba_unmultiplied(140, 160, 190, 30),
            marker_outline: Color32::from_rgb(10, 12, 16),
            label_fill: Color32::from_rgba_unmultiplied(20, 24, 30, 190),
            cluster: Color32::from_rgb(84, 110, 160),
            match_fill: Color32::from_rgb(120, 96, 20),
            as_of: Color32::from_rgb(120, 200, 255),
        },
        ThemeChoice::Light => Palette {
            canvas: Color32::from_rgb(250, 250, 248),
            lane_band: Color32::from_rgb(240, 241, 238),
            text: Color32::from_rgb(28, 30, 34),
            weak_text: Color32::from_rgb(96, 102, 110),
            grid: Color32::from_rgb(228, 229, 226),
            grid_strong: Color32::from_rgb(200, 202, 198),
            today: Color32::from_rgb(214, 64, 28),
            selection: Color32::from_rgb(10, 10, 10),
            dim: 0.3,
            error_fill: Color32::from_rgb(253, 226, 224),
            error_text: Color32::from_rgb(120, 20, 16),
            era_fill: Color32::from_rgba_unmultiplied(90, 110, 150, 20),
            sea: Color32::from_rgb(214, 226, 236),
            land: Color32::from_rgb(246, 244, 238),
            coast: Color32::from_rgb(120, 136, 150),
            border: Color32::from_rgb(176, 180, 184),
            unknown_ground: Color32::from_rgb(228, 230, 230),
            graticule: Color32::from_rgba_unmultiplied(60, 90, 130, 35),
            marker_outline: Color32::from_rgb(255, 255, 255),
            label_fill: Color32::from_rgba_unmultiplied(255, 255, 255, 200),
            cluster: Color32::from_rgb(70, 96, 150),
            match_fill: Color32::from_rgb(255, 226, 130),
            as_of: Color32::from_rgb(0, 110, 200),
        },
    }
}

/// The colour of a line of effort (the same in both themes, chosen to read on dark and light).
pub fn line_of_effort_color(line: LineOfEffort) -> Color32 {
    match line {
        LineOfEffort::ForcePosture => Color32::from_rgb(66, 133, 244),
        LineOfEffort::Isr => Color32::from_rgb(0, 172, 193),
        LineOfEffort::Space => Color32::from_rgb(149, 117, 205),
        LineOfEffort::Cyber => Color32::from_rgb(0, 150, 136),
        LineOfEffort::Strike => Color32::from_rgb(229, 57, 53),
        LineOfEffort::AirMissileDefense => Color32::from_rgb(251, 140, 0),
        LineOfEffort::CommandAndControl => Color32::from_rgb(124, 179, 66),
        LineOfEffort::Exercises => Color32::from_rgb(216, 27, 96),
        LineOfEffort::Partners => Color32::from_rgb(253, 190, 30),
        LineOfEffort::Policy => Color32::from_rgb(141, 110, 99),
        LineOfEffort::Industry => Color32::from_rgb(120, 144, 156),
    }
}

/// The colour of a status.
pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Proposed => Color32::from_rgb(158, 158, 158),
        Status::Announced => Color32::from_rgb(66, 165, 245),
        Status::InProgress => Color32::from_rgb(255, 167, 38),
        Status::Completed => Color32::from_rgb(102, 187, 106),
        Status::Ongoing => Color32::from_rgb(38, 198, 218),
        Status::Cancelled => Color32::from_rgb(239, 83, 80),
        Status::Context => Color32::from_rgb(141, 110, 99),
    }
}

/// The colour of a kind of change between two days (markers, chips, report); unchanged is grey.
pub fn change_color(kind: crate::model::compare::ChangeKind) -> Color32 {
    use crate::model::compare::ChangeKind;
    match kind {
        ChangeKind::New => Color32::from_rgb(30, 136, 229),
        ChangeKind::Completed => Color32::from_rgb(67, 160, 71),
        ChangeKind::Started => Color32::from_rgb(251, 140, 0),
        ChangeKind::TargetMissed => Color32::from_rgb(229, 57, 53),
        ChangeKind::StatusChanged => Color32::from_rgb(142, 36, 170),
        ChangeKind::Cancelled => Color32::from_rgb(109, 76, 65),
        ChangeKind::Unchanged => Color32::from_rgb(158, 158, 158),
    }
}

/// The colour of a kind of link between initiatives (timeline arrows, map arcs, the graph).
pub fn relation_color(kind: crate::model::types::RelKind) -> Color32 {
    use crate::model::types::RelKind;
    match kind {
        RelKind::Enables => Color32::from_rgb(0, 150, 136),
        RelKind::DependsOn => Color32::from_rgb(239, 108, 0),
        RelKind::Supersedes => Color32::from_rgb(123, 31, 162),
        RelKind::Follows => Color32::from_rgb(25, 118, 210),
        RelKind::PartOf => Color32::from_rgb(121, 85, 72),
        RelKind::Contradicts => Color32::from_rgb(211, 47, 47),
    }
}

/// How strongly an unchanged initiative is drawn while comparing (0–1).
pub const UNCHANGED_ALPHA: f32 = 0.28;

/// How strongly the span between two compared days is tinted on the timeline (0–1).
pub const COMPARE_SPAN_ALPHA: f32 = 0.08;

/// The banner of a briefing page (its caveat line): the colours of the US marking banners by the
/// line's first words (UNCLASSIFIED green, CUI purple, CONFIDENTIAL blue, SECRET red, TOP SECRET
/// orange), a neutral grey for any other caveat. Returns (fill, text).
pub fn banner_colors(text: &str) -> (Color32, Color32) {
    let upper = text.trim_start().to_uppercase();
    let fill = if upper.starts_with("UNCLASSIFIED") {
        Color32::from_rgb(0, 122, 51)
    } else if upper.starts_with("CUI") || upper.starts_with("CONTROLLED") {
        Color32::from_rgb(80, 43, 133)
    } else if upper.starts_with("CONFIDENTIAL") {
        Color32::from_rgb(0, 51, 160)
    } else if upper.starts_with("TOP SECRET") {
        Color32::from_rgb(255, 140, 0)
    } else if upper.starts_with("SECRET") {
        Color32::from_rgb(200, 16, 46)
    } else {
        Color32::from_rgb(60, 64, 72)
    };
    let text = if upper.starts_with("TOP SECRET") { Color32::BLACK } else { Color32::WHITE };
    (fill, text)
}

/// Width of the briefing page's options window.
pub const PAGE_DIALOG_WIDTH: f32 = 420.0;

/// Type size of the caveat banner (screen and slides).
pub const BANNER_TEXT: f32 = 14.0;

/// The as-of story's day caption: its type size, how far below the window's top it sits, and its
/// colours (fill, text) — dark glass that reads over the map in either theme.
pub const CAPTION_TEXT: f32 = 30.0;
/// See [`CAPTION_TEXT`].
pub const CAPTION_OFFSET: f32 = 64.0;
/// See [`CAPTION_TEXT`].
pub fn caption_colors() -> (Color32, Color32) {
    (Color32::from_rgba_unmultiplied(16, 22, 30, 215), Color32::WHITE)
}

/// A colour for any text key (country, place): stable, spread around the hue circle.
pub fn key_color(key: &str) -> Color32 {
    let hash = key.bytes().fold(2_166_136_261u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16_777_619));
    let hue = (hash % 360) as f32 / 360.0;
    egui::ecolor::Hsva::new(hue, 0.6, 0.85, 1.0).into()
}

/// `color` faded towards transparent by `alpha` (0–1).
pub fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha)
}

/// Colours of the printed timeline: the light theme on white paper.
pub fn paper_palette() -> Palette {
    Palette { canvas: Color32::WHITE, ..palette(ThemeChoice::Light) }
}

pub mod poster;

/// Sizes used by the timeline.
pub mod sizes {
    /// Tallest the change report's list gets before it scrolls.
    pub const REPORT_HEIGHT: f32 = 260.0;
    /// Widest a message in the top bar gets (longer ones are cut with "…", the whole on hover), so its
    /// dismiss button and the bar's own buttons stay on screen.
    pub const NOTICE_WIDTH: f32 = 560.0;
    /// Height of one item row.
    pub const ROW_HEIGHT: f32 = 22.0;
    /// Height of a bar inside a row.
    pub const BAR_HEIGHT: f32 = 8.0;
    /// Radius of an announcement dot.
    pub const DOT_RADIUS: f32 = 4.5;
    /// Height of the time axis.
    pub const AXIS_HEIGHT: f32 = 34.0;
    /// Width of the lane header column.
    pub const LANE_HEADER_WIDTH: f32 = 132.0;
    /// Gap between lanes.
    pub const LANE_GAP: f32 = 6.0;
    /// Font size of item labels.
    pub const LABEL_SIZE: f32 = 12.5;
    /// Minimum gap between two labels on one row, in points.
    pub const LABEL_GAP: f32 = 14.0;
    /// Height of one row of the eras' strip at the timeline's foot.
    pub const ERA_ROW: f32 = 15.0;
    /// Font size of an era's name.
    pub const ERA_LABEL_SIZE: f32 = 10.5;
    /// Gap between two eras' bars on one row of the strip.
    pub const ERA_GAP: f32 = 4.0;
    /// An era's bar narrower than this (inside) shows no name, only the name on hover.
    pub const ERA_MIN_LABEL: f32 = 18.0;
}

/// Width of the import window, points.
pub const IMPORT_WINDOW_WIDTH: f32 = 1040.0;
/// Width of a column's field chooser in the import window, points.
pub const IMPORT_FIELD_WIDTH: f32 = 124.0;

/// The edit form: width, where it first opens, and the height of its scrolling part, points.
pub const EDIT_FORM_WIDTH: f32 = 460.0;
/// Where the edit form first opens (left edge).
pub const EDIT_FORM_X: f32 = 1080.0;
/// Where the edit form first opens (top edge).
pub const EDIT_FORM_Y: f32 = 60.0;
/// Height of the edit form's scrolling part.
pub const EDIT_FORM_HEIGHT: f32 = 640.0;
/// Height of a long text (summary, body) in the edit form before it scrolls.
pub const EDIT_TEXT_HEIGHT: f32 = 96.0;
/// Height of the body's preview in the form before it scrolls.
pub const EDIT_PREVIEW_HEIGHT: f32 = 180.0;
/// Height of a one-line field in the edit form.
pub const EDIT_ROW_HEIGHT: f32 = 20.0;
/// Height of the list in an edit form picker (places, related, sources).
pub const EDIT_PICKER_HEIGHT: f32 = 240.0;
/// At most this many matches listed in an edit picker (type to narrow).
pub const EDIT_PICKER_MAX: usize = 200;
/// Width of the source and era choosers in the edit form.
pub const EDIT_PICKER_WIDTH: f32 = 300.0;
/// Width of a date field in the edit form.
pub const EDIT_DATE_WIDTH: f32 = 150.0;

/// Map: the buttons' strip along the top, at the right.
pub const MAP_BUTTONS_WIDTH: f32 = 314.0;
/// Map: height of the buttons' strip.
pub const MAP_BUTTONS_HEIGHT: f32 = 24.0;
/// Map: the gap between its notes (scale, attribution, buttons) and its edge.
pub const MAP_INSET: f32 = 6.0;
/// Map: size of the scale's and the attribution's text.
pub const MAP_NOTE_FONT: f32 = 11.0;
/// Map: the scale bar is at most this long.
pub const SCALE_BAR_MAX: f32 = 110.0;

/// A colour `t` of the way from `a` to `b` (0 is `a`).
pub fn lerp_colour(a: Color32, b: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgba_premultiplied(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()), mix(a.a(), b.a()))
}

/// A stroke of `width` in `color`.
pub fn stroke(width: f32, color: Color32) -> Stroke {
    Stroke::new(width, color)
}

/// Applies the theme's egui visuals and returns the panels' colour. With `clear_paints_panels` the
/// panels are left unfilled and the caller clears the window with that colour instead: in a browser
/// without a GPU every filled pixel costs, and the panels' fills were a whole window's worth a frame.
pub fn apply(ctx: &egui::Context, theme: ThemeChoice, clear_paints_panels: bool) -> Color32 {
    let visuals = if theme.is_dark() { egui::Visuals::dark() } else { egui::Visuals::light() };
    let mut panel = visuals.panel_fill;
    ctx.set_visuals(visuals);
    if theme == ThemeChoice::Projector {
        panel = Color32::BLACK;
        ctx.global_style_mut(|style| style.visuals.override_text_color = Some(Color32::WHITE));
    }
    ctx.global_style_mut(|style| {
        style.visuals.panel_fill = if clear_paints_panels { Color32::TRANSPARENT } else { panel }
    });
    panel
}

/// Type sizes of a projector slide.
pub mod slide {
    /// The step title.
    pub const TITLE: f32 = 40.0;
    /// Talking points.
    pub const POINTS: f32 = 26.0;
    /// The progress indicator.
    pub const PROGRESS: f32 = 20.0;
    /// A comparing step's counts and changes under the points.
    pub const REPORT: f32 = 18.0;
}

/// The bundled Noto Sans JP subset: Latin, kana, kanji and every symbol the UI uses (also the font
/// printed exports embed).
pub const NOTO_SANS_JP: &[u8] = include_bytes!("../../assets/fonts/NotoSansJP-Subset.otf");

/// Makes Japanese place names readable: adds the bundled Noto Sans JP subset as a fallback font.
pub fn install_fonts(ctx: &egui::Context) {
    let data = egui::FontData::from_static(NOTO_SANS_JP);
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace].map(|family| {
        egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest }
    });
    ctx.add_font(egui::epaint::text::FontInsert::new("noto-sans-jp", data, families.to_vec()));
}
