// `portail serve` shows drafts: no page of another website may read them, neither through the
// live-reload socket (which carries the diagnostics of a broken draft) nor through a DNS name
// rebound to 127.0.0.1 (which would make the attacker's page same-origin with the server).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import readline from "node:readline";
import { launch, listen, portailBinary, copySite } from "./helpers.mjs";

const BIN = portailBinary();

/** A copy of the portal whose page « à propos » holds a draft with a mistake in it. */
function brokenDraftSite() {
  return copySite("portail-origine-");
}

/** `portail serve` started from the site folder, as the README says; resolves its address. */
function serve(site) {
  assert.ok(fs.existsSync(BIN), `${BIN} manque : construisez-le (cargo build --release)`);
  const child = spawn(BIN, ["serve", "--port", "0"], { cwd: site, stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stderr });
    lines.on("line", (line) => {
      const m = line.match(/http:\/\/([0-9.]+:[0-9]+)/);
      if (m) resolve({ addr: m[1], stop: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`portail serve s'est arrêté (${code})`)));
  });
}

test("a page of another origin cannot read a draft from portail serve", async () => {
  const site = brokenDraftSite();
  const server = await serve(site);
  // The draft becomes broken: the socket now carries its diagnostic, with the secret in it.
  const page = path.join(site, "content", "a-propos.md");
  fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("+++\n", "+++\nbrouillon_secret = 1\n"));
  const attacker = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<!DOCTYPE html><title>Autre site</title><p>Autre site</p>");
  });
  const attackerPort = await listen(attacker);
  const port = server.addr.split(":")[1];
  const browser = await launch([`--host-resolver-rules=MAP attaquant.test 127.0.0.1`]);
  try {
    const tab = await browser.newPage();

    // The attacker's own page, on another port of the same machine.
    await tab.goto(`http://127.0.0.1:${attackerPort}/`);
    const stolen = await tab.evaluate(async (addr) => {
      const out = { fetch: "", socket: "" };
      try {
        out.fetch = await (await fetch(`http://${addr}/a-propos/index.html`)).text();
      } catch {
        out.fetch = "refusé";
      }
      out.socket = await new Promise((resolve) => {
        const ws = new WebSocket(`ws://${addr}/__portail/ws`);
        ws.onmessage = (e) => resolve(String(e.data));
        ws.onerror = () => resolve("refusé");
        setTimeout(() => resolve("rien"), 3000);
      });
      return out;
    }, server.addr);
    assert.equal(stolen.fetch, "refusé");
    assert.ok(!stolen.socket.includes("brouillon_secret"), `le socket a livré : ${stolen.socket}`);
    assert.equal(stolen.socket, "refusé");

    // The same machine reached through a rebound name: refused, nothing of the site shown.
    const response = await tab.goto(`http://attaquant.test:${port}/a-propos/index.html`);
    assert.equal(response.status(), 403);
    const body = await tab.textContent("body");
    assert.ok(!body.includes("brouillon_secret") && !body.includes("propos"), body);

    // The editor's own page, at the address serve printed, does get the diagnostic.
    await tab.goto(`http://${server.addr}/index.html`);
    await tab.waitForSelector("#portail-erreur", { timeout: 10000 });
    assert.match(await tab.textContent("#portail-erreur"), /brouillon_secret/);
  } finally {
    await browser.close();
    server.stop();
    attacker.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});
