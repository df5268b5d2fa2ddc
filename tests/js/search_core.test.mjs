// static/search-core.js on small hand-made indexes: decoding, ranking rules, glossary,
// highlighting. (The real site's relevance is search_relevance.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { loadClient } from "./client.mjs";

const plain = (value) => JSON.parse(JSON.stringify(value));

/**
 * The files of search/ for `pages` ({url, title, sections: [[anchor, heading, text]]}), written
 * as src/search/shards.rs writes them (weights simplified: 4 per occurrence, +16 in a title or
 * heading), with every term in shard 0 or, past `split`, shard 1.
 */
function files(pages, { glossary = [], split = "\uffff" } = {}) {
  const context = loadClient();
  const { PortailSearchPipeline: pipeline } = context;
  const postings = new Map();
  let sections = 0;
  pages.forEach((page, p) => {
    page.sections.forEach(([, heading, text], s) => {
      sections++;
      const weights = new Map();
      const bump = (term, w) => weights.set(term, Math.min(26, (weights.get(term) || 0) + w));
      for (const t of pipeline.analyze(text)) bump(t, 4);
      for (const t of pipeline.analyze(heading || "")) bump(t, 16);
      if (s === 0) for (const t of pipeline.analyze(page.title)) bump(t, 16);
      for (const [term, w] of weights) {
        if (!postings.has(term)) postings.set(term, []);
        postings.get(term).push([p, s, w]);
      }
    });
  });
  const encode = (list) => {
    let out = "";
    let previous = null;
    for (const [p, s, w] of list) {
      if (previous === p) out += ",";
      else {
        if (previous !== null) out += " ";
        out += (p - (previous ?? 0)).toString(36) + ":";
        previous = p;
      }
      out += s.toString(36) + String.fromCharCode(64 + w);
    }
    return out;
  };
  const terms = [...postings.keys()].sort();
  const shard = (list) => ({ w: list, p: list.map((t) => encode(postings.get(t))) });
  const result = {
    "search/index.js": ["index", 0, { format: 2, pipeline: ["portail-fr-fold", "portail-fr-stop", "portail-fr-stem"], pages: pages.length, sections, shards: ["", split], glossary }],
    "search/t/0.js": ["t", 0, shard(terms.filter((t) => t < split))],
    "search/t/1.js": ["t", 1, shard(terms.filter((t) => t >= split))],
  };
  pages.forEach((page, p) => {
    result[`search/p/${p}.js`] = ["p", p, { u: page.url, t: page.title, l: "Rubrique", k: "", s: page.sections }];
  });
  const loaded = [];
  const engine = new context.PortailSearch.Engine((path) => {
    loaded.push(path);
    if (!result[path]) return Promise.reject(new Error(path));
    const [kind, number, data] = result[path];
    vm.runInContext(`PortailSearch.add(${JSON.stringify(kind)}, ${number}, ${JSON.stringify(data)})`, context);
    return Promise.resolve();
  });
  return { engine, loaded };
}

const SITE = [
  { url: "a.html", title: "Santé des jeunes", sections: [[null, null, "La santé au collège."], ["mentale", "Bien-être", "Un mot sur la santé mentale des élèves."]] },
  { url: "b.html", title: "Santé mentale", sections: [[null, null, "Tout sur la santé mentale et le soin."]] },
  { url: "c.html", title: "Une page", sections: [[null, null, "Une page mentale, sans l'autre mot, longue santé plus loin."]] },
  { url: "d.html", title: "Calendrier", sections: [[null, null, "Dates."], ["fir", "FIR", "Le fonds d'intervention régional finance."]] },
];

test("postings decode to pages, sections and weights", () => {
  const { PortailSearch } = loadClient();
  assert.deepEqual(plain(PortailSearch.decodePostings("0:0K 3:2B,11Z")), {
    pages: [0, 3, 3], sections: [0, 2, 37], levels: [11, 2, 26],
  });
});

test("edit distance counts a swap as one", () => {
  const { PortailSearch } = loadClient();
  assert.equal(PortailSearch.distance("financement", "finacnement", 2), 1);
  assert.equal(PortailSearch.distance("abc", "xyz", 1), 2, "stops past the limit");
});

test("a page with every word comes first; words side by side beat words apart", async () => {
  const { engine } = files(SITE);
  const { results, total } = await engine.search("santé mentale ");
  assert.equal(total, 3);
  assert.deepEqual(plain(results.slice(0, 3).map((r) => r.url)), ["b.html", "a.html", "c.html"]);
});

test("a page comes once, its matching sections as sub-links", async () => {
  const { engine } = files(SITE);
  const { results } = await engine.search("mentale ");
  const a = results.find((r) => r.url === "a.html");
  assert.deepEqual(plain(a.sections.map((s) => s.url)), ["a.html#mentale"]);
  assert.equal(results.filter((r) => r.url === "a.html").length, 1);
});

test("only the shards of the query's words load, and the texts of the pages shown", async () => {
  const { engine, loaded } = files(SITE, { split: "m" });
  await engine.search("fir ");
  assert.deepEqual(plain(loaded), ["search/index.js", "search/t/0.js", "search/p/3.js"]);
});

test("the glossary: acronym finds the expansion, expansion finds the acronym", async () => {
  const glossary = [["fir", ["fond", "intervent", "regional"]]];
  const { engine } = files(SITE, { glossary });
  const byExpansion = await engine.search("fonds d'intervention régional");
  assert.equal(byExpansion.results[0].url, "d.html");
  const byAcronym = await engine.search("FIR ");
  const marked = byAcronym.results[0].sections[0].snippetParts.filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(plain(marked), ["fonds", "intervention", "régional"]);
});

test("typos and words being typed still find the page", async () => {
  const { engine } = files(SITE);
  assert.equal((await engine.search("mentlae ")).results[0].url, "b.html");
  assert.equal((await engine.search("calendr")).results[0].url, "d.html");
});

test("markup in the text stays text in the parts", async () => {
  const { engine } = files([{ url: "x.html", title: "<b>FIR</b>", sections: [[null, null, "<img src=x onerror=alert(1)> FIR"]] }]);
  const [first] = (await engine.search("FIR ")).results;
  assert.equal(first.titleParts.map((p) => p.text).join(""), "<b>FIR</b>");
  assert.ok(first.snippetParts.some((p) => p.mark && p.text === "FIR"));
});

test("a long text with no space after its start gives a snippet cut inside the word (it used to hang)", async () => {
  const body = Array.from({ length: 40 }, (_, i) => `mot${i}`).join("/") + "/financement/fin";
  const { engine } = files([{ url: "x.html", title: "Titre", sections: [[null, null, body]] }]);
  const [first] = (await engine.search("financement ")).results;
  const snippet = first.snippetParts.map((p) => p.text).join("");
  assert.ok(snippet.startsWith("…") && snippet.endsWith("financement/fin"), snippet);
  assert.ok(first.snippetParts.some((p) => p.mark && p.text === "financement"));
});
