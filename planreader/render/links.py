"""Cross-links in running text: mentions of bodies link to their pages; abbreviations get their expansion on hover."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.azerbaijani import az_lower
from planreader.render.markup import esc, pick
from planreader.data.model import Text


class Linker:
    """Finds mentions of bodies and glossary terms in a text of one language and renders it as Markdown with links.

    Bodies are matched as written (their names are proper names); glossary terms case-insensitively, by the
    forms the glossary lists. A term is linked at its first mention on a page only, so text stays readable.
    """

    def __init__(self, cat: Catalog, lang: str):
        self.lang = lang
        bodies: dict[str, str] = {}
        for b in cat.bodies.values():
            for w in [pick(b.name, lang)[0]] + (list(b.forms) if lang == "az" else []):
                if len(w) >= 4:  # never a bare short form: too many false hits
                    bodies.setdefault(w, b.id)
        self._bodies = bodies
        self._body_re = _alternation(bodies)
        terms: dict[str, str] = {}
        for t in cat.glossary.values():
            side = t.az if lang == "az" else t.en
            for w in [side.term, *side.variants, *side.forms]:
                terms.setdefault(az_lower(w) if lang == "az" else w.lower(), t.id)
        self._terms = terms
        self._term_re = _alternation(terms, plural=lang == "en")

    def _fold(self, text: str) -> str:
        return az_lower(text) if self.lang == "az" else text.lower()

    def render(self, text: str, link: Callable[[str, str], str], skip: str | None = None,
               seen: set[str] | None = None) -> str:
        """Escaped Markdown of `text` with mentions linked via `link(kind, id)` (kind: body or term).

        `skip` is the page's own record; `seen` collects terms already linked on this page."""
        spans: list[tuple[int, int, str, str]] = []
        if self._body_re:
            spans += [(m.start(), m.end(), "body", self._bodies[m.group(1)]) for m in self._body_re.finditer(text)]
        if self._term_re:
            folded = self._fold(text)  # same length as text: both foldings map one character to one
            for m in self._term_re.finditer(folded):
                key = m.group(1)
                term = self._terms.get(key) or self._terms.get(re.sub(r"(?:es|s)$", "", key))
                if term and not any(a < m.end() and m.start() < b for a, b, _, _ in spans):
                    spans.append((m.start(), m.end(), "term", term))
        out, pos = [], 0
        for start, end, kind, target in sorted(spans):
            if target == skip or start < pos or (kind == "term" and seen is not None and target in seen):
                continue
            if kind == "term" and seen is not None:
                seen.add(target)
            out.append(esc(text[pos:start]))
            out.append(f"[{esc(text[start:end])}]({link(kind, target)})")
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)


def _alternation(words: dict[str, str], plural: bool = False) -> re.Pattern[str] | None:
    if not words:
        return None
    suffix = r"(?:s|es)?" if plural else ""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)((?:{alts}){suffix})(?!\w)")


@lru_cache(maxsize=4)  # per catalog (hashed by identity) and language
def linker(cat: Catalog, lang: str) -> Linker:
    return Linker(cat, lang)


def href(page_url: str) -> Callable[[str, str], str]:
    return lambda kind, target: ids.md(page_url, ids.body(target) if kind == "body" else ids.term(target))


def abbreviation_definitions(cat: Catalog, lang: str, markdown: str) -> list[str]:
    """Markdown `abbr` definitions for the abbreviations a page uses: their expansion shows on hover."""
    out = []
    for a in cat.abbreviations.values():
        short, expansion = pick(a.abbreviation, lang)[0], pick(a.expansion, lang)[0]
        if re.search(rf"(?<!\w){re.escape(esc(short))}(?!\w)", markdown):
            # abbr titles are plain attribute text; brackets and colons are safe there, newlines are not.
            out.append(f"*[{short}]: {' '.join(expansion.split())}")
    return out


def linked(cat: Catalog, text: Text | None, lang: str, page_url: str, pending: str, skip: str | None = None,
           seen: set[str] | None = None) -> str:
    """Like markdown.tx, with mentions linked; untranslated text is linked in Azerbaijani."""
    if text is None:
        return ""
    value, used = pick(text, lang)
    rendered = linker(cat, used).render(value, href(page_url), skip, seen)
    if used == lang:
        return rendered
    return f'<span lang="az">{rendered}</span> <span class="untranslated">({esc(pending)})</span>'
