"""Trust and contact (issue 28): every page offers a way to report an error on it, with its address filled in;
document and measure pages say what date their text is current to and when the page was built; every repair of
the source text is listed openly."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from htmlsite import html_files, is_redirect, page
from planreader.site import footer


def test_report_address_template_is_checked_and_filled():
    t = footer.checked_template({"report_error": " https://tracker.example/issues/new?title={title}&body={url} "})
    assert footer.report_href(t, "https://x.org/en/a b/", "Measure 13.2.9 — NAP") == (
        "https://tracker.example/issues/new?title=Measure%2013.2.9%20%E2%80%94%20NAP&body=https%3A%2F%2Fx.org%2Fen%2Fa%20b%2F")
    # a brace that is no placeholder stays as it is (no str.format)
    assert footer.report_href("mailto:a@b.c?subject={x}&body={url}", "u", "t") == "mailto:a@b.c?subject={x}&body=u"
    for bad in ({}, {"report_error": ""}, {"report_error": "javascript:alert(1)"},
                {"report_error": 'https://x/"><script>'}, {"report_error": 42}):
        with pytest.raises(PluginError) as err:
            footer.checked_template(bad)
        assert str(err.value).startswith("mkdocs.yml: extra.report_error: ") and "\n" not in str(err.value)


def _footer(html: str) -> str:
    m = re.search(r'<p class="reader-footer"><a class="report-error" href="([^"]+)">([^<]+)</a> · '
                  r'<span class="built">([^<]+)</span></p>', html)
    assert m, "the page has the report link and the build date"
    return m


def test_every_page_has_a_report_link_with_its_own_address(site):
    checked = 0
    for lang, subject, label, built in (("en", "Error: ", "Report an error on this page", "Site built on "),
                                        ("az", "Səhv: ", "Bu səhifədəki səhv barədə xəbər verin", "Sayt ")):
        for path in html_files(site / lang):
            html = path.read_text(encoding="utf-8")
            if is_redirect(path) or path.name == "404.html":
                continue
            m = _footer(html)
            href = m.group(1).replace("&amp;", "&")
            query = parse_qs(urlsplit(href).query)
            canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
            assert href.startswith("mailto:?") and query["body"] == [canonical], path
            assert query["subject"][0].startswith(subject)
            assert m.group(2) == label and m.group(3).startswith(built)
            checked += 1
    assert checked > 500  # every page of both languages
    measure = page(site, "en/nap-2014-2018/measures/13-2-9/").read_text(encoding="utf-8")
    href = unquote(_footer(measure).group(1).replace("&amp;", "&"))
    assert "subject=Error: Measure 13.2.9 — National Action Plan 2014–2018" in href
    assert href.endswith("body=http://127.0.0.1:8000/en/nap-2014-2018/measures/13-2-9/")


@pytest.mark.parametrize("lang, nap, cis, built", [
    ("en", "7 August 2017 (as last amended)", "30 December 2008 (as adopted; no amendments recorded)", "Page built"),
    ("az", "7 avqust 2017 (son dəyişikliklərlə)", "30 dekabr 2008 (qəbul edildiyi kimi; dəyişiklik qeydə alınmayıb)",
     "Səhifənin yaradıldığı tarix")])
def test_document_and_measure_pages_say_text_as_of_and_build_date(site, lang, nap, cis, built):
    def facts(path: str) -> dict[str, str]:
        html = page(site, path).read_text(encoding="utf-8")
        pairs = re.findall(r"<dt[^>]*>([^<]+)</dt>\s*<dd[^>]*>([^<]+)</dd>", html)
        return {k.strip(): v.strip() for k, v in pairs}
    label = "Text as of" if lang == "en" else "Mətnin redaksiya tarixi"
    for path, as_of in ((f"{lang}/nap-2014-2018/", nap), (f"{lang}/nap-2014-2018/measures/13-2-9/", nap),
                        (f"{lang}/cis-2007-2010/", cis), (f"{lang}/cis-2007-2010/measures/1-1/", cis)):
        f = facts(path)
        assert f[label] == as_of, path
        assert re.fullmatch(r"\d{1,2} \w+ \d{4}", f[built]), path


@pytest.mark.parametrize("lang", ["en", "az"])
def test_every_repair_of_each_source_is_listed_on_its_page(site, catalog, lang):
    """The About page says every repair is listed openly: each document's page lists data/repairs/<id>.yml whole."""
    import html as html_lib

    import yaml
    from planreader import paths

    about = page(site, f"{lang}/about/").read_text(encoding="utf-8")
    for doc_id in catalog.documents:
        recorded = yaml.safe_load((paths.DATA / "repairs" / f"{doc_id}.yml").read_text(encoding="utf-8"))["repairs"]
        html = page(site, f"{lang}/{doc_id}/repairs/").read_text(encoding="utf-8")
        rows = re.findall(r'<tr id="repair-(\d+)"><td>\d+</td><td>[^<]+</td><td><code>(.*?)</code></td>'
                          r'<td>(?:<code>(.*?)</code>|<em>[^<]+</em>)</td><td>(\d+)</td><td lang="en">(.*?)</td></tr>', html)
        assert [(html_lib.unescape(f), html_lib.unescape(r), int(c), html_lib.unescape(n)) for _i, f, r, c, n in rows] == [
            (x["find"], x["replace"], x.get("count", 1), x["note"]) for x in recorded]
        assert f'href="{doc_id}/repairs/"' in about or f'href="../{doc_id}/repairs/"' in about
        doc_page = page(site, f"{lang}/{doc_id}/").read_text(encoding="utf-8")
        assert '<a href="repairs/">' in doc_page
    nap = page(site, f"{lang}/nap-2014-2018/repairs/").read_text(encoding="utf-8")
    assert nap.count('<tr id="repair-') == 6 and ("(removed)" if lang == "en" else "(çıxarılıb)") in nap
    assert page(site, f"{lang}/cis-2007-2010/repairs/").read_text(encoding="utf-8").count('<tr id="repair-') == 22
