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

// The search box suggests jobs and communes, the offer form ROME jobs, as
// one types (the pages work without it: the datalist stays empty).
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) return;
  var timer = null;
  // The offer form's job field fills a datalist with "code — label".
  function fillOptions(list, data) {
    list.textContent = "";
    data.jobs.concat(data.communes).forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      list.appendChild(option);
    });
  }
  // The search box lists links: a job to its offers, a commune to the
  // commune filter, each with its count or the note that it has none yet.
  function fillLinks(list, data) {
    list.textContent = "";
    (data.suggestions || []).forEach(function (s) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = s.url;
      link.textContent = s.label;
      var note = document.createElement("span");
      note.className = s.offers ? "muted" : "suggestion-none";
      note.textContent = " — " + s.note;
      item.appendChild(link);
      item.appendChild(note);
      list.appendChild(item);
    });
    list.hidden = !list.children.length;
  }
  function fill(data) {
    var datalist = input.getAttribute("list");
    if (datalist) fillOptions(document.getElementById(datalist), data);
    else fillLinks(document.getElementById(input.getAttribute("aria-controls")), data);
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2) return;
      var url = input.getAttribute("data-suggest");
      url += (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) fill(data); })
        .catch(function () {});
    }, 150);
  });
})();
