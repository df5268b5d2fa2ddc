// Types of the browser scripts of static/, for their type check (tsconfig.static.json): what
// they share through the global object, each set by one script and read by those that load
// after it, and the data of the search index. They live here rather than as JSDoc typedefs in
// the scripts, which every visitor downloads: the search scripts count in the 60 KB budget of
// tests/js/search_size.test.mjs. (wizard.js, loaded by one page, keeps its typedefs.)

/** static/search-stemmer-fr.js */
declare var PortailStemmerFr: {
  /** The Snowball stem of a folded word. */
  stem(word: string): string;
};

/** A suffix of the stemmer's tables, as code points, and what to do when it ends a word. */
interface StemSuffix {
  suffix: string[];
  action: string;
}

/** static/search-pipeline.js: the French pipeline, the mirror of src/search/*.rs. */
declare var PortailSearchPipeline: {
  STOP_WORDS: string[];
  words(text: string): PipelineWord[];
  tokenize(text: string): string[];
  fold(token: string): string;
  isStopWord(folded: string): boolean;
  /** The stem of a token, or null for a stop word. */
  analyzeToken(token: string): string | null;
  analyze(text: string): string[];
};

/** A word of a text, with its code-point offsets. */
interface PipelineWord {
  token: string;
  start: number;
  end: number;
}

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

/** search/index.js, the manifest (src/search/shards.rs). */
interface SearchManifest {
  /** The layout's version, FORMAT in search-core.js. */
  format: number;
  /** The names of the pipeline's steps, in order. */
  pipeline: string[];
  pages: number;
  sections: number;
  /** The first term of each shard, sorted. */
  shards: string[];
  /** An acronym's term, and its expansion's terms. */
  glossary: Array<[string, string[]]>;
}

/** search/t/N.js: sorted terms, and the encoded postings of each (see decodePostings). */
interface SearchShard {
  w: string[];
  p: string[];
}

/** search/p/N.js: a page's texts. */
interface SearchPageText {
  /** URL, from the site root. */
  u: string;
  /** Title. */
  t: string;
  /** Label: the lever or site section the page belongs to. */
  l: string;
  /** A lever's structured fields, weighted with its first section. */
  k: string;
  /** Sections: anchor, heading, text. */
  s: Array<[string | null, string | null, string]>;
}

/** A term's postings, decoded: one entry a page and section, with its weight (1 to 26). */
interface Postings {
  pages: number[];
  sections: number[];
  levels: number[];
}

/** A word of the query, or a glossary expansion taken as one with its acronym (`word`). */
interface Concept {
  word: string;
  /** The last word, still being typed. */
  typing: boolean;
  /** The expansions to highlight. */
  phrases: string[][];
  /** A word of questions ("comment"), which does not decide whether a page matches. */
  weak: boolean;
}

/** An indexed term that stands for a concept, and its weight relative to the word itself. */
interface TermMatch {
  term: string;
  list: string;
  factor: number;
}

/** A concept the index holds, with its terms. */
interface ActiveConcept {
  concept: Concept;
  terms: TermMatch[];
}

/** A glossary entry, under its expansion's first word. */
interface GlossaryEntry {
  acronym: string;
  words: string[];
}

/** A page as ranking sees it. */
interface Ranked {
  page: number;
  /** How many of the query's (not weak) concepts it holds. */
  coverage: number;
  score: number;
}

/** A section of a page shown in the results, as search-core.js's view() weighs it. */
interface ViewSection {
  number: number;
  section: [string | null, string | null, string];
  body: string;
  marks: Mark[];
  /** The closest run of matched words (`from` indexes `marks`). */
  run: { from: number };
  /** How many concepts it holds. */
  held: number;
  score: number;
}

/** Which concept a stem belongs to, and the glossary phrases to look for. */
interface Matcher {
  byTerm: Record<string, number>;
  phrases: Array<{ words: string[]; concept: number }>;
}

/** A word of a text: its code points, its stem, and the concept it matches (-1 for none). */
interface Mark {
  start: number;
  end: number;
  stem: string;
  concept: number;
}

/** A piece of text, `mark`ed if it matched: results are shown as text, never as HTML. */
interface TextPart {
  text: string;
  mark: boolean;
}

/** A page in the results, best first. */
interface SearchResult {
  /** From the site root. */
  url: string;
  title: string;
  label: string;
  titleParts: TextPart[];
  snippetParts: TextPart[];
  /** Its sections that matched best, as sub-links. */
  sections: SectionResult[];
  score?: number;
}

interface SectionResult {
  url: string;
  title: string;
  titleParts: TextPart[];
  snippetParts: TextPart[];
}

interface SearchResults {
  /** How many pages match. */
  total: number;
  results: SearchResult[];
}

/** assistant/wizard-engine.js, written by the generator: the engine's WebAssembly, base64. */
declare var PORTAIL_WIZARD_WASM: string | undefined;
/** assistant/wizard-data.js: the compiled rules and facts, handed to the engine as JSON. */
declare var PORTAIL_WIZARD_DATA: unknown;
