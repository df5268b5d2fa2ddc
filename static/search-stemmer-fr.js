// @ts-check
/*!
 * portail — Snowball French stemmer, JavaScript port.
 *
 * The French algorithm of snowballstem.org (Martin Porter, BSD licence), as in rust-stemmers
 * 1.2, which builds the index: a word typed gets the stem the index holds. Words are arrays of
 * code points, as Rust's chars.
 */
(function (root) {
  "use strict";

  var VOWELS = "aeiouyâàëéêèïîôûù";
  var KEEP_WITH_S = "aiouès";

  function chars(/** @type {string} */ text) {
    return Array.from(text);
  }

  function isVowel(/** @type {string | undefined} */ ch) {
    return ch !== undefined && VOWELS.indexOf(ch) >= 0;
  }

  // Suffix lists, longest match wins (Snowball `among`).
  function table(/** @type {Record<string, string[]>} */ groups) {
    /** @type {StemSuffix[]} */
    var list = [];
    Object.keys(groups).forEach(function (action) {
      groups[action].forEach(function (suffix) {
        list.push({ suffix: chars(suffix), action: action });
      });
    });
    list.sort(function (a, b) {
      return b.suffix.length - a.suffix.length;
    });
    return list;
  }

  var STANDARD = table({
    plain: ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"],
    ateur: ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"],
    logie: ["logie", "logies"],
    ution: ["usion", "ution", "usions", "utions"],
    ence: ["ence", "ences"],
    ement: ["ement", "ements"],
    ite: ["ité", "ités"],
    ive: ["if", "ive", "ifs", "ives"],
    eaux: ["eaux"],
    aux: ["aux"],
    euse: ["euse", "euses"],
    issement: ["issement", "issements"],
    amment: ["amment"],
    emment: ["emment"],
    ment: ["ment", "ments"]
  });
  var AFTER_EMENT = table({ iv: ["iv"], eus: ["eus"], abl: ["abl", "iqU"], ier: ["ièr", "Ièr"] });
  var AFTER_ITE = table({ abil: ["abil"], ic: ["ic"], iv: ["iv"] });
  var I_VERB = table({
    i: [
      "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait",
      "iras", "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais",
      "issait", "issant", "issante", "issantes", "issants", "isse", "issent", "isses", "issez",
      "issiez", "issions", "issons", "it"
    ]
  });
  var VERB = table({
    ions: ["ions"],
    er: [
      "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras",
      "erez", "eriez", "erions", "erons", "eront", "ez", "iez"
    ],
    a: [
      "âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante", "antes", "ants", "as",
      "asse", "assent", "asses", "assiez", "assions"
    ]
  });
  var RESIDUAL = table({ ion: ["ion"], ier: ["ier", "ière", "Ier", "Ière"], e: ["e"], euml: ["ë"] });
  var DOUBLES = table({ x: ["enn", "onn", "ett", "ell", "eill"] });

  // The word being stemmed and its regions (Snowball's pV, p1, p2).
  function Word(/** @type {string} */ text) {
    this.w = chars(text);
    this.pV = this.p1 = this.p2 = this.w.length;
  }

  /** @param {string[]} suffix @param {number} [from] */
  Word.prototype.endsWith = function (suffix, from) {
    var w = this.w;
    var start = w.length - suffix.length;
    if (start < (from || 0)) return false;
    for (var i = 0; i < suffix.length; i++) {
      if (w[start + i] !== suffix[i]) return false;
    }
    return true;
  };

  /** Longest suffix of `list` ending the word and starting at or after `from`. @param {StemSuffix[]} list @param {number} from */
  Word.prototype.among = function (list, from) {
    for (var i = 0; i < list.length; i++) {
      if (this.endsWith(list[i].suffix, from)) {
        return { action: list[i].action, start: this.w.length - list[i].suffix.length };
      }
    }
    return null;
  };

  /** @param {number} start @param {string} replacement */
  Word.prototype.replaceFrom = function (start, replacement) {
    this.w = this.w.slice(0, start).concat(chars(replacement));
  };

  /** @param {string} text @param {number} [from] */
  Word.prototype.endsWithText = function (text, from) {
    return this.endsWith(chars(text), from);
  };

  // Marks u, i, y that behave as consonants, and the u after q (Snowball prelude).
  Word.prototype.prelude = function () {
    var w = this.w;
    for (var i = 0; i < w.length; i++) {
      if (isVowel(w[i]) && (w[i + 1] === "u" || w[i + 1] === "i") && isVowel(w[i + 2])) {
        w[i + 1] = w[i + 1].toUpperCase();
      } else if (isVowel(w[i]) && w[i + 1] === "y") {
        w[i + 1] = "Y";
      } else if (w[i] === "y" && isVowel(w[i + 1])) {
        w[i] = "Y";
      } else if (w[i] === "q" && w[i + 1] === "u") {
        w[i + 1] = "U";
      }
    }
  };

  Word.prototype.markRegions = function () {
    var w = this.w;
    var len = w.length;
    var i;
    var prefix = w.slice(0, 3).join("");
    if (len >= 3 && isVowel(w[0]) && isVowel(w[1])) {
      this.pV = 3;
    } else if (prefix === "par" || prefix === "col" || prefix === "tap") {
      this.pV = 3;
    } else {
      for (i = 1; i < len; i++) {
        if (isVowel(w[i])) {
          this.pV = i + 1;
          break;
        }
      }
    }
    // p1: after the first non-vowel following a vowel; p2: the same again from p1.
    var marks = [];
    i = 0;
    while (marks.length < 2) {
      while (i < len && !isVowel(w[i])) i++;
      while (i < len && isVowel(w[i])) i++;
      if (i >= len) break;
      i++;
      marks.push(i);
    }
    if (marks.length > 0) this.p1 = marks[0];
    if (marks.length > 1) this.p2 = marks[1];
  };

  // Returns true when a suffix was removed (Snowball `standard_suffix`); some
  // branches change the word and still fail, to let the verb steps run.
  Word.prototype.standardSuffix = function () {
    var m = this.among(STANDARD, 0);
    if (!m) return false;
    var s = m.start;
    var inR2 = s >= this.p2;
    switch (m.action) {
      case "plain":
        if (!inR2) return false;
        this.replaceFrom(s, "");
        return true;
      case "ateur":
        if (!inR2) return false;
        this.replaceFrom(s, "");
        this.icEnding();
        return true;
      case "logie":
        if (!inR2) return false;
        this.replaceFrom(s, "log");
        return true;
      case "ution":
        if (!inR2) return false;
        this.replaceFrom(s, "u");
        return true;
      case "ence":
        if (!inR2) return false;
        this.replaceFrom(s, "ent");
        return true;
      case "ement":
        if (s < this.pV) return false;
        this.replaceFrom(s, "");
        this.afterEment();
        return true;
      case "ite":
        if (!inR2) return false;
        this.replaceFrom(s, "");
        this.afterIte();
        return true;
      case "ive":
        if (!inR2) return false;
        this.replaceFrom(s, "");
        if (this.endsWithText("at") && this.w.length - 2 >= this.p2) {
          this.replaceFrom(this.w.length - 2, "");
          this.icEnding();
        }
        return true;
      case "eaux":
        this.replaceFrom(s, "eau");
        return true;
      case "aux":
        if (s < this.p1) return false;
        this.replaceFrom(s, "al");
        return true;
      case "euse":
        if (inR2) this.replaceFrom(s, "");
        else if (s >= this.p1) this.replaceFrom(s, "eux");
        else return false;
        return true;
      case "issement":
        if (s < this.p1 || s === 0 || isVowel(this.w[s - 1])) return false;
        this.replaceFrom(s, "");
        return true;
      case "amment":
        if (s >= this.pV) this.replaceFrom(s, "ant");
        return false;
      case "emment":
        if (s >= this.pV) this.replaceFrom(s, "ent");
        return false;
      default: // "ment"
        if (s > 0 && isVowel(this.w[s - 1]) && s - 1 >= this.pV) this.replaceFrom(s, "");
        return false;
    }
  };

  // After -ateur, -ative…: "ic" goes in R2, else becomes "iqU".
  Word.prototype.icEnding = function () {
    if (!this.endsWithText("ic")) return;
    var s = this.w.length - 2;
    this.replaceFrom(s, s >= this.p2 ? "" : "iqU");
  };

  Word.prototype.afterEment = function () {
    var m = this.among(AFTER_EMENT, 0);
    if (!m) return;
    var s = m.start;
    if (m.action === "iv") {
      if (s < this.p2) return;
      this.replaceFrom(s, "");
      if (this.endsWithText("at") && this.w.length - 2 >= this.p2) {
        this.replaceFrom(this.w.length - 2, "");
      }
    } else if (m.action === "eus") {
      if (s >= this.p2) this.replaceFrom(s, "");
      else if (s >= this.p1) this.replaceFrom(s, "eux");
    } else if (m.action === "abl") {
      if (s >= this.p2) this.replaceFrom(s, "");
    } else if (s >= this.pV) {
      this.replaceFrom(s, "i");
    }
  };

  Word.prototype.afterIte = function () {
    var m = this.among(AFTER_ITE, 0);
    if (!m) return;
    var s = m.start;
    var inR2 = s >= this.p2;
    if (m.action === "abil") this.replaceFrom(s, inR2 ? "" : "abl");
    else if (m.action === "ic") this.replaceFrom(s, inR2 ? "" : "iqU");
    else if (inR2) this.replaceFrom(s, "");
  };

  Word.prototype.iVerbSuffix = function () {
    if (this.w.length < this.pV) return false;
    var m = this.among(I_VERB, this.pV);
    if (!m || m.start - 1 < this.pV || isVowel(this.w[m.start - 1])) return false;
    this.replaceFrom(m.start, "");
    return true;
  };

  Word.prototype.verbSuffix = function () {
    if (this.w.length < this.pV) return false;
    var m = this.among(VERB, this.pV);
    if (!m) return false;
    if (m.action === "ions") {
      if (m.start < this.p2) return false;
      this.replaceFrom(m.start, "");
    } else if (m.action === "er") {
      this.replaceFrom(m.start, "");
    } else {
      this.replaceFrom(m.start, "");
      if (this.endsWithText("e", this.pV)) this.replaceFrom(this.w.length - 1, "");
    }
    return true;
  };

  Word.prototype.residualSuffix = function () {
    var w = this.w;
    var len = w.length;
    if (len >= 2 && w[len - 1] === "s" && KEEP_WITH_S.indexOf(w[len - 2]) < 0) {
      this.replaceFrom(len - 1, "");
    }
    if (this.w.length < this.pV) return;
    var m = this.among(RESIDUAL, this.pV);
    if (!m) return;
    var s = m.start;
    if (m.action === "ion") {
      var before = this.w[s - 1];
      if (s >= this.p2 && s - 1 >= this.pV && (before === "s" || before === "t")) {
        this.replaceFrom(s, "");
      }
    } else if (m.action === "ier") {
      this.replaceFrom(s, "i");
    } else if (m.action === "e") {
      this.replaceFrom(s, "");
    } else if (s - 2 >= this.pV && this.w[s - 2] === "g" && this.w[s - 1] === "u") {
      this.replaceFrom(s, "");
    }
  };

  // "enn", "onn", "ett", "ell", "eill" at the end lose their last letter.
  Word.prototype.unDouble = function () {
    if (this.among(DOUBLES, 0)) this.replaceFrom(this.w.length - 1, "");
  };

  // é or è followed by one or more non-vowels at the end becomes e.
  Word.prototype.unAccent = function () {
    var i = this.w.length - 1;
    while (i >= 0 && !isVowel(this.w[i])) i--;
    if (i < this.w.length - 1 && i >= 0 && (this.w[i] === "é" || this.w[i] === "è")) {
      this.w[i] = "e";
    }
  };

  Word.prototype.postlude = function () {
    this.w = this.w.map(function (ch) {
      return ch === "I" || ch === "U" || ch === "Y" ? ch.toLowerCase() : ch;
    });
  };

  function stem(/** @type {string} */ text) {
    var word = new Word(text);
    word.prelude();
    word.markRegions();
    if (word.standardSuffix() || word.iVerbSuffix() || word.verbSuffix()) {
      var last = word.w.length - 1;
      if (word.w[last] === "Y") word.w[last] = "i";
      else if (word.w[last] === "ç") word.w[last] = "c";
    } else {
      word.residualSuffix();
    }
    word.unDouble();
    word.unAccent();
    word.postlude();
    return word.w.join("");
  }

  root.PortailStemmerFr = { stem: stem };
})(typeof window !== "undefined" ? window : globalThis);
