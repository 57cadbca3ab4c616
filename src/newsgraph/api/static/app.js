// newsgraph UI: quote panel on the article page. Data comes from a JSON <script> block; every value is inserted
// with textContent (never innerHTML), so article text stays inert.
(function () {
  "use strict";
  function el(tag, text, attrs) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }
  function row(dl, label, value, href) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", label));
    var dd = el("dd");
    if (href) { dd.appendChild(el("a", value, { href: href, "class": "speaker-link" })); } else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }
  function show(q, articleId) {
    var box = document.getElementById("quote-detail");
    if (!box) return;
    box.replaceChildren();
    var dl = el("dl", null, { "class": "detail" });
    row(dl, "Speaker", q.speaker, "/entities/" + encodeURIComponent(q.speaker));
    row(dl, "Kind", q.kind);
    row(dl, "Description", q.description);
    row(dl, "Resolved from", q.resolved_from);
    row(dl, "Type", q.type);
    row(dl, "Cue", q.cue);
    box.appendChild(dl);
    if (q.statuses && q.statuses.length) {
      var p = el("p");
      q.statuses.forEach(function (s, i) {
        p.appendChild(el("span", s, { "class": "badge status-" + s }));
        p.appendChild(document.createTextNode(" "));
        if (q.claims && q.claims[i]) {
          p.appendChild(el("a", "timeline", { href: "/claims/" + encodeURIComponent(articleId + ":" + q.claims[i]), "class": "claim-link" }));
          p.appendChild(document.createTextNode(" "));
        }
      });
      box.appendChild(p);
    }
    (q.events || []).forEach(function (e) {
      var t = e.type + (e.mode ? ": " + e.mode : "") + (e.source ? " — " + e.source : "") + (e.target ? " → " + e.target : "") + (e.date ? " (" + e.date + ")" : "") + (e.status ? " [" + e.status + "]" : "");
      box.appendChild(el("p", "Event: " + t, { "class": "event" }));
    });
    box.appendChild(el("blockquote", q.text));
  }
  document.addEventListener("DOMContentLoaded", function () {
    var dataEl = document.getElementById("quote-data");
    if (!dataEl) return;
    var data = JSON.parse(dataEl.textContent || "{}");
    var articleId = JSON.parse((document.getElementById("article-id") || {}).textContent || '""');
    var marks = document.querySelectorAll("mark.quote");
    function activate(m) {
      marks.forEach(function (x) { x.classList.remove("active"); });
      document.querySelectorAll('mark.quote[data-quote-id="' + CSS.escape(m.dataset.quoteId) + '"]').forEach(function (x) { x.classList.add("active"); });
      var q = data[m.dataset.quoteId];
      if (q) show(q, articleId);
    }
    marks.forEach(function (m) {
      m.addEventListener("click", function () { activate(m); });
      m.addEventListener("mouseenter", function () { activate(m); });
      m.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); activate(m); } });
    });
  });
})();
