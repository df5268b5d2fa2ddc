// Live reload for `portail serve`: reloads on a good build, shows the diagnostics on a bad one.
(function () {
  "use strict";
  var overlay = null;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "portail-erreur";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;padding:2rem;background:rgba(20,20,30,.94);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Erreur dans le contenu — la dernière version correcte reste affichée.\n\n" + message;
  }
  function connect(delay) {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__portail/ws");
    ws.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === "reload") location.reload();
      else if (msg.type === "error") show(msg.message);
    };
    ws.onopen = function () { delay = 500; };
    ws.onclose = function () { setTimeout(function () { connect(Math.min(delay * 2, 5000)); }, delay); };
  }
  connect(500);
})();
