"""A document's pages: the full text in reading order with an anchor on every unit, and the side-by-side view."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from planreader import ids
from planreader.data.catalog import PlanMeasure
from planreader.data.model import Document, Group, Text, walk
from planreader.i18n import N_, fill, translator
from planreader.publish import eli
from planreader.publish.downloads import document_downloads
from planreader.render.context import RenderContext
from planreader.render.jsonld import document_ld
from planreader.render.page import Page, render

SIGN_STATUS = {
    "signed": N_("Signed"),
    "signed-special-opinion": N_("Signed with a special opinion"),
    "signed-reservation": N_("Signed with a reservation"),
    "not-signed": N_("Not signed"),
}


def measures_by_group(ctx: RenderContext, doc_id: str) -> list[tuple[Group, list[PlanMeasure]]]:
    """A document's measures under their group headings, in document order."""
    return [(g, list(pms)) for g, pms in groupby(ctx.catalog.measures_of(doc_id), key=lambda pm: pm.group)]


def decree_reference(ctx: RenderContext, doc: Document) -> str:
    """The amending decrees, as the amended-text notices name them: "16 August 2016; 7 September 2016, № 1033; …"."""
    return "; ".join(ctx.date(a.date) + (f", № {a.number}" if a.number else "") for a in doc.amendments)


@dataclass(frozen=True)
class PlanPeriod:
    start: int
    end: int
    in_force: bool


def plan_period(ctx: RenderContext, doc_id: str) -> PlanPeriod | None:
    """The plan's implementation period and whether it is still running at the build's date."""
    period = eli.plan_period(ctx.catalog, doc_id)
    if period is None:
        return None
    return PlanPeriod(period.start, period.end, bool(eli.in_force(ctx.catalog, doc_id, ctx.today)))


DOWNLOAD_LABELS = {
    ("pdf", "az"): N_("PDF — Azerbaijani (authoritative text)"),
    ("pdf", "en"): N_("PDF — English (unofficial translation)"),
    ("pdf", None): N_("PDF — Azerbaijani and English side by side"),
    ("akn", "az"): N_("Akoma Ntoso XML — Azerbaijani (authoritative text)"),
    ("akn", "en"): N_("Akoma Ntoso XML — English (unofficial translation)"),
    ("fulltext-json", None): N_("Full text in both languages, JSON"),
    ("fulltext-csv", None): N_("Full text in both languages, CSV"),
    ("measures-csv", None): N_("Measures of every document, CSV"),
}


def downloads(ctx: RenderContext, doc_id: str, page_url: str) -> list[tuple[str, str, str]]:
    """(label, href, media type) of the files a document page offers below its text."""
    up = ids.relative(page_url, "") + "../"  # from the page to the site root
    return [(ctx.gettext(DOWNLOAD_LABELS[(d.kind, d.lang)]), up + d.path, d.media_type)
            for d in document_downloads(doc_id, ctx.lang)]


def text_as_of(ctx: RenderContext, doc: Document) -> str:
    """The date the text shown is current to: the last amending act the data records, else the act's own date."""
    if doc.amendments:
        return fill(ctx.gettext("{date} (as last amended)"), date=ctx.date(max(a.date for a in doc.amendments)))
    return fill(ctx.gettext("{date} (as adopted; no amendments recorded)"), date=ctx.date(doc.date))


