// End-to-end test of the web build in Debian's headless Chromium (playwright-core; no downloaded browser).
// Serves DIST on 127.0.0.1 with tests/fixtures under /fixtures/ (and LARGE, a generated dataset of 4 MiB
// or more, as /large.ron), and saves a screenshot of every state it checks into OUT_DIR.
// Usage: node tests/web/smoke.mjs DIST OUT_DIR [LARGE]
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { CHROMIUM, CHROMIUM_ARGS, decodePng, drawnShare } from "./common.mjs";
import { fileURLToPath } from "node:url";

const [dist, out, large] = process.argv.slice(2).map((p) => resolve(p));
mkdirSync(out, { recursive: true });
const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
  ".png": "image/png", ".ron": "text/plain; charset=utf-8" };

// A static server: dist/ at the root, tests/fixtures at /fixtures/.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path === "/large.ron" && large ? large
    : path.startsWith("/fixtures/") ? join(fixtures, path.slice(10)) : join(dist, path === "/" ? "index.html" : path);
  if (file !== large && !file.startsWith(fixtures) && !file.startsWith(dist)) { res.writeHead(403).end(); return; }
  if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end("not found"); return; }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "atlas-chromium-")), {
  executablePath: CHROMIUM,
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1600, height: 900 },
  args: CHROMIUM_ARGS,
});
const page = context.pages()[0] ?? (await context.newPage());
let logs = [];
page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
let passed = 0, failed = 0;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAILED"}: ${what}`); ok ? passed++ : failed++; };
const hash = () => decodeURI(new URL(page.url()).hash);
const DEFAULT_TITLE = "US–Japan";

// Opens a URL as a new page load and waits until the app has replaced the loading indicator.
async function open(path) {
  logs = [];
  await page.goto("about:blank");
  await page.goto(`${base}/${path}`);
  await page.waitForFunction(() => !document.getElementById("loading_text"), null, { timeout: 120000 });
  await page.waitForTimeout(2000);
}

async function shot(name) {
  const buf = await page.screenshot({ path: join(out, `${name}.png`) });
  return decodePng(buf);
}

// 1. Start-up: the loading indicator goes away and the map and timeline have drawn.
await open("index.html");
check(true, "the app started and the loading indicator went away");
let png = await shot("web-explore");
const map = drawnShare(png, [520, 120, 1120, 420]), timeline = drawnShare(png, [520, 560, 1120, 860]);
check(map > 0.05, `the map area has drawn (${(map * 100).toFixed(1)} % of its pixels are not background)`);
check(timeline > 0.02, `the timeline area has drawn (${(timeline * 100).toFixed(1)} % not background)`);
check((await page.title()).startsWith(DEFAULT_TITLE), `the tab is named after the dataset (${await page.title()})`);
check(hash().includes("t="), `the view is written into the URL (${hash()})`);

// 1b. The parts kept as pictures while they do not change (the map, the list, the details, the bars:
// platform/paint_cache) look as drawn from their shapes: the same view, the pointer resting in a corner
// for a few frames, with the cache and with ?paint_cache=off, differs in at most a few smoothed pixels.
async function restingView(query) {
  await open(`index.html?${query}from=cache#s=i:12mlr-redesignation`);
  for (let i = 0; i < 8; i++) { await page.mouse.move(1590, 880 + (i % 2)); await page.waitForTimeout(100); }
  await page.waitForTimeout(500);
}
await restingView("");
const keptRegions = logs.filter((l) => /paint cache: the (map|locations|details) drawn from a texture/.test(l)).length;
const cachedPng = await shot("web-paint-cache-on");
await restingView("paint_cache=off&");
const directPng = await shot("web-paint-cache-off");
let differ = 0, largest = 0;
for (let y = 0; y < cachedPng.height; y++) for (let x = 0; x < cachedPng.width; x++) {
  const [p, q] = [cachedPng.px(x, y), directPng.px(x, y)];
  const d = Math.max(...p.map((v, i) => Math.abs(v - q[i])));
  if (d > 2) differ++;
  largest = Math.max(largest, d);
}
check(keptRegions === 3, `the map, the list and the details were drawn from textures (${keptRegions} of 3 logged)`);
check(differ <= 200 && largest <= 40, `with the cache the window looks as without it (${differ} pixels differ by more than 2, the most by ${largest})`);

// 2. A deep link to a view restores it: the selection survives start-up and is shown.
await open("index.html?from=link#s=i:12mlr-redesignation;lg=Status");
await shot("web-deep-link-view");
check(hash().includes("s=i:12mlr-redesignation") && hash().includes("lg=Status"), `the linked view is restored (${hash()})`);

