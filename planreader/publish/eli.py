"""ELI (European Legislation Identifier) metadata of documents and measures, as JSON-LD for their pages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planreader import ids
from planreader.citation import cite_measure
from planreader.data.catalog import Catalog, PlanMeasure
from planreader.data.model import Document, Text
from planreader.publish.akn import amendment_work, frbr

# The FRBR levels map onto addresses the site already has: the work is the permanent link (`/id/nap-2014-2018/`),
# each language's expression the permanent link with that language (`/id/en/nap-2014-2018/`), and the formats
# are the page (`/en/nap-2014-2018/`) and the Akoma Ntoso file (`/data/akn/nap-2014-2018.en.xml`).
# `root` is the site root as the page must write it: an absolute URL ("https://example.org/reader/") or a path
# relative to the page ("../../"); JSON-LD resolves relative IRIs against the page's address, so either works
# wherever the site is served from.

ELI = "http://data.europa.eu/eli/ontology#"
CONTEXT = {"eli": ELI, "xsd": "http://www.w3.org/2001/XMLSchema#"}
# The EU Publications Office authority tables (ISO 639-2 and ISO 3166 alpha-3 codes).
LANGUAGE = {"az": "http://publications.europa.eu/resource/authority/language/AZE",
            "en": "http://publications.europa.eu/resource/authority/language/ENG"}
JURISDICTION = "http://publications.europa.eu/resource/authority/country/AZE"
# ELI 1.2 lists the IANA media-type registry's https IRIs as eli:format values; eli:media_type states the type itself.
MEDIA = {"html": "text/html", "akn": "application/akn+xml", "pdf": "application/pdf"}
IANA = "https://www.iana.org/assignments/media-types/"
# Who passes an amending act of each kind: decrees and orders are the President's, laws the Milli Majlis's.
PASSED_BY_KIND = {"decree": "president", "order": "president", "law": "milli-majlis"}
# Document and subdivision types: a small SKOS concept scheme published with the open data.
TYPES_FILE = "data/eli/resource-types.jsonld"
TYPE_LABELS = {
    "law": {"az": "Qanun", "en": "Law"},
    "order": {"az": "Prezidentin Sərəncamı", "en": "Order of the President"},
    "decree": {"az": "Prezidentin Fərmanı", "en": "Decree of the President"},
    "measure": {"az": "Tədbir", "en": "Measure"},
}


@dataclass(frozen=True)
class Period:
    """The years a plan runs: from the earliest deadline of its measures to the latest."""

    start: int
    end: int


def plan_period(cat: Catalog, doc_id: str) -> Period | None:
    """None for a document without dated measures (no period to judge its force by)."""
    deadlines = [pm.measure.deadline for pm in cat.measures_of(doc_id)]
    starts = [d.start for d in deadlines if d.start is not None]
    ends = [d.end for d in deadlines if d.end is not None]
    return Period(min(starts), max(ends)) if starts and ends else None


def in_force(cat: Catalog, doc_id: str, today: dt.date) -> bool | None:
    """A plan is in force until the end of its period's last year; None when it has no period."""
    period = plan_period(cat, doc_id)
    return None if period is None else today.year <= period.end


def _date(d: dt.date) -> dict:
    return {"@value": d.isoformat(), "@type": "xsd:date"}


def _lit(t: Text, lang: str) -> dict:
    return {"@value": t.in_lang(lang), "@language": t.lang_used(lang)}


def _force(cat: Catalog, doc_id: str, today: dt.date) -> dict:
    state = in_force(cat, doc_id, today)
    return {} if state is None else {"eli:in_force": {"@id": "eli:InForce-" + ("inForce" if state else "notInForce")}}


def issuer_body(cat: Catalog, doc: Document) -> str | None:
    """The registry body that issued `doc` (the data names the issuer; the registry has its page)."""
    return next((b.id for b in cat.bodies.values() if b.name.az == doc.issuer.az), None)


