//! Pure view parameters shared by the app, saved views and (later) briefing decks and links.

use serde::{Deserialize, Serialize};

use super::calendar::{Day, MAX_YEAR, MIN_YEAR};

/// Days in an average Gregorian year.
pub const DAYS_PER_YEAR: f64 = 365.2425;

/// The visible time window of the timeline, in day numbers (days since 1970-01-01, fractional).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// Left edge.
    pub start: f64,
    /// Right edge.
    pub end: f64,
}

impl Default for TimeView {
    fn default() -> Self {
        Self { start: Day::from_ymd(2019, 1, 1).0 as f64, end: Day::from_ymd(2031, 1, 1).0 as f64 }
    }
}

impl TimeView {
    /// Narrowest window: two days.
    pub const MIN_SPAN_DAYS: f64 = 2.0;
    /// Widest window: 20,000 years.
    pub const MAX_SPAN_DAYS: f64 = 20_000.0 * DAYS_PER_YEAR;

    /// Width of the window in days.
    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// A window showing `first..last` with a margin of `margin` (fraction of the span) on each side.
    pub fn fitting(first: f64, last: f64, margin: f64) -> Self {
        let span = (last - first).max(Self::MIN_SPAN_DAYS * 4.0);
        let middle = f64::midpoint(first, last);
        let half = span * (0.5 + margin);
        Self { start: middle - half, end: middle + half }.clamped()
    }

    /// The window zoomed by `factor` (< 1 zooms in) keeping `about` (a day) under the same spot.
    #[must_use]
    pub fn zoomed(self, factor: f64, about: f64) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 { factor } else { 1.0 };
        let span = (self.span() * factor).clamp(Self::MIN_SPAN_DAYS, Self::MAX_SPAN_DAYS);
        let t = if self.span() > 0.0 { (about - self.start) / self.span() } else { 0.5 };
        let start = about - t.clamp(0.0, 1.0) * span;
        Self { start, end: start + span }.clamped()
    }

    /// The window moved by `days`.
    #[must_use]
    pub fn panned(self, days: f64) -> Self {
        let days = if days.is_finite() { days } else { 0.0 };
        Self { start: self.start + days, end: self.end + days }.clamped()
    }

    /// The window with a valid span, inside the years dates may have.
    #[must_use]
    pub fn clamped(self) -> Self {
        let lo = Day::from_ymd(MIN_YEAR, 1, 1).0 as f64;
        let hi = Day::from_ymd(MAX_YEAR, 12, 31).0 as f64;
        let span = if self.span().is_finite() { self.span() } else { Self::MAX_SPAN_DAYS };
        let span = span.clamp(Self::MIN_SPAN_DAYS, Self::MAX_SPAN_DAYS);
        let start = if self.start.is_finite() { self.start } else { 0.0 };
        let start = start.clamp(lo, hi - span);
        Self { start, end: start + span }
    }
}

/// How the timeline groups initiatives into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneGrouping {
    /// By the first line of effort.
    #[default]
    LineOfEffort,
    /// By status.
    Status,
    /// By the first actor (country or organisation).
    Country,
    /// By the first place.
    Place,
    /// By the first tag (a `TimelineJS` group is read as a tag).
    Tag,
}

impl LaneGrouping {
    /// Every grouping, for menus.
    pub const ALL: [Self; 5] = [Self::LineOfEffort, Self::Status, Self::Country, Self::Place, Self::Tag];

    /// Name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::LineOfEffort => "Line of effort",
            Self::Status => "Status",
            Self::Country => "Country",
            Self::Place => "Place",
            Self::Tag => "Tag",
        }
    }
}

/// Words for a line of effort.
pub fn line_label(line: super::types::LineOfEffort) -> &'static str {
    match line {
        super::types::LineOfEffort::ForcePosture => "Force posture",
        super::types::LineOfEffort::Isr => "ISR",
        super::types::LineOfEffort::Space => "Space",
        super::types::LineOfEffort::Cyber => "Cyber",
        super::types::LineOfEffort::Strike => "Strike",
        super::types::LineOfEffort::AirMissileDefense => "Air & missile defence",
        super::types::LineOfEffort::CommandAndControl => "Command & control",
        super::types::LineOfEffort::Exercises => "Exercises",
        super::types::LineOfEffort::Partners => "Partners",
        super::types::LineOfEffort::Policy => "Policy",
        super::types::LineOfEffort::Industry => "Industry",
    }
}

