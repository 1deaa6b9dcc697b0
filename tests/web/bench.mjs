// Web performance, side by side, in Debian's headless Chromium with the GPU off (WebGL through
// SwiftShader), 1600×900: our build and vis-timeline (npm, standalone build) on the same generated data.
// For each N: the time until the data is shown, and frame times while dragging (panning) the timeline —
// and the map, for ours — as the intervals between animation frames, medians over RUNS fresh browsers.
// A benchmark, not a test: it prints a table and writes every figure to OUT/bench.json, with a
// screenshot per run. scripts/web-bench.sh makes the data and runs it.
// Usage: node tests/web/bench.mjs DIST DATA_DIR OUT RUNS N…   (DATA_DIR holds gN.ron and gN.json)
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./common.mjs";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, statSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [distArg, dataArg, outArg, runsArg, ...sizes] = process.argv.slice(2);
const [dist, data, out] = [distArg, dataArg, outArg].map((p) => resolve(p));
const runs = Number(runsArg ?? 3);
const only = process.env.ATLAS_BENCH_ONLY ?? "ours,vis"; // which pages to measure
mkdirSync(out, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const visJs = join(here, "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
  ".ron": "text/plain; charset=utf-8", ".png": "image/png" };

// vis-timeline on the TimelineJS export of the same data: one item per event, grouped like our lanes.
const VIS_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/vis/vis.js"></script>
<style>html,body{margin:0;height:100%;font-family:sans-serif}#tl{height:900px}</style></head>
<body><div id="tl"></div><script>
const day = (d) => d && new Date(d.year, (d.month ?? 1) - 1, d.day ?? 1);
fetch("/data/" + new URLSearchParams(location.search).get("data")).then((r) => r.json()).then((tl) => {
  const groups = [...new Set(tl.events.map((e) => e.group ?? ""))].map((g) => ({ id: g, content: g }));
  const items = tl.events.map((e, i) => {
    const start = day(e.start_date), end = day(e.end_date);
    return end && end > start ? { id: i, group: e.group ?? "", content: e.text.headline, start, end }
      : { id: i, group: e.group ?? "", content: e.text.headline, start };
  });
  const timeline = new vis.Timeline(document.getElementById("tl"), items, groups, { height: "900px" });
  timeline.once("changed", () => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__bench.shown = performance.now();
  })));
});
</script></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const path = decodeURIComponent(url.pathname);
  if (path === "/vis.html") { res.writeHead(200, { "content-type": "text/html" }).end(VIS_PAGE); return; }
  const file = path === "/vis/vis.js" ? visJs
    : path.startsWith("/data/") ? join(data, path.slice(6)) : join(dist, path === "/" ? "index.html" : path);
  if (file !== visJs && !file.startsWith(data) && !file.startsWith(dist)) { res.writeHead(403).end(); return; }
  if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end("not found"); return; }
  // With its length, as static file servers answer (without it, Node sends the body chunked).
  const body = readFileSync(file);
  // ATLAS_BENCH_CHUNKED=1: without it (how this bench served until 7 Dec 2026), for comparison.
  const length = process.env.ATLAS_BENCH_CHUNKED ? {} : { "content-length": body.length };
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...length }).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

// In every page before its own scripts: when the app started (its loading text went), when the data
// was shown (the tab title names the generated dataset, then two animation frames), and a recorder of
// animation-frame times.
// ATLAS_BENCH_SKIP="MIN,MAX" skips every draw of MIN to MAX triangles (an experiment: what do those
// draws cost?), e.g. "5000,1e9" for the basemap mesh.
const INIT = ([attrs, skip]) => {
  if (attrs) {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, options) { return get.call(this, kind, { ...options, ...attrs }); };
  }
  window.__bench = { frames: null, busy: [], draws: 0, indices: 0, early: [] };
  // How long each animation-frame callback (the app's frame: UI, tessellation, GL calls) runs.
  const raf = window.requestAnimationFrame.bind(window);
  // Until the data is shown, every callback's start and length: how busy the page's thread was while loading.
  window.requestAnimationFrame = (cb) => raf((t) => {
    const t0 = performance.now(); cb(t); const b = window.__bench; const took = performance.now() - t0;
    if (b.frames) b.busy.push(took); else if (b.shown === undefined && took > 1) b.early.push([Math.round(t0), Math.round(took)]);
  });
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    const draw = C.prototype.drawElements;
    const scissor = C.prototype.scissor;
    let box = [];
    C.prototype.scissor = function (x, y, w, h) { box = [x, y, w, h]; return scissor.call(this, x, y, w, h); };
    C.prototype.drawElements = function (mode, count, type, offset) {
      const b = window.__bench;
      if (b.frames) { b.draws++; b.indices += count; b.current.push(Math.round(count / 3)); b.boxes.push([Math.round(count / 3), ...box]); }
      if (skip && count / 3 >= skip[0] && count / 3 <= skip[1]) return undefined;
      return draw.call(this, mode, count, type, offset);
    };
  }
  const watch = () => {
    const b = window.__bench;
    if (b.started === undefined && document.readyState !== "loading" && document.getElementById("the_canvas_id")
      && !document.getElementById("loading_text")) b.started = performance.now();
    if (b.titled === undefined && document.title.startsWith("Generated")) {
      b.titled = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { b.shown = performance.now(); }));
    }
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
  // The triangles of each draw of the last whole frame (`sizes`): where a frame's triangles go.
  const tick = (t) => { const b = window.__bench; if (b.frames) { b.frames.push(t); b.sizes = b.current; b.current = []; b.lastBoxes = b.boxes; b.boxes = []; } requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};

