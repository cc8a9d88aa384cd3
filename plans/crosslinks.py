"""Cross-links in running text: mentions of bodies link to their pages; abbreviations get their expansion on hover."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import urls
from .catalog import Catalog
from .markdown import esc, pick
from .model import Text


class Linker:
    """Finds body mentions in a text of one language and renders the text as Markdown with links."""

    def __init__(self, cat: Catalog, lang: str):
        wordings: dict[str, str] = {}
        for b in cat.bodies.values():
            names = [pick(b.name, lang)[0]] + (list(b.forms) if lang == "az" else [])
            for w in names:
                # Category names ("yerli icra hakimiyyəti orqanları") are common phrases; link them too,
                # but only where they stand as written, never inside a longer word.
                if len(w) >= 4:
                    wordings.setdefault(w, b.id)
        ordered = sorted(wordings, key=len, reverse=True)
        self._targets = wordings
        self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)") if ordered else None

    def render(self, text: str, link: Callable[[str], str], skip: str | None = None) -> str:
        """Escaped Markdown of `text` with each mention linked via `link(body_id)`; `skip` is the page's own body."""
        if not self._pattern:
            return esc(text)
        out, pos = [], 0
        for m in self._pattern.finditer(text):
            body = self._targets[m.group(1)]
            if body == skip:
                continue
            out.append(esc(text[pos:m.start()]))
            out.append(f"[{esc(m.group(1))}]({link(body)})")
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)


@lru_cache(maxsize=8)
def linker(cat: Catalog, lang: str) -> Linker:
    return Linker(cat, lang)


def body_href(page_url: str) -> Callable[[str], str]:
    return lambda body_id: urls.md(page_url, urls.body(body_id))


def abbreviation_definitions(cat: Catalog, lang: str, markdown: str) -> list[str]:
    """Markdown `abbr` definitions for the abbreviations a page uses: their expansion shows on hover."""
    out = []
    for a in cat.abbreviations.values():
        short, expansion = pick(a.abbreviation, lang)[0], pick(a.expansion, lang)[0]
        if re.search(rf"(?<!\w){re.escape(esc(short))}(?!\w)", markdown):
            # abbr titles are plain attribute text; brackets and colons are safe there, newlines are not.
            out.append(f"*[{short}]: {' '.join(expansion.split())}")
    return out


def linked(cat: Catalog, text: Text | None, lang: str, page_url: str, pending: str, skip: str | None = None) -> str:
    """Like markdown.tx, with body mentions linked; untranslated text is linked in Azerbaijani."""
    if text is None:
        return ""
    value, used = pick(text, lang)
    rendered = linker(cat, used).render(value, body_href(page_url), skip)
    if used == lang:
        return rendered
    return f'<span lang="az">{rendered}</span> <span class="untranslated">({esc(pending)})</span>'
