"""Cited instruments: the records, their detection in the texts, and the checks that keep them complete."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from planreader.data.citations import _sentence, likely_citations, uncovered
from test_errors import errors_after, line_of, replace_in

EXPECTED = yaml.safe_load((Path(__file__).parent / "instrument_citations.yml").read_text(encoding="utf-8"))


def test_citations_match_the_independent_list(catalog):
    found = {(c.unit, c.instrument) for c in catalog.citations}
    expected = {(unit, ins) for unit, cited in EXPECTED.items() for ins in cited}
    assert found - expected == set(), "found but not in the independent list"
    assert expected - found == set(), "in the independent list but not found"
    assert len(found) == 38


def test_every_instrument_is_cited_and_every_record_listed(catalog):
    listed = {ins for cited in EXPECTED.values() for ins in cited}
    assert listed == set(catalog.instruments)
    assert len(catalog.instruments) == 22
    assert all(catalog.citations_of(i) for i in catalog.instruments)


def test_citation_keeps_its_pinpoint_and_sentence(catalog):
    nrm = catalog.citations_of("rules-national-referral-mechanism")
    assert [(c.document, c.number, c.page) for c in nrm] == [
        ("nap-2014-2018", "3.4", "nap-2014-2018/#p-3-4"),
        ("nap-2014-2018", "13.1.5", "nap-2014-2018/measures/13-1-5/")]
    assert nrm[1].text.startswith("«İnsan alveri qurbanları ilə bağlı Milli İstiqamətləndirmə Mexanizmi Qaydaları»")
    constitution = catalog.citations_of("constitution")
    assert [c.unit for c in constitution] == ["nap-2014-2018:order-preamble:text", "nap-2014-2018:s-1-p1:text",
                                              "nap-2014-2018:p-3-1:text", "nap-2014-2018:p-6-2:text"]


def test_instruments_cited_in_a_measure(catalog):
    cited = catalog.instruments_cited_in("cis-2007-2010", measure="2.2")
    assert [i.id for i in cited] == ["un-convention-transnational-organized-crime", "palermo-protocol"]
    # a measure's sub-items count as the measure's; a measure citing nothing lists nothing
    assert [i.id for i in catalog.instruments_cited_in("cis-2007-2010", measure="1.2")] == [
        "cis-agreement-return-of-minors-2002", "cis-agreement-trafficking-2005"]
    assert catalog.instruments_cited_in("cis-2007-2010", measure="1.1") == []
    assert len(catalog.instruments_cited_in("nap-2014-2018")) == 18


def test_sentence_is_the_one_that_cites():
    text = "Birinci cümlə. «X Qaydaları»nın təkmilləşdirilməsi təmin ediləcək. Üçüncü."
    start = text.index("«")
    assert _sentence(text, start, start + 13) == "«X Qaydaları»nın təkmilləşdirilməsi təmin ediləcək."


def test_likely_citations_in_both_languages():
    def titles(text):
        return [x for _, _, x in likely_citations(text)]
    assert titles("«Yeni haqqında» Azərbaycan Respublikasının Qanununa uyğun") == ["Yeni haqqında"]
    assert titles("«Miqrantların hüquqları haqqında» Avropa Şurası Konvensiyasına") == ["Miqrantların hüquqları haqqında"]
    assert titles("«Sığınacaqlar haqqında Əsasnamə»nin təsdiqi") == ["Sığınacaqlar haqqında Əsasnamə"]
    assert titles("«Köməyin göstərilməsi Qaydaları (indikatorları)»nın") == ["Köməyin göstərilməsi Qaydaları (indikatorları)"]
    assert titles("the “On Migration” Law of the Republic of Azerbaijan") == ["On Migration"]
    # quoted names of bodies, newspapers and principles are not citations
    assert titles("«Azərbaycan» qəzetində, «qaynar xətt» barədə, «Mülki Aviasiya Administrasiyası» (CAA)") == []


def test_a_document_naming_itself_is_not_uncovered(catalog):
    from planreader.data.units import document_citing_units

    units = list(document_citing_units(catalog))
    own = {d.id: [t.az for t in (d.title, d.approves, d.short_title) if t] for d in catalog.documents.values()}
    assert list(uncovered(units, catalog.citations, own)) == []
    # without the self-reference rule the plans' own titles would be reported
    assert {u.id for u, _ in uncovered(units, catalog.citations, {})} >= {"nap-2014-2018:order-point-1:text",
                                                                         "cis-2007-2010:law-point-1:text"}


def test_a_form_that_occurs_nowhere_is_located(data_copy):
    replace_in(data_copy, "instruments.yml", "      - «Uşaq hüquqları haqqında» BMT-nin Konvensiyası",
               "      - «Uşaq hüquqları haqqında» BMT Konvensiyası")
    line = line_of(data_copy, "instruments.yml", "BMT Konvensiyası")
    errs = errors_after(data_copy)
    assert errs == [f"data/instruments.yml:{line}: instrument un-convention-rights-of-the-child: forms[0]: form "
                    "'«Uşaq hüquqları haqqında» BMT Konvensiyası' occurs in no document text; write it as the text "
                    "prints it",
                    "data/instruments.yml: instruments: unit nap-2014-2018:p-7-1:text cites «Uşaq hüquqları "
                    "haqqında», which no instrument's forms cover; add a record (or a form) for it"]


def test_a_citation_no_record_covers_is_reported(data_copy):
    replace_in(data_copy, "measures/nap-2014-2018.yml", "«İnsan alverinə şərait yaradan sosial problemlərin aradan "
               "qaldırılması üzrə Proqram»ın təkmilləşdirilməsi", "«Miqrasiya haqqında» Azərbaycan Respublikasının "
               "Qanununun təkmilləşdirilməsi")
    replace_in(data_copy, "documents/nap-2014-2018.yml", "«İnsan alverinə şərait yaradan", "«İnsan alverinə şərait yaradan")
    errs = errors_after(data_copy)
    assert ("data/instruments.yml: instruments: unit nap-2014-2018:m-13-1-6:text cites «Miqrasiya haqqında», which "
            "no instrument's forms cover; add a record (or a form) for it") in errs


def test_bad_kind_and_duplicate_id_are_one_line_each(data_copy):
    replace_in(data_copy, "instruments.yml", "    kind: protocol\n", "    kind: treaty\n")
    replace_in(data_copy, "instruments.yml", "  - id: decree-2017-03-03\n", "  - id: decree-2016-08-16\n")
    kind_line = line_of(data_copy, "instruments.yml", "kind: treaty")
    errs = errors_after(data_copy)
    assert len(errs) == 2
    assert errs[0].startswith(f"data/instruments.yml:{kind_line}: instrument palermo-protocol: kind: Input should be "
                              "'constitution', 'law'")
    assert any(e.startswith("data/instruments.yml:") and "duplicate id 'decree-2016-08-16'" in e for e in errs)


def _page(catalog, lang, url):
    from planreader.render.context import RenderContext
    from planreader.render.pages import page_makers

    return page_makers(RenderContext(catalog, lang))[url]()


def test_instrument_page_lists_every_citing_unit_with_links(catalog):
    for lang in ("az", "en"):
        html = str(_page(catalog, lang, "instruments/coe-lanzarote-convention/").html)
        assert 'href="../../nap-2014-2018/#p-3-3"' in html
        assert 'href="../../nap-2014-2018/measures/13-1-2/"' in html
        assert html.count("<li><a href=") == 2
        assert "CETS No. 201" in html
    assert "Council of Europe Convention on the Protection of Children" in str(
        _page(catalog, "en", "instruments/coe-lanzarote-convention/").html)


def test_index_has_every_instrument_under_letters(catalog):
    html = str(_page(catalog, "az", "instruments/").html)
    assert sum(html.count(f'href="{i}/"') for i in catalog.instruments) == 22
    # letter headings in each language's order; «…» quoted titles sort by their first letter (İnsan under İ)
    assert re.findall(r'<h2 id="[^"]+">([^<]+)<', html) == ["A", "B", "C", "İ", "T", "U", "Y"]
    en = str(_page(catalog, "en", "instruments/").html)
    assert re.findall(r'<h2 id="[^"]+">([^<]+)<', en) == ["A", "C", "D", "I", "L", "N", "P", "R", "U"]


def test_document_and_measure_pages_list_instruments_cited_and_link_the_first_mention(catalog):
    doc = str(_page(catalog, "en", "nap-2014-2018/").html)
    assert "Instruments cited (18)" in doc
    measure = str(_page(catalog, "az", "nap-2014-2018/measures/13-1-5/").html)
    assert "İstinad edilən aktlar (2)" in measure
    assert measure.count('href="../../../instruments/rules-national-referral-mechanism/"') == 2  # text + list
    assert "Instruments cited" not in str(_page(catalog, "en", "cis-2007-2010/measures/1-1/").html)


def test_open_data_records_validate_and_carry_every_citation(catalog):
    import csv
    import io
    import json

    import jsonschema

    from planreader.publish.formats import array_schema, to_csv
    from planreader.publish.opendata import MODELS, records

    rows = [r.model_dump(mode="json") for r in records(catalog)["instruments"]]
    schema = json.loads(json.dumps(array_schema(MODELS["instruments"])))
    jsonschema.validate(rows, schema)
    assert len(rows) == 22 and sum(len(r["cited_in"]) for r in rows) == 38
    lanzarote = next(r for r in rows if r["id"] == "coe-lanzarote-convention")
    assert lanzarote["url"] == {"az": "/az/instruments/coe-lanzarote-convention/",
                                "en": "/en/instruments/coe-lanzarote-convention/"}
    assert lanzarote["identifier"] == "CETS No. 201"
    assert lanzarote["cited_in"] == [
        {"document": "nap-2014-2018", "unit": "p-3-3",
         "url": {"az": "/az/nap-2014-2018/#p-3-3", "en": "/en/nap-2014-2018/#p-3-3"}},
        {"document": "nap-2014-2018", "unit": "m-13-1-2",
         "url": {"az": "/az/nap-2014-2018/measures/13-1-2/", "en": "/en/nap-2014-2018/measures/13-1-2/"}}]
    broken = [dict(rows[0], kind=3)]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    table = list(csv.DictReader(io.StringIO(to_csv(rows).lstrip("\ufeff"))))
    assert len(table) == 22 and table[0]["id"] == "constitution"


def test_every_translated_citation_has_its_english_sentence(catalog):
    """The English pages quote the English sentence: every citation in a translated unit is traced in the English
    by one of the instrument's English wordings (title, short title, en_forms)."""
    from planreader.data.citations import english_forms
    assert len(catalog.citations) == 38
    for c in catalog.citations:
        ins = catalog.instruments[c.instrument]
        assert c.en_text and any(f in c.en_text for f in english_forms(ins)), c
    joint = [c for c in catalog.citations if c.unit == "nap-2014-2018:p-8-1:text"]
    assert {c.instrument for c in joint} == {"law-combating-trafficking", "law-state-protection-criminal-proceedings"}
    assert all("“On State Protection of Persons Participating in Criminal Proceedings”" in c.en_text for c in joint)


