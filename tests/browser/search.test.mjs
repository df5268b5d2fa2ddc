// Search in a real browser (Debian's Chromium driven by playwright-core): the built site opened
// from file:// and served over HTTP under a sub-path, typed into as a visitor would.
// Needs a built site: `portail build` into public/, or PORTAIL_SITE=DIR as tests/run sets it.
// PORTAIL_SEARCH_BENCH_INDEX=FILE also times a large index served in place of the real one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SITE = path.resolve(process.env.PORTAIL_SITE || process.env.PORTAIL_PUBLIC || path.join(REPO, "public"));
const BENCH_INDEX = process.env.PORTAIL_SEARCH_BENCH_INDEX;
const SUB_PATH = "/sous/chemin/";
const built = fs.existsSync(path.join(SITE, "search-index.js"));
const skip = built ? false : `no built site at ${SITE}: run \`portail build\` first`;

let browser;
let server;
let httpRoot;

/** Serves SITE under SUB_PATH on the loopback interface; nothing outside SITE. */
function serve(indexOverride) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
  return new Promise((resolve) => {
    const s = http.createServer((request, response) => {
      const url = new URL(request.url, "http://localhost");
      const relative = decodeURIComponent(url.pathname).slice(SUB_PATH.length);
      let file = path.resolve(SITE, relative);
      if (!url.pathname.startsWith(SUB_PATH) || !file.startsWith(SITE + path.sep)) {
        response.writeHead(404).end();
        return;
      }
      if (indexOverride && relative === "search-index.js") file = indexOverride;
      fs.readFile(file, (error, bytes) => {
        if (error) response.writeHead(404).end();
        else response.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(bytes);
      });
    });
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}

before(async () => {
  if (!built) return;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  server = await serve(null);
  httpRoot = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that fails the test on any script error and records every request. */
async function open(url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  // Failed loads are reported with their URL below; the browser's own /favicon.ico is no page's.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
  page.on("requestfailed", (r) => errors.push(`failed ${r.url()}`));
  await page.goto(url);
  return { page, requests, errors, close: () => context.close() };
}

const fileUrl = (relative) => pathToFileURL(path.join(SITE, relative)).href;
const headerBox = "#recherche-entete";
const options = "#recherche-entete-suggestions [role=option]";

async function suggestions(page) {
  return page.$$eval(options, (list) => list.map((o) => ({ id: o.id, href: o.getAttribute("data-href"), text: o.textContent })));
}

function assertLocal(requests, origin) {
  const foreign = requests.filter((u) => !(u.startsWith("file://") || u.startsWith(origin) || u.startsWith("data:")));
  assert.deepEqual(foreign, [], "no request leaves the site");
}

test("header box from file://: lazy index, results, keyboard", { skip }, async () => {
  const { page, requests, errors, close } = await open(fileUrl("index.html"));
  try {
    assert.equal(await page.evaluate(() => typeof window.PORTAIL_SEARCH_INDEX), "undefined");
    assert.ok(!requests.some((u) => u.endsWith("search-index.js")), "index not loaded before searching");

    await page.focus(headerBox);
    await page.waitForFunction(() => window.PORTAIL_SEARCH_INDEX !== undefined);
    await page.keyboard.type("FIR");
    await page.waitForSelector(options);
    const list = await suggestions(page);
    assert.match(list[0].href, /leviers\/fir\/index\.html$/);
    assert.match(list[0].text, /FIR/);
    assert.equal(await page.getAttribute(headerBox, "aria-expanded"), "true");
    assert.match(await page.textContent("#recherche-entete-suggestions mark"), /FIR/i);

    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getAttribute(headerBox, "aria-activedescendant"), list[0].id);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getAttribute(headerBox, "aria-activedescendant"), list[1].id);
    assert.equal(await page.getAttribute(`#${list[1].id}`, "aria-selected"), "true");
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.getAttribute(headerBox, "aria-activedescendant"), list[0].id);

    await page.keyboard.press("Escape");
    assert.equal(await page.getAttribute(headerBox, "aria-expanded"), "false");
    assert.equal(await page.getAttribute(headerBox, "aria-activedescendant"), null);

    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(/leviers\/fir\/index\.html$/), page.keyboard.press("Enter")]);
    assertLocal(requests, "file://");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("search page from file://: ?q= deep link, marks, count, arrow keys", { skip }, async () => {
  const { page, requests, errors, close } = await open(fileUrl("recherche/index.html") + "?q=evaluation");
  try {
    await page.waitForSelector("#recherche-resultats a");
    assert.equal(await page.inputValue("#recherche-page"), "evaluation");
    const hrefs = await page.$$eval("#recherche-resultats a", (links) => links.map((a) => a.getAttribute("href")));
    assert.match(hrefs[0], /^\.\.\/actualites\/evaluation-esp-clip\/index\.html/);
    assert.ok((await page.$$("#recherche-resultats mark")).length > 0);
    await page.waitForFunction(() => /résultats? pour « evaluation »/.test(document.querySelector("#recherche-statut").textContent));

    await page.focus("#recherche-page");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), hrefs[0]);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), hrefs[1]);
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement.id), "recherche-page");

    await page.fill("#recherche-page", "51");
    await page.waitForFunction(() => /article-51/.test(document.querySelector("#recherche-resultats a")?.getAttribute("href")));
    assertLocal(requests, "file://");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("over HTTP under a sub-path: relative URLs resolve below it", { skip }, async () => {
  const { page, requests, errors, close } = await open(httpRoot + "leviers/fir/index.html");
  try {
    await page.focus(headerBox);
    await page.keyboard.type("article 51");
    await page.waitForFunction(() => /article-51/.test(document.querySelector("#recherche-entete-suggestions [role=option]")?.getAttribute("data-href")));
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(httpRoot + "leviers/article-51/index.html"), page.keyboard.press("Enter")]);
    assert.ok(requests.includes(httpRoot + "search-index.js"));
    assertLocal(requests, httpRoot.slice(0, -SUB_PATH.length + 1));

    // Enter with no option chosen submits to the search page, which shows the results.
    await page.fill(headerBox, "conference financeurs");
    await Promise.all([page.waitForURL(/recherche\/index\.html\?q=conference\+financeurs$/), page.press(headerBox, "Enter")]);
    await page.waitForSelector("#recherche-resultats a");
    assert.match(await page.getAttribute("#recherche-resultats a", "href"), /conference-des-financeurs/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("markup typed as a query is shown as text, never run", { skip }, async () => {
  const { page, errors, close } = await open(fileUrl("recherche/index.html"));
  try {
    const attack = `<img src=x onerror="window.__pwned=1">fir`;
    await page.fill("#recherche-page", attack);
    await page.waitForFunction((text) => document.querySelector("#recherche-statut").textContent.includes(text), attack);
    assert.equal(await page.$$eval("main img", (images) => images.length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("without JavaScript the search page offers the A–Z plan and the glossary", { skip }, async () => {
  const { page, close } = await open(fileUrl("recherche/index.html"), { javaScriptEnabled: false });
  try {
    const hrefs = await page.$$eval("main a", (links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.some((h) => /plan\/index\.html$/.test(h)), "link to the A–Z plan");
    assert.ok(hrefs.some((h) => /glossaire\/index\.html$/.test(h)), "link to the glossary");
    assert.match(await page.textContent("main noscript"), /JavaScript/);
    // The header form still leads to the search page.
    assert.match(await page.getAttribute("form.search-box", "action"), /recherche\/index\.html$/);
  } finally {
    await close();
  }
});

/** Milliseconds from a keystroke to rendered results, first (with loading) and warm. */
async function timeKeystrokes(url, queries) {
  const { page, close } = await open(url);
  try {
    return await page.evaluate(async (words) => {
      const input = document.querySelector("#recherche-entete");
      const list = document.querySelector("#recherche-entete-suggestions");
      const times = [];
      for (const word of words) {
        const start = performance.now();
        input.value = word;
        input.dispatchEvent(new Event("input"));
        // Results render in a promise callback: wait for the first option to appear.
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (list.querySelector("[role=option]")) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(list, { childList: true });
        });
        times.push(Math.round((performance.now() - start) * 10) / 10);
        list.textContent = "";
      }
      return times;
    }, queries);
  } finally {
    await close();
  }
}

test("timing: keystroke to results (reported, not asserted)", { skip }, async (t) => {
  const queries = ["fi", "fir", "evaluation", "achats innovants", "conference financeurs"];
  const times = await timeKeystrokes(fileUrl("index.html"), queries);
  t.diagnostic(`real site, file://: first keystroke incl. index load ${times[0]} ms; then ${times.slice(1).join(", ")} ms`);
  if (BENCH_INDEX) {
    const bench = await serve(BENCH_INDEX);
    try {
      const url = `http://127.0.0.1:${bench.address().port}${SUB_PATH}index.html`;
      const big = await timeKeystrokes(url, queries);
      t.diagnostic(`${BENCH_INDEX} over HTTP: first keystroke incl. index load ${big[0]} ms; then ${big.slice(1).join(", ")} ms`);
    } finally {
      bench.close();
    }
  }
});
