"""An instrument's page (title, kind, identity, every unit citing it with its sentence) and the index of instruments."""
from __future__ import annotations

from itertools import groupby

from planreader import ids
from planreader.i18n import N_
from planreader.render.body import by_letter
from planreader.render.context import RenderContext
from planreader.render.page import Page, render

KIND_LABELS = {
    "constitution": N_("Constitution"), "law": N_("Law"), "code": N_("Code"),
    "presidential-decree": N_("Presidential decree"), "presidential-order": N_("Presidential order"),
    "cabinet-decision": N_("Cabinet decision"), "rules": N_("Rules"), "regulation": N_("Regulation"),
    "state-programme": N_("State programme"), "action-plan": N_("Action plan"),
    "international-convention": N_("International convention"), "protocol": N_("Protocol"),
    "cis-agreement": N_("CIS agreement"), "cis-decision": N_("CIS decision"), "un-document": N_("UN document"),
}


def cited_by_document(ctx: RenderContext, instrument_id: str) -> list:
    """(document, [citation]) in the catalog's document order, citations in reading order."""
    cat = ctx.catalog
    rank = {d: i for i, d in enumerate(cat.documents)}
    cites = sorted(cat.citations_of(instrument_id), key=lambda c: rank[c.document])  # stable: keeps reading order
    return [(cat.documents[d], list(cs)) for d, cs in groupby(cites, key=lambda c: c.document)]


def instrument_page(ctx: RenderContext, instrument_id: str) -> Page:
    ins = ctx.catalog.instruments[instrument_id]
    title = ctx.plain(ins.title)
    grouped = cited_by_document(ctx, instrument_id)
    return render(ctx, "instrument.html", ids.instrument(instrument_id), title, search={"kind": "instrument"},
                  ins=ins, title=title, kind_label=ctx.gettext(KIND_LABELS[ins.kind]), grouped=grouped,
                  count=sum(len(cs) for _, cs in grouped))


def instruments_index(ctx: RenderContext) -> Page:
    cat, title = ctx.catalog, ctx.gettext("Instruments cited")
    entries = [(ins, len(cat.citations_of(ins.id))) for ins in cat.instruments.values()]
    return render(ctx, "instruments_index.html", ids.instruments_index(), title, search={"exclude": True},
                  title=title, letters=by_letter(ctx, entries, lambda e: ctx.plain(e[0].title).lstrip("«\"“")),
                  kind_labels={k: ctx.gettext(v) for k, v in KIND_LABELS.items()})
