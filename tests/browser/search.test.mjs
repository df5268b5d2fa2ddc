// Search in a real browser (Debian's Chromium driven by playwright-core, see helpers.mjs): the
// built site opened from file:// and served over HTTP under a sub-path, typed into as a visitor
// would.
// Needs a built site: `portail build` into public/, or PORTAIL_SITE=DIR as tests/run sets it.
// PORTAIL_SEARCH_BENCH_INDEX=FILE also times a large index served in place of the real one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { SITE, PREFIX, launch, startServer, fileBase, guardedPage } from "./helpers.mjs";

const BENCH_INDEX = process.env.PORTAIL_SEARCH_BENCH_INDEX;
const built = fs.existsSync(path.join(SITE, "search-index.js"));
const skip = built ? false : `no built site at ${SITE}: run \`portail build\` first`;

let browser;
let server;

before(async () => {
  if (!built) return;
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
  if (options.index) await page.route("**/search-index.js", (route) => route.fulfill({ path: options.index }));
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
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test("search page from file://: ?q= deep link, marks, count, arrow keys", { skip }, async () => {
  const { page, requests, problems, close } = await open(fileUrl("recherche/index.html") + "?q=evaluation");
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
    assert.ok(requests.includes(server.base + "search-index.js"));

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

/** Milliseconds from a keystroke to rendered results, first (with loading) and warm. */
async function timeKeystrokes(url, queries, index) {
  const { page, close } = await open(url, { index });
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
    const big = await timeKeystrokes(server.base + "index.html", queries, BENCH_INDEX);
    t.diagnostic(`${BENCH_INDEX} over HTTP: first keystroke incl. index load ${big[0]} ms; then ${big.slice(1).join(", ")} ms`);
  }
});