def _metadata(ctx: RenderContext, doc: Document) -> list[tuple[str, Markup | str]]:
    _ = ctx.gettext
    rows: list[tuple[str, Markup | str]] = [
        (_("Type"), _("Law") if doc.kind == "law" else _("Order")),
        (_("Number"), doc.number),
        (_("Date"), ctx.date(doc.date)),
        (_("Place"), ctx.text(doc.place, pending=False)),
        (_("Issued by"), ctx.text(doc.issuer, pending=False)),
        (_("Signed by"), ctx.text(doc.signatory, pending=False)),
    ]
    for p in doc.publications:
        ref = ", ".join(x for x in (ctx.date(p.date), p.issue and f"№ {p.issue}", p.article and _("article") + f" {p.article}") if x)
        rows.append((_("Published in"), Markup("{} ({})").format(ctx.text(p.outlet, pending=False), ref)))
    for a in doc.amendments:
        rows.append((_("Amended by"), _("Decree") + f" {ctx.date(a.date)}" + (f", № {a.number}" if a.number else "")))
    rows.append((_("Text as of"), text_as_of(ctx, doc)))
    if doc.id in ctx.catalog.repairs:
        href = ids.relative(ids.document(doc.id), ids.repairs(doc.id))
        rows.append((_("Source repairs"), Markup('<a href="{}">{}</a>').format(
            href, fill(_("{n} repairs of extraction artefacts, listed"), n=len(ctx.catalog.repairs[doc.id].repairs)))))
    rows.append((_("Page built"), ctx.date(ctx.today)))
    return rows


def document_page(ctx: RenderContext, doc: Document) -> Page:
    title = ctx.plain(doc.short_title)
    # Not indexed as one page: the site build adds one search record per paragraph (planreader/search/records.py).
    url = ids.document(doc.id)
    return render(ctx, "document.html", url, title, ctx.plain(doc.title), {"exclude": True},
                  doc=doc, title=title, meta_rows=_metadata(ctx, doc), groups=measures_by_group(ctx, doc.id),
                  sign_status=SIGN_STATUS, seen=set(), period=plan_period(ctx, doc.id),
                  downloads=downloads(ctx, doc.id, url), ld=document_ld(ctx, doc),
                  eli=eli.document_eli(ctx.catalog, doc, ctx.lang, ctx.site_root, ctx.today))


@dataclass(frozen=True)
class Row:
    anchor: str
    kind: str
    num: str | None
    text: Text
    label: str | None = None  # msgid of a label both columns show (Executors, Implementation period)
    toc: int = 0  # level in the page's table of contents (2: section, 3: measure group), 0: none


def parallel_rows(ctx: RenderContext, doc: Document) -> list[Row]:
    """Every unit in reading order; the cells of a table row share its anchor (the first) or number it (-1, -2)."""
    rows: list[Row] = []
    for node, _path in walk(doc.body):
        if node.kind == "measures":
            for group, pms in measures_by_group(ctx, doc.id):
                rows.append(Row(ids.group_anchor(group.id), "heading", group.num, group.title, toc=3))
                for pm in pms:
                    m, anchor = pm.measure, ids.measure_anchor(pm.num)
                    rows.append(Row(anchor, "measure", m.num, m.text))
                    rows += [Row(ids.subitem_anchor(m.num, s.label), "subitem", s.label + ")", s.text) for s in m.subitems]
                    rows.append(Row(ids.facts_anchor(m.num, "executors"), "facts", None, m.executors_text,
                                    N_("Executors")))
                    rows.append(Row(ids.facts_anchor(m.num, "deadline"), "facts", None, m.deadline.text,
                                    N_("Implementation period")))
        if node.text:
            toc = 2 if node.kind == "heading" and _path.count("children") == 0 else 0
            rows.append(Row(node.id, node.kind, node.num, node.text, toc=toc))
        for i, cell in enumerate(node.cells or []):
            rows.append(Row(node.id if i == 0 else f"{node.id}-{i}", node.kind, None, cell))
    return rows


def parallel_page(ctx: RenderContext, doc: Document) -> Page:
    """Both languages aligned unit by unit, EUR-Lex style; anchors equal those of the full text."""
    title = ctx.plain(doc.short_title)
    heading = ctx.gettext("Azerbaijani and English side by side")
    # Each column's labels in its own language, whatever the page's language.
    labels = {lang: {msgid: translator(lang)(msgid) for msgid in ("Executors", "Implementation period")}
              for lang in ids.LANGS}
    return render(ctx, "parallel.html", ids.parallel(doc.id), f"{title} — {heading}", search={"exclude": True},
                  doc=doc, title=title, rows=parallel_rows(ctx, doc), labels=labels)
