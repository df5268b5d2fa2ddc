// Search benchmark on a built site (figures, not a test; run by hand, see README « Recherche »):
//
//   node tests/bench/search_bench.mjs /tmp/synth-10000/public
//
// 1. Bytes each query loads, from a cold start (engine scripts, manifest, shards, page texts),
//    gzipped as a static server sends them, with node running the browser's own scripts.
// 2. Time to first results in Chromium, from file:// and over HTTP under a sub-path: a fresh
//    page, one query typed in the header box, until its first option shows (scripts, manifest,
//    shards and page texts all loaded on that first keystroke). Median of the queries.
// Needs `npm ci --prefix tests/browser` (playwright-core) and Chromium (/usr/bin/chromium).
import fs from "node:fs";
import path from "node:path";
import { siteEngine, gzipSize, REPO } from "../js/client.mjs";
import { launch, startServer, fileBase } from "../browser/helpers.mjs";

const site = path.resolve(process.argv[2] || path.join(REPO, "public"));
const ONE_WORD = ["santé", "financement", "évaluation", "fir", "innovation", "territoire", "patients", "expérimentation"];
const SEVERAL = ["comment financer une expérimentation", "parcours de soins coordonnés", "appel à projets régional"];

const scripts = ["search.js", "search-stemmer-fr.js", "search-pipeline.js", "search-core.js"]
  .map((name) => gzipSize(fs.readFileSync(path.join(site, "static", name))))
  .reduce((a, b) => a + b, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(`site ${site}`);
console.log(`engine scripts (search.js + pipeline + stemmer + core): ${kb(scripts)} gzipped`);
for (const query of [...ONE_WORD, ...SEVERAL]) {
  const { engine, loaded } = siteEngine(site);
  const start = performance.now();
  const found = await engine.search(query, { limit: 6 });
  const ms = performance.now() - start;
  const bytes = loaded.reduce((a, f) => a + f.gzipped, 0);
  const shards = loaded.filter((f) => f.path.startsWith("search/t/"));
  const texts = loaded.filter((f) => f.path.startsWith("search/p/"));
  console.log(
    `  ${JSON.stringify(query)}: ${found.total} pages; loads ${kb(scripts + bytes)} gzipped in all ` +
      `(index ${kb(bytes - texts.reduce((a, f) => a + f.gzipped, 0))} in ${shards.length} shard(s) + manifest, ` +
      `${texts.length} page texts ${kb(texts.reduce((a, f) => a + f.gzipped, 0))}); node, cold: ${ms.toFixed(0)} ms`
  );
}

const browser = await launch();
const server = await startServer(site);
async function firstResults(base, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "index.html");
  const ms = await page.evaluate(async (q) => {
    const input = /** @type {HTMLInputElement} */ (document.querySelector("#recherche-entete"));
    const list = document.querySelector("#recherche-entete-suggestions");
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input"));
    await new Promise((resolve) => {
      const check = () => (list.querySelector("[role=option]") ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - start;
  }, query);
  await context.close();
  return ms;
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const [label, base] of [["file://", fileBase(site)], ["HTTP", server.base]]) {
  const times = [];
  for (const query of ONE_WORD) times.push(await firstResults(base, query));
  console.log(`  ${label}: first one-word query, keystroke to first results (cold): median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
}
await browser.close();
await server.close();
