// Open a kg viz page in headless Chromium (Debian's /usr/bin/chromium) and time it, as a person would use it:
// open the file, wait until the page says it is ready (and has painted), type a name in the search box, press
// Focus and time until the neighbourhood is drawn and painted. Prints one JSON line.
//
// Needs playwright-core (the driver only; it uses the system Chromium, it downloads no browser):
//   npm install --prefix /tmp/kg-bench playwright-core
//   NODE_PATH=/tmp/kg-bench/node_modules node benchmarks/viz_measure.mjs PAGE.html NAME [DEPTH] [SCREENSHOT.png]
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [pagePath, query, depth, shot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const requests = [];
page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
const t0 = Date.now();
await page.goto("file://" + pagePath);
await page.waitForSelector("body[data-ready='1']", { timeout: 120000 });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const openMs = Date.now() - t0;
const opened = await page.evaluate(() => ({ ...document.body.dataset }));
await page.fill("#search", query);  // typing is the person's time; the clock starts when they press Focus
await page.selectOption("#depth", depth || "1");
await page.waitForTimeout(500);  // let the search box's suggestion list settle
const t1 = Date.now();
await page.click("button[type=submit]");
await page.waitForFunction(() => document.body.dataset.focused !== "" && document.body.dataset.paintedMs, null, { timeout: 120000 });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const focusMs = Date.now() - t1;
const focused = await page.evaluate(() => ({ ...document.body.dataset }));
if (shot) { await page.screenshot({ path: shot }); }
console.log(JSON.stringify({ open_ms: openMs, page_ready_ms: Number(opened.readyMs), overview_nodes: Number(opened.rendered),
  focus_ms: focusMs, page_search_ms: Number(focused.searchMs), page_focus_ms: Number(focused.focusMs), page_painted_ms: Number(focused.paintedMs), page_index_ms: Number(opened.indexMs), focused: focused.focused, drawn: Number(focused.rendered),
  errors: Number(focused.errors), csp_blocked: Number(focused.csp), network_requests: requests.length }));
await browser.close();
