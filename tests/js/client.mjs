// Loads the browser's search scripts into a node vm context, in the order search.js loads
// them, so node tests exercise the exact code visitors run; and an engine over a built site's
// search/ folder whose loader runs each file in that context, as a <script> element would,
// counting the bytes it loads.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const ENGINE_SCRIPTS = ["search-stemmer-fr.js", "search-pipeline.js", "search-core.js"];

/** The built site the tests read: PORTAIL_SITE (tests/run sets it) or public/. */
export const SITE = path.resolve(process.env.PORTAIL_SITE || process.env.PORTAIL_PUBLIC || path.join(REPO, "public"));

/** Fails, with the command to run, when the site has not been built. */
export function requireBuiltSite(site = SITE) {
  const manifest = path.join(site, "search", "index.js");
  if (!fs.existsSync(manifest)) {
    throw new Error(`no built site at ${site} (missing search/index.js): run \`cargo run --release -- build --output ${site}\` and set PORTAIL_SITE=${site}`);
  }
  return site;
}

/**
 * A fresh global scope with the search scripts of `dir` run in it (the sources by default),
 * plus `extraScripts` (paths).
 */
export function loadClient(extraScripts = [], dir = path.join(REPO, "static")) {
  const context = vm.createContext({ console });
  context.window = context;
  const files = ENGINE_SCRIPTS.map((name) => path.join(dir, name)).concat(extraScripts);
  for (const file of files) {
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  return context;
}

export const gzipSize = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/**
 * An engine over `site`'s search files, run by the scripts the site ships (as the build strips
 * them of their comments), in a fresh context. `loaded` lists the files read ({path, raw,
 * gzipped}); `reset()` empties it.
 */
export function siteEngine(site = SITE) {
  const context = loadClient([], path.join(site, "static"));
  const loaded = [];
  const loadScript = (relative) => {
    try {
      const file = path.join(site, relative);
      const bytes = fs.readFileSync(file);
      loaded.push({ path: relative, raw: bytes.length, gzipped: gzipSize(bytes) });
      vm.runInContext(bytes.toString("utf8"), context, { filename: file });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const engine = new context.PortailSearch.Engine(loadScript);
  return { engine, context, loaded, reset: () => loaded.splice(0) };
}
