"""A document's pages: the full text in reading order with an anchor on every unit, and the parallel view."""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import Catalog, PlanMeasure, anchor_for_group, anchor_for_measure, anchor_for_subitem
from planreader.citation import document_json_ld
from planreader.render.links import abbreviation_definitions, linked
from planreader.i18n import N_, long_date, translator
from planreader.render.markup import attr as h
from planreader.render.markup import esc, front_matter, pick, raw_html, strong_phrases, tx
from planreader.data.model import Document, Node, Text

SIGN_STATUS = {
    "signed": N_("Signed"),
    "signed-special-opinion": N_("Signed with a special opinion"),
    "signed-reservation": N_("Signed with a reservation"),
    "not-signed": N_("Not signed"),
}


def _cell(text: Text, lang: str, pending: str) -> str:
    value, used = pick(text, lang)
    attr = f' lang="{used}"' if used != lang else ""
    return f"<span{attr}>{h(value)}</span>" if attr else h(value)


def metadata(cat: Catalog, doc: Document, lang: str, page_url: str) -> list[str]:
    _ = translator(lang)
    rows = [
        (_("Type"), _("Law") if doc.kind == "law" else _("Order")),
        (_("Number"), h(doc.number)),
        (_("Date"), h(long_date(doc.date, lang))),
        (_("Place"), _cell(doc.place, lang, "")),
        (_("Issued by"), _cell(doc.issuer, lang, "")),
        (_("Signed by"), _cell(doc.signatory, lang, "")),
    ]
    for p in doc.publications:
        ref = ", ".join(x for x in (long_date(p.date, lang), p.issue and f"№ {p.issue}",
                                    p.article and _("article") + f" {p.article}") if x)
        rows.append((_("Published in"), f"{_cell(p.outlet, lang, '')} ({h(ref)})"))
    for a in doc.amendments:
        num = f", № {h(a.number)}" if a.number else ""
        rows.append((_("Amended by"), _("Decree") + f" {h(long_date(a.date, lang))}{num}"))
    out = ['<dl class="doc-meta">'] + [f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows] + ["</dl>", ""]
    return out


def notices(doc: Document, lang: str) -> list[str]:
    _ = translator(lang)
    out = []
    if lang == "en":
        out += ['!!! info "' + _("Unofficial translation") + '"',
                "    " + _("This English text is an unofficial translation. Only the Azerbaijani text is authoritative."), ""]
    if not doc.source.complete and doc.source.note:
        out += ['!!! warning "' + _("Incomplete text") + '"', "    " + tx(doc.source.note, lang), ""]
    return out


def _node(cat: Catalog, doc: Document, node: Node, lang: str, page_url: str, depth: int, seen: set[str]) -> list[str]:
    _ = translator(lang)
    pending = _("not yet translated")
    num = f"{esc(node.num)}. " if node.num else ""
    text = strong_phrases(linked(cat, node.text, lang, page_url, pending, seen=seen), node.strong) if node.text else ""
    out: list[str] = []
    if node.kind == "heading":
        out += [f"{'#' * min(depth + 2, 4)} {num}{text} {{#{node.id}}}", ""]
    elif node.kind == "measures":
        out += _measures(cat, doc, lang, page_url, seen)
    elif node.kind == "table":
        out += _table(cat, node, lang, page_url)
    elif node.kind == "signatory":
        status = _(SIGN_STATUS[node.status])  # type: ignore[index]
        out += [f"{tx(node.cells[0], lang, pending)} — {tx(node.cells[1], lang, pending)} *({esc(status)})*",
                f"{{: #{node.id} .signatory }}", ""]
    elif text:
        out += [f"**{num.strip()}** {text}" if num else text, f"{{: #{node.id} .{node.kind} }}", ""]
    for child in node.children:
        out += _node(cat, doc, child, lang, page_url, depth + 1, seen)
    return out


def _table(cat: Catalog, node: Node, lang: str, page_url: str) -> list[str]:
    rows: list[str] = []

    def add(row: Node, level: int) -> None:
        cells = row.cells or ([row.text] if row.text else [])
        tds = [f"<td>{_cell(c, lang, '')}</td>" for c in cells]
        if row.abbr and row.abbr in cat.abbreviations:
            href = ids.relative(page_url, ids.abbreviation(row.abbr))
            tds[0] = f'<td><a href="{h(href)}">{_cell(cells[0], lang, "")}</a></td>'
        rows.append(f'<tr id="{row.id}" class="level-{level}">' + "".join(tds) + "</tr>")
        for child in row.children:
            add(child, level + 1)

    for row in node.children:
        add(row, 0)
    return [f'<table class="source-table" id="{node.id}">'] + rows + ["</table>", ""]


def _measures(cat: Catalog, doc: Document, lang: str, page_url: str, seen: set[str]) -> list[str]:
    _ = translator(lang)
    pending = _("not yet translated")
    out: list[str] = []
    group = None
    for pm in cat.measures_of(doc.id):
        if pm.group is not group:
            group = pm.group
            out += [f"### {esc(group.num)}. {tx(group.title, lang, pending)} {{#{anchor_for_group(group.id)}}}", ""]
        out += measure_block(cat, pm, lang, page_url, heading=True, seen=seen)
    return out


