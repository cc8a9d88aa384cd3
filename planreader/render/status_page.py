"""The translation-status page: what `make status` prints, for translators who would rather read a page."""
from __future__ import annotations

from planreader import ids
from planreader.render.context import RenderContext
from planreader.render.page import Page, render
from planreader.translation.status import compute
from planreader.translation.terminology import misses


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
    return render(ctx, "status.html", ids.translation_status(), title, search={"exclude": True},
                  title=title, coverage=list(st.coverage.items()), sections=sections)
