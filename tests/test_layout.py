"""What a reader sees, checked in headless Chromium: one page of every page type, both languages, a 360 px phone
and a 1280 px desktop, served as a static host serves the site (its own 404 page included)."""
from __future__ import annotations

import pytest

from browser import CHROMIUM_ARGS  # noqa: F401 (the browser fixture launches with these)
from planreader.site.static_host import serve

PAGE_TYPES = [
    "{lang}/", "{lang}/nap-2014-2018/", "{lang}/cis-2007-2010/", "{lang}/nap-2014-2018/parallel/",
    "{lang}/cis-2007-2010/parallel/", "{lang}/nap-2014-2018/measures/13-5-7/", "{lang}/cis-2007-2010/measures/2-4/",
    "{lang}/measures/", "{lang}/measures/?due=by-2015&sort=period", "{lang}/bodies/",
    "{lang}/bodies/ministry-of-internal-affairs/", "{lang}/abbreviations/", "{lang}/abbreviations/mcmeb/",
    "{lang}/glossary/", "{lang}/glossary/az-en/", "{lang}/glossary/victim-of-trafficking/", "{lang}/overview/",
    "{lang}/search/?q=qurban", "{lang}/about/", "{lang}/cite/", "{lang}/open-data/", "{lang}/translators/",
    "{lang}/translation-status/", "{lang}/no-such-page/",
]
# Every element a reader can activate, and what the browser can tell about it and about the page.
PROBE = """() => {
  const W = document.documentElement.clientWidth;
  const visible = e => e.offsetParent !== null || e.getClientRects().length > 0;
  const unnamed = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select')]
    .filter(e => visible(e) && !(e.getAttribute('aria-label') || e.textContent.trim() || e.getAttribute('title')
      || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.closest('label')))
    .map(e => e.outerHTML.slice(0, 80));
  // A cell holding a sentence (four words or more) must not be squeezed narrower than 80 px.
  const squeezed = [...document.querySelectorAll('article td, article th')]
    .filter(c => visible(c) && c.textContent.trim().split(/\\s+/).length >= 4 && c.getBoundingClientRect().width < 80)
    .map(c => `${Math.round(c.getBoundingClientRect().width)} px: ${c.textContent.trim().slice(0, 40)}`);
  return {overflow: document.documentElement.scrollWidth - W, unnamed, squeezed,
          h1: document.querySelectorAll('h1').length, stylesheets: document.styleSheets.length};
}"""


@pytest.fixture(scope="module")
def at_root(site):
    """The site at the root of its host, as deployed: 404 pages are absolute from the site's base."""
    server, base = serve(site)
    yield base + "/"
    server.shutdown()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["az", "en"])
def test_every_page_type_fits_and_loads_everything(browser, at_root, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    current = {"url": ""}
    page.on("requestfailed", lambda r: problems.append(f"{current['url']}: request failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and "no-such-page" not in r.url
            and problems.append(f"{current['url']}: HTTP {r.status} {r.url}"))
    page.on("request", lambda r: not r.url.startswith((at_root, "data:", "blob:"))
            and problems.append(f"{current['url']}: request to another host: {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"{current['url']}: script error: {e}"))
    try:
        for pattern in PAGE_TYPES:
            url = pattern.format(lang=lang)
            current["url"] = url
            response = page.goto(at_root + url, wait_until="networkidle")
            if "no-such-page" in url:
                assert response.status == 404, url
            found = page.evaluate(PROBE)
            if found["overflow"] > 1:
                problems.append(f"{url}: {found['overflow']} px wider than the {width} px screen")
            problems += [f"{url}: a cell squeezed to {s}" for s in found["squeezed"]]
            problems += [f"{url}: no accessible name: {u}" for u in found["unnamed"]]
            if found["h1"] != 1 or found["stylesheets"] < 2:
                problems.append(f"{url}: {found['h1']} h1, {found['stylesheets']} stylesheets (unstyled?)")
    finally:
        context.close()
    assert problems == []


def test_static_hosts_find_the_not_found_page_at_the_root(site, at_root, browser):
    """A host that knows only /404.html still serves a styled, bilingual page whose links work."""
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(at_root + "nowhere/at/all")
    body = e.value.read().decode("utf-8")
    assert e.value.code == 404 and "Səhifə tapılmadı" in body and "Page not found" in body
    context = browser.new_context()
    page = context.new_page()
    page.goto(at_root + "nowhere/at/all")
    assert page.evaluate("document.styleSheets.length") >= 2  # styled: its assets are absolute from /az/
    page.locator("article").get_by_role("link", name="English").click()
    page.wait_for_url(at_root + "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_top_level_is_the_design_cards():
    """The design card's top level (mkdocs.yml, docs/, data/, macros/, overrides/, scripts/, tests/) plus the files
    and folders that sit beside them; the macros module is the one both configs load."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    import subprocess

    files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    # What the repository holds, not build output (site/, site.lock) or dot-files.
    tracked = {line.split("/")[0] for line in files.splitlines() if not line.startswith(".")}
    assert tracked == {"mkdocs.yml", "docs", "data", "macros", "overrides", "scripts", "tests", "Makefile",
                       "README.md", "babel.cfg", "locale", "mkdocs.en.yml", "planreader", "pyproject.toml",
                       "requirements-test.txt", "requirements.txt", "sources"}
    assert "module_name: macros\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "INHERIT: mkdocs.yml\n" in (root / "mkdocs.en.yml").read_text(encoding="utf-8")  # the same module
    assert (root / "macros" / "__init__.py").is_file()
