// @ts-check
/*
 * Assistant d'éligibilité : interface du moteur WebAssembly.
 *
 * Classic script, no module and no fetch, so that it runs from file:// and
 * under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
 * The engine (window.PORTAIL_WIZARD_WASM, base64) and the compiled rules
 * (window.PORTAIL_WIZARD_DATA) come from two scripts the generator writes
 * next to the page. Every text from the data goes through textContent.
 *
 * The answers live in the URL fragment (#porteur=startup&besoin=vendre…):
 * the browser's back button steps back through the questions, and a result
 * can be bookmarked or shared. Without JavaScript, or if anything here fails,
 * the static table generated from the same rules stays on the page.
 */
/**
 * What the engine's wz_eval returns (wizard/src/outcome.rs, as JSON).
 * @typedef {object} WizardOutcome
 * @property {string} fragment the answers the engine used, as a URL fragment
 * @property {boolean} complete
 * @property {WizardStep[]} steps the questions answered, in order
 * @property {WizardStep | null} next the question to ask now
 * @property {number} position its number
 * @property {number} total how many questions there are at most
 * @property {WizardLever[]} levers
 * @property {WizardPurchase | null} purchase
 * @property {WizardContact | null} contact the ARS of the region answered
 */
/**
 * @typedef {object} WizardStep
 * @property {string} question its id, the key in the fragment
 * @property {"choix" | "montant" | "region"} kind
 * @property {string} text
 * @property {string | null} help
 * @property {Array<{id: string, label: string}>} options
 * @property {string | null} answer
 * @property {string | null} answer_label
 */
/**
 * @typedef {object} WizardLever
 * @property {string} slug
 * @property {string} title
 * @property {string} short_title
 * @property {string} url from the site root
 * @property {"correspond" | "peut-correspondre" | "ne-correspond-pas"} status
 * @property {string} status_label
 * @property {WizardReason[]} reasons
 * @property {WizardReason[]} conditions
 * @property {string[]} next_steps
 * @property {string | null} contact_note
 * @property {"aucun" | "ars" | "article51"} ars_contact which ARS contact the lever's text points to
 * @property {boolean} to_confirm
 * @property {Array<{slug: string, title: string, url: string, deadline: string | null, deadline_text: string | null}>} calls
 */
/** @typedef {{rule: string, text: string, source: string}} WizardReason */
/**
 * @typedef {object} WizardPurchase
 * @property {number} amount
 * @property {string} amount_text
 * @property {boolean} to_confirm
 * @property {Array<{rule: string, range: string, text: string, source: string, thresholds: WizardThreshold[]}>} lines
 */
/** @typedef {{amount: number, amount_text: string, label: string, period: string, in_force: boolean}} WizardThreshold */
/** @typedef {{region: string, name: string, article51_email: string, url: string}} WizardContact */
/**
 * The engine's exports (wizard/src/wasm.rs): pointers and lengths are numbers.
 * @typedef {object} WizardExports
 * @property {WebAssembly.Memory} memory
 * @property {(len: number) => number} wz_alloc
 * @property {(ptr: number, len: number) => void} wz_free
 * @property {(ptr: number, len: number) => number} wz_load 1 once the data is loaded
 * @property {(ptr: number, len: number) => number} wz_eval the length of the outcome's JSON
 * @property {() => number} wz_out_ptr where the outcome's JSON is
 */
