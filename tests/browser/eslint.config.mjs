// ESLint for all the project's JavaScript: the browser scripts of static/ and the JS tests.
// `npm run lint --prefix tests/browser` runs it from the repository root (`--config` makes
// the paths below relative to it); `tests/run` does so on every run.
import js from "@eslint/js";
import globals from "globals";

// Rules that catch bugs rather than style, on top of @eslint/js recommended (which already
// has no-undef, no-unused-vars, no-redeclare, no-unreachable…).
const bugs = {
  eqeqeq: ["error", "always"],
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
  "no-use-before-define": ["error", { functions: false, classes: true, variables: true }],
  "no-shadow": ["error", { builtinGlobals: false, hoist: "functions" }],
  "no-implicit-coercion": ["error", { allow: ["!!"] }],
  "no-self-compare": "error",
  "no-template-curly-in-string": "error",
  "no-unmodified-loop-condition": "error",
  "no-unreachable-loop": "error",
  "no-constructor-return": "error",
  "no-throw-literal": "error",
  "no-new-wrappers": "error",
  "no-return-assign": "error",
  "no-sequences": "error",
  "no-useless-call": "error",
  "array-callback-return": "error",
  "default-case-last": "error",
};

const CONFUSING_GLOBALS = ["event", "name", "status", "self", "top", "parent", "length", "close",
  "closed", "open", "opener", "origin", "print", "find", "stop", "focus", "blur", "scroll",
  "external", "frames", "screen"];

export default [
  // Fixtures are sites, some hostile on purpose: their scripts are data, not our code.
  { ignores: ["**/node_modules/**", "target/**", "public/**", "tests/fixtures/**", "tests/hostile/**"] },
  js.configs.recommended,
  {
    // Classic scripts run from file:// under a strict CSP: no modules, nothing global but what
    // each file means to export (on `window`), nothing that evaluates strings, no fetch (not
    // allowed from file://), no HTML strings (every text goes in as text).
    files: ["static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      ...bugs,
      strict: ["error", "function"],
      "no-implicit-globals": ["error", { lexicalBindings: true }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // The build strips comment lines from these scripts line by line (src/assets.rs): no
      // text may span lines.
      "no-multi-str": "error",
      "no-restricted-syntax": ["error",
        { selector: "TemplateLiteral", message: "No template literals in static/: the build strips comment lines (src/assets.rs)." },
      ],
      "no-restricted-globals": ["error",
        { name: "fetch", message: "fetch() fails from file:// : load a classic script instead." },
        // Browser globals that a forgotten declaration would silently read (window.name…).
        ...CONFUSING_GLOBALS.map((name) => ({ name, message: `window.${name}: write window.${name} if it is meant.` })),
      ],
      "no-restricted-properties": ["error",
        { property: "innerHTML", message: "Build nodes and set textContent: never HTML strings." },
        { property: "outerHTML", message: "Build nodes and set textContent: never HTML strings." },
        { property: "insertAdjacentHTML", message: "Build nodes and set textContent: never HTML strings." },
        { object: "document", property: "write", message: "Build nodes and set textContent." },
      ],
    },
  },
  {
    // Tests and benchmarks: ES modules run by node; callbacks given to page.evaluate run in
    // the page, hence the browser globals.
    files: ["tests/**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: bugs,
  },
];
