// The shared fixture through the browser pipeline (static/search-pipeline.js).
// tests/search_pipeline.rs runs the same file through the Rust pipeline.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, loadClient } from "./client.mjs";

const fixture = JSON.parse(
  fs.readFileSync(path.join(REPO, "tests/fixtures/french_tokens.json"), "utf8"),
);
const client = loadClient();
const pipeline = client.PortailSearchPipeline;

test("every fixture case gives its tokens", () => {
  const failures = fixture.cases
    .map((c) => ({ ...c, actual: Array.from(pipeline.analyze(c.input)) }))
    .filter((c) => JSON.stringify(c.actual) !== JSON.stringify(c.tokens))
    .map((c) => `[${c.group}] ${JSON.stringify(c.input)}: expected ${JSON.stringify(c.tokens)}, got ${JSON.stringify(c.actual)}`);
  assert.deepEqual(failures, []);
});

test("word by word, the pipeline gives the same terms as on the whole text", () => {
  for (const c of fixture.cases) {
    const terms = Array.from(pipeline.words(c.input), (w) => pipeline.analyzeToken(w.token)).filter((t) => t !== null);
    assert.deepEqual(terms, Array.from(c.tokens), c.input);
  }
});

test("the stop word list is sorted, unique and folded like the Rust one", () => {
  const words = Array.from(pipeline.STOP_WORDS);
  assert.deepEqual(words, [...new Set(words)].sort());
  for (const word of words) assert.equal(pipeline.fold(word), word);
});

test("word offsets cover the original text, digit groups included", () => {
  const text = "Seuil : 40 000 € pour l’ARS";
  const words = Array.from(pipeline.words(text), (w) => Array.from(text).slice(w.start, w.end).join(""));
  assert.deepEqual(words, ["Seuil", "40 000", "pour", "l", "ARS"]);
});
