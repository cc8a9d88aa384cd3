"""A body's page (names, succession, every measure it must carry out) and the alphabetical index of bodies."""
from __future__ import annotations

from itertools import groupby

from planreader import ids
from planreader.azerbaijani import initial, sort_key
from planreader.data.catalog import PlanMeasure
from planreader.data.model import Document, Group
from planreader.i18n import N_
from planreader.render.context import RenderContext
from planreader.render.page import Page, render

KIND_LABELS = {
    "state": N_("State"), "parliament": N_("Parliament"), "head-of-state": N_("Head of state"), "government": N_("Government"),
    "ministry": N_("Ministry"), "state-committee": N_("State committee"), "service": N_("State service"), "agency": N_("Agency"),
    "court": N_("Court"), "prosecution": N_("Prosecution service"), "ombudsman": N_("Ombudsman"), "coordinator": N_("Coordinator"),
    "local-authorities": N_("Local authorities"), "category": N_("Group of bodies"), "ngo": N_("Non-governmental organisations"),
    "media": N_("Broadcaster"), "bar": N_("Bar association"), "council": N_("Council"),
    "international-organization": N_("International organisation"), "cis-body": N_("CIS body"),
}
ROLE_TITLES = {"executes": N_("Executes"), "involved": N_("To be involved in"),
               "participates": N_("Recommended to take part in")}

Grouped = list[tuple[Document, list[tuple[Group, list[tuple[PlanMeasure, str]]]]]]


def grouped_by_place(ctx: RenderContext, tagged: list[tuple[PlanMeasure, str]]) -> Grouped:
    """(measure, role) pairs in document order, grouped by document and then by group, for measure lists."""
    doc_rank = {d: i for i, d in enumerate(ctx.catalog.documents)}
    tagged = sorted(tagged, key=lambda t: (doc_rank[t[0].document], ctx.catalog.position(t[0])))
    out: Grouped = []
    for doc_id, in_doc in groupby(tagged, key=lambda t: t[0].document):
        groups = [(group, list(items)) for group, items in groupby(in_doc, key=lambda t: t[0].group)]
        out.append((ctx.catalog.documents[doc_id], groups))
    return out


def due_key(pm: PlanMeasure) -> tuple[int, int]:
    """The year the implementation period ends; measures on a regular basis (no end year) after all years."""
    d = pm.measure.deadline
    return (1, 0) if d.regular else (0, d.end or 0)


def duties_by_due(ctx: RenderContext, roles: dict[str, list[PlanMeasure]]):
    """Per document, the body's measures grouped by the year their period ends ("regular" last), with roles."""
    cat = ctx.catalog
    doc_rank = {d: i for i, d in enumerate(cat.documents)}
    duties = sorted(((pm, role) for role, pms in roles.items() for pm in pms),
                    key=lambda t: (doc_rank[t[0].document], due_key(t[0]), cat.position(t[0])))
    out = []
    for doc_id, in_doc in groupby(duties, key=lambda t: t[0].document):
        years = [(due, [(pm, role, ctx.gettext(ROLE_TITLES[role])) for pm, role in items])
                 for due, items in groupby(in_doc, key=lambda t: "regular" if t[0].measure.deadline.regular
                                           else str(t[0].measure.deadline.end))]
        out.append((ctx.catalog.documents[doc_id], years))
    return out


def body_page(ctx: RenderContext, body_id: str) -> Page:
    _ = ctx.gettext
    b = ctx.catalog.bodies[body_id]
    roles = ctx.catalog.roles_of(body_id)
    summary = [(_(ROLE_TITLES[role]), len(pms)) for role, pms in roles.items() if pms]
    title = ctx.plain(b.name)
    return render(ctx, "body.html", ids.body(body_id), title, search={"kind": "body"},
                  b=b, title=title, kind_label=KIND_LABELS[b.kind], total=sum(len(v) for v in roles.values()),
                  summary=summary, roles=[(role, _(ROLE_TITLES[role])) for role, pms in roles.items() if pms],
                  by_due=duties_by_due(ctx, roles))


def by_letter(ctx: RenderContext, items: list, name) -> list[tuple[str, list]]:
    """Items in the language's alphabetical order under their initial letters (Azerbaijani: Ə after E, İ after I)."""
    ordered = sorted(items, key=lambda x: sort_key(name(x), ctx.lang))
    return [(letter, list(group)) for letter, group in groupby(ordered, key=lambda x: initial(name(x), ctx.lang))]


def bodies_index(ctx: RenderContext) -> Page:
    _, cat = ctx.gettext, ctx.catalog
    with_measures, named = [], {}
    for b in cat.bodies.values():
        counts = [(_(ROLE_TITLES[role]), len(pms)) for role, pms in cat.roles_of(b.id).items() if pms]
        if counts:
            with_measures.append((b, counts))
        else:
            named.setdefault(b.kind, []).append(b)
    kinds = [(_(KIND_LABELS[k]), sorted(bs, key=lambda b: sort_key(ctx.plain(b.name), ctx.lang)))
             for k, bs in sorted(named.items(), key=lambda kv: list(KIND_LABELS).index(kv[0]))]
    title = _("Bodies")
    return render(ctx, "bodies_index.html", ids.bodies_index(), title, search={"exclude": True},
                  title=title, letters=by_letter(ctx, with_measures, lambda e: ctx.plain(e[0].name)),
                  with_count=len(with_measures), named=kinds, named_count=sum(len(bs) for bs in named.values()))
