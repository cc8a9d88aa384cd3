"""Pages for single records: a measure, a body, an abbreviation, and the indexes that list them."""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import Catalog, PlanMeasure, anchor_for_group, anchor_for_measure
from planreader.citation import cite_measure, measure_json_ld
from planreader.azerbaijani import initial, sort_key
from planreader.render.links import abbreviation_definitions
from planreader.i18n import N_, long_date, translator
from planreader.render.markup import esc, front_matter, pick, raw_html, tx
from planreader.render.markup import attr as h
from planreader.render.document import measure_block, notices

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
    return f"[{esc(name)}]({ids.md(page_url, ids.body(body_id))})"


def measure_title(pm: PlanMeasure, lang: str) -> str:
    _ = translator(lang)
    return _("Measure") + f" {pm.num}"


def facts_table(facts: list[tuple[str, str]], lang: str) -> list[str]:
    _ = translator(lang)
    field, value = _("Field"), _("Value")
    return [f"| {field} | {value} |", "|---|---|"] + [f"| {k} | {v} |" for k, v in facts] + [""]


def measure_page(cat: Catalog, pm: PlanMeasure, lang: str) -> str:
    _ = translator(lang)
    url = ids.measure(pm.document, pm.num)
    doc = cat.documents[pm.document]
    m = pm.measure
    doc_title = pick(doc.short_title, lang)[0]
    title = measure_title(pm, lang)
    out = [front_matter(f"{title} — {doc_title}", pick(m.text, lang)[0][:160], search_kind="measure",
                       search_document=pm.document), f"# {esc(title)}", ""]
    out += [f"[{esc(doc_title)}]({ids.md(url, ids.document(doc.id))}) › "
            f"{esc(pm.group.num)}. {tx(pm.group.title, lang, _('not yet translated'))}", "{: .breadcrumbs }", ""]
    out += notices(doc, lang)[:3] if lang == "en" else []
    out += measure_block(cat, pm, lang, url, heading=False, facts=False, seen=set())
    facts = [(_("Executors"), ", ".join(_body_link(cat, b, lang, url) for b in m.executors))]
    if m.involving:
        facts.append((_("Involving"), ", ".join(_body_link(cat, b, lang, url) for b in m.involving)))
    if pm.participants:
        facts.append((_("Recommended to take part"), ", ".join(_body_link(cat, b, lang, url) for b in pm.participants)))
    deadline = tx(m.deadline.text, lang, _("not yet translated"))
    if m.deadline.regular:
        deadline += " (" + _("no end year") + ")"
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
        nav.append(f"[← {esc(prev.num)}]({ids.md(url, ids.measure(prev.document, prev.num))})")
    in_full = _("In the full text")
    nav.append(f"[{in_full}]({ids.md(url, ids.document(doc.id) + '#' + anchor_for_measure(m.num))})")
    if nxt:
        nav.append(f"[{esc(nxt.num)} →]({ids.md(url, ids.measure(nxt.document, nxt.num))})")
    out += [" · ".join(nav), "{: .measure-nav }", ""]
    out += cite_box(cite_measure(pm, doc, lang), ids.relative(url, "../" + ids.short_link(pm.document, pm.num)), lang)
    out += [measure_json_ld(cat, pm, lang), ""]
    text = "\n".join(out)
    return "\n".join([text, ""] + abbreviation_definitions(cat, lang, text))


def cite_box(citation: str, permalink: str, lang: str) -> list[str]:
    """A citation in the page's language and a permanent link, each with a copy button (reader.js)."""
    _ = translator(lang)
    cite, copy, link, copy_link, available = (_("Cite"), _("Copy citation"), _("Permanent link"), _("Copy link"),
                                              _("Available at"))
    shown = permalink.lstrip("./")
    return [
        '<section class="cite-box" aria-labelledby="cite">',
        f'<h2 id="cite">{h(cite)}</h2>',
        f'<p id="cite-text">{h(citation)} {h(available)}: <span data-permalink="{h(permalink)}">/{h(shown)}</span></p>',
        f'<p><button type="button" class="md-button" data-copy="cite-text">{h(copy)}</button></p>',
        f'<p><label for="permalink">{h(link)}</label> <input id="permalink" readonly data-permalink="{h(permalink)}" '
        f'value="/{h(shown)}"> <button type="button" class="md-button" data-copy="permalink">{h(copy_link)}</button></p>',
        "</section>", ""]


