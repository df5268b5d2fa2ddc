// @ts-check
/*!
 * portail — search queries, without any DOM.
 *
 * Reads search/ (src/search/shards.rs): the manifest, the term shards a query needs, the texts
 * of the pages shown. Each file is a classic script calling PortailSearch.add(kind, number,
 * data), loaded by the caller's function path → Promise (a <script> element in the browser,
 * node's vm in the tests). Ranking: the README (« Search ») and the constants below. Needs
 * search-stemmer-fr.js and search-pipeline.js; types: tests/browser/static-types.d.ts.
 */
(function (root) {
  "use strict";

  var FORMAT = 2;
  var pipeline = root.PortailSearchPipeline;

  // A query word missing from the index may be a typo or a word still being typed: words at
  // one edit (two for long words) are tried, then the longest prefix that starts indexed
  // words, if it keeps at least MIN_PREFIX characters and two thirds of the word.
  var MIN_PREFIX = 4;
  // At most this many indexed words stand for one word being typed ("fi" → "fir", "financ"…),
  // read from at most PREFIX_SHARDS shards.
  var PREFIX_TERMS = 60;
  var PREFIX_SHARDS = 3;
  // Weight of words reached by a typo or a prefix, relative to the word itself.
  var TYPO_FACTOR = 0.7;
  var PREFIX_FACTOR = 0.8;
  // Words of questions ("comment financer…") that do not decide whether a page matches.
  var WEAK_WORDS = ["comment", "pourquoi", "combien", "quoi", "faire", "fait", "peut", "peuvent",
    "peux", "puis", "doit", "dois", "faut", "existe", "obtenir", "trouver", "besoin", "savoir",
    "lequel", "laquelle", "lesquels", "lesquelles", "possible", "mon", "mes"];
  var WEAK_FACTOR = 0.3;
  // Bonus share of a section's score when it holds several of the query's words.
  var SAME_SECTION = 0.5;
  // A page that comes back to a word in several sections is about it: each further section
  // adds this share of its weight, up to the word's best weight once more.
  var BREADTH = 0.2;
  // Bonus for the query's words side by side (title or text), decreasing with the distance,
  // as if each word weighed this much more (times its rarity).
  var NEARBY = 1.5;
  // Bonus for a title made mostly of the query's words ("article 51" and « Expérimentations de
  // l'article 51 de la LFSS 2018 »), by the share of its words the query holds.
  var TITLE_FIT = 2;
  // Pages re-ranked by proximity beyond those asked for.
  var RERANK_EXTRA = 3;
  var SUBLINKS = 3;
  var SNIPPET_CHARS = 200;
  var SUBLINK_CHARS = 110;
  var SNIPPET_LEAD = 60;

  /** @type {Record<string, unknown>} */
  var registered = {};
  /** @type {Record<string, Array<(data: unknown) => void>>} */
  var waiting = {};

  /**
   * Called by every file of search/: stores its data and wakes whoever waits for it.
   * @param {string} kind "index", "t" (term shard) or "p" (page text)
   * @param {number} number
   * @param {unknown} data
   */
  function add(kind, number, data) {
    var key = kind + "/" + number;
    registered[key] = data;
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (callback) {
      callback(data);
    });
  }

  /** @param {string} a @param {string} b */
  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** First position in sorted `list` whose item is >= `value`. */
  function lowerBound(/** @type {string[]} */ list, /** @type {string} */ value) {
    var low = 0;
    var high = list.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * A term's postings, from the shard encoding: "gap:items gap:items", each item a base-36
   * section number and a weight letter A–Z.
   * @param {string} encoded
   */
  function decodePostings(encoded) {
    /** @type {number[]} */ var pages = [];
    /** @type {number[]} */ var sections = [];
    /** @type {number[]} */ var levels = [];
    var page = 0;
    var i = 0;
    var length = encoded.length;
    while (i < length) {
      var gap = 0;
      var c = encoded.charCodeAt(i);
      while (c !== 58) {
        gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
        c = encoded.charCodeAt(++i);
      }
      i++;
      page += gap;
      for (;;) {
        var section = 0;
        c = encoded.charCodeAt(i);
        while (c < 65 || c > 90) {
          section = section * 36 + (c <= 57 ? c - 48 : c - 87);
          c = encoded.charCodeAt(++i);
        }
        pages.push(page);
        sections.push(section);
        levels.push(c - 64);
        c = encoded.charCodeAt(++i);
        if (c === 44) {
          i++;
          continue;
        }
        if (c === 32) i++;
        break;
      }
    }
    return { pages: pages, sections: sections, levels: levels };
  }

  /** Damerau–Levenshtein distance of `a` and `b`, or `limit + 1` once it exceeds `limit`. */
  function distance(/** @type {string} */ a, /** @type {string} */ b, /** @type {number} */ limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    /** @type {number[]} */ var previous2 = [];
    /** @type {number[]} */ var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /**
   * An engine over search/, whose files `loadScript(path)` runs (path from the site root, e.g.
   * "search/t/3.js"). @param {(path: string) => Promise<unknown>} loadScript
   */
  function Engine(loadScript) {
    this.loadScript = loadScript;
    /** @type {Record<string, Promise<unknown>>} */
    this.pending = {};
    /** @type {Record<string, Postings>} */
    this.postings = {};
    /** @type {Record<string, string | null>} */
    this.stems = {};
    /** @type {SearchManifest | null} */
    this.manifest = null;
    /** @type {Record<string, string[][]>} */
    this.expansions = {};
    /** @type {Record<string, GlossaryEntry[]>} */
    this.byFirstWord = {};
    /** @type {Record<string, boolean>} */
    this.weak = {};
  }

  /** The data of file kind/number, loading it once. */
  Engine.prototype.file = function (/** @type {string} */ kind, /** @type {number} */ number) {
    var key = kind + "/" + number;
    if (registered[key] !== undefined) return Promise.resolve(registered[key]);
    if (!this.pending[key]) {
      var self = this;
      this.pending[key] = new Promise(function (resolve, reject) {
        (waiting[key] = waiting[key] || []).push(resolve);
        var path = "search/" + (kind === "index" ? "index" : kind + "/" + number) + ".js";
        self.loadScript(path).then(
          function () {
            if (registered[key] === undefined) reject(new Error(path + " : fichier d'index invalide"));
          },
          function (/** @type {unknown} */ error) {
            delete self.pending[key];
            reject(error);
          }
        );
      });
    }
    return this.pending[key];
  };

  Engine.prototype.shard = function (/** @type {number} */ number) {
    return /** @type {Promise<SearchShard>} */ (this.file("t", number));
  };

  /** The manifest, checked, with the glossary ready for queries. */
  Engine.prototype.ready = function () {
    var self = this;
    return this.file("index", 0).then(function (data) {
      var manifest = /** @type {SearchManifest} */ (data);
      if (!self.manifest) {
        if (!manifest || manifest.format !== FORMAT || String(manifest.pipeline) !== "portail-fr-fold,portail-fr-stop,portail-fr-stem") {
          throw new Error("search/index.js : format " + (manifest && manifest.format) + " inattendu");
        }
        self.manifest = manifest;
        manifest.glossary.forEach(function (entry) {
          (self.expansions[entry[0]] = self.expansions[entry[0]] || []).push(entry[1]);
          var first = entry[1][0];
          (self.byFirstWord[first] = self.byFirstWord[first] || []).push({ acronym: entry[0], words: entry[1] });
        });
        WEAK_WORDS.forEach(function (word) {
          var stem = pipeline.analyzeToken(word);
          if (stem) self.weak[stem] = true;
        });
      }
      return manifest;
    });
  };

  /** Number of the shard that would hold `term`. */
  Engine.prototype.shardOf = function (/** @type {string} */ term) {
    var firsts = /** @type {SearchManifest} */ (this.manifest).shards;
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  /** Indexed terms starting with `prefix` (at most PREFIX_TERMS, the shortest first). */
  Engine.prototype.termsStarting = function (/** @type {string} */ prefix) {
    var self = this;
    var first = this.shardOf(prefix);
    var last = Math.min(this.shardOf(prefix + "\uffff"), first + PREFIX_SHARDS - 1);
    var numbers = [];
    for (var n = first; n <= last; n++) numbers.push(n);
    return Promise.all(numbers.map(function (number) {
      return self.shard(number);
    })).then(function (shards) {
      /** @type {Array<{term: string, list: string}>} */
      var found = [];
      shards.forEach(function (shard) {
        for (var i = lowerBound(shard.w, prefix); i < shard.w.length && shard.w[i].indexOf(prefix) === 0; i++) {
          found.push({ term: shard.w[i], list: shard.p[i] });
        }
      });
      found.sort(function (a, b) {
        return a.term.length - b.term.length || compare(a.term, b.term);
      });
      return found.slice(0, PREFIX_TERMS);
    });
  };

  /**
   * The indexed terms that stand for one query word, with their factors: the word itself,
   * the words it starts while being typed, or words at one or two typos, or the words its
   * longest indexed prefix starts.
   * @param {string} word a term (stem) of the query
   * @param {boolean} typing the last word, no space typed after it yet
   */
  Engine.prototype.resolve = function (word, typing) {
    var self = this;
    return this.shard(this.shardOf(word)).then(function (shard) {
      var at = lowerBound(shard.w, word);
      var exact = shard.w[at] === word ? [{ term: word, list: shard.p[at], factor: 1 }] : [];
      var numeric = /^[0-9]+$/.test(word);
      if (typing) {
        return self.termsStarting(word).then(function (found) {
          var more = found.filter(function (f) {
            return f.term !== word;
          }).map(function (f) {
            return { term: f.term, list: f.list, factor: PREFIX_FACTOR };
          });
          if (exact.length > 0 || more.length > 0 || numeric) return exact.concat(more);
          return self.repair(word, shard);
        });
      }
      if (exact.length > 0 || numeric) return exact;
      return self.repair(word, shard);
    });
  };

  /** Terms close to a word the index does not hold: typos, then its longest indexed prefix. */
  Engine.prototype.repair = function (/** @type {string} */ word, /** @type {SearchShard} */ shard) {
    var self = this;
    var chars = Array.from(word);
    var limit = chars.length >= 8 ? 2 : chars.length >= 4 ? 1 : 0;
    /** @type {TermMatch[]} */
    var typos = [];
    if (limit > 0) {
      shard.w.forEach(function (term, i) {
        if (term[0] !== word[0] && term[1] !== word[1]) return;
        var d = distance(word, term, limit);
        if (d <= limit) typos.push({ term: term, list: shard.p[i], factor: d === 1 ? TYPO_FACTOR : TYPO_FACTOR * TYPO_FACTOR });
      });
    }
    if (typos.length > 0) return Promise.resolve(typos);
    // A name written as one word where the text splits it: "hopen" for HOP'EN ("hop" + "en").
    /** @returns {Promise<TermMatch[]>} */
    function trySplit(/** @type {number} */ split) {
      if (split < 2) return self.prefixRepair(chars);
      if (!pipeline.isStopWord(chars.slice(split).join(""))) return trySplit(split - 1);
      var head = chars.slice(0, split).join("");
      return self.shard(self.shardOf(head)).then(function (headShard) {
        var at = lowerBound(headShard.w, head);
        if (headShard.w[at] === head) return [{ term: head, list: headShard.p[at], factor: TYPO_FACTOR }];
        return trySplit(split - 1);
      });
    }
    return trySplit(chars.length - 1);
  };

  /** The words the longest indexed prefix of a word starts (two thirds of it at least). */
  Engine.prototype.prefixRepair = function (/** @type {string[]} */ chars) {
    var self = this;
    var shortest = Math.max(MIN_PREFIX, Math.ceil(chars.length * 2 / 3));
    /** @returns {Promise<TermMatch[]>} */
    function tryLength(/** @type {number} */ length) {
      if (length < shortest) return Promise.resolve([]);
      return self.termsStarting(chars.slice(0, length).join("")).then(function (found) {
        if (found.length === 0) return tryLength(length - 1);
        return found.map(function (f) {
          return { term: f.term, list: f.list, factor: PREFIX_FACTOR * TYPO_FACTOR };
        });
      });
    }
    return tryLength(chars.length - 1);
  };

  /**
   * The query's concepts: its words, a glossary expansion as its acronym ("fonds
   * d'intervention régional" → fir). @param {string} query
   */
  Engine.prototype.concepts = function (query) {
    var self = this;
    var typing = !/[\s\p{P}]$/u.test(query);
    var words = pipeline.words(query);
    /** @type {string[]} */
    var terms = [];
    var lastIsTerm = false;
    words.forEach(function (w, n) {
      var term = pipeline.analyzeToken(w.token);
      if (term !== null) terms.push(term);
      if (n === words.length - 1) lastIsTerm = term !== null;
    });
    /** @type {Concept[]} */
    var concepts = [];
    /** @type {Record<string, boolean>} */
    var seen = {};
    for (var i = 0; i < terms.length; i++) {
      var isLast = i === terms.length - 1 && typing && lastIsTerm;
      var entries = this.byFirstWord[terms[i]] || [];
      var matched = null;
      for (var e = 0; e < entries.length && !matched; e++) {
        var expansion = entries[e].words;
        var ok = i + expansion.length <= terms.length;
        for (var k = 0; ok && k < expansion.length; k++) {
          var lastWord = i + k === terms.length - 1 && typing && lastIsTerm;
          ok = terms[i + k] === expansion[k] || (lastWord && expansion[k].indexOf(terms[i + k]) === 0);
        }
        if (ok) matched = entries[e];
      }
      var concept = matched
        ? { word: matched.acronym, typing: false, phrases: [matched.words], weak: false }
        : { word: terms[i], typing: isLast, phrases: self.expansions[terms[i]] || [], weak: !!self.weak[terms[i]] };
      if (matched) i += matched.words.length - 1;
      if (seen[concept.word]) continue;
      seen[concept.word] = true;
      concepts.push(concept);
    }
    if (concepts.every(function (c) { return c.weak; })) {
      concepts.forEach(function (c) {
        c.weak = false;
      });
    }
    return concepts;
  };

  /** Decoded postings of `term`, kept for later queries. */
  Engine.prototype.decoded = function (/** @type {string} */ term, /** @type {string} */ list) {
    return this.postings[term] || (this.postings[term] = decodePostings(list));
  };

  /**
   * Results for `query`, best first, at most `options.limit` pages (10 by default).
   * @param {string} query
   * @param {{limit?: number}} [options]
   */
  Engine.prototype.search = function (query, options) {
    var self = this;
    var limit = (options && options.limit) || 10;
    return this.ready().then(function () {
      var concepts = self.concepts(String(query || ""));
      return Promise.all(concepts.map(function (c) {
        return self.resolve(c.word, c.typing);
      })).then(function (resolved) {
        return self.rank(concepts, resolved, limit);
      });
    });
  };

  /**
   * @param {Concept[]} concepts
   * @param {Array<TermMatch[]>} resolved
   * @param {number} limit
   */
  Engine.prototype.rank = function (concepts, resolved, limit) {
    var self = this;
    var manifest = /** @type {SearchManifest} */ (this.manifest);
    var total = manifest.sections;
    // Concepts the index knows nothing of cannot be asked of any page.
    /** @type {ActiveConcept[]} */
    var active = [];
    concepts.forEach(function (concept, n) {
      if (resolved[n].length > 0) active.push({ concept: concept, terms: resolved[n] });
    });
    var count = active.length;
    var pageCount = manifest.pages;
    // Per page and concept: best weight, and the sum over sections (for breadth). Typed
    // arrays: a common word has postings on most of 10 000 pages.
    var best = new Float64Array(pageCount * count);
    var spread = new Float64Array(pageCount * count);
    /** @type {number[]} */
    var touched = [];
    var seen = new Uint8Array(pageCount);
    /** @type {Array<Array<{p: Postings, scale: number}>>} */
    var lists = [];
    var rarity = 0;
    active.forEach(function (a, c) {
      var rarest = 0;
      lists[c] = [];
      a.terms.forEach(function (t) {
        var p = self.decoded(t.term, t.list);
        var df = p.pages.length;
        var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        if (!a.concept.weak) rarest = Math.max(rarest, idf * t.factor);
        var scale = t.factor * idf / 4 * (a.concept.weak ? WEAK_FACTOR : 1);
        lists[c].push({ p: p, scale: scale });
        for (var i = 0; i < df; i++) {
          var page = p.pages[i];
          if (page >= pageCount) continue;
          if (!seen[page]) {
            seen[page] = 1;
            touched.push(page);
          }
          var w = p.levels[i] * scale;
          var at = page * count + c;
          if (w > best[at]) best[at] = w;
          spread[at] += w;
        }
      });
      rarity += rarest;
    });
    /**
     * Per section of `pages` (a set), the weight of each concept: Map page → Map section → weights.
     * @param {(page: number) => boolean} wanted
     */
    function sectionsOf(wanted) {
      /** @type {Map<number, Map<number, number[]>>} */
      var out = new Map();
      lists.forEach(function (termLists, c) {
        termLists.forEach(function (list) {
          var p = list.p;
          for (var i = 0; i < p.pages.length; i++) {
            if (!wanted(p.pages[i])) continue;
            var sections = out.get(p.pages[i]);
            if (!sections) out.set(p.pages[i], (sections = new Map()));
            var weights = sections.get(p.sections[i]);
            if (!weights) sections.set(p.sections[i], (weights = new Array(count).fill(0)));
            var w = p.levels[i] * list.scale;
            if (w > weights[c]) weights[c] = w;
          }
        });
      });
      return out;
    }
    var ranked = touched.map(function (page) {
      var coverage = 0;
      var held = 0;
      var score = 0;
      for (var c = 0; c < count; c++) {
        var b = best[page * count + c];
        if (b > 0) held++;
        if (b > 0 && !active[c].concept.weak) coverage++;
        score += b + Math.min(b, BREADTH * (spread[page * count + c] - b));
      }
      return { page: page, coverage: coverage, held: held, score: score };
    });
    // Words sharing a section: only pages holding several of them can have any.
    if (count >= 2) {
      var several = new Uint8Array(pageCount);
      ranked.forEach(function (hit) {
        if (hit.held >= 2) several[hit.page] = 1;
      });
      var shared = sectionsOf(function (page) {
        return several[page] === 1;
      });
      ranked.forEach(function (hit) {
        var sections = shared.get(hit.page);
        if (!sections) return;
        var together = 0;
        sections.forEach(function (weights) {
          var held = sectionWeight(weights);
          if (held.concepts >= 2) together = Math.max(together, held.sum * held.concepts / count);
        });
        hit.score += SAME_SECTION * together;
      });
    }
    /** @param {Ranked} a @param {Ranked} b */
    function order(a, b) {
      return b.coverage - a.coverage || b.score - a.score || a.page - b.page;
    }
    ranked.sort(order);
    var head = ranked.slice(0, limit + RERANK_EXTRA);
    var inHead = new Set(head.map(function (hit) {
      return hit.page;
    }));
    var headSections = sectionsOf(function (page) {
      return inHead.has(page);
    });
    return Promise.all(head.map(function (hit) {
      return /** @type {Promise<SearchPageText>} */ (self.file("p", hit.page));
    })).then(function (texts) {
      var matcher = self.matcher(active);
      var shown = head.map(function (hit, n) {
        var sections = headSections.get(hit.page) || new Map();
        var view = self.view(sections, texts[n], matcher, count, NEARBY * rarity);
        var score = hit.score + rarity * (NEARBY * view.nearby + TITLE_FIT * view.titleFit);
        return { page: hit.page, coverage: hit.coverage, score: score, result: view.result };
      });
      shown.sort(order);
      var results = shown.slice(0, limit).map(function (hit) {
        hit.result.score = hit.score;
        return hit.result;
      });
      return { total: ranked.length, results: results };
    });
  };

  /** How many concepts a section holds, and the sum of their weights. @param {number[]} weights */
  function sectionWeight(weights) {
    var concepts = 0;
    var sum = 0;
    for (var c = 0; c < weights.length; c++) {
      if (weights[c] > 0) concepts++;
      sum += weights[c];
    }
    return { concepts: concepts, sum: sum };
  }

  /** The stem of a word of the text, remembered. */
  Engine.prototype.stem = function (/** @type {string} */ token) {
    var known = this.stems[token];
    if (known === undefined) known = this.stems[token] = pipeline.analyzeToken(token);
    return known;
  };

  /**
   * Which concept a stem belongs to, and the glossary phrases to look for.
   * @param {ActiveConcept[]} active
   */
  Engine.prototype.matcher = function (active) {
    /** @type {Record<string, number>} */
    var byTerm = {};
    /** @type {Matcher["phrases"]} */
    var phrases = [];
    active.forEach(function (a, c) {
      a.terms.forEach(function (t) {
        if (byTerm[t.term] === undefined) byTerm[t.term] = c;
      });
      a.concept.phrases.forEach(function (words) {
        phrases.push({ words: words, concept: c });
      });
    });
    return { byTerm: byTerm, phrases: phrases };
  };

  /**
   * The words of `text` and the concept each matches; stop words are left out, so "fonds
   * d'intervention" counts as adjacent. @param {string} text @param {Matcher} matcher
   */
  Engine.prototype.marks = function (text, matcher) {
    var self = this;
    /** @type {Mark[]} */
    var out = [];
    pipeline.words(text).forEach(function (w) {
      var stem = self.stem(w.token);
      if (stem === null) return;
      var c = matcher.byTerm[stem];
      out.push({ start: w.start, end: w.end, stem: stem, concept: c === undefined ? -1 : c });
    });
    matcher.phrases.forEach(function (phrase) {
      for (var i = 0; i + phrase.words.length <= out.length; i++) {
        var ok = true;
        for (var k = 0; ok && k < phrase.words.length; k++) ok = out[i + k].stem === phrase.words[k];
        if (ok) for (k = 0; k < phrase.words.length; k++) out[i + k].concept = phrase.concept;
      }
    });
    return out;
  };

  /**
   * Smallest run of words (`from`, `to` index `marks`) holding every concept present.
   * @param {Array<{concept: number}>} marks @param {number} count
   */
  function closest(marks, count) {
    /** @type {Record<number, boolean>} */
    var present = {};
    var kinds = 0;
    marks.forEach(function (m) {
      if (m.concept >= 0 && !present[m.concept]) {
        present[m.concept] = true;
        kinds++;
      }
    });
    var best = { concepts: kinds, width: Infinity, from: -1, to: -1 };
    if (kinds === 0) return best;
    var inWindow = new Array(count).fill(0);
    var held = 0;
    var left = 0;
    for (var right = 0; right < marks.length; right++) {
      var c = marks[right].concept;
      if (c < 0) continue;
      if (inWindow[c]++ === 0) held++;
      while (held === kinds) {
        while (marks[left].concept < 0) left++;
        if (right - left + 1 < best.width) best = { concepts: kinds, width: right - left + 1, from: left, to: right };
        if (--inWindow[marks[left].concept] === 0) held--;
        left++;
      }
    }
    return best;
  }

  /**
   * What a ranked page shows, and how close its words stand (0 to 1).
   * @param {Map<number, number[]>} weighed section → concept weights
   * @param {SearchPageText} text
   * @param {Matcher} matcher
   * @param {number} count
   * @param {number} nearbyWeight
   * @returns {{nearby: number, titleFit: number, result: SearchResult}}
   */
  Engine.prototype.view = function (weighed, text, matcher, count, nearbyWeight) {
    var self = this;
    var nearby = 0;
    /** @param {Mark[]} marks */
    function closeness(marks) {
      var run = closest(marks, count);
      if (count < 2 || run.concepts < 2) return { run: run, value: 0 };
      var value = (run.concepts - 1) / (count - 1) / (1 + (run.width - run.concepts) / 3);
      return { run: run, value: value };
    }
    var titleMarks = this.marks(text.t, matcher);
    nearby = closeness(titleMarks).value;
    var titleFit = titleMarks.length === 0 ? 0 : titleMarks.filter(function (m) {
      return m.concept >= 0;
    }).length / titleMarks.length;
    /** @type {ViewSection[]} */
    var sections = [];
    weighed.forEach(function (weights, number) {
      var section = text.s[number];
      if (!section) return;
      var body = section[2] || (number === 0 ? text.k : "") || "";
      var marks = self.marks(body, matcher);
      var near = closeness(marks);
      var headingMarks = section[1] ? self.marks(section[1], matcher) : [];
      nearby = Math.max(nearby, near.value, closeness(headingMarks).value);
      var held = sectionWeight(weights);
      sections.push({ number: number, section: section, body: body, marks: marks, run: near.run, held: held.concepts, score: held.sum + nearbyWeight * near.value });
    });
    sections.sort(function (a, b) {
      return b.held - a.held || b.score - a.score || a.number - b.number;
    });
    var best = sections[0];
    var snippetParts = best ? passage(best.body, best.marks, best.run, SNIPPET_CHARS) : [];
    if (snippetParts.length === 0 && text.s[0]) {
      var intro = text.s[0][2] || text.k || "";
      snippetParts = passage(intro, this.marks(intro, matcher), null, SNIPPET_CHARS);
    }
    var subs = sections.filter(function (s) {
      return s.number > 0 && s.section[0];
    }).slice(0, SUBLINKS).map(function (s) {
      var heading = s.section[1] || "";
      return {
        url: text.u + "#" + s.section[0],
        title: heading,
        titleParts: parts(heading, self.marks(heading, matcher)),
        snippetParts: passage(s.body, s.marks, s.run, SUBLINK_CHARS)
      };
    });
    return {
      nearby: nearby,
      titleFit: titleFit,
      result: {
        url: text.u,
        title: text.t,
        label: text.l,
        titleParts: parts(text.t, titleMarks),
        snippetParts: snippetParts,
        sections: subs
      }
    };
  };

  /**
   * `text` in pieces, the matched words marked. @param {string} text @param {Mark[]} marks
   */
  function parts(text, marks) {
    var chars = Array.from(text);
    return cut(chars, marks, 0, chars.length);
  }

  /** Pieces of chars[from, to), marking matched words. @param {string[]} chars @param {Mark[]} marks @param {number} from @param {number} to */
  function cut(chars, marks, from, to) {
    /** @type {TextPart[]} */
    var out = [];
    var done = from;
    marks.forEach(function (m) {
      if (m.concept < 0 || m.start < from || m.end > to) return;
      if (m.start > done) out.push({ text: chars.slice(done, m.start).join(""), mark: false });
      out.push({ text: chars.slice(m.start, m.end).join(""), mark: true });
      done = m.end;
    });
    if (done < to) out.push({ text: chars.slice(done, to).join(""), mark: false });
    return out;
  }

  /**
   * About `size` characters of `text` around the closest run of matched words (or the first
   * match, or the start), cut between words, with "…" where text was left out.
   * @param {string} text
   * @param {Mark[]} marks
   * @param {{from: number} | null} run
   * @param {number} size
   */
  function passage(text, marks, run, size) {
    var chars = Array.from(text || "");
    if (chars.length === 0) return [];
    var anchor = 0;
    if (run && run.from >= 0) anchor = marks[run.from].start;
    else {
      var first = marks.filter(function (m) {
        return m.concept >= 0;
      })[0];
      if (first) anchor = first.start;
    }
    var from = 0;
    if (chars.length > size && anchor > SNIPPET_LEAD) {
      from = Math.min(anchor - SNIPPET_LEAD, chars.length - size);
      // Start after a space; with none up to the end, cut inside the word.
      var start = from;
      while (from < chars.length && chars[from - 1] !== " ") from++;
      if (from === chars.length) from = start;
    }
    var to = Math.min(chars.length, from + size);
    if (to < chars.length) {
      var space = to;
      while (space > from && chars[space] !== " ") space--;
      if (space > from) to = space;
    }
    var out = cut(chars, marks, from, to);
    if (from > 0) out.unshift({ text: "…", mark: false });
    if (to < chars.length) out.push({ text: "…", mark: false });
    return out;
  }

  root.PortailSearch = {
    add: add,
    Engine: Engine,
    decodePostings: decodePostings,
    distance: distance
  };
})(typeof window !== "undefined" ? window : globalThis);
