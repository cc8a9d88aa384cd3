/* Search as you type, for readers who type with or without ə ı ş ç ğ ö ü.
 *
 * 1. Records named outright (a measure number, a body's name or short form, an abbreviation, a term) come first:
 *    they are looked up in the lexicon shard of the query's first two folded letters.
 * 2. Then Pagefind's full-text results: first for the query as typed (exact spellings rank first), then for the
 *    spellings the lexicon maps a folded query back to ("isler" -> "islər", "dovlet" -> "dovlət").
 * The page state lives in the URL (?q=…&kind=…&doc=…) so a search can be shared.
 */
/* The pure text functions (no page, no network): folding, spelling variants, stemming. They are kept apart so
 * that tests run them in node against the same committed tables as their Python twins (tests/test_search_text.py).
 */
var PlanreaderSearchText = (function () {
  "use strict";
  function azLower(s) { return s.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase(); }
  /* Everything a reader may leave out: case (Azerbaijani-aware), diacritics, ə→e, ı→i (planreader/search/lexicon.py fold). */
  function fold(s) {
    return azLower(s).normalize("NFD").replace(/\p{M}/gu, "").replace(/ə/g, "e").replace(/ı/g, "i");
  }
  /* A word as Pagefind indexes it: lower case (Unicode default), combining marks removed. */
  function pagefindNormal(s) { return s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC"); }
  /* The other spellings of a word under the rules of search-lexicon/expand.json (planreader/search/expand.py
   * spelling_variants): one rule at a time, in rule order, never the word itself or a prefix of it. */
  function spellingVariants(word, rules) {
    var w = fold(word), out = [];
    rules.forEach(function (rule) {
      var re = new RegExp(rule[0]);
      if (re.test(w)) {
        var v = w.replace(re, rule[1]);
        if (v !== w && w.indexOf(v) !== 0 && out.indexOf(v) < 0) { out.push(v); }
      }
    });
    return out;
  }
  /* The folded stems of an Azerbaijani word (planreader/search/expand.py az_stems): endings stripped, longest
   * first, while minStem letters remain; a softened final consonant before a vowel ending also gives its hard form. */
  function azStems(word, suffixes, minStem, harden) {
    var w = fold(word);
    if (!/^\p{L}+$/u.test(w)) { return [w]; }
    for (;;) {
      var cut = null;
      for (var i = 0; i < suffixes.length; i++) {
        var sfx = suffixes[i];
        if (w.length - sfx.length >= minStem && w.slice(-sfx.length) === sfx) { cut = sfx; break; }
      }
      if (cut === null) { return [w]; }
      w = w.slice(0, -cut.length);
      var last = w.charAt(w.length - 1);
      if ("aeiu".indexOf(cut.charAt(0)) >= 0 && Object.prototype.hasOwnProperty.call(harden, last)) {
        return [w, w.slice(0, -1) + harden[last]];
      }
    }
  }
  return {azLower: azLower, fold: fold, pagefindNormal: pagefindNormal, spellingVariants: spellingVariants,
          azStems: azStems};
})();

(function () {
  "use strict";
  var root = document.querySelector("[data-search-page]");
  if (!root) { return; }
  var base = root.getAttribute("data-base");            // relative path to the language root, e.g. "../"
  var input = root.querySelector("input[name=q]");
  var kindSelect = root.querySelector("select[name=kind]");
  var docSelect = root.querySelector("select[name=doc]");
  var list = root.querySelector("[data-search-results]");
  var status = root.querySelector("[data-search-status]");
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var pagefind = null;
  var shards = {};
  var generation = 0;

  var T = PlanreaderSearchText, azLower = T.azLower, fold = T.fold, pagefindNormal = T.pagefindNormal;
  function shardKey(folded) {
    var k = folded.slice(0, 2).replace(/[^0-9a-z]/g, "_");
    while (k.length < 2) { k += "_"; }
    return k;
  }
  var empty = {words: [], entities: []};
  var manifest = null;  // which shards exist: asking for a missing one would be a needless 404
  function loadShard(key) {
    if (!manifest) {
      manifest = fetch(base + "search-lexicon/index.json").then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    return manifest.then(function (keys) { return keys.indexOf(key) < 0 ? empty : fetchShard(key); });
  }
  function fetchShard(key) {
    if (!shards[key]) {
      shards[key] = fetch(base + "search-lexicon/" + key + ".json").then(function (r) {
        return r.ok ? r.json() : {words: [], entities: []};
      }).catch(function () { return {words: [], entities: []}; });
    }
    return shards[key];
  }
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL(base + "pagefind/pagefind.js", window.location.href).href).then(function (pf) {
        // Pagefind stores URLs from the language root; the site may be served from any sub-path.
        var baseUrl = new URL(base, window.location.href).pathname;
        return pf.options({excerptLength: 24, baseUrl: baseUrl}).then(function () { return pf; });
      });
    }
    return pagefind;
  }
  function words(q) { return q.match(/[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*/gu) || []; }

  /* Spellings Pagefind knows for a word the reader typed: exact first, then folded matches, as prefixes. */
  function spellings(word, shard) {
    var typed = pagefindNormal(word);
    var folded = fold(word);
    var out = [];
    // The spelling as typed first, but only if some indexed word starts with it: otherwise Pagefind would
    // return loose matches for a word that, as typed, is in no page.
    if (shard.words.some(function (w) { return w.indexOf(typed) === 0; })) { out.push(typed); }
    shard.words.forEach(function (w) {
      if (fold(w).indexOf(folded) === 0) {
        var prefix = w.slice(0, typed.length);
        if (out.indexOf(prefix) < 0 && out.length < 3) { out.push(prefix); }
      }
    });
    return out.length ? out : [typed];
  }

  function queries(q) {
    var ws = words(q);
    return Promise.all(ws.map(function (w) { return loadShard(shardKey(fold(w))); })).then(function (loaded) {
      var options = ws.map(function (w, i) { return spellings(w, loaded[i]); });
      var combos = [[]];
      options.forEach(function (opts) {
        var next = [];
        combos.forEach(function (c) { opts.forEach(function (o) { if (next.length < 6) { next.push(c.concat([o])); } }); });
        combos = next;
      });
      return combos.map(function (c) { return c.join(" "); });
    });
  }

  function entityHits(q) {
    var folded = fold(q).replace(/\s+/g, " ").trim();
    var typed = azLower(q).replace(/\s+/g, " ").trim();
    if (!folded) { return Promise.resolve([]); }
    return loadShard(shardKey(folded)).then(function (shard) {
      var hits = [];
      shard.entities.forEach(function (e) {
        var key = e.key;
        var exact = key === folded;
        var prefix = !exact && folded.length >= 3 && key.indexOf(folded) === 0 && !/^\d/.test(folded);
        var numberPrefix = !exact && /^\d/.test(folded) && key.indexOf(folded + ".") === 0;
        if (exact || prefix || numberPrefix) {
          hits.push({e: e, score: (e.exact === typed ? 0 : exact ? 5 : 10) + e.rank + key.length / 1000});
        }
      });
      hits.sort(function (a, b) { return a.score - b.score; });
      var seen = {};
      return hits.filter(function (h) { var dup = seen[h.e.url]; seen[h.e.url] = true; return !dup; })
        .map(function (h) { return h.e; });
    });
  }

  function filters() {
    var f = {};
    if (kindSelect.value) { f.kind = kindSelect.value; }
    if (docSelect.value) { f.document = docSelect.value; }
    return f;
  }

  function item(url, title, excerpt, kind) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = url;
    a.textContent = title;
    li.appendChild(a);
    if (kind) {
      var k = document.createElement("span");
      k.className = "search-kind";
      k.textContent = labels[kind] || kind;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(k);
    }
    if (excerpt) {
      var p = document.createElement("p");
      p.innerHTML = excerpt;  /* Pagefind's excerpt: text escaped by Pagefind, <mark> around matches */
      li.appendChild(p);
    }
    return li;
  }

  function highlight(text, q) {
    var span = document.createElement("span");
    span.textContent = text;
    var folded = fold(text), ws = words(q).map(fold).filter(function (w) { return w.length > 1; });
    if (!ws.length) { return span.innerHTML; }
    var html = "", pos = 0, re = new RegExp("(" + ws.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "g");
    var m;
    while ((m = re.exec(folded)) !== null) {
      var t = document.createElement("span");
      t.textContent = text.slice(pos, m.index);
      html += t.innerHTML;
      t.textContent = text.slice(m.index, m.index + m[0].length);
      html += "<mark>" + t.innerHTML + "</mark>";
      pos = m.index + m[0].length;
      if (m[0].length === 0) { re.lastIndex += 1; }
    }
    var rest = document.createElement("span");
    rest.textContent = text.slice(pos);
    return html + rest.innerHTML;
  }

  function run() {
    var q = input.value.trim();
    var mine = ++generation;
    var params = new URLSearchParams();
    if (q) { params.set("q", q); }
    if (kindSelect.value) { params.set("kind", kindSelect.value); }
    if (docSelect.value) { params.set("doc", docSelect.value); }
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    if (!q) { list.innerHTML = ""; status.textContent = ""; return; }
    status.textContent = labels.searching;
    var f = filters();
    Promise.all([entityHits(q), queries(q), loadPagefind()]).then(function (r) {
      var ents = r[0].filter(function (e) {
        return (!f.kind || e.kind === f.kind) && (!f.document || e.document === f.document);
      });
      var pf = r[2];
      return Promise.all(r[1].map(function (variant) { return pf.search(variant, {filters: f}); })).then(function (sets) {
        var seen = {}, ordered = [];
        sets.forEach(function (s) {
          if (!s) { return; }
          s.results.forEach(function (res) { if (!seen[res.id]) { seen[res.id] = true; ordered.push(res); } });
        });
        // Show the first results as soon as their excerpts arrive, then the rest: each result's excerpt is
        // a separate download, so the reader should not wait for twenty of them.
        var urls = {};
        function show(data) {
          data.forEach(function (d) {
            var key = new URL(d.url, window.location.href).href;
            if (urls[key]) { return; }
            urls[key] = true;
            list.appendChild(item(d.url, d.meta.title || d.url, d.excerpt, (d.filters.kind || [])[0]));
          });
          var n = list.children.length;
          status.textContent = n ? labels.found.replace("{n}", String(n)) : labels.none;
        }
        function load(results) { return Promise.all(results.map(function (res) { return res.data(); })); }
        return load(ordered.slice(0, 5)).then(function (data) {
          if (mine !== generation) { return; }
          list.innerHTML = "";
          ents.slice(0, 5).forEach(function (e) {
            var url = base + e.url;
            urls[new URL(url, window.location.href).href] = true;
            list.appendChild(item(url, "", "", e.kind));
            list.lastChild.firstChild.innerHTML = highlight(e.label, q);
          });
          show(data);
          return load(ordered.slice(5, 20)).then(function (more) {
            if (mine !== generation) { return; }
            show(more);
            status.dataset.done = q;  // lets tests (and assistive tools) tell a finished search from a running one
          });
        });
      });
    }).catch(function (err) { status.textContent = labels.error + " " + err; });
  }

  var timer = null;
  function schedule() { window.clearTimeout(timer); timer = window.setTimeout(run, 120); }
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  kindSelect.value = params.get("kind") || "";
  docSelect.value = params.get("doc") || "";
  input.addEventListener("input", schedule);
  kindSelect.addEventListener("change", run);
  docSelect.addEventListener("change", run);
  root.querySelector("form").addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  if (input.value) { run(); }
  input.focus();
})();
