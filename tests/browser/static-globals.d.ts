// What the classic scripts of static/ share through the global object, for the type check
// (tsconfig.static.json). Each is set by one script and read by those that load after it; the
// data types they name are the JSDoc typedefs at the top of the scripts that define them.

/** static/search-stemmer-fr.js */
declare var PortailStemmerFr: {
  stem(word: string): string;
};

/** static/search-pipeline.js: the French pipeline, the mirror of src/search/*.rs. */
declare var PortailSearchPipeline: {
  STOP_WORDS: string[];
  words(text: string): PipelineWord[];
  tokenize(text: string): string[];
  fold(token: string): string;
  isStopWord(folded: string): boolean;
  analyzeToken(token: string): string | null;
  analyze(text: string): string[];
};

/** static/search-core.js: the search engine; every file of search/ calls `add`. */
declare var PortailSearch: {
  add(kind: string, number: number, data: unknown): void;
  Engine: new (loadScript: (path: string) => Promise<unknown>) => SearchEngine;
  decodePostings(encoded: string): Postings;
  distance(a: string, b: string, limit: number): number;
};

/** What static/search.js asks of the engine. */
interface SearchEngine {
  ready(): Promise<SearchManifest>;
  search(query: string, options?: { limit?: number }): Promise<SearchResults>;
}

/** assistant/wizard-engine.js, written by the generator: the engine's WebAssembly, base64. */
declare var PORTAIL_WIZARD_WASM: string | undefined;
/** assistant/wizard-data.js: the compiled rules and facts, handed to the engine as JSON. */
declare var PORTAIL_WIZARD_DATA: unknown;
