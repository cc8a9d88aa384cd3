"""What a reader sees in a real headless Chromium: the journey from the landing page to a citation."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def h1(p) -> str:
    return p.locator("h1").inner_text().rstrip("¶").strip()


def test_reader_journey_from_landing_page_to_citation(page_, served):
    p = page_
    p.goto(served)
    p.get_by_role("link", name=re.compile("^English")).click()
    p.wait_for_url(re.compile(r"/reader/en/$"))
    assert p.locator("html").get_attribute("lang") == "en"
    p.get_by_role("link", name="all measures").click()
    p.get_by_role("link", name="13.2.9", exact=True).click()
    p.wait_for_url(re.compile(r"/reader/en/nap-2014-2018/measures/13-2-9/$"))
    assert h1(p) == "Measure 13.2.9"
    p.locator("article").get_by_role("link", name="State Security Service").first.click()
    p.wait_for_url(re.compile(r"/reader/en/bodies/state-security-service/$"))
    body = p.locator("article").inner_text()
    assert "Executes (11)" in body and "13.2.9" in body and "13.8.5" in body
    p.locator("[data-lang-switch]").click()
    p.wait_for_url(re.compile(r"/reader/az/bodies/state-security-service/$"))
    assert p.locator("html").get_attribute("lang") == "az"
    assert h1(p) == "Dövlət Təhlükəsizliyi Xidməti"
    p.locator("article").get_by_role("link", name="13.2.9", exact=True).click()
    p.wait_for_url(re.compile(r"/reader/az/nap-2014-2018/measures/13-2-9/$"))
    cite = p.locator("#cite-text").inner_text()
    # The Azerbaijani page cites the Azerbaijani text: its permanent link opens Azerbaijani whatever the browser.
    assert "tədbir 13.2.9" in cite and re.search(r"http://127\.0\.0\.1:\d+/reader/id/az/nap-2014-2018/13\.2\.9/$", cite)
    p.context.grant_permissions(["clipboard-read", "clipboard-write"])
    p.get_by_role("button", name="İstinadı köçür").click()
    expect(p.get_by_role("button", name="İstinadı köçür")).to_have_attribute("data-copied", "true")
    assert p.evaluate("navigator.clipboard.readText()") == cite
    assert p.foreign_requests == []


def test_the_language_switch_keeps_the_place_and_the_filters(page_, served):
    p = page_
    p.goto(served + "en/nap-2014-2018/#m-13-3-7")
    p.locator("[data-lang-switch]").click()
    p.wait_for_url(re.compile(r"/reader/az/nap-2014-2018/#m-13-3-7$"))
    assert p.evaluate("document.getElementById('m-13-3-7').getBoundingClientRect().top") < 200
    p.goto(served + "az/measures/")
    p.select_option("select[name=due]", "by-2015")  # the filter writes itself into the address …
    p.locator("[data-lang-switch]").click()  # … and the other language opens with the same filter applied
    p.wait_for_url(re.compile(r"/reader/en/measures/\?(.*&)?due=by-2015"))
    assert p.locator("select[name=due]").input_value() == "by-2015"
    assert p.locator("[data-filter-count]").inner_text() == "25"
    assert p.foreign_requests == []


def test_permanent_link_redirects(page_, served):
    page_.goto(served + "id/nap-2014-2018/13.2.9/")
    page_.wait_for_url(re.compile(r"/reader/en/nap-2014-2018/measures/13-2-9/$"))  # the context prefers English
    assert h1(page_) == "Measure 13.2.9"


def test_measure_filter_answers_what_was_due_in_2015(page_, served, catalog):
    p = page_
    p.goto(served + "en/measures/")
    p.select_option("select[name=due]", "in-2015")
    due = sorted(pm.num for pm in catalog.measures if pm.measure.deadline.end == 2015)
    shown = sorted(p.locator("li[data-measure]:visible > a").all_inner_texts())
    assert shown == due and p.locator("[data-filter-count]").inner_text() == str(len(due))
    assert "due=in-2015" in p.url
    p.select_option("select[name=body]", "ministry-of-internal-affairs")
    both = sorted(pm.num for pm in catalog.measures if pm.measure.deadline.end == 2015
                  and "ministry-of-internal-affairs" in pm.measure.executors)
    assert sorted(p.locator("li[data-measure]:visible > a").all_inner_texts()) == both
    p.goto(served + "en/measures/?year=regular&doc=cis-2007-2010")  # links of the first round keep working
    assert p.locator("li[data-measure]:visible").count() == 0
    p.goto(served + "en/measures/?year=regular")
    regular = sum(1 for pm in catalog.measures if pm.measure.deadline.regular)
    assert p.locator("li[data-measure]:visible").count() == regular == 34


def test_what_was_due_by_the_end_of_2015_in_one_view(page_, served, catalog):
    """NGOs ask "what was due by the end of 2015?": one link, the measures sorted by the end of their period. Periods
    belong to one plan (issue 28): the answer is given per plan, each plan's measures sorted under its own heading,
    so the CIS programme's 21 measures of 2007–2010 never pass for the NAP's 4."""
    p = page_
    p.goto(served + "en/measures/?due=by-2015&sort=period")
    for doc, n, first, last in (("cis-2007-2010", 21, 2007, 2010), ("nap-2014-2018", 4, 2015, 2015)):
        expected = [pm for pm in catalog.measures_of(doc) if not pm.measure.deadline.regular and pm.measure.deadline.end <= 2015]
        shown = p.locator(f"section#{doc} [data-sorted] > li:visible")
        assert shown.count() == len(expected) == n
        ends = [int(v) for v in shown.evaluate_all("els => els.map(e => e.dataset.due)")]
        assert ends == sorted(ends) and ends[0] == first and ends[-1] == last
        assert p.locator(f"[data-doc-count={doc}]").inner_text() == str(n)
        assert p.locator(f"section#{doc} h2").is_visible()
    assert p.locator("[data-filter-count]").inner_text() == "25"
    assert p.locator(".per-plan").inner_text() == "(CIS 2007–2010: 21; NAP 2014–2018: 4)"
    p.select_option("select[name=doc]", "nap-2014-2018")
    assert p.locator("[data-filter-count]").inner_text() == "4"
    assert not p.locator("section#cis-2007-2010").is_visible()
    assert p.locator(".per-plan").inner_text() == "(CIS 2007–2010: 0; NAP 2014–2018: 4)"
    # the overview's table links the same answer, per plan
    p.goto(served + "en/overview/")
    p.locator("#timeline-nap-2014-2018 ~ .plan-timeline").first.get_by_role("link", name="4", exact=True).last.click()
    p.wait_for_url(re.compile(r"/en/measures/\?due=by-2015&doc=nap-2014-2018$"))
    assert p.locator("[data-filter-count]").inner_text() == "4"
    assert p.locator("li[data-measure]:visible > a").all_inner_texts() == [
        pm.num for pm in catalog.measures_of("nap-2014-2018") if pm.measure.deadline.end == 2015]


def test_a_bodys_duties_and_deadlines_from_one_page(page_, served, catalog):
    """"What must the State Migration Service do, and by when?" — its page answers, grouped by the end year."""
    p = page_
    p.goto(served + "en/bodies/state-migration-service/")
    roles = catalog.roles_of("state-migration-service")
    expected = sorted(pm.num for pms in roles.values() for pm in pms)
    assert sorted(p.locator("[data-duty-list] li[data-measure] > a").all_inner_texts()) == expected
    headings = p.locator("[data-duty-list] h4").all_inner_texts()
    ends = sorted({pm.measure.deadline.end for pms in roles.values() for pm in pms if pm.measure.deadline.end})
    assert headings == [f"Implementation period ends in {y}" for y in ends] + ["On a regular basis (no end year)"]
    first = p.locator("[data-duty-list] li[data-measure]").first
    assert "Implementation period: 2014–2016" in first.inner_text() and "Executes" in first.inner_text()


def test_fits_a_360_pixel_phone(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    p = context.new_page()
    for url in ("en/nap-2014-2018/measures/13-2-9/", "az/nap-2014-2018/", "en/cis-2007-2010/parallel/",
                "az/bodies/ministry-of-internal-affairs/", "en/measures/", "en/overview/"):
        p.goto(served + url)
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (url, width)
    context.close()


def test_print_hides_navigation(page_, served):
    page_.goto(served + "en/nap-2014-2018/measures/13-2-9/")
    page_.emulate_media(media="print")
    assert not page_.locator(".md-header").is_visible()
    assert not page_.locator(".md-sidebar--primary").is_visible()
    assert page_.locator("h1").is_visible()
