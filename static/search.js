// @ts-check
/*!
 * portail — search in the page: the header box and the search page. Small, as every page
 * loads it: the engine (search-core.js) and the index load as the visitor searches, each file
 * a classic script, so that search works from file:// and under a strict CSP. Results are
 * text nodes, never HTML.
 */
(function () {
  "use strict";

  var doc = document;
  var ROOT = doc.documentElement.getAttribute("data-root") || "";
  // In execution order; each needs the ones before it.
  var ENGINE_SCRIPTS = [
    "static/search-stemmer-fr.js",
    "static/search-pipeline.js",
    "static/search-core.js"
  ];
  var MIN_QUERY = 2;
  var BOX_RESULTS = 6;
  // Section links under each page in the header box (the search page shows up to three).
  var BOX_SECTIONS = 1;
  var PAGE_RESULTS = 10;
  // Screen readers hear the count once typing pauses, not at every keystroke.
  var ANNOUNCE_DELAY = 500;

  /** @type {Promise<SearchEngine> | null} */
  var engineLoad = null;

  /**
   * Runs the classic script at `path` (relative to the site root) once; resolves when it has.
   * @param {string} path
   * @param {boolean} [ordered] run in insertion order with the other ordered scripts
   */
  function loadScript(path, ordered) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = ROOT + path;
      script.async = !ordered; // dynamic scripts otherwise run in arrival order
      script.onload = function () {
        resolve(undefined);
      };
      script.onerror = function () {
        script.remove();
        reject(new Error(path));
      };
      doc.head.appendChild(script);
    });
  }

  /** Loads the engine and the index manifest once; resolves to the engine. */
  function loadEngine() {
    if (!engineLoad) {
      engineLoad = Promise.all(ENGINE_SCRIPTS.map(function (path) {
        return loadScript(path, true);
      })).then(function () {
        var engine = new window.PortailSearch.Engine(loadScript);
        return engine.ready().then(function () {
          return engine;
        });
      });
      engineLoad.catch(function () {
        engineLoad = null; // let a later keystroke try again
      });
    }
    return engineLoad;
  }

  function preload() {
    loadEngine().catch(function () {});
  }

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  function element(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Appends highlighted text: matched words in <mark>, all of it as text nodes. @param {HTMLElement} parent @param {TextPart[]} parts */
  function appendParts(parent, parts) {
    parts.forEach(function (part) {
      parent.appendChild(part.mark ? element("mark", "", part.text) : doc.createTextNode(part.text));
    });
    return parent;
  }

  /** Hidden on screen, still read by screen readers (styles set through CSSOM, CSP-safe). @param {HTMLElement} node */
  function hideVisually(node) {
    var style = node.style;
    style.position = "absolute";
    style.width = style.height = "1px";
    style.margin = "-1px";
    style.padding = "0";
    style.overflow = "hidden";
    style.clip = "rect(0 0 0 0)";
    style.whiteSpace = "nowrap";
    style.border = "0";
    return node;
  }

  function resultsLabel(/** @type {number} */ count, /** @type {string} */ query) {
    if (count === 0) return "Aucune page trouvée pour « " + query + " »";
    return count + (count === 1 ? " page trouvée" : " pages trouvées") + " pour « " + query + " »";
  }

  var LOAD_ERROR =
    "La recherche n’a pas pu se charger. Utilisez le plan du site ou le glossaire.";

  /** Says `text` through `status` after `delay` ms, replacing any text still waiting. @param {Element} status */
  function announcer(status) {
    var timer = 0;
    return function (/** @type {string} */ text, /** @type {number} */ delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = text;
      }, delay);
    };
  }

  /** Header box: an ARIA 1.2 combobox with a listbox of the best results. @param {Element} form @param {HTMLInputElement} input */
  function SearchBox(form, input) {
    var base = input.id || "recherche";
    this.input = input;
    /** @type {HTMLElement[]} */
    this.options = [];
    this.active = -1;

    this.list = element("ul", "search-suggestions");
    this.list.id = base + "-suggestions";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", "Résultats de la recherche");
    this.list.hidden = true;
    this.status = hideVisually(element("p", "search-box-status"));
    this.status.setAttribute("role", "status");
    this.announce = announcer(this.status);
    form.appendChild(this.list);
    form.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);

    var self = this;
    input.addEventListener("focus", preload);
    input.addEventListener("input", function () {
      self.update();
    });
    input.addEventListener("keydown", function (event) {
      self.onKey(event);
    });
    input.addEventListener("blur", function () {
      self.close();
    });
    // Keep the focus in the field while the pointer picks an option.
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.list.addEventListener("click", function (event) {
      var option = event.target instanceof Element ? event.target.closest("[role=option]") : null;
      if (option) follow(option);
    });
  }

  /** @param {Element} option */
  function follow(option) {
    var href = option.getAttribute("data-href");
    if (href) window.location.href = href;
  }

  SearchBox.prototype.update = function () {
    var self = this;
    var query = this.input.value;
    if (query.trim().length < MIN_QUERY) {
      this.render({ total: 0, results: [] }, query);
      return;
    }
    loadEngine().then(
      function (engine) {
        return engine.search(query, { limit: BOX_RESULTS }).then(function (found) {
          if (self.input.value !== query) return; // a later keystroke will render
          self.render(found, query);
        });
      }
    ).then(
      undefined,
      function () {
        self.announce(LOAD_ERROR, 0);
      }
    );
  };

  /** @param {SearchResults} found @param {string} query */
  SearchBox.prototype.render = function (found, query) {
    var results = found.results;
    var self = this;
    var list = this.list;
    list.textContent = "";
    this.options = [];
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (query.trim().length < MIN_QUERY) {
      this.close();
      this.announce("", 0);
      return;
    }
    results.forEach(function (result) {
      var option = self.option(ROOT + result.url);
      appendParts(option.appendChild(element("span", "search-result-title")), result.titleParts);
      // Heard as "title, section": the snippet is for the eye, the search page reads it out.
      option.appendChild(hideVisually(element("span", "", ", ")));
      option.appendChild(element("span", "search-result-section", result.label));
      var snippet = appendParts(element("span", "search-result-snippet"), result.snippetParts);
      snippet.setAttribute("aria-hidden", "true");
      option.appendChild(snippet);
      result.sections.slice(0, BOX_SECTIONS).forEach(function (section) {
        var sub = self.option(ROOT + section.url);
        sub.classList.add("search-option-section");
        sub.appendChild(hideVisually(element("span", "", result.title + ", section ")));
        appendParts(sub.appendChild(element("span", "search-result-title")), section.titleParts);
      });
    });
    var all = this.option(ROOT + "recherche/index.html?q=" + encodeURIComponent(query));
    all.classList.add("search-all");
    all.textContent =
      found.total > 0 ? "Tous les résultats (" + found.total + ")" : "Page de recherche";
    this.open();
    this.announce(
      resultsLabel(found.total, query) +
        (found.total > 0 ? ". Flèches haut et bas pour les parcourir." : ""),
      ANNOUNCE_DELAY
    );
  };

  /** @param {string} href */
  SearchBox.prototype.option = function (href) {
    var option = element("li", "search-option");
    option.id = this.list.id + "-" + this.options.length;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    option.setAttribute("data-href", href);
    this.list.appendChild(option);
    this.options.push(option);
    return option;
  };

  SearchBox.prototype.open = function () {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  SearchBox.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.select(-1);
  };

  /** @param {number} position */
  SearchBox.prototype.select = function (position) {
    if (this.active >= 0 && this.options[this.active]) {
      this.options[this.active].setAttribute("aria-selected", "false");
    }
    this.active = position;
    var option = this.options[position];
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
      this.input.setAttribute("aria-activedescendant", option.id);
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  /** @param {KeyboardEvent} event */
  SearchBox.prototype.onKey = function (event) {
    var count = this.options.length;
    var isOpen = !this.list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (count === 0) return;
      event.preventDefault();
      if (!isOpen) this.open();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var from = this.active < 0 && step < 0 ? count : this.active;
      this.select((from + step + count) % count);
    } else if (event.key === "Enter" && isOpen && this.active >= 0) {
      event.preventDefault();
      follow(this.options[this.active]);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault(); // first Escape closes the list, a second clears the field
      this.close();
    }
  };

  /** Search page: results for ?q=, a list of links walked with the arrow keys. @param {HTMLInputElement} input @param {Element} status @param {HTMLElement} list */
  function SearchPage(input, status, list) {
    this.input = input;
    this.list = list;
    this.say = announcer(status);
    this.limit = PAGE_RESULTS;
    this.more = element("button", "search-more", "Voir plus de résultats");
    this.more.setAttribute("type", "button");
    this.more.hidden = true;
    list.after(this.more);
    var self = this;
    var form = this.input.form;
    this.more.addEventListener("click", function () {
      var shown = self.links().length;
      self.limit += PAGE_RESULTS;
      self.update(false, shown);
    });

    this.input.addEventListener("input", function () {
      self.update(true);
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.update(false);
      });
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") self.focusResult(0, event);
    });
    this.list.addEventListener("keydown", function (event) {
      self.onResultKey(event);
    });

    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      this.input.value = query;
      this.update(false);
    } else {
      input.addEventListener("focus", preload);
    }
  }

  /**
   * Shows the results of the field's query; `shown` (after "voir plus") is the number of
   * results already on screen: the focus moves to the first new one.
   * @param {boolean} typing
   * @param {number} [shown]
   */
  SearchPage.prototype.update = function (typing, shown) {
    var self = this;
    var query = this.input.value;
    if (shown === undefined) this.limit = PAGE_RESULTS;
    this.remember(query);
    if (query.trim().length < MIN_QUERY) {
      this.list.textContent = "";
      this.more.hidden = true;
      this.say("", 0);
      return;
    }
    if (!typing) this.say("Recherche en cours…", 0);
    loadEngine().then(
      function (engine) {
        return engine.search(query, { limit: self.limit }).then(function (found) {
          if (self.input.value !== query) return;
          self.render(found, query, typing);
          if (shown !== undefined) {
            var next = self.links()[shown];
            if (next) next.focus();
          }
        });
      }
    ).then(undefined, function () {
      self.say(LOAD_ERROR, 0);
    });
  };

  /** @param {SearchResults} found @param {string} query @param {boolean} typing */
  SearchPage.prototype.render = function (found, query, typing) {
    var list = this.list;
    var results = found.results;
    list.textContent = "";
    results.forEach(function (result) {
      var item = element("li", "search-result");
      var link = element("a", "search-result-title");
      link.setAttribute("href", ROOT + result.url);
      appendParts(link, result.titleParts);
      item.appendChild(element("h2", "search-result-heading")).appendChild(link);
      item.appendChild(element("p", "search-result-section", result.label));
      appendParts(item.appendChild(element("p", "search-result-snippet")), result.snippetParts);
      if (result.sections.length > 0) {
        var sections = item.appendChild(element("ul", "search-result-sections"));
        sections.setAttribute("aria-label", "Sections de « " + result.title + " »");
        result.sections.forEach(function (section) {
          var entry = sections.appendChild(element("li"));
          var sub = element("a", "search-result-section-link");
          sub.setAttribute("href", ROOT + section.url);
          appendParts(sub, section.titleParts);
          entry.appendChild(sub);
          appendParts(entry.appendChild(element("p", "search-result-snippet")), section.snippetParts);
        });
      }
      list.appendChild(item);
    });
    this.more.hidden = found.total <= results.length;
    var label = resultsLabel(found.total, query);
    if (found.total > results.length) label += ", les " + results.length + " premières affichées";
    this.say(label + ".", typing ? ANNOUNCE_DELAY : 0);
  };

  /** @returns {HTMLAnchorElement[]} */
  SearchPage.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.search-result-title"));
  };

  /** @param {number} position @param {KeyboardEvent} event */
  SearchPage.prototype.focusResult = function (position, event) {
    var links = this.links();
    if (links.length === 0) return;
    event.preventDefault();
    links[Math.max(0, Math.min(position, links.length - 1))].focus();
  };

  /** @param {KeyboardEvent} event */
  SearchPage.prototype.onResultKey = function (event) {
    var links = this.links();
    var position = links.findIndex(function (link) {
      return link === doc.activeElement;
    });
    if (position < 0) return;
    if (event.key === "ArrowDown") this.focusResult(position + 1, event);
    else if (event.key === "ArrowUp" && position === 0) {
      event.preventDefault();
      this.input.focus();
    } else if (event.key === "ArrowUp") this.focusResult(position - 1, event);
    else if (event.key === "Home") this.focusResult(0, event);
    else if (event.key === "End") this.focusResult(links.length - 1, event);
    else if (event.key === "Escape") {
      event.preventDefault();
      this.input.focus();
    }
  };

  /** Keeps ?q= in the address, so the results can be bookmarked or shared. @param {string} query */
  SearchPage.prototype.remember = function (query) {
    try {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.href);
    } catch {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
  };

  function start() {
    doc.querySelectorAll("form[data-search-box]").forEach(function (form) {
      var input = form.querySelector("input[type=search]");
      if (input instanceof HTMLInputElement) new SearchBox(form, input);
    });
    doc.querySelectorAll("[data-search-page]").forEach(function (container) {
      var input = container.querySelector("input[type=search]");
      var status = container.querySelector("[role=status]");
      var list = container.querySelector(".search-results");
      if (input instanceof HTMLInputElement && status && list instanceof HTMLElement) {
        new SearchPage(input, status, list);
      }
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})();
