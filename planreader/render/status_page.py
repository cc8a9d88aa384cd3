"""The translation-status page: what `make status` prints, for translators who would rather read a page."""
from __future__ import annotations

from planreader import ids
from planreader.i18n import N_
from planreader.render.context import RenderContext
from planreader.render.page import Page, render
from planreader.translation.status import compute
from planreader.translation.terminology import misses


# The kinds of text unit (data.units.Unit.kind) as the coverage table names them.
KIND_LABELS = {"document": N_("Document details"), "paragraph": N_("Paragraphs"), "group": N_("Group headings"),
               "measure": N_("Measures"), "subitem": N_("Sub-items"), "executors": N_("Executors"),
               "deadline": N_("Deadlines"), "body": N_("Bodies"), "abbreviation": N_("Abbreviations"),
               "term": N_("Glossary")}


def status_page(ctx: RenderContext) -> Page:
    _ = ctx.gettext
    st = compute(ctx.catalog)
    found, stale_exc = misses(ctx.catalog)
    sections = [
        ("untranslated", _("Untranslated units"), [{"unit": u} for u in st.untranslated]),
        ("stale", _("Stale units: the Azerbaijani changed after the English"), [{"unit": u} for u in st.stale]),
        ("english-changed", _("Needs review: the English changed since it was reviewed"),
         [{"unit": u, "lang": "en"} for u in st.english_changed]),
        ("unreviewed", _("Translated units never recorded as reviewed"), [{"unit": u} for u in st.unreviewed]),
        ("translators-notes", _("Translators' notes"), [{"text": f"{where}: {note}"} for where, note in st.notes]),
        ("terminology", _("Terminology misses"), [{"text": str(m)} for m in found] + [{"text": s} for s in stale_exc]),
        ("unused-terms", _("Glossary concepts that occur in no text"), [{"term": t} for t in st.unused_terms]),
        ("candidates", _("Frequent phrases not in the glossary (candidates)"), [{"text": f"{g} ({n})"} for g, n in st.candidates]),
    ]
    title = _("Translation status")
    docs = ctx.catalog.documents
    coverage = [((docs[doc].short_title.in_lang(ctx.lang) if doc in docs else _("Registers and glossary"),
                  _(KIND_LABELS.get(kind, kind))), counts) for (doc, kind), counts in st.coverage.items()]
    return render(ctx, "status.html", ids.translation_status(), title, search={"exclude": True},
                  title=title, coverage=coverage, sections=sections)
