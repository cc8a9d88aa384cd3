"""The printed documents as HTML and page CSS, from the project's templates: what planreader/publish/pdf.py lays out.

One document gives three: its Azerbaijani text, its English translation (marked unofficial on every page) and
both side by side. Everything here is pure: the same catalog, build date and site address give the same strings,
which is what the PDF cache (pdf.py) keys on.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from planreader import ids
from planreader.citation import act_reference, cite_document
from planreader.data.catalog import Catalog
from planreader.data.model import Document, Node, walk
from planreader.i18n import N_, translator
from planreader.render.context import RenderContext
from planreader.render.document import SIGN_STATUS, measures_by_group, parallel_rows, text_as_of
from planreader.render.page import environment

EDITIONS = ("az", "en", "az-en")  # the PDFs of each document: one per language, and both side by side


@dataclass(frozen=True)
class Bookmark:
    level: int  # 1: the acts and sections, then measure groups, then measures
    label: str


@dataclass(frozen=True)
class TocEntry:
    level: int
    anchor: str
    label: str


@dataclass(frozen=True)
class PrintSource:
    """What WeasyPrint gets for one PDF: the HTML, the CSS of its page margins, and its metadata."""

    edition: str  # az | en | az-en
    html: str
    page_css: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TitlePage:
    lang: str
    gettext: object
    act: str
    title: Markup
    standing: str
    incomplete: Markup | None
    rows: list[tuple[str, Markup | str]]
    citation: str


STANDING = {
    "az": N_("Azerbaijani text. This is the authoritative text."),
    "en": N_("Unofficial English translation. Only the Azerbaijani text is authoritative."),
}
RUNNING_NOTE = {"az": N_("Authoritative text"), "en": N_("Unofficial translation")}


def permalink(ctx: RenderContext, doc_id: str, num: str | None = None) -> str:
    """The address to cite, in the context's language: …/id/en/nap-2014-2018/13.2.9/."""
    return ctx.site_root + ids.Permalink(doc_id, num, lang=ctx.lang).path


def title_page(ctx: RenderContext, doc: Document) -> TitlePage:
    """The title page's facts, in the order a citation needs them."""
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
        ref = ", ".join(x for x in (ctx.date(p.date), p.issue and f"№ {p.issue}",
                                    p.article and _("article") + f" {p.article}") if x)
        rows.append((_("Published in"), Markup("{} ({})").format(ctx.text(p.outlet, pending=False), ref)))
    for a in doc.amendments:
        rows.append((_("Amended by"), _("Decree") + f" {ctx.date(a.date)}" + (f", № {a.number}" if a.number else "")))
    rows.append((_("Text as of"), text_as_of(ctx, doc)))
    rows.append((_("Permanent link"), permalink(ctx, doc.id)))
    rows.append((_("PDF made on"), ctx.date(ctx.today)))
    incomplete = ctx.text(doc.source.note) if not doc.source.complete and doc.source.note else None
    return TitlePage(ctx.lang, ctx.gettext, act_reference(doc, ctx.lang), ctx.text(doc.title), _(STANDING[ctx.lang]),
                     incomplete, rows, cite_document(doc, ctx.lang))


def outline(ctx: RenderContext, doc: Document) -> dict[str, Bookmark]:
    """The PDF's bookmarks by anchor: each act's title (the first of a run of titles) and each section, then the
    measure groups and the measures one level below the section holding the measures table."""
    marks: dict[str, Bookmark] = {}

    def visit(nodes: list[Node], depth: int) -> None:
        previous = None
        for n in nodes:
            if n.kind == "measures":
                for group, pms in measures_by_group(ctx, doc.id):
                    marks[ids.group_anchor(group.id)] = Bookmark(depth + 1, f"{group.num}. {ctx.plain(group.title)}")
                    for pm in pms:
                        label = f"{pm.num}. {ctx.plain(pm.measure.text)}"
                        marks[ids.measure_anchor(pm.num)] = Bookmark(depth + 2, _shorten(label, 80))
            elif n.kind == "heading" or (n.kind == "title" and depth == 0 and previous != "title"):
                label = (f"{n.num}. " if n.num else "") + ctx.plain(n.text)
                marks[n.id] = Bookmark(depth + 1, _shorten(label))
            previous = n.kind
            visit(n.children, depth + 1 if n.kind == "heading" else depth)
    visit(doc.body, 0)
    return marks


def _shorten(label: str, limit: int = 120) -> str:
    """An outline entry fits a viewer's side panel: long titles end in an ellipsis (the page holds them whole)."""
    return label if len(label) <= limit else label[:limit].rsplit(" ", 1)[0] + " …"


def contents(marks: dict[str, Bookmark]) -> list[TocEntry]:
    """The contents page: the outline without the measures (they would fill pages; the outline has them)."""
    deepest = max((b.level for b in marks.values()), default=1)
    return [TocEntry(b.level, a, b.label) for a, b in marks.items() if b.level < deepest or deepest == 1]


