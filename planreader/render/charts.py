"""Inline SVG charts built at build time: measures by deadline year, and measures per body."""
from __future__ import annotations

from collections import Counter
from html import escape

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.azerbaijani import sort_key
from planreader.i18n import translator
from planreader.render.markup import esc, pick

COLOURS = ("#3949ab", "#00897b", "#8e24aa", "#f4511e")  # one per document; contrast >= 4.5 on white


def _svg(width: int, height: int, title: str, desc: str, body: list[str], ident: str) -> str:
    # No role="img": the bars are links, and an image's children are not reachable. Each link has its own label.
    # The <div> makes Python-Markdown treat the chart as a raw HTML block: <svg> alone would be inline HTML,
    # and Markdown would then rewrite text inside its attributes.
    return (f'<div class="chart-wrap"><svg class="chart" viewBox="0 0 {width} {height}" width="100%" '
            f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
            + "".join(body) + "</svg></div>")


def due_by_year(cat: Catalog) -> tuple[list[str], dict[str, Counter]]:
    """Columns (years, then "regular") and, per document, how many measures fall due in each."""
    years = sorted({pm.measure.deadline.end for pm in cat.measures if pm.measure.deadline.end})
    columns = [str(y) for y in range(years[0], years[-1] + 1)] + ["regular"]
    counts = {d: Counter("regular" if pm.measure.deadline.regular else str(pm.measure.deadline.end)
                         for pm in cat.measures_of(d)) for d in cat.documents}
    return columns, counts


def timeline(cat: Catalog, lang: str, page_url: str) -> str:
    """Stacked columns: measures due per year (their end year), regular measures apart; each links to the list."""
    _ = translator(lang)
    columns, counts = due_by_year(cat)
    regular = _("regular")
    peak = max(sum(c[col] for c in counts.values()) for col in columns)
    bar_w, gap, chart_h, top, left = 34, 10, 180, 20, 30
    width = left + len(columns) * (bar_w + gap) + 10
    height = top + chart_h + 70
    body = [f'<line x1="{left}" y1="{top + chart_h}" x2="{width - 5}" y2="{top + chart_h}" stroke="currentColor" stroke-width="1"/>']
    index = ids.relative(page_url, ids.measures_index())
    for i, col in enumerate(columns):
        x = left + i * (bar_w + gap)
        y = top + chart_h
        total = 0
        label = regular if col == "regular" else col
        query = "year=" + col
        due = sum(c[col] for c in counts.values())
        if due:
            body.append(f'<a href="{escape(index)}?{query}" aria-label="{escape(label)}: {due}">')
        for d_i, (doc_id, c) in enumerate(counts.items()):
            n = c[col]
            if not n:
                continue
            h = round(n / peak * chart_h)
            y -= h
            total += n
            name = pick(cat.documents[doc_id].short_title, lang)[0]
            body.append(f'<rect x="{x}" y="{y}" width="{bar_w}" height="{h}" fill="{COLOURS[d_i % len(COLOURS)]}">'
                        f'<title>{escape(f"{name}, {label}: {n}")}</title></rect>')
        if due:
            body.append("</a>")
        if total:
            body.append(f'<text x="{x + bar_w / 2}" y="{y - 4}" text-anchor="middle" font-size="11" fill="currentColor">{total}</text>')
        body.append(f'<text x="{x + bar_w / 2}" y="{top + chart_h + 14}" text-anchor="middle" font-size="10" '
                    f'fill="currentColor">{escape(label)}</text>')
    for d_i, doc_id in enumerate(counts):
        y = top + chart_h + 32 + d_i * 16
        name = pick(cat.documents[doc_id].short_title, lang)[0]
        body.append(f'<rect x="{left}" y="{y - 9}" width="10" height="10" fill="{COLOURS[d_i % len(COLOURS)]}"/>'
                    f'<text x="{left + 16}" y="{y}" font-size="11" fill="currentColor">{escape(name)}</text>')
    title = _("Measures by deadline year")
    desc = _("Number of measures whose deadline ends in each year, by document; measures to be carried out on a regular basis are counted apart.")
    return _svg(width, height + 16 * (len(counts) - 1), title, desc, body, "timeline")


def timeline_table(cat: Catalog, lang: str) -> list[str]:
    """The same figures as a Markdown table (a row per year, narrow enough for a phone): the text alternative."""
    _ = translator(lang)
    columns, counts = due_by_year(cat)
    head = [_("Deadline year")] + [esc(pick(cat.documents[d].short_title, lang)[0]) for d in counts]
    rows = [[_("regular") if col == "regular" else col] + [str(c[col] or "–") for c in counts.values()]
            for col in columns if any(c[col] for c in counts.values())]
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)] + ["| " + " | ".join(r) + " |" for r in rows] + [""]


def per_body(cat: Catalog, lang: str, page_url: str) -> str:
    """Horizontal bars: how many measures each body executes, per document; each bar links to the body."""
    _ = translator(lang)
    rows = []
    for b in cat.bodies.values():
        per_doc = Counter(pm.document for pm in cat.roles_of(b.id)["executes"])
        if per_doc:
            rows.append((b, per_doc))
    rows.sort(key=lambda r: (-sum(r[1].values()), sort_key(pick(r[0].name, lang)[0], lang)))
    peak = max(sum(c.values()) for _b, c in rows)
    label_w, bar_max, row_h, top = 330, 260, 20, 10
    width = label_w + bar_max + 40
    body = []
    docs = list(cat.documents)
    for i, (b, per_doc) in enumerate(rows):
        y = top + i * row_h
        name = pick(b.name, lang)[0]
        short = name if len(name) <= 52 else name[:50] + "…"
        href = ids.relative(page_url, ids.body(b.id))
        body.append(f'<a href="{escape(href)}" aria-label="{escape(name)}: {sum(per_doc.values())}"><text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="11" '
                    f'fill="currentColor">{escape(short)}</text>')
        x = label_w
        for d_i, doc_id in enumerate(docs):
            n = per_doc[doc_id]
            if n:
                w = round(n / peak * bar_max)
                body.append(f'<rect x="{x}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="{COLOURS[d_i % len(COLOURS)]}">'
                            f'<title>{escape(f"{name}: {n}")}</title></rect>')
                x += w
        body.append(f'<text x="{x + 4}" y="{y + 13}" font-size="11" fill="currentColor">{sum(per_doc.values())}</text></a>')
    title = _("Measures per body")
    desc = _("Number of measures each body executes, in both plans; bodies only recommended to take part are not counted.")
    return _svg(width, top + len(rows) * row_h + 10, title, desc, body, "per-body")
