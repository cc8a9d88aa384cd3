"""ELI metadata of documents and measures: parsed as RDF, as a harvester reads it, with the ELI vocabulary only."""
from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urljoin

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from planreader import ids
from planreader.publish import eli

# rdflib 7.6's JSON-LD parser uses its own deprecated ConjunctiveGraph internally; nothing to act on here.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
ELI = Namespace(eli.ELI)
ROOT = "https://example.org/reader/"
AFTER = dt.date(2024, 1, 1)  # both plans' periods have ended
# Every property of the ELI ontology these builders may use (http://data.europa.eu/eli/ontology#), so a typo
# (which JSON-LD would silently turn into a new property) fails here.
ELI_PROPERTIES = {
    "type_document", "type_subdivision", "number", "id_local", "date_document", "jurisdiction", "in_force",
    "is_realized_by", "realizes", "amended_by", "is_part_of", "language", "title", "title_short", "description",
    "is_embodied_by", "embodies", "format", "legal_value", "is_translation_of", "has_translation",
    "passed_by", "media_type", "date_publication", "published_in", "version_date", "amends", "cites",
}


def graph(data: dict, base: str | None = None) -> Graph:
    text = json.dumps(data, ensure_ascii=False)
    return Graph().parse(data=text, format="json-ld", publicID=base)


@pytest.fixture(scope="module")
def nap(catalog):
    return catalog.documents["nap-2014-2018"]


