// No inline script or style is needed: every page works under a strict Content-Security-Policy
// (WebAssembly compilation is the one allowance, for the wizard).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SITE, PREFIX, launch, guardedPage, startServer } from "./helpers.mjs";

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

let browser, server;
before(async () => { browser = await launch(); server = await startServer(SITE, PREFIX, { "Content-Security-Policy": CSP }); });
after(async () => { await browser?.close(); await server?.close(); });

for (const path of ["index.html", "leviers/fir/index.html", "glossaire/index.html", "assistant/index.html", "recherche/index.html?q=article%2051"]) {
  test(`strict CSP, no violation: ${path}`, async () => {
    const { context, page, errors } = await guardedPage(browser, new URL(server.base).origin);
    const violations = [];
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await page.goto(server.base + path);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
