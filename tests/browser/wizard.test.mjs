// The eligibility wizard in a real browser: completed from file:// and over
// HTTP under a sub-path, an earlier answer changed, a shared URL reopened,
// keyboard focus following the questions, no third-party request, no error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SITE, startServer, fileBase, launch, guardedPage } from "./helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const PAGE = "assistant/index.html";
let browser;
let server;

before(async () => {
  browser = await launch();
  server = await startServer(SITE);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Picks a radio answer by its visible label and submits the question. */
async function choose(page, label) {
  await page.getByLabel(label, { exact: true }).check();
  await page.locator(".wz-form button[type=submit]").click();
}

/** « Question 2 sur 5 : … » */
async function legendText(page) {
  return (await page.locator(".wz-form legend").textContent()).replace(/\s+/g, " ").trim();
}

/** Start-up selling a 60 000 € innovative tool to a hospital in Bretagne. */
async function completeSale(page) {
  await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  assert.match(await legendText(page), /^Question 1 sur [45] : Qui porte le projet/);
  await choose(page, "Une start-up");
  // Focus moved to the new question for keyboard and screen-reader users.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "LEGEND");
  assert.match(await legendText(page), /^Question 2 sur [45] : Que cherchez-vous/);
  await choose(page, "Vendre une solution à un acheteur public (ARS, hôpital, groupement d'achat)");
  assert.match(await legendText(page), /^Question 3 sur 4 : Quel est le montant/);
  await page.getByLabel("Montant en euros, hors taxes").fill("60 000");
  await page.locator(".wz-form button[type=submit]").click();
  assert.match(await legendText(page), /^Question 4 sur 4 : Dans quelle région/);
  await choose(page, "ARS Bretagne");
  await page.locator(".wz-result h2").waitFor();
}

async function assertSaleResult(page) {
  const result = page.locator(".wz-result");
  const fits = result.locator(".wz-group").first();
  assert.match(await fits.locator("h3").textContent(), /^Correspond/);
  assert.match(await fits.textContent(), /Commande publique/);
  const text = await result.textContent();
  assert.match(text, /De 40\u202f000\u00a0€ à 139\u202f000\u00a0€ HT inclus : marché à procédure adaptée/);
  assert.match(text, /de 2019 à 2021, l'expérimentation « achats innovants » permettait/);
  assert.match(text, /Ne correspond pas, car/);
  // Each reason shows where it comes from, never an internal rule id.
  assert.match(text, /Source : Guide pratique APIST, juillet 2020, p\.\u00a016/);
  assert.doesNotMatch(text, /\(règle [a-z0-9-]+\)/);
  assert.doesNotMatch(text, /fir-vente|achats-offreur/);
  // The Article 51 mailbox appears on the Article 51 card only.
  assert.equal(await result.locator("a[href^='mailto:ARS-BRETAGNE-ART51']").count(), 1);
  const art51 = result.locator("article.wz-lever", { has: page.locator("a[href*='article-51']") });
  assert.equal(await art51.locator("a[href^='mailto:ARS-BRETAGNE-ART51']").count(), 1);
  assert.doesNotMatch(await result.locator(".wz-region").textContent(), /ART51/);
  assert.equal(await result.getAttribute("aria-live"), "polite");
}

test("wizard completes from file://, keeps answers in the URL and reopens a shared link", async () => {
  const { context, page, outside, errors } = await guardedPage(browser);
  await page.goto(fileBase() + PAGE);
  await completeSale(page);
  await assertSaleResult(page);
  const url = new URL(page.url());
  assert.match(url.hash, /^#porteur=startup&besoin=vendre&montant=60000&region=bretagne$/);

  // Reopening the shared URL lands straight on the same result.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.locator(".wz-result h2").waitFor();
  await assertSaleResult(other);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("changing an earlier answer drops the answers that no longer apply", async () => {
  const { context, page, errors } = await guardedPage(browser);
  await page.goto(fileBase() + PAGE + "#porteur=startup&besoin=vendre&montant=60000&region=bretagne");
  await page.locator(".wz-result h2").waitFor();
  await page.getByRole("button", { name: "Modifier la réponse à « Que cherchez-vous d'abord ? »" }).click();
  assert.match(await legendText(page), /Que cherchez-vous/);
  // The current answer is preselected.
  assert.equal(await page.getByLabel("Vendre une solution à un acheteur public (ARS, hôpital, groupement d'achat)").isChecked(), true);
  await choose(page, "Une subvention pour financer une action ou un projet");
  // The amount is no longer asked; the new question about the public is.
  assert.match(await legendText(page), /À qui le projet s'adresse/);
  await choose(page, "Des patients ou des usagers du système de santé en général");
  // Later answers still valid were kept: straight to the result, and the
  // URL now holds only the answers used (the amount is gone).
  await page.locator(".wz-result h2").waitFor();
  assert.match(page.url(), /#porteur=startup&besoin=subvention&public=patients&region=bretagne$/);
  const text = await page.locator(".wz-result").textContent();
  assert.match(text, /un acteur qui peut recevoir le FIR/);
  assert.doesNotMatch(text, /Procédure d'achat/);
  // The browser's back button returns to the previous step.
  await page.goBack();
  await page.locator(".wz-form legend").waitFor();
  assert.match(await legendText(page), /À qui le projet s'adresse/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("wizard works over HTTP under a sub-path, with keyboard only", async () => {
  const { context, page, outside, errors } = await guardedPage(browser, server.base);
  await page.goto(server.base + PAGE);
  await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  // Keyboard: Tab to the first radio, arrows to move, Enter to submit.
  await page.locator(".wz-form input[type=radio]").first().focus();
  await page.keyboard.press("ArrowDown"); // EHPAD
  await page.keyboard.press("Enter");
  assert.match(page.url(), /#porteur=ehpad$/);
  await choose(page, "Prévenir la perte d'autonomie des personnes âgées");
  await choose(page, "Des personnes âgées de 60 ans et plus, ou leurs proches aidants");
  await choose(page, "ARS Guadeloupe");
  await page.locator(".wz-result h2").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Les leviers pour votre projet");
  const text = await page.locator(".wz-result").textContent();
  assert.match(text, /Conférence des financeurs/);
  // Links point at files under the sub-path.
  const href = await page.locator(".wz-lever h4 a").first().getAttribute("href");
  assert.match(href, /^\.\.\/leviers\/[a-z0-9-]+\/index\.html$/);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("going back shows the previous answer selected; copy link; rules table folded; print header", async () => {
  const { context, page, errors } = await guardedPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]).catch(() => {});
  await page.goto(fileBase() + PAGE);
  await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  // With JavaScript, the rules table is folded away below the questions.
  assert.equal(await page.locator("#assistant-tableau").getAttribute("open"), null);
  await choose(page, "Un établissement de santé (hôpital public, clinique, établissement privé non lucratif)");
  await choose(page, "Acheter une solution innovante, en tant qu'acheteur public (hôpital public, collectivité, GRADES ou groupement d'achats…)");
  assert.match(await legendText(page), /^Question 3 sur 5 : À qui le projet/);
  await page.getByRole("button", { name: "Question précédente" }).click();
  assert.match(await legendText(page), /^Question 2 sur [45] : Que cherchez-vous/);
  assert.equal(await page.getByLabel("Acheter une solution innovante, en tant qu'acheteur public (hôpital public, collectivité, GRADES ou groupement d'achats…)").isChecked(), true);
  await page.locator(".wz-form button[type=submit]").click();
  await choose(page, "Des patients ou des usagers du système de santé en général");
  await page.getByLabel("Montant en euros, hors taxes").fill("139000");
  await page.locator(".wz-form button[type=submit]").click();
  await choose(page, "ARS Hauts-de-France");
  await page.locator(".wz-result h2").waitFor();
  const result = page.locator(".wz-result");
  const text = await result.textContent();
  // The buyer's procedure, the boundary on the guide's side, and the caveat.
  assert.match(text, /Procédure d'achat pour 139\u202f000\u00a0€ HT/);
  assert.match(text, /De 40\u202f000\u00a0€ à 139\u202f000\u00a0€ HT inclus : marché à procédure adaptée/);
  assert.doesNotMatch(text, /procédure formalisée s'impose/);
  assert.match(text, /À confirmer avec l'acheteur ou l'ARS/);
  assert.match(text, /vérifiez ceux en vigueur à la date de l'achat/);
  // Copy link.
  await page.getByRole("button", { name: "Copier le lien" }).click();
  await page.locator(".wz-copied", { hasText: "Lien copié." }).waitFor();
  // The printed result names the site, the date and the link to the result.
  await page.emulateMedia({ media: "print" });
  const header = page.locator(".wz-print-only");
  assert.equal(await header.isVisible(), true);
  const printed = await header.textContent();
  assert.match(printed, /résultat du \d{1,2}(er)? [a-zéû]+ \d{4}/);
  assert.ok(printed.includes(page.url()), printed);
  const siteName = (await page.locator(".site-header .brand").textContent()).trim();
  assert.ok(printed.startsWith(siteName), printed);
  assert.equal(await page.locator("#assistant-tableau").isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without JavaScript the rules table is open, with sources and without rule ids", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(fileBase() + PAGE);
  const table = page.locator("#assistant-tableau");
  assert.notEqual(await table.getAttribute("open"), null);
  assert.equal(await page.locator(".wz-table").isVisible(), true);
  const rules = await page.locator(".wz-rules").first().textContent();
  assert.match(rules, /Source\s:\sGuide pratique APIST/);
  assert.doesNotMatch(await table.textContent(), /\(règle [a-z0-9-]+\)/);
  await context.close();
});

/** The persona table reviewed against the guide (wizard/tests/personas.toml), read with a small
 *  parser: `id`, the inline `answers` table, and each `[persona.expected.<lever>]` verdict. */
function personas() {
  const text = fs.readFileSync(path.join(here, "..", "..", "wizard", "tests", "personas.toml"), "utf8");
  /** @typedef {{id?: string, answers?: string[][], expected: Record<string, string>}} Persona lever → verdict */
  /** @type {Persona[]} */
  const out = [];
  /** @type {Persona | null} */
  let current = null;
  let lever = null;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t === "[[persona]]") { current = { expected: {} }; out.push(current); lever = null; continue; }
    if (!current || t.startsWith("#")) continue;
    let m;
    if ((m = t.match(/^\[persona\.expected\.([a-z0-9-]+)\]$/))) { lever = m[1]; continue; }
    if (!lever && (m = t.match(/^id = "([^"]+)"$/))) current.id = m[1];
    if (!lever && (m = t.match(/^answers = \{(.*)\}$/))) {
      current.answers = [...m[1].matchAll(/([a-z-]+) = (?:"([^"]*)"|(\d+))/g)].map((a) => [a[1], a[2] ?? a[3]]);
    }
    if (lever && (m = t.match(/^verdict = "([a-z-]+)"$/))) current.expected[lever] = m[1];
  }
  return out;
}

test("a sample of the persona table gets the same verdicts in Chromium from file://", async () => {
  const all = personas();
  assert.ok(all.length >= 45, `${all.length} personas`);
  const sample = all.filter((_, i) => i % 6 === 0);
  assert.ok(sample.length >= 10);
  const { context, page, errors } = await guardedPage(browser);
  for (const p of sample) {
    assert.equal(Object.keys(p.expected).length, 9, p.id);
    const order = ["porteur", "besoin", "public", "montant", "maturite", "region"];
    const fragment = order.flatMap((q) => p.answers.filter((a) => a[0] === q)).map((a) => `${a[0]}=${a[1]}`).join("&");
    await page.goto("about:blank");
    await page.goto(fileBase() + PAGE + "#" + fragment);
    await page.locator(".wz-result h2").waitFor();
    for (const [lever, verdict] of Object.entries(p.expected)) {
      const card = page.locator(`article.wz-lever:has(h4 a[href*="leviers/${lever}/"])`);
      assert.equal(await card.count(), 1, `${p.id}: ${lever}`);
      const classes = await card.getAttribute("class");
      assert.ok(classes.split(" ").includes(`wz-${verdict}`), `${p.id}: ${lever} attendu ${verdict}, obtenu ${classes}`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
