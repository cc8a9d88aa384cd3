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
    return azLower(s).normalize("NFC").replace(/ä/g, "ə").normalize("NFD").replace(/\p{M}/gu, "").replace(/ə/g, "e").replace(/ı/g, "i");
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
  /* A measure or sub-item number typed loosely, as the lexicon keys it ("13.4.1", "1.5 b"), else null
   * (planreader/search/expand.py measure_number): the words around it that only say it is one are dropped. */
  function measureNumber(q, numberWords, pattern) {
    var ws = azLower(q).split(/\s+/).filter(Boolean);
    function isWord(w) { return numberWords.indexOf(fold(w).replace(/^\.+|\.+$/g, "")) >= 0; }
    while (ws.length && isWord(ws[0])) { ws.shift(); }
    while (ws.length && isWord(ws[ws.length - 1])) { ws.pop(); }
    var m = new RegExp(pattern, "u").exec(ws.join(" "));
    if (!m) { return null; }
    var num = m[1].match(/\d+/g).join(".");
    return m[2] ? num + " " + m[2] : num;
  }
  /* The subject of a definition question, folded ("what is a shelter" -> "shelter"), else null (definition_subject). */
  function definitionSubject(q, patterns) {
    var f = fold(q).replace(/'/g, "").replace(/\?/g, " ").split(/\s+/).filter(Boolean).join(" ");
    for (var i = 0; i < patterns.length; i++) {
      var m = new RegExp(patterns[i], "u").exec(f);
      if (m && m[1].trim()) { return m[1].trim(); }
    }
    return null;
  }
  /* Optimal-string-alignment distance, or limit + 1 once above it (edit_distance). */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var prev2 = [], prev = [], i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 1; i <= a.length; i++) {
      var cur = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { cur[j] = Math.min(cur[j], prev2[j - 2] + 1); }
      }
      if (Math.min.apply(null, cur) > limit) { return limit + 1; }
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function typoLimit(word) { return word.length < 4 ? 0 : word.length >= 8 ? 2 : 1; }
  /* The indexed word nearest to a word that no indexed word starts with (correct): fewest edits, then the most
   * frequent (the shard lists its words in frequency order). */
  function correct(word, indexed) {
    var w = fold(word), limit = typoLimit(w);
    if (!limit || !/^\p{L}+$/u.test(w)) { return null; }
    var best = null, bestD = limit + 1;
    for (var i = 0; i < indexed.length; i++) {
      var d = editDistance(w, fold(indexed[i]), best ? bestD - 1 : limit);
      if (d < bestD) { best = indexed[i]; bestD = d; if (d === 1) { break; } }
    }
    return bestD <= limit ? best : null;
  }
  return {azLower: azLower, fold: fold, pagefindNormal: pagefindNormal, spellingVariants: spellingVariants,
          azStems: azStems, measureNumber: measureNumber, definitionSubject: definitionSubject,
          editDistance: editDistance, correct: correct};
})();