// 3. A deep link to a briefing step; → moves on and adds a history entry; Back returns to step 2.
await open("index.html?from=step#step=2");
await shot("web-step-2");
check(hash() === "#step=2", `the deck opens at step 2 (${hash()})`);
await page.mouse.click(800, 450);
await page.keyboard.press("ArrowRight");
await page.waitForTimeout(1500);
check(hash() === "#step=3", `→ moves to step 3 (${hash()})`);
await shot("web-step-3");
await page.goBack();
await page.waitForTimeout(1500);
await page.keyboard.press("ArrowRight");
await page.waitForTimeout(1500);
check(hash() === "#step=3", `Back returned the app to step 2, so → is step 3 again (${hash()})`);

// 3b. Presenting from the explore view: F5 (a user gesture) enters full screen through the Fullscreen API;
// Esc leaves full screen and the presentation.
await open("index.html?from=present");
await page.mouse.click(800, 450);
await page.keyboard.press("F5");
await page.waitForTimeout(1500);
check(hash() === "#step=1", `F5 presents from step 1 (${hash()})`);
check(await page.evaluate(() => document.fullscreenElement !== null), "the page went full screen");
await shot("web-presenting");
await page.keyboard.press("Escape");
await page.waitForTimeout(1500);
check(await page.evaluate(() => document.fullscreenElement === null), "Esc left full screen");
check(!hash().startsWith("#step="), `Esc ended the presentation (${hash()})`);

// 4. ?data= loads a dataset from the same origin.
await open("index.html?data=fixtures/minimal.ron");
await page.waitForFunction(() => document.title.startsWith("Minimal"), null, { timeout: 20000 }).catch(() => {});
await shot("web-data-minimal");
check((await page.title()).startsWith("Minimal"), `?data= loaded the fixture (${await page.title()})`);

// 5. ?data= pointing at a bad file: the error is shown with its line and column, the default data stays.
await open("index.html?data=fixtures/bad/syntax-missing-comma.ron");
await shot("web-data-bad");
const problem = logs.find((l) => /syntax-missing-comma\.ron:\d+:\d+: error/.test(l));
check(Boolean(problem), `the bad file's problem is reported with line and column (${problem ?? logs.slice(0, 5).join(" | ")})`);
check((await page.title()).startsWith(DEFAULT_TITLE), `the default data stays loaded (${await page.title()})`);

// 6. ?data= pointing at nothing: the fetch error is shown, the default data stays.
await open("index.html?data=fixtures/no-such-file.ron");
await shot("web-data-missing");
check(logs.some((l) => /no-such-file\.ron:1:1: error: .*404/.test(l)), `a missing file is reported (${logs.filter((l) => /error/.test(l)).join(" | ")})`);
check((await page.title()).startsWith(DEFAULT_TITLE), "the default data stays loaded");

// 7. File ▸ Open… opens the browser's file picker; the chosen file loads. (Ctrl+O is the browser's own.)
// (Open… is the second item of the File menu, under New.)
// rfd opens the picker at once while the click's user activation lasts; when the browser says it has lapsed
// (a slow frame), it shows its own small dialog whose file input the user clicks instead. Both are fine.
await open("index.html?from=picker");
await page.mouse.move(20, 12);
await page.waitForTimeout(300);
await page.mouse.click(20, 12, { delay: 60 });
await page.waitForTimeout(800);
await shot("web-file-menu");
let chooser = page.waitForEvent("filechooser", { timeout: 10000 }).catch(() => null);
await page.mouse.move(45, 61);
await page.waitForTimeout(300);
await page.mouse.click(45, 61, { delay: 60 });
let picker = await chooser, route = "directly";
if (!picker && (await page.locator("#rfd-input").count()) > 0) {
  await shot("web-file-dialog");
  chooser = page.waitForEvent("filechooser", { timeout: 10000 }).catch(() => null);
  await page.locator("#rfd-input").click();
  picker = await chooser;
  route = "through rfd's dialog";
}
if (!picker) await shot("web-file-picker-missing");
check(Boolean(picker), `File ▸ Open… opened the browser's file picker (${picker ? route : "no picker, no dialog"})`);
if (picker) {
  await picker.setFiles(join(fixtures, "minimal.ron"));
  await page.waitForFunction(() => document.title.startsWith("Minimal"), null, { timeout: 20000 }).catch(() => {});
}
check((await page.title()).startsWith("Minimal"), `the picked file loaded (${await page.title()})`);