(function () {
  "use strict";

  var app = document.getElementById("assistant-app");
  if (!app || !window.WebAssembly || typeof TextEncoder === "undefined" ||
      !window.PORTAIL_WIZARD_WASM || !window.PORTAIL_WIZARD_DATA) {
    return;
  }
  var root = document.documentElement.getAttribute("data-root") || "";
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  /** @type {WizardExports | null} */
  var engine = null;
  // Question being changed through « Modifier », if any (not in the URL).
  /** @type {string | null} */
  var editing = null;
  // Set after a visitor's action, so focus only moves when they asked for it.
  var moveFocus = false;
  // The answers given in this visit, by question: going back to a question
  // (button or browser) shows the answer it had, selected.
  /** @type {Record<string, string>} */
  var remembered = {};
  var siteName = app.getAttribute("data-site-name") || document.title;

  /* ---------- Engine ---------- */

  /** @param {string} text */
  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  /**
   * Copies a string into WebAssembly memory, calls fn(ptr, len), frees it.
   * @param {WizardExports} exports
   * @param {string} text
   * @param {(ptr: number, len: number) => number} fn
   */
  function withString(exports, text, fn) {
    var bytes = encoder.encode(text);
    var ptr = exports.wz_alloc(bytes.length);
    new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
    try {
      return fn(ptr, bytes.length);
    } finally {
      exports.wz_free(ptr, bytes.length);
    }
  }

  function frenchToday() {
    var months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"];
    var d = new Date();
    return (d.getDate() === 1 ? "1er" : d.getDate()) + " " + months[d.getMonth()] + " " + d.getFullYear();
  }

  function localDate() {
    var d = new Date();
    var pad = function (/** @type {number} */ n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /**
   * @param {string} fragment the answers
   * @returns {WizardOutcome}
   */
  function evaluate(fragment) {
    if (!engine) { throw new Error("moteur de l'assistant non chargé"); }
    // The engine keeps the later of the build date and today's date, so a
    // call whose deadline passed since the build is never offered as open.
    var len = withString(engine, localDate() + "\n" + fragment, engine.wz_eval);
    var out = new Uint8Array(engine.memory.buffer, engine.wz_out_ptr(), len);
    return JSON.parse(decoder.decode(out));
  }

  /* ---------- Fragment ---------- */

  function currentFragment() {
    return location.hash.replace(/^#/, "");
  }

  /**
   * The fragment's key=value pairs, as written (values still encoded).
   * @param {string} fragment
   */
  function parsePairs(fragment) {
    /** @type {Array<[string, string]>} */
    var pairs = [];
    fragment.split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i >= 0) { pairs.push([part.slice(0, i), part.slice(i + 1)]); }
    });
    return pairs;
  }

  /**
   * @param {string} fragment
   * @param {string} question
   * @param {string} value
   */
  function withAnswer(fragment, question, value) {
    var pairs = parsePairs(fragment);
    var found = false;
    pairs.forEach(function (p) {
      if (p[0] === question) { p[1] = encodeURIComponent(value); found = true; }
    });
    if (!found) { pairs.push([question, encodeURIComponent(value)]); }
    return pairs.map(function (p) { return p[0] + "=" + p[1]; }).join("&");
  }

  /** @param {string} fragment @param {string} question */
  function withoutAnswer(fragment, question) {
    return parsePairs(fragment).filter(function (p) { return p[0] !== question; })
      .map(function (p) { return p[0] + "=" + p[1]; }).join("&");
  }

  /** @param {string} fragment */
  function go(fragment) {
    moveFocus = true;
    editing = null;
    if (fragment === currentFragment()) {
      render();
    } else if (fragment === "") {
      history.pushState(null, "", location.pathname + location.search);
      render();
    } else {
      location.hash = fragment; // → hashchange → render
    }
  }

  /* ---------- DOM helpers ---------- */

  /**
   * An element with attributes ("text" sets its text, "className" its class) and children.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, string>} [attrs]
   * @param {Array<Node | null>} [children] null ones are skipped
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var given = attrs || {};
    Object.keys(given).forEach(function (key) {
      if (key === "text") { node.textContent = given[key]; }
      else if (key === "className") { node.className = given[key]; }
      else { node.setAttribute(key, given[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  /**
   * @param {string} label
   * @param {() => void} onClick
   * @param {string} [className]
   */
  function button(label, onClick, className) {
    var b = el("button", { type: "button", text: label, className: className || "wz-button" });
    b.addEventListener("click", onClick);
    return b;
  }

  /** @param {string} href @param {string} text */
  function link(href, text) {
    return el("a", { href: href, text: text });
  }

  /* ---------- Rendering ---------- */

  var stepsBox = el("div", { className: "wz-steps" });
  var questionBox = el("div", { className: "wz-question" });
  var resultBox = el("div", { className: "wz-result", "aria-live": "polite" });
  var rulesTable = document.getElementById("assistant-tableau");

  /** @param {WizardOutcome} outcome */
  function renderSteps(outcome) {
    stepsBox.textContent = "";
    if (!outcome.steps.length) { return; }
    var list = el("ol", { className: "wz-answers" });
    outcome.steps.forEach(function (step) {
      var item = el("li", {}, [
        el("span", { className: "wz-answer-question", text: step.text + " " }),
        el("strong", { text: step.answer_label || "" }),
        document.createTextNode(" ")
      ]);
      var change = button("Modifier", function () {
        editing = step.question;
        moveFocus = true;
        render();
      }, "wz-link-button no-print");
      change.setAttribute("aria-label", "Modifier la réponse à « " + step.text + " »");
      item.appendChild(change);
      list.appendChild(item);
    });
    stepsBox.appendChild(el("h2", { text: "Vos réponses" }));
    stepsBox.appendChild(list);
  }

  /**
   * @param {WizardStep} step
   * @param {string} fragment
   * @param {number} number the question's number
   * @param {number} total
   * @returns {HTMLElement} what takes the focus
   */
  function renderQuestion(step, fragment, number, total) {
    questionBox.textContent = "";
    var form = el("form", { className: "wz-form no-print", novalidate: "" });
    var legend = el("legend", { tabindex: "-1" }, [
      el("span", { className: "wz-step-number", text: "Question " + number + " sur " + Math.max(total, number) + " : " }),
      document.createTextNode(step.text)
    ]);
    // The answer in the URL, or else the one given earlier in this visit.
    var current = step.answer || remembered[step.question] || null;
    var fieldset = el("fieldset", {}, [legend]);
    var helpId = "wz-help-" + step.question;
    var errorId = "wz-error-" + step.question;
    if (step.help) {
      fieldset.appendChild(el("p", { id: helpId, className: "wz-help", text: step.help }));
    }
    var error = el("p", { id: errorId, className: "wz-error", role: "alert" });
    /** @type {HTMLInputElement | null} */
    var input = null;
    if (step.kind === "montant") {
      input = el("input", {
        type: "text", inputmode: "numeric", pattern: "[0-9]*", autocomplete: "off",
        id: "wz-input-" + step.question, name: step.question,
        "aria-describedby": (step.help ? helpId + " " : "") + errorId
      });
      if (current) { input.value = current; }
      fieldset.appendChild(el("label", { "for": input.id, text: "Montant en euros, hors taxes" }));
      fieldset.appendChild(input);
    } else {
      var options = el("div", { className: "wz-options" });
      step.options.forEach(function (option, i) {
        var id = "wz-" + step.question + "-" + i;
        var radio = el("input", { type: "radio", name: step.question, id: id, value: option.id });
        if (current === option.id) { radio.checked = true; }
        options.appendChild(el("div", { className: "wz-option" }, [
          radio, el("label", { "for": id, text: option.label })
        ]));
      });
      fieldset.appendChild(options);
    }
    fieldset.appendChild(error);
    form.appendChild(fieldset);

    var actions = el("div", { className: "wz-actions" });
    actions.appendChild(el("button", { type: "submit", className: "wz-button wz-primary", text: editing ? "Enregistrer la réponse" : "Continuer" }));
    if (editing) {
      actions.appendChild(button("Annuler", function () { editing = null; moveFocus = true; render(); }));
    } else if (number > 1) {
      actions.appendChild(button("Question précédente", function () {
        var last = evaluate(fragment).steps.slice(-1)[0];
        if (last && last.answer) { remembered[last.question] = last.answer; }
        go(last ? withoutAnswer(fragment, last.question) : "");
      }));
    }
    form.appendChild(actions);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value;
      if (input) {
        value = input.value.replace(/[\s\u00a0\u202f€]/g, "");
        if (!/^[0-9]{1,15}$/.test(value)) {
          error.textContent = "Indiquez un montant en euros, en chiffres (par exemple 60000).";
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
      } else {
        var checked = /** @type {HTMLInputElement | null} */ (form.querySelector("input[type=radio]:checked"));
        if (!checked) {
          error.textContent = "Choisissez une réponse pour continuer.";
          var first = /** @type {HTMLInputElement | null} */ (form.querySelector("input[type=radio]"));
          if (first) { first.focus(); }
          return;
        }
        value = checked.value;
      }
      remembered[step.question] = value;
      go(withAnswer(fragment, step.question, value));
    });
    questionBox.appendChild(form);
    return legend;
  }

  var GROUPS = [
    ["correspond", "Correspond"],
    ["peut-correspondre", "Peut correspondre si…"],
    ["ne-correspond-pas", "Ne correspond pas, car…"]
  ];

  /** @param {WizardReason[]} reasons @param {string} prefix */
  function reasonList(reasons, prefix) {
    var list = el("ul", { className: "wz-reasons" });
    reasons.forEach(function (r) {
      list.appendChild(el("li", {}, [
        prefix ? el("span", { className: "wz-si", text: prefix }) : null,
        document.createTextNode(r.text),
        r.source ? el("span", { className: "wz-source", text: r.source }) : null
      ]));
    });
    return list;
  }

  // The region's ARS as this lever's text points to it (never the Article 51
  // mailbox, except for the Article 51 lever).
  /**
   * @param {WizardLever["ars_contact"]} kind
   * @param {WizardContact | null} contact
   */
  function arsContact(kind, contact) {
    if (!contact || kind === "aucun") { return null; }
    if (kind === "article51") {
      return el("span", {}, [
        document.createTextNode("Référent « article 51 » de l'" + contact.name + " : "),
        link("mailto:" + contact.article51_email, contact.article51_email),
        document.createTextNode(".")
      ]);
    }
    return el("span", {}, [
      document.createTextNode(contact.name + " : "),
      link(root + contact.url, "ses contacts"),
      document.createTextNode(".")
    ]);
  }

  /** @param {WizardLever} lever @param {WizardContact | null} contact */
  function renderLever(lever, contact) {
    var card = el("article", { className: "wz-lever wz-" + lever.status });
    card.appendChild(el("h4", {}, [link(root + lever.url, lever.title || lever.short_title)]));
    card.appendChild(el("p", { className: "wz-status", text: lever.status_label }));
    if (lever.to_confirm) {
      card.appendChild(el("p", { className: "wz-confirm", text: "À confirmer avec l'ARS : le guide ne tranche pas ce cas." }));
    }
    if (lever.reasons.length) { card.appendChild(reasonList(lever.reasons, "")); }
    if (lever.conditions.length) { card.appendChild(reasonList(lever.conditions, "si ")); }
    if (lever.calls.length) {
      var calls = el("ul", {});
      lever.calls.forEach(function (c) {
        calls.appendChild(el("li", {}, [
          link(root + c.url, c.title),
          document.createTextNode(c.deadline_text ? " — jusqu'au " + c.deadline_text : "")
        ]));
      });
      card.appendChild(el("p", { className: "wz-subtitle", text: "Appels ouverts dans votre région ou au niveau national :" }));
      card.appendChild(calls);
    }
    if (lever.next_steps.length) {
      var steps = el("ol", {});
      lever.next_steps.forEach(function (s) { steps.appendChild(el("li", { text: s })); });
      card.appendChild(el("p", { className: "wz-subtitle", text: "Prochaines étapes :" }));
      card.appendChild(steps);
    }
    if (lever.status !== "ne-correspond-pas") {
      var who = el("p", { className: "wz-contact" }, [el("span", { className: "wz-subtitle", text: "Contact : " })]);
      if (lever.contact_note) { who.appendChild(document.createTextNode(lever.contact_note + " ")); }
      var ars = arsContact(lever.ars_contact, contact);
      if (ars) { who.appendChild(ars); }
      card.appendChild(who);
    }
    return card;
  }

  /** @param {WizardPurchase} purchase */
  function renderPurchase(purchase) {
    var box = el("section", { className: "wz-purchase" });
    box.appendChild(el("h3", { text: "Procédure d'achat pour " + purchase.amount_text + " HT" }));
    var list = el("ul", {});
    purchase.lines.forEach(function (line) {
      var item = el("li", {}, [
        el("strong", { text: line.range + " : " }),
        document.createTextNode(line.text),
        line.source ? el("span", { className: "wz-source", text: line.source }) : null
      ]);
      line.thresholds.forEach(function (t) {
        var note = "Seuil de " + t.amount_text + " : " + t.period +
          (t.in_force ? "." : " — à vérifier : la règle a pu changer depuis ; renseignez-vous auprès de l'acheteur.");
        item.appendChild(el("p", { className: t.in_force ? "wz-threshold" : "wz-threshold wz-expired", text: note }));
      });
      list.appendChild(item);
    });
    box.appendChild(list);
    if (purchase.to_confirm) {
      box.appendChild(el("p", { className: "wz-confirm", text: "À confirmer avec l'acheteur ou l'ARS : ce montant tombe exactement sur un seuil, que le guide et le code de la commande publique peuvent lire différemment." }));
    }
    box.appendChild(el("p", { className: "wz-note", text: "Ces seuils sont ceux que cite le guide APIST de juillet 2020 ; ils changent avec la réglementation : vérifiez ceux en vigueur à la date de l'achat." }));
    return box;
  }

  /** @param {HTMLInputElement} input @param {HTMLElement} status */
  function copyLink(input, status) {
    var done = function () { status.textContent = "Lien copié."; };
    var fallback = function () {
      input.select();
      try {
        status.textContent = document.execCommand("copy") ? "Lien copié." : "Sélectionnez le lien et copiez-le.";
      } catch {
        status.textContent = "Sélectionnez le lien et copiez-le.";
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  /** @param {WizardOutcome} outcome */
  function renderResult(outcome) {
    resultBox.textContent = "";
    // Printed, the result says where and when it comes from.
    resultBox.appendChild(el("p", { className: "wz-print-only" }, [
      document.createTextNode(siteName + " — assistant d'éligibilité, résultat du " + frenchToday() + ". Lien vers ce résultat : " + location.href)
    ]));
    var heading = el("h2", { tabindex: "-1", text: "Les leviers pour votre projet" });
    resultBox.appendChild(heading);
    if (outcome.contact) {
      resultBox.appendChild(el("p", { className: "wz-region" }, [
        document.createTextNode("Votre ARS : " + outcome.contact.name + " — "),
        link(root + outcome.contact.url, "ses contacts")
      ]));
    }
    GROUPS.forEach(function (group) {
      var levers = outcome.levers.filter(function (l) { return l.status === group[0]; });
      if (!levers.length) { return; }
      var section = el("section", { className: "wz-group" }, [el("h3", { text: group[1] + " (" + levers.length + ")" })]);
      levers.forEach(function (l) { section.appendChild(renderLever(l, outcome.contact)); });
      resultBox.appendChild(section);
    });
    if (outcome.purchase) { resultBox.appendChild(renderPurchase(outcome.purchase)); }

    var share = el("input", { type: "text", readonly: "", id: "wz-share", value: location.href, className: "wz-share" });
    var copied = el("span", { className: "wz-copied", role: "status" });
    resultBox.appendChild(el("div", { className: "wz-actions no-print" }, [
      el("label", { "for": "wz-share", text: "Lien vers ce résultat, à garder ou partager : " }), share,
      button("Copier le lien", function () { copyLink(share, copied); }),
      copied,
      button("Imprimer", function () { window.print(); }),
      button("Recommencer", function () { remembered = {}; go(""); })
    ]));
    return heading;
  }

  function render() {
    var fragment = currentFragment();
    var outcome = evaluate(fragment);
    // Once complete, keep the URL to what the engine used: answers that no
    // longer apply are dropped. Before that, later answers stay in the URL so
    // that changing an earlier answer does not make the visitor retype them.
    if (outcome.complete && outcome.fragment !== fragment) {
      history.replaceState(null, "", outcome.fragment ? "#" + outcome.fragment : location.pathname + location.search);
      fragment = outcome.fragment;
    }
    renderSteps(outcome);
    questionBox.textContent = "";
    resultBox.textContent = "";
    var focusTarget;
    var edited = editing && outcome.steps.filter(function (s) { return s.question === editing; })[0];
    if (edited) {
      focusTarget = renderQuestion(edited, fragment, outcome.steps.indexOf(edited) + 1, outcome.total);
    } else if (outcome.next) {
      editing = null;
      focusTarget = renderQuestion(outcome.next, fragment, outcome.position, outcome.total);
    } else {
      editing = null;
      focusTarget = renderResult(outcome);
    }
    document.body.classList.toggle("wz-complete", outcome.complete);
    // The rules table stays on the page, folded away below the result.
    if (rulesTable instanceof HTMLDetailsElement) { rulesTable.open = false; }
    if (moveFocus && focusTarget) { focusTarget.focus(); }
    moveFocus = false;
  }

  /* ---------- Start ---------- */

  /**
   * @param {HTMLElement} container where the wizard goes
   * @param {string} wasm the engine, base64
   */
  function start(container, wasm) {
    WebAssembly.instantiate(decodeBase64(wasm), {}).then(function (result) {
      var exports = /** @type {WizardExports} */ (result.instance.exports);
      var loaded = withString(exports, JSON.stringify(window.PORTAIL_WIZARD_DATA), exports.wz_load);
      if (loaded !== 1) { throw new Error("données de l'assistant illisibles"); }
      engine = exports;
      container.textContent = "";
      container.appendChild(stepsBox);
      container.appendChild(questionBox);
      container.appendChild(resultBox);
      container.hidden = false;
      window.addEventListener("hashchange", function () { editing = null; moveFocus = true; render(); });
      render();
    }).catch(function (err) {
      // The static table below still answers the question.
      if (window.console) { window.console.error("Assistant d'éligibilité indisponible :", err); }
    });
  }

  start(app, window.PORTAIL_WIZARD_WASM);
})();
