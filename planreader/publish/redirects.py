"""Permanent links (/id/…) as small static pages that redirect to the current page of a document or measure.

`/id/<document>/<number>/` opens the reader's language (English for browsers that prefer it, Azerbaijani otherwise);
`/id/az/…` and `/id/en/…` always open that language, so a citation of the English text opens English.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from markupsafe import Markup

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.publish import eli

_PAGE = Markup("""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={canonical}">
<script type="application/ld+json">{metadata}</script>
{script}</head>
<body>
<p><a href="{az}" hreflang="az" lang="az">Azərbaycanca</a> · <a href="{en}" hreflang="en" lang="en">English</a></p>
</body>
</html>
""")
# Readers whose browser prefers English get the English page; everyone else the authoritative Azerbaijani.
_NEGOTIATE = Markup("""<script>
  (function () {{
    var langs = navigator.languages || [navigator.language || ""];
    var en = langs.some(function (l) {{ return /^en\\b/i.test(l); }});
    var az = langs.some(function (l) {{ return /^az\\b/i.test(l); }});
    window.location.replace(en && !az ? {en} : {az});
  }})();
</script>
""")


def permalinks(cat: Catalog) -> Iterator[ids.Permalink]:
    """Every document, measure and sub-item, without and with a fixed language."""
    for lang in (None, *ids.LANGS):
        for doc in cat.documents.values():
            yield ids.Permalink(doc.id, lang=lang)
        for pm in cat.measures:
            yield ids.Permalink(pm.document, pm.num, lang=lang)
            for s in pm.measure.subitems:
                yield ids.Permalink(pm.document, pm.num, s.label, lang=lang)


def redirect_pages(cat: Catalog, today: dt.date | None = None) -> Iterator[tuple[str, str]]:
    """(path under the site root, HTML) for every permanent link, the index page at /id/, and every moved page."""
    yield "id/index.html", permalink_index(cat)
    for link in permalinks(cat):
        yield link.path + "index.html", redirect_page(link, cat, today)
    yield from moved_pages(cat)


_MOVED = Markup("""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p><a href="{href}">{title}</a></p>
</body>
</html>
""")


def moved_pages(cat: Catalog) -> Iterator[tuple[str, str]]:
    """The page of every renamed body or glossary term (`former_ids`), at its old address in both languages,
    sending the reader on to the current page: a published address keeps working for good."""
    renamed = [(ids.body, b.id, old, {lang: b.name.in_lang(lang) for lang in ids.LANGS})
               for b in cat.bodies.values() for old in b.former_ids]
    renamed += [(ids.term, t.id, old, {"az": t.az.term, "en": t.en.term}) for t in cat.glossary.values()
                for old in t.former_ids]
    for page, new, old, titles in renamed:
        for lang, title in titles.items():
            yield (f"{lang}/{page(old)}index.html",
                   _MOVED.format(lang=lang, title=title, href=ids.relative(page(old), page(new))))


def link_metadata(link: ids.Permalink, cat: Catalog, root: str, today: dt.date | None = None) -> dict:
    """The ELI metadata of what the link names (a sub-item's is its measure's), so a harvester that dereferences
    the identifier reads the resource's description there, without following the redirect."""
    lang = link.lang or "az"
    if link.num is None:
        return eli.document_eli(cat, cat.documents[link.document], lang, root, today)
    return eli.measure_eli(cat, cat.measure(link.document, link.num), lang, root, today)


MEASURE_WORD = {"az": "tədbir", "en": "measure"}


def link_title(link: ids.Permalink, cat: Catalog) -> str:
    """What a shared link's preview shows: "NAP 2014–2018, measure 13.3.7", in the link's language (the
    authoritative Azerbaijani when it has none)."""
    lang = link.lang or "az"
    doc = cat.documents[link.document]
    name = (doc.label or doc.short_title or doc.title).in_lang(lang)
    if link.num is None:
        return name
    return f"{name}, {MEASURE_WORD[lang]} {link.num}" + (f" {link.label})" if link.label else "")


def redirect_page(link: ids.Permalink, cat: Catalog, today: dt.date | None = None) -> str:
    up = "../" * link.path.count("/")  # from the link's folder back to the site root
    az, en = f"{up}az/{link.target}", f"{up}en/{link.target}"
    title = link_title(link, cat)
    script = "" if link.lang else _NEGOTIATE.format(en=Markup(_js(en)), az=Markup(_js(az)))
    # Relative IRIs: JSON-LD resolves them against this page's address, wherever the site is served.
    metadata = Markup(_js(link_metadata(link, cat, up, today)))
    return _PAGE.format(lang=link.lang or "az", title=title, canonical=en if link.lang == "en" else az,
                        metadata=metadata, script=script, az=az, en=en)


def _js(value: object) -> str:
    """A string literal for inline script: JSON, with "<" escaped so it can never end the script element."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


_INDEX = Markup("""<!doctype html>
<html lang="az">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daimi keçidlər · Permanent links</title>
<style>body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5 }}
code {{ overflow-wrap: anywhere }}</style>
</head>
<body>
<h1>Daimi keçidlər <span lang="en">· Permanent links</span></h1>
<p>Hər sənədin, tədbirin və yarımbəndin dəyişməyən ünvanı var: <code>/id/&lt;sənəd&gt;/&lt;nömrə&gt;/</code> oxucunun dilində,
<code>/id/az/…</code> Azərbaycan dilində (rəsmi mətn), <code>/id/en/…</code> ingilis dilində açılır.</p>
<p lang="en">Every document, measure and sub-item has an address that does not change: <code>/id/&lt;document&gt;/&lt;number&gt;/</code>
opens the reader's language, <code>/id/az/…</code> the authoritative Azerbaijani text, <code>/id/en/…</code> the unofficial
English translation. See <a href="../en/cite/">How to cite</a> · <a href="../az/cite/" lang="az">Necə istinad etməli</a>.</p>
<ul>
{items}</ul>
</body>
</html>
""")
_ITEM = Markup("""<li><a href="{doc}/">{title_az}</a> — <span lang="en">{title_en}</span>
({measures} tədbir / measures): <a href="az/{doc}/" hreflang="az">/id/az/{doc}/</a> · <a href="en/{doc}/" hreflang="en" lang="en">/id/en/{doc}/</a></li>
""")


def permalink_index(cat: Catalog) -> str:
    """The page at /id/ itself: what permanent links are, and each document's."""
    items = Markup("").join(_ITEM.format(doc=d.id, title_az=d.short_title.az, title_en=d.short_title.in_lang("en"),
                                         measures=len(cat.measures_of(d.id))) for d in cat.documents.values())
    return _INDEX.format(items=items)
