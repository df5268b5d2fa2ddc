// The 404 page as a real host serves it: nginx, GitHub Pages or Netlify answer any missing
// address, at any depth under the portal's sub-path, with the portal's 404.html. With base_url
// set in portail.toml it is styled and every link works from there; without it, it stands
// alone (no style sheet, script or link to get wrong), reads well and says how to set base_url.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { REPO, TYPES, launch, guardedPage, listen, portailBinary, copySite } from "./helpers.mjs";

const PREFIX = "/portail/sous-dossier/";
const MISSING = "leviers/ancien/dossier/page-disparue.html";
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

/** A copy of the portal's site, built from its own folder (as editors run it) into public/. */
function buildSite(baseUrl) {
  const root = copySite("portail-404-");
  let config = fs.readFileSync(path.join(REPO, "portail.toml"), "utf8");
  config = config.replace(/^# base_url = .*$/m, baseUrl ? `base_url = "${baseUrl}"` : "");
  fs.writeFileSync(path.join(root, "portail.toml"), config);
  execFileSync(portailBinary(), ["build", "--date", "2026-11-22"], { cwd: root, stdio: "pipe" });
  return { root, out: path.join(root, "public") };
}

/** A host in the manner of nginx `error_page 404 /…/404.html`: the site under PREFIX, and
 *  404.html with status 404 for any missing address under it. */
async function host() {
  const state = { dir: null };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    rel = rel.slice(PREFIX.length);
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(state.dir, rel);
    const headers = { "Content-Security-Policy": CSP };
    if (!file.startsWith(state.dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { ...headers, "Content-Type": TYPES[".html"] });
      fs.createReadStream(path.join(state.dir, "404.html")).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  const origin = `http://127.0.0.1:${await listen(server)}`;
  return { state, origin, base: origin + PREFIX, close: () => new Promise((r) => server.close(r)) };
}

let browser, server;
const built = [];
before(async () => { browser = await launch(); server = await host(); });
after(async () => {
  await browser?.close();
  await server?.close();
  for (const root of built) fs.rmSync(root, { recursive: true, force: true });
});

test("with base_url, a missing address three folders deep gets the styled 404 page whose links all work", async () => {
  const { root, out } = buildSite(server.base);
  built.push(root);
  server.state.dir = out;
  const { context, page, outside, errors } = await guardedPage(browser, server.origin);
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto(server.base + MISSING);
  assert.equal(response.status(), 404);
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator("h1").innerText(), "Page introuvable");
  // Styled: the site's style sheet loaded and applies (the header is laid out by it).
  const sheet = await page.evaluate(() => [...document.styleSheets].map((s) => s.href));
  assert.deepEqual(sheet, [server.base + "static/site.css", server.base + "static/impression.css"]);
  const rules = await page.evaluate(() => document.styleSheets[0].cssRules.length);
  assert.ok(rules > 20, `style sheet applied (${rules} rules)`);
  const skipHidden = await page.evaluate(() => {
    const r = document.querySelector("a.skip").getBoundingClientRect();
    return r.bottom <= 0 || r.right <= 0 || r.width <= 1;
  });
  assert.ok(skipHidden, "the skip link is moved off screen by the style sheet");
  // Every link of the page (menu, home, plan, search, feed, data) answers 200.
  const links = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => /** @type {HTMLAnchorElement} */ (a).href));
  const internal = links.filter((h) => !h.includes("#"));
  assert.ok(internal.length >= 10, `menu and footer links present: ${internal.length}`);
  for (const href of internal) {
    assert.ok(href.startsWith(server.base), `absolute link under the sub-path: ${href}`);
    const r = await page.request.get(href);
    assert.equal(r.status(), 200, href);
  }
  // The search box submits to the search page, and the home link leads home.
  const action = await page.evaluate(() => /** @type {HTMLFormElement} */ (document.querySelector("form[role=search]")).action);
  assert.equal(action, server.base + "recherche/index.html");
  await page.getByRole("link", { name: "Revenir à l'accueil" }).click();
  await page.waitForLoadState("load");
  assert.equal(page.url(), server.base + "index.html");
  assert.deepEqual(outside, []);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test("without base_url, the 404 page at depth is readable unstyled, has nothing to break, and says how to set base_url", async () => {
  const { root, out } = buildSite(null);
  built.push(root);
  server.state.dir = out;
  const { context, page, outside, errors } = await guardedPage(browser, server.origin);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto(server.base + MISSING);
  assert.equal(response.status(), 404);
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator("h1").innerText(), "Page introuvable");
  const counts = await page.evaluate(() => ({
    sheets: document.styleSheets.length,
    scripts: document.scripts.length,
    inlineStyles: document.querySelectorAll("[style], style").length,
    links: document.querySelectorAll("a[href], link[href], img, form").length,
  }));
  assert.deepEqual(counts, { sheets: 0, scripts: 0, inlineStyles: 0, links: 0 });
  // Only the page itself was requested: no style sheet or script looked up in the wrong folder.
  assert.deepEqual(requests, [server.base + MISSING]);
  const text = await page.locator("body").innerText();
  assert.match(text, /aucune page du portail/);
  assert.match(text, /revenez à la page d'accueil du portail/);
  assert.match(text, /base_url = "https:\/\/www\.exemple\.fr\/portail\/"/);
  assert.match(text, /portail build/);
  // Readable unstyled: the browser's own defaults keep a legible size and the text in French.
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("p")).fontSize));
  assert.ok(size >= 16, `text size ${size}px`);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
