"""Ready-made citations and schema.org Legislation records for documents and measures."""
from __future__ import annotations

import json

from planreader import ids
from planreader.data.catalog import Catalog, PlanMeasure
from planreader.i18n import act_date
from planreader.render.markup import pick
from planreader.data.model import Document

_ACT = {
    ("order", "az"): "Azərbaycan Respublikası Prezidentinin {date} tarixli {num} nömrəli Sərəncamı",
    ("order", "en"): "Order of the President of the Republic of Azerbaijan No. {num} of {date}",
    ("law", "az"): "Azərbaycan Respublikasının {date} tarixli {num} nömrəli Qanunu",
    ("law", "en"): "Law of the Republic of Azerbaijan No. {num} of {date}",
}


def act_reference(doc: Document, lang: str) -> str:
    date = act_date(doc.date, lang)
    return _ACT[(doc.kind, lang)].format(date=date, num=doc.number)


def cite_document(doc: Document, lang: str) -> str:
    approves = pick(doc.approves, lang)[0]
    if lang == "az":
        return f"{approves} ({act_reference(doc, lang)} ilə təsdiq edilmişdir)"
    return f"{approves}, approved by {act_reference(doc, lang)}"


def cite_measure(pm: PlanMeasure, doc: Document, lang: str) -> str:
    if lang == "az":
        return f"{cite_document(doc, lang)}, tədbir {pm.num}."
    return f"{cite_document(doc, lang)}, measure {pm.num} (unofficial English translation)."


def _json_ld(data: dict) -> str:
    # "</" inside JSON would end the <script> element early; \u003c keeps the JSON identical in meaning.
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def _document_ld(doc: Document, lang: str) -> dict:
    return {
        "@type": "Legislation",
        "name": pick(doc.approves, lang)[0],
        "alternateName": pick(doc.title, lang)[0],
        "legislationIdentifier": doc.number,
        "legislationDate": doc.date.isoformat(),
        "legislationType": "Law" if doc.kind == "law" else "Presidential Order",
        "legislationJurisdiction": "AZ",
        "inLanguage": lang,
    }


def document_json_ld(doc: Document, lang: str) -> str:
    data = {"@context": "https://schema.org", **_document_ld(doc, lang), "url": "/" + lang + "/" + ids.document(doc.id)}
    if lang == "en":
        data["translationOfWork"] = {"@type": "Legislation", "inLanguage": "az", "url": "/az/" + ids.document(doc.id)}
    return _json_ld(data)


def measure_json_ld(cat: Catalog, pm: PlanMeasure, lang: str) -> str:
    doc = cat.documents[pm.document]
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{pick(doc.short_title, lang)[0]} — {pm.num}",
        "legislationIdentifier": pm.num,
        "text": pick(pm.measure.text, lang)[0],
        "isPartOf": _document_ld(doc, lang),
        "inLanguage": lang,
        "url": "/" + lang + "/" + ids.measure(pm.document, pm.num),
    }
    return _json_ld(data)
