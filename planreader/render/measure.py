"""A measure's page (text, executors, period, cite box) and the filterable index of every measure."""
from __future__ import annotations

import re

from planreader import ids
from planreader.azerbaijani import az_lower, sort_key
from planreader.citation import cite_measure
from planreader.data.catalog import PlanMeasure
from planreader.i18n import fill
from planreader.render.context import RenderContext
from planreader.publish import eli
from planreader.render.document import decree_reference, measures_by_group, plan_period, text_as_of
from planreader.render.jsonld import measure_ld
from planreader.render.page import Page, render


def measure_title(ctx: RenderContext, pm: PlanMeasure) -> str:
    return ctx.gettext("Measure") + f" {pm.num}"


def _words(text: str, lang: str) -> set[str]:
    return {az_lower(w) if lang == "az" else w.casefold() for w in re.findall(r"\w+", text)}


def cell_words_dropped(ctx: RenderContext, pm: PlanMeasure) -> bool:
    """Whether the linked body names would drop words of the executors cell as printed.

    Qualifiers decide who must act ("CIS member states that are not parties to …", "(within their competence)"),
    and abbreviations or "… cəlb etməklə" are the printed wording: the page then shows the cell itself as well.
    """
    m = pm.measure
    shown = " ".join(ctx.plain(ctx.catalog.bodies[b].name) for b in m.executors + m.involving)
    shown += " " + ctx.gettext("Involving")
    cell = ctx.plain(m.executors_text)
    return bool(_words(cell, ctx.lang) - _words(shown, ctx.lang))


def in_pdf(ctx: RenderContext, pm: PlanMeasure, page_url: str) -> list[tuple[str, str]]:
    """(label, href) of the document's PDFs opened at the measure: its anchor is a named destination of each."""
    up = ids.relative(page_url, "") + "../"  # from the page to the site root
    anchor = ids.measure_anchor(pm.num)
    editions = [ctx.lang, ctx.other_lang, "az-en"]
    labels = {"az": ctx.gettext("Azerbaijani"), "en": ctx.gettext("English"), "az-en": ctx.gettext("Side by side")}
    return [(labels[e], f"{up}{ids.pdf_file(pm.document, e)}#{anchor}") for e in editions]


def measure_page(ctx: RenderContext, pm: PlanMeasure) -> Page:
    doc = ctx.catalog.documents[pm.document]
    url = ids.measure(pm.document, pm.num)
    title = measure_title(ctx, pm)
    prev, nxt = ctx.catalog.neighbours(pm)
    # The cite box gives the permanent link in the page's language: an English citation opens English.
    permalink = ids.Permalink(pm.document, pm.num, lang=ctx.lang).path
    return render(ctx, "measure.html", url, f"{title} — {ctx.plain(doc.short_title)}", ctx.plain(pm.measure.text)[:160],
                  {"kind": "measure", "document": pm.document},
                  pm=pm, doc=doc, title=title, prev=prev, next=nxt, seen=set(), decrees=decree_reference(ctx, doc),
                  citation=cite_measure(pm, doc, ctx.lang), permalink=permalink,
                  permalink_href=ids.relative(url, "../" + permalink), period=plan_period(ctx, doc.id),
                  as_of=text_as_of(ctx, doc),
                  show_cell=cell_words_dropped(ctx, pm), in_pdf=in_pdf(ctx, pm, url),
                  ld=measure_ld(ctx, pm), eli=eli.measure_eli(ctx.catalog, pm, ctx.lang, ctx.site_root, ctx.today))


def measures_index(ctx: RenderContext) -> Page:
    """Every measure of every plan, filterable by document, section, body and implementation period, sortable."""
    _, cat = ctx.gettext, ctx.catalog
    docs = [(d.id, ctx.plain(d.short_title)) for d in cat.documents.values()]
    groups = [(f"{d}:{g.id}", f"{g.num}. {ctx.plain(g.title)}") for d, mf in cat.measure_files.items() for g in mf.groups]
    with_measures = [b for b in cat.bodies.values() if any(cat.roles_of(b.id).values())]
    bodies = [(b.id, ctx.plain(b.name)) for b in sorted(with_measures, key=lambda b: sort_key(ctx.plain(b.name), ctx.lang))]
    years = sorted({pm.measure.deadline.end for pm in cat.measures if pm.measure.deadline.end})
    due = ([(f"by-{y}", fill(_("by the end of {year}"), year=ctx.year(y))) for y in years]
           + [(f"in-{y}", fill(_("in {year}"), year=ctx.year(y))) for y in years] + [("regular", _("on a regular basis"))])
    filters = [("doc", _("Document"), docs), ("group", _("Section"), groups), ("body", _("Body"), bodies),
               ("due", _("Implementation period ends"), due)]
    grouped = [(doc, measures_by_group(ctx, doc.id)) for doc in cat.documents.values()]
    # A running number across the page: "as in the plan" restores it after sorting.
    offsets, n = {}, 0
    for doc, doc_groups in grouped:
        for group, pms in doc_groups:
            offsets[f"{doc.id}:{group.id}"] = n
            n += len(pms)

    def bodies_of(pm: PlanMeasure) -> list[str]:
        return list(dict.fromkeys(pm.measure.executors + pm.measure.involving + list(pm.participants)))

    def executors_of(pm: PlanMeasure) -> str:
        """Executors in a few words: each body's short form where it has one."""
        return ", ".join(ctx.plain(b.short or b.name) for b in (cat.bodies[i] for i in pm.measure.executors))
    title = _("Measures")
    return render(ctx, "measures_index.html", ids.measures_index(), title, search={"exclude": True},
                  title=title, filters=filters, years=years, grouped=grouped, offsets=offsets, total=len(cat.measures),
                  doc_totals={d: len(cat.measures_of(d)) for d in cat.documents},
                  bodies_of=bodies_of, executors_of=executors_of)