def measure_block(cat: Catalog, pm: PlanMeasure, lang: str, page_url: str, heading: bool, facts: bool = True,
                  seen: set[str] | None = None) -> list[str]:
    """A measure as it stands in the document: text, sub-items, executors as printed, deadline."""
    _ = translator(lang)
    pending = _("not yet translated")
    m = pm.measure
    out = []
    if heading:
        href = ids.md(page_url, ids.measure(pm.document, m.num))
        out += [f"#### [{esc(m.num)}]({href}) {{#{anchor_for_measure(m.num)}}}", ""]
    out += [linked(cat, m.text, lang, page_url, pending, seen=seen), "{: .measure-text }", ""]
    for s in m.subitems:
        out += [f"**{esc(s.label)})** {linked(cat, s.text, lang, page_url, pending, seen=seen)}",
                f"{{: #{anchor_for_subitem(m.num, s.label)} .subitem }}", ""]
    if not facts:
        return out
    executors, deadline = _("Executors"), _("Deadline")
    out += [f"**{executors}:** {linked(cat, m.executors_text, lang, page_url, pending, seen=seen)}  ",
            f"**{deadline}:** {tx(m.deadline.text, lang, pending)}", "{: .measure-facts }", ""]
    return out


def document_page(cat: Catalog, doc: Document, lang: str) -> str:
    _ = translator(lang)
    url = ids.document(doc.id)
    title, _used = pick(doc.short_title, lang)
    # Not indexed as one page: the site build adds one search record per paragraph (planreader/search/records.py).
    out = [front_matter(title, pick(doc.title, lang)[0], search_exclude=True), f"# {esc(title)}", ""]
    out += [tx(doc.title, lang), "{: .doc-full-title }", ""]
    out += notices(doc, lang) + metadata(cat, doc, lang, url)
    side_by_side = _("Azerbaijani and English side by side")
    out += [f"[{side_by_side}]({ids.md(url, ids.parallel(doc.id))}){{: .md-button }}", ""]
    seen: set[str] = set()
    for node in doc.body:
        out += _node(cat, doc, node, lang, url, 0, seen)
    out += ["", document_json_ld(doc, lang), ""]
    text = "\n".join(out)
    return "\n".join([text, ""] + abbreviation_definitions(cat, lang, text))


def _parallel_rows(cat: Catalog, doc: Document) -> list[tuple[str, str, str | None, Text]]:
    """(anchor, kind, number, text) for every unit, in reading order; cells of a row share its anchor."""
    rows: list[tuple[str, str, str | None, Text]] = []

    def walk(node: Node) -> None:
        if node.kind == "measures":
            group = None
            for pm in cat.measures_of(doc.id):
                if pm.group is not group:
                    group = pm.group
                    rows.append((anchor_for_group(group.id), "heading", group.num, group.title))
                m = pm.measure
                rows.append((anchor_for_measure(m.num), "measure", m.num, m.text))
                rows.extend([(anchor_for_subitem(m.num, s.label), "subitem", s.label + ")", s.text) for s in m.subitems])
                rows.append((anchor_for_measure(m.num) + "-executors", "facts", None, m.executors_text))
                rows.append((anchor_for_measure(m.num) + "-deadline", "facts", None, m.deadline.text))
        if node.text:
            rows.append((node.id, node.kind, node.num, node.text))
        for i, cell in enumerate(node.cells or []):
            rows.append((node.id if i == 0 else f"{node.id}-{i}", node.kind, None, cell))
        for child in node.children:
            walk(child)

    for node in doc.body:
        walk(node)
    return rows


def parallel_page(cat: Catalog, doc: Document, lang: str) -> str:
    """Both languages aligned unit by unit, EUR-Lex style; anchors equal those of the full text."""
    _ = translator(lang)
    url = ids.parallel(doc.id)
    title = pick(doc.short_title, lang)[0]
    heading = _("Azerbaijani and English side by side")
    out = [front_matter(f"{title} — {heading}", search_exclude=True), f"# {esc(title)}", "", f"*{heading}*", ""]
    out += notices(doc, lang)
    full = _("Full text")
    out += [f"[{full}]({ids.md(url, ids.document(doc.id))})", ""]
    pending = h(_("not yet translated"))
    rows = ['<div class="parallel">',
            '<div class="parallel-row parallel-head"><div lang="az">Azərbaycanca</div><div lang="en">English</div></div>']
    for anchor, kind, num, text in _parallel_rows(cat, doc):
        n = f"<b>{h(num)}.</b> " if num and not num.endswith(")") else (f"<b>{h(num)}</b> " if num else "")
        en = f"{n}{h(text.en)}" if text.en else f'<span class="untranslated">{pending}</span>'
        rows.append(f'<div class="parallel-row {kind}" id="{anchor}"><div lang="az">{n}{h(text.az)}</div>'
                    f'<div lang="en">{en}</div></div>')
    return "\n".join(out + raw_html(rows + ["</div>"]))
