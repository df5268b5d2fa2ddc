// static/search-core.js on small hand-made sites: decoding, ranking rules, highlighting.
// (The real site's relevance is search_relevance.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadClient } from "./client.mjs";

const client = loadClient();
const { PortailSearch, PortailSearchPipeline: pipeline } = client;
const FIELDS = ["title", "keywords", "body"];

/** search-index.js's payload for `docs`, encoded as src/search/compact.rs does. */
function payload(docs) {
  const tokens = {};
  for (const field of FIELDS) {
    const postings = new Map();
    docs.forEach((doc, n) => {
      const counts = new Map();
      for (const t of pipeline.analyze(doc[field] || "")) counts.set(t, (counts.get(t) || 0) + 1);
      for (const [t, count] of counts) postings.set(t, [...(postings.get(t) || []), [n, count]]);
    });
    const words = [...postings.keys()].sort();
    const lists = words.map((w) => {
      let previous = 0;
      return postings.get(w).map(([n, count]) => {
        const gap = (n - previous).toString(36);
        previous = n;
        return count > 1 ? `${gap}*${count.toString(36)}` : gap;
      }).join(",");
    });
    tokens[field] = { words: words.join(" "), postings: lists.join(" ") };
  }
  const sections = [...new Set(docs.map((d) => d.section))];
  return {
    format: 1,
    boosts: { title: 6, keywords: 3, body: 1 },
    docs: {
      url: docs.map((d) => d.url),
      title: docs.map((d) => d.title),
      sections,
      sectionOf: docs.map((d) => sections.indexOf(d.section)),
      excerpt: docs.map((d) => d.body),
    },
    index: {
      version: "0.9.5",
      ref: "id",
      fields: FIELDS,
      pipeline: ["portail-fr-fold", "portail-fr-stop", "portail-fr-stem"],
      lengths: docs.map((d) => FIELDS.map((f) => pipeline.analyze(d[f] || "").length)),
      tokens,
    },
  };
}

const SITE = [
  { url: "actualites/eval/index.html", title: "Évaluation des projets", section: "Actualités", body: "L'ARS fait évaluer les équipes." },
  { url: "leviers/fir/index.html", title: "Subvention FIR", section: "Levier · FIR", body: "", keywords: "FIR fonds d'intervention régional" },
  { url: "leviers/fir/index.html#calendrier", title: "Subvention FIR — Calendrier", section: "Levier · FIR", body: "Le FIR finance un an." },
  { url: "leviers/fir/index.html#montants", title: "Subvention FIR — Montants", section: "Levier · FIR", body: "Le FIR paie 40 000 €." },
  { url: "glossaire/index.html#fir", title: "FIR — Fonds d'intervention régional", section: "Glossaire", body: "Fonds des ARS." },
  { url: "glossaire/index.html#fir", title: "FIR — Fonds d'intervention régional", section: "Glossaire", body: "Fonds des ARS." },
];
const engine = new PortailSearch.Engine(payload(SITE));
const urls = (results) => Array.from(results, (r) => r.url);

test("decodeIndex rebuilds elasticlunr's trie, frequencies and field lengths", () => {
  const decoded = PortailSearch.decodeIndex(payload(SITE).index);
  const fir = decoded.index.body.root.f.i.r;
  assert.equal(fir.df, 2);
  assert.deepEqual(JSON.parse(JSON.stringify(fir.docs)), { 2: { tf: 1 }, 3: { tf: 1 } });
  assert.deepEqual(JSON.parse(JSON.stringify(decoded.index.body.root.f.docs)), {}, "inner nodes have no documents");
  assert.equal(decoded.documentStore.length, SITE.length);
  assert.deepEqual(JSON.parse(JSON.stringify(decoded.documentStore.docInfo[1])), { title: 2, keywords: 4, body: 0 });
});

test("a token repeated in a field decodes to tf = √count", () => {
  const twice = payload([{ url: "a", title: "FIR FIR", section: "s", body: "" }]);
  assert.equal(twice.index.tokens.title.postings, "0*2");
  const decoded = PortailSearch.decodeIndex(twice.index);
  assert.equal(decoded.index.title.root.f.i.r.docs[0].tf, Math.SQRT2);
});

test("a page's own entry comes before its sections and the glossary", () => {
  assert.equal(engine.search("FIR")[0].url, "leviers/fir/index.html");
});

test("a URL listed twice appears once", () => {
  const list = urls(engine.search("fonds intervention"));
  assert.equal(list.filter((u) => u === "glossaire/index.html#fir").length, 1);
});

test("at most two entries of one page before other pages", () => {
  const list = urls(engine.search("FIR"));
  const third = list.findIndex((u, i) => i > 0 && list.slice(0, i).filter((v) => v.startsWith("leviers/fir/")).length === 2);
  assert.ok(third >= 0 && !list[third].startsWith("leviers/fir/"), JSON.stringify(list));
  assert.equal(list.length, 4, "every match is still listed");
});

test("a word still being typed finds the words it starts", () => {
  assert.equal(engine.search("evaluat")[0].url, "actualites/eval/index.html");
  assert.equal(engine.search("financ")[0].url, "leviers/fir/index.html#calendrier");
});

test("thousands written with spaces match the number typed without", () => {
  assert.equal(engine.search("40000")[0].url, "leviers/fir/index.html#montants");
});

test("queries with nothing to look for give no results", () => {
  assert.equal(engine.search("").length, 0);
  assert.equal(engine.search("le la des").length, 0);
  assert.equal(engine.search("xyzzy").total, 0);
});

test("matched words are marked in titles and snippets, accents and case ignored", () => {
  const [first] = engine.search("EVALUATION");
  const marked = (parts) => Array.from(parts).filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked(first.titleParts), ["Évaluation"]);
  assert.deepEqual(marked(first.snippetParts), ["évaluer"]);
  assert.equal(Array.from(first.titleParts).map((p) => p.text).join(""), "Évaluation des projets");
});

test("a snippet whose first match lies far in starts near it", () => {
  const body = `${"Introduction générale du dispositif régional ".repeat(4)}puis le calendrier précis.`;
  const site = new PortailSearch.Engine(payload([{ url: "a", title: "Page", section: "s", body }]));
  const [result] = site.search("calendrier");
  const text = Array.from(result.snippetParts).map((p) => p.text).join("");
  assert.ok(text.startsWith("…"), text);
  assert.ok(text.endsWith("puis le calendrier précis."), text);
});

test("an index of another format is refused", () => {
  assert.throws(() => new PortailSearch.Engine({ format: 99 }), /format/);
  assert.throws(() => new PortailSearch.Engine(undefined), /format/);
});
