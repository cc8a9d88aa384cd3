/* Reader behaviour without a server: absolute permanent links, copy buttons, measure filters. */
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

  /* Measures index: filter the list by document, group, body and deadline year; the state lives in the URL. */
  function filters(root) {
    var form = root.querySelector("form[data-measure-filter]");
    if (!form) { return; }
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-measure]"));
    var count = root.querySelector("[data-filter-count]");
    var params = new URLSearchParams(window.location.search);
    ["doc", "group", "body", "year"].forEach(function (key) {
      if (params.get(key) && form.elements[key]) { form.elements[key].value = params.get(key); }
    });
    function apply() {
      var doc = form.elements.doc.value, group = form.elements.group.value;
      var body = form.elements.body.value, year = form.elements.year.value;
      var shown = 0;
      items.forEach(function (li) {
        var ok = (!doc || li.dataset.doc === doc) &&
          (!group || li.dataset.group === group) &&
          (!body || (" " + li.dataset.bodies + " ").indexOf(" " + body + " ") >= 0) &&
          (!year || (year === "regular" ? li.dataset.regular === "true" : li.dataset.due === year));
        li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      root.querySelectorAll("[data-measure-group]").forEach(function (section) {
        section.hidden = !section.querySelector("[data-measure]:not([hidden])");
      });
      if (count) { count.textContent = String(shown); }
      var query = new URLSearchParams();
      ["doc", "group", "body", "year"].forEach(function (key) {
        if (form.elements[key].value) { query.set(key, form.elements[key].value); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
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

  function init() {
    searchShortcut();
    absolutise(document);
    copyButtons(document);
    filters(document);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