def headings_of_measures(doc: Document) -> set[str]:
    """The source tables printed right before the measures table (its column headings as the source prints them):
    kept on the page where the table starts."""
    out: set[str] = set()
    for n, _path in [(None, ""), *walk(doc.body)]:
        children = doc.body if n is None else n.children
        out |= {a.id for a, b in zip(children, children[1:]) if a.kind == "table" and b.kind == "measures"}
    return out


def css_string(text: str) -> str:
    """A CSS string literal holding `text` as text: every character that is not a letter or digit becomes a hex
    escape (ended by the one space CSS takes as its end), so no quote, backslash or newline in a title or a
    translation can end the string."""
    return '"' + "".join(c if c.isalnum() else f"\\{ord(c):x} " for c in text) + '"'


def page_css(header_left: str, header_right: str, footer_left: str, page_of: str) -> str:
    """The margin boxes: running header (short title; the text's standing), footer (permanent link; page N of M).
    `page_of` is an interface string with {page} and {pages}, cut around them into CSS strings and counters."""
    parts: list[str] = []
    rest = page_of
    while rest:
        positions = [(rest.find(k), k) for k in ("{page}", "{pages}") if k in rest]
        if not positions:
            parts.append(css_string(rest))
            break
        at, key = min(positions)
        if at:
            parts.append(css_string(rest[:at]))
        parts.append("counter(pages)" if key == "{pages}" else "counter(page)")
        rest = rest[at + len(key):]
    return ("@page { @top-left { content: " + css_string(header_left) + " }"
            " @top-right { content: " + css_string(header_right) + " }"
            " @bottom-left { content: " + css_string(footer_left) + " }"
            " @bottom-right { content: " + " ".join(parts or ['""']) + " } }\n")


def _meta(doc: Document, lang: str, today: dt.date, title: str, subject: str) -> dict[str, str]:
    return {"title": title, "subject": subject, "author": doc.issuer.in_lang(lang) or doc.issuer.az,
            "keywords": ", ".join(x for x in (doc.short_title.in_lang(lang) or doc.short_title.az,
                                              act_reference(doc, lang)) if x),
            "created": dt.datetime.combine(today, dt.time(), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "lang": lang}


def single(catalog: Catalog, doc: Document, lang: str, site_root: str, today: dt.date) -> PrintSource:
    """The document in one language."""
    ctx = RenderContext(catalog, lang, site_root, today)
    _ = ctx.gettext
    marks = outline(ctx, doc)
    subject = f"{cite_document(doc, lang)}. {_(STANDING[lang])}"
    meta = _meta(doc, lang, today, ctx.plain(doc.title), subject)
    html = environment().get_template("pdf/document.html").render(
        ctx=ctx, _=_, doc=doc, meta=meta, titles=[title_page(ctx, doc)], toc=contents(marks), bookmarks=marks,
        groups=measures_by_group(ctx, doc.id), before_measures=headings_of_measures(doc), sign_status=SIGN_STATUS,
        permalink=lambda num: permalink(ctx, doc.id, num))
    css = page_css(ctx.plain(doc.short_title), _(RUNNING_NOTE[lang]), permalink(ctx, doc.id),
                   _("Page {page} of {pages}"))
    return PrintSource(lang, html, css, meta)


def side_by_side(catalog: Catalog, doc: Document, site_root: str, today: dt.date) -> PrintSource:
    """The document in both languages, unit by unit (the side-by-side page's rows); interface text in both."""
    az, en = (RenderContext(catalog, lang, site_root, today) for lang in ids.LANGS)
    both = {lang: translator(lang) for lang in ids.LANGS}

    def twice(msgid: str, sep: str = " / ") -> str:
        return both["az"](msgid) + sep + both["en"](msgid)
    marks = outline(az, doc)
    titles = [title_page(az, doc), title_page(en, doc)]
    subject = f"{cite_document(doc, 'az')}. {twice('Azerbaijani and English side by side', ' — ')}"
    meta = _meta(doc, "az", today, f"{az.plain(doc.title)} / {en.plain(doc.title)}", subject)
    labels = {lang: {msgid: both[lang](msgid) for msgid in ("Executors", "Implementation period")} for lang in ids.LANGS}
    html = environment().get_template("pdf/parallel.html").render(
        ctx=az, _=az.gettext, doc=doc, meta=meta, titles=titles, toc=contents(marks), bookmarks=marks,
        rows=parallel_rows(az, doc), labels=labels, contents_heading=twice("Contents"),
        not_translated=both["en"]("not yet translated"))
    # The running header holds both languages: the documents' labels ("NAP 2014–2018"), kept to one line.
    short = " / ".join(c.plain(doc.label or doc.short_title) for c in (az, en))
    note = twice(N_("English: unofficial translation"))
    page_of = twice("Page {page} of {pages}", " · ")
    # The footer's permanent link opens the reader's language (no language in the path).
    return PrintSource("az-en", html, page_css(short, note, site_root + ids.Permalink(doc.id).path, page_of), meta)


def sources(catalog: Catalog, doc: Document, site_root: str, today: dt.date,
            editions: tuple[str, ...] = EDITIONS) -> list[PrintSource]:
    return [side_by_side(catalog, doc, site_root, today) if e == "az-en" else single(catalog, doc, e, site_root, today)
            for e in editions]