// 8. A file dropped on the page loads.
await open("index.html?from=drop");
await page.evaluate((text) => {
  const data = new DataTransfer();
  data.items.add(new File([text], "dropped.ron", { type: "text/plain" }));
  const canvas = document.getElementById("the_canvas_id");
  for (const type of ["dragenter", "dragover", "drop"]) {
    canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, clientX: 800, clientY: 450 }));
  }
}, readFileSync(join(fixtures, "minimal.ron"), "utf8"));
await page.waitForFunction(() => document.title.startsWith("Minimal"), null, { timeout: 20000 }).catch(() => {});
await shot("web-dropped");
check((await page.title()).startsWith("Minimal"), `the dropped file loaded (${await page.title()})`);

// 9a. Other tools' files open by ?data= too: a StoryMapJS story opens as a deck that F5 presents, a
// TimelineJS sheet and a KML file load (each title is the file's own).
await open("index.html?data=fixtures/import/json/sochi.json");
await page.waitForFunction(() => document.title.startsWith("Sochi"), null, { timeout: 20000 }).catch(() => {});
check((await page.title()).startsWith("Sochi 2014"), `?data= opened a StoryMapJS story (${await page.title()})`);
await page.mouse.click(800, 450);
await page.keyboard.press("F5");
await page.waitForTimeout(1500);
await shot("web-storymap-presenting");
check(hash() === "#step=1", `the story presents as a deck from step 1 (${hash()})`);
await page.keyboard.press("Escape");
for (const [file, title] of [["import/tables/women_in_computing.csv", "Women in Computing"], ["import/kml/places.kml", "Okinawa"]]) {
  await open(`index.html?data=fixtures/${file}`);
  await page.waitForFunction((t) => !document.title.startsWith("US–Japan") && document.title.includes(t), title, { timeout: 20000 }).catch(() => {});
  await shot(`web-import-${file.split("/").pop()}`);
  const shown = await page.title();
  check(!shown.startsWith(DEFAULT_TITLE) && shown.includes(title), `?data= opened ${file} (${shown})`);
}

// 9b. Save as in the browser is a download: Ctrl+Shift+S hands over the dataset as RON.
await open("index.html?from=download");
await page.mouse.click(800, 450);
const download = page.waitForEvent("download", { timeout: 15000 }).catch(() => null);
await page.keyboard.press("Control+Shift+S");
const saved = await download;
const savedText = saved ? readFileSync(await saved.path(), "utf8") : "";
await shot("web-download");
check(saved?.suggestedFilename() === "alliance-atlas.ron" && savedText.startsWith("// ") && savedText.includes("initiatives"),
  `Ctrl+Shift+S downloaded the dataset as RON (${saved ? `${saved.suggestedFilename()}, ${savedText.length} bytes` : "no download"})`);

// 9c. Unsaved edits outlive a reload (kept in local storage); Ctrl+S then downloads the dataset with them,
// and nothing is left unsaved or kept.
const DRAFT_KEY = "alliance-atlas-unsaved-edits";
await open("index.html?from=draft");
await page.mouse.click(800, 450);
await page.keyboard.press("Escape");
await page.keyboard.press("Control+N");
await page.waitForTimeout(2500);
const kept = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
check((await page.title()).startsWith("•") && Boolean(kept?.includes("addition of a new initiative")),
  `an added initiative is unsaved (${await page.title()}) and kept (${kept ? `${kept.length} bytes` : "nothing kept"})`);
await open("index.html?from=draft");
await shot("web-draft-restored");
check((await page.title()).startsWith("•"), `after a reload the unsaved edit is back (${await page.title()})`);
const saveDownload = page.waitForEvent("download", { timeout: 15000 }).catch(() => null);
await page.keyboard.press("Control+S");
const savedDraft = await saveDownload;
const savedDraftText = savedDraft ? readFileSync(await savedDraft.path(), "utf8") : "";
await page.waitForTimeout(2500);
const keptAfter = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
check(savedDraftText.includes("New initiative") && !(await page.title()).startsWith("•") && keptAfter === null,
  `Ctrl+S downloaded the data with the edit (${savedDraftText.length} bytes), nothing is unsaved (${await page.title()}) or kept (${keptAfter === null ? "none" : "still kept"})`);

