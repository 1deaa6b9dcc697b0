// The one-file briefing page in Debian's headless Chromium, opened from file:// with the network off:
// it starts, shows the data, follows a #step=3 link into presenting, moves on with the keys, and a
// page made to open presenting does so. No server: every request but file:// is counted as a failure.
// Usage: node tests/web/page.mjs PAGE.html PRESENTING_PAGE.html OUT_DIR
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS, decodePng, drawnShare } from "./common.mjs";

const [pagePath, presentingPath, out] = process.argv.slice(2).map((p) => resolve(p));
mkdirSync(out, { recursive: true });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "atlas-page-")), {
  executablePath: CHROMIUM,
  headless: true,
  offline: true,
  acceptDownloads: true,
  viewport: { width: 1600, height: 900 },
  args: CHROMIUM_ARGS,
});
const page = context.pages()[0] ?? (await context.newPage());
const logs = [], requests = [];
page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
page.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url()); });
let passed = 0, failed = 0;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAILED"}: ${what}`); ok ? passed++ : failed++; };
const hash = () => decodeURI(new URL(page.url()).hash);
const shot = async (name) => decodePng(await page.screenshot({ path: join(out, `${name}.png`) }));

async function open(file, fragment = "") {
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto(`${pathToFileURL(file).href}${fragment}`);
  await page.waitForFunction(() => !document.getElementById("loading_text"), null, { timeout: 120000 });
  const ms = Date.now() - started;
  await page.waitForTimeout(2500);
  return ms;
}

console.log(`page: ${pagePath} (${(statSync(pagePath).size / 1048576).toFixed(2)} MB)`);
// 1. From file://, offline: the app starts and shows the data, under its banner.
const ms = await open(pagePath);
check(true, `the page started from file:// with the network off (${ms} ms to the app)`);
let png = await shot("page-explore");
const map = drawnShare(png, [520, 140, 1120, 420]), timeline = drawnShare(png, [520, 580, 1120, 840]);
check(map > 0.05 && timeline > 0.02, `the map (${(map * 100).toFixed(1)} %) and the timeline (${(timeline * 100).toFixed(1)} %) drew`);
check((await page.title()).length > 0, `the tab has the page's title (${await page.title()})`);
const [r, g, b] = png.px(800, 4);
check(g > 100 && r < 40 && b < 90, `the UNCLASSIFIED banner is green across the top (${r},${g},${b})`);

// 2. A deep link into the deck: step 3 is presented; → moves to step 4.
await open(pagePath, "#step=3");
png = await shot("page-step-3");
check(hash() === "#step=3", `brief.html#step=3 presents step 3 (${hash()})`);
const slide = drawnShare(png, [0, 40, 560, 500]);
check(slide > 0.02, `the slide's title and points are drawn (${(slide * 100).toFixed(1)} % of the left half)`);
await page.mouse.click(800, 450);
await page.keyboard.press("ArrowRight");
await page.waitForTimeout(1500);
check(hash() === "#step=4", `→ moves to step 4 (${hash()})`);
await shot("page-step-4");

// 3. File > Export > Briefing page… > Download in the page itself: a page made from a page (its glue
// and packed wasm taken from its own elements) that starts too. The banner moves the menus down 25 px.
await open(pagePath);
const y = 25;
await page.mouse.click(20, 12 + y);
await page.waitForTimeout(400);
await page.mouse.move(40, 186 + y);
await page.waitForTimeout(600);
await page.mouse.move(320, 186 + y);
await page.mouse.move(320, 310 + y);
await page.waitForTimeout(300);
await page.mouse.click(320, 310 + y);
await page.waitForTimeout(800);
await shot("page-dialog");
const download = page.waitForEvent("download", { timeout: 30000 }).catch(() => null);
await page.mouse.click(61, 243); // the window keeps its place
const made = await download;
const madeText = made ? readFileSync(await made.path(), "utf8") : "";
check(madeText.includes('id="atlas-wasm"') && madeText.includes("UNCLASSIFIED // FOR TRAINING"),
  `a page made from the page was downloaded (${made?.suggestedFilename() ?? "nothing"}, ${(madeText.length / 1048576).toFixed(2)} MB, with its banner)`);
if (madeText) {
  const copy = join(out, "page-from-page.html");
  writeFileSync(copy, madeText);
  await open(copy);
  png = await shot("page-from-page");
  check(drawnShare(png, [520, 140, 1120, 420]) > 0.05, "the page made from the page starts and draws its map");
}

// 4. A page made to open presenting starts at step 1.
await open(presentingPath);
await shot("page-presenting");
check(hash() === "#step=1", `the presenting page opened at step 1 (${hash()})`);
check((await page.title()) === "Tokyo 2+2", `the page's own title names the tab (${await page.title()})`);

check(requests.length === 0, `no request left the machine (${requests.slice(0, 3).join(" | ")})`);
const errors = logs.filter((l) => /panic|pageerror|could not start/i.test(l));
check(errors.length === 0, `no panics or page errors (${errors.slice(0, 3).join(" | ")})`);
await context.close();
console.log(`${passed} passed, ${failed} failed; screenshots in ${out}`);
process.exit(failed ? 1 : 0);
