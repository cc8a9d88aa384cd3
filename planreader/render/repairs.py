"""A document's repairs page: every fix of its source's extraction artefacts (data/repairs/), listed openly."""
from __future__ import annotations

from planreader import ids
from planreader.data.model import Document
from planreader.i18n import N_, fill
from planreader.render.context import RenderContext
from planreader.render.page import Page, render

KIND_LABELS = {
    "broken-word": N_("broken word"),
    "broken-number": N_("split number"),
    "artefact": N_("extraction artefact"),
    "markup": N_("markup taken out"),
}


def repairs_page(ctx: RenderContext, doc: Document) -> Page:
    _ = ctx.gettext
    title = fill(_("Repairs of the source text: {document}"), document=ctx.plain(doc.short_title))
    repair_file = ctx.catalog.repairs.get(doc.id)
    rows = repair_file.repairs if repair_file else []
    return render(ctx, "repairs.html", ids.repairs(doc.id), title, search={"exclude": True},
                  doc=doc, title=title, rows=rows, kinds={k: _(v) for k, v in KIND_LABELS.items()},
                  source=doc.source.file, total=sum(r.count for r in rows))
