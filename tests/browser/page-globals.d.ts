// What the tests read on `window` inside the page (callbacks given to page.evaluate), for the
// type check of tsconfig.json: axe-core once injected, the search engine once loaded, and the
// marker an injected script would set.
interface Window {
  axe: typeof import("axe-core");
  PortailSearch?: unknown;
  __pwned?: unknown;
}
