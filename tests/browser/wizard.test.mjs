// The eligibility wizard in a real browser: completed from file:// and over
// HTTP under a sub-path, an earlier answer changed, a shared URL reopened,
// keyboard focus following the questions, no third-party request, no error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SITE, startServer, fileBase, launch, guardedPage } from "./helpers.mjs";

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

async function legendText(page) {
  return (await page.locator(".wz-form legend").textContent()).replace(/\s+/g, " ").trim();
}

/** Start-up selling a 60 000 € innovative tool to a hospital in Bretagne. */
async function completeSale(page) {
  await page.locator("#assistant-app:not([hidden]) .wz-form").waitFor();
  assert.match(await legendText(page), /Qui porte le projet/);
  await choose(page, "Une start-up");
  // Focus moved to the new question for keyboard and screen-reader users.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "LEGEND");
  assert.match(await legendText(page), /Que cherchez-vous/);
  await choose(page, "Vendre une solution à un acheteur public (ARS, hôpital, groupement d'achat)");
  await page.getByLabel("Montant en euros, hors taxes").fill("60 000");
  await page.locator(".wz-form button[type=submit]").click();
  await choose(page, "Une solution prête à être testée en conditions réelles");
  await choose(page, "ARS Bretagne");
  await page.locator(".wz-result h2").waitFor();
}

async function assertSaleResult(page) {
  const result = page.locator(".wz-result");
  const fits = result.locator(".wz-group").first();
  assert.match(await fits.locator("h3").textContent(), /^Correspond/);
  assert.match(await fits.textContent(), /Commande publique/);
  const text = await result.textContent();
  assert.match(text, /marché à procédure adaptée/);
  assert.match(text, /achats innovants/);
  assert.match(text, /ARS-BRETAGNE-ART51@ars\.sante\.fr/);
  assert.match(text, /Ne correspond pas, car/);
  assert.match(text, /règle fir-vente/);
  assert.equal(await result.getAttribute("aria-live"), "polite");
}

test("wizard completes from file://, keeps answers in the URL and reopens a shared link", async () => {
  const { context, page, outside, errors } = await guardedPage(browser);
  await page.goto(fileBase() + PAGE);
  await completeSale(page);
  await assertSaleResult(page);
  const url = new URL(page.url());
  assert.match(url.hash, /porteur=startup&besoin=vendre&montant=60000&maturite=pret&region=bretagne/);

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
  await page.goto(fileBase() + PAGE + "#porteur=startup&besoin=vendre&montant=60000&maturite=pret&region=bretagne");
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
  assert.match(page.url(), /#porteur=startup&besoin=subvention&public=patients&maturite=pret&region=bretagne$/);
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
  await choose(page, "Une solution prête à être testée en conditions réelles");
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
