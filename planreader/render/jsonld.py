"""schema.org `Legislation` records for document and measure pages (JSON-LD; the templates serialise them).

Two works are modelled, because the sources hold two: the approving act (the Order or the Law: its number, date,
type and issuer) and the plan or programme it approves, a part of the act (`hasPart` / `isPartOf`); a measure is a
part of the plan. Every URL is absolute, from the configured site address (sub-path included).
"""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import PlanMeasure
from planreader.data.model import Document
from planreader.publish import eli
from planreader.render.context import RenderContext

SCHEMA = "https://schema.org/"
_ACT_TYPE = {"law": "Law", "order": "Presidential Order"}


def _url(ctx: RenderContext, path: str, lang: str | None = None) -> str:
    """An absolute URL of a page under the site address (`path` from the language root, or from the site root)."""
    return ctx.site_root + (f"{lang}/" if lang else "") + path


def _force(ctx: RenderContext, doc: Document) -> dict:
    state = eli.in_force(ctx.catalog, doc.id, ctx.today)
    return {} if state is None else {"legislationLegalForce": SCHEMA + ("InForce" if state else "NotInForce")}


def _passed_by(ctx: RenderContext, doc: Document) -> dict:
    body = eli.issuer_body(ctx.catalog, doc)
    passer = {"@type": "Organization", "name": ctx.plain(doc.issuer)}
    if body:
        passer["url"] = _url(ctx, ids.body(body), ctx.lang)
    return {"legislationPassedBy": passer}


def _act(ctx: RenderContext, doc: Document) -> dict:
    """The approving act: its own title, number, date and type, who passed it, and whether the plan is in force."""
    return {
        "@type": "Legislation",
        "@id": _url(ctx, ids.Permalink(doc.id).path),
        "name": ctx.plain(doc.title),
        "legislationIdentifier": doc.number,
        "legislationDate": doc.date.isoformat(),
        "legislationType": _ACT_TYPE[doc.kind],
        "legislationJurisdiction": "AZ",
        **_passed_by(ctx, doc),
        **_force(ctx, doc),
        "inLanguage": ctx.lang,
        "url": _url(ctx, ids.document(doc.id), ctx.lang),
    }


def _plan(ctx: RenderContext, doc: Document) -> dict:
    """The plan or programme the act approves: named by its own title, dated and numbered by the act."""
    return {
        "@type": "Legislation",
        "@id": _url(ctx, ids.Permalink(doc.id).path) + "#plan",
        "name": ctx.plain(doc.approves),
        "alternateName": ctx.plain(doc.short_title),
        "legislationJurisdiction": "AZ",
        **_force(ctx, doc),
        "inLanguage": ctx.lang,
        "url": _url(ctx, ids.document(doc.id), ctx.lang),
    }


def document_ld(ctx: RenderContext, doc: Document) -> dict:
    data = {"@context": "https://schema.org", **_act(ctx, doc), "hasPart": _plan(ctx, doc)}
    if ctx.lang == "en":
        data["translationOfWork"] = {"@type": "Legislation", "inLanguage": "az", "url": _url(ctx, ids.document(doc.id), "az")}
    return data


def measure_ld(ctx: RenderContext, pm: PlanMeasure) -> dict:
    doc = ctx.catalog.documents[pm.document]
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": _url(ctx, ids.Permalink(doc.id, pm.num).path),
        "name": f"{ctx.plain(doc.short_title)} — {pm.num}",
        "legislationIdentifier": pm.num,
        "text": ctx.plain(pm.measure.text),
        **_force(ctx, doc),
        "isPartOf": {**_plan(ctx, doc), "isPartOf": _act(ctx, doc)},
        "inLanguage": ctx.lang,
        "url": _url(ctx, ids.measure(pm.document, pm.num), ctx.lang),
    }
