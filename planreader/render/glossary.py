"""Glossary pages: one per concept, the Azerbaijani→English and English→Azerbaijani glossaries, and their index."""
from __future__ import annotations

from planreader import ids
from planreader.data.units import Unit
from planreader.i18n import N_
from planreader.render.body import by_letter
from planreader.render.context import RenderContext
from planreader.render.page import Page, render
from planreader.translation.terminology import occurrences

DIRECTIONS = ("az-en", "en-az")
_TITLES = {"az-en": N_("Azerbaijani–English glossary"), "en-az": N_("English–Azerbaijani glossary")}


def place(ctx: RenderContext, u: Unit) -> str:
    """Where a unit stands, as a reader names it: "Measure 13.2.9", "Paragraph 2.1.3", "Section 6", "Title"."""
    _ = ctx.gettext
    if u.kind in ("measure", "executors", "deadline"):
        return f"{_('Measure')} {u.number}"
    if u.kind == "subitem":
        return f"{_('Measure')} {u.number})"
    if u.kind == "group":
        return f"{_('Section')} {u.number}"
    if u.node_kind == "heading" and u.number:
        return f"{_('Section')} {u.number}"
    if u.number:
        return f"{_('Paragraph')} {u.number}"
    where = {"title": _("Title"), "row": _("Table"), "signatory": _("Signatories"), "note": _("Note")}.get(
        u.node_kind or "", _("Paragraph"))
    return f"{_('Section')} {u.section}, {where.lower()}" if u.section else where


def term_page(ctx: RenderContext, term_id: str) -> Page:
    t = ctx.catalog.glossary[term_id]
    own, other = (t.az, t.en) if ctx.lang == "az" else (t.en, t.az)
    found = occurrences(ctx.catalog)[term_id]
    in_doc: dict[str, list[tuple[Unit, str]]] = {}
    for u in found:
        in_doc.setdefault(u.document, []).append((u, place(ctx, u)))
    by_doc = [(doc, in_doc[doc.id]) for doc in ctx.catalog.documents.values() if doc.id in in_doc]
    return render(ctx, "term.html", ids.term(term_id), f"{own.term} — {other.term}", ctx.plain(t.definition),
                  {"kind": "term"}, t=t, title=own.term, total=len(found), occurrences=by_doc)


def glossary_list(ctx: RenderContext, direction: str) -> Page:
    """All concepts in the source language's alphabetical order, with letter headings."""
    src, dst = direction.split("-")
    other = "en-az" if direction == "az-en" else "az-en"
    title = ctx.gettext(_TITLES[direction])
    return render(ctx, "glossary_list.html", ids.glossary(direction), title, search={"exclude": True},
                  title=title, other=other, other_title=ctx.gettext(_TITLES[other]), letters=_letters(ctx, src), src=src, dst=dst)


def _letters(ctx: RenderContext, src: str):
    # Sorted and lettered by the glossary's source language, whatever the page's language.
    side = RenderContext(ctx.catalog, src) if src != ctx.lang else ctx
    return by_letter(side, list(ctx.catalog.glossary.values()), lambda t: getattr(t, src).term)


def glossary_index(ctx: RenderContext) -> Page:
    title = ctx.gettext("Glossary")
    return render(ctx, "glossary_index.html", ids.glossary_index(), title, search={"exclude": True},
                  title=title, count=len(ctx.catalog.glossary), data_root=ids.relative(ids.glossary_index(), "../data/"))