async function browser() {
  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    serviceWorkers: process.env.ATLAS_BENCH_NO_SW ? "block" : "allow", // ATLAS_BENCH_NO_SW=1: without the service worker
    viewport: { width: Number(process.env.ATLAS_BENCH_W ?? 1600), height: Number(process.env.ATLAS_BENCH_H ?? 900) },
    args: [...CHROMIUM_ARGS,
      // ATLAS_BENCH_ARGS: more browser flags, for experiments (e.g. "--js-flags=--no-wasm-lazy-compilation").
      ...(process.env.ATLAS_BENCH_ARGS ? process.env.ATLAS_BENCH_ARGS.split(" ") : [])],
  });
  const env = process.env;
  await context.addInitScript(INIT, [env.ATLAS_BENCH_GL ? JSON.parse(env.ATLAS_BENCH_GL) : null,
    env.ATLAS_BENCH_SKIP ? env.ATLAS_BENCH_SKIP.split(",").map(Number) : null]);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], n: s.length };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Drags from (x, y) by dx in `moves` steps, each waiting for the page to take it; returns the animation
// frame intervals from the first move to the last.
async function drag(page, x, y, dx, moves = 60) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => { Object.assign(window.__bench, { frames: [], busy: [], draws: 0, indices: 0, current: [], sizes: [], boxes: [], lastBoxes: [] }); });
  for (let i = 1; i <= moves; i++) await page.mouse.move(x + (dx * i) / moves, y);
  const { frames, busy, draws, indices, sizes, lastBoxes } = await page.evaluate(() => { const b = window.__bench; const r = { ...b }; b.frames = null; return r; });
  await page.mouse.up();
  // ATLAS_BENCH_DRAWS=1: every draw of the last whole frame, as triangles and scissor box (x, y, w, h).
  if (process.env.ATLAS_BENCH_DRAWS) console.log(`  draws: ${lastBoxes.map((d) => `${d[0]}@${d.slice(1).join(",")}`).join(" ")}`);
  return { ...stats(frames.slice(1).map((t, i) => t - frames[i])), busy: stats(busy).mean, draws: draws / frames.length, triangles: indices / 3 / frames.length,
    largest: [...sizes].sort((a, b) => b - a).slice(0, 6) };
}

// The 25 functions with the most self time in a CPU profile, and the total sampled.
function summarise(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const gaps = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}`;
    self.set(key, (self.get(key) ?? 0) + (gaps[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return `  profile (${total.toFixed(0)} ms sampled):\n` + [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`).join("\n");
}

