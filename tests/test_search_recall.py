"""Running-text queries in headless Chromium (tests/search_running_text.yml): recall@3 and MRR per language."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from planreader.search.metrics import first_rank, mean_reciprocal_rank, recall_at

CASES = yaml.safe_load((Path(__file__).parent / "search_running_text.yml").read_text(encoding="utf-8"))
THRESHOLD = 0.95
_MEASURE = re.compile(r"/(?:measures/(\d+(?:-\d+)*)/|#m-(\d+(?:-\d+)*)(?:-[a-z]+)?)$")


def measure_of(url: str) -> str | None:
    """The measure a result shows: its page (…/measures/13-1-4/) or its place in the full text (…/#m-13-1-4[-b])."""
    m = _MEASURE.search(url)
    return (m.group(1) or m.group(2)).replace("-", ".") if m else None


def test_measure_of():
    assert measure_of("http://h/reader/en/nap-2014-2018/measures/13-1-4/") == "13.1.4"
    assert measure_of("http://h/reader/en/cis-2007-2010/#m-2-4-ch") == "2.4"
    assert measure_of("http://h/reader/en/cis-2007-2010/#m-2-10") == "2.10"
    assert measure_of("http://h/reader/en/glossary/shelter/") is None


def test_the_table_is_large_and_varied():
    assert len(CASES["az"]) + len(CASES["en"]) >= 60
    az_ascii = [c for c in CASES["az"] if not set(c["q"]) & set("əışçğöüƏİŞÇĞÖÜ")]
    assert len(az_ascii) >= 8
    assert any(re.search(r"iz|labor\b|center", c["q"]) for c in CASES["en"])


def top(page, served: str, lang: str, query: str, n: int = 3) -> list[str]:
    if f"/{lang}/search/" not in page.url:
        page.goto(f"{served}{lang}/search/")
    page.locator("#search-q").fill(query)
    page.wait_for_function("""(q) => document.querySelector('[data-search-status]').dataset.done === q""",
                           arg=query.strip())
    hrefs = page.locator("[data-search-results] > li > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [urljoin(page.url, h) for h in hrefs[:n]]


@pytest.mark.parametrize("lang", ["az", "en"])
def test_running_text_is_found_in_the_top_three(browser, served, lang, capsys):
    context = browser.new_context()
    page = context.new_page()
    ranks, misses = [], []
    for case in CASES[lang]:
        found = [measure_of(u) for u in top(page, served, lang, case["q"])]
        rank = first_rank(found, {str(case["m"])})
        ranks.append(rank)
        if rank is None:
            misses.append((case["q"], case["m"], found))
    context.close()
    recall, mrr = recall_at(ranks, 3), mean_reciprocal_rank(ranks)
    with capsys.disabled():
        print(f"\n{lang}: {len(ranks)} running-text queries, recall@3 {recall:.3f}, MRR {mrr:.3f}")
        for m in misses:
            print("  not in the top 3:", m)
    assert recall >= THRESHOLD, (recall, misses)


NATURAL = yaml.safe_load((Path(__file__).parent / "search_natural.yml").read_text(encoding="utf-8"))
NATURAL_KINDS = {"question", "agency", "paraphrase", "number", "typo", "inflected", "definition"}
NATURAL_THRESHOLD = 0.85


def answers(url: str, served: str, lang: str, want: list[str]) -> bool:
    """Whether a result is one of the wanted pages: a measure (its page or its place in the full text) or a path."""
    path = url[len(served) + len(lang) + 1:] if url.startswith(f"{served}{lang}/") else None
    return measure_of(url) in want or path in want


def test_answers():
    served = "http://h/reader/"
    assert answers(f"{served}en/nap-2014-2018/measures/13-4-1/", served, "en", ["13.4.1"])
    assert answers(f"{served}en/cis-2007-2010/#m-1-5-b", served, "en", ["cis-2007-2010/#m-1-5-b"])
    assert not answers(f"{served}en/cis-2007-2010/#m-1-5-a", served, "en", ["cis-2007-2010/#m-1-5-b"])
    assert answers(f"{served}az/glossary/shelter/", served, "az", ["glossary/shelter/"])
    assert not answers(f"{served}en/glossary/shelter/", served, "az", ["glossary/shelter/"])


def test_the_natural_table_covers_every_kind_in_both_languages():
    for lang in ("az", "en"):
        assert {c["kind"] for c in NATURAL[lang]} == NATURAL_KINDS, lang
    assert len(NATURAL["az"]) + len(NATURAL["en"]) >= 60


def test_natural_queries_are_answered_in_the_top_three(browser, served, capsys):
    context = browser.new_context()
    page = context.new_page()
    by_kind: dict[tuple[str, str], list] = {}
    misses = []
    for lang in ("az", "en"):
        for case in NATURAL[lang]:
            found = top(page, served, lang, case["q"])
            rank = next((i for i, u in enumerate(found, 1) if answers(u, served, lang, case["want"])), None)
            by_kind.setdefault((lang, case["kind"]), []).append(rank)
            if rank is None:
                misses.append((lang, case["q"], [u[len(served):] for u in found]))
    context.close()
    ranks = [r for rs in by_kind.values() for r in rs]
    with capsys.disabled():
        print(f"\nnatural queries: {len(ranks)}, recall@3 {recall_at(ranks):.3f}, MRR {mean_reciprocal_rank(ranks):.3f}")
        for kind in sorted(NATURAL_KINDS):
            for lang in ("az", "en"):
                rs = by_kind.get((lang, kind), [])
                print(f"  {kind:10} {lang}: {len(rs):2} queries, recall@3 {recall_at(rs):.2f}, "
                      f"MRR {mean_reciprocal_rank(rs):.2f}")
        for m in misses:
            print("  not in the top 3:", m)
    assert recall_at(ranks) >= NATURAL_THRESHOLD, misses
