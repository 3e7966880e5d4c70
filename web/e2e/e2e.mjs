// End-to-end test of the web UI in a real browser: builds hkin (with the UI embedded), serves a
// fresh database on a free loopback port, and drives Debian's Chromium with playwright-core.
// Run from web/ after `npm run build` (make test does both). SCREENSHOTS=1 also writes the
// README's screenshots into docs/.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";

const root = resolve(import.meta.dirname, "../..");
if (!existsSync(join(root, "internal/webui/dist/index.html"))) {
  console.error("e2e: the UI is not built; run `make build` (or `npm run build` in web/) first");
  process.exit(1);
}
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(browserPath)) {
  console.error(`e2e: no Chromium at ${browserPath}; apt-get install chromium (or set CHROMIUM)`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "hkin-e2e-"));
const bin = join(work, "hkin");
execFileSync("go", ["build", "-o", bin, "./cmd/hkin"], { cwd: root, stdio: "inherit" });
const port = await new Promise((ok) => { const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin, ["serve", "--db", join(work, "hkin.db"), "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "pipe"] });
let serverLog = "";
server.stderr.on("data", (d) => (serverLog += d));

let browser;
let failed = false;
const step = async (name, fn) => {
  const t = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t} ms)`);
  } catch (err) {
    failed = true;
    console.log(`FAIL ${name}: ${err.message}`);
  }
};

try {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch {}
    if (i > 150) throw new Error("hkin serve did not start:\n" + serverLog);
    await new Promise((r) => setTimeout(r, 200));
  }
  const token = /\?token=(\S+)/.exec(serverLog)?.[1];
  browser = await chromium.launch({ executablePath: browserPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await step("dashboard renders a search box and charts", async () => {
    await page.goto(base + "/");
    await page.locator("#q").waitFor();
    await page.locator("svg.chart.line").first().waitFor({ timeout: 15000 });
    assert.ok((await page.locator("svg.chart").count()) >= 3, "bar and line charts");
    await page.locator("#central li a").first().waitFor({ timeout: 20000 });
    if (process.env.SCREENSHOTS) { mkdirSync(join(root, "docs"), { recursive: true }); await page.screenshot({ path: join(root, "docs/dashboard.png"), fullPage: true }); }
  });

  await step("search Cyberport → its profile lists the AI Supercomputing Centre and draws its network", async () => {
    await page.locator("#q").fill("Cyberport");
    const first = page.locator("#suggestions li").first();
    await first.waitFor();
    assert.match(await first.innerText(), /Cyberport/);
    await page.locator("#q").press("ArrowDown");
    await page.locator("#q").press("Enter");
    await page.waitForURL(base + "/entities/cyberport");
    await page.getByRole("link", { name: "AI Supercomputing Centre" }).first().waitFor();
    const canvas = page.locator("#ego canvas").first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `network canvas ${JSON.stringify(box)}`);
    assert.ok(await page.locator("text=數碼港").count() > 0, "Chinese name shown");
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(root, "docs/profile.png"), fullPage: true });
  });

  await step("click through to the explorer", async () => {
    await page.getByRole("link", { name: "Open in the explorer" }).click();
    await page.waitForURL(/\/explore\?focus=cyberport/);
    await page.locator("#net canvas").first().waitFor();
    await page.waitForFunction(() => /entities and \d+ relations shown/.test(document.getElementById("netinfo")?.textContent ?? ""), null, { timeout: 20000 });
    await page.selectOption("select[name=region]", "mainland");
    await page.waitForURL(/region=mainland/);
    await page.waitForFunction(() => /relations shown/.test(document.getElementById("netinfo")?.textContent ?? ""));
  });

  await step("deep links survive a reload; search results have facets", async () => {
    await page.goto(base + "/search?q=" + encodeURIComponent("香港科技"));
    await page.locator("ul.results li a").first().waitFor();
    assert.ok(await page.locator(".facets a").count() >= 2, "type facets");
    await page.goto(base + "/entities/ror:05q8mqd91");
    await page.locator("h1", { hasText: "Hong Kong Science and Technology Parks Corporation" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/entities/hkstp");
  });

  await step("indicators chart the startup series", async () => {
    await page.goto(base + "/indicators");
    await page.locator("h2", { hasText: "startup count" }).waitFor();
    assert.ok(await page.locator("td", { hasText: "4,694" }).count() > 0);
  });

  await step("ingest: extract highlights the text, store keeps it with provenance", async () => {
    assert.ok(token, "the server printed an admin token URL");
    await page.goto(`${base}/ingest?token=${token}`);
    await page.locator("textarea").fill("Zorblax Robotics, a Hong Kong startup founded in 2021, opened a laboratory in Tai Po InnoPark in March. Mei Chan, CEO of Zorblax Robotics, said its robots will serve hospitals in Japan.");
    await page.locator("input[name=published]").fill("2025-04-30");
    await page.getByRole("button", { name: "Extract" }).click();
    await page.locator("p.marked mark").first().waitFor();
    assert.ok(await page.locator("p.marked mark").count() >= 3, "entities marked in the text");
    await page.getByRole("button", { name: "Store with provenance" }).click();
    await page.locator("#stored").waitFor();
    assert.match(await page.locator("#stored").innerText(), /new statements/);
  });

  await step("no request left the server; no script errors", async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  });
} catch (err) {
  failed = true;
  console.log("FAIL", err.message);
} finally {
  await browser?.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