async function measure(kind, n, run) {
  const { page, close } = await browser();
  // The app logs how long each phase of a large load took ("loaded …: read in slices … ms", "installed in …").
  const phases = [];
  page.on("console", (m) => { if (/\] (\S+:\d+: )?(answered |fetched |reading |loaded |installed in |decoded the basemap|worker: |handed over|indexed )/.test(m.text())) phases.push(m.text()); });
  try {
    const data = `g${n}.${kind === "ours" ? "ron" : "json"}`;
    // ATLAS_BENCH_PROFILE=1: a CPU profile of the page's thread from navigation until the data is shown,
    // summarised as the functions that took the most time themselves.
    const cdp = process.env.ATLAS_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) { await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await cdp.send("Profiler.start"); }
    // ATLAS_BENCH_QUERY: more of our page's query, for A/B runs of one build (e.g. "paint_cache=off").
    const query = process.env.ATLAS_BENCH_QUERY ? `${process.env.ATLAS_BENCH_QUERY}&` : "";
    await page.goto(kind === "ours" ? `${base}/?${query}data=/data/${data}` : `${base}/vis.html?data=${data}`);
    await page.waitForFunction(() => window.__bench.shown !== undefined, null, { timeout: 300000, polling: 100 });
    if (cdp) console.log(summarise((await cdp.send("Profiler.stop")).profile));
    const t = await page.evaluate(() => window.__bench);
    await page.waitForTimeout(1500);
    const result = { kind, n, run, shown: t.shown, started: t.started, fromStart: t.started === undefined ? undefined : t.shown - t.started, titled: t.titled, phases,
      early: t.early.filter(([at]) => t.started === undefined || at >= t.started) };
    if (kind === "ours") {
      // The timeline fills the lower part of the window below the map and the list, the map its upper middle.
      result.timeline = await drag(page, 900, 720, 150);
      await page.waitForTimeout(500);
      result.map = await drag(page, 700, 300, 300);
    } else {
      result.timeline = await drag(page, 900, 450, 150);
    }
    await page.screenshot({ path: join(out, `${kind}-${n}-${run}.png`) });
    return result;
  } finally {
    await close();
  }
}

const results = [];
for (const n of sizes.map(Number)) {
  for (const kind of only.split(",")) {
    for (let run = 1; run <= runs; run++) {
      const r = await measure(kind, n, run);
      results.push(r);
      const f = (s) => (s ? `${s.mean.toFixed(0)} / ${s.p95.toFixed(0)} ms (${s.n} frames; in callbacks ${s.busy.toFixed(1)} ms; ${s.draws.toFixed(0)} draws, ${s.triangles.toFixed(0)} triangles a frame, the largest draws ${s.largest.join(", ")})` : "");
      console.log(`${kind} ${n} run ${run}: shown ${(r.shown / 1000).toFixed(2)} s from navigation`
        + (r.fromStart !== undefined ? `, ${(r.fromStart / 1000).toFixed(2)} s from the app's start` : "")
        + `; timeline pan ${f(r.timeline)}` + (r.map ? `; map pan ${f(r.map)}` : "")
        + (r.early?.length ? `\n  before the data was shown: ${r.early.length} app frames took ${r.early.reduce((a, [, d]) => a + d, 0)} ms, the longest ${r.early.map(([, d]) => d).sort((a, b) => b - a).slice(0, 5).join(", ")} ms${process.env.ATLAS_BENCH_EARLY ? ` (at, took: ${r.early.map(([a, d]) => `${a} ${d}`).join("; ")})` : ""}` : "")
        + (r.phases?.length ? `\n  app started at ${r.started?.toFixed(0)} ms, titled at ${r.titled?.toFixed(0)} ms, shown at ${r.shown.toFixed(0)} ms; `
          + r.phases.map((p) => p.replace(/^.*?\] (\S+:\d+: )?/, "")).join("; ") : ""));
    }
  }
}
writeFileSync(join(out, "bench.json"), JSON.stringify(results, null, 1));

console.log("\n| N | vis-timeline first paint | ours: shown from the app's start (from navigation) | vis pan mean / p95 | ours timeline pan mean / p95 | ours map pan mean / p95 |");
console.log("|---|---|---|---|---|---|");
for (const n of sizes.map(Number)) {
  const of = (kind) => results.filter((r) => r.kind === kind && r.n === n);
  const s = (x) => (x === undefined ? "–" : (x / 1000).toFixed(2) + " s");
  const m = (rs, key, stat) => (rs.length ? median(rs.map((r) => r[key][stat])).toFixed(0) : "–");
  const [vis, ours] = [of("vis"), of("ours")];
  console.log(`| ${n.toLocaleString("en")} | ${vis.length ? s(median(vis.map((r) => r.shown))) : "–"} | `
    + `${ours.length ? `${s(median(ours.map((r) => r.fromStart)))} (${s(median(ours.map((r) => r.shown)))})` : "–"} | `
    + `${m(vis, "timeline", "mean")} / ${m(vis, "timeline", "p95")} ms | ${m(ours, "timeline", "mean")} / ${m(ours, "timeline", "p95")} ms | `
    + `${m(ours, "map", "mean")} / ${m(ours, "map", "p95")} ms |`);
}
server.close();