// 9. A large dataset read in the page (`?worker=off`, as where no worker can be had) loads in slices:
// the tab title shows the progress as it grows (so frames kept coming while it loaded), then the data is
// in. 9a. By default a worker started by the page reads it (the app adopts it, and is handed the load).
if (large) {
  await page.goto("about:blank");
  const before = logs.length;
  await page.goto(`${base}/index.html?data=large.ron#t=15000,15400`);
  for (let t = 0; t < 600 && !(await page.title()).startsWith("Generated"); t++) await page.waitForTimeout(50);
  await page.waitForTimeout(1500);
  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  // The app wrote the link again (it added the map, `m=`) and kept the window it was given.
  check(hash.includes("t=15000,15400") && hash.includes("m="), `the deep link's time window survived the worker's load (${hash})`);
  const worked = logs.slice(before);
  check((await page.title()).startsWith("Generated") && worked.some((l) => l.includes("reading large.ron in a worker"))
    && worked.some((l) => l.includes("handed over:")),
    `a worker read the large dataset and handed it over (${await page.title()}; ${worked.filter((l) => /worker|handed over/.test(l)).map((l) => l.replace(/^.*\] (\S+:\d+: )?/, "")).join(" | ")})`);
  await page.goto("about:blank");
  await page.goto(`${base}/index.html?data=large.ron&worker=off#t=15000,15400`);
  const seen = new Set();
  for (let t = 0; t < 1200 && !(await page.title()).startsWith("Generated"); t++) {
    const title = await page.title();
    if (title.startsWith("Loading")) seen.add(title);
    if (seen.size === 2) await shot("web-large-loading");
    await page.waitForTimeout(50);
  }
  check(seen.size >= 2, `the load showed its progress over several frames (${[...seen].slice(0, 4).join(" | ")})`);
  await page.waitForTimeout(1000);
  await shot("web-large-loaded");
  check((await page.title()).startsWith("Generated"), `the large dataset loaded (${await page.title()})`);
  const sliced = decodeURIComponent(await page.evaluate(() => location.hash));
  check(sliced.includes("t=15000,15400") && sliced.includes("m="), `the deep link's time window survived the sliced load (${sliced})`);
}

/** Opens File > Export and clicks the item at height `y` (the menu is drawn by egui: no DOM to find). */
async function exportMenuItem(y) {
  await page.mouse.click(20, 12);
  await page.waitForTimeout(400);
  await page.mouse.move(40, 186);
  await page.waitForTimeout(600);
  await page.mouse.move(320, 186);
  await page.mouse.move(320, y);
  await page.waitForTimeout(300);
  await page.mouse.click(320, y);
  await page.waitForTimeout(800);
}

// 9d. File > Export > Briefing page… > Download: the served app packs its own build, the data and the
// deck into one HTML file, which then starts from file:// on its own.
await open("index.html?from=page-export");
await exportMenuItem(310);
await shot("web-page-dialog");
const pageDownload = page.waitForEvent("download", { timeout: 30000 }).catch(() => null);
await page.mouse.click(61, 246);
const madePage = await pageDownload;
const madePath = madePage ? await madePage.path() : null;
const made = madePath ? readFileSync(madePath, "utf8") : "";
check(made.startsWith("<!DOCTYPE html>") && made.includes('id="atlas-wasm"') && made.includes('id="atlas-deck"'),
  `the briefing page was downloaded (${madePage?.suggestedFilename() ?? "nothing"}, ${(made.length / 1048576).toFixed(2)} MB)`);
if (madePath) {
  const copy = join(out, "web-made-page.html");
  writeFileSync(copy, made);
  await page.goto("about:blank");
  await page.goto(`file://${copy}`);
  await page.waitForFunction(() => !document.getElementById("loading_text"), null, { timeout: 120000 }).catch(() => {});
  await page.waitForTimeout(2500);
  const png = await shot("web-made-page");
  check(drawnShare(png, [520, 140, 1120, 420]) > 0.05, `the downloaded page starts from file:// and draws its map (${await page.title()})`);
}

// 9e. File > Export > Timeline poster… > Download: the vector poster, made in the browser, downloads as
// a PDF with its font embedded.
await open("index.html?from=poster-export");
await exportMenuItem(333);
await shot("web-poster-dialog");
const posterDownload = page.waitForEvent("download", { timeout: 30000 }).catch(() => null);
await page.mouse.click(61, 260);
const poster = await posterDownload;
const posterBytes = poster ? readFileSync(await poster.path()) : Buffer.alloc(0);
check(posterBytes.subarray(0, 5).toString() === "%PDF-" && posterBytes.includes("/FontFile3") && poster.suggestedFilename().endsWith(".pdf"),
  `the timeline poster was downloaded as a PDF (${poster?.suggestedFilename() ?? "nothing"}, ${posterBytes.length} bytes)`);

// 10. Offline after the first visit: the service worker answers.
await context.setOffline(true);
await open("index.html?from=offline");
check(true, "the app starts again with the network off");
png = await shot("web-offline");
check(drawnShare(png, [520, 120, 1120, 420]) > 0.05, "offline, the map still draws");
await context.setOffline(false);

const errors = logs.filter((l) => /panic|pageerror/i.test(l));
check(errors.length === 0, `no panics or page errors (${errors.slice(0, 3).join(" | ")})`);
await context.close();
server.close();
console.log(`${passed} passed, ${failed} failed; screenshots in ${out}`);
process.exit(failed ? 1 : 0);
