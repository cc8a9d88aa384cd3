"""axe-core in headless Chromium on every page type, both languages, light and dark: zero violations."""
from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
PAGES = [
    "", "{lang}/", "{lang}/nap-2014-2018/", "{lang}/cis-2007-2010/", "{lang}/cis-2007-2010/parallel/",
    "{lang}/nap-2014-2018/measures/13-2-9/", "{lang}/cis-2007-2010/measures/2-4/", "{lang}/bodies/state-security-service/",
    "{lang}/abbreviations/dins/", "{lang}/glossary/victim-of-trafficking/", "{lang}/glossary/az-en/",
    "{lang}/measures/", "{lang}/bodies/", "{lang}/overview/", "{lang}/search/?q=qurban", "{lang}/open-data/",
    "{lang}/cite/", "{lang}/translation-status/",
]
CASES = sorted({(p.format(lang=lang), scheme) for p in PAGES for lang in ("az", "en") for scheme in ("light", "dark")})


@pytest.mark.parametrize("url,scheme", CASES, ids=[f"{s}:{u or 'root'}" for u, s in CASES])
def test_no_axe_violations(browser, served, url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served + url)
    if "search/" in url:
        page.wait_for_function("document.querySelector('[data-search-status]').dataset.done")
    page.add_script_tag(path=str(AXE))
    # The light scheme runs every rule; the dark scheme changes only colours, so it runs the colour rules.
    rules = "" if scheme == "light" else ", runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}"
    result = page.evaluate(f"async () => await axe.run(document, {{resultTypes: ['violations']{rules}}})")
    context.close()
    violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_keyboard_reaches_content_and_skip_link(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served + "en/nap-2014-2018/measures/13-2-9/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')")
    assert "md-skip" in focused  # the first Tab offers "Skip to content"
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.getAttribute('href') || document.activeElement.tagName"))
    assert any(s and s.endswith("bodies/state-security-service/") for s in seen)
    assert "BUTTON" in seen  # the copy buttons are reachable
    context.close()
