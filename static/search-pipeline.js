// @ts-check
/*!
 * portail — the French text pipeline of search, browser side.
 *
 * Mirror of src/search/{tokenize,fold,stopwords,language}.rs: a query goes through exactly
 * the steps the pages went through (tests/fixtures/french_tokens.json runs through both).
 * Needs search-stemmer-fr.js.
 */
(function (root) {
  "use strict";

  // Folded French stop words, as in src/search/stopwords.rs.
  var STOP_WORDS = [
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient", "aurais",
    "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais",
    "avait", "avec", "avez", "aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce",
    "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette", "ceux", "d", "dans", "de",
    "des", "dont", "du", "elle", "elles", "en", "es", "est", "et", "etaient", "etais", "etait",
    "etant", "ete", "etee", "etees", "etes", "etiez", "etions", "eu", "eue", "eues", "eumes",
    "eurent", "eus", "eusse", "eussent", "eusses", "eussiez", "eussions", "eut", "eutes", "eux",
    "fumes", "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions", "fut", "futes",
    "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les", "leur", "leurs", "lorsqu", "lui", "m",
    "ma", "mais", "me", "meme", "memes", "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre",
    "nous", "on", "ont", "ou", "par", "pas", "pour", "puisqu", "qu", "quand", "que", "quel",
    "quelle", "quelles", "quels", "qui", "quoiqu", "s", "sa", "sans", "se", "sera", "serai",
    "seraient", "serais", "serait", "seras", "serez", "seriez", "serions", "serons", "seront",
    "ses", "si", "soi", "soient", "sois", "soit", "sommes", "son", "sont", "soyez", "soyons",
    "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
    "y"
  ];
  var STOP_SET = new Set(STOP_WORDS);

  // Unaccented spelling of lower-case Latin-1 and Latin Extended-A letters, as in fold.rs.
  var BASE_LETTERS = {
    a: "àáâãäåāăą", ae: "æ", c: "çćĉċč", d: "ďđ", e: "èéêëēĕėęě", g: "ĝğġģ", h: "ĥħ",
    i: "ìíîïĩīĭįı", j: "ĵ", k: "ķ", l: "ĺļľŀł", n: "ñńņň", o: "òóôõöøōŏő", oe: "œ", r: "ŕŗř",
    s: "śŝşš", ss: "ß", t: "ţťŧ", u: "ùúûüũūŭůűų", w: "ŵ", y: "ýÿŷ", z: "źżž"
  };
  /** @type {Record<string, string>} */
  var FOLD = {};
  Object.entries(BASE_LETTERS).forEach(function (entry) {
    Array.from(entry[1]).forEach(function (letter) {
      FOLD[letter] = entry[0];
    });
  });

  var WORD_CHAR = /^[\p{Alphabetic}\p{N}\u0300-\u036f]$/u;
  var COMBINING_ACCENT = /^[\u0300-\u036f]$/;
  var DIGITS = /^[0-9]+$/;
  var GROUP_SEPARATORS = " \u00a0\u202f\u2009";

  function isWordChar(/** @type {string | undefined} */ ch) {
    return ch !== undefined && WORD_CHAR.test(ch);
  }

  var MAX_WORD = 40;

  /**
   * Words of `text` with their code-point offsets: runs of letters, digits and combining
   * accents; French digit groups ("40 000") joined into one number. Same rules as tokenize.rs.
   * @param {string} text
   */
  function words(text) {
    var chars = Array.from(String(text));
    /** @type {PipelineWord[]} */
    var out = [];
    var i = 0;
    while (i < chars.length) {
      if (!isWordChar(chars[i])) {
        i++;
        continue;
      }
      var start = i;
      while (i < chars.length && isWordChar(chars[i])) i++;
      // Longer than MAX_WORD characters: not a word anyone searches for (tokenize.rs).
      if (i - start > MAX_WORD) continue;
      var token = chars.slice(start, i).join("");
      if (token.length >= 1 && token.length <= 3 && DIGITS.test(token)) {
        var end;
        while ((end = thousandsGroupAt(chars, i)) > 0) {
          token += chars.slice(i + 1, end).join("");
          i = end;
        }
      }
      out.push({ token: token, start: start, end: i });
    }
    return out;
  }

  /** @param {string[]} chars @param {number} at */
  function thousandsGroupAt(chars, at) {
    if (at >= chars.length || GROUP_SEPARATORS.indexOf(chars[at]) < 0) return -1;
    var end = at + 4;
    if (end > chars.length) return -1;
    if (!DIGITS.test(chars.slice(at + 1, end).join(""))) return -1;
    return isWordChar(chars[end]) ? -1 : end;
  }

  /** @param {string} text */
  function tokenize(text) {
    return words(text).map(function (word) {
      return word.token;
    });
  }

  /** @param {string} token */
  function fold(token) {
    var out = "";
    Array.from(token.toLowerCase()).forEach(function (ch) {
      if (FOLD[ch] !== undefined) out += FOLD[ch];
      else if (!COMBINING_ACCENT.test(ch)) out += ch;
    });
    return out;
  }

  /** @param {string} folded */
  function isStopWord(folded) {
    return STOP_SET.has(folded);
  }

  // The pipeline functions, under the names the index manifest lists (language.rs).
  /** @type {Record<string, (token: string) => string | null>} */
  var FUNCTIONS = {
    "portail-fr-fold": function (token) {
      var folded = fold(token);
      return folded === "" ? null : folded;
    },
    "portail-fr-stop": function (token) {
      return isStopWord(token) ? null : token;
    },
    "portail-fr-stem": function (token) {
      var stem = root.PortailStemmerFr.stem(token);
      return stem === "" ? null : stem;
    }
  };
  var ORDER = ["portail-fr-fold", "portail-fr-stop", "portail-fr-stem"];

  /** One token through the pipeline: its stem, or null for a stop word. @param {string | null} token */
  function analyzeToken(token) {
    for (var i = 0; i < ORDER.length && token !== null; i++) {
      token = FUNCTIONS[ORDER[i]](token);
    }
    return token;
  }

  /** The tokens the index holds for `text` (the same as `analyze` in language.rs). @param {string} text */
  function analyze(text) {
    /** @type {string[]} */
    var out = [];
    tokenize(text).forEach(function (token) {
      var term = analyzeToken(token);
      if (term !== null) out.push(term);
    });
    return out;
  }

  root.PortailSearchPipeline = {
    STOP_WORDS: STOP_WORDS,
    words: words,
    tokenize: tokenize,
    fold: fold,
    isStopWord: isStopWord,
    analyzeToken: analyzeToken,
    analyze: analyze
  };
})(typeof window !== "undefined" ? window : globalThis);
