"""The search page: the search box, filters by kind and document, and the result list (search.js fills it)."""
from __future__ import annotations

import json

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.i18n import translator
from planreader.render.markup import attr, front_matter, pick

KINDS = ("measure", "paragraph", "body", "abbreviation", "term", "document", "page")


def search_page(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    kinds = {"measure": _("Measure"), "paragraph": _("Paragraph"), "body": _("Body"), "abbreviation": _("Abbreviation"), "term": _("Term"),
             "document": _("Document"), "page": _("Page")}
    labels = {**kinds, "searching": _("Searching…"), "found": _("{n} results"), "none": _("Nothing found."),
              "error": _("Search failed:")}
    title = _("Search")
    base = ids.relative(ids.search(), "")
    every = _("all")
    kind_opts = "".join(f'<option value="{k}">{attr(kinds[k])}</option>' for k in KINDS)
    doc_opts = "".join(f'<option value="{d.id}">{attr(pick(d.short_title, lang)[0])}</option>' for d in cat.documents.values())
    hint = _("Type with or without Azerbaijani letters: isler finds İşlər. A measure number (13.2.9), an abbreviation or a body's name goes straight to its page.")
    return "\n".join([
        front_matter(title, search_exclude=True), "# " + title, "",
        f'<div class="search-page" data-search-page data-base="{attr(base)}" '
        f'data-labels="{attr(json.dumps(labels, ensure_ascii=False))}">',
        '<form role="search">',
        f'<label for="search-q">{attr(title)}</label>',
        '<input id="search-q" name="q" type="search" autocomplete="off" enterkeyhint="search">',
        '<div class="search-filters">',
        f'<label>{attr(_("Kind"))} <select name="kind"><option value="">{attr(every)}</option>{kind_opts}</select></label>',
        f'<label>{attr(_("Document"))} <select name="doc"><option value="">{attr(every)}</option>{doc_opts}</select></label>',
        "</div>", "</form>",
        f'<p class="search-hint">{attr(hint)}</p>',
        '<p data-search-status aria-live="polite"></p>',
        '<ol data-search-results></ol>',
        "</div>", ""])
