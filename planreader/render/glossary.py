"""Glossary pages: one per concept, the Azerbaijani→English and English→Azerbaijani glossaries, and their index."""
from __future__ import annotations

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.azerbaijani import initial, sort_key
from planreader.i18n import translator
from planreader.render.markup import esc, front_matter, pick, raw_html, tx
from planreader.render.markup import attr as h
from planreader.render.records import facts_table
from planreader.translation.terminology import occurrences

DIRECTIONS = ("az-en", "en-az")


def _term_link(cat: Catalog, term_id: str, lang: str, page_url: str) -> str:
    t = cat.glossary[term_id]
    return f"[{esc(t.az.term if lang == 'az' else t.en.term)}]({ids.md(page_url, ids.term(term_id))})"


def term_page(cat: Catalog, term_id: str, lang: str) -> str:
    _ = translator(lang)
    url = ids.term(term_id)
    t = cat.glossary[term_id]
    own, other = (t.az, t.en) if lang == "az" else (t.en, t.az)
    out = [front_matter(f"{own.term} — {other.term}", pick(t.definition, lang)[0], search_kind="term"), f"# {esc(own.term)}", ""]
    facts = [(_("Azerbaijani"), f'<span lang="az">{esc(t.az.term)}</span>'),
             (_("English"), f'<span lang="en">{esc(t.en.term)}</span>')]
    if t.az.variants:
        facts.append((_("Azerbaijani variants"), ", ".join(f'<span lang="az">{esc(v)}</span>' for v in t.az.variants)))
    if t.en.variants:
        facts.append((_("English variants"), ", ".join(f'<span lang="en">{esc(v)}</span>' for v in t.en.variants)))
    facts.append((_("Definition"), tx(t.definition, lang)))
    if t.source:
        facts.append((_("Source"), tx(t.source, lang)))
    if t.note:
        facts.append((_("Note for translators"), tx(t.note, lang)))
    if t.related:
        facts.append((_("Related terms"), ", ".join(_term_link(cat, r, lang, url) for r in t.related)))
    out += facts_table(facts, lang)
    found = occurrences(cat)[term_id]
    out += ["## " + _("Where it occurs") + f" ({len(found)}) {{#occurrences}}", ""]
    # One raw HTML block: the list grows with the corpus, and is kept out of the search index.
    html = ["<div data-pagefind-ignore>"]
    for doc in cat.documents.values():
        units = [u for u in found if u.document == doc.id]
        if not units:
            continue
        html += [f'<h3 id="{doc.id}">{h(pick(doc.short_title, lang)[0])}</h3>', "<ul>"]
        for u in units:
            anchor = u.id.split(":")[1]
            label = anchor.removeprefix("m-").removeprefix("p-").replace("-", ".") if anchor.startswith(("m-", "p-")) else anchor
            text = pick(u.text, lang)[0]
            short = text if len(text) <= 140 else text[:137] + "…"
            html.append(f'<li><a href="{h(ids.relative(url, u.page))}">{h(label)}</a> {h(short)}</li>')
        html.append("</ul>")
    return "\n".join(out + raw_html(html + ["</div>"]))


def glossary_list(cat: Catalog, direction: str, lang: str) -> str:
    """All concepts in the source language's alphabetical order, with letter headings."""
    _ = translator(lang)
    url = ids.glossary(direction)
    src, dst = direction.split("-")
    title = _("Azerbaijani–English glossary") if direction == "az-en" else _("English–Azerbaijani glossary")
    out = [front_matter(title, search_exclude=True), "# " + title, ""]
    other = "en-az" if direction == "az-en" else "az-en"
    other_title = _("English–Azerbaijani glossary") if direction == "az-en" else _("Azerbaijani–English glossary")
    out += [f"[{other_title}]({ids.md(url, ids.glossary(other))})", ""]
    letter = None
    for t in sorted(cat.glossary.values(), key=lambda t: sort_key(getattr(t, src).term, src)):
        head = getattr(t, src).term
        first = initial(head, src)
        if first != letter:
            letter = first
            out += ["", f"## {esc(letter)}", ""]
        out.append(f"- [{esc(head)}]({ids.md(url, ids.term(t.id))}) — "
                   f'<span lang="{dst}">{esc(getattr(t, dst).term)}</span>')
    return "\n".join(out + [""])


def glossary_index(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = ids.glossary_index()
    title = _("Glossary")
    out = [front_matter(title, search_exclude=True), "# " + title, "",
           _("The agreed terms of the texts, with definitions and the instruments they come from.") + f" ({len(cat.glossary)})", ""]
    az_en, en_az = _("Azerbaijani–English glossary"), _("English–Azerbaijani glossary")
    out += [f"- [{az_en}]({ids.md(url, ids.glossary('az-en'))})", f"- [{en_az}]({ids.md(url, ids.glossary('en-az'))})", ""]
    exports = _("Download for translation tools")
    out += [f"{exports}: "
            '<a href="../../data/glossary.tbx">TBX</a> · <a href="../../data/glossary.csv">CSV</a> · '
            '<a href="../../data/glossary.json">JSON</a>', ""]
    return "\n".join(out)
