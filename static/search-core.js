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
