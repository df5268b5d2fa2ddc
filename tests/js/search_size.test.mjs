// The search payload of the built site stays small, gzipped as a static server sends it, under
// the 60 KB budget: everything ranking can ever load (scripts, manifest, every shard), and what
// each query of the relevance table loads from a cold start (with the texts of the pages shown).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, SITE, ENGINE_SCRIPTS, gzipSize, requireBuiltSite, siteEngine } from "./client.mjs";

const BUDGET = 60_000; // bytes: the stricter reading of "60 KB"
requireBuiltSite();
const scripts = ["search.js", ...ENGINE_SCRIPTS].map((name) => path.join(SITE, "static", name));
const scriptBytes = scripts.reduce((sum, file) => sum + gzipSize(fs.readFileSync(file)), 0);

test("scripts, manifest and every index shard weigh under 60 KB gzipped", (t) => {
  const shards = fs.readdirSync(path.join(SITE, "search", "t")).map((name) => path.join(SITE, "search", "t", name));
  const index = [path.join(SITE, "search", "index.js"), ...shards].reduce((sum, file) => sum + gzipSize(fs.readFileSync(file)), 0);
  t.diagnostic(`scripts ${scriptBytes} bytes, manifest and ${shards.length} shards ${index} bytes, gzipped (budget ${BUDGET})`);
  assert.ok(scriptBytes + index < BUDGET, `${scriptBytes + index} bytes gzipped, over ${BUDGET}`);
});

test("each query of the relevance table, typed in the header box, loads under 60 KB gzipped, texts of the results shown included", async (t) => {
  const { queries } = JSON.parse(fs.readFileSync(path.join(REPO, "tests/fixtures/search_relevance.json"), "utf8"));
  let worst = { bytes: 0 };
  for (const [query] of queries) {
    const { engine, loaded } = siteEngine(SITE);
    await engine.search(query, { limit: 6 }); // the header box shows six pages
    const bytes = scriptBytes + loaded.reduce((sum, f) => sum + f.gzipped, 0);
    if (bytes > worst.bytes) worst = { bytes, query, files: loaded.length };
  }
  t.diagnostic(`largest: ${JSON.stringify(worst.query)}, ${worst.files} files, ${worst.bytes} bytes gzipped with the scripts`);
  assert.ok(worst.bytes < BUDGET, `${JSON.stringify(worst.query)} loads ${worst.bytes} bytes gzipped, over ${BUDGET}`);
});
