// Search in a real browser (Debian's Chromium driven by playwright-core, see helpers.mjs): the
// built site opened from file:// and served over HTTP under a sub-path, typed into as a visitor
// would.
// Needs a built site: `portail build` into public/, or PORTAIL_SITE=DIR as tests/run sets it;
// fails without one. Times and bytes at scale: tests/bench/search_bench.mjs (by hand).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SITE, PREFIX, launch, startServer, fileBase, guardedPage } from "./helpers.mjs";

if (!fs.existsSync(path.join(SITE, "search", "index.js"))) {
  throw new Error(`no built site at ${SITE}: run \`cargo run --release -- build --output ${SITE}\` first`);
}
const skip = false;
const RELEVANCE = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "search_relevance.json"), "utf8")).queries;

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await startServer(SITE, PREFIX);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A guarded page (no request may leave the site) that also records the requests made, and
 * failed loads with their URL; the browser's own /favicon.ico is no page's request.
 */
async function open(url, options = {}) {
  if (options.javaScriptEnabled === false) {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const plainPage = await plain.newPage();
    await plainPage.goto(url);
    return { page: plainPage, close: () => plain.close() };
  }
  const { context, page, outside, errors } = await guardedPage(browser, new URL(server.base).origin);
  const requests = [];
  const failures = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && failures.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  const problems = () => [...outside, ...failures, ...errors.filter((e) => !e.startsWith("Failed to load resource"))];
  return { page, requests, problems, close: () => context.close() };
}

const fileUrl = (relative) => fileBase(SITE) + relative;
const headerBox = "#recherche-entete";
const options = "#recherche-entete-suggestions [role=option]";

async function suggestions(page) {
  return page.$$eval(options, (list) => list.map((o) => ({ id: o.id, href: o.getAttribute("data-href"), text: o.textContent })));
}

