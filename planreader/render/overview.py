"""The overview page: what was due when, and who must do how much, as charts with text alternatives."""
from __future__ import annotations

from planreader import ids
from planreader.render import charts
from planreader.render.context import RenderContext
from planreader.render.page import Page, render


def overview_page(ctx: RenderContext) -> Page:
    title = ctx.gettext("Overview")
    return render(ctx, "overview.html", ids.overview(), title, search={"exclude": True},
                  title=title, timelines=charts.timelines(ctx), per_body=charts.per_body(ctx),
                  documents=list(ctx.catalog.documents.values()),
                  index=ids.relative(ids.overview(), ids.measures_index()), zip=zip)