/// Words for a status.
pub fn status_label(status: super::types::Status) -> &'static str {
    match status {
        super::types::Status::Proposed => "Proposed",
        super::types::Status::Announced => "Announced",
        super::types::Status::InProgress => "In progress",
        super::types::Status::Completed => "Completed",
        super::types::Status::Ongoing => "Ongoing",
        super::types::Status::Cancelled => "Cancelled",
        super::types::Status::Context => "Context",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_day_under_the_pointer() {
        let view = TimeView { start: 0.0, end: 100.0 };
        let zoomed = view.zoomed(0.5, 25.0);
        assert!((zoomed.span() - 50.0).abs() < 1e-9);
        let t_before = (25.0 - view.start) / view.span();
        let t_after = (25.0 - zoomed.start) / zoomed.span();
        assert!((t_before - t_after).abs() < 1e-12);
    }

    #[test]
    fn zoom_and_pan_stay_within_limits_everywhere() {
        let mut view = TimeView::default();
        for _ in 0..200 {
            view = view.zoomed(0.5, view.start);
        }
        assert!((view.span() - TimeView::MIN_SPAN_DAYS).abs() < 1e-9);
        for _ in 0..200 {
            view = view.zoomed(3.0, view.end);
        }
        assert!((view.span() - TimeView::MAX_SPAN_DAYS).abs() < 1e-3);
        let far = view.panned(1e15);
        assert!(far.end <= Day::from_ymd(MAX_YEAR, 12, 31).0 as f64 + 1e-6);
        let before_one = TimeView { start: -800_000.0, end: -799_000.0 }.clamped();
        assert!((before_one.start + 800_000.0).abs() < 1e-9);
        let nan = TimeView { start: f64::NAN, end: f64::INFINITY }.clamped();
        assert!(nan.start.is_finite() && nan.end.is_finite());
    }

    #[test]
    fn fitting_adds_a_margin() {
        let view = TimeView::fitting(0.0, 1000.0, 0.05);
        assert!(view.start < 0.0 && view.end > 1000.0);
        assert!((view.span() - 1100.0).abs() < 1e-9);
    }
}

/// The map camera: the centre and a zoom level (the world is 256 × 2^zoom points wide).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Latitude of the centre, degrees.
    pub lat: f64,
    /// Longitude of the centre, degrees.
    pub lon: f64,
    /// Zoom level.
    pub zoom: f64,
}

impl Default for MapView {
    /// The western Pacific: Japan to Guam.
    fn default() -> Self {
        Self { lat: 28.0, lon: 135.0, zoom: 3.0 }
    }
}

impl MapView {
    /// Widest zoom: the whole world in 256 points.
    pub const MIN_ZOOM: f64 = 0.0;
    /// Closest zoom: about 10 m per point.
    pub const MAX_ZOOM: f64 = 14.0;

    /// The camera with its zoom in range and a finite centre.
    #[must_use]
    pub fn clamped(self) -> Self {
        let finite = |v: f64, fallback: f64| if v.is_finite() { v } else { fallback };
        Self {
            lat: finite(self.lat, 0.0).clamp(-85.0, 85.0),
            lon: (finite(self.lon, 0.0) + 180.0).rem_euclid(360.0) - 180.0,
            zoom: finite(self.zoom, 2.0).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM),
        }
    }
}

/// Which look the app has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light text on dark panels.
    #[default]
    Dark,
    /// Dark text on light panels.
    Light,
    /// High contrast and large type for a projector.
    Projector,
}

impl ThemeChoice {
    /// The choices for the explore view's menu.
    pub const ALL: [Self; 2] = [Self::Dark, Self::Light];

    /// Name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Dark => "Dark",
            Self::Light => "Light",
            Self::Projector => "Projector",
        }
    }

    /// Whether text is light on dark.
    pub fn is_dark(self) -> bool {
        self != Self::Light
    }
}
