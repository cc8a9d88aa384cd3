"""Search as a reader uses it, in headless Chromium: the table of cases in tests/search_cases.yml."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

ASCII = str.maketrans("əƏıİşŞçÇğĞöÖüÜ", "eEiIsScCgGoOuU")
SPECIAL = set("əƏıİşŞçÇğĞöÖüÜ")
CASES = yaml.safe_load((Path(__file__).parent / "search_cases.yml").read_text(encoding="utf-8"))


def half_ascii(q: str) -> str:
    out, flip = [], False
    for c in q:
        if c in SPECIAL:
            flip = not flip
            out.append(c.translate(ASCII) if flip else c)
        else:
            out.append(c)
    return "".join(out)


def spellings(q: str) -> list[str]:
    lower = q.replace("I", "ı").replace("İ", "i").lower()
    return list(dict.fromkeys([q, lower, q.translate(ASCII), half_ascii(q)]))


AZ = [(c["q"], s, c["first"]) for c in CASES["az"] for s in spellings(c["q"])]
EN = [(c["q"], c["q"], c["first"]) for c in CASES["en"]]


def test_the_table_is_large_enough():
    assert len(CASES["az"]) + len(CASES["en"]) >= 40
    assert len(AZ) > 3 * len(CASES["az"])


@pytest.fixture(scope="module")
def search_page(browser, served):
    context = browser.new_context(locale="az-AZ")
    page = context.new_page()
    yield page
    context.close()


def results(page, served: str, lang: str, query: str) -> list[str]:
    """Type the query into the real search box and return the result links the reader sees."""
    if f"/{lang}/search/" not in page.url:
        page.goto(f"{served}{lang}/search/")
    box = page.locator("#search-q")
    box.fill("")
    box.type(query, delay=5)
    page.wait_for_function(
        """(q) => new URLSearchParams(location.search).get('q') === q.trim()
              && document.querySelector('[data-search-status]').dataset.done === q.trim()""", arg=query)
    links = page.locator("[data-search-results] > li > a")
    return [urljoin(page.url, links.nth(i).get_attribute("href")) for i in range(links.count())]


def path_of(url: str, served: str) -> str:
    return url[len(served):] if url.startswith(served) else urlsplit(url).path


CASES_BY_LANG = [("az", *c) for c in AZ] + [("en", *c) for c in EN]


@pytest.mark.parametrize("lang,case,query,first", CASES_BY_LANG, ids=[f"{lang}:{q}" for lang, _, q, _ in CASES_BY_LANG])
def test_query_finds_the_page_first(search_page, served, lang, case, query, first):
    found = results(search_page, served, lang, query)
    assert found, f"no result for {query!r}"
    assert path_of(found[0], served) == f"{lang}/{first}", (query, [path_of(f, served) for f in found[:3]])
    assert all(path_of(f, served).startswith(f"{lang}/") for f in found)  # never the other language's pages


def test_results_show_original_spelling_with_highlights(search_page, served):
    results(search_page, served, "az", "isler")
    first = search_page.locator("[data-search-results] > li").first
    assert "İşlər" in first.inner_text()
    marks = search_page.locator("[data-search-results] mark").all_inner_texts()
    assert any(re.fullmatch(r"(?i)i̇?şlər\w*|İşlər\w*", m) for m in marks), marks


def test_inflected_forms_are_found_from_the_stem(search_page, served):
    results(search_page, served, "az", "qurbanlarının")
    marks = " ".join(search_page.locator("[data-search-results] mark").all_inner_texts())
    assert "qurbanlarının" in marks.lower()
    results(search_page, served, "az", "qurban")
    marks = search_page.locator("[data-search-results] mark").all_inner_texts()
    assert any(m.lower().startswith("qurban") and len(m) > len("qurban") for m in marks), marks


def test_english_search_stems(search_page, served):
    found = results(search_page, served, "en", "trafficked persons")
    assert found and all("/en/" in f for f in found)


def test_shareable_url_and_filters(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}az/search/?q=qurban&kind=measure")
    page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'qurban'")
    links = page.locator("[data-search-results] > li > a")
    assert links.count() > 5
    assert all("/measures/" in links.nth(i).get_attribute("href") for i in range(links.count()))
    page.goto(f"{served}en/search/?q=victims&doc=cis-2007-2010")
    page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'victims'")
    hrefs = page.locator("[data-search-results] > li > a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("cis-2007-2010" in h for h in hrefs)
    context.close()


def test_header_search_box_works_from_the_keyboard(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}en/nap-2014-2018/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.hasAttribute('data-header-search')")
    page.keyboard.type("13.2.9")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=13\.2\.9"))
    page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === '13.2.9'")
    first = page.locator("[data-search-results] > li > a").first
    assert first.get_attribute("href").endswith("nap-2014-2018/measures/13-2-9/")
    page.keyboard.press("Tab")  # from the search field into the filters: everything is reachable by keyboard
    context.close()