(function () {
  "use strict";
  var T = PlanreaderSearchText, azLower = T.azLower, fold = T.fold, pagefindNormal = T.pagefindNormal;
  var PAGE = 20;   // results shown at a time; the "more" button shows the next ones
  var FIRST = 5;   // shown as soon as their excerpts arrive, before the rest of the first page
  var ENTITIES = 5;  // records named outright, listed above the full-text results
  var ENTER_KINDS = {measure: true, abbreviation: true, body: true};  // Enter on one of these opens its page
  var NO_EXPANSION = {spelling: [], suffixes: [], minStem: 4, harden: {}, synonyms: [], stopwords: [], definitions: [],
                      numberWords: [], number: "^$", secondaryPages: []};
  var MEASURE_BOOST = 2;     // a measure whose own text matches outranks a short page that only mentions the words
  var VARIANT_PENALTY = 0.75;  // a match in another spelling ranks a little below one as typed
  var SECONDARY_PENALTY = 0.4;  // in running text a glossary or body page ranks below the plans' own text (issue 28)
  var EMPTY = {words: [], entities: []};

  function shardKey(folded) {
    var k = folded.slice(0, 2).replace(/[^0-9a-z]/g, "_");
    while (k.length < 2) { k += "_"; }
    return k;
  }
  /* One language's lexicon (search-lexicon/ under its root): shards by the first two folded letters, listed in
   * index.json (asking for a missing one would be a needless 404), and the expansion tables in expand.json. */
  function lexicon(base) {
    var manifest = null, shards = {}, expansion = null;
    function json(path, fallback) {
      return fetch(base + path).then(function (r) { return r.ok ? r.json() : fallback; })
        .catch(function () { return fallback; });
    }
    return {
      shard: function (key) {
        if (!manifest) { manifest = json("search-lexicon/index.json", []); }
        return manifest.then(function (keys) {
          if (keys.indexOf(key) < 0) { return EMPTY; }
          if (!shards[key]) { shards[key] = json("search-lexicon/" + key + ".json", EMPTY); }
          return shards[key];
        });
      },
      expansion: function () {
        if (!expansion) { expansion = json("search-lexicon/expand.json", NO_EXPANSION); }
        return expansion;
      }
    };
  }

  function words(q) { return q.match(/[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*/gu) || []; }

  /* Records named outright by the whole query: exact keys first, then prefixes (3+ letters, or a number's parts). */
  function entityHits(lex, q) {
    var folded = fold(q).replace(/\s+/g, " ").trim();
    var typed = azLower(q).replace(/\s+/g, " ").trim();
    if (!folded) { return Promise.resolve([]); }
    return lex.shard(shardKey(folded)).then(function (shard) {
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
  /* The page Enter opens: a measure, abbreviation or body whose key is exactly the query (folded), else null. */
  function exactHit(lex, q) {
    return lex.expansion().then(function (ex) {
      var key = T.measureNumber(q, ex.numberWords, ex.number) || q, folded = fold(key).replace(/\s+/g, " ").trim();
      return entityHits(lex, key).then(function (hits) {
        var e = hits[0];
        return e && e.key === folded && ENTER_KINDS[e.kind] ? e : null;
      });
    });
  }
  /* The query without its question and filler words ("who protects witnesses" -> "protects witnesses"). */
  function contentWords(q, ex) {
    var ws = words(q), c = ws.filter(function (w) { return ex.stopwords.indexOf(fold(w)) < 0; });
    return c.length ? c : ws;
  }
  /* Records named by the query: as typed (a loose measure number normalised), by its content words, or as the
   * subject of a definition question, whose glossary term then comes first. */
  function named(lex, q) {
    return lex.expansion().then(function (ex) {
      var subject = T.definitionSubject(q, ex.definitions);
      var keys = [T.measureNumber(q, ex.numberWords, ex.number) || q, contentWords(q, ex).join(" ")];
      if (subject) { keys.unshift(subject); }
      return Promise.all(keys.filter(function (k, i) { return k && keys.indexOf(k) === i; })
        .map(function (k) { return entityHits(lex, k); })).then(function (lists) {
        var seen = {}, out = [];
        [].concat.apply([], lists).forEach(function (e) { if (!seen[e.url]) { seen[e.url] = true; out.push(e); } });
        if (subject) {  // a definition question: its term first
          out.sort(function (a, b) { return (a.kind === "term" ? 0 : 1) - (b.kind === "term" ? 0 : 1); });
        }
        return out;
      });
    });
  }

  /* Spellings Pagefind indexed that a folded word starts (the word as typed first), at most three. */
  function known(word, shard) {
    var typed = pagefindNormal(word), folded = fold(word), out = [];
    // As typed only if some indexed word starts with it: otherwise Pagefind would return loose matches.
    if (shard.words.some(function (w) { return w.indexOf(typed) === 0; })) { out.push(typed); }
    shard.words.forEach(function (w) {
      if (out.length < 3 && fold(w).indexOf(folded) === 0) {
        var prefix = w.slice(0, folded.length);
        if (out.indexOf(prefix) < 0) { out.push(prefix); }
      }
    });
    return out;
  }
  /* What to ask Pagefind for one query word: its indexed spellings, then its other English spelling and its
   * Azerbaijani stems, each only if some indexed word starts with it. None for a word in no page (Pagefind would
   * answer with loose matches); a number or a joined token (13.2.9, 1.2) is passed on as typed. */
  function wordOptions(word, shard, ex) {
    var opts = known(word, shard), folded = fold(word);
    var more = T.spellingVariants(word, ex.spelling);
    if (ex.suffixes.length) {
      more = more.concat(T.azStems(word, ex.suffixes, ex.minStem, ex.harden).filter(function (s) { return s !== folded; }));
    }
    more.forEach(function (v) {
      known(v, shard).forEach(function (k) { if (opts.indexOf(k) < 0 && opts.length < 5) { opts.push(k); } });
    });
    if (!opts.length && /[\d.\-]/.test(word)) { opts.push(pagefindNormal(word)); }
    return opts;
  }
  /* Every option of every word at least once, the first options (the words as typed) first. */
  function combine(options) {
    var firsts = options.map(function (o) { return o[0]; }), out = [firsts.join(" ")];
    options.forEach(function (opts, i) {
      opts.slice(1).forEach(function (o) {
        var c = firsts.slice();
        c[i] = o;
        out.push(c.join(" "));
      });
    });
    return out;
  }
  /* The searches for a query ({query, missing}), in tiers ranked one below the other: the words as one exact
   * phrase; all words, each in its spellings; the query with a synonym phrase swapped for another of its group;
   * the pages that lack one word, or the words that are in no page at all (each result names what it lacks). */
  function plan(lex, q, asTyped) {
    var ws = words(q), corrections = {};
    if (!ws.length) { return Promise.resolve({exact: [], own: [], swaps: function () { return Promise.resolve([]); }, partial: [], single: [], corrections: {}}); }
    return lex.expansion().then(function (ex) {
      var folded = ws.map(fold), line = " " + folded.join(" ") + " ", swaps = [];
      var all = line;  // every phrase of the query swapped at once for its group's first other phrase
      ex.synonyms.forEach(function (group) {
        group.forEach(function (phrase) {
          if (line.indexOf(" " + phrase + " ") < 0) { return; }
          group.forEach(function (other) {
            var swapped = line.replace(" " + phrase + " ", " " + other + " ").trim();
            if (other !== phrase && swaps.length < 4 && swaps.indexOf(swapped) < 0) { swaps.push(swapped); }
          });
          var first = group[0] === phrase ? group[1] : group[0];
          if (all.indexOf(" " + phrase + " ") >= 0) { all = all.replace(" " + phrase + " ", " " + first + " "); }
        });
      });
      if (all !== line && swaps.indexOf(all.trim()) < 0) { swaps.unshift(all.trim()); }
      var opts = {};
      function options(list) {  // the options of every word in the list, loading the shards they need
        return Promise.all(list.map(function (w) { return lex.shard(shardKey(fold(w))); })).then(function (loaded) {
          list.forEach(function (w, i) {
            if (opts[fold(w)]) { return; }
            opts[fold(w)] = wordOptions(w, loaded[i], ex);
            // A word in no page: the nearest indexed word instead (unless the reader asked for the word as typed).
            var fix = !opts[fold(w)].length && !asTyped && ex.stopwords.indexOf(fold(w)) < 0 && T.correct(w, loaded[i].words);
            if (fix) { opts[fold(w)] = wordOptions(fix, loaded[i], ex); corrections[w] = fix; }
          });
        });
      }
      function content(ws2) {
        var c = ws2.filter(function (w) { return ex.stopwords.indexOf(fold(w)) < 0; });
        return c.length ? c : ws2;
      }
      function searches(ws2, missing) {
        var o = ws2.map(function (w) { return opts[fold(w)]; });
        if (!ws2.length || o.some(function (x) { return !x.length; })) { return []; }
        return combine(o).map(function (s) { return {query: s, missing: missing}; });
      }
      // A query of one-letter words or numbers alone ("b", "1.2") would match half the site: not a partial.
      function telling(ws2) { return ws2.some(function (w) { return /^\p{L}{3,}$/u.test(w); }); }
      return options(ws).then(function () {
        // The words as typed, as one exact phrase, first ("protection of witnesses": not pages that merely
        // have "with", which Pagefind's stem "wit" of "witnesses" also matches).
        var phrase = ws.map(function (w) { return opts[fold(w)][0]; });
        var exact = ws.length > 1 && phrase.every(Boolean) ? [{query: '"' + phrase.join(" ") + '"', missing: []}] : [];
        var main = content(ws);
        var present = main.filter(function (w) { return opts[fold(w)].length; });
        var absent = main.filter(function (w) { return !opts[fold(w)].length; });
        var partial = [];
        if (absent.length) {
          if (telling(present)) { partial = searches(present, absent); }
        } else if (main.length > 1) {
          main.forEach(function (w, i) {
            var rest = main.filter(function (_w, j) { return j !== i; });
            if (telling(rest)) { partial = partial.concat(searches(rest, [w])); }
          });
        }
        // Any one content word, when nothing holds more of them: a query is never left with nothing.
        var single = [];
        if (main.length > 1) {
          present.forEach(function (w) {
            if (/^\p{L}{3,}$/u.test(w)) {
              single = single.concat(searches([w], main.filter(function (x) { return x !== w; })));
            }
          });
        }
        return {exact: exact, own: searches(main, []), partial: partial, single: single, corrections: corrections,
                // Their words' shards are loaded only if the synonyms are needed.
                swaps: function () {
                  var lists = swaps.map(function (s) { return content(words(s)); });
                  return options([].concat.apply([], lists)).then(function () {
                    return [].concat.apply([], lists.map(function (l) { return searches(l, []); }));
                  });
                }};
      });
    });
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

  /* The header's search box on every page: Enter on an exact measure number, abbreviation or body opens it;
   * anything else opens the search page with the query. */
  function headerSearch() {
    var form = document.querySelector("form.reader-search");
    var box = form && form.querySelector("[data-header-search]");
    if (!box) { return; }
    form.addEventListener("submit", function (ev) {
      var q = box.value.trim();
      if (!q) { return; }
      ev.preventDefault();
      var page = new URL(form.getAttribute("action"), window.location.href);
      var langRoot = new URL("../", page).href;
      exactHit(lexicon(langRoot), q).then(function (e) {
        window.location.assign(e ? langRoot + e.url : page.href + "?q=" + encodeURIComponent(q));
      });
    });
  }

  function searchPage(root) {
    var base = root.getAttribute("data-base");            // relative path to the language root, e.g. "../"
    var input = root.querySelector("input[name=q]");
    var kindSelect = root.querySelector("select[name=kind]");
    var docSelect = root.querySelector("select[name=doc]");
    var list = root.querySelector("[data-search-results]");
    var status = root.querySelector("[data-search-status]");
    var moreButton = root.querySelector("[data-search-more]");
    var labels = JSON.parse(root.getAttribute("data-labels"));
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
    var lex = lexicon(base);
    var pagefind = null;
    var generation = 0;
    var current = null;  // the results of the last finished search: {items, shown, total, urls, mine}

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
    function filters() {
      var f = {};
      if (kindSelect.value) { f.kind = kindSelect.value; }
      if (docSelect.value) { f.document = docSelect.value; }
      return f;
    }
    function plural(key, n) {
      var form = rules ? rules.select(n) : "other";
      return (labels[key + "_" + form] || labels[key + "_other"]).replace("{n}", String(n));
    }
    /* "48 results", "1 result", "5 nəticə"; pages holding only some of the words are counted apart. */
    function count(state) {
      var full = state.total - state.partial;
      if (!state.total) { return labels.none; }
      if (!full) { return plural("only", state.partial); }
      return state.partial ? plural("found", full) + " · " + plural("partial", state.partial) : plural("found", full);
    }
    function item(url, title, excerpt, kind, missing) {
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
      if (missing && missing.length) {
        var m = document.createElement("p");
        m.className = "search-missing";
        m.textContent = labels.missing.replace("{words}", missing.join(", "));
        li.appendChild(m);
      }
      return li;
    }
    /* Show the next PAGE results (the first FIRST as soon as their excerpts arrive); true once all are shown. */
    function showMore(state, q) {
      var from = state.shown, upto = Math.min(state.items.length, from + PAGE);
      state.shown = upto;
      var firstNew = null;
      function show(batch) {
        batch.forEach(function (r) {
          if (!r) { return; }
          var li;
          if (r.entity) {
            li = item(base + r.entity.url, "", "", r.entity.kind);
            li.firstChild.innerHTML = highlight(r.entity.label, q);
          } else {
            var key = new URL(r.data.url, window.location.href).href;
            if (state.urls[key]) {  // the same page reached another way
              state.total -= 1;
              if (r.missing.length) { state.partial -= 1; }
              return;
            }
            state.urls[key] = true;
            li = item(r.data.url, r.data.meta.title || r.data.url, r.data.excerpt, (r.data.filters.kind || [])[0],
                      r.missing);
          }
          list.appendChild(li);
          firstNew = firstNew || li;
        });
        status.textContent = count(state);
      }
      function load(slice) {
        return Promise.all(slice.map(function (r) {
          if (r.entity) { return r; }
          return r.res.data().then(function (d) { return {data: d, missing: r.missing}; });
        }));
      }
      var mid = Math.min(upto, from + FIRST);
      return load(state.items.slice(from, mid)).then(function (a) {
        if (state.mine !== generation) { return; }
        if (from === 0) { list.innerHTML = ""; }
        show(a);
        return load(state.items.slice(mid, upto)).then(function (b) {
          if (state.mine !== generation) { return; }
          show(b);
          moreButton.hidden = state.shown >= state.items.length;
          return firstNew;
        });
      });
    }

    /* "Showing results for shelter · Search for shleter instead": the words corrected, and a link to the query
     * as typed (?typed=… turns correction off for it). */
    var notice = document.createElement("p");
    notice.className = "search-correction";
    notice.hidden = true;
    list.parentNode.insertBefore(notice, list);
    function fixedQuery(fixes, q) {
      Object.keys(fixes).forEach(function (w) { q = q.replace(w, fixes[w]); });
      return q;
    }
    function showCorrections(fixes, q) {
      var typed = Object.keys(fixes);
      notice.textContent = "";
      notice.hidden = !typed.length;
      if (!typed.length) { return; }
      var fixed = fixedQuery(fixes, q);
      var parts = labels.corrected.split("{words}");
      notice.appendChild(document.createTextNode(parts[0]));
      var b = document.createElement("strong");
      b.textContent = fixed;
      notice.appendChild(b);
      notice.appendChild(document.createTextNode((parts[1] || "") + " · "));
      var a = document.createElement("a");
      var params = new URLSearchParams({q: q, typed: q});
      a.href = "?" + params.toString();
      a.textContent = labels.typed.replace("{words}", q);
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        window.history.replaceState(null, "", window.location.pathname + "?" + params.toString());
        run();
      });
      notice.appendChild(a);
    }

    function run() {
      var q = input.value.trim();
      var mine = ++generation;
      var params = new URLSearchParams();
      if (q) { params.set("q", q); }
      if (kindSelect.value) { params.set("kind", kindSelect.value); }
      if (docSelect.value) { params.set("doc", docSelect.value); }
      var wasTyped = new URLSearchParams(window.location.search).get("typed");
      if (wasTyped && wasTyped === q) { params.set("typed", q); }
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      moreButton.hidden = true;
      if (!q) { list.innerHTML = ""; status.textContent = ""; notice.hidden = true; current = null; return; }
      status.textContent = labels.searching;
      delete status.dataset.done;
      var f = filters();
      var asTyped = new URLSearchParams(window.location.search).get("typed") === q;
      Promise.all([plan(lex, q, asTyped), loadPagefind(), lex.expansion()]).then(function (r) {
        // Records are named by the query as corrected, if a word of it was.
        return named(lex, fixedQuery(r[0].corrections, q)).then(function (ents) { return [ents].concat(r); });
      }).then(function (r) {
        var ents = r[0].filter(function (e) {
          return (!f.kind || e.kind === f.kind) && (!f.document || e.document === f.document);
        }).slice(0, ENTITIES);
        var plan = r[1], pf = r[2], secondary = {};
        r[3].secondaryPages.forEach(function (id) { secondary[id] = true; });
        showCorrections(plan.corrections, q);
        var seen = {}, urls = {}, items = [], full = null;
        ents.forEach(function (e) {
          urls[new URL(base + e.url, window.location.href).href] = true;
          if (e.page) { seen[e.page] = true; }
          items.push({entity: e});
        });
        // Each search is run twice, the second time for measures only: so a measure whose own text matches can
        // outrank a short page that only mentions the words (Pagefind alone ranks short pages first).
        var measureFilter = !f.kind || f.kind === "measure" ? Object.assign({}, f, {kind: "measure"}) : null;
        function ranked(list, penalty) {
          return Promise.all(list.map(function (s) {
            return Promise.all([pf.search(s.query, {filters: f}), measureFilter && pf.search(s.query, {filters: measureFilter})]);
          })).then(function (pairs) {
            var best = {}, out = [];
            pairs.forEach(function (pair, i) {
              var measures = {};
              (pair[1] ? pair[1].results : []).forEach(function (res) { measures[res.id] = true; });
              (pair[0] ? pair[0].results : []).forEach(function (res) {
                var score = res.score * (measures[res.id] ? MEASURE_BOOST : 1) * (i ? penalty : 1) *
                            (secondary[res.id] ? SECONDARY_PENALTY : 1);
                if (!best[res.id]) { best[res.id] = {res: res, score: score, i: i}; out.push(best[res.id]); }
                else if (score > best[res.id].score) { best[res.id].score = score; best[res.id].i = i; }
              });
            });
            return out.sort(function (a, b) { return b.score - a.score; });
          });
        }
        // Synonyms and partial matches fill in only when the query's own matches do not fill a page.
        var tiers = [{list: plan.exact, always: true, penalty: 1}, {list: plan.own, always: true, penalty: VARIANT_PENALTY},
                     {lazy: plan.swaps, penalty: VARIANT_PENALTY}, {list: plan.partial, partial: true, penalty: 1},
                     {list: plan.single, partial: true, penalty: 1}];
        function tier(t) {
          if (!t) { return Promise.resolve(); }
          if (t.partial && full === null) { full = items.length; }
          if (!t.always && items.length >= PAGE) { return tier(tiers.shift()); }
          if (t.lazy) { return t.lazy().then(function (list) { t.list = list; t.lazy = null; return tier(t); }); }
          if (!t.list.length) { return tier(tiers.shift()); }
          return ranked(t.list, t.penalty).then(function (rs) {
            rs.forEach(function (r) {
              if (!seen[r.res.id]) { seen[r.res.id] = true; items.push({res: r.res, missing: t.list[r.i].missing}); }
            });
            return tier(tiers.shift());
          });
        }
        return tier(tiers.shift()).then(function () {
          if (mine !== generation) { return; }
          if (full === null) { full = items.length; }
          // Among the pages holding all the words, the plans' own text before glossary entries and bodies' pages
          // (issue 28): a glossary entry holds the phrase exactly more often than the text, which inflects it.
          var whole = items.slice(ents.length, full);
          var own = whole.filter(function (it) { return !secondary[it.res.id]; });
          items = items.slice(0, ents.length).concat(own, whole.filter(function (it) { return secondary[it.res.id]; }),
                                                   items.slice(full));
          current = {items: items, shown: 0, total: items.length, partial: items.length - full, urls: urls, mine: mine};
          return showMore(current, q).then(function () {
            if (mine !== generation) { return; }
            if (!items.length) { list.innerHTML = ""; status.textContent = labels.none; }
            status.dataset.done = q;  // lets tests (and assistive tools) tell a finished search from a running one
          });
        });
      }).catch(function (err) { status.textContent = labels.error + " " + err; });
    }

    moreButton.addEventListener("click", function () {
      if (!current) { return; }
      var q = input.value.trim();
      delete status.dataset.done;
      showMore(current, q).then(function (first) {
        if (first) { first.querySelector("a").focus(); }  // keyboard readers continue where the new results start
        status.dataset.done = q;
      });
    });
    var timer = null;
    function schedule() { window.clearTimeout(timer); timer = window.setTimeout(run, 120); }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    kindSelect.value = params.get("kind") || "";
    docSelect.value = params.get("doc") || "";
    input.addEventListener("input", schedule);
    kindSelect.addEventListener("change", run);
    docSelect.addEventListener("change", run);
    root.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = input.value.trim();
      exactHit(lex, q).then(function (e) { if (e) { window.location.assign(base + e.url); } else { run(); } });
    });
    if (input.value) { run(); }
    input.focus();
  }

  headerSearch();
  var root = document.querySelector("[data-search-page]");
  if (root) { searchPage(root); }
})();
