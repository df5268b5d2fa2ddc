// The accessibility audit the statement page reports (content/accessibilite.md): axe-core, every
// rule (WCAG 2.1 A and AA and best practices), no finding of any impact, on every page type at
// 360 and 1280 px and in the interactive states (search drop-down open, menu open, wizard
// mid-way and at its result); headings in order, lang="fr"; a keyboard-only walk of the main
// journeys with visible focus; reduced motion respected. The results go to
// target/a11y-summary.json; with PORTAIL_A11Y_WRITE=1 they are also written into the
// statement's results block, which otherwise must match them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { REPO, SITE, launch, startServer, fileBase } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const AXE_VERSION = require("axe-core/package.json").version;
const STATEMENT = path.join(REPO, "content", "accessibilite.md");

/** Page types, as the statement names them. */
const PAGES = [
  ["Accueil", "index.html"],
  ["Liste des leviers (tableau)", "leviers/index.html"],
  ["Fiche levier (FIR, deux publics)", "leviers/fir/index.html"],
  ["Fiche levier avec tableau de seuils", "leviers/achats-innovants/index.html"],
  ["Page d'un public", "publics/operateur/index.html"],
  ["Liste des actualités", "actualites/index.html"],
  ["Actualité (appel)", "actualites/appel-candidatures-ipep/index.html"],
  ["Glossaire", "glossaire/index.html"],
  ["Contacts des ARS", "contacts/index.html"],
  ["Conditions de succès", "conditions-de-succes/index.html"],
  ["Références utiles", "references/index.html"],
  ["Guide complet à imprimer", "guide/index.html"],
  ["Plan du site", "plan/index.html"],
  ["Page de recherche avec résultats", "recherche/index.html?q=innovation"],
  ["Assistant d'éligibilité (accueil)", "assistant/index.html"],
  ["Déclaration d'accessibilité", "accessibilite/index.html"],
  ["Page introuvable (404)", "404.html"],
];

/**
 * Interactive states: name, page, what to do before the audit.
 * @type {Array<[string, string, (page: import("playwright-core").Page, width: number) => Promise<void>]>}
 */
const STATES = [
  ["Menu déplié (écran étroit)", "leviers/fir/index.html", async (page, width) => {
    if (width < 992) await page.locator(".menu-fold > summary").click();
    await page.locator(".menu a").first().waitFor({ state: "visible" });
  }],
  ["Liste de suggestions de recherche ouverte", "index.html", async (page) => {
    await page.focus("#recherche-entete");
    await page.keyboard.type("article 51");
    await page.locator("#recherche-entete-suggestions [role=option]").first().waitFor();
    await page.keyboard.press("ArrowDown");
  }],
  ["Assistant à mi-parcours (question 2)", "assistant/index.html", async (page) => {
    await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
    await page.getByLabel("Une start-up", { exact: true }).check();
    await page.locator(".wz-form button[type=submit]").click();
    await page.locator(".wz-form legend", { hasText: "Question 2" }).waitFor();
  }],
  ["Résultat de l'assistant", "assistant/index.html#porteur=startup&besoin=vendre&montant=60000&region=bretagne", async (page) => {
    await page.locator(".wz-result h2").waitFor();
  }],
];

const WIDTHS = [360, 1280];
const results = [];
let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

