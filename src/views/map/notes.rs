//! The map's furniture: a scale bar (km and mi), the data's attribution, the note where the ground has no
//! detail at this scale, and the place of the buttons. Each returns the rect it takes, so markers' labels
//! keep clear of it.

use egui::{Align2, FontId, Pos2, Rect, Stroke, pos2, vec2};

use super::ground::Ground;
use super::transform::Transform;
use crate::theme::{self, Palette};

/// Metres of the equator per world unit.
const EQUATOR_M: f64 = 40_075_016.686;
/// Metres in a statute mile and in a foot.
const MILE_M: f64 = 1_609.344;
const FOOT_M: f64 = 0.3048;

/// Where the map's buttons go: along the top, at the right.
pub fn buttons_rect(map: Rect) -> Rect {
    Rect::from_min_size(
        map.right_top() + vec2(-theme::MAP_BUTTONS_WIDTH - theme::MAP_INSET, theme::MAP_INSET),
        vec2(theme::MAP_BUTTONS_WIDTH, theme::MAP_BUTTONS_HEIGHT),
    )
}

/// Paints the scale bar, the attribution and (where needed) the missing-detail note; returns their rects.
pub fn notes_ui(ui: &egui::Ui, t: &Transform, ground: Ground, pal: &Palette) -> Vec<Rect> {
    let painter = ui.painter_at(t.rect);
    let font = FontId::proportional(theme::MAP_NOTE_FONT);
    let mut taken = Vec::new();
    let attribution = if ground.detail { "© OpenStreetMap contributors · Natural Earth" } else { "Natural Earth" };
    let corner = t.rect.right_bottom() - vec2(theme::MAP_INSET, theme::MAP_INSET);
    taken.push(text_box(&painter, corner, Align2::RIGHT_BOTTOM, attribution, &font, pal));
    if ground.missing {
        let at = t.rect.left_top() + vec2(theme::MAP_INSET, theme::MAP_INSET);
        let note = "Coastline detail not available at this scale";
        taken.push(text_box(&painter, at, Align2::LEFT_TOP, note, &font, pal));
    }
    taken.extend(scale_bar(&painter, t, &font, pal));
    taken
}

/// A line of text on the label background, anchored at `at`; returns the rect it takes.
fn text_box(painter: &egui::Painter, at: Pos2, align: Align2, text: &str, font: &FontId, pal: &Palette) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), pal.weak_text);
    let rect = align.anchor_size(at, galley.size()).expand(2.0);
    painter.rect_filled(rect, 2.0, pal.label_fill);
    painter.galley(rect.min + vec2(2.0, 2.0), galley, pal.weak_text);
    rect
}

/// The longest round length (1, 2 or 5 times a power of ten) not above `max`.
pub fn round_length(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 0.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [5.0, 2.0, 1.0].into_iter().map(|k| k * power).find(|&v| v <= max * (1.0 + 1e-9)).unwrap_or(power)
}

/// The two bars of the scale: a round length in metric and in imperial units, each as (points, label).
pub fn scale_lengths(lat: f64, points_per_world: f64, max_points: f64) -> [(f64, String); 2] {
    let metres_per_point = EQUATOR_M * lat.to_radians().cos() / points_per_world;
    let max_m = max_points * metres_per_point;
    let metric = if max_m >= 1000.0 {
        let km = round_length(max_m / 1000.0);
        (km * 1000.0, format!("{} km", thousands(km)))
    } else {
        let m = round_length(max_m);
        (m, format!("{m} m"))
    };
    let imperial = if max_m >= MILE_M {
        let mi = round_length(max_m / MILE_M);
        (mi * MILE_M, format!("{} mi", thousands(mi)))
    } else {
        let ft = round_length(max_m / FOOT_M);
        (ft * FOOT_M, format!("{} ft", thousands(ft)))
    };
    [metric, imperial].map(|(m, label)| (m / metres_per_point, label))
}

fn thousands(v: f64) -> String {
    let whole = v.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The scale bar at the bottom left: metric above the line, imperial below, true at the view's centre.
fn scale_bar(painter: &egui::Painter, t: &Transform, font: &FontId, pal: &Palette) -> Option<Rect> {
    let lat = t.view().lat;
    let [(metric, metric_label), (imperial, imperial_label)] =
        scale_lengths(lat, t.scale, f64::from(theme::SCALE_BAR_MAX));
    if !(metric > 1.0 && imperial > 1.0) {
        return None;
    }
    let origin = t.rect.left_bottom() + vec2(theme::MAP_INSET + 4.0, -theme::MAP_INSET - 16.0);
    let (metric, imperial) = (metric as f32, imperial as f32);
    let area = Rect::from_min_max(origin - vec2(4.0, 16.0), origin + vec2(metric.max(imperial) + 40.0, 16.0));
    painter.rect_filled(area, 2.0, pal.label_fill);
    let stroke = Stroke::new(1.5, pal.text);
    painter.line_segment([origin, origin + vec2(metric.max(imperial), 0.0)], stroke);
    for (length, up) in [(metric, true), (imperial, false)] {
        let dy = if up { -5.0 } else { 5.0 };
        for x in [0.0, length] {
            painter.line_segment([origin + vec2(x, 0.0), origin + vec2(x, dy)], stroke);
        }
    }
    let text_at = |length: f32, up: bool| pos2(origin.x + length + 3.0, origin.y + if up { -8.0 } else { 8.0 });
    painter.text(text_at(metric, true), Align2::LEFT_CENTER, metric_label, font.clone(), pal.text);
    painter.text(text_at(imperial, false), Align2::LEFT_CENTER, imperial_label, font.clone(), pal.text);
    Some(area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_round_and_fit() {
        assert!((round_length(7.3) - 5.0).abs() < 1e-9);
        assert!((round_length(2.0) - 2.0).abs() < 1e-9);
        assert!((round_length(0.034) - 0.02).abs() < 1e-12);
        assert!((round_length(1999.0) - 1000.0).abs() < 1e-9);
        assert!(round_length(0.0).abs() < f64::EPSILON && round_length(f64::NAN).abs() < f64::EPSILON);
    }

    #[test]
    fn the_bars_measure_the_ground_at_the_centre() {
        // Zoom 10 on the equator: 256 · 1024 points for 40,075 km, 153 m a point; 110 points is 16.8 km.
        let [(km_points, km), (mi_points, mi)] = scale_lengths(0.0, 256.0 * 1024.0, 110.0);
        assert_eq!((km.as_str(), mi.as_str()), ("10 km", "10 mi"));
        assert!((km_points - 10_000.0 / 152.87).abs() < 0.1, "{km_points}");
        assert!((mi_points - 10.0 * 1609.344 / 152.87).abs() < 0.1, "{mi_points}");
        // At 60° a world unit is half as long on the ground.
        let [(north, label), _] = scale_lengths(60.0, 256.0 * 1024.0, 110.0);
        assert_eq!(label, "5 km");
        assert!((north - 5_000.0 / (152.87 / 2.0)).abs() < 0.1, "{north}");
        // Zoom 14 at Washington: a city block.
        let [(_, m), (_, ft)] = scale_lengths(38.9, 256.0 * 16384.0, 110.0);
        assert_eq!((m.as_str(), ft.as_str()), ("500 m", "2,000 ft"));
    }
}
