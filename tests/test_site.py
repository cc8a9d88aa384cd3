"""One real build of the site, then assertions on its HTML: pages, languages, links, no external hosts."""
from __future__ import annotations

import re


from conftest import run_command
from htmlsite import html_files, is_redirect, page, parse, resolve
from planreader import ids


def test_every_measure_has_a_page_in_both_languages(site, catalog):
    for pm in catalog.measures:
        for lang in ids.LANGS:
            f = page(site, f"{lang}/{ids.measure(pm.document, pm.num)}")
            assert f.exists(), f
            assert parse(f).lang == lang
    assert len(list((site / "az" / "nap-2014-2018" / "measures").iterdir())) == 60
    assert len(list((site / "en" / "cis-2007-2010" / "measures").iterdir())) == 21


def test_every_body_and_abbreviation_has_a_page(site, catalog):
    for lang in ids.LANGS:
        for b in catalog.bodies:
            assert page(site, f"{lang}/{ids.body(b)}").exists()
        for a in catalog.abbreviations:
            assert page(site, f"{lang}/{ids.abbreviation(a)}").exists()


def test_body_page_lists_exactly_its_measures(site, catalog):
    for body_id in ("state-security-service", "ministry-of-internal-affairs", "prosecutor-general", "relevant-ngos"):
        f = page(site, f"en/{ids.body(body_id)}")
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
        if is_redirect(f):
            continue
        lang = f.relative_to(site).parts[0]
        other = "en" if lang == "az" else "az"
        switches = [(h, a) for t, h, a in parse(f).links if "data-lang-switch" in a]
        if f.name == "404.html":
            continue
        assert len(switches) == 1, f
        target, _ = resolve(site, f, switches[0][0])
        assert target == site / other / f.relative_to(site / lang), (f, switches)


def test_sitemaps_list_every_page_with_its_other_language(site):
    """Search engines learn the language versions from the sitemaps (hreflang alternates), with absolute URLs."""
    import xml.etree.ElementTree as ET
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang in ("az", "en"):
        urls = ET.parse(site / lang / "sitemap.xml").getroot().findall("s:url", ns)
        pages = {f.parent.relative_to(site / lang).as_posix() for f in (site / lang).rglob("index.html")
                 if not is_redirect(f)}
        assert len(urls) == len(pages) > 250
        for u in urls:
            loc = u.find("s:loc", ns).text
            assert loc.startswith(f"http://127.0.0.1:8000/{lang}/"), loc
            alternates = {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
            assert alternates["az"] == loc.replace(f"/{lang}/", "/az/", 1)
            assert alternates["en"] == loc.replace(f"/{lang}/", "/en/", 1)
            # x-default is the authoritative Azerbaijani page itself, never the root language picker.
            assert alternates["x-default"] == alternates["az"] != "http://127.0.0.1:8000/"


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
    proc = run_command("build", "--site-dir", str(out), data=data_copy)
    assert proc.returncode == 1
    assert "YAML syntax error" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "marker.txt").read_text() == "previous build"
    assert not list(tmp_path.glob("site.build-*"))


def test_short_links_redirect_to_the_current_page(site, catalog):
    f = site / "id" / "nap-2014-2018" / "13.2.9" / "index.html"
    html = f.read_text(encoding="utf-8")
    target, _ = resolve(site, f, re.search(r'url=([^"]+)"', html).group(1))
    assert target == page(site, "az/nap-2014-2018/measures/13-2-9/")
    sub = site / "id" / "cis-2007-2010" / "2.4" / "ç" / "index.html"
    href = re.search(r'url=([^"]+)"', sub.read_text(encoding="utf-8")).group(1)
    target, anchor = resolve(site, sub, href)
    assert target == page(site, "az/cis-2007-2010/") and anchor == "m-2-4-ch" and anchor in parse(target).ids
    assert len([d for d in (site / "id" / "nap-2014-2018").iterdir() if d.is_dir()]) == 60


def test_measure_page_has_citation_permalink_and_json_ld(site):
    import json
    f = page(site, "en/nap-2014-2018/measures/13-2-9/")
    html = f.read_text(encoding="utf-8")
    assert "Order of the President of the Republic of Azerbaijan No. 667 of 24 July 2014, measure 13.2.9" in html
    permalink = re.search(r'<input id="permalink" readonly data-permalink="([^"]+)"', html).group(1)
    target, _ = resolve(site, f, permalink)
    assert target == site / "id" / "en" / "nap-2014-2018" / "13.2.9" / "index.html"  # English cites English
    scripts = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    ld = next(d for d in scripts if d.get("@type") == "Legislation")
    assert ld["legislationIdentifier"] == "13.2.9"
    act = ld["isPartOf"]["isPartOf"]  # measure → plan → approving act
    assert act["legislationIdentifier"] == "667" and act["legislationDate"] == "2014-07-24"
    assert ld["url"].startswith("http://127.0.0.1:8000/en/")
    az = page(site, "az/nap-2014-2018/measures/13-2-9/").read_text(encoding="utf-8")
    assert "2014-cü il 24 iyul tarixli 667 nömrəli Sərəncamı ilə təsdiq edilmişdir), tədbir 13.2.9." in az


