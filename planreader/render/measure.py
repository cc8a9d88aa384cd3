"""A measure's page (text, executors, period, cite box) and the filterable index of every measure."""
from __future__ import annotations

from planreader import ids
from planreader.azerbaijani import sort_key
from planreader.citation import cite_measure
from planreader.data.catalog import PlanMeasure
from planreader.render.context import RenderContext
from planreader.render.document import decree_reference, measures_by_group
from planreader.render.jsonld import measure_ld
from planreader.render.page import Page, render


def measure_title(ctx: RenderContext, pm: PlanMeasure) -> str:
    return ctx.gettext("Measure") + f" {pm.num}"


def measure_page(ctx: RenderContext, pm: PlanMeasure) -> Page:
    doc = ctx.catalog.documents[pm.document]
    url = ids.measure(pm.document, pm.num)
    title = measure_title(ctx, pm)
    prev, nxt = ctx.catalog.neighbours(pm)
    permalink = ids.Permalink(pm.document, pm.num).path
    return render(ctx, "measure.html", url, f"{title} — {ctx.plain(doc.short_title)}", ctx.plain(pm.measure.text)[:160],
                  {"kind": "measure", "document": pm.document},
                  pm=pm, doc=doc, title=title, prev=prev, next=nxt, seen=set(), decrees=decree_reference(ctx, doc),
                  citation=cite_measure(pm, doc, ctx.lang), permalink=permalink,
                  permalink_href=ids.relative(url, "../" + permalink), ld=measure_ld(ctx, pm))


def measures_index(ctx: RenderContext) -> Page:
    """Every measure of every plan, filterable by document, group, body and deadline year in the browser."""
    _, cat = ctx.gettext, ctx.catalog
    docs = [(d.id, ctx.plain(d.short_title)) for d in cat.documents.values()]
    groups = [(f"{d}:{g.id}", f"{g.num}. {ctx.plain(g.title)}") for d, mf in cat.measure_files.items() for g in mf.groups]
    with_measures = [b for b in cat.bodies.values() if any(cat.roles_of(b.id).values())]
    bodies = [(b.id, ctx.plain(b.name)) for b in sorted(with_measures, key=lambda b: sort_key(ctx.plain(b.name), ctx.lang))]
    years = sorted({pm.measure.deadline.end for pm in cat.measures if pm.measure.deadline.end})
    year_opts = [(str(y), str(y)) for y in years] + [("regular", _("on a regular basis"))]
    filters = [("doc", _("Document"), docs), ("group", _("Section"), groups), ("body", _("Body"), bodies),
               ("year", _("Deadline year"), year_opts)]
    grouped = [(doc, measures_by_group(ctx, doc.id)) for doc in cat.documents.values()]

    def bodies_of(pm: PlanMeasure) -> list[str]:
        return list(dict.fromkeys(pm.measure.executors + pm.measure.involving + list(pm.participants)))
    title = _("Measures")
    return render(ctx, "measures_index.html", ids.measures_index(), title, search={"exclude": True},
                  title=title, filters=filters, grouped=grouped, total=len(cat.measures), bodies_of=bodies_of)