def _body(root: str, body_id: str | None) -> dict:
    # The body's page in the authoritative language stands for the body in both languages' graphs.
    return {} if body_id is None else {"eli:passed_by": {"@id": f"{root}az/{ids.body(body_id)}"}}


def _cites(root: str, instruments: list) -> dict:
    # The instrument's page in the authoritative language stands for it, as a body's page does for the body.
    return {"eli:cites": [{"@id": f"{root}az/{ids.instrument(i.id)}"} for i in instruments]} if instruments else {}


def amendment_iri(root: str, doc: Document, kind: str, date: dt.date, number: str | None) -> str:
    """An amending act as a resource of its own: a fragment of the amended act's permanent link."""
    return f"{root}{ids.Permalink(doc.id).path}#amended-by-{kind}-{date.isoformat()}-{number or 'nn'}"


def _publication(doc: Document) -> dict:
    """When and where the act was officially published (the first publication's date; every outlet, in Azerbaijani)."""
    if not doc.publications:
        return {}
    pubs = sorted(doc.publications, key=lambda p: p.date)
    where = [", ".join([p.outlet.az, p.date.isoformat()] + [f"№ {p.issue}"] * bool(p.issue)
                       + [f"maddə {p.article}"] * bool(p.article)) for p in pubs]
    return {"eli:date_publication": _date(pubs[0].date),
            "eli:published_in": [{"@value": w, "@language": "az"} for w in where]}


def _version(doc: Document) -> dict:
    """The text is the consolidation as amended by the last amending act: that act's date is the version date."""
    return {"eli:version_date": _date(max(a.date for a in doc.amendments))} if doc.amendments else {}


def _type(root: str, kind: str) -> dict:
    return {"@id": f"{root}{TYPES_FILE}#{kind}"}


def _expression(root: str, link: ids.Permalink, lang: str, work: str, title: dict, formats: list[str]) -> dict:
    """One language's expression: the Azerbaijani is the original, the English an unofficial translation of it."""
    node = {"@id": root + link.path, "@type": "eli:LegalExpression", "eli:realizes": {"@id": work},
            "eli:language": {"@id": LANGUAGE[lang]}, "eli:title": title,
            "eli:is_embodied_by": [{"@id": f} for f in formats]}
    other = ids.Permalink(link.document, link.num, link.label, lang="az" if lang == "en" else "en")
    node["eli:is_translation_of" if lang == "en" else "eli:has_translation"] = {"@id": root + other.path}
    return node


def _format(iri: str, media: str, expression: str) -> dict:
    # This site is not an official publication of either text, in either language.
    return {"@id": iri, "@type": "eli:Format", "eli:format": {"@id": IANA + MEDIA[media]},
            "eli:media_type": MEDIA[media],
            "eli:embodies": {"@id": expression}, "eli:legal_value": {"@id": "eli:LegalValue-unofficial"}}