def test_permanent_links_fix_the_language_and_id_has_a_page(site):
    for lang in ("az", "en"):
        f = site / "id" / lang / "nap-2014-2018" / "13.2.9" / "index.html"
        html = f.read_text(encoding="utf-8")
        assert "navigator.languages" not in html  # no negotiation: the language is in the link
        target, _ = resolve(site, f, re.search(r'url=([^"]+)"', html).group(1))
        assert target == page(site, f"{lang}/nap-2014-2018/measures/13-2-9/")
    index = (site / "id" / "index.html").read_text(encoding="utf-8")
    assert index.count("<li>") == 2 and 'href="en/nap-2014-2018/"' in index and 'href="az/cis-2007-2010/"' in index


def test_amended_measure_names_the_decrees_and_does_not_guess(site):
    html = page(site, "en/nap-2014-2018/measures/13-3-9/").read_text(encoding="utf-8")
    assert "Amended text" in html and "7 September 2016, № 1033" in html
    assert "not in the source" in html
    assert "Amended text" not in page(site, "en/nap-2014-2018/measures/13-1-4/").read_text(encoding="utf-8")


def test_mentions_link_to_bodies_and_abbreviations_expand(site):
    html = page(site, "az/nap-2014-2018/").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./bodies/ministry-of-internal-affairs/">Daxili İşlər Nazirliyi</a>', html)
    cis = page(site, "en/cis-2007-2010/").read_text(encoding="utf-8")
    assert '<abbr title="Council of Ministers of Internal Affairs of the CIS Member States">CMIA</abbr>' in cis


def test_indexes_follow_the_alphabet(site):
    """The order is written out here by hand, not computed with the product's own sort key."""
    az = page(site, "az/bodies/").read_text(encoding="utf-8")
    letters = re.findall(r'<h3 id="[^"]*">(.)<a class="headerlink"', az)
    assert letters == ["A", "D", "Ə", "G", "X", "İ", "Q", "M", "N", "R", "S", "T", "Y"]  # Ə after D, X before İ, Q before M
    names = re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="counts">', az)
    assert names[:3] == ["aidiyyəti qeyri-hökumət təşkilatları", "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi",
                         "ali təhsil müəssisələri"]  # case is ignored; "aid" < "ail" < "ali"
    assert names[16:22] == ["Ədliyyə Nazirliyi", "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi", "Gənclər və İdman Nazirliyi",
                            "Xarici İşlər Nazirliyi", "İqtisadiyyat və Sənaye Nazirliyi",
                            "İnsan alverinə qarşı mübarizə üzrə Milli Koordinator"]  # Ə after D…; X after G; İq before İn
    assert len(names) == 41
    en = page(site, "en/bodies/").read_text(encoding="utf-8")
    en_names = re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="counts">', en)
    assert en_names[:4] == ["Azerbaijan Television and Radio Broadcasting Closed Joint-Stock Company",
                            "Bar Association of the Republic of Azerbaijan",
                            "Bureau for Coordination of the Fight against Organized Crime and Other Dangerous Types of "
                            "Crime on the Territory of CIS Member States", "Cabinet of Ministers"]


def test_charts_are_labelled_and_have_their_figures_as_linked_tables(site, catalog):
    html = page(site, "en/overview/").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg class="chart"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(svgs) == len(catalog.documents) + 1 == 3  # a timeline per plan, then the bodies
    for chart in html.split('<svg class="chart"')[1:]:
        links = re.findall(r"<a ([^>]*)>", chart.split("</svg>")[0])
        assert links and all("aria-label=" in a for a in links), "every bar link has an accessible name"
    for svg_ids in svgs:
        for ident in svg_ids.split():
            assert ident in parse(page(site, "en/overview/")).ids
    # the timeline's figures match the data: 2015 has the measures that fall due that year
    due_2015 = sum(1 for pm in catalog.measures if pm.measure.deadline.end == 2015)
    assert due_2015 == 4
    assert "<title>NAP 2014–2018, 2015: 4</title>" in html and 'aria-label="NAP 2014–2018, 2015: 4"' in html
    # and the table beside it links each number to the measures it counts
    assert '<a href="../measures/?due=in-2015&amp;doc=nap-2014-2018">4</a>' in html
    assert '<a href="../measures/?body=ministry-of-internal-affairs">43</a>' in html
    az = page(site, "az/overview/").read_text(encoding="utf-8")
    assert "İcra ilinə görə tədbirlər" in az and "Measures by deadline year" not in az


