// On paper: the whole guide as one printable document (every lever, its links resolving inside
// it, section numbers for cross-references, URLs of external links), a lever page and a wizard
// result printed with the site's name and date. PDFs are kept in target/screenshots/print/ for
// a person to look at (pdftoppm -png turns them into images).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, SITE, launch, startServer, fileBase, guardedPage } from "./helpers.mjs";

const OUT = path.join(REPO, "target", "screenshots", "print");
const levers = JSON.parse(fs.readFileSync(path.join(SITE, "levers.json"), "utf8"));
const leverList = Array.isArray(levers) ? levers : levers.levers;

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

test("the home page and every page's footer link to the printable guide", async () => {
  const home = fs.readFileSync(path.join(SITE, "index.html"), "utf8");
  assert.match(home, /<main[\s\S]*href="guide\/index.html"[\s\S]*<\/main>/);
  const lever = fs.readFileSync(path.join(SITE, "leviers/fir/index.html"), "utf8");
  assert.match(lever, /<footer[\s\S]*href="..\/..\/guide\/index.html"[\s\S]*<\/footer>/);
});

/** @type {Array<[string, () => string]>} where the site is opened from: name, base URL */
const ORIGINS = [["file://", () => fileBase()], ["HTTP under a sub-path", () => server.base]];
for (const [where, base] of ORIGINS) {
  test(`the whole guide prints: every lever, chapters in order, links resolving inside it (${where})`, async () => {
    const { context, page, outside, errors } = await guardedPage(browser, server.base.replace(/\/sous\/chemin\/$/, ""));
    await page.goto(base() + "guide/index.html");
    await page.emulateMedia({ media: "print" });
    const r = await page.evaluate(() => {
      const main = document.querySelector("main");
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      const broken = [...main.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id)));
      const chapters = [...main.querySelectorAll(".guide-chapter > h2")].map((h) => h.textContent.replace(/\s+/g, " ").trim());
      const fiches = [...main.querySelectorAll(".fiche > h3")].map((h) => h.textContent.replace(/\s+/g, " ").trim());
      const toc = [...main.querySelectorAll(".guide-toc a")].map((a) => a.getAttribute("href"));
      // What print shows after links: section numbers inside, addresses outside.
      const ref = main.querySelector("a[data-ref]");
      const ext = main.querySelector('a[href^="http"]');
      return {
        dupes, broken, chapters, fiches, toc,
        refAfter: ref && getComputedStyle(ref, "::after").content,
        extAfter: ext && getComputedStyle(ext, "::after").content,
        header: getComputedStyle(document.querySelector(".site-header")).display,
        chapterBreak: getComputedStyle(main.querySelector(".guide-chapter")).breakBefore,
        ficheBreak: getComputedStyle(main.querySelector(".fiche")).breakBefore,
        factsBreak: getComputedStyle(main.querySelector(".facts > section")).breakInside,
      };
    });
    assert.deepEqual(r.dupes, [], "ids uniques");
    assert.deepEqual(r.broken, [], "liens internes résolus dans la page");
    assert.deepEqual(r.chapters.map((c) => c.replace(/^\d+\. /, "")).map((c) => c.split(" ")[0]), ["Les", "Les", "Les", "Glossaire", "Contacts", "Références"]);
    assert.match(r.chapters[0], /^1\. Les trois champs/);
    assert.match(r.chapters[1], /^2\. Les leviers/);
    assert.match(r.chapters[2], /^3\. Les six conditions de succès/);
    assert.equal(r.fiches.length, leverList.length, "chaque levier a sa fiche");
    for (const l of leverList) assert.ok(r.fiches.some((f) => f.includes(l.title)), `fiche « ${l.title} »`);
    assert.match(r.fiches[0], /^2\.1 /);
    assert.ok(r.toc.length >= 6 + leverList.length);
    assert.match(r.refAfter, /§ \d/);
    assert.match(r.extAfter, /https?:\/\//);
    assert.equal(r.header, "none");
    assert.equal(r.chapterBreak, "page");
    assert.equal(r.ficheBreak, "page");
    assert.equal(r.factsBreak, "avoid");
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    if (where === "file://") {
      const pdf = await page.pdf({ path: path.join(OUT, "guide.pdf"), format: "A4" });
      assert.ok(pdf.length > 50_000);
    }
    await context.close();
  });
}

test("printed pages carry the site's name, the date and page numbers (running header)", async () => {
  const css = fs.readFileSync(path.join(SITE, "static/impression.css"), "utf8");
  const title = fs.readFileSync(path.join(SITE, "index.html"), "utf8").match(/<a class="brand"[^>]*>([^<]+)</)[1];
  assert.match(css, /@top-left \{ content: "/);
  assert.ok(css.includes(title.replace(/&#39;/g, "'").replace(/&quot;/g, '\\"')), "site name in the running header");
  assert.match(css, /@top-right \{ content: "État du \d/);
  assert.match(css, /counter\(page\)/);
  const lever = fs.readFileSync(path.join(SITE, "leviers/fir/index.html"), "utf8");
  assert.match(lever, /<link rel="stylesheet" href="..\/..\/static\/impression.css" media="print">/);
});

test("a lever page prints without navigation, with link addresses", async () => {
  const { context, page } = await guardedPage(browser);
  await page.goto(fileBase() + "leviers/achats-innovants/index.html");
  await page.emulateMedia({ media: "print" });
  const r = await page.evaluate(() => ({
    nav: [".site-header", ".site-footer", ".breadcrumb"].map((s) => getComputedStyle(document.querySelector(s)).display),
    ext: getComputedStyle(document.querySelector('main a[href^="http"]'), "::after").content,
  }));
  assert.deepEqual(r.nav, ["none", "none", "none"]);
  assert.match(r.ext, /https?:\/\//);
  await page.pdf({ path: path.join(OUT, "levier.pdf"), format: "A4" });
  await context.close();
});

test("a wizard result prints with the site's name, its date and the link back to it", async () => {
  const { context, page } = await guardedPage(browser);
  await page.goto(fileBase() + "assistant/index.html#porteur=startup&besoin=vendre&montant=60000&region=bretagne");
  await page.locator(".wz-result h2").waitFor();
  await page.emulateMedia({ media: "print" });
  const r = await page.evaluate(() => {
    const head = document.querySelector(".wz-result .wz-print-only");
    return { text: head?.textContent, display: head && getComputedStyle(head).display, table: getComputedStyle(document.querySelector("#assistant-tableau")).display, form: [...document.querySelectorAll(".no-print")].every((e) => getComputedStyle(e).display === "none") };
  });
  assert.match(r.text, /assistant d'éligibilité, résultat du \d+/);
  assert.match(r.text, /Lien vers ce résultat : file:.*#/);
  assert.equal(r.display, "block");
  assert.equal(r.table, "none");
  assert.ok(r.form);
  await page.pdf({ path: path.join(OUT, "assistant-resultat.pdf"), format: "A4" });
  await context.close();
});
