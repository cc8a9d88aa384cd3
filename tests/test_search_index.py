"""What Pagefind indexed in the real build (its fragments hold each page's indexed text): no navigation, no
neighbour numbers, no notices or cite boxes; and the files search.js reads besides Pagefind's own."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from planreader.search.lexicon import _BodyText
from planreader.search.pagefind import EXCLUDE_SELECTORS, MAGIC, selector_matches


def fragments(site: Path, lang: str) -> dict[str, dict]:
    out = {}
    for f in (site / lang / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(f.read_bytes())
        assert raw.startswith(MAGIC)
        d = json.loads(raw[len(MAGIC):])
        out[d["url"]] = {**d, "id": f.name.removesuffix(".pf_fragment")}
    return out


@pytest.mark.parametrize("lang", ["az", "en"])
def test_measure_pages_index_their_own_text_only(site, catalog, lang):
    frags = fragments(site, lang)
    measures = [pm for pm in catalog.measures]
    for pm, nxt in zip(measures, measures[1:] + [None]):
        url = f"/{pm.document}/measures/{pm.num.replace('.', '-')}/"
        content = frags[url]["content"]
        words = content.split()
        # Its own number once (the title), never a neighbour's: "13.1.5" must not find 13.1.4 or 13.1.6.
        assert content.count(pm.num) == 1 or pm.num in pm.measure.text.in_lang(lang), (url, content[:200])
        if nxt is not None and nxt.document == pm.document:
            assert nxt.num not in words and nxt.num + "." not in words, (url, nxt.num)
        for noise in ("←", "→", "Cite", "Sitat", "Unofficial translation", "In the full text", "Side by side",
                      "Permanent link", "Copy", "Executors", "Implementation period", "No longer in force"):
            assert noise not in content, (url, noise, content[:300])
        assert content.startswith(("Measure " if lang == "en" else "Tədbir ") + pm.num), content[:80]


def test_glossary_and_body_pages_index_no_labels(site):
    frags = fragments(site, "en")
    shelter = frags["/glossary/shelter/"]["content"]
    assert shelter.startswith("shelter. sığınacaq shelter A special institution")
    for label in ("Definition", "Source", "Related terms", "English variants", "Azerbaijani"):
        assert label not in shelter
    body = frags["/bodies/ministry-of-internal-affairs/"]["content"]
    assert body.startswith("Ministry of Internal Affairs. Ministry Daxili İşlər Nazirliyi MIA")
    assert "Kind" not in body and "Short form" not in body


def test_selectors():
    assert selector_matches(".admonition.info", "div", {"admonition", "info"})
    assert not selector_matches(".admonition.info", "div", {"admonition", "note"})
    assert selector_matches("nav", "nav", set()) and not selector_matches("nav", "div", {"nav"})
    assert selector_matches("thead", "thead", set())
    assert ".measure-nav" in EXCLUDE_SELECTORS and ".breadcrumbs" in EXCLUDE_SELECTORS


def test_lexicon_parser_skips_what_pagefind_skips():
    parser = _BodyText()
    parser.feed('<div data-pagefind-body><h1>Title</h1><nav class="measure-nav"><a>← 13.1.4</a></nav>'
                '<div class="admonition info"><p>Unofficial</p></div><table><thead><tr><th>Field</th></tr></thead>'
                '<tbody><tr><td>cell</td></tr></tbody></table><p data-pagefind-ignore>ignored</p>'
                '<dl><dt>Label</dt><dd>value</dd></dl><br><p>end</p></div><p>outside</p>')
    assert " ".join(" ".join(parser.parts).split()) == "Title cell value end"


@pytest.mark.parametrize("lang", ["az", "en"])
def test_entities_carry_their_pagefind_page(site, lang):
    frags = fragments(site, lang)
    lex = site / lang / "search-lexicon"
    entities = [e for f in lex.glob("*.json") if f.name not in ("index.json", "expand.json")
                for e in json.loads(f.read_text(encoding="utf-8"))["entities"]]
    by_url = {u.lstrip("/"): d["id"] for u, d in frags.items()}
    measures = [e for e in entities if e["kind"] == "measure" and "#" not in e["url"]]
    assert len({e["url"] for e in measures}) == 81
    for e in entities:
        assert e.get("page") == by_url.get(e["url"]), e
    expand = json.loads((lex / "expand.json").read_text(encoding="utf-8"))
    assert bool(expand["spelling"]) == (lang == "en") and bool(expand["suffixes"]) == (lang == "az")
    assert "for" in expand["stopwords"] if lang == "en" else "ve" in expand["stopwords"]
