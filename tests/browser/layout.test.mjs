// On a phone and on a desktop: no page of the site scrolls sideways at 320, 360, 768 or
// 1280 px; the header leaves the content visible (at most a quarter of a 360×740 screen); the
// menu folds behind « Menu » on narrow screens, with or without JavaScript. Screenshots of each
// page type are kept in target/screenshots/ for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SITE, launch, startServer, fileBase } from "./helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHOTS = path.resolve(here, "..", "..", "target", "screenshots");

/** Every HTML page of the built site (the crawl of smoke.test.mjs reaches the same set). */
export function allPages(dir = SITE, rel = "") {
  const out = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const p = path.join(rel, name);
    if (fs.statSync(path.join(dir, p)).isDirectory()) out.push(...allPages(dir, p));
    else if (name.endsWith(".html")) out.push(p.split(path.sep).join("/"));
  }
  return out;
}

/** One page of each type, for screenshots. */
export const PAGE_TYPES = {
  accueil: "index.html",
  leviers: "leviers/index.html",
  levier: "leviers/achats-innovants/index.html",
  appels: "leviers/appels-a-projets/index.html",
  public: "publics/operateur/index.html",
  actualite: "actualites/appel-candidatures-ipep/index.html",
  glossaire: "glossaire/index.html",
  contacts: "contacts/index.html",
  assistant: "assistant/index.html",
  guide: "guide/index.html",
  accessibilite: "accessibilite/index.html",
  plan: "plan/index.html",
};

const WIDTHS = [320, 360, 768, 1280];
let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

for (const width of WIDTHS) {
  test(`no page scrolls sideways at ${width} px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 740 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const wide = [];
    const tall = [];
    const pages = allPages();
    assert.ok(pages.length > 30, `only ${pages.length} pages`);
    for (const rel of pages) {
      await page.goto(server.base + rel);
      const m = await page.evaluate(() => {
        const doc = document.documentElement;
        // The widest element that sticks out, to say what to fix.
        let culprit = "";
        if (doc.scrollWidth > doc.clientWidth) {
          for (const el of document.body.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.right > doc.clientWidth + 1 && getComputedStyle(el).position !== "fixed") {
              culprit = `${el.tagName.toLowerCase()}.${el.className}`;
            }
          }
        }
        return { scroll: doc.scrollWidth, client: doc.clientWidth, header: document.querySelector(".site-header")?.getBoundingClientRect().height ?? 0, culprit };
      });
      if (m.scroll > m.client) wide.push(`${rel} : ${m.scroll} px pour ${m.client} (${m.culprit})`);
      if (width === 360 && m.header > 740 / 4) tall.push(`${rel} : en-tête de ${m.header} px`);
    }
    const types = Object.entries(PAGE_TYPES);
    for (const [name, rel] of types) {
      await page.goto(server.base + rel);
      const dir = path.join(SHOTS, String(width));
      fs.mkdirSync(dir, { recursive: true });
      // The top of the page as the visitor first sees it, and the whole page (capped).
      await page.screenshot({ path: path.join(dir, `${name}.png`) });
      if (width <= 360 || width === 1280) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: path.join(dir, `${name}-entier.png`), fullPage: height < 9000, clip: height < 9000 ? undefined : { x: 0, y: 0, width, height: 9000 } });
      }
    }
    await context.close();
    assert.deepEqual(wide, [], "pages plus larges que l'écran");
    assert.deepEqual(tall, [], "en-tête trop haut à 360 px");
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`360 px: the menu folds behind « Menu » and opens by keyboard (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(fileBase() + "leviers/fir/index.html");
    const menuLink = page.locator(".menu a").first();
    assert.equal(await menuLink.isVisible(), false, "menu folded at first");
    const header = await page.locator(".site-header").boundingBox();
    assert.ok(header.height <= 185, `header ${header.height} px`);
    // Keyboard: Tab to « Menu », Enter opens it, Tab reaches the first entry, visibly focused.
    const summary = page.locator(".menu-fold > summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    assert.equal(await menuLink.isVisible(), true, "menu open");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      const s = getComputedStyle(a);
      return { text: a.textContent, outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    });
    assert.equal(focused.text, "Leviers");
    assert.ok(focused.outline, "visible focus on the menu entry");
    await page.screenshot({ path: path.join(SHOTS, `menu-ouvert-360${javaScriptEnabled ? "" : "-sans-js"}.png`) });
    // The open menu covers the page rather than pushing it, and stays within the screen.
    const nav = await page.locator(".menu").boundingBox();
    assert.ok(nav.x >= 0 && nav.x + nav.width <= 360, JSON.stringify(nav));
    await context.close();
  });
}

test("1280 px: the whole menu is shown, no « Menu » button", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(fileBase() + "index.html");
  assert.equal(await page.locator(".menu-fold > summary").isVisible(), false);
  const links = page.locator(".menu a");
  const n = await links.count();
  assert.ok(n >= 5);
  for (let i = 0; i < n; i++) assert.ok(await links.nth(i).isVisible(), `menu entry ${i} visible`);
  const header = await page.locator(".site-header").boundingBox();
  assert.ok(header.height <= 140, `header ${header.height} px`);
  await context.close();
});
