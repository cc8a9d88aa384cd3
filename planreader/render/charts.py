"""The overview's charts as geometry (the SVG itself is a template): measures by deadline year, and per body."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

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
    top: int = 0
    total: int = 0
    bars: list[dict] = field(default_factory=list)


@dataclass
class Timeline:
    documents: list[Document]
    columns: list[Column]
    rows: list[dict]  # the same figures as a table: {label, counts per document}
    legend: list[dict]
    width: int
    height: int
    left: int = 30
    base: int = 200
    bar_w: int = 34


def due_by_year(ctx: RenderContext) -> tuple[list[str], dict[str, Counter]]:
    """Columns (the years some period ends in, then "regular") and, per document, how many measures fall due in
    each. Years in which nothing ends are left out, so the chart stays narrow enough to read on a phone."""
    cat = ctx.catalog
    years = sorted({pm.measure.deadline.end for pm in cat.measures if pm.measure.deadline.end})
    columns = [str(y) for y in years] + ["regular"]
    counts = {d: Counter("regular" if pm.measure.deadline.regular else str(pm.measure.deadline.end)
                         for pm in cat.measures_of(d)) for d in cat.documents}
    return columns, counts


def timeline(ctx: RenderContext) -> Timeline:
    """Stacked columns: measures due per year (their end year), regular measures apart."""
    keys, counts = due_by_year(ctx)
    docs = [ctx.catalog.documents[d] for d in counts]
    regular = ctx.gettext("regular")
    peak = max(sum(c[k] for c in counts.values()) for k in keys)
    bar_w, gap, chart_h, top, left = 30, 8, 150, 20, 4
    width = left + len(keys) * (bar_w + gap) + 10
    base = top + chart_h
    columns = []
    for i, key in enumerate(keys):
        x = left + i * (bar_w + gap)
        col = Column(key, regular if key == "regular" else key, x + bar_w / 2, top=base)
        for d_i, (doc, c) in enumerate(zip(docs, counts.values())):
            if c[key]:
                h = round(c[key] / peak * chart_h)
                col.top -= h
                col.total += c[key]
                col.bars.append({"x": x, "y": col.top, "h": h, "colour": colour(d_i),
                                 "title": f"{label(ctx, doc)}, {col.label}: {c[key]}"})
        columns.append(col)
    rows, so_far = [], 0
    for col in columns:
        if col.total:
            regular = col.key == "regular"
            so_far += 0 if regular else col.total
            rows.append({"label": col.label, "key": col.key, "due": "regular" if regular else f"in-{col.key}",
                         "counts": [c[col.key] for c in counts.values()], "total": col.total,
                         "cumulative": None if regular else so_far})
    legend = [{"colour": colour(d_i), "name": label(ctx, doc)} for d_i, doc in enumerate(docs)]
    return Timeline(docs, columns, rows, legend, width, base + 22, left, base, bar_w)


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
    return {"rows": rows, "width": label_w + bar_max + 40, "height": top + len(rows) * row_h + 10,
            "label_w": label_w, "row_h": row_h}
