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
