//! The offline basemap: Natural Earth outlines decoded once from `assets/basemap.bin` (made by
//! `scripts/make-basemap.py`), projected to world coordinates and triangulated once with `earcutr`.
//! Nothing here is redone per frame; the map view only transforms the cached meshes to the screen.

use std::sync::OnceLock;

use crate::model::geo::project_shifted;
use crate::model::simplify::simplify;

/// The asset, embedded so the map works offline and in the browser.
const ASSET: &[u8] = include_bytes!("../../../assets/basemap.bin");

/// Degrees per stored unit (format version 2).
const UNIT: f64 = 1e-3;

/// An axis-aligned box in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Smallest x and y.
    pub min: [f32; 2],
    /// Largest x and y.
    pub max: [f32; 2],
}

impl Bounds {
    /// The box around some points.
    pub fn of(points: &[[f32; 2]]) -> Self {
        let mut b = Self { min: [f32::MAX; 2], max: [f32::MIN; 2] };
        for &[x, y] in points {
            b.min = [b.min[0].min(x), b.min[1].min(y)];
            b.max = [b.max[0].max(x), b.max[1].max(y)];
        }
        b
    }

    /// Whether two boxes overlap.
    pub fn intersects(&self, other: &Self) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }
}

/// A filled shape: triangles over world-coordinate vertices.
#[derive(Clone, Debug, Default)]
pub struct FillMesh {
    /// Vertices, world coordinates.
    pub vertices: Vec<[f32; 2]>,
    /// Triangle indices into `vertices`.
    pub indices: Vec<u32>,
    /// Bounds of the vertices.
    pub bounds: Option<Bounds>,
}

/// A polyline in world coordinates.
#[derive(Clone, Debug)]
pub struct Line {
    /// Points.
    pub points: Vec<[f32; 2]>,
    /// Their bounds.
    pub bounds: Bounds,
}

/// The decoded, triangulated basemap.
#[derive(Debug, Default)]
pub struct Basemap {
    /// 110m land simplified to what shows below [`WORLD_ZOOM`] (half a point there): the whole
    /// world in fewer triangles, which a browser without a GPU pays for on every frame.
    pub land_world: Vec<FillMesh>,
    /// 110m land, one mesh per polygon, for the zoomed-out world.
    pub land_coarse: Vec<FillMesh>,
    /// 50m countries, one mesh per polygon.
    pub land_fine: Vec<FillMesh>,
    /// 50m coastlines.
    pub coast_fine: Vec<Line>,
    /// 50m land borders.
    pub borders: Vec<Line>,
    /// 110m coastlines.
    pub coast_coarse: Vec<Line>,
}

/// Below this zoom the map draws [`Basemap::land_world`].
pub const WORLD_ZOOM: f64 = 2.0;

/// How far `land_world` may stray from the 110m outlines, in world units: half a point at
/// [`WORLD_ZOOM`] (`256 · 2^zoom` points per world unit).
const WORLD_TOLERANCE: f32 = 0.5 / 1024.0;

/// The basemap, decoded on first use.
pub fn basemap() -> &'static Basemap {
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| {
        let start = crate::platform::now_ms();
        let map = decode(ASSET).unwrap_or_else(|e| {
            log::error!("the embedded basemap is damaged ({e}); the map shows markers only");
            Basemap::default()
        });
        let end = crate::platform::now_ms();
        log::info!("decoded the basemap in {:.0} ms (at {end:.0} ms)", end - start);
        map
    })
}

