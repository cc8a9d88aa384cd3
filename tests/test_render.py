"""Every generated page rendered in memory (no MkDocs, well under a second a language) and read back as HTML:
hostile text in any data field or interface string stays text, and the structure of each page survives it."""
from __future__ import annotations

import html
import shutil
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from hostile import VISIBLE, inject
from planreader import i18n, ids
from planreader.data.load import load_catalog
from planreader.render.context import RenderContext
from planreader.render.pages import site_pages



class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.ids: list[str] = []
        self.active: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src") and (value or "").strip().lower().startswith("javascript:")):
                self.active.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and a.get("type") != "application/ld+json":
            self.active.append(f"<script {a}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(page_html: str) -> Page:
    p = Page()
    p.feed(page_html)
    return p


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from planreader import paths
    data = tmp_path_factory.mktemp("render") / "data"
    shutil.copytree(paths.DATA, data)
    placed = inject(data)
    return load_catalog(data), placed


@pytest.mark.parametrize("lang", ["az", "en"])
def test_hostile_data_renders_as_text_on_every_page(hostile, lang):
    cat, placed = hostile
    pages = list(site_pages(RenderContext(cat, lang)))
    shown = []
    for page in pages:
        p = parse(str(page.html))
        assert p.active == [], page.url
        assert p.tags["h1"] == 1, page.url
        assert p.tags["details"] <= 1, page.url  # the measure page's own "other language" box, and no other
        assert not [i for i, n in Counter(p.ids).items() if n > 1], page.url
        shown.append(" ".join(" ".join(p.text).split()))
    everything = " ".join(shown)
    for s in VISIBLE:
        assert " ".join(s.split()) in everything, f"not shown literally: {s!r}"


def test_the_abbreviation_that_escaped_markdown_is_text(hostile):
    """Finding 1 of the security review: an abbreviation ending in a backslash once made its tag live HTML."""
    cat, _ = hostile
    bad = '<img src="x" onerror="window.__pwned = 1">\\x'
    assert any(a.abbreviation.en == bad or a.expansion.en == bad or a.expansion.az == bad for a in cat.abbreviations.values())
    for page in site_pages(RenderContext(cat, "en")):
        assert "<img" not in str(page.html), page.url


def test_interface_strings_from_the_catalogs_are_text(monkeypatch):
    """Finding 2: a translator's msgstr such as 'Executors <img onerror=…>' stays text on every page."""
    evil = '<img src=x onerror="window.__pwned=1"> {n}'

    class Everything(dict):
        def get(self, msgid, default=None):
            return f"{msgid} {evil}"
    monkeypatch.setattr(i18n, "_messages", lambda lang: Everything())
    cat = load_catalog()
    for page in site_pages(RenderContext(cat, "en")):
        p = parse(str(page.html))
        assert p.active == [] and p.tags["img"] == 0, page.url
        assert p.tags["h1"] == 1, page.url


def test_newlines_in_text_cannot_make_headings_or_code(catalog):
    """Finding 3: text ending in "\\n====" or holding "\\n\\n    code" once became a heading or a code block and lost
    its anchor. Pages are HTML from templates now; a newline is only a space (the loader refuses most anyway)."""
    pm = catalog.measure("nap-2014-2018", "13.2.9")
    text = pm.measure.text.model_copy(update={"en": "Monitoring\n====\n\n    code block\n# heading"})
    measure = pm.measure.model_copy(update={"text": text})
    measures = [replace(m, measure=measure) if m is pm else m for m in catalog.measures]
    changed = replace(catalog, measures=measures, _by_num={(m.document, m.num): m for m in measures})
    page = next(p for p in site_pages(RenderContext(changed, "en")) if p.url == ids.measure("nap-2014-2018", "13.2.9"))
    p = parse(str(page.html))
    assert p.tags["h1"] == 1 and p.tags["h2"] == 1 and p.tags["pre"] == 0 and p.tags["code"] == 0
    assert "Monitoring ==== code block # heading" in " ".join(" ".join(p.text).split())
    doc = next(p for p in site_pages(RenderContext(changed, "en")) if p.url == ids.document("nap-2014-2018"))
    assert f'id="{ids.measure_anchor("13.2.9")}"' in str(doc.html) and html.escape("# heading") in str(doc.html)


def test_a_body_is_linked_once_per_unit_and_a_term_once_per_page(catalog):
    """The full text stays readable: "Republic of Azerbaijan" was once a link 32 times over in the NAP."""
    import re
    page = next(p for p in site_pages(RenderContext(catalog, "en")) if p.url == ids.document("nap-2014-2018"))
    html_text = str(page.html)
    for unit in re.findall(r"<p [^>]*id=\"[^\"]+\"[^>]*>.*?</p>", html_text, re.S):
        bodies = re.findall(r'href="\.\./bodies/([^/]+)/"', unit)
        assert len(bodies) == len(set(bodies)), unit[:120]
    terms = re.findall(r'href="\.\./glossary/([^/]+)/"', html_text)
    assert len(terms) == len(set(terms))
    mentions = html_text.count("Republic of Azerbaijan")
    linked = html_text.count('href="../bodies/azerbaijan/"')
    assert mentions > 30 and 0 < linked < mentions


def _page_words(html: str, lang: str) -> set[str]:
    """The words a reader sees on a rendered page (scripts left out)."""
    import re
    from html import unescape
    from planreader.azerbaijani import az_lower
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", " ", html, flags=re.S)))
    return {az_lower(w) if lang == "az" else w.casefold() for w in re.findall(r"\w+", text)}


@pytest.mark.parametrize("lang", ["az", "en"])
def test_every_word_of_each_executors_cell_is_on_its_measure_page(catalog, lang):
    import re
    from planreader.azerbaijani import az_lower
    from planreader.render.measure import measure_page
    ctx = RenderContext(catalog, lang)
    dropped = {}
    for pm in catalog.measures:
        cell = ctx.plain(pm.measure.executors_text)
        words = {az_lower(w) if lang == "az" else w.casefold() for w in re.findall(r"\w+", cell)}
        missing = words - _page_words(measure_page(ctx, pm).html, lang)
        if missing:
            dropped[pm.measure.num] = sorted(missing)
    assert dropped == {}
    assert len(catalog.measures) == 81


def test_cis_qualifiers_of_who_must_act_show_on_the_measure_page(catalog):
    from planreader.render.measure import measure_page
    pages = {(lang, pm.measure.num): str(measure_page(RenderContext(catalog, lang), pm).html)
             for lang in ("az", "en") for pm in catalog.measures if pm.document == "cis-2007-2010"}
    assert "beynəlxalq müqavilələrə qoşulmamış" in pages["az", "1.1"]
    assert "not parties to the international treaties listed in the annex" in pages["en", "1.1"]
    assert "have not performed the domestic procedures" in pages["en", "1.2"]
    assert "səlahiyyətləri üzrə" in pages["az", "2.4"] and "within their competence" in pages["en", "2.4"]


def _urls(data) -> list[str]:
    """Every url and @id value in a JSON-LD record, however deep."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k in ("url", "@id")] + [u for v in data.values() for u in _urls(v)]
    return [u for v in data for u in _urls(v)] if isinstance(data, list) else []


def test_schema_org_records_use_the_site_address_and_model_act_and_plan(catalog):
    import datetime as dt
    from planreader.render.jsonld import document_ld, measure_ld
    root = "https://example.org/plans/"  # a site address with a sub-path
    ctx = RenderContext(catalog, "en", site_root=root, today=dt.date(2024, 1, 1))
    nap = catalog.documents["nap-2014-2018"]
    doc = document_ld(ctx, nap)
    # The act: its own title, number, date, type, issuer; the plan it approves is its part, named by its own title.
    assert doc["name"] == nap.title.en and doc["legislationIdentifier"] == "667"
    assert doc["legislationType"] == "Presidential Order" and doc["legislationDate"] == "2014-07-24"
    assert doc["legislationPassedBy"] == {"@type": "Organization", "name": nap.issuer.en,
                                          "url": root + "en/bodies/president/"}
    assert doc["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert doc["hasPart"]["name"] == nap.approves.en and "legislationIdentifier" not in doc["hasPart"]
    assert doc["url"] == root + "en/nap-2014-2018/" and doc["translationOfWork"]["url"] == root + "az/nap-2014-2018/"
    cis = document_ld(ctx, catalog.documents["cis-2007-2010"])
    assert cis["legislationType"] == "Law" and cis["legislationPassedBy"]["url"] == root + "en/bodies/milli-majlis/"
    measure = measure_ld(ctx, catalog.measure("nap-2014-2018", "13.2.9"))
    assert measure["url"] == root + "en/nap-2014-2018/measures/13-2-9/"
    assert measure["isPartOf"]["url"] == root + "en/nap-2014-2018/"
    assert measure["isPartOf"]["isPartOf"]["legislationIdentifier"] == "667"
    for pm in catalog.measures:
        urls = _urls(measure_ld(ctx, pm))
        assert len(urls) >= 5 and all(u.startswith(root) for u in urls), urls
    assert document_ld(RenderContext(catalog, "az", site_root=root, today=dt.date(2016, 1, 1)), nap)[
        "legislationLegalForce"] == "https://schema.org/InForce"
