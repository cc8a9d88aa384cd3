"""A third document, imported from its text, appears on every page family with no code or configuration naming it:
navigation, home, its pages, measures index and filters, bodies, overview, search, open data, Akoma Ntoso, ELI,
sitemaps, permanent links and the translation status. One build of a scratch copy holding the synthetic plan."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planreader import paths
from planreader.search.lexicon import pagefind_fragments

from conftest import build_once

DOC = "nap-2020-2024"
SYNTHETIC = Path(__file__).parent / "fixtures" / "plan-2020-2024.txt"


@pytest.fixture(scope="module")
def third_site(tmp_path_factory) -> Path:
    def make(folder: Path) -> None:
        shutil.copytree(paths.DATA, folder / "data")
        shutil.copytree(paths.SOURCES, folder / "sources")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLANS_DATA=str(folder / "data"),
                   PLANS_SOURCES=str(folder / "sources"))
        def run(*a):
            return subprocess.run([sys.executable, "-m", "planreader", *a], cwd=paths.ROOT, env=env,
                                  capture_output=True, text=True)
        imported = run("import", str(SYNTHETIC), "--id", DOC, "--report", str(folder / "report.txt"))
        assert imported.returncode == 0, imported.stderr
        validated = run("validate")
        assert validated.returncode == 0, validated.stdout + validated.stderr
        built = run("build", "--site-dir", str(folder / "site"))
        assert built.returncode == 0, built.stderr
    return build_once(tmp_path_factory, "third-document-site", make) / "site"


def _html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["az", "en"])
def test_the_navigation_and_home_list_it_first(third_site, lang):
    for page in ("index.html", "measures/index.html", "bodies/index.html", "cis-2007-2010/index.html"):
        html = _html(third_site, f"{lang}/{page}")
        html = html[html.index("md-nav--primary"):]  # the navigation, not the page's own links
        nav = [html.find(f'{d}/"') for d in (DOC, "nap-2014-2018", "cis-2007-2010")]
        assert all(i > 0 for i in nav) and nav == sorted(nav), page  # newest first
    home = _html(third_site, f"{lang}/index.html")
    assert "Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair 2020-2024-cü illər üçün" in home
    assert ("3 sənədin" if lang == "az" else "full text of 3 documents") in home
    assert f'/{DOC}/"' in _html(third_site, f"{lang}/404.html")


@pytest.mark.parametrize("lang", ["az", "en"])
def test_its_pages_measures_bodies_overview_and_status(third_site, lang):
    doc = _html(third_site, f"{lang}/{DOC}/index.html")
    assert 'id="m-3-1-2"' in doc and "Qurbanlar üçün" in doc and "Dövlət Turizm Agentliyi" in doc
    assert (third_site / lang / DOC / "measures" / "3-2-1" / "index.html").exists()
    index = _html(third_site, f"{lang}/measures/index.html")
    assert f'value="{DOC}"' in index and index.count(f"{DOC}/measures/") >= 4
    body = _html(third_site, f"{lang}/bodies/dovlet-turizm-agentliyi/index.html")
    assert body.count(f"{DOC}/measures/3-2-") >= 2
    assert "Dövlət Turizm Agentliyi" in _html(third_site, f"{lang}/bodies/index.html")
    assert DOC in _html(third_site, f"{lang}/overview/index.html")
    assert DOC in _html(third_site, f"{lang}/translation-status/index.html")


def test_search_open_data_akn_eli_sitemaps_and_permalinks(third_site):
    frags = pagefind_fragments(third_site / "az" / "pagefind")
    assert any(f"/{DOC}/measures/3-2-1/" in f["url"] and "Turizm şirkətləri üçün təlimlər" in f["content"]
               for f in frags.values())
    measures = json.loads((third_site / "data" / "measures.json").read_text(encoding="utf-8"))
    rows = measures if isinstance(measures, list) else next(v for v in measures.values() if isinstance(v, list))
    mine = [m for m in rows if m.get("document") == DOC]
    assert sorted(m["number"] for m in mine) == ["3.1.1", "3.1.2", "3.2.1", "3.2.2"]
    assert (third_site / "data" / "fulltext" / f"{DOC}.json").exists()
    for lang in ("az", "en"):
        akn = (third_site / "data" / "akn" / f"{DOC}.{lang}.xml").read_text(encoding="utf-8")
        assert "Qanunvericiliyin təhlili" in akn
    eli = _html(third_site, f"en/{DOC}/index.html")
    assert f'/id/{DOC}/"' in eli and '"eli:id_local": "/akn/az/act/order/2020-03-03/1850"' in eli
    assert f"/{DOC}/" in _html(third_site, "az/sitemap.xml") and f"/{DOC}/" in _html(third_site, "en/sitemap.xml")
    assert (third_site / "id" / DOC / "index.html").exists() and (third_site / "id" / DOC / "3.2.1").exists()
    opendata = _html(third_site, "en/open-data/index.html")
    assert f"../../data/fulltext/{DOC}.json" in opendata and f"../../data/akn/{DOC}.en.xml" in opendata
