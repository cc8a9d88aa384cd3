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
    """"trafficked" occurs once in the English texts; Pagefind's English stemmer finds the other forms."""
    found = results(search_page, served, "en", "trafficked persons")
    assert len(found) >= 10 and all("/en/" in f for f in found)
    marks = {m.lower().strip(".,;)") for m in search_page.locator("[data-search-results] mark").all_inner_texts()}
    assert "trafficking" in marks and "persons" in marks, marks


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
    """Enter on an exact measure number opens the measure (as the hint promises); anything else opens the search
    page, from whose box Tab reaches the filters."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}en/nap-2014-2018/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.hasAttribute('data-header-search')")
    page.keyboard.type("13.2.9")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/nap-2014-2018/measures/13-2-9/$"))
    page.keyboard.press("/")
    page.keyboard.type("victims")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=victims$"))
    page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'victims'")
    assert page.locator("[data-search-results] > li").count() == 20
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.press("Tab")  # from the search field into the filters: everything is reachable by keyboard
    assert page.evaluate("document.activeElement.name") == "kind"
    context.close()


def status_of(page) -> str:
    return page.locator("[data-search-status]").inner_text()


def test_the_count_agrees_in_number_in_both_languages(search_page, served):
    # 13.9.6 cites no instrument and no closing-note item names it: a cited measure's number is also on the instrument pages that list it
    assert results(search_page, served, "en", "13.9.6") and status_of(search_page) == "1 result"
    assert len(results(search_page, served, "en", "hotline")) >= 2
    assert re.fullmatch(r"\d+ results", status_of(search_page))
    assert results(search_page, served, "az", "13.9.6") and status_of(search_page) == "1 nəticə"
    n = len(results(search_page, served, "az", "sığınacaq"))
    assert 2 <= n < 20 and status_of(search_page) == f"{n} nəticə"


def test_nothing_is_hidden_more_shows_the_next_twenty(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}az/search/?q=qurban")
    page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'qurban'")
    total = int(re.fullmatch(r"(\d+) nəticə", status_of(page)).group(1))
    assert total > 60  # the texts name victims in more than sixty places; Pagefind alone used to stop at 20
    items = page.locator("[data-search-results] > li")
    assert items.count() == 20
    more = page.locator("[data-search-more]")
    shown = 20
    while shown < total:
        assert more.is_visible()
        more.click()
        before, shown = shown, min(total, shown + 20)
        page.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length === n", arg=shown)
        # The keyboard continues where the new results begin.
        assert page.evaluate("i => document.activeElement === document.querySelectorAll("
                             "'[data-search-results] > li > a')[i]", before)
    assert not more.is_visible()
    assert status_of(page) == f"{total} nəticə"
    hrefs = items.evaluate_all("els => els.map(e => e.querySelector('a').href)")
    assert len(hrefs) == total == len(set(hrefs))  # every result once, none dropped
    context.close()


@pytest.mark.parametrize("lang,query,target", [
    ("en", "MIA", "bodies/ministry-of-internal-affairs/"),
    ("az", "dtx", "bodies/state-security-service/"),
    ("az", "Dovlet Sərhəd Xidmeti", "bodies/state-border-service/"),
    ("en", "2.4", "cis-2007-2010/measures/2-4/"),
    ("en", "un", "bodies/united-nations/"),  # a body's abbreviation opens the body
])
def test_enter_on_an_exact_name_opens_its_page(browser, served, lang, query, target):
    enter_opens(browser, served, lang, query, target)


def enter_opens(browser, served, lang: str, query: str, target: str) -> None:
    """Type `query` into the search page and press Enter: the browser must land on `target`."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}{lang}/search/")
    page.locator("#search-q").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served}{lang}/{target}")
    context.close()


def test_enter_on_running_text_stays_on_the_results(search_page, served):
    results(search_page, served, "en", "shelters for victims")
    search_page.keyboard.press("Enter")
    search_page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'shelters for victims'")
    assert "/en/search/" in search_page.url