test("header box from file://: lazy index, results, keyboard", { skip }, async () => {
  const { page, requests, problems, close } = await open(fileUrl("index.html"));
  try {
    assert.equal(await page.evaluate(() => typeof window.PortailSearch), "undefined");
    assert.ok(!requests.some((u) => u.includes("/search/")), "index not loaded before searching");

    await page.focus(headerBox);
    await page.waitForFunction(() => window.PortailSearch !== undefined);
    await page.waitForFunction(() => document.querySelector('script[src$="search/index.js"]'));
    await page.keyboard.type("FIR");
    await page.waitForSelector(options);
    const list = await suggestions(page);
    assert.match(list[0].href, /leviers\/fir\/index\.html$/);
    // Shards and page texts load on demand, a few files, never the whole index.
    const shards = requests.filter((u) => u.includes("/search/t/"));
    const total = fs.readdirSync(path.join(SITE, "search", "t")).length;
    assert.ok(shards.length >= 1 && (total === 1 || shards.length < total), `${shards.length} of ${total} shards`);
    assert.match(list[0].text, /FIR/);
    assert.equal(await page.getAttribute(headerBox, "aria-expanded"), "true");
    // The acronym, or its expansion from the glossary (« Fonds d'intervention régional »).
    assert.match(await page.textContent("#recherche-entete-suggestions mark"), /FIR|Fonds/i);

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
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test("search page from file://: ?q= deep link, marks, count, arrow keys", { skip }, async () => {
  const { page, problems, close } = await open(fileUrl("recherche/index.html") + "?q=evaluation");
  try {
    await page.waitForSelector("#recherche-resultats a");
    assert.equal(await page.inputValue("#recherche-page"), "evaluation");
    const hrefs = await page.$$eval("#recherche-resultats a.search-result-title", (links) => links.map((a) => a.getAttribute("href")));
    assert.match(hrefs[0], /^\.\.\/actualites\/evaluation-esp-clip\/index\.html/);
    assert.ok((await page.$$("#recherche-resultats mark")).length > 0);
    await page.waitForFunction(() => /trouvées? pour « evaluation »/.test(document.querySelector("#recherche-statut").textContent));

    await page.focus("#recherche-page");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), hrefs[0]);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), hrefs[1]);
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement.id), "recherche-page");

    await page.fill("#recherche-page", "51");
    await page.waitForFunction(() => /article-51/.test(document.querySelector("#recherche-resultats a")?.getAttribute("href")));
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test("over HTTP under a sub-path: relative URLs resolve below it", { skip }, async () => {
  const { page, requests, problems, close } = await open(server.base + "leviers/fir/index.html");
  try {
    await page.focus(headerBox);
    await page.keyboard.type("article 51");
    await page.waitForFunction(() => /article-51/.test(document.querySelector("#recherche-entete-suggestions [role=option]")?.getAttribute("data-href")));
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(server.base + "leviers/article-51/index.html"), page.keyboard.press("Enter")]);
    assert.ok(requests.includes(server.base + "search/index.js"));

    // Enter with no option chosen submits to the search page, which shows the results.
    await page.fill(headerBox, "conference financeurs");
    await Promise.all([page.waitForURL(/recherche\/index\.html\?q=conference\+financeurs$/), page.press(headerBox, "Enter")]);
    await page.waitForSelector("#recherche-resultats a");
    assert.match(await page.getAttribute("#recherche-resultats a", "href"), /conference-des-financeurs/);
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test("markup typed as a query is shown as text, never run", { skip }, async () => {
  const { page, problems, close } = await open(fileUrl("recherche/index.html"));
  try {
    const attack = `<img src=x onerror="window.__pwned=1">fir`;
    await page.fill("#recherche-page", attack);
    await page.waitForFunction((text) => document.querySelector("#recherche-statut").textContent.includes(text), attack);
    assert.equal(await page.$$eval("main img", (images) => images.length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems(), []);
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

test("voir plus shows ten more results and moves the focus to the first new one", { skip }, async () => {
  const { page, problems, close } = await open(fileUrl("recherche/index.html") + "?q=sant%C3%A9");
  try {
    await page.waitForSelector("#recherche-resultats a.search-result-title");
    assert.equal(await page.$$eval("#recherche-resultats > li", (items) => items.length), 10);
    assert.equal(await page.isVisible("button.search-more"), true);
    await page.click("button.search-more");
    await page.waitForFunction(() => document.querySelectorAll("#recherche-resultats > li").length > 10);
    const focused = await page.evaluate(() => {
      const links = [...document.querySelectorAll("#recherche-resultats a.search-result-title")];
      return links.indexOf(document.activeElement);
    });
    assert.equal(focused, 10);
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test("a page comes once, with its matching sections as links to their anchors", { skip }, async () => {
  const { page, problems, close } = await open(fileUrl("recherche/index.html") + "?q=CNSA");
  try {
    await page.waitForSelector("#recherche-resultats a.search-result-title");
    const titles = await page.$$eval("#recherche-resultats a.search-result-title", (links) => links.map((a) => a.getAttribute("href")));
    assert.equal(new Set(titles).size, titles.length);
    const sections = await page.$$eval("#recherche-resultats .search-result-sections a", (links) => links.map((a) => a.getAttribute("href")));
    assert.ok(sections.includes("../glossaire/index.html#cnsa"), JSON.stringify(sections));
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

// A sample of the relevance table (every fifth query), from file:// and over HTTP.
const SAMPLE = RELEVANCE.filter((_, n) => n % 5 === 0);
/** @type {Array<[string, () => string]>} where the site is opened from: name, base URL */
const ORIGINS = [["file://", () => fileUrl("")], ["HTTP under a sub-path", () => server.base]];
for (const [label, base] of ORIGINS) {
  test(`relevance sample of ${SAMPLE.length} queries in Chromium, ${label}`, { skip }, async () => {
    const { page, problems, close } = await open(base() + "recherche/index.html");
    try {
      const failures = [];
      for (const [query, expected] of SAMPLE) {
        await page.fill("#recherche-page", query);
        await page.waitForFunction((q) => new RegExp("pour « " + q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + " »").test(document.querySelector("#recherche-statut").textContent), query, { timeout: 5000 }).catch(() => {});
        const hrefs = await page.$$eval("#recherche-resultats a.search-result-title", (links) => links.slice(0, 3).map((a) => a.getAttribute("href").replace(/^(\.\.\/)+/, "")));
        if (!hrefs.includes(expected)) failures.push(`${query}: expected ${expected}, got ${JSON.stringify(hrefs)}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(problems(), []);
    } finally {
      await close();
    }
  });
}
