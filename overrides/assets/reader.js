/* Reader behaviour without a server: absolute permanent links, copy buttons, measure and duty filters. */
(function () {
  "use strict";

  function absolutise(root) {
    root.querySelectorAll("[data-permalink]").forEach(function (el) {
      var url = new URL(el.getAttribute("data-permalink"), window.location.href).href;
      if (el.tagName === "INPUT") { el.value = url; } else { el.textContent = url; }
    });
  }

  function copyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var text = source.tagName === "INPUT" ? source.value : source.textContent;
        var done = function () { button.setAttribute("data-copied", "true"); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(source, text); done(); });
        } else { fallbackCopy(source, text); done(); }
      });
    });
  }

  function fallbackCopy(source, text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selectable */ }
    document.body.removeChild(area);
  }

  /* Measures index: filter by document, section, body and the end of the implementation period (in a year, by the
   * end of a year, within a range of years, or on a regular basis), order by plan or by period end. The state lives
   * in the URL, so a filtered list can be shared; the old ?year=2015 links keep working. */
  var FIELDS = ["doc", "group", "body", "due", "from", "to", "sort"];
  function readParams(form) {
    var params = new URLSearchParams(window.location.search);
    var year = params.get("year");
    if (year && !params.get("due")) { params.set("due", year === "regular" ? "regular" : "in-" + year); }
    FIELDS.forEach(function (key) {
      var el = form.elements[key], value = params.get(key);
      if (el && value && Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
        el.value = value;
      }
    });
  }
  function periodMatches(li, due, from, to) {
    var regular = li.dataset.regular === "true", end = regular ? null : Number(li.dataset.due);
    if (due === "regular" && !regular) { return false; }
    if (/^in-/.test(due) && end !== Number(due.slice(3))) { return false; }
    if (/^by-/.test(due) && (regular || end > Number(due.slice(3)))) { return false; }
    if ((from || to) && (regular || (from && end < Number(from)) || (to && end > Number(to)))) { return false; }
    return true;
  }
  function byPeriod(a, b) {
    var ka = a.dataset.regular === "true" ? 1e9 : Number(a.dataset.due);
    var kb = b.dataset.regular === "true" ? 1e9 : Number(b.dataset.due);
    return ka - kb || Number(a.dataset.order) - Number(b.dataset.order);
  }
  function filters(root) {
    var form = root.querySelector("form[data-measure-filter]");
    if (!form) { return; }
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-measure]"));
    var homes = items.map(function (li) { return li.parentNode; });
    var count = root.querySelector("[data-filter-count]");
    var perDoc = Array.prototype.slice.call(root.querySelectorAll("[data-doc-count]"));
    readParams(form);
    function value(key) { return form.elements[key] ? form.elements[key].value : ""; }
    function apply() {
      var shown = 0, flat = value("sort") === "period", shownIn = {};
      items.forEach(function (li) {
        var ok = (!value("doc") || li.dataset.doc === value("doc")) &&
          (!value("group") || li.dataset.group === value("group")) &&
          (!value("body") || (" " + li.dataset.bodies + " ").indexOf(" " + value("body") + " ") >= 0) &&
          periodMatches(li, value("due"), value("from"), value("to"));
        li.hidden = !ok;
        if (ok) { shown += 1; shownIn[li.dataset.doc] = (shownIn[li.dataset.doc] || 0) + 1; }
      });
      // Ordered by the end of the period: one list per plan (a plan's periods are its own, so two plans' years
      // are never interleaved); in plan order: each measure back under its section.
      if (flat) {
        items.slice().sort(byPeriod).forEach(function (li) {
          li.closest("[data-doc-section]").querySelector("[data-sorted]").appendChild(li);
        });
      } else {
        items.forEach(function (li, i) { homes[i].appendChild(li); });
      }
      root.querySelectorAll("[data-sorted]").forEach(function (list) { list.hidden = !flat; });
      root.querySelectorAll("[data-measure-group]").forEach(function (section) {
        section.hidden = flat || !section.querySelector("[data-measure]:not([hidden])");
      });
      root.querySelectorAll("[data-doc-section]").forEach(function (section) {
        section.hidden = !section.querySelector("[data-measure]:not([hidden])");
      });
      if (count) { count.textContent = String(shown); }
      perDoc.forEach(function (el) { el.textContent = String(shownIn[el.dataset.docCount] || 0); });
      var query = new URLSearchParams();
      FIELDS.forEach(function (key) { if (value(key)) { query.set(key, value(key)); } });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  /* A body's page: show only the measures it has one role in (executes, is to be involved in, is recommended). */
  function dutyFilter(root) {
    var form = root.querySelector("form[data-duty-filter]");
    if (!form) { return; }
    var list = form.closest("[data-duty-list]");
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-measure]"));
    var count = form.querySelector("[data-filter-count]");
    var role = new URLSearchParams(window.location.search).get("role");
    if (role && Array.prototype.some.call(form.elements.role.options, function (o) { return o.value === role; })) {
      form.elements.role.value = role;
    }
    function apply() {
      var want = form.elements.role.value, shown = 0;
      items.forEach(function (li) { li.hidden = !!want && li.dataset.role !== want; if (!li.hidden) { shown += 1; } });
      list.querySelectorAll("[data-measure-group]").forEach(function (section) {
        section.hidden = !section.querySelector("[data-measure]:not([hidden])");
      });
      count.textContent = String(shown);
      var query = new URLSearchParams(window.location.search);
      if (want) { query.set("role", want); } else { query.delete("role"); }
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    form.addEventListener("change", apply);
    apply();
  }

  /* "/" focuses the header search box, as on most search-heavy sites. */
  function searchShortcut() {
    document.addEventListener("keydown", function (ev) {
      var box = document.querySelector("[data-header-search]");
      var t = ev.target;
      if (ev.key === "/" && box && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
        ev.preventDefault();
        box.focus();
      }
    });
  }

  /* The print-only source line says when the page was printed: today, as the site writes dates ("5 December
   * 2026", "5 dekabr 2026"), with the month names the page carries. */
  function printDate() {
    var now = new Date();
    document.querySelectorAll("[data-print-date]").forEach(function (el) {
      var months = (el.dataset.months || "").split(" ");
      el.textContent = now.getDate() + " " + (months[now.getMonth()] || String(now.getMonth() + 1)) + " " + now.getFullYear();
    });
  }

  // The language switch keeps the reader's place: the fragment (a measure in the full text) and the query (the
  // filters, a search) name the same things in both languages. Set whenever the link may be followed or copied.
  function languageSwitch() {
    document.querySelectorAll("[data-lang-switch]").forEach(function (a) {
      var base = a.getAttribute("href");
      var carry = function () {
        var url = new URL(base, window.location.href);
        url.search = window.location.search;
        url.hash = window.location.hash;
        a.href = url.href;
      };
      ["pointerdown", "focus", "click", "contextmenu"].forEach(function (type) { a.addEventListener(type, carry); });
    });
  }

  function init() {
    languageSwitch();
    printDate();
    window.addEventListener("beforeprint", printDate);
    searchShortcut();
    absolutise(document);
    copyButtons(document);
    filters(document);
    dutyFilter(document);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