def test_a_document_is_a_work_with_two_language_expressions(catalog, nap):
    g = graph(eli.document_eli(catalog, nap, "en", ROOT, AFTER))
    work = URIRef(ROOT + "id/nap-2014-2018/")
    assert (work, RDF.type, ELI.LegalResource) in g
    assert g.value(work, ELI.number) == Literal("667")
    assert g.value(work, ELI.date_document) == Literal("2014-07-24", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    assert g.value(work, ELI.type_document) == URIRef(ROOT + "data/eli/resource-types.jsonld#order")
    assert g.value(work, ELI.jurisdiction) == URIRef("http://publications.europa.eu/resource/authority/country/AZE")
    assert g.value(work, ELI.id_local) == Literal("/akn/az/act/order/2014-07-24/667")
    az, en = URIRef(ROOT + "id/az/nap-2014-2018/"), URIRef(ROOT + "id/en/nap-2014-2018/")
    assert set(g.objects(work, ELI.is_realized_by)) == {az, en}
    assert g.value(en, ELI.language) == URIRef("http://publications.europa.eu/resource/authority/language/ENG")
    assert g.value(az, ELI.language) == URIRef("http://publications.europa.eu/resource/authority/language/AZE")
    assert g.value(en, ELI["title"]) == Literal(nap.title.en, lang="en")
    assert g.value(az, ELI["title"]) == Literal(nap.title.az, lang="az")
    assert g.value(en, ELI["title_short"]) == Literal("National Action Plan 2014–2018", lang="en")
    assert g.value(en, ELI.is_translation_of) == az and g.value(az, ELI.has_translation) == en
    assert set(g.objects(en, ELI.is_embodied_by)) == {URIRef(ROOT + "en/nap-2014-2018/"),
                                                       URIRef(ROOT + "data/akn/nap-2014-2018.en.xml"),
                                                       URIRef(ROOT + "data/pdf/nap-2014-2018.en.pdf")}
    pdf = URIRef(ROOT + "data/pdf/nap-2014-2018.en.pdf")
    assert g.value(pdf, ELI["format"]) == URIRef("https://www.iana.org/assignments/media-types/application/pdf")
    assert g.value(pdf, ELI.media_type) == Literal("application/pdf") and g.value(pdf, ELI.embodies) == en
    page = URIRef(ROOT + "en/nap-2014-2018/")
    # ELI 1.2's format values are the IANA registry's https IRIs; eli:media_type names the type itself.
    assert g.value(page, ELI["format"]) == URIRef("https://www.iana.org/assignments/media-types/text/html")
    assert g.value(page, ELI.media_type) == Literal("text/html")
    xml = URIRef(ROOT + "data/akn/nap-2014-2018.en.xml")
    assert g.value(xml, ELI["format"]) == URIRef("https://www.iana.org/assignments/media-types/application/akn+xml")
    assert g.value(xml, ELI.media_type) == Literal("application/akn+xml")
    assert g.value(page, ELI.legal_value) == ELI["LegalValue-unofficial"]
    assert g.value(URIRef(ROOT + "data/akn/nap-2014-2018.az.xml"), ELI.embodies) == az


XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@pytest.mark.parametrize("doc_id,body", [("nap-2014-2018", "president"), ("cis-2007-2010", "milli-majlis")])
def test_every_resource_is_passed_by_its_issuer(catalog, doc_id, body):
    """eli:passed_by points at the issuing body's page, for the act, each measure and each amending decree."""
    doc = catalog.documents[doc_id]
    issuer = URIRef(f"{ROOT}az/bodies/{body}/")
    assert catalog.bodies[body].name.az == doc.issuer.az
    for lang in ids.LANGS:
        g = graph(eli.document_eli(catalog, doc, lang, ROOT, AFTER))
        resources = set(g.subjects(RDF.type, ELI.LegalResource))
        assert len(resources) == 1 + len(doc.amendments)
        assert g.value(URIRef(ROOT + f"id/{doc_id}/"), ELI.passed_by) == issuer
        assert all(g.value(r, ELI.passed_by) for r in resources)
        for pm in catalog.measures_of(doc_id):
            m = graph(eli.measure_eli(catalog, pm, lang, ROOT, AFTER))
            assert m.value(URIRef(ROOT + f"id/{doc_id}/{pm.num}/"), ELI.passed_by) == issuer


def test_publication_and_version_date_of_the_2017_consolidation(catalog, nap):
    g = graph(eli.document_eli(catalog, nap, "en", ROOT, AFTER))
    work = URIRef(ROOT + "id/nap-2014-2018/")
    assert g.value(work, ELI.date_publication) == Literal("2014-07-25", datatype=XSD_DATE)
    assert {str(p) for p in g.objects(work, ELI.published_in)} == {
        "«Azərbaycan» qəzeti, 2014-07-25, № 158",
        "Azərbaycan Respublikasının Qanunvericilik Toplusu, 2014-07-31, № 7, maddə 894"}
    assert g.value(work, ELI.version_date) == Literal("2017-08-07", datatype=XSD_DATE)
    measure = graph(eli.measure_eli(catalog, catalog.measure("nap-2014-2018", "13.2.9"), "en", ROOT, AFTER))
    assert measure.value(URIRef(ROOT + "id/nap-2014-2018/13.2.9/"), ELI.version_date) == Literal("2017-08-07", datatype=XSD_DATE)
    cis = graph(eli.document_eli(catalog, catalog.documents["cis-2007-2010"], "en", ROOT, AFTER))
    assert not list(cis.objects(None, ELI.version_date)) and not list(cis.objects(None, ELI.date_publication))


def test_the_amending_decrees_are_listed(catalog, nap):
    g = graph(eli.document_eli(catalog, nap, "az", ROOT, AFTER))
    decrees = list(g.objects(URIRef(ROOT + "id/nap-2014-2018/"), ELI.amended_by))
    assert sorted(str(g.value(d, ELI.date_document)) for d in decrees) == ["2016-08-16", "2016-09-07", "2017-03-03", "2017-08-07"]
    assert sorted(str(g.value(d, ELI.number)) for d in decrees if g.value(d, ELI.number)) == ["1033", "1574"]
    # Resources with IRIs of their own (not blank nodes), each saying what it amends and who passed it.
    assert all(isinstance(d, URIRef) for d in decrees)
    assert URIRef(ROOT + "id/nap-2014-2018/#amended-by-decree-2016-09-07-1033") in decrees
    assert {g.value(d, ELI.amends) for d in decrees} == {URIRef(ROOT + "id/nap-2014-2018/")}
    assert {g.value(d, ELI.passed_by) for d in decrees} == {URIRef(ROOT + "az/bodies/president/")}
    cis = graph(eli.document_eli(catalog, catalog.documents["cis-2007-2010"], "az", ROOT, AFTER))
    assert not list(cis.objects(None, ELI.amended_by))


@pytest.mark.parametrize("doc_id,end", [("nap-2014-2018", 2018), ("cis-2007-2010", 2010)])
def test_in_force_until_the_period_ends(catalog, doc_id, end):
    doc = catalog.documents[doc_id]
    assert eli.plan_period(catalog, doc_id).end == end
    work = URIRef(ROOT + f"id/{doc_id}/")
    for today, state in ((dt.date(end, 12, 31), "inForce"), (dt.date(end + 1, 1, 1), "notInForce")):
        g = graph(eli.document_eli(catalog, doc, "en", ROOT, today))
        assert g.value(work, ELI.in_force) == ELI[f"InForce-{state}"]
    assert eli.in_force(catalog, doc_id, AFTER) is False


def test_a_document_without_measures_says_nothing_of_its_force(catalog):
    assert eli.plan_period(catalog, "no-such-document") is None
    assert eli.in_force(catalog, "no-such-document", AFTER) is None


def test_a_measure_is_a_subdivision_of_its_document(catalog):
    pm = catalog.measure("nap-2014-2018", "13.2.9")
    g = graph(eli.measure_eli(catalog, pm, "en", ROOT, AFTER))
    work = URIRef(ROOT + "id/nap-2014-2018/13.2.9/")
    assert (work, RDF.type, ELI.LegalResourceSubdivision) in g
    assert g.value(work, ELI.is_part_of) == URIRef(ROOT + "id/nap-2014-2018/")
    assert g.value(work, ELI.number) == Literal("13.2.9")
    assert g.value(work, ELI.id_local) == Literal("/akn/az/act/order/2014-07-24/667/~m-13-2-9")
    assert g.value(work, ELI.in_force) == ELI["InForce-notInForce"]
    en, az = URIRef(ROOT + "id/en/nap-2014-2018/13.2.9/"), URIRef(ROOT + "id/az/nap-2014-2018/13.2.9/")
    assert g.value(en, ELI.is_translation_of) == az
    assert str(g.value(en, ELI["title"])).endswith("measure 13.2.9 (unofficial English translation).")
    assert g.value(en, ELI.description) == Literal(pm.measure.text.en, lang="en")
    assert g.value(az, ELI.description) == Literal(pm.measure.text.az, lang="az")
    assert g.value(en, ELI.is_embodied_by) == URIRef(ROOT + "en/nap-2014-2018/measures/13-2-9/")


def test_relative_iris_resolve_from_the_page_wherever_the_site_is_served(catalog, nap):
    """Pages may pass the site root relative to themselves; the IRIs then resolve against the page's address."""
    page = ROOT + "en/" + ids.document(nap.id)
    relative = graph(eli.document_eli(catalog, nap, "en", "../../", AFTER), base=page)
    absolute = graph(eli.document_eli(catalog, nap, "en", ROOT, AFTER))
    assert urljoin(page, "../../id/nap-2014-2018/") == ROOT + "id/nap-2014-2018/"
    assert len(relative) == len(absolute) > 60 and isomorphic(relative, absolute)


def test_only_eli_vocabulary_is_used_and_every_type_is_defined(catalog):
    types = graph(eli.resource_types(), base=ROOT + eli.TYPES_FILE)
    concepts = set(types.subjects(RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#Concept")))
    for lang in ids.LANGS:
        for data in [eli.document_eli(catalog, d, lang, ROOT, AFTER) for d in catalog.documents.values()] + \
                    [eli.measure_eli(catalog, pm, lang, ROOT, AFTER) for pm in catalog.measures]:
            g = graph(data)
            for _, p, o in g:
                if p != RDF.type:
                    assert p.startswith(eli.ELI) and p[len(eli.ELI):] in ELI_PROPERTIES, p
                if p in (ELI.type_document, ELI.type_subdivision):
                    assert o in concepts, o
    labels = {str(c).rsplit("#", 1)[1]: {lit.language: str(lit) for lit in types.objects(c, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
              for c in concepts}
    assert labels["order"] == {"az": "Prezidentin Sərəncamı", "en": "Order of the President"}


def test_the_build_publishes_the_type_scheme(site):
    path = site / eli.TYPES_FILE
    assert json.loads(path.read_text(encoding="utf-8")) == eli.resource_types()
    types = graph(eli.resource_types(), base=ROOT + eli.TYPES_FILE)
    assert URIRef(ROOT + "data/eli/resource-types.jsonld#law") in set(types.subjects())


@pytest.mark.parametrize("link", [ids.Permalink("nap-2014-2018"), ids.Permalink("nap-2014-2018", "13.2.9", lang="en"),
                                  ids.Permalink("cis-2007-2010", "2.4", "a", lang="az")])
def test_a_permanent_link_carries_its_metadata(catalog, link):
    """A harvester that dereferences an /id/ IRI reads the resource's ELI description there, not just a redirect."""
    import re
    from planreader.publish.redirects import redirect_page
    html = redirect_page(link, catalog, AFTER)
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    g = Graph().parse(data=embedded, format="json-ld", publicID=ROOT + link.path)
    work = URIRef(ROOT + ids.Permalink(link.document, link.num).path)
    assert (work, RDF.type, ELI.LegalResourceSubdivision if link.num else ELI.LegalResource) in g
    assert g.value(work, ELI.passed_by) is not None
    expression = ids.Permalink(link.document, link.num, lang=link.lang or "az")  # a sub-item's is its measure's
    assert URIRef(ROOT + expression.path) in set(g.objects(work, ELI.is_realized_by))


def test_documents_and_measures_cite_the_instruments_the_citator_finds(catalog):
    """eli:cites goes from the work (document or measure) to each instrument's page, as the citator finds them."""
    for d in catalog.documents.values():
        g = graph(eli.document_eli(catalog, d, "en", ROOT, AFTER))
        cited = {str(o) for o in g.objects(URIRef(ROOT + ids.Permalink(d.id).path), ELI.cites)}
        wanted = {ROOT + "az/" + ids.instrument(i.id) for i in catalog.instruments_cited_in(d.id)}
        assert cited == wanted and len(wanted) == {"cis-2007-2010": 4, "nap-2014-2018": 18}[d.id]
    pm = catalog.measure("nap-2014-2018", "13.1.8")
    g = graph(eli.measure_eli(catalog, pm, "az", ROOT, AFTER))
    assert {str(o) for o in g.objects(URIRef(ROOT + ids.Permalink(pm.document, pm.num).path), ELI.cites)} == {
        ROOT + "az/instruments/rules-special-institutions-for-victims/",
        ROOT + "az/instruments/regulation-assistance-fund-for-victims/"}
