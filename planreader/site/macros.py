"""mkdocs-macros entry point: the hand-written pages in docs/ show live figures and texts from the catalog
(counts, a document's or measure's title and link, a citation, a body's duties, the amending decrees) instead of
copies that would go stale. Every value is escaped for HTML and for Markdown, so data is never read as either."""
from __future__ import annotations

import re

from markupsafe import escape

from planreader import ids
from planreader.citation import cite_measure
from planreader.build_date import build_date
from planreader.i18n import act_date, az_ordinal_suffix, long_date, translator
from planreader.site import catalog_cache, jinja_sandbox
from planreader.site.documents_nav import newest_first

# The characters Python-Markdown lets a backslash escape; '<', '>' and '&' are already entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def inline(text: str) -> str:
    """Data text for a Markdown page: shown literally, whatever it holds."""
    # Markdown escapes first: the HTML entities added after them ("&#39;") must stay whole.
    return str(escape(_MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))))


def define_env(env):
    cat = catalog_cache.get()
    lang = env.conf["theme"]["language"]
    _ = translator(lang)
    env.variables["counts"] = {
        "documents": len(cat.documents),
        "measures": len(cat.measures),
        "bodies": len(cat.bodies),
        "abbreviations": len(cat.abbreviations),
    }

    def href(target: str) -> str:
        return ids.relative(env.page.url, target)

    @env.macro
    def document_link(doc_id: str) -> str:
        """The document's full title linked to its page, and the act that approved it."""
        doc = cat.documents[doc_id]
        act = f"{_('Law') if doc.kind == 'law' else _('Order')} № {doc.number}, {act_date(doc.date, lang)}"
        return f'<a href="{escape(href(ids.document(doc_id)))}">{inline(doc.approves.in_lang(lang))}</a> — {inline(act)}'

    @env.macro
    def document_list() -> str:
        """Every document of the catalog, newest first, as a Markdown list of document_link()s."""
        return "\n".join(f"- {document_link(d.id)}" for d in newest_first(cat))

    @env.macro
    def document_files(folder: str, *exts: str) -> str:
        """Links to each document's open-data files: document_files("akn", "az.xml", "en.xml")."""
        def link(doc_id: str, ext: str, first: bool) -> str:
            name = f"{folder}/{doc_id}.{ext}"
            # open data lives beside the language roots: /data/…, one level above /az/ and /en/
            return f'<a href="{escape(href("") + "../data/" + name)}">{escape(name if first else "." + ext)}</a>'
        return "; ".join(", ".join(link(d.id, e, i == 0) for i, e in enumerate(exts)) for d in newest_first(cat))

    @env.macro
    def measure_link(doc_id: str, num: str) -> str:
        pm = cat.measure(doc_id, num)
        return f'<a href="{escape(href(ids.measure(doc_id, num)))}">{inline(_("Measure") + " " + num)}</a>: ' \
               f"{inline(pm.measure.text.in_lang(lang))}"

    @env.macro
    def citation(doc_id: str, num: str) -> str:
        pm = cat.measure(doc_id, num)
        link = ids.Permalink(doc_id, num, lang=lang).path
        return f"{inline(cite_measure(pm, cat.documents[doc_id], lang))} {inline(_('Available at'))}: …/{inline(link)}"

    @env.macro
    def body_duties(body_id: str) -> str:
        """"Ministry of Internal Affairs: executes 43, …" linked to the body's page."""
        b = cat.bodies[body_id]
        roles = {"executes": _("Executes"), "involved": _("To be involved in"), "participates": _("Recommended to take part in")}
        counts = ", ".join(f"{roles[r]} {len(pms)}" for r, pms in cat.roles_of(body_id).items() if pms)
        return f'<a href="{escape(href(ids.body(body_id)))}">{inline(b.name.in_lang(lang))}</a>: {inline(counts)}'

    @env.macro
    def document_status() -> str:
        """A section per document, newest first, from its data: the approving act, the amendments, whether its
        term has ended, what its source lacks, and its repairs page; so an imported plan has its section too."""
        out = []
        for doc in newest_first(cat):
            kind = _("Law") if doc.kind == "law" else _("Order")
            lines = [f"## {inline(doc.short_title.in_lang(lang))} {{#{doc.id}}}", "",
                     inline(_("Approved by {kind} No. {number} of the {issuer} of {date}.").format(
                         kind=kind, number=doc.number, issuer=doc.issuer.in_lang(lang), date=act_date(doc.date, lang)))]
            if doc.amendments:
                lines.append(inline(_("The text is given as amended by the decrees of {dates}. Body names the "
                                      "amendments introduced are marked on the measure pages; the wording before the "
                                      "amendments is not in the source and is not shown.").format(
                    dates=", ".join(long_date(a.date, lang) + (f" (№ {a.number})" if a.number else "")
                                    for a in doc.amendments))))
            ends = [pm.measure.deadline.end for pm in cat.measures_of(doc.id) if pm.measure.deadline.end]
            if ends and max(ends) < build_date().year:
                year = f"{max(ends)}{az_ordinal_suffix(max(ends))}" if lang == "az" else str(max(ends))
                lines.append(inline(_("The plan's term ended in {year}; the site presents it as a historical and "
                                      "legal document.").format(year=year)))
            if not doc.source.complete and doc.source.note:
                incomplete = _("Incomplete text")
                lines += ["", f'!!! warning "{inline(incomplete)}"',
                          f"    {inline(doc.source.note.in_lang(lang))}"]
            repairs = _("Repairs of the source text")  # outside the f-string, where pybabel finds it
            lines += ["", f'<a href="{escape(href(ids.repairs(doc.id)))}">{inline(repairs)}</a>', ""]
            out.append("\n".join(lines))
        return "\n".join(out)

    @env.macro
    def amendments(doc_id: str) -> str:
        """The amending decrees as a sentence's list: "16 August 2016, 7 September 2016 (№ 1033), …"."""
        doc = cat.documents[doc_id]
        return inline(", ".join(long_date(a.date, lang) + (f" (№ {a.number})" if a.number else "") for a in doc.amendments))


def on_pre_page_macros(env):
    """Before each page renders: the plugin's environment is Jinja's sandbox (see jinja_sandbox)."""
    jinja_sandbox.sandbox(env)
