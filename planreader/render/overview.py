"""The overview page: what was due when, and who must do how much, as pictures with text alternatives."""
from __future__ import annotations

from planreader.render import charts
from planreader import ids
from planreader.data.catalog import Catalog
from planreader.i18n import translator
from planreader.render.markup import front_matter, raw_html


def overview_page(cat: Catalog, lang: str) -> str:
    _ = translator(lang)
    url = ids.overview()
    title = _("Overview")
    out = [front_matter(title, search_exclude=True), "# " + title, ""]
    out += ["## " + _("Measures by deadline year") + " {#timeline}", "",
            _("Each column counts the measures whose deadline ends that year; select a column to list them."), "",
            *raw_html([charts.timeline(cat, lang, url)])]
    out += charts.timeline_table(cat, lang)
    out += ["## " + _("Measures per body") + " {#per-body}", "",
            _("How many measures each body executes; select a body to see them all."), "",
            *raw_html([charts.per_body(cat, lang, url)])]
    return "\n".join(out)
