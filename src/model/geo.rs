//! Pure map projection: Web Mercator centred on the Pacific, so Washington and Okinawa sit on one
//! continuous map with no seam between them. Pure maths, no UI types.
//!
//! World coordinates: `x` in −0.5..0.5 across 360° of longitude, 0 at the central meridian; `y` in
//! −0.5..0.5 (north up), 0 at the equator, ±0.5 at about ±85.05°.

use std::f64::consts::PI;

/// The map's central meridian, degrees east.
pub const CENTRAL_MERIDIAN: f64 = 150.0;

/// Latitude limit of Web Mercator, degrees.
pub const MAX_LAT: f64 = 85.051_128_779_806_6;

/// A point in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct World {
    /// East, −0.5..0.5.
    pub x: f64,
    /// North, −0.5..0.5.
    pub y: f64,
}

/// Longitude relative to the central meridian, in −180..180.
pub fn shifted_lon(lon: f64) -> f64 {
    (lon - CENTRAL_MERIDIAN + 180.0).rem_euclid(360.0) - 180.0
}

/// Projects latitude and longitude (degrees) to world coordinates. Latitudes beyond the Mercator
/// limit are clamped; non-finite input gives the map centre.
pub fn project(lat: f64, lon: f64) -> World {
    if !lat.is_finite() || !lon.is_finite() {
        return World { x: 0.0, y: 0.0 };
    }
    project_shifted(lat, shifted_lon(lon))
}

/// Projects a latitude and an already shifted longitude.
pub fn project_shifted(lat: f64, shifted: f64) -> World {
    let phi = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    World { x: shifted / 360.0, y: (PI / 4.0 + phi / 2.0).tan().ln() / (2.0 * PI) }
}

/// Latitude and longitude (degrees, longitude in −180..180) of a world point.
pub fn unproject(w: World) -> (f64, f64) {
    let lat = (2.0 * (w.y * 2.0 * PI).exp().atan() - PI / 2.0).to_degrees();
    let lon = (w.x * 360.0 + CENTRAL_MERIDIAN + 180.0).rem_euclid(360.0) - 180.0;
    (lat, lon)
}

/// `n + 1` points (latitude, longitude in degrees) along the shorter great circle from `a` to `b`, both
/// included: a line between two places as a plane flies it. Antipodes take the path over the pole.
pub fn great_circle(from: (f64, f64), to: (f64, f64), steps: usize) -> Vec<(f64, f64)> {
    let unit = |(lat, lon): (f64, f64)| {
        let (phi, lambda) = (lat.to_radians(), lon.to_radians());
        [phi.cos() * lambda.cos(), phi.cos() * lambda.sin(), phi.sin()]
    };
    let (start, end) = (unit(from), unit(to));
    let cos = (start[0] * end[0] + start[1] * end[1] + start[2] * end[2]).clamp(-1.0, 1.0);
    let angle = cos.acos();
    let steps = steps.max(1);
    (0..=steps)
        .map(|k| {
            let t = k as f64 / steps as f64;
            if angle.sin().abs() < 1e-9 {
                // The same place, or antipodes (no one shorter circle): a straight blend.
                return (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            }
            let (w0, w1) = (((1.0 - t) * angle).sin() / angle.sin(), (t * angle).sin() / angle.sin());
            let v: Vec<f64> = (0..3).map(|c| w0 * start[c] + w1 * end[c]).collect();
            (v[2].atan2(v[0].hypot(v[1])).to_degrees(), v[1].atan2(v[0]).to_degrees())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_everywhere() {
        for lat in [-85.0, -60.0, -35.28, 0.0, 26.46, 31.37, 38.87, 51.5, 85.0] {
            for lon in [-179.9, -77.06, -30.1, -0.13, 0.0, 77.2, 127.9, 130.84, 149.99, 150.0, 179.99] {
                let (lat2, lon2) = unproject(project(lat, lon));
                assert!((lat - lat2).abs() < 1e-9, "{lat},{lon} -> {lat2}");
                assert!((lon - lon2).abs() < 1e-9, "{lat},{lon} -> {lon2}");
            }
        }
    }

    #[test]
    fn known_values() {
        let kanoya = project(31.37, 130.84);
        assert!((kanoya.x - (130.84 - 150.0) / 360.0).abs() < 1e-12);
        assert!((kanoya.x + 0.053_222).abs() < 1e-6, "{kanoya:?}");
        assert!((kanoya.y - 0.091_850).abs() < 1e-5, "{kanoya:?}");
        let pentagon = project(38.87, -77.06);
        assert!((pentagon.x - 0.369_278).abs() < 1e-6, "{pentagon:?}");
        assert!((pentagon.y - 0.117_357).abs() < 1e-5, "{pentagon:?}");
        // Okinawa is west of the centre, Washington east: one continuous Pacific map.
        assert!(kanoya.x < 0.0 && pentagon.x > 0.0 && pentagon.x < 0.5);
        let equator = project(0.0, 150.0);
        assert!(equator.x.abs() < 1e-15 && equator.y.abs() < 1e-15);
        assert!((project(90.0, 0.0).y - 0.5).abs() < 1e-9);
        assert_eq!(project(f64::NAN, 10.0), World { x: 0.0, y: 0.0 });
    }

    #[test]
    fn a_great_circle_from_tokyo_to_washington_goes_north_over_the_pacific() {
        let (tokyo, washington) = ((35.69, 139.69), (38.89, -77.04));
        let arc = great_circle(tokyo, washington, 32);
        assert_eq!(arc.len(), 33);
        let close = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).abs() < 1e-9 && (p.1 - q.1).abs() < 1e-9;
        assert!(close(arc[0], tokyo) && close(arc[32], washington), "{:?} {:?}", arc[0], arc[32]);
        // The midpoint is far north (near the Bering Sea), not on the straight screen line between.
        let (lat, lon) = arc[16];
        assert!(lat > 60.0 && !(-100.0..=130.0).contains(&lon), "{lat} {lon}");
        // Every point is a real position.
        assert!(arc.iter().all(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0));
        assert_eq!(great_circle(tokyo, tokyo, 4).len(), 5);
    }
}