def document_eli(cat: Catalog, doc: Document, lang: str, root: str = "/", today: dt.date | None = None) -> dict:
    """ELI JSON-LD for the page of `doc` in `lang`: the work, both language expressions and their formats.
    `lang` puts the page's own expression first; the graph holds both, so each names the other."""
    today = today or dt.date.today()
    work = root + ids.Permalink(doc.id).path
    langs = [lang] + [x for x in ids.LANGS if x != lang]
    graph: list[dict] = [{
        "@id": work, "@type": "eli:LegalResource", "eli:type_document": _type(root, doc.kind),
        "eli:number": doc.number, "eli:id_local": frbr(doc).work, "eli:date_document": _date(doc.date),
        "eli:jurisdiction": {"@id": JURISDICTION}, **_force(cat, doc.id, today), **_body(root, issuer_body(cat, doc)),
        **_publication(doc), **_version(doc), **_cites(root, cat.instruments_cited_in(doc.id)),
        "eli:is_realized_by": [{"@id": root + ids.Permalink(doc.id, lang=x).path} for x in langs],
        **({"eli:amended_by": [{"@id": amendment_iri(root, doc, a.kind, a.date, a.number), "@type": "eli:LegalResource",
                                "eli:type_document": _type(root, a.kind), "eli:amends": {"@id": work},
                                "eli:jurisdiction": {"@id": JURISDICTION}, **_body(root, PASSED_BY_KIND[a.kind]),
                                "eli:date_document": _date(a.date), "eli:id_local": amendment_work(a.kind, a.date, a.number),
                                **({"eli:number": a.number} if a.number else {})}
                               for a in sorted(doc.amendments, key=lambda a: a.date)]} if doc.amendments else {}),
    }]
    for x in langs:
        expression = root + ids.Permalink(doc.id, lang=x).path
        page, xml = f"{root}{x}/{ids.document(doc.id)}", root + ids.akn_file(doc.id, x)
        pdf = root + ids.pdf_file(doc.id, x)
        node = _expression(root, ids.Permalink(doc.id, lang=x), x, work, _lit(doc.title, x), [page, xml, pdf])
        node["eli:title_short"] = _lit(doc.short_title, x)
        graph += [node, _format(page, "html", expression), _format(xml, "akn", expression),
                  _format(pdf, "pdf", expression)]
    return {"@context": CONTEXT, "@graph": graph}


def measure_eli(cat: Catalog, pm: PlanMeasure, lang: str, root: str = "/", today: dt.date | None = None) -> dict:
    """ELI JSON-LD for a measure's page: a subdivision of its document's work, in both languages."""
    today = today or dt.date.today()
    doc = cat.documents[pm.document]
    work = root + ids.Permalink(doc.id, pm.num).path
    langs = [lang] + [x for x in ids.LANGS if x != lang]
    graph: list[dict] = [{
        "@id": work, "@type": "eli:LegalResourceSubdivision", "eli:type_subdivision": _type(root, "measure"),
        "eli:is_part_of": {"@id": root + ids.Permalink(doc.id).path}, "eli:number": pm.num,
        "eli:id_local": f"{frbr(doc).work}/~{ids.measure_anchor(pm.num)}", "eli:date_document": _date(doc.date),
        "eli:jurisdiction": {"@id": JURISDICTION}, **_force(cat, doc.id, today), **_body(root, issuer_body(cat, doc)),
        **_version(doc), **_cites(root, cat.instruments_cited_in(doc.id, pm.num)),
        "eli:is_realized_by": [{"@id": root + ids.Permalink(doc.id, pm.num, lang=x).path} for x in langs],
    }]
    for x in langs:
        link = ids.Permalink(doc.id, pm.num, lang=x)
        page = f"{root}{x}/{ids.measure(doc.id, pm.num)}"
        # The citation names the measure and its act; it is English only where the English text exists.
        title = {"@value": cite_measure(pm, doc, x), "@language": x}
        node = _expression(root, link, x, work, title, [page])
        node["eli:description"] = _lit(pm.measure.text, x)
        graph += [node, _format(page, "html", root + link.path)]
    return {"@context": CONTEXT, "@graph": graph}


def resource_types() -> dict:
    """The concept scheme `eli:type_document` and `eli:type_subdivision` point into (data/eli/resource-types.jsonld)."""
    skos = "http://www.w3.org/2004/02/skos/core#"
    return {"@context": {"skos": skos}, "@graph": [
        {"@id": "#scheme", "@type": "skos:ConceptScheme",
         "skos:prefLabel": [{"@value": "Sənəd növləri", "@language": "az"}, {"@value": "Document types", "@language": "en"}]},
        *({"@id": f"#{kind}", "@type": "skos:Concept", "skos:inScheme": {"@id": "#scheme"},
           "skos:prefLabel": [{"@value": label, "@language": lang} for lang, label in labels.items()]}
          for kind, labels in TYPE_LABELS.items()),
    ]}