def body_page(cat: Catalog, body_id: str, lang: str) -> str:
    _ = translator(lang)
    url = ids.body(body_id)
    b = cat.bodies[body_id]
    name = pick(b.name, lang)[0]
    out = [front_matter(name, search_kind="body"), f"# {esc(name)}", ""]
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
    summary = [f"**{titles[role]}** ({len(pms)})" for role, pms in roles.items() if pms]
    out += [" · ".join(summary) or _("The plans name this body, but assign it no measure."), ""]
    tagged = [(pm, titles[role]) for role, pms in roles.items() for pm in pms]
    out += measure_list_html(cat, tagged, lang, url) + [""]
    return "\n".join(out)


def measure_list_html(cat: Catalog, tagged: list[tuple[PlanMeasure, str]], lang: str, page_url: str) -> list[str]:
    """Measures grouped by document and section, each with its role, as one raw HTML block: lists on body and
    abbreviation pages grow with the corpus, and raw HTML costs MkDocs nothing to convert."""
    out = ["<div data-pagefind-ignore>"]  # repeated measure texts stay out of the search index
    order = {(pm.document, pm.num): i for i, pm in enumerate(cat.measures)}
    tagged = sorted(tagged, key=lambda t: order[(t[0].document, t[0].num)])
    doc = group = None
    for pm, role in tagged:
        if pm.document != doc:
            if group is not None:
                out.append("</ul>")
            doc, group = pm.document, None
            out.append(f'<h3 id="{doc}">{h(pick(cat.documents[doc].short_title, lang)[0])}</h3>')
        if pm.group is not group:
            if group is not None:
                out.append("</ul>")
            group = pm.group
            out += [f"<h4>{h(group.num)}. {h(pick(group.title, lang)[0])}</h4>", '<ul class="measure-list">']
        text, used = pick(pm.measure.text, lang)
        lang_attr = f' lang="{used}"' if used != lang else ""
        out.append(f'<li><a href="{h(ids.relative(page_url, ids.measure(pm.document, pm.num)))}">{h(pm.num)}</a> '
                   f'<span{lang_attr}>{h(text)}</span> <span class="role">{h(role)}</span></li>')
    if group is not None:
        out.append("</ul>")
    return raw_html(out + ["</div>"])


def bodies_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = ids.bodies_index()
    out = [front_matter(_("Bodies"), search_exclude=True), "# " + _("Bodies"), ""]
    letter = None
    for b in sorted(cat.bodies.values(), key=lambda b: sort_key(pick(b.name, lang)[0], lang)):
        name = pick(b.name, lang)[0]
        first = initial(name, lang)
        if first != letter:
            letter = first
            out += ["", f"## {esc(letter)}", ""]
        n = sum(len(v) for v in cat.roles_of(b.id).values())
        out.append(f"- [{esc(name)}]({ids.md(url, ids.body(b.id))}) ({n})")
    return "\n".join(out + [""])


def measures_index(cat: Catalog, lang: str) -> str:
    """Every measure of every plan, filterable by document, group, body and deadline year in the browser."""
    _ = translator(lang)
    url = ids.measures_index()
    out = [front_matter(_("Measures"), search_exclude=True), "# " + _("Measures"), ""]
    out += _measure_filter_form(cat, lang)
    html: list[str] = []
    for doc in cat.documents.values():
        html += [f'<section data-measure-group id="{doc.id}">', f"<h2>{h(pick(doc.short_title, lang)[0])}</h2>"]
        group = None
        for pm in cat.measures_of(doc.id):
            if pm.group is not group:
                if group is not None:
                    html += ["</ul>", "</section>"]
                group = pm.group
                html += ["<section data-measure-group>",
                        f'<h3 id="{doc.id}-{anchor_for_group(group.id)}">{h(group.num)}. {h(pick(group.title, lang)[0])}</h3>',
                        '<ul class="measure-list">']
            m = pm.measure
            bodies = " ".join(dict.fromkeys(m.executors + m.involving + list(pm.participants)))
            due = "" if m.deadline.regular else str(m.deadline.end)
            text, used = pick(m.text, lang)
            lang_attr = f' lang="{used}"' if used != lang else ""
            html.append(
                f'<li data-measure data-doc="{doc.id}" data-group="{doc.id}:{group.id}" data-bodies="{h(bodies)}" '
                f'data-due="{due}" data-regular="{str(m.deadline.regular).lower()}">'
                f'<a href="{h(ids.relative(url, ids.measure(pm.document, pm.num)))}">{h(pm.num)}</a> '
                f'<span{lang_attr}>{h(text)}</span> <em>({h(pick(m.deadline.text, lang)[0])})</em></li>')
        html += ["</ul>", "</section>", "</section>"]
    return "\n".join(out + raw_html(html))


