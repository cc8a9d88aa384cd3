"""Pages for single records: a measure, a body, an abbreviation, and the indexes that list them."""
from __future__ import annotations

from . import urls
from .catalog import Catalog, PlanMeasure, anchor_for_measure
from .collation import initial, sort_key
from .i18n import N_, long_date, translator
from .markdown import esc, front_matter, pick, tx
from .render_document import measure_block, notices

KIND_LABELS = {
    "state": N_("State"), "parliament": N_("Parliament"), "head-of-state": N_("Head of state"), "government": N_("Government"),
    "ministry": N_("Ministry"), "state-committee": N_("State committee"), "service": N_("State service"), "agency": N_("Agency"),
    "court": N_("Court"), "prosecution": N_("Prosecution service"), "ombudsman": N_("Ombudsman"), "coordinator": N_("Coordinator"),
    "local-authorities": N_("Local authorities"), "category": N_("Group of bodies"), "ngo": N_("Non-governmental organisations"),
    "media": N_("Broadcaster"), "bar": N_("Bar association"), "council": N_("Council"),
    "international-organization": N_("International organisation"), "cis-body": N_("CIS body"),
}


def _body_link(cat: Catalog, body_id: str, lang: str, page_url: str) -> str:
    name = pick(cat.bodies[body_id].name, lang)[0]
    return f"[{esc(name)}]({urls.md(page_url, urls.body(body_id))})"


def measure_title(pm: PlanMeasure, lang: str) -> str:
    _ = translator(lang)
    return _("Measure") + f" {pm.num}"


def facts_table(facts: list[tuple[str, str]], lang: str) -> list[str]:
    _ = translator(lang)
    field, value = _("Field"), _("Value")
    return [f"| {field} | {value} |", "|---|---|"] + [f"| {k} | {v} |" for k, v in facts] + [""]


def measure_page(cat: Catalog, pm: PlanMeasure, lang: str) -> str:
    _ = translator(lang)
    url = urls.measure(pm.document, pm.num)
    doc = cat.documents[pm.document]
    m = pm.measure
    doc_title = pick(doc.short_title, lang)[0]
    title = measure_title(pm, lang)
    out = [front_matter(f"{title} — {doc_title}", pick(m.text, lang)[0][:160]), f"# {esc(title)}", ""]
    out += [f"[{esc(doc_title)}]({urls.md(url, urls.document(doc.id))}) › "
            f"{esc(pm.group.num)}. {tx(pm.group.title, lang, _('not yet translated'))}", "{: .breadcrumbs }", ""]
    out += notices(doc, lang)[:3] if lang == "en" else []
    out += measure_block(cat, pm, lang, url, heading=False, facts=False)
    facts = [(_("Executors"), ", ".join(_body_link(cat, b, lang, url) for b in m.executors))]
    if m.involving:
        facts.append((_("Involving"), ", ".join(_body_link(cat, b, lang, url) for b in m.involving)))
    if pm.participants:
        facts.append((_("Recommended to take part"), ", ".join(_body_link(cat, b, lang, url) for b in pm.participants)))
    deadline = tx(m.deadline.text, lang, _("not yet translated"))
    if m.deadline.regular:
        deadline += " (" + _("on a regular basis, no end year") + ")"
    facts.append((_("Deadline"), deadline))
    out += facts_table(facts, lang)
    if m.amended_executors:
        names = ", ".join(_body_link(cat, b, lang, url) for b in m.amended_executors)
        decrees = "; ".join(long_date(a.date, lang) + (f", № {a.number}" if a.number else "") for a in doc.amendments)
        marked = _("The source marks these names as text changed by the amending decrees")
        unknown = _("The wording before the amendment is not in the source, so it is not shown.")
        out += ['!!! note "' + _("Amended text") + '"', f"    {marked} ({esc(decrees)}): {names}. {unknown}", ""]
    prev, nxt = cat.neighbours(pm)
    nav = []
    if prev:
        nav.append(f"[← {esc(prev.num)}]({urls.md(url, urls.measure(prev.document, prev.num))})")
    in_full = _("In the full text")
    nav.append(f"[{in_full}]({urls.md(url, urls.document(doc.id) + '#' + anchor_for_measure(m.num))})")
    if nxt:
        nav.append(f"[{esc(nxt.num)} →]({urls.md(url, urls.measure(nxt.document, nxt.num))})")
    out += [" · ".join(nav), "{: .measure-nav }", ""]
    return "\n".join(out)


