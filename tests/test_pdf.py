"""The PDFs of each document (Azerbaijani, English, side by side), read back from the real build as a reader's tools
read them: every unit of text in order, the outline, links, metadata, fonts, headers and page numbers, the
measures table's layout; hostile text printed as text; the same commit giving the same bytes."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from htmlsite import page, parse
from pdfread import destinations, fonts, links, outline, read, squeeze
from planreader import ids
from planreader.data.units import reading_order
from planreader.i18n import fill, translator
from planreader.publish.pdf_html import EDITIONS

pytestmark = pytest.mark.build  # every test reads PDFs from a build or lays out PDFs itself

DOCS = ("nap-2014-2018", "cis-2007-2010")
ROOT = "http://127.0.0.1:8000/"  # the address a build without --site-url uses
A4 = (595.28, 841.89)  # points


def build_day() -> dt.date:
    from planreader.site.build import source_date_epoch
    return dt.datetime.fromtimestamp(int(source_date_epoch()), dt.timezone.utc).date()


def pdf_of(site: Path, doc: str, edition: str):
    return read(site / ids.pdf_file(doc, edition))


def langs_of(edition: str) -> list[str]:
    return ["az", "en"] if edition == "az-en" else [edition]


def test_each_document_has_its_three_pdfs(site):
    assert sorted(p.name for p in (site / "data" / "pdf").iterdir()) == sorted(
        f"{d}.{e}.pdf" for d in DOCS for e in EDITIONS)


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_unit_of_the_document_is_in_its_pdf_in_reading_order(site, catalog, doc, edition):
    """pdftotext of the page bodies (running headers and footers cut off) holds the text of every unit the
    catalog has for the document, each after the one before it (side by side: each language's units in order)."""
    pdf = pdf_of(site, doc, edition)
    units = list(reading_order(catalog, catalog.documents[doc]))
    assert len(units) > 80
    for lang in langs_of(edition):
        at, missing = 0, []
        for u in units:
            text = squeeze(u.text.in_lang(lang) or u.text.az)
            found = pdf.body.find(text, at)
            if found < 0:
                missing.append(u.id)
            else:
                at = found + len(text)
        assert missing == [], f"{edition}: {len(missing)} of {len(units)} units missing or out of order"


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_pages_are_a4_and_the_outline_holds_every_section_group_and_measure(site, catalog, doc, edition):
    pdf = pdf_of(site, doc, edition)
    assert len(pdf.reader.pages) == len(pdf.pages) >= 8
    for p in pdf.reader.pages:
        assert (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) == A4
    marks = outline(pdf)
    titles = [t for _depth, t, _page in marks]
    pms = catalog.measures_of(doc)
    nums = {pm.num for pm in pms}
    # every measure once, in order, all at one depth; right before each group's first measure, the group
    at = [i for i, (_d, t, _p) in enumerate(marks) if t.split(". ", 1)[0] in nums]
    assert [marks[i][1].split(". ", 1)[0] for i in at] == [pm.num for pm in pms]
    depth = {marks[i][0] for i in at}
    assert len(depth) == 1
    firsts = [i for i, pm, before in zip(at, pms, [None, *pms]) if before is None or before.group is not pm.group]
    assert len(firsts) == len({pm.group.id for pm in pms})
    for i in firsts:
        group = pms[at.index(i)].group
        assert marks[i - 1][0] == marks[i][0] - 1
        assert marks[i - 1][1].startswith(f"{group.num}. ")
    # every section heading of the document
    lang = "az" if edition == "az-en" else edition
    for h in (n for n in catalog.documents[doc].body if n.kind == "heading"):
        assert any(t.startswith((f"{h.num}. " if h.num else "") + h.text.in_lang(lang)[:20]) for t in titles), h.id
    # each bookmark opens the page its entry is on: the page holds the measure's number
    for _d, title, index in marks:
        number = title.split(" ", 1)[0].rstrip(".")
        if re.fullmatch(r"\d+(\.\d+)+", number):
            assert number in pdf.pages[index], (title, index)


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_metadata_title_language_subject_and_the_build_date(site, catalog, doc, edition):
    d = catalog.documents[doc]
    pdf = pdf_of(site, doc, edition)
    meta, root = pdf.reader.metadata, pdf.reader.trailer["/Root"]
    lang = "az" if edition == "az-en" else edition
    assert root["/Lang"] == lang
    assert root["/MarkInfo"]["/Marked"]  # tagged PDF
    assert meta.title.startswith(d.title.in_lang(lang))
    if edition == "az-en":
        assert meta.title == f"{d.title.az} / {d.title.en}"
    assert d.approves.in_lang(lang) in meta.subject
    if edition == "en":
        assert "Unofficial English translation" in meta.subject
    day = build_day().strftime("%Y%m%d")
    assert meta["/CreationDate"] == meta["/ModDate"] == f"D:{day}000000Z"


@pytest.mark.parametrize("edition", EDITIONS)
def test_fonts_are_embedded_and_have_every_azerbaijani_letter(site, catalog, edition):
    from fontTools.ttLib import TTFont

    from planreader.publish.pdf import FONTS
    path = site / ids.pdf_file("nap-2014-2018", edition)
    used = fonts(path)
    assert used and all(f["emb"] == "yes" and f["uni"] == "yes" for f in used), used
    # only the shipped serif: no character fell back to a font of the machine
    for f in used:
        assert re.fullmatch(r"[A-Z]{6}\+Plan-Serif(-Currency)?(-Bold|-Italic|-BoldItalic)?", f["name"]), f
    letters = "əƏıIİiğĞşŞçÇöÖüÜ"
    for ttf in FONTS.glob("LiberationSerif-*.ttf"):
        cmap = TTFont(ttf)["cmap"].getBestCmap()
        assert all(ord(c) in cmap for c in letters), ttf.name
    if "az" in langs_of(edition):  # every letter the Azerbaijani text uses comes out of the PDF as itself
        used_letters = {c for u in reading_order(catalog, catalog.documents["nap-2014-2018"]) for c in u.text.az
                        if c.isalpha() and not c.isascii()}
        assert set("əıİğşçöüƏŞÖ") <= used_letters
        assert used_letters <= set("".join(read(path).pages))


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_the_running_header_and_page_n_of_m(site, catalog, doc, edition):
    d = catalog.documents[doc]
    pdf = pdf_of(site, doc, edition)
    total = len(pdf.pages)
    for n, text in enumerate(pdf.pages, 1):
        flat = " ".join(text.split())
        if edition == "az-en":
            assert f"{d.label.az} / {d.label.en}" in flat
            assert "English: unofficial translation" in flat and "İngilis dili: qeyri-rəsmi tərcümə" in flat
            assert f"Səhifə {n} / {total} · Page {n} of {total}" in flat
        else:
            assert d.short_title.in_lang(edition) in flat
            assert fill(translator(edition)("Page {page} of {pages}"), page=n, pages=total) in flat
            assert (ROOT + ids.Permalink(doc, lang=edition).path) in flat
            # the English is marked as an unofficial translation on every page
            assert ("Unofficial translation" in flat) == (edition == "en")
            assert ("Rəsmi mətn" in flat) == (edition == "az")


@pytest.mark.parametrize("edition", EDITIONS)
def test_title_page_gives_what_a_citation_needs(site, catalog, edition):
    d = catalog.documents["nap-2014-2018"]
    first = squeeze(pdf_of(site, d.id, edition).pages[0])  # narrow columns wrap even addresses
    for lang in langs_of(edition):
        _ = translator(lang)
        assert squeeze(d.title.in_lang(lang)) in first
        for label in ("Type", "Number", "Date", "Issued by", "Published in", "Amended by", "Text as of",
                      "Permanent link", "PDF made on", "Cite as"):
            assert squeeze(_(label)) in first, (lang, label)
        assert "667" in first and squeeze(d.issuer.in_lang(lang)) in first
        assert ROOT + ids.Permalink(d.id, lang=lang).path in first
        assert first.count(squeeze(_("Decree"))) >= len(d.amendments) == 4
    if "en" in langs_of(edition):
        assert squeeze("Unofficial English translation. Only the Azerbaijani text is authoritative.") in first
    if "az" in langs_of(edition):
        assert squeeze("Azərbaycan dilində mətn. Bu, rəsmi mətndir.") in first
    assert "2.13" in squeeze(pdf_of(site, "cis-2007-2010", edition).pages[0])  # the incomplete source's notice


@pytest.mark.parametrize("lang", ["az", "en"])
def test_measures_table_repeats_its_headings_and_keeps_each_row_on_one_page(site, catalog, lang):
    _ = translator(lang)
    pdf = pdf_of(site, "nap-2014-2018", lang)
    pms = catalog.measures_of("nap-2014-2018")
    dests = destinations(pdf)
    first, last = dests[ids.measure_anchor(pms[0].num)], dests[ids.measure_anchor(pms[-1].num)]
    assert last - first >= 5
    headings = squeeze(" ".join(_(x) for x in ("No.", "Measure", "Executors", "Implementation period")))
    for index in range(first, last + 1):
        assert headings in squeeze(pdf.pages[index]), index
    whole = 0
    for pm in pms:
        m = pm.measure
        note = [_("Translator's note") + f": {m.translator_note}"] if m.translator_note and lang == "en" else []
        row = squeeze(" ".join([m.num, m.text.in_lang(lang), *(f"{s.label}) {s.text.in_lang(lang)}" for s in m.subitems),
                                *note, m.executors_text.in_lang(lang), m.deadline.text.in_lang(lang)]))
        pages = [i for i, text in enumerate(pdf.pages) if row in squeeze(text)]
        assert pages == [dests[ids.measure_anchor(m.num)]], m.num  # the row whole, on the page it starts on
        whole += 1
    assert whole == len(pms) == 60


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_internal_links_resolve_and_the_others_are_permanent_links(site, catalog, doc, edition):
    pdf = pdf_of(site, doc, edition)
    dests = destinations(pdf)
    found = links(pdf)
    internal = [t for _p, kind, t in found if kind == "dest"]
    external = [t for _p, kind, t in found if kind == "uri"]
    assert [k for _p, k, _t in found if k not in ("dest", "uri")] == []
    assert internal and set(internal) <= set(dests)
    # the contents page links each entry to the page its page number names
    for index, kind, target in found:
        if kind == "dest" and index == 1:
            assert str(dests[target] + 1) in pdf.pages[1]
    # every unit anchor of the site is a named destination, so file.pdf#m-13-2-9 opens the measure
    for u in reading_order(catalog, catalog.documents[doc]):
        assert u.page.split("#")[-1] in dests or "/measures/" in u.page, u.id
    for pm in catalog.measures_of(doc):
        assert ids.measure_anchor(pm.num) in dests
        assert ids.group_anchor(pm.group.id) in dests
        for s in pm.measure.subitems:
            assert ids.subitem_anchor(pm.num, s.label) in dests
    if edition != "az-en":  # each measure's number links to its permanent link
        assert sorted(external) == sorted(ROOT + ids.Permalink(doc, pm.num, lang=edition).path
                                          for pm in catalog.measures_of(doc))
    else:
        assert external == []


@pytest.mark.parametrize("lang", ["az", "en"])
def test_document_and_measure_pages_link_the_pdfs(site, lang):
    doc_page = page(site, f"{lang}/nap-2014-2018/")
    hrefs = {a.get("href"): a for tag, url, a in parse(doc_page).links if tag == "a"}
    other = "en" if lang == "az" else "az"
    for edition in (lang, other, "az-en"):
        href = f"../../data/pdf/nap-2014-2018.{edition}.pdf"
        assert href in hrefs and hrefs[href].get("type") == "application/pdf"
        assert (doc_page.parent / href).resolve().is_file()
    html = doc_page.read_text(encoding="utf-8")
    assert html.index("nap-2014-2018.az-en.pdf") < html.index("nap-2014-2018.az.xml")  # PDFs listed first
    measure = page(site, f"{lang}/nap-2014-2018/measures/13-3-7/")
    targets = [url for tag, url, a in parse(measure).links if ".pdf" in url]
    assert targets == [f"../../../../data/pdf/nap-2014-2018.{e}.pdf#m-13-3-7" for e in (lang, other, "az-en")]
    for target in targets:
        file, anchor = target.split("#")
        pdf = read((measure.parent / file).resolve())
        index = destinations(pdf)[anchor]
        assert "13.3.7" in pdf.pages[index]  # the named destination is the page the measure is on


def test_the_same_commit_gives_the_same_bytes(site, catalog, tmp_path):
    """Laid out afresh twice (no cache) with the build's date and address, the CIS programme's PDFs equal each
    other and the build's own, byte for byte."""
    from planreader.publish import pdf

    first = pdf.write(catalog, tmp_path / "one", ROOT, build_day(), doc_ids=["cis-2007-2010"], cache=None)
    second = pdf.write(catalog, tmp_path / "two", ROOT, build_day(), doc_ids=["cis-2007-2010"], cache=None)
    assert len(first) == len(second) == 3
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert a.read_bytes() == (site / ids.pdf_file("cis-2007-2010", a.name.split(".")[1])).read_bytes(), a.name


def test_hostile_text_is_printed_as_text(data_copy, tmp_path):
    """Every hostile string placed in the data shows in the PDFs literally (markup, Jinja, CSS and PDF syntax
    included), the running header holds the hostile short title, and no PDF gains an action or a link the
    layout did not make."""
    from hostile import VISIBLE, inject
    from planreader.data.load import load_catalog
    from planreader.publish import pdf

    placed = inject(data_copy)
    cat = load_catalog()
    doc = cat.documents["cis-2007-2010"]
    written = pdf.write(cat, tmp_path, ROOT, build_day(), doc_ids=[doc.id], cache=None)
    shown = {p.name: read(p) for p in written}
    cis = {s for where, s in placed if where.startswith("cis-2007-2010.") or ".group " in where}
    everything = squeeze(" ".join(" ".join(p.pages) for p in shown.values()))
    assert len(cis) >= 10
    assert cis <= set(VISIBLE)
    for s in cis:
        assert squeeze(s) in everything, s
    en = shown["cis-2007-2010.en.pdf"]
    for text in en.pages:
        assert " ".join(doc.short_title.en.split()) in " ".join(text.split())
    for p in written:
        raw = p.read_bytes()
        assert b"/JavaScript" not in raw and b"/JS" not in raw and b"/Launch" not in raw
        uris = [t for _i, kind, t in links(read(p)) if kind == "uri"]
        assert all(u.startswith(ROOT + "id/") for u in uris), uris


def test_a_pdf_loads_nothing_but_its_fonts(tmp_path):
    """The layout may read the shipped fonts and stylesheet only: an image or stylesheet address in the HTML is
    refused (a warning), never fetched from the network or the disk."""
    import logging

    from planreader.publish import pdf
    from planreader.publish.pdf_html import PrintSource

    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }", encoding="utf-8")
    html = (f'<html lang="en"><head><link rel="stylesheet" href="{secret.as_uri()}"></head><body><p>x</p>'
            '<img src="http://127.0.0.1:9/pixel.png"></body></html>')
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        data = pdf.render(PrintSource("en", html, ""))
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert data.startswith(b"%PDF-")
    refused = [r.getMessage() for r in records if "may load only its fonts" in r.getMessage()]
    assert len(refused) == 2, [r.getMessage() for r in records]


def test_the_real_pdfs_lay_out_without_a_warning(catalog, tmp_path):
    """WeasyPrint warns about CSS it ignores and resources it cannot load: the stylesheet and templates give none."""
    import logging

    from planreader.publish import pdf

    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        pdf.write(catalog, tmp_path, ROOT, build_day(), editions=["en"], doc_ids=["cis-2007-2010"], cache=None)
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert [r.getMessage() for r in records if r.levelno >= logging.WARNING] == []


def test_missing_pango_is_one_line(monkeypatch, capsys):
    import builtins

    from planreader.publish import pdf

    real_import = builtins.__import__

    def no_pango(name, *a, **kw):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *a, **kw)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(SystemExit) as e:
        pdf.render(None)
    assert "scripts/ensure_build_tools.sh" in str(e.value) and "\n" not in str(e.value)
    assert shutil.which("pdftotext")  # the suite itself needs poppler-utils
