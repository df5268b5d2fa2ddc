// Loads the browser's search scripts into a node vm context, in the order search.js loads
// them, so node tests exercise the exact code visitors run.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const ENGINE_SCRIPTS = [
  "elasticlunr.min.js",
  "search-stemmer-fr.js",
  "search-pipeline.js",
  "search-core.js",
];

/** A fresh global scope with the search scripts run in it, plus `extraScripts` (paths). */
export function loadClient(extraScripts = []) {
  const context = vm.createContext({ console });
  context.window = context;
  const files = ENGINE_SCRIPTS.map((name) => path.join(REPO, "static", name)).concat(extraScripts);
  for (const file of files) {
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  return context;
}
