// Shared harness for the browser tests: Debian's Chromium through playwright-core, the built
// site served by a tiny HTTP server under a sub-path, and a guard against third-party requests.
import { chromium } from "playwright-core";
import { once } from "node:events";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, SITE } from "../js/client.mjs";

/** The repository, and the built site (`tests/run` builds it before the browser tests). */
export { REPO, SITE };
export const PREFIX = "/sous/chemin/";

/** Content types of the files a built site holds. */
export const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv", ".svg": "image/svg+xml", ".png": "image/png", ".wasm": "application/wasm" };

/**
 * Starts `server` on a free port of 127.0.0.1; resolves to the port.
 * @param {import("node:net").Server} server
 */
export async function listen(server) {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return /** @type {import("node:net").AddressInfo} */ (server.address()).port;
}

/** The portail binary tests/run built (release), else the debug one; PORTAIL_BIN overrides. */
export function portailBinary() {
  if (process.env.PORTAIL_BIN) return process.env.PORTAIL_BIN;
  const release = path.join(REPO, "target", "release", "portail");
  return fs.existsSync(release) ? release : path.join(REPO, "target", "debug", "portail");
}

/** A copy of the portal's sources (content, templates, static, portail.toml) in a new temporary folder. */
export function copySite(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const part of ["content", "templates", "static", "portail.toml"]) {
    fs.cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
  }
  return root;
}

/** Serves `dir` under `prefix` only, like a host that publishes the portal in a sub-folder. */
export async function startServer(dir = SITE, prefix = PREFIX, headers = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404); res.end("hors du sous-chemin"); return; }
    rel = rel.slice(prefix.length);
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end("introuvable"); return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", ...headers });
    fs.createReadStream(file).pipe(res);
  });
  const base = `http://127.0.0.1:${await listen(server)}${prefix}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

export function fileBase(dir = SITE) {
  return pathToFileURL(dir).href + "/";
}

/** Debian's Chromium, headless; `extra` adds command-line switches. */
export async function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extra],
  });
}

/**
 * A page that fails any request leaving the site (file:// or the local server), and collects
 * console errors, so tests can assert "no third-party request" and "no script error".
 */
export async function guardedPage(browser, allowedOrigin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const ok = url.startsWith("file://") || url.startsWith("data:") || (allowedOrigin && url.startsWith(allowedOrigin));
    if (ok) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return { context, page, outside, errors };
}
