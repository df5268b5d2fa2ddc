// Relevance of search on the real site: French queries and the page each must put first.
// Loads the BUILT site's search-index.js (`portail build`, by default into public/; another
// folder with PORTAIL_SITE=DIR, as tests/run sets it) and the same scripts the browser runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, loadClient } from "./client.mjs";

const site = process.env.PORTAIL_SITE || process.env.PORTAIL_PUBLIC || path.join(REPO, "public");
const indexFile = path.join(site, "search-index.js");
const built = fs.existsSync(indexFile);
const skip = built ? false : `no built site at ${site}: run \`portail build\` first`;

// [query, expected first result, why]. A result matches when its URL is the expected one, or
// when the expected URL names a page (no #anchor) and the result is a section of that page.
const TABLE = [
  ["FIR", "leviers/fir/index.html", "acronym of a lever"],
  ["fir", "leviers/fir/index.html", "acronym typed in lower case"],
  ["fonds d'intervention régional", "leviers/fir/index.html", "expansion with an elision"],
  ["51", "leviers/article-51/index.html", "a bare number"],
  ["article 51", "leviers/article-51/index.html", "lever by its usual name"],
  ["LFSS 2018", "leviers/article-51/index.html", "acronym and year"],
  ["2018", "leviers/article-51/index.html", "a year alone"],
  ["CPOM", "leviers/cpom/index.html", "acronym"],
  ["contrat pluriannuel d'objectifs", "leviers/cpom/index.html", "expansion, singular"],
  ["achats innovants", "leviers/achats-innovants/index.html", "two words, plural"],
  ["achat innovant", "leviers/achats-innovants/index.html", "singular of the title's plural"],
  ["seuil 40000", "leviers/achats-innovants/index.html", "threshold written 40 000 €"],
  ["commande publique", "leviers/achats-innovants/index.html", "theme of the lever"],
  ["conference financeurs", "leviers/conference-des-financeurs/index.html", "no accent, no article"],
  ["CNSA", "leviers/conference-des-financeurs/index.html", "funder of the lever"],
  ["TIGA", "leviers/tiga/index.html", "acronym"],
  ["Indemand", "leviers/indemand/index.html", "proper name"],
  ["MIG", "leviers/mig-cooperation-internationale/index.html", "acronym of a lever"],
  ["cooperation hospitaliere internationale", "leviers/mig-cooperation-internationale/index.html", "no accents"],
  ["AAC", "leviers/appels-a-projets/index.html", "acronym of one of three calls"],
  ["appel à manifestation d'intérêt", "leviers/appels-a-projets/index.html", "expansion with elision"],
  ["evaluation", "actualites/evaluation-esp-clip/index.html", "évaluation without accent"],
  ["ESP-CLIP", "actualites/evaluation-esp-clip/index.html", "hyphenated acronym"],
  ["IPEP", "actualites/appel-candidatures-ipep/index.html", "acronym of an update"],
  ["telemedecine", "actualites/telemedecine-ehpad-bfc/index.html", "no accents"],
  ["EHPAD télémédecine", "actualites/telemedecine-ehpad-bfc/index.html", "acronym and word"],
  ["centres de santé participatifs", "actualites/centres-sante-participatifs/index.html", "update title words"],
  ["SECURISATION DES ETABLISSEMENTS", "actualites/securisation-etablissements-bfc/index.html", "capitals, no accents"],
  ["champs de l'innovation", "champs-innovation/index.html", "elision in the query"],
  ["conditions de succès", "conditions-de-succes/index.html", "page title"],
  ["glossaire", "glossaire/index.html", "page name"],
  ["evaluat", "actualites/evaluation-esp-clip/index.html", "word still being typed"],
  ["financeu", "leviers/conference-des-financeurs/index.html", "word still being typed"],
];

const engine = built ? loadClient([indexFile]).PortailSearch.engine() : null;

function matches(url, expected) {
  return url === expected || (!expected.includes("#") && url.split("#")[0] === expected);
}

test("the relevance table is large enough", () => {
  assert.ok(TABLE.length >= 20);
});

test("each query puts its expected result first", { skip }, () => {
  const failures = [];
  for (const [query, expected, why] of TABLE) {
    const results = engine.search(query, { limit: 3 });
    const got = results.map((r) => r.url);
    if (!matches(got[0] || "", expected)) {
      failures.push(`${JSON.stringify(query)} (${why}): expected ${expected}, got ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("every expected page exists in the index", { skip }, () => {
  const urls = new Set(Array.from(engine.docs.url, (u) => u.split("#")[0]));
  for (const [, expected] of TABLE) assert.ok(urls.has(expected.split("#")[0]), expected);
});

test("results carry highlighted titles and snippets", { skip }, () => {
  const [first] = engine.search("évaluation", { limit: 1 });
  const marked = (parts) => Array.from(parts).filter((p) => p.mark).map((p) => p.text);
  assert.ok(marked(first.titleParts).length + marked(first.snippetParts).length > 0);
  for (const word of marked(first.snippetParts)) assert.match(word, /^[ée]valu/i);
});

test("a query of stop words or nonsense finds nothing", { skip }, () => {
  assert.equal(engine.search("de la les").length, 0);
  assert.equal(engine.search("zzzzqx").length, 0);
});
