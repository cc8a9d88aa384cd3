"""One real build of the site, then assertions on its HTML: pages, languages, links, no external hosts."""
from __future__ import annotations

import re

import pytest

from conftest import run_script
from htmlsite import html_files, page, parse, resolve
from plans import urls


def test_every_measure_has_a_page_in_both_languages(site, catalog):
    for pm in catalog.measures:
        for lang in urls.LANGS:
            f = page(site, f"{lang}/{urls.measure(pm.document, pm.num)}")
            assert f.exists(), f
            assert parse(f).lang == lang
    assert len(list((site / "az" / "nap-2014-2018" / "measures").iterdir())) == 60
    assert len(list((site / "en" / "cis-2007-2010" / "measures").iterdir())) == 21


def test_every_body_and_abbreviation_has_a_page(site, catalog):
    for lang in urls.LANGS:
        for b in catalog.bodies:
            assert page(site, f"{lang}/{urls.body(b)}").exists()
        for a in catalog.abbreviations:
            assert page(site, f"{lang}/{urls.abbreviation(a)}").exists()


def test_body_page_lists_exactly_its_measures(site, catalog):
    for body_id in ("state-security-service", "ministry-of-internal-affairs", "prosecutor-general", "relevant-ngos"):
        f = page(site, f"en/{urls.body(body_id)}")
        linked = set()
        for _tag, href, _a in parse(f).links:
            m = re.search(r"(nap-2014-2018|cis-2007-2010)/measures/([\d-]+)/$", href)
            if m:
                linked.add((m.group(1), m.group(2).replace("-", ".")))
        roles = catalog.roles_of(body_id)
        expected = {(pm.document, pm.num) for pms in roles.values() for pm in pms}
        assert linked == expected and expected, body_id


def test_state_security_service_executes_eleven_nap_measures(site, catalog):
    html = page(site, "en/bodies/state-security-service/").read_text(encoding="utf-8")
    assert "Executes</strong> (11)" in html
    assert "Ministry of National Security" in html  # predecessor, sourced


def test_language_switch_goes_to_the_same_page(site):
    for f in html_files(site / "az") + html_files(site / "en"):
        lang = f.relative_to(site).parts[0]
        other = "en" if lang == "az" else "az"
        switches = [(h, a) for t, h, a in parse(f).links if "data-lang-switch" in a]
        if f.name == "404.html":
            continue
        assert len(switches) == 1, f
        target, _ = resolve(site, f, switches[0][0])
        assert target == site / other / f.relative_to(site / lang), (f, switches)
        alternates = {a.get("hreflang") for t, h, a in parse(f).links if t == "link" and a.get("rel") == "alternate"}
        assert alternates == {"az", "en", "x-default"}, f


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    # 404.html is served at whatever URL was missed, so MkDocs gives it root-absolute links by design.
    for f in (f for f in html_files(site) if f.name != "404.html"):
        for tag, href, attrs in parse(f).links:
            hit = resolve(site, f, href)
            if hit is None:
                continue
            target, anchor = hit
            if not target.exists():
                broken.append(f"{f.relative_to(site)} -> {href} (no file)")
            elif anchor and target.suffix == ".html" and anchor not in parse(target).ids:
                broken.append(f"{f.relative_to(site)} -> {href} (no anchor)")
    assert broken == [], broken[:20]


def test_no_request_to_another_host(site):
    offenders = []
    for f in html_files(site):
        for tag, href, attrs in parse(f).links:
            if tag in ("script", "img", "iframe", "link") and re.match(r"(https?:)?//", href):
                if not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")):
                    offenders.append(f"{f.relative_to(site)}: <{tag}> {href}")
    for css in site.rglob("*.css"):
        if re.search(r"url\((['\"])?(https?:)?//", css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(css))
    assert offenders == []
    assert not any("fonts.googleapis" in f.read_text(encoding="utf-8") for f in html_files(site))


def test_measure_anchors_in_the_full_text(site, catalog):
    ids = parse(page(site, "az/nap-2014-2018/")).ids
    for pm in catalog.measures_of("nap-2014-2018"):
        assert f"m-{pm.slug}" in ids
    assert {"p-2-1-3", "s-13", "note-5", "order-preamble"} <= ids
    cis = parse(page(site, "az/cis-2007-2010/")).ids
    assert {"m-2-4-a", "m-2-4-ch", "m-2-10", "signatory-ukraine"} <= cis


def test_english_pages_say_the_translation_is_unofficial(site):
    for url in ("en/nap-2014-2018/", "en/nap-2014-2018/measures/13-2-9/", "en/cis-2007-2010/parallel/"):
        assert "unofficial translation" in page(site, url).read_text(encoding="utf-8")


def test_incomplete_cis_text_is_announced(site):
    for url in ("en/cis-2007-2010/", "az/cis-2007-2010/"):
        html = page(site, url).read_text(encoding="utf-8")
        assert "2.13" in html and ("not in the source" in html or "mənbədə yoxdur" in html)


def test_a_failed_build_leaves_the_previous_site(tmp_path, data_copy):
    out = tmp_path / "site"
    out.mkdir()
    (out / "marker.txt").write_text("previous build")
    (data_copy / "bodies.yml").write_text("bodies: [\n", encoding="utf-8")
    proc = run_script("build.py", "--site-dir", str(out), data=data_copy)
    assert proc.returncode == 1
    assert "YAML syntax error" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "marker.txt").read_text() == "previous build"
    assert not list(tmp_path.glob("site.build-*"))