@pytest.mark.parametrize("lang", ["az", "en"])
def test_a_joint_citation_links_each_law_to_its_own_page(catalog, lang):
    """«A» və «B» … qanunları (and the English "the Laws … “A” and “B”") cite two laws: each quoted name links to its
    own instrument, in the order the text names them, and no citation of the catalog is linked to the wrong law."""
    from planreader.data.units import all_units
    from planreader.render.links import Linker
    units = {u.id: u for u in all_units(catalog)}
    linker = Linker(catalog, lang)
    cited = {}
    for c in catalog.citations:
        cited.setdefault(c.unit, set()).add(c.instrument)
    for unit, instruments in cited.items():
        html = linker.render(getattr(units[unit].text, lang), lambda kind, target: f"#{kind}:{target}", None, set(), ())
        linked = set(re.findall(r'href="#instrument:([^"]+)"', html))
        assert linked == instruments, unit
    html = linker.render(getattr(units["nap-2014-2018:p-8-1:text"].text, lang), lambda k, t: f"#{k}:{t}", None, set(), ())
    assert re.findall(r'href="#instrument:([^"]+)">([^<]+)<', html) == [
        ("law-state-protection-criminal-proceedings", "«Cinayət prosesində iştirak edən şəxslərin dövlət müdafiəsi "
         "haqqında»" if lang == "az" else "“On State Protection of Persons Participating in Criminal Proceedings”"),
        ("law-combating-trafficking", "«İnsan alverinə qarşı mübarizə haqqında»" if lang == "az"
         else "“On Combating Trafficking in Human Beings”")]
