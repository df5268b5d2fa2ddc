/*!
 * portail — search queries, without any DOM.
 *
 * Loads the payload of search-index.js into elasticlunr.js and answers queries with results
 * ready to display (title, section, snippet split into marked and plain parts). The browser
 * (search.js) and the node tests (tests/js/) both use this file, so the relevance the tests
 * measure is the one visitors get. Needs elasticlunr.min.js, search-stemmer-fr.js and
 * search-pipeline.js.
 */
(function (root) {
  "use strict";

  var FORMAT = 1;
  // A word missing from the index may be a word still being typed ("évaluat" for
  // "évaluation", whose stem is "evalu"): fall back to its longest prefix that starts indexed
  // words, if that prefix keeps at least this many characters and half the word.
  var MIN_PREFIX = 4;
  // Snippets longer than this start shortly before the first match rather than at the start.
  var SNIPPET_LEAD = 100;
  var SNIPPET_CONTEXT = 50;
  // A page's own entry (no #anchor) carries its lever fields and stands for the whole page: it
  // should beat a glossary line or a section that merely mentions the same word.
  var PAGE_BOOST = 1.3;
  // The best results show this many entries of one page at most before other pages get a turn,
  // so that a query does not list every section of the same page first.
  var PER_PAGE = 2;

  var pipeline = root.PortailSearchPipeline;

  /**
   * elasticlunr's own serialization, from the compact encoding of search-index.js
   * (src/search/compact.rs): per field, sorted tokens and their posting lists, both
   * space-separated; a list is comma-separated base-36 gaps between document numbers, with
   * "*count" when the token occurs more than once. elasticlunr wants a trie of characters whose
   * nodes are {docs: {ref: {tf: √count}}, df}.
   */
  function decodeIndex(encoded) {
    var fields = encoded.fields;
    var store = { docs: {}, docInfo: {}, length: encoded.lengths.length, save: false };
    encoded.lengths.forEach(function (lengths, doc) {
      var info = {};
      fields.forEach(function (field, position) {
        info[field] = lengths[position];
      });
      store.docs[doc] = {};
      store.docInfo[doc] = info;
    });
    var index = {};
    fields.forEach(function (field) {
      var encodedField = encoded.tokens[field];
      var words = encodedField.words ? encodedField.words.split(" ") : [];
      var lists = encodedField.postings ? encodedField.postings.split(" ") : [];
      var root = { docs: {}, df: 0 };
      words.forEach(function (token, position) {
        var node = root;
        for (var i = 0; i < token.length; i++) {
          var key = token[i];
          if (!Object.prototype.hasOwnProperty.call(node, key)) node[key] = { docs: {}, df: 0 };
          node = node[key];
        }
        var postings = lists[position].split(",");
        var doc = 0;
        postings.forEach(function (posting) {
          var parts = posting.split("*");
          doc += parseInt(parts[0], 36);
          node.docs[doc] = { tf: Math.sqrt(parts.length > 1 ? parseInt(parts[1], 36) : 1) };
        });
        node.df = postings.length;
      });
      index[field] = { root: root };
    });
    return {
      version: encoded.version,
      ref: encoded.ref,
      fields: fields,
      pipeline: encoded.pipeline,
      documentStore: store,
      index: index
    };
  }

  /** An index ready to query, from the object search-index.js assigns. */
  function Engine(payload) {
    if (!payload || payload.format !== FORMAT || !payload.index || !payload.docs) {
      throw new Error("search-index.js: format " + (payload && payload.format) + " inattendu");
    }
    this.index = root.elasticlunr.Index.load(decodeIndex(payload.index));
    this.docs = payload.docs;
    var boosts = {};
    Object.keys(payload.boosts || {}).forEach(function (field) {
      boosts[field] = { boost: payload.boosts[field] };
    });
    this.config = new root.elasticlunr.Configuration(
      JSON.stringify({ fields: boosts, bool: "OR", expand: true }),
      this.index.getFields()
    ).get();
  }

  /** Does any field hold a word starting with `token`? The trie has a node for every prefix. */
  Engine.prototype.startsAnyWord = function (token) {
    var index = this.index.index;
    return Object.keys(index).some(function (field) {
      return index[field].getNode(token) !== null;
    });
  };

  /** Longest prefix of `token` that starts an indexed word, or null. */
  Engine.prototype.indexedPrefix = function (token) {
    var chars = Array.from(token);
    var shortest = Math.max(MIN_PREFIX, Math.ceil(chars.length / 2));
    for (var length = chars.length - 1; length >= shortest; length--) {
      var prefix = chars.slice(0, length).join("");
      if (this.startsAnyWord(prefix)) return prefix;
    }
    return null;
  };

  /**
   * The query's tokens, each with `prefix` set when it should also match longer words: the
   * word being typed (no space after it yet) and words replaced by an indexed prefix.
   */
  Engine.prototype.queryTokens = function (query) {
    var self = this;
    var typing = !/[\s\p{P}]$/u.test(query);
    var tokens = pipeline.analyze(query);
    return tokens.map(function (token, position) {
      var last = position === tokens.length - 1;
      if (/^[0-9]+$/.test(token) || self.startsAnyWord(token)) {
        return { text: token, prefix: last && typing };
      }
      var prefix = self.indexedPrefix(token);
      return prefix ? { text: prefix, prefix: true } : { text: token, prefix: false };
    });
  };

  /**
   * Results for `query`, best first: {url, title, section, score, titleParts, snippetParts}.
   * `options.limit` caps the list; `total` on the returned array counts every match.
   */
  Engine.prototype.search = function (query, options) {
    var limit = (options && options.limit) || 50;
    var tokens = this.queryTokens(String(query || ""));
    var results = [];
    results.total = 0;
    if (tokens.length === 0) return results;

    var texts = tokens.map(function (token) {
      return token.text;
    });
    var scores = {};
    for (var field in this.config) {
      var fieldScores = this.index.fieldSearch(texts, field, this.config) || {};
      for (var ref in fieldScores) {
        scores[ref] = (scores[ref] || 0) + fieldScores[ref] * this.config[field].boost;
      }
    }
    var docs = this.docs;
    var ranked = Object.keys(scores).map(function (ref) {
      var url = docs.url[ref] || "";
      var score = scores[ref] * (url.indexOf("#") < 0 ? PAGE_BOOST : 1);
      return { ref: Number(ref), url: url, score: score };
    });
    // Equal scores keep the site's order (pages before their later sections).
    ranked.sort(function (a, b) {
      return b.score - a.score || a.ref - b.ref;
    });
    ranked = diversify(unique(ranked));
    results.total = ranked.length;
    ranked.slice(0, limit).forEach(function (hit) {
      var n = hit.ref;
      if (n >= docs.url.length) return;
      results.push({
        url: docs.url[n],
        title: docs.title[n],
        section: docs.sections[docs.sectionOf[n]],
        score: hit.score,
        titleParts: highlight(docs.title[n], tokens),
        snippetParts: snippet(docs.excerpt[n], tokens)
      });
    });
    return results;
  };

  /** Drops later hits on a URL already listed (a page indexed twice). */
  function unique(ranked) {
    var seen = {};
    return ranked.filter(function (hit) {
      if (seen[hit.url]) return false;
      seen[hit.url] = true;
      return true;
    });
  }

  /** Moves a page's entries beyond the first PER_PAGE after the other pages' entries. */
  function diversify(ranked) {
    var perPage = {};
    var first = [];
    var later = [];
    ranked.forEach(function (hit) {
      var page = hit.url.split("#")[0];
      perPage[page] = (perPage[page] || 0) + 1;
      (perPage[page] <= PER_PAGE ? first : later).push(hit);
    });
    return first.concat(later);
  }

  function matches(stem, tokens) {
    if (stem === null) return false;
    return tokens.some(function (token) {
      return stem === token.text || (token.prefix && stem.indexOf(token.text) === 0);
    });
  }

  /** `text` cut into [{text, mark}] parts, marking the words the query found. */
  function highlight(text, tokens) {
    var chars = Array.from(String(text || ""));
    var parts = [];
    var done = 0;
    pipeline.words(chars.join("")).forEach(function (word) {
      if (!matches(pipeline.analyzeToken(word.token), tokens)) return;
      if (word.start > done) parts.push({ text: chars.slice(done, word.start).join(""), mark: false });
      parts.push({ text: chars.slice(word.start, word.end).join(""), mark: true });
      done = word.end;
    });
    if (done < chars.length) parts.push({ text: chars.slice(done).join(""), mark: false });
    return parts;
  }

  /** Highlighted excerpt, starting near the first match when that lies far in. */
  function snippet(text, tokens) {
    var parts = highlight(text, tokens);
    var offset = 0;
    for (var i = 0; i < parts.length && !parts[i].mark; i++) offset += Array.from(parts[i].text).length;
    if (i === parts.length || offset <= SNIPPET_LEAD) return parts;
    // Drop the lead, cutting at a space so that no word is shown in half.
    var lead = Array.from(parts.slice(0, i).map(function (p) { return p.text; }).join(""));
    var cut = lead.indexOf(" ", offset - SNIPPET_CONTEXT);
    if (cut < 0) return parts;
    var kept = lead.slice(cut + 1).join("");
    return [{ text: "…" + kept, mark: false }].concat(parts.slice(i));
  }

  root.PortailSearch = {
    Engine: Engine,
    decodeIndex: decodeIndex,
    highlight: highlight,
    /** The engine for the index search-index.js loaded, built on first use. */
    engine: function () {
      if (!root.PortailSearch.cached) {
        root.PortailSearch.cached = new Engine(root.PORTAIL_SEARCH_INDEX);
      }
      return root.PortailSearch.cached;
    }
  };
})(typeof window !== "undefined" ? window : globalThis);
