"""The translation-status page: what the command prints, for translators who would rather read a page."""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.i18n import translator
from planreader.render.markup import esc, front_matter
from planreader.translation.status import compute
from planreader.translation.terminology import misses


def status_page(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = ids.translation_status()
    st = compute(cat)
    found, stale_exc = misses(cat)
    title = _("Translation status")
    out = [front_matter(title, search_exclude=True), "# " + title, "",
           _("Built from the data with every build; the command python scripts/translation_status.py prints the same."), ""]
    doc_h, kind_h, done_h = _("Document"), _("Kind of text"), _("Translated")
    out += [f"| {doc_h} | {kind_h} | {done_h} |", "|---|---|---|"]
    out += [f"| {esc(doc)} | {esc(kind)} | {done} / {total} |" for (doc, kind), (done, total) in st.coverage.items()]
    out.append("")
    sections = [
        (_("Untranslated units"), [f"`{u.id}` — [{esc(u.text.az[:100])}]({ids.md(url, u.page)})" for u in st.untranslated]),
        (_("Stale units: the Azerbaijani changed after the English"),
         [f"`{u.id}` — [{esc(u.text.az[:100])}]({ids.md(url, u.page)})" for u in st.stale]),
        (_("Translated units never recorded as reviewed"),
         [f"`{u.id}` — [{esc(u.text.az[:100])}]({ids.md(url, u.page)})" for u in st.unreviewed]),
        (_("Terminology misses"), [esc(str(m)) for m in found] + [esc(s) for s in stale_exc]),
        (_("Glossary concepts that occur in no text"), [f"[{esc(t)}]({ids.md(url, ids.term(t))})" for t in st.unused_terms]),
        (_("Frequent phrases not in the glossary (candidates)"), [f"{esc(g)} ({n})" for g, n in st.candidates]),
    ]
    none = _("None.")
    for heading, items in sections:
        out += [f"## {heading} ({len(items)})", ""]
        out += [f"- {i}" for i in items[:300]] or [none]
        out.append("")
    return "\n".join(out)
