// The search payload of the built site stays small: everything a visitor downloads to search
// (index + scripts), gzipped as a static server sends it, under the 60 KB budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { REPO, ENGINE_SCRIPTS } from "./client.mjs";

const BUDGET = 60_000; // bytes: the stricter reading of "60 KB"
const site = process.env.PORTAIL_SITE || process.env.PORTAIL_PUBLIC || path.join(REPO, "public");
const indexFile = path.join(site, "search-index.js");
const skip = fs.existsSync(indexFile) ? false : `no built site at ${site}: run \`portail build\` first`;

test("index and scripts weigh under 60 KB gzipped", { skip }, (t) => {
  const files = [indexFile, ...["search.js", ...ENGINE_SCRIPTS].map((name) => path.join(site, "static", name))];
  const sizes = files.map((file) => {
    const bytes = fs.readFileSync(file);
    return { file: path.basename(file), raw: bytes.length, gzipped: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
  for (const s of sizes) t.diagnostic(`${s.file}: ${s.raw} bytes, ${s.gzipped} gzipped`);
  t.diagnostic(`total ${total} bytes gzipped (budget ${BUDGET})`);
  assert.ok(total < BUDGET, `search payload ${total} bytes gzipped, over ${BUDGET}`);
});
