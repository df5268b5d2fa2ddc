// Relevance of search on the real site: the queries of tests/fixtures/search_relevance.json,
// each with the page a person means, which must come among the first three results. Runs the
// browser's own scripts (search-core.js…) against the BUILT site's search/ folder
// (PORTAIL_SITE=DIR, as tests/run sets it, or public/): build it first, or this fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, SITE, requireBuiltSite, siteEngine } from "./client.mjs";

requireBuiltSite();
const { queries: TABLE } = JSON.parse(fs.readFileSync(path.join(REPO, "tests/fixtures/search_relevance.json"), "utf8"));
const { engine } = siteEngine(SITE);

const page = (url) => url.split("#")[0];

test("the relevance table holds at least 80 queries, of every kind", () => {
  assert.ok(TABLE.length >= 80, `${TABLE.length} queries`);
  const queries = TABLE.map(([q]) => q);
  assert.ok(queries.filter((q) => q.trim().includes(" ")).length >= 40, "multi-word queries");
  assert.ok(queries.some((q) => /^(comment|que|quel)/.test(q)), "questions");
});

test("each query puts its expected page in the first three", async (t) => {
  const failures = [];
  let passed = 0;
  let first = 0;
  for (const [query, expected, why] of TABLE) {
    const { results } = await engine.search(query, { limit: 3 });
    const got = results.map((r) => page(r.url));
    if (got[0] === expected) first++;
    if (got.includes(expected)) passed++;
    else failures.push(`${JSON.stringify(query)} (${why}): expected ${expected}, got ${JSON.stringify(got)}`);
  }
  t.diagnostic(`relevance: ${passed}/${TABLE.length} queries with the expected page in the top 3, ${first} first`);
  assert.deepEqual(failures, []);
});

test("every expected page exists on the site", () => {
  for (const [, expected] of TABLE) assert.ok(fs.existsSync(path.join(SITE, expected)), expected);
});

test("a page comes once, with its best sections as links to their anchors", async () => {
  const { results } = await engine.search("CNSA", { limit: 10 });
  const pages = results.map((r) => r.url);
  assert.equal(new Set(pages).size, pages.length, "no page twice");
  assert.ok(pages.every((u) => !u.includes("#")), "results are pages");
  const glossary = results.find((r) => r.url === "glossaire/index.html");
  assert.ok(glossary, "the glossary defines CNSA");
  assert.equal(glossary.sections[0].url, "glossaire/index.html#cnsa");
});

test("pages holding every word come before pages holding some", async () => {
  const { results } = await engine.search("prévention des chutes perte autonomie", { limit: 1 });
  assert.equal(results[0].url, "leviers/conference-des-financeurs/index.html");
  const { results: both } = await engine.search("souffrance psychique", { limit: 1 });
  const marked = both[0].snippetParts.filter((p) => p.mark).map((p) => p.text.toLowerCase());
  assert.equal(marked.slice(0, 2).join(" "), "souffrance psychique", "snippet at the passage with both words");
});

test("the glossary works both ways: acronym ↔ expansion", async () => {
  // The ESP-CLIP update writes « Fonds d'intervention régional », never the acronym alone there.
  const byAcronym = await engine.search("FIR", { limit: 10 });
  const update = byAcronym.results.find((r) => r.url === "actualites/evaluation-esp-clip/index.html");
  assert.ok(update, "FIR finds a page that spells the fund out");
  const marked = update.snippetParts.filter((p) => p.mark).map((p) => p.text).join(" ");
  assert.match(marked, /Fonds|FIR/);
  const byExpansion = await engine.search("caisse nationale de solidarité pour l'autonomie", { limit: 3 });
  assert.equal(byExpansion.results[0].url, "leviers/conference-des-financeurs/index.html");
});

test("snippets come from the matching passage, words marked, no title glued on", async () => {
  const { results } = await engine.search("visioconférence sécurisée", { limit: 1 });
  const [first] = results;
  assert.equal(first.url, "leviers/achats-innovants/index.html");
  const text = first.snippetParts.map((p) => p.text).join("");
  assert.match(text, /visioconférence sécurisée/);
  assert.ok(first.snippetParts.some((p) => p.mark && /visioconf/i.test(p.text)));
  for (const r of (await engine.search("CPOM", { limit: 5 })).results) {
    const snippet = r.snippetParts.map((p) => p.text).join("");
    assert.ok(!snippet.startsWith(r.title), `${r.url}: snippet repeats the title`);
  }
});

test("more results are there to show: « voir plus » gets the next ones", async () => {
  const few = await engine.search("santé", { limit: 10 });
  const more = await engine.search("santé", { limit: 20 });
  assert.ok(few.total > 10, `${few.total} pages`);
  assert.equal(more.results.length, Math.min(20, more.total));
  assert.equal(new Set(more.results.map((r) => r.url)).size, more.results.length);
});

test("a query of stop words or nonsense finds nothing", async () => {
  assert.equal((await engine.search("de la les")).results.length, 0);
  assert.equal((await engine.search("zzzzqx")).results.length, 0);
});