def body_page(cat: Catalog, body_id: str, lang: str) -> str:
    _ = translator(lang)
    url = urls.body(body_id)
    b = cat.bodies[body_id]
    name = pick(b.name, lang)[0]
    out = [front_matter(name), f"# {esc(name)}", ""]
    facts = [(_("Kind"), _(KIND_LABELS[b.kind]))]
    if lang == "en":
        facts.append((_("Azerbaijani name"), f'<span lang="az">{esc(b.name.az)}</span>'))
    if b.short:
        facts.append((_("Short form"), tx(b.short, lang)))
    if b.replaces:
        facts.append((_("Predecessor"), _body_link(cat, b.replaces.body, lang, url) + " — " + tx(b.replaces.basis, lang)))
    if b.replaced_by:
        facts.append((_("Successor"), _body_link(cat, b.replaced_by.body, lang, url) + " — " + tx(b.replaced_by.basis, lang)))
    if b.note:
        facts.append((_("Note"), tx(b.note, lang)))
    out += facts_table(facts, lang)
    roles = cat.roles_of(body_id)
    titles = {"executes": _("Executes"), "involved": _("To be involved in"), "participates": _("Recommended to take part in")}
    total = sum(len(v) for v in roles.values())
    out += ["## " + _("Measures") + f" ({total}) {{#measures}}", ""]
    if not total:
        out += [_("The plans name this body, but assign it no measure."), ""]
    for doc in cat.documents.values():
        rows = [(role, pm) for role, pms in roles.items() for pm in pms if pm.document == doc.id]
        if not rows:
            continue
        out += [f"### {esc(pick(doc.short_title, lang)[0])} {{#{doc.id}}}", ""]
        for role in titles:
            pms = [pm for r, pm in rows if r == role]
            if pms:
                out += [f"**{titles[role]}** ({len(pms)})", ""]
                for pm in pms:
                    text = esc(pick(pm.measure.text, lang)[0])
                    out.append(f"- [{esc(pm.num)}]({urls.md(url, urls.measure(pm.document, pm.num))}) {text}")
                out.append("")
    return "\n".join(out)


def bodies_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = urls.bodies_index()
    out = [front_matter(_("Bodies")), "# " + _("Bodies"), ""]
    letter = None
    for b in sorted(cat.bodies.values(), key=lambda b: sort_key(pick(b.name, lang)[0], lang)):
        name = pick(b.name, lang)[0]
        first = initial(name, lang)
        if first != letter:
            letter = first
            out += ["", f"## {esc(letter)}", ""]
        n = sum(len(v) for v in cat.roles_of(b.id).values())
        out.append(f"- [{esc(name)}]({urls.md(url, urls.body(b.id))}) ({n})")
    return "\n".join(out + [""])


def measures_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = urls.measures_index()
    out = [front_matter(_("Measures")), "# " + _("Measures"), ""]
    for doc in cat.documents.values():
        out += [f"## {esc(pick(doc.short_title, lang)[0])} {{#{doc.id}}}", ""]
        group = None
        for pm in cat.measures_of(doc.id):
            if pm.group is not group:
                group = pm.group
                out += ["", f"### {esc(group.num)}. {tx(group.title, lang, _('not yet translated'))}", ""]
            out.append(f"- [{esc(pm.num)}]({urls.md(url, urls.measure(pm.document, pm.num))}) "
                       f"{esc(pick(pm.measure.text, lang)[0])} — *{esc(pick(pm.measure.deadline.text, lang)[0])}*")
        out.append("")
    return "\n".join(out)


def abbreviation_page(cat: Catalog, abbr_id: str, lang: str) -> str:
    _ = translator(lang)
    url = urls.abbreviation(abbr_id)
    a = cat.abbreviations[abbr_id]
    short = pick(a.abbreviation, lang)[0]
    out = [front_matter(f"{short} — {pick(a.expansion, lang)[0]}"), f"# {esc(short)}", ""]
    facts = [(_("Expansion"), tx(a.expansion, lang))]
    if lang == "en":
        facts.append((_("Azerbaijani"), f'<span lang="az">{esc(a.abbreviation.az)} — {esc(a.expansion.az)}</span>'))
    if a.body:
        facts.append((_("Body"), _body_link(cat, a.body, lang, url)))
    out += facts_table(facts, lang)
    used = [pm for pm in cat.measures if a.body and a.body in pm.measure.executors]
    if used:
        out += ["## " + _("Measures") + f" ({len(used)})", ""]
        out += [f"- [{esc(pm.num)}]({urls.md(url, urls.measure(pm.document, pm.num))}) {esc(pick(pm.measure.text, lang)[0])}"
                for pm in used] + [""]
    return "\n".join(out)


def abbreviations_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = urls.abbreviations_index()
    out = [front_matter(_("Abbreviations")), "# " + _("Abbreviations"), ""]
    for a in sorted(cat.abbreviations.values(), key=lambda a: sort_key(pick(a.abbreviation, lang)[0], lang)):
        out.append(f"- [{esc(pick(a.abbreviation, lang)[0])}]({urls.md(url, urls.abbreviation(a.id))}) — "
                   f"{esc(pick(a.expansion, lang)[0])}")
    return "\n".join(out + [""])
