"""schema.org `Legislation` records for document and measure pages (JSON-LD; the templates serialise them)."""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import PlanMeasure
from planreader.data.model import Document
from planreader.render.context import RenderContext


def _document(ctx: RenderContext, doc: Document) -> dict:
    return {
        "@type": "Legislation",
        "name": ctx.plain(doc.approves),
        "alternateName": ctx.plain(doc.title),
        "legislationIdentifier": doc.number,
        "legislationDate": doc.date.isoformat(),
        "legislationType": "Law" if doc.kind == "law" else "Presidential Order",
        "legislationJurisdiction": "AZ",
        "inLanguage": ctx.lang,
    }


def document_ld(ctx: RenderContext, doc: Document) -> dict:
    data = {"@context": "https://schema.org", **_document(ctx, doc), "url": f"/{ctx.lang}/{ids.document(doc.id)}"}
    if ctx.lang == "en":
        data["translationOfWork"] = {"@type": "Legislation", "inLanguage": "az", "url": "/az/" + ids.document(doc.id)}
    return data


def measure_ld(ctx: RenderContext, pm: PlanMeasure) -> dict:
    doc = ctx.catalog.documents[pm.document]
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{ctx.plain(doc.short_title)} — {pm.num}",
        "legislationIdentifier": pm.num,
        "text": ctx.plain(pm.measure.text),
        "isPartOf": _document(ctx, doc),
        "inLanguage": ctx.lang,
        "url": f"/{ctx.lang}/{ids.measure(pm.document, pm.num)}",
    }
