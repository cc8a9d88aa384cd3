"""The overview's charts as geometry (the SVG itself is a template): measures by deadline year, and per body."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planreader.azerbaijani import sort_key
from planreader.data.model import Body, Document
from planreader.render.context import RenderContext

COLOURS = ("#3949ab", "#00897b", "#8e24aa", "#f4511e")  # one per document; contrast >= 4.5 on white


def colour(i: int) -> str:
    return COLOURS[i % len(COLOURS)]


def label(ctx: RenderContext, doc: Document) -> str:
    """A document in a few words, for table headings and legends."""
    return ctx.plain(doc.label or doc.short_title)


@dataclass
class Column:
    key: str  # a year, or "regular"
    label: str
    mid: float
    total: int = 0
    top: int = 0
    height: int = 0


@dataclass
class Timeline:
    """One plan's measures by the end of their implementation period. Periods belong to one plan, so each plan
    has its own chart and table: a running total across plans ("25 due by 2015") mixed a 2007–2010 programme's
    measures into a 2014–2018 plan's and answered neither plan's question."""
    document: Document
    colour: str
    columns: list[Column]
    rows: list[dict]  # the same figures as a table: {label, key, due, count, cumulative}
    width: int
    height: int
    left: int = 4
    base: int = 170
    bar_w: int = 30


def due_by_year(ctx: RenderContext, doc_id: str) -> Counter:
    """How many of one plan's measures fall due in each year ("regular" for those with no end year)."""
    return Counter("regular" if pm.measure.deadline.regular else str(pm.measure.deadline.end)
                   for pm in ctx.catalog.measures_of(doc_id))


def timeline(ctx: RenderContext, doc_id: str, d_i: int) -> Timeline:
    """One plan's columns: measures due per year (their end year), regular measures apart. Years in which
    nothing of the plan ends are left out, so the chart stays narrow enough to read on a phone."""
    counts = due_by_year(ctx, doc_id)
    keys = sorted((k for k in counts if k != "regular"), key=int) + (["regular"] if counts["regular"] else [])
    peak = max(counts.values(), default=1)
    bar_w, gap, chart_h, top, left = 30, 8, 150, 20, 4
    width = left + len(keys) * (bar_w + gap) + 10
    base = top + chart_h
    regular = ctx.gettext("regular")
    columns, rows, so_far = [], [], 0
    for i, key in enumerate(keys):
        x = left + i * (bar_w + gap)
        h = round(counts[key] / peak * chart_h)
        columns.append(Column(key, regular if key == "regular" else key, x + bar_w / 2, counts[key], base - h, h))
        is_regular = key == "regular"
        so_far += 0 if is_regular else counts[key]
        rows.append({"label": columns[-1].label, "key": key, "due": "regular" if is_regular else f"in-{key}",
                     "count": counts[key], "cumulative": None if is_regular else so_far})
    return Timeline(ctx.catalog.documents[doc_id], colour(d_i), columns, rows, width, base + 22, left, base, bar_w)


def timelines(ctx: RenderContext) -> list[Timeline]:
    """A timeline per plan that has measures, in catalog order (each plan keeps its colour on the page)."""
    return [timeline(ctx, d, d_i) for d_i, d in enumerate(ctx.catalog.documents) if ctx.catalog.measures_of(d)]


@dataclass
class BodyRow:
    body: Body
    name: str
    short: str
    y: int
    total: int
    end: int
    bars: list[dict]
    counts: list[int]  # per document, in catalog order (the table beside the chart)


def per_body(ctx: RenderContext) -> dict:
    """Horizontal bars: how many measures each body executes, per document."""
    cat = ctx.catalog
    counted = []
    for b in cat.bodies.values():
        per_doc = Counter(pm.document for pm in cat.roles_of(b.id)["executes"])
        if per_doc:
            counted.append((b, per_doc))
    counted.sort(key=lambda r: (-sum(r[1].values()), sort_key(ctx.plain(r[0].name), ctx.lang)))
    peak = max(sum(c.values()) for _b, c in counted)
    label_w, bar_max, row_h, top = 330, 260, 20, 10
    rows = []
    for i, (b, per_doc) in enumerate(counted):
        name = ctx.plain(b.name)
        x, bars = label_w, []
        for d_i, doc_id in enumerate(cat.documents):
            if per_doc[doc_id]:
                w = round(per_doc[doc_id] / peak * bar_max)
                bars.append({"x": x, "w": w, "n": per_doc[doc_id], "colour": colour(d_i)})
                x += w
        rows.append(BodyRow(b, name, name if len(name) <= 52 else name[:50] + "…", top + i * row_h,
                            sum(per_doc.values()), x, bars, [per_doc[d] for d in cat.documents]))
    legend = [{"colour": colour(d_i), "name": label(ctx, doc)} for d_i, doc in enumerate(cat.documents.values())]
    return {"rows": rows, "legend": legend, "width": label_w + bar_max + 40, "height": top + len(rows) * row_h + 10,
            "label_w": label_w, "row_h": row_h}
