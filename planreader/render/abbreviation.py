"""An abbreviation's page (its expansion and the body it names) and the index of abbreviations."""
from __future__ import annotations

from planreader import ids
from planreader.azerbaijani import sort_key
from planreader.render.body import grouped_by_place
from planreader.render.context import RenderContext
from planreader.render.page import Page, render


def abbreviation_page(ctx: RenderContext, abbr_id: str) -> Page:
    a = ctx.catalog.abbreviations[abbr_id]
    short = ctx.plain(a.abbreviation)
    executes = ctx.catalog.roles_of(a.body)["executes"] if a.body else []
    role = ctx.gettext("Executes")
    return render(ctx, "abbreviation.html", ids.abbreviation(abbr_id), f"{short} — {ctx.plain(a.expansion)}",
                  search={"kind": "abbreviation"}, a=a, title=short, count=len(executes),
                  grouped=grouped_by_place(ctx, [(pm, role) for pm in executes]))


def abbreviations_index(ctx: RenderContext) -> Page:
    title = ctx.gettext("Abbreviations")
    ordered = sorted(ctx.catalog.abbreviations.values(), key=lambda a: sort_key(ctx.plain(a.abbreviation), ctx.lang))
    return render(ctx, "abbreviations_index.html", ids.abbreviations_index(), title, search={"exclude": True},
                  title=title, abbreviations=ordered)
