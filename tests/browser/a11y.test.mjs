// WCAG 2.1 AA (the basis of the French RGAA), checked with axe-core in Chromium on every page
// type of the built portal, plus keyboard-only basics: skip link and visible focus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { SITE, fileBase, launch, guardedPage, startServer } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

const PAGES = {
  accueil: "index.html",
  rubrique: "leviers/index.html",
  levier: "leviers/achats-innovants/index.html",
  "levier deux publics": "leviers/fir/index.html",
  public: "publics/operateur/index.html",
  actualite: "actualites/appel-candidatures-ipep/index.html",
  actualites: "actualites/index.html",
  glossaire: "glossaire/index.html",
  contacts: "contacts/index.html",
  conditions: "conditions-de-succes/index.html",
  plan: "plan/index.html",
  recherche: "recherche/index.html?q=innovation",
  assistant: "assistant/index.html",
  404: "404.html",
};

// Over HTTP: axe-core reads stylesheets with XHR, which Chromium refuses from file://.
let browser, server;
before(async () => { browser = await launch(); server = await startServer(SITE); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [kind, path] of Object.entries(PAGES)) {
  test(`axe-core WCAG 2.1 AA: ${kind}`, async () => {
    const { context, page, errors } = await guardedPage(browser, new URL(server.base).origin);
    await page.goto(server.base + path);
    await page.waitForLoadState("load");
    const pageErrors = [...errors];
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    const violations = result.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    // The 404 page without base_url is a lone heading and a few paragraphs, with nothing else
    // to check; every other page gives axe a full layout.
    const minimum = kind === "404" ? 5 : 10;
    assert.ok(result.passes.length > minimum, `axe ran only ${result.passes.length} checks`);
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}

test("keyboard: the first Tab reaches the skip link, which moves focus to the content", async () => {
  const { context, page } = await guardedPage(browser);
  await page.goto(fileBase(SITE) + "leviers/fir/index.html");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute("href") }));
  assert.equal(first.text, "Aller au contenu");
  await page.keyboard.press("Enter");
  const target = await page.evaluate(() => location.hash);
  assert.equal(target, first.href);
  await context.close();
});
