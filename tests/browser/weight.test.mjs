// Page weight per page type: what a visitor downloads, gzipped — HTML, CSS and JavaScript as the
// page loads them, plus the search index and the wizard's WebAssembly only when they are used
// (search typed, wizard opened). Budget: a lever page under 50 KB. The figures are printed and
// written to target/page-weight.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, SITE, launch, startServer } from "./helpers.mjs";
import { gzipSize } from "../js/client.mjs";

const KB = 1024;
/**
 * Page type → [page, budget in KB, what to do so that lazy resources load].
 * @type {Record<string, [string, number, ((page: import("playwright-core").Page) => Promise<void>)?]>}
 */
const TYPES = {
  "levier": ["leviers/fir/index.html", 50],
  "levier avec seuils": ["leviers/achats-innovants/index.html", 50],
  "accueil": ["index.html", 50],
  "liste des leviers": ["leviers/index.html", 50],
  "actualité": ["actualites/appel-candidatures-ipep/index.html", 50],
  "glossaire": ["glossaire/index.html", 60],
  "contacts": ["contacts/index.html", 60],
  "guide complet": ["guide/index.html", 120],
  "recherche (index chargé)": ["recherche/index.html?q=fir", 250],
  "accueil, recherche tapée (index chargé)": ["index.html", 250, async (page) => {
    await page.focus("#recherche-entete");
    await page.keyboard.type("cpom");
    await page.locator("#recherche-entete-suggestions [role=option]").first().waitFor();
  }],
  "assistant (moteur WebAssembly)": ["assistant/index.html", 200, async (page) => {
    await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  }],
};

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

const gz = (file) => gzipSize(fs.readFileSync(file));

test("page weight per page type, gzipped, within budget", async (t) => {
  const report = {};
  const over = [];
  for (const [name, [rel, budget, use]] of Object.entries(TYPES)) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const files = new Set();
    page.on("requestfinished", (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(server.base).origin) files.add(decodeURIComponent(u.pathname).slice(new URL(server.base).pathname.length) || "index.html");
    });
    await page.goto(server.base + rel);
    await page.waitForLoadState("networkidle");
    if (use) { await use(page); await page.waitForLoadState("networkidle"); }
    await context.close();
    const row = { html: 0, css: 0, js: 0, index: 0, wasm: 0, other: 0, files: [...files].sort() };
    for (const f of files) {
      const size = gz(path.join(SITE, f));
      if (f.startsWith("search/")) row.index += size;
      else if (/wizard-(engine|data)\.js$/.test(f)) row.wasm += size;
      else if (f.endsWith(".html")) row.html += size;
      else if (f.endsWith(".css")) row.css += size;
      else if (f.endsWith(".js")) row.js += size;
      else row.other += size;
    }
    row.total = row.html + row.css + row.js + row.index + row.wasm + row.other;
    report[name] = row;
    const k = (n) => (n / KB).toFixed(1).padStart(6);
    t.diagnostic(`${name.padEnd(42)} HTML ${k(row.html)}  CSS ${k(row.css)}  JS ${k(row.js)}  index ${k(row.index)}  WASM ${k(row.wasm)}  autres ${k(row.other)}  total ${k(row.total)} Ko (budget ${budget})`);
    if (row.total > budget * KB) over.push(`${name} : ${(row.total / KB).toFixed(1)} Ko > ${budget} Ko`);
    if (!use && !rel.startsWith("recherche")) assert.equal(row.index, 0, `${name}: search index loaded before any search`);
  }
  fs.mkdirSync(path.join(REPO, "target"), { recursive: true });
  fs.writeFileSync(path.join(REPO, "target", "page-weight.json"), JSON.stringify(report, null, 2) + "\n");
  assert.deepEqual(over, []);
  assert.ok(report["levier"].total < 50 * KB);
});
