// What the web tests share: Debian's Chromium's flags, and reading its screenshots (PNG pixels, and how
// much of a box is drawn).
import { inflateSync } from "node:zlib";

// Debian's Chromium, headless, WebGL through SwiftShader, none of its background connections (this
// machine's network is closed to them).
export const CHROMIUM = "/usr/lib/chromium/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader"];

// PNG (8-bit RGB/RGBA, non-interlaced, as Chromium writes them) to {width, height, px(x, y) -> [r, g, b]}.
export function decodePng(buf) {
  const width = buf.readUInt32BE(16), height = buf.readUInt32BE(20), channels = buf[25] === 6 ? 4 : 3;
  const chunks = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at), type = buf.toString("ascii", at + 4, at + 8);
    if (type === "IDAT") chunks.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks)), stride = width * channels, img = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? img[y * stride + x - channels] : 0, b = y ? img[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? img[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      img[y * stride + x] = (line[x] + pred) & 255;
    }
  }
  return { width, height, px: (x, y) => [0, 1, 2].map((i) => img[y * stride + x * channels + i]) };
}

// The share of pixels in a box that differ from the box's most common colour.
export function drawnShare(png, [x0, y0, x1, y1]) {
  const counts = new Map();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { const k = png.px(x, y).join(); counts.set(k, (counts.get(k) ?? 0) + 1); }
  const total = (x1 - x0) * (y1 - y0);
  return 1 - Math.max(...counts.values()) / total;
}