def _running_totals(html: str, doc: str) -> list[tuple[str, str, str]]:
    """(year, measures, running total) of one plan's timeline table, as a reader sees them."""
    section = html.split(f'id="timeline-{doc}"')[1].split('<table class="figures">')[1].split("</table>")[0]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td></tr>', section)
    return [(y, re.sub(r"<[^>]+>", "", n), re.sub(r"<[^>]+>", "", t)) for y, n, t in rows]


def test_overview_counts_each_plans_periods_on_their_own(site, catalog):
    """Periods belong to one plan (issue 28): "due by the end of 2015" was 25, of which only 4 were the NAP's —
    the other 21 the CIS programme's of 2007–2010. Each plan now has its own table and running total."""
    html = page(site, "en/overview/").read_text(encoding="utf-8")
    assert _running_totals(html, "nap-2014-2018") == [
        ("2015", "4", "4"), ("2016", "14", "18"), ("2017", "5", "23"), ("2018", "3", "26"), ("regular", "34", "–")]
    assert _running_totals(html, "cis-2007-2010") == [
        ("2007", "1", "1"), ("2008", "8", "9"), ("2009", "2", "11"), ("2010", "10", "21")]
    # the running totals agree with the data and link the plan's own measures only
    nap_by_2015 = [pm for pm in catalog.measures_of("nap-2014-2018") if (pm.measure.deadline.end or 9999) <= 2015]
    assert len(nap_by_2015) == 4
    assert '<a href="../measures/?due=by-2015&amp;doc=nap-2014-2018">4</a>' in html
    assert '<a href="../measures/?due=by-2010&amp;doc=cis-2007-2010">21</a>' in html
    assert "?due=by-2015\"" not in html and "25" not in re.sub(r"<[^>]+>", " ", html.split('id="per-body"')[0]).split()
    # the CIS chart has no NAP years and the NAP chart none of the CIS's
    nap_chart = html.split('id="timeline-nap-2014-2018"')[1].split("</svg>")[0]
    assert "2010" not in nap_chart and "2015" in nap_chart


def test_two_builds_are_byte_identical(site, tmp_path):
    """Same commit, same site: SOURCE_DATE_EPOCH pins dates, Pagefind's output is canonicalised."""
    again = tmp_path / "site"
    proc = run_command("build", "--site-dir", str(again))
    assert proc.returncode == 0, proc.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(k) for k in first if first[k] != second[k]] == []


def test_hand_written_pages_opt_in_to_macros_and_none_is_left_unrendered(site):
    """mkdocs.yml renders macros only where a page asks (the generated pages are finished HTML): a hand-written
    page that forgot to ask would show its {{ … }} to readers."""
    from planreader.paths import ROOT

    written = sorted((ROOT / "docs").rglob("*.md"))
    assert len(written) == 10
    for md in written:
        front = md.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        assert re.search(r"^render_macros: true\b", front, re.M), md
        built = page(site, f"{md.parent.name}/{'' if md.stem == 'index' else md.stem + '/'}").read_text(encoding="utf-8")
        assert "{{" not in built and "{%" not in built, md
    # …and the macros did run: the citation example is filled in from the data.
    assert "667 nömrəli Sərəncamı ilə təsdiq edilmişdir), tədbir 13.2.9. Mənbə:" in page(site, "az/cite/").read_text(
        encoding="utf-8")


def test_renamed_ids_keep_their_old_addresses(site, catalog):
    # Issue 27: the ids that said "custody" were renamed; every old page address still leads to the new page.
    moved = {("bodies", "guardianship-and-custody-bodies"): "bodies/guardianship-and-trusteeship-bodies/",
             ("glossary", "custody"): "glossary/trusteeship/",
             ("glossary", "guardianship-and-custody-bodies"): "glossary/guardianship-and-trusteeship-bodies/"}
    for lang in ids.LANGS:
        for (folder, old), new in moved.items():
            f = site / lang / folder / old / "index.html"
            html = f.read_text(encoding="utf-8")
            target, _ = resolve(site, f, re.search(r'url=([^"]+)"', html).group(1))
            assert target == page(site, f"{lang}/{new}")
            assert f'<html lang="{lang}">' in html and 'content="noindex"' in html
    assert not (site / "en" / "bodies" / "guardianship-and-trusteeship-bodies" / "index.html").read_text(
        encoding="utf-8").count("custody-bodies")
    sitemap = (site / "az" / "sitemap.xml").read_text(encoding="utf-8")
    assert "guardianship-and-custody-bodies" not in sitemap and "glossary/custody/" not in sitemap