/// Reads the assets' little-endian numbers, varints and rings.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Degrees per stored unit.
    unit: f64,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`, whose rings are in `unit` degrees.
    pub(super) fn new(bytes: &'a [u8], unit: f64) -> Self {
        Self { bytes, pos: 0, unit }
    }

    /// The same reader, reading rings in another unit from here on.
    pub(super) fn with_unit(self, unit: f64) -> Self {
        Self { unit, ..self }
    }

    pub(super) fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let slice = self.bytes.get(self.pos..self.pos + N).ok_or("truncated")?;
        self.pos += N;
        slice.try_into().map_err(|_| "truncated".to_owned())
    }

    pub(super) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take::<1>()?[0])
    }

    pub(super) fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.take()?))
    }

    pub(super) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    fn varint(&mut self) -> Result<i64, String> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
            }
        }
        Err("bad varint".to_owned())
    }

    /// A ring of points, projected to world coordinates.
    pub(super) fn ring(&mut self) -> Result<Vec<[f32; 2]>, String> {
        let count = self.u32()? as usize;
        if count > self.bytes.len() {
            return Err("ring longer than the file".to_owned());
        }
        let (mut x, mut y) = (0i64, 0i64);
        let mut points = Vec::with_capacity(count);
        for _ in 0..count {
            x += self.varint()?;
            y += self.varint()?;
            let w = project_shifted(y as f64 * self.unit, x as f64 * self.unit);
            points.push([w.x as f32, w.y as f32]);
        }
        Ok(points)
    }
}

/// Decodes the asset format written by `scripts/make-basemap.py`.
pub fn decode(bytes: &[u8]) -> Result<Basemap, String> {
    let mut r = Reader::new(bytes, UNIT);
    if r.take::<4>()? != *b"AABM" || r.u8()? != 2 {
        return Err("not a version 2 basemap".to_owned());
    }
    let _central = r.u16()?;
    let layers = r.u8()?;
    let mut fills: Vec<Vec<FillMesh>> = Vec::new();
    let mut land_world = Vec::new();
    let mut lines: Vec<Vec<Line>> = Vec::new();
    for _ in 0..layers {
        let kind = r.u8()?;
        let count = r.u32()? as usize;
        if kind == 0 {
            let mut meshes = Vec::with_capacity(count.min(1 << 16));
            for _ in 0..count {
                let rings = (0..r.u16()?).map(|_| r.ring()).collect::<Result<Vec<_>, _>>()?;
                if fills.is_empty() {
                    land_world.extend(simplified_polygon(&rings, WORLD_TOLERANCE));
                }
                meshes.extend(chunk_fill(&triangulate(&rings)));
            }
            fills.push(meshes);
        } else {
            let mut layer = Vec::with_capacity(count.min(1 << 16));
            for _ in 0..count {
                layer.extend(chunk_line(&r.ring()?));
            }
            lines.push(layer);
        }
    }
    let mut fills = fills.into_iter();
    let mut lines = lines.into_iter();
    Ok(Basemap {
        land_world,
        land_coarse: fills.next().unwrap_or_default(),
        land_fine: fills.next().unwrap_or_default(),
        coast_fine: lines.next().unwrap_or_default(),
        borders: lines.next().unwrap_or_default(),
        coast_coarse: lines.next().unwrap_or_default(),
    })
}

/// A polygon (outer ring, then holes) simplified by `tolerance` and triangulated, in pieces; rings thinner
/// than the tolerance go (and the polygon with its outer ring).
fn simplified_polygon(rings: &[Vec<[f32; 2]>], tolerance: f32) -> Vec<FillMesh> {
    // A closed ring repeats its first point: four points are a triangle.
    let kept: Vec<Vec<[f32; 2]>> = rings.iter().map(|ring| simplify(ring, tolerance)).collect();
    if kept.first().is_none_or(|outer| outer.len() < 4) {
        return Vec::new();
    }
    chunk_fill(&triangulate(&kept.into_iter().filter(|ring| ring.len() >= 4).collect::<Vec<_>>()))
}

/// Points a line chunk holds at most: a long coast is cut into pieces with their own bounds, so a view
/// draws the pieces it shows rather than every point of every coast it touches.
const LINE_CHUNK: usize = 64;

/// Triangles a fill chunk holds at most, for the same reason (a continent is one polygon).
const FILL_CHUNK: usize = 256;

/// A line cut into runs of [`LINE_CHUNK`] points; each run starts at the last point of the one before.
pub(super) fn chunk_line(points: &[[f32; 2]]) -> Vec<Line> {
    let step = LINE_CHUNK - 1;
    (0..points.len().saturating_sub(1).div_ceil(step))
        .filter_map(|k| points.get(k * step..(k * step + LINE_CHUNK).min(points.len())))
        .map(|run| Line { bounds: Bounds::of(run), points: run.to_vec() })
        .collect()
}

/// A mesh cut into pieces of at most [`FILL_CHUNK`] triangles, halving along the longer side of the
/// triangles' centres each time, so each piece covers a compact area.
pub(super) fn chunk_fill(mesh: &FillMesh) -> Vec<FillMesh> {
    let triangles: Vec<[u32; 3]> = mesh.indices.chunks_exact(3).map(|t| [t[0], t[1], t[2]]).collect();
    let mut out = Vec::new();
    split_triangles(&mesh.vertices, triangles, &mut out);
    out
}

fn split_triangles(vertices: &[[f32; 2]], mut triangles: Vec<[u32; 3]>, out: &mut Vec<FillMesh>) {
    let centre = |t: &[u32; 3], axis: usize| -> f32 {
        t.iter().map(|&i| vertices.get(i as usize).map_or(0.0, |v| v[axis])).sum::<f32>()
    };
    if triangles.len() <= FILL_CHUNK {
        out.push(piece(vertices, &triangles));
        return;
    }
    let centres: Vec<[f32; 2]> = triangles.iter().map(|t| [centre(t, 0), centre(t, 1)]).collect();
    let b = Bounds::of(&centres);
    let axis = usize::from(b.max[1] - b.min[1] > b.max[0] - b.min[0]);
    triangles.sort_by(|a, b| centre(a, axis).total_cmp(&centre(b, axis)));
    let upper = triangles.split_off(triangles.len() / 2);
    split_triangles(vertices, triangles, out);
    split_triangles(vertices, upper, out);
}

/// A mesh of some triangles of a larger one, with only the vertices they use.
fn piece(vertices: &[[f32; 2]], triangles: &[[u32; 3]]) -> FillMesh {
    let mut remap: rustc_hash::FxHashMap<u32, u32> = rustc_hash::FxHashMap::default();
    let mut piece = FillMesh::default();
    for &i in triangles.iter().flatten() {
        let next = piece.vertices.len() as u32;
        let j = *remap.entry(i).or_insert_with(|| {
            piece.vertices.push(vertices.get(i as usize).copied().unwrap_or_default());
            next
        });
        piece.indices.push(j);
    }
    piece.bounds = (!piece.vertices.is_empty()).then(|| Bounds::of(&piece.vertices));
    piece
}

/// Triangulates a polygon (outer ring, then holes) once.
pub(super) fn triangulate(rings: &[Vec<[f32; 2]>]) -> FillMesh {
    let mut flat: Vec<f64> = Vec::new();
    let mut holes = Vec::new();
    let mut vertices = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        // Rings repeat their first point at the end; earcut wants it once.
        let open =
            ring.split_last().filter(|(last, rest)| rest.first() == Some(*last)).map_or(&ring[..], |(_, rest)| rest);
        if i > 0 {
            holes.push(vertices.len());
        }
        for p in open {
            flat.extend([f64::from(p[0]), f64::from(p[1])]);
            vertices.push(*p);
        }
    }
    let indices = earcutr::earcut(&flat, &holes, 2).unwrap_or_default();
    FillMesh {
        bounds: (!vertices.is_empty()).then(|| Bounds::of(&vertices)),
        indices: indices.into_iter().map(|i| i as u32).collect(),
        vertices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geo::project;

    fn covers(mesh: &FillMesh, p: [f32; 2]) -> bool {
        mesh.indices.chunks_exact(3).any(|t| {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
            let sign =
                |p: [f32; 2], q: [f32; 2], r: [f32; 2]| (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
            let (d1, d2, d3) = (sign(p, a, b), sign(p, b, c), sign(p, c, a));
            let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
            let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
            !(neg && pos)
        })
    }

    fn on_land(map: &[FillMesh], lat: f64, lon: f64) -> bool {
        let w = project(lat, lon);
        let p = [w.x as f32, w.y as f32];
        map.iter().any(|m| m.bounds.is_some_and(|b| b.intersects(&Bounds { min: p, max: p })) && covers(m, p))
    }

    #[test]
    fn the_embedded_basemap_decodes_into_every_layer() {
        let map = basemap();
        assert!(map.land_fine.len() > 1000);
        assert!(map.land_coarse.len() > 100);
        assert!(map.coast_fine.len() > 1000 && !map.borders.is_empty() && !map.coast_coarse.is_empty());
        assert!(map.land_fine.iter().all(|m| m.indices.len() % 3 == 0));
    }

    #[test]
    fn okinawa_and_washington_are_land_and_the_seas_are_not() {
        let fine = &basemap().land_fine;
        assert!(on_land(fine, 26.46, 127.915), "Camp Hansen, Okinawa");
        assert!(on_land(fine, 24.40, 124.18), "Ishigaki");
        assert!(on_land(fine, 31.3686, 130.8447), "Kanoya");
        assert!(on_land(fine, 38.87, -77.056), "the Pentagon");
        assert!(!on_land(fine, 29.0, 125.0), "East China Sea");
        assert!(!on_land(fine, 20.0, 130.0), "Philippine Sea");
        // 110m has no Okinawa: the fine layer is needed when zoomed in.
        assert!(!on_land(&basemap().land_coarse, 26.46, 127.915));
    }

    #[test]
    fn the_world_layer_is_the_coarse_land_in_fewer_triangles() {
        let map = basemap();
        let triangles = |layer: &[FillMesh]| layer.iter().map(|m| m.indices.len() / 3).sum::<usize>();
        let (world, coarse) = (triangles(&map.land_world), triangles(&map.land_coarse));
        assert!(world * 10 < coarse * 7, "{world} triangles against {coarse}");
        assert!(on_land(&map.land_world, 38.87, -77.056), "the Pentagon");
        assert!(on_land(&map.land_world, 35.68, 139.77), "Tokyo");
        assert!(!on_land(&map.land_world, 20.0, 130.0), "Philippine Sea");
        assert!(!on_land(&map.land_world, 35.0, -40.0), "the Atlantic");
    }

    #[test]
    fn damaged_assets_are_errors_not_panics() {
        assert!(decode(b"").is_err());
        assert!(decode(b"AABM\x02").is_err());
        assert!(decode(&ASSET[..ASSET.len() / 2]).is_err());
    }
}
