//! Map camera maths, pure: world ↔ screen for a camera, fitting bounds, and eased flights.

use serde::{Deserialize, Serialize};

use super::geo::{World, project, unproject};
use super::view::MapView;

/// How long a fly-to takes, seconds.
pub const FLIGHT_SECONDS: f64 = 0.8;

/// Zoom used when flying to a single point.
pub const POINT_ZOOM: f64 = 9.0;

/// Points per world unit at a zoom level.
pub fn scale(zoom: f64) -> f64 {
    256.0 * zoom.exp2()
}

/// Where a flight goes: a camera, or a box (world coordinates) to fit in the view.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum FlyTarget {
    /// Exactly this camera.
    View(MapView),
    /// The smallest camera that shows this box: min x, min y, max x, max y.
    Bounds([f64; 4]),
}

/// An eased camera move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    /// Camera at the start.
    pub from: MapView,
    /// Where it goes.
    pub to: FlyTarget,
    /// Start time, seconds (the UI clock).
    pub start: f64,
}

/// Smooth start and stop.
pub fn ease_in_out(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 { 4.0 * t * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0 }
}

/// The camera that shows `bounds` in a view of `size` points, with a margin.
pub fn fit_bounds(bounds: [f64; 4], size: [f64; 2]) -> MapView {
    let [x0, y0, x1, y1] = bounds;
    let centre = World { x: f64::midpoint(x0, x1), y: f64::midpoint(y0, y1) };
    let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
    let zoom = if dx < 1e-9 && dy < 1e-9 {
        POINT_ZOOM
    } else {
        let fit = |span: f64, points: f64| (points * 0.8 / (span.max(1e-12) * 256.0)).log2();
        fit(dx, size[0]).min(fit(dy, size[1])).min(POINT_ZOOM + 2.0)
    };
    let (lat, lon) = unproject(centre);
    MapView { lat, lon, zoom }.clamped()
}

/// The box around some world points, if any.
pub fn bounds_of(points: impl Iterator<Item = [f64; 2]>) -> Option<[f64; 4]> {
    points.fold(None, |acc, [x, y]| {
        Some(acc.map_or([x, y, x, y], |[a, b, c, d]: [f64; 4]| [a.min(x), b.min(y), c.max(x), d.max(y)]))
    })
}

/// Resolves a target for a view of `size` points.
pub fn resolve(target: FlyTarget, size: [f64; 2]) -> MapView {
    match target {
        FlyTarget::View(view) => view.clamped(),
        FlyTarget::Bounds(bounds) => fit_bounds(bounds, size),
    }
}

/// The camera at time `now` during a flight, and whether the flight is over.
pub fn camera_at(flight: &Flight, size: [f64; 2], now: f64) -> (MapView, bool) {
    let to = resolve(flight.to, size);
    let t = ((now - flight.start) / FLIGHT_SECONDS).clamp(0.0, 1.0);
    if t >= 1.0 || !t.is_finite() {
        return (to, true);
    }
    let e = ease_in_out(t);
    let (a, b) = (project(flight.from.lat, flight.from.lon), project(to.lat, to.lon));
    let centre = World { x: a.x + (b.x - a.x) * e, y: a.y + (b.y - a.y) * e };
    let (lat, lon) = unproject(centre);
    let zoom = flight.from.zoom + (to.zoom - flight.from.zoom) * e;
    (MapView { lat, lon, zoom }, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flight_eases_from_start_to_target_and_ends() {
        let from = MapView { lat: 35.0, lon: 139.0, zoom: 3.0 };
        let to = MapView { lat: 26.4, lon: 127.9, zoom: 9.0 };
        let flight = Flight { from, to: FlyTarget::View(to), start: 10.0 };
        let (at_start, done) = camera_at(&flight, [800.0, 600.0], 10.0);
        assert!(!done && (at_start.zoom - 3.0).abs() < 1e-9);
        let (middle, _) = camera_at(&flight, [800.0, 600.0], 10.0 + FLIGHT_SECONDS / 2.0);
        assert!((middle.zoom - 6.0).abs() < 1e-9);
        let (end, done) = camera_at(&flight, [800.0, 600.0], 12.0);
        assert!(done && (end.lat - to.lat).abs() < 1e-9 && (end.zoom - 9.0).abs() < 1e-9);
        assert!((ease_in_out(0.25) - 0.0625).abs() < 1e-12);
    }

    #[test]
    fn fitting_bounds_shows_them_all() {
        let a = project(26.46, 127.915);
        let b = project(38.87, -77.06);
        let bounds = bounds_of([[a.x, a.y], [b.x, b.y]].into_iter()).expect("points");
        let view = fit_bounds(bounds, [800.0, 500.0]);
        let s = scale(view.zoom);
        let c = project(view.lat, view.lon);
        for p in [a, b] {
            assert!(((p.x - c.x) * s).abs() <= 400.0 && ((p.y - c.y) * s).abs() <= 250.0);
        }
        let point = fit_bounds([a.x, a.y, a.x, a.y], [800.0, 500.0]);
        assert!((point.zoom - POINT_ZOOM).abs() < 1e-9);
        assert_eq!(bounds_of(std::iter::empty()), None);
    }
}
