"""The search page: the search box, filters by kind and document, and the result list (search.js fills it)."""
from __future__ import annotations

from planreader import ids
from planreader.i18n import N_
from planreader.render.context import RenderContext
from planreader.render.page import Page, render

KINDS = {"measure": N_("Measure"), "paragraph": N_("Paragraph"), "body": N_("Body"), "abbreviation": N_("Abbreviation"),
         "term": N_("Term"), "document": N_("Document"), "page": N_("Page")}


def search_page(ctx: RenderContext) -> Page:
    _ = ctx.gettext
    kinds = {k: _(label) for k, label in KINDS.items()}
    # The count in each CLDR plural category of the page's language (search.js picks one with Intl.PluralRules);
    # Azerbaijani has one form for both ("1 nəticə", "5 nəticə").
    labels = {**kinds, "searching": _("Searching…"), "found_one": _("{n} result"), "found_other": _("{n} results"),
              "partial_other": _("{n} more with only some of the words"),
              "only_one": _("{n} result with only some of the words"),
              "only_other": _("{n} results with only some of the words"), "missing": _("Does not contain: {words}"),
              "none": _("Nothing found."), "error": _("Search failed:"),
              "corrected": _("Showing results for {words}"), "typed": _("Search for {words} instead")}
    title = _("Search")
    return render(ctx, "search.html", ids.search(), title, search={"exclude": True},
                  title=title, kinds=list(kinds.items()), labels=labels, documents=list(ctx.catalog.documents.values()))
