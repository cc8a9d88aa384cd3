"""One render context per language: the language, its interface strings, the text picker, dates and links.

Renderers receive it instead of a `lang` argument; templates see it as `ctx`. Every piece of data text that reaches
HTML goes through `text`, `linked` or the templates' autoescaping, never through an f-string.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup, escape

from planreader import ids, i18n
from planreader.data.catalog import Catalog
from planreader.data.model import Text
from planreader.render.links import Linker


@dataclass(frozen=True, eq=False)
class RenderContext:
    catalog: Catalog
    lang: str
    site_root: str = "/"  # the site's address (absolute in a build: sitemaps, ELI and canonical links use it)
    today: dt.date = field(default_factory=dt.date.today)  # the build's date (SOURCE_DATE_EPOCH in a build)
    gettext: Callable[[str], str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gettext", i18n.translator(self.lang))

    @property
    def other_lang(self) -> str:
        return "en" if self.lang == "az" else "az"

    # --- text from the data ------------------------------------------------------------------------------
    def pick(self, text: Text) -> tuple[str, str]:
        """The text in this language, or the Azerbaijani when no translation exists yet, and the language used."""
        used = text.lang_used(self.lang)
        return text.in_lang(used), used

    def plain(self, text: Text | None) -> str:
        """The text as a plain string (for titles and attributes, which the templates escape)."""
        return "" if text is None else self.pick(text)[0]

    def text(self, text: Text | None, pending: bool = True) -> Markup:
        """Escaped inline text; untranslated text is marked lang="az" (and, if `pending`, said to be untranslated)."""
        if text is None:
            return Markup("")
        value, used = self.pick(text)
        return self._mark(escape(value), used, pending)

    def linked(self, text: Text | None, page_url: str, seen_terms: set[str] | None = None, skip: str | None = None,
               strong: tuple[str, ...] | list[str] = ()) -> Markup:
        """Like `text`, with mentions of bodies, terms and abbreviations linked (see links.Linker)."""
        if text is None:
            return Markup("")
        value, used = self.pick(text)

        def href(kind: str, target: str) -> str:
            to = {"body": ids.body, "instrument": ids.instrument}.get(kind, ids.term)(target)
            return ids.relative(page_url, to)
        return self._mark(self._linkers[used].render(value, href, skip, seen_terms, strong), used, True)

    def _mark(self, html: Markup, used: str, pending: bool) -> Markup:
        if used == self.lang:
            return html
        note = Markup(' <span class="untranslated">({})</span>').format(self.gettext("not yet translated")) if pending else ""
        return Markup('<span lang="{}">{}</span>{}').format(used, html, note)

    @cached_property
    def _linkers(self) -> dict[str, Linker]:
        return {lang: Linker(self.catalog, lang) for lang in ids.LANGS}

    # --- dates --------------------------------------------------------------------------------------------
    def date(self, d: dt.date) -> str:
        return i18n.long_date(d, self.lang)

    def year(self, year: int | str) -> str:
        """A year as the interface strings use it: "2016" in English, "2016-cı" in Azerbaijani (the suffix agrees
        with the number read aloud), so "in {year}" reads "2016-cı ildə"."""
        return f"{year}{i18n.az_ordinal_suffix(int(year))}" if self.lang == "az" else str(year)

    def act_date(self, d: dt.date) -> str:
        return i18n.act_date(d, self.lang)