def test_pages_lacking_a_word_come_below_and_name_it(search_page, served):
    found = results(search_page, served, "en", "shelters zebras")
    assert found
    assert re.fullmatch(r"\d+ results? with only some of the words", status_of(search_page)), status_of(search_page)
    notes = search_page.locator("[data-search-results] .search-missing").all_inner_texts()
    assert len(notes) == len(found) and set(notes) == {"Does not contain: zebras"}
    results(search_page, served, "az", "sığınacaq zebrlər")
    notes = search_page.locator("[data-search-results] .search-missing").all_inner_texts()
    assert notes and set(notes) == {"Tapılmayan söz: zebrlər"}


def test_us_spelling_and_synonyms_find_the_measure(search_page, served):
    for query, measure in [("organizations", None), ("labor migration", "13-2-6"), ("safe houses", None)]:
        found = results(search_page, served, "en", query)
        assert found, query
        if measure:
            assert any(f.endswith(f"/measures/{measure}/") for f in found[:3]), (query, found[:3])
    marks = {m.lower() for m in search_page.locator("[data-search-results] mark").all_inner_texts()}
    assert marks & {"shelters", "shelter"}, marks  # "safe houses" is in no text: found through its synonym
    results(search_page, served, "en", "organizations")
    marks = {m.lower().strip(".,;") for m in search_page.locator("[data-search-results] mark").all_inner_texts()}
    assert "organisations" in marks


def test_a_typo_is_corrected_and_the_word_as_typed_is_one_click_away(search_page, served):
    found = results(search_page, served, "en", "shleter")
    assert found and any("shelter" in f or "/measures/13-4-" in f for f in found[:3]), found[:3]
    notice = search_page.locator(".search-correction")
    assert notice.is_visible() and notice.inner_text() == "Showing results for shelter · Search for shleter instead"
    notice.locator("a").click()
    search_page.wait_for_function("document.querySelector('[data-search-status]').dataset.done === 'shleter'")
    assert not notice.is_visible() and "typed=shleter" in search_page.url
    assert status_of(search_page) == "Nothing found."
    results(search_page, served, "az", "siginacak")
    assert search_page.locator(".search-correction").inner_text().startswith("sıgınacaq üçün nəticələr")


@pytest.mark.parametrize("lang,query,target", [
    ("en", "13 4 1", "nap-2014-2018/measures/13-4-1/"),
    ("az", "13.4.1-ci yarımbənd", "nap-2014-2018/measures/13-4-1/"),
    ("en", "measure 13-2-9", "nap-2014-2018/measures/13-2-9/"),
    ("en", "police", "bodies/ministry-of-internal-affairs/"),
    ("az", "xarici işlər", "bodies/ministry-of-foreign-affairs/"),
])
def test_enter_on_a_loose_number_or_an_everyday_name_opens_its_page(browser, served, lang, query, target):
    enter_opens(browser, served, lang, query, target)


def test_the_plans_text_comes_before_glossary_entries_and_executors_add_no_noise(search_page, served, catalog):
    found = results(search_page, served, "az", "uşaq əməyi")
    items = search_page.locator("[data-search-results] > li")
    kinds = items.locator(".search-kind").all_inner_texts()
    full = [(path_of(f, served), k) for f, k, li in zip(found, kinds, items.all())
            if li.locator(".search-missing").count() == 0 and li.locator("p").count()]  # full-text, all words
    pages = [p for p, _ in full]
    first_glossary = next(i for i, p in enumerate(pages) if "/glossary/" in p)
    # After the plans' text: the secondary pages only (glossary entries, bodies' pages, the translators' guide).
    assert first_glossary > 0 and all(re.search(r"/(glossary|bodies)/|/translators/$", p)
                                      for p in pages[first_glossary:]), pages
    for p in pages:
        if "/measures/" in p:
            num = p.rstrip("/").rsplit("/", 1)[1].replace("-", ".")
            pm = next(m for m in catalog.measures if m.num == num and p.startswith(f"az/{m.document}/"))
            text = " ".join([pm.measure.text.az, *(s.text.az for s in pm.measure.subitems)]).lower()
            assert "uşaq" in text and "əmə" in text, (num, text[:100])  # its own words, not its executors
