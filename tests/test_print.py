"""Print (issue 28): a printed page can be traced to its address and date, carries page numbers, prints no
navigation or download list, keeps a measure's number with its text, and a short measure fits one page."""
from __future__ import annotations

import datetime as dt
import re

import pytest


def _pdf_pages(p) -> int:
    pdf = p.pdf(format="A4")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("path", ["en/nap-2014-2018/measures/13-2-9/", "az/nap-2014-2018/measures/13-2-9/",
                                  "en/cis-2007-2010/measures/1-1/", "az/cis-2007-2010/measures/1-1/"])
def test_a_measure_prints_on_one_page(page_, served, path):
    """Material's body filled the screen (min-height: 100%), which pushed these onto a blank second page."""
    p = page_
    p.goto(served + path)
    assert _pdf_pages(p) == 1


def test_printed_page_says_where_and_when_and_hides_navigation(page_, served):
    p = page_
    p.goto(served + "en/nap-2014-2018/")
    p.emulate_media(media="print")
    source = p.locator(".print-source")
    assert source.is_visible()
    today = dt.date.today()
    text = source.inner_text()
    assert text.startswith(f"Printed from http://127.0.0.1:8000/en/nap-2014-2018/ on {today.day} {today:%B} {today.year}")
    assert re.search(r"· Site built on \d{1,2} [A-Z][a-z]+ \d{4}$", text)
    for hidden in (".downloads", ".md-header", ".md-sidebar--primary", ".md-footer", "[data-lang-switch]"):
        assert not p.locator(hidden).first.is_visible(), hidden
    # a measure's number is never left alone at the foot of a page, and its text is not smaller than its facts
    style = p.evaluate("""() => { const h = document.querySelector('h4[id^="m-"]'), t = h.nextElementSibling,
        f = document.querySelector('.measure-facts');
      return [getComputedStyle(h).breakAfter, getComputedStyle(t).breakBefore, parseFloat(getComputedStyle(t).fontSize),
              parseFloat(getComputedStyle(f).fontSize), getComputedStyle(f).breakInside]; }""")
    assert style[0] == "avoid" and style[1] == "avoid" and style[2] >= style[3] and style[4] == "avoid"
    p.emulate_media(media="screen")
    assert not source.is_visible()  # print only


def test_printed_measure_in_azerbaijani_gives_the_date_in_azerbaijani(page_, served):
    p = page_
    p.goto(served + "az/nap-2014-2018/measures/13-2-9/")
    p.emulate_media(media="print")
    text = p.locator(".print-source").inner_text()
    assert text.startswith("http://127.0.0.1:8000/az/nap-2014-2018/measures/13-2-9/ ünvanından ")
    assert re.search(r"ünvanından \d{1,2} [a-zəğıöşüç]+ \d{4} tarixində çap olunub · Sayt ", text)
    sizes = p.evaluate("""() => [parseFloat(getComputedStyle(document.querySelector('.measure-text')).fontSize),
        parseFloat(getComputedStyle(document.querySelector('dl.facts dd')).fontSize)]""")
    assert sizes[0] >= sizes[1]