/** axe-core, every rule: WCAG 2.0/2.1 A and AA and best practices (landmarks, headings…). */
async function audit(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    // Headings in order: one h1, no level skipped.
    const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter((h) => h.getClientRects().length > 0 || h.closest("details:not([open])"))
      .map((h) => Number(h.tagName[1]));
    const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length;
    return {
      violations: r.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`),
      h1: levels.filter((l) => l === 1).length,
      skips,
      lang: document.documentElement.lang,
    };
  });
}

async function run(name, rel, width, prepare) {
  const context = await browser.newContext({ viewport: { width, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(server.base + rel);
  assert.equal(response.status(), 200, `${rel} introuvable`);
  await page.waitForLoadState("load");
  if (prepare) await prepare(page, width);
  const r = await audit(page);
  await context.close();
  results.push({ name, page: rel, width, state: Boolean(prepare), violations: r.violations.length });
  const problems = r.violations.map((v) => `${name} : ${v}`);
  if (r.h1 !== 1) problems.push(`${name} : ${r.h1} titres de niveau 1`);
  if (r.skips) problems.push(`${name} : ${r.skips} sauts de niveau de titre`);
  if (r.lang !== "fr") problems.push(`${name} : lang="${r.lang}"`);
  problems.push(...errors.map((e) => `${name} : ${e}`));
  return problems;
}

for (const width of WIDTHS) {
  test(`axe-core, every rule, every page type at ${width} px`, async () => {
    const problems = [];
    for (const [name, rel] of PAGES) problems.push(...await run(name, rel, width));
    assert.deepEqual(problems, []);
  });
  test(`axe-core, every rule, interactive states at ${width} px`, async () => {
    const problems = [];
    for (const [name, rel, prepare] of STATES) problems.push(...await run(name, rel, width, prepare));
    assert.deepEqual(problems, []);
  });
}

/** Is the focused element visibly outlined? */
async function focusRing(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const s = getComputedStyle(a);
    return { tag: a.tagName, text: (a.textContent || /** @type {HTMLInputElement} */ (a).value || "").trim().slice(0, 40), ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
  });
}

test("keyboard only: search from the header, with visible focus", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(fileBase() + "index.html");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // site name
  await page.keyboard.press("Tab"); // search field
  let f = await focusRing(page);
  assert.equal(f.tag, "INPUT");
  assert.ok(f.ring, "focus ring on the search field");
  await page.keyboard.type("CPOM");
  await page.locator("#recherche-entete-suggestions [role=option]").first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/leviers\/cpom\/index\.html/);
  await context.close();
});

test("keyboard only: the wizard to its result, with visible focus", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(fileBase() + "assistant/index.html");
  await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  // Tab into the first question's options; arrows choose, Enter submits.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => /** @type {HTMLInputElement | null} */ (document.activeElement)?.type === "radio")) break;
  }
  let f = await focusRing(page);
  assert.equal(f.tag, "INPUT");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await page.locator(".wz-form legend", { hasText: "Question 2" }).waitFor();
  f = await focusRing(page);
  assert.equal(f.tag, "LEGEND", "focus moves to the next question");
  assert.ok(f.ring, "visible focus on the question");
  await context.close();
});

test("keyboard only: the guide's table of contents jumps to its section", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(fileBase() + "guide/index.html");
  await page.locator(".guide-toc a").nth(2).focus();
  const f = await focusRing(page);
  assert.ok(f.ring, "visible focus on the table of contents");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#levier-fir");
  // Scrolling is smooth unless reduced motion is asked for: wait for it to arrive.
  await page.waitForFunction(() => {
    const top = document.getElementById("levier-fir").getBoundingClientRect().top;
    return top >= 0 && top < 200;
  }, null, { timeout: 5000 });
  await context.close();
});

test("reduced motion: no smooth scrolling, no transition", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(fileBase() + "guide/index.html");
  const r = await page.evaluate(() => ({
    scroll: getComputedStyle(document.documentElement).scrollBehavior,
    moving: [...document.querySelectorAll("*")].filter((e) => {
      const s = getComputedStyle(e);
      return parseFloat(s.transitionDuration) > 0 || s.animationName !== "none";
    }).length,
  }));
  assert.equal(r.scroll, "auto");
  assert.equal(r.moving, 0);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// The statement's results block.

const BEGIN = "[//]: # (Début des résultats, écrits par tests/browser/a11y-audit.test.mjs avec PORTAIL_A11Y_WRITE=1 : ne pas modifier à la main)";
const END = "[//]: # (Fin des résultats)";

function chromiumVersion() {
  return browser?.version?.() ?? "inconnue";
}

function resultsBlock(summary) {
  const byName = new Map();
  for (const r of summary.results) {
    const e = byName.get(r.name) ?? { page: r.page.split("#")[0], state: r.state, widths: [], violations: 0 };
    e.widths.push(r.width);
    e.violations += r.violations;
    byName.set(r.name, e);
  }
  const total = summary.results.reduce((n, r) => n + r.violations, 0);
  const lines = [
    BEGIN,
    "",
    `Tests automatiques du ${summary.date} : axe-core ${summary.axe}, navigateur Chromium ${summary.chromium.split(".")[0]}, `
      + `largeurs d'écran de ${WIDTHS.map((w) => w.toLocaleString("fr-FR").replace(/\s/g, " ")).join(" et ")} pixels. Toutes les règles d'axe-core sont appliquées (critères WCAG 2.1 de niveaux A et AA, `
      + `et bonnes pratiques), quelle que soit la gravité du défaut relevé.`,
    "",
    `- pages et états audités : ${byName.size}, chacun à ${WIDTHS.length} largeurs, soit ${summary.results.length} analyses ;`,
    `- défauts relevés : ${total}.`,
    "",
    "| Page ou état | Adresse | Défauts à 360 px | Défauts à 1 280 px |",
    "|---|---|:---:|:---:|",
  ];
  for (const [name, e] of byName) {
    const at = (w) => summary.results.filter((r) => r.name === name && r.width === w).reduce((n, r) => n + r.violations, 0);
    lines.push(`| ${name} | \`${e.page}\` | ${at(360)} | ${at(1280)} |`);
  }
  lines.push("", END);
  return lines.join("\n");
}

function writeSummary() {
  const summary = {
    date: new Date().toISOString().slice(0, 10),
    axe: AXE_VERSION,
    chromium: chromiumVersion(),
    widths: WIDTHS,
    results,
  };
  fs.mkdirSync(path.join(REPO, "target"), { recursive: true });
  fs.writeFileSync(path.join(REPO, "target", "a11y-summary.json"), JSON.stringify(summary, null, 2) + "\n");
  if (process.env.PORTAIL_A11Y_WRITE === "1" && fs.existsSync(STATEMENT)) {
    const text = fs.readFileSync(STATEMENT, "utf8");
    const a = text.indexOf(BEGIN);
    const b = text.indexOf(END);
    if (a >= 0 && b > a) fs.writeFileSync(STATEMENT, text.slice(0, a) + resultsBlock(summary) + text.slice(b + END.length));
  }
}

test("the accessibility statement reports these tests (run with PORTAIL_A11Y_WRITE=1 to update it)", async () => {
  if (results.length === (PAGES.length + STATES.length) * WIDTHS.length) writeSummary();
  const text = fs.readFileSync(STATEMENT, "utf8");
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  assert.ok(a >= 0 && b > a, "results block present");
  const block = text.slice(a, b);
  assert.ok(block.includes(`axe-core ${AXE_VERSION}`), `the statement names axe-core ${AXE_VERSION}`);
  for (const [name, rel] of [...PAGES, ...STATES]) {
    assert.ok(block.includes(`| ${name} | \`${rel.split("#")[0]}\` |`), `the statement lists « ${name} »`);
  }
  // The published page shows the block.
  const html = fs.readFileSync(path.join(SITE, "accessibilite", "index.html"), "utf8");
  assert.match(html, /Résultats des tests/);
  assert.ok(html.includes(`axe-core ${AXE_VERSION}`));
});
