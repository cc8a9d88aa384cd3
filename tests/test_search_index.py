"""What Pagefind indexed in the real build (its fragments hold each page's indexed text): no navigation, no
neighbour numbers, no notices or cite boxes; and the files search.js reads besides Pagefind's own."""
from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from planreader.search.lexicon import indexed_words
from planreader.search.pagefind import MAGIC


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
    # The title, then the definition: the two term fields are not indexed again (issue 28: excerpts were a run of
    # fields, "shelter. sığınacaq shelter A special …").
    assert shelter.startswith("shelter. A special institution")
    for label in ("Definition", "Source", "Related terms", "English variants", "Azerbaijani"):
        assert label not in shelter
    body = frags["/bodies/ministry-of-internal-affairs/"]["content"]
    assert body.startswith("Ministry of Internal Affairs. Ministry Daxili İşlər Nazirliyi MIA")
    assert "Kind" not in body and "Short form" not in body


def lexicon_words(site: Path, lang: str) -> set[str]:
    lex = site / lang / "search-lexicon"
    return {w for f in lex.glob("*.json") if f.name not in ("index.json", "expand.json")
            for w in json.loads(f.read_text(encoding="utf-8"))["words"]}


def test_indexed_words_are_pagefinds_spellings_with_counts():
    fragments = {"a": {"content": "İşlər, işlər. Naxçıvan 13.2.9"}, "b": {"content": "işlər"}}
    assert indexed_words(fragments) == Counter({"islər": 3, "naxcıvan": 1, "13": 1, "2": 1, "9": 1})


def test_lexicon_holds_what_pagefind_indexed_and_nothing_it_skipped(site):
    words = lexicon_words(site, "en")
    page = (site / "en" / "nap-2014-2018" / "measures" / "13-2-9" / "index.html").read_text(encoding="utf-8")
    # On every page, but only in what Pagefind skips: Material's skip link and the footer's neighbour links.
    assert "Skip to content" in page and "Previous" in page
    assert "skip" not in words and "previous" not in words
    # Running text, and the paragraph records' text, as Pagefind spells it (marks of ş ç ğ ö ü removed).
    assert {"trafficking", "trusteeship"} <= words
    az = lexicon_words(site, "az")
    assert {"islər", "qurbanlarının", "dovlət", "sıgınacaq"} <= az and "sığınacaq" not in az


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


@pytest.mark.parametrize("lang", ["az", "en"])
def test_executors_are_not_indexed_with_the_measures(site, catalog, lang):
    """A measure is found by its own words, not by its executors' names (issue 28: "uşaq əməyi" found every
    measure of the State Committee for Family, Women and Children and of the Ministry of Labour)."""
    frags = fragments(site, lang)
    family = catalog.bodies["state-committee-for-family-women-and-children"].name.in_lang(lang)
    executed = [pm for pm in catalog.measures if "state-committee-for-family-women-and-children" in pm.measure.executors]
    assert len(executed) > 5
    for pm in executed:
        content = frags[f"/{pm.document}/measures/{pm.num.replace('.', '-')}/"]["content"]
        assert family not in content or family in pm.measure.text.in_lang(lang), (pm.num, content[:300])


def test_glossary_entries_index_their_definition_not_a_run_of_fields(site, catalog):
    shelter = catalog.glossary["shelter"]
    en = fragments(site, "en")["/glossary/shelter/"]["content"]
    az = fragments(site, "az")["/glossary/shelter/"]["content"]
    assert shelter.definition.en[:60] in en and shelter.definition.az[:60] in az
    assert shelter.az.term not in en and shelter.en.term not in az.replace(shelter.definition.az, "")  # no other-language term
    assert en.lower().count("shelter") <= 1 + shelter.definition.en.lower().count("shelter") + 1  # title (+ source)


@pytest.mark.parametrize("lang", ["az", "en"])
def test_the_translators_guide_shows_no_data_file_syntax_in_search(site, lang):
    content = fragments(site, lang)["/translators/"]["content"]
    assert "num: 13.2.1" not in content and "az: İnsan alveri cinayətlərindən" not in content, content[:300]