def _measure_filter_form(cat: Catalog, lang: str) -> list[str]:
    _ = translator(lang)
    def options(pairs):
        return "".join(f'<option value="{h(v)}">{h(label)}</option>' for v, label in pairs)
    docs = [(d.id, pick(d.short_title, lang)[0]) for d in cat.documents.values()]
    groups = [(f"{d}:{mf_g.id}", f"{mf_g.num}. {pick(mf_g.title, lang)[0]}")
              for d, mf in cat.measure_files.items() for mf_g in mf.groups]
    with_measures = [b for b in cat.bodies.values() if any(cat.roles_of(b.id).values())]
    bodies = [(b.id, pick(b.name, lang)[0]) for b in sorted(with_measures, key=lambda b: sort_key(pick(b.name, lang)[0], lang))]
    years = sorted({pm.measure.deadline.end for pm in cat.measures if pm.measure.deadline.end})
    year_opts = [(str(y), str(y)) for y in years] + [("regular", _("on a regular basis"))]
    every = _("all")
    fields = [("doc", _("Document"), docs), ("group", _("Section"), groups), ("body", _("Body"), bodies),
              ("year", _("Deadline year"), year_opts)]
    out = ['<form class="measure-filter" data-measure-filter>']
    for name, label, pairs in fields:
        out.append(f'<label>{h(label)} <select name="{name}"><option value="">{h(every)}</option>{options(pairs)}</select></label>')
    out += [f'<button type="reset" class="md-button">{h(_("Clear filters"))}</button>',
            f'<p aria-live="polite">{h(_("Measures shown"))}: <strong data-filter-count>{len(cat.measures)}</strong></p>',
            "</form>", ""]
    return out


def abbreviation_page(cat: Catalog, abbr_id: str, lang: str) -> str:
    _ = translator(lang)
    url = ids.abbreviation(abbr_id)
    a = cat.abbreviations[abbr_id]
    short = pick(a.abbreviation, lang)[0]
    out = [front_matter(f"{short} — {pick(a.expansion, lang)[0]}", search_kind="abbreviation"), f"# {esc(short)}", ""]
    facts = [(_("Expansion"), tx(a.expansion, lang))]
    if lang == "en":
        facts.append((_("Azerbaijani"), f'<span lang="az">{esc(a.abbreviation.az)} — {esc(a.expansion.az)}</span>'))
    if a.body:
        facts.append((_("Body"), _body_link(cat, a.body, lang, url)))
    out += facts_table(facts, lang)
    used = [pm for pm in cat.measures if a.body and a.body in pm.measure.executors]
    if used:
        out += ["## " + _("Measures") + f" ({len(used)})", ""]
        out += measure_list_html(cat, [(pm, _("Executes")) for pm in used], lang, url) + [""]
    return "\n".join(out)


def abbreviations_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = ids.abbreviations_index()
    out = [front_matter(_("Abbreviations"), search_exclude=True), "# " + _("Abbreviations"), ""]
    for a in sorted(cat.abbreviations.values(), key=lambda a: sort_key(pick(a.abbreviation, lang)[0], lang)):
        out.append(f"- [{esc(pick(a.abbreviation, lang)[0])}]({ids.md(url, ids.abbreviation(a.id))}) — "
                   f"{esc(pick(a.expansion, lang)[0])}")
    return "\n".join(out + [""])
