// End-to-end check of the web build in Debian's headless Chromium (playwright-core, no downloaded browser).
// Usage: node tests/web/smoke.mjs DIST_URL OUT_DIR   (DIST_URL served on 127.0.0.1)
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, out] = process.argv.slice(2);
const userData = mkdtempSync(join(tmpdir(), "atlas-chromium-"));
const context = await chromium.launchPersistentContext(userData, {
  executablePath: "/usr/lib/chromium/chromium",
  headless: true,
  viewport: { width: 1600, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
const page = context.pages()[0] ?? (await context.newPage());
const logs = [];
page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
let failures = 0;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAILED"}: ${what}`); if (!ok) failures++; };

await page.goto(`${base}/index.html`);
await page.waitForFunction(() => !document.getElementById("loading_text"), null, { timeout: 120000 });
check(true, "the app started and the loading indicator went away");
await page.waitForTimeout(1500);
await page.screenshot({ path: join(out, "web-explore.png") });

// A new query string makes this a real page load (a hash-only change would not reload).
await page.goto(`${base}/index.html?from=link#step=2`);
await page.waitForFunction(() => !document.getElementById("loading_text"), null, { timeout: 120000 });
await page.waitForTimeout(1500);
await page.screenshot({ path: join(out, "web-step-2.png") });
check(page.url().endsWith("#step=2"), `the hash stays at step 2 (${page.url()})`);
await page.mouse.click(800, 450);
await page.keyboard.press("ArrowRight");
await page.waitForTimeout(1500);
check(page.url().endsWith("#step=3"), `→ moves to step 3 (${page.url()})`);
await page.screenshot({ path: join(out, "web-step-3.png") });

console.log(logs.filter((l) => /error|panic/i.test(l)).slice(0, 10).join("\n"));
await context.close();
console.log(`${4 - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
