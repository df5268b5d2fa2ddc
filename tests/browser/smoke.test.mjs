// Opens the built home page from disk and over HTTP under a sub-path, then follows every
// internal link: each must reach an existing page, with no request to any other host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SITE, startServer, fileBase, launch, guardedPage } from "./helpers.mjs";

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Breadth-first crawl of every page reachable from the home page. */
async function crawl(base, allowedOrigin) {
  const { context, page, outside, errors } = await guardedPage(browser, allowedOrigin);
  const start = base + "index.html";
  const seen = new Set([start]);
  const queue = [start];
  const broken = [];
  while (queue.length) {
    const url = queue.shift();
    const response = await page.goto(url);
    if (url.startsWith("http") && (!response || response.status() !== 200)) { broken.push(`${url} → ${response?.status()}`); continue; }
    const title = await page.title();
    if (!title || /introuvable/i.test(title)) { broken.push(`${url} → « ${title} »`); continue; }
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
    for (const href of hrefs) {
      const clean = href.split("#")[0];
      if (!clean.startsWith(base) || seen.has(clean)) continue;
      if (clean.endsWith("/")) { broken.push(`${url} → lien vers un dossier ${clean}`); continue; }
      seen.add(clean);
      if (clean.endsWith(".html")) queue.push(clean);
    }
  }
  await context.close();
  return { pages: seen.size, broken, outside, errors };
}

test("every page is reachable from file:// with no broken link and no outside request", async () => {
  const r = await crawl(fileBase(SITE));
  assert.deepEqual(r.broken, []);
  assert.deepEqual(r.outside, []);
  assert.ok(r.pages > 30, `only ${r.pages} pages reached`);
});

test("every page is reachable over HTTP under a sub-path", async () => {
  const r = await crawl(server.base, server.base.replace(/\/sous\/chemin\/$/, ""));
  assert.deepEqual(r.broken, []);
  assert.deepEqual(r.outside, []);
  assert.deepEqual(r.errors, []);
  assert.ok(r.pages > 30, `only ${r.pages} pages reached`);
});
