// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // A countdown written by the server ("J-12") is refreshed every minute.
  var nodes = document.querySelectorAll("[data-deadline]");
  if (!nodes.length) return;
  function refresh() {
    nodes.forEach(function (node) {
      var left = Date.parse(node.getAttribute("data-deadline")) - Date.now();
      if (isNaN(left)) return;
      var days = Math.max(0, Math.floor(left / 86400000));
      var hours = Math.max(0, Math.floor((left % 86400000) / 3600000));
      node.textContent = node.getAttribute("data-template")
        .replace("{days}", String(days)).replace("{hours}", String(hours));
    });
  }
  refresh();
  setInterval(refresh, 60000);
})();
