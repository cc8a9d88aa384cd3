"""Cross-links in running text: instruments, bodies and glossary terms link to their pages, abbreviations carry their
expansion."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from planreader.azerbaijani import az_lower
from planreader.data.catalog import Catalog


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # instrument | body | term | abbreviation | strong
    target: str  # instrument, body or term id, the abbreviation's expansion, or "" for strong


class Linker:
    """Finds mentions in a text of one language and renders it as HTML.

    Bodies are matched as written (their names are proper names) and linked at their first mention in a text;
    glossary terms case-insensitively, by the forms the glossary lists, at their first mention on a page only, so
    text stays readable; abbreviations as written, each occurrence with its expansion as a title.
    """

    def __init__(self, cat: Catalog, lang: str):
        self.lang = lang
        # Instruments by the forms the texts cite them in (Azerbaijani), or their English title and short title;
        # matched before bodies, as a citation's wording may hold a body's name («…» Avropa Şurası Konvensiyası).
        instruments: dict[str, str] = {}
        # Each instrument's own quoted name («İnsan alverinə qarşı mübarizə haqqında»), so that a joint citation
        # («A» və «B» … qanunları), which is a form of one instrument, links each name to its own instrument.
        self._quoted: dict[str, str] = {}
        titles_en = [ins.title.en for ins in cat.instruments.values() if ins.title.en]
        for ins in cat.instruments.values():
            # An English title that holds another instrument's ("…, supplementing the United Nations Convention
            # against …") would link both to one page: such an instrument links by its en_forms instead.
            words = (list(ins.forms) if lang == "az"
                     else [w for t in (ins.title, ins.short) if t and (w := t.en)
                           and not any(o != w and o in w for o in titles_en)] + list(ins.en_forms))
            for w in words:
                instruments.setdefault(w, ins.id)
            quoted = re.search(r"«[^«»]+»" if lang == "az" else r"“[^“”]+”", ins.title.az if lang == "az" else ins.title.en)
            if quoted:
                self._quoted.setdefault(quoted.group(), ins.id)
        self._instruments = instruments
        # No boundary after a form: the texts inflect the last word (Konvensiyasından, Qaydaları»nın).
        self._instrument_re = (re.compile("(" + "|".join(re.escape(w) for w in sorted(instruments, key=len, reverse=True))
                                          + ")") if instruments else None)
        bodies: dict[str, str] = {}
        for b in cat.bodies.values():
            for w in [b.name.en if lang == "en" and b.name.en else b.name.az] + (list(b.forms) if lang == "az" else []):
                if len(w) >= 4:  # never a bare short form: too many false hits
                    bodies.setdefault(w, b.id)
        self._bodies, self._body_re = bodies, _alternation(bodies)
        terms: dict[str, str] = {}
        for t in cat.glossary.values():
            side = t.az if lang == "az" else t.en
            for w in [side.term, *side.variants, *side.forms]:
                terms.setdefault(self._fold(w), t.id)
        self._terms, self._term_re = terms, _alternation(terms, plural=lang == "en")
        abbrs: dict[str, str] = {}
        for a in cat.abbreviations.values():
            short = a.abbreviation.en if lang == "en" and a.abbreviation.en else a.abbreviation.az
            expansion = a.expansion.en if lang == "en" and a.expansion.en else a.expansion.az
            abbrs.setdefault(short, " ".join(expansion.split()))
        self._abbrs, self._abbr_re = abbrs, _alternation(abbrs)

    def _citation_spans(self, start: int, cited: str) -> list[Span]:
        """The link(s) of one citation: the whole wording, or, where it quotes the names of several instruments
        (a joint citation), each quoted name to its own instrument."""
        names = [(m.start(), m.end(), self._quoted[m.group()]) for m in re.finditer(r"«[^«»]+»|“[^“”]+”", cited)
                 if m.group() in self._quoted]
        if len({target for _, _, target in names}) < 2:
            return [Span(start, start + len(cited), "instrument", self._instruments[cited])]
        return [Span(start + a, start + b, "instrument", target) for a, b, target in names]

    def _fold(self, text: str) -> str:
        return az_lower(text) if self.lang == "az" else text.lower()

    def spans(self, text: str, strong: Iterable[str] = ()) -> list[Span]:
        """Every mention, longest and earliest first where they overlap."""
        found: list[Span] = []

        def free(start: int, end: int) -> bool:
            return not any(s.start < end and start < s.end for s in found)

        for phrase in strong:
            i = text.find(phrase)
            if phrase and i >= 0:
                found.append(Span(i, i + len(phrase), "strong", ""))
        if self._instrument_re:
            for m in self._instrument_re.finditer(text):
                if free(m.start(), m.end()):
                    found += self._citation_spans(m.start(), m.group(1))
        if self._body_re:
            for m in self._body_re.finditer(text):
                if free(m.start(), m.end()):
                    found.append(Span(m.start(), m.end(), "body", self._bodies[m.group(1)]))
        if self._term_re:
            folded = self._fold(text)  # same length as text: both foldings map one character to one
            for m in self._term_re.finditer(folded):
                key = m.group(1)
                term = self._terms.get(key) or self._terms.get(re.sub(r"(?:es|s)$", "", key))
                if term and free(m.start(), m.end()):
                    found.append(Span(m.start(), m.end(), "term", term))
        if self._abbr_re:
            for m in self._abbr_re.finditer(text):
                if free(m.start(), m.end()):
                    found.append(Span(m.start(), m.end(), "abbreviation", self._abbrs[m.group(1)]))
        return sorted(found, key=lambda s: s.start)

    def render(self, text: str, href: Callable[[str, str], str], skip: str | None = None,
               seen_terms: set[str] | None = None, strong: Iterable[str] = ()) -> Markup:
        """`text` as HTML: every piece escaped, mentions linked via `href(kind, id)`.

        `skip` is the page's own record; `seen_terms` collects the terms already linked on this page."""
        out: list[Markup] = []
        pos = 0
        bodies_linked: set[str] = set()
        for s in self.spans(text, strong):
            piece = text[s.start:s.end]
            if s.kind == "strong":
                html = Markup("<strong>{}</strong>").format(self.render(piece, href, skip, seen_terms))
            elif s.kind == "abbreviation":
                html = Markup('<abbr title="{}">{}</abbr>').format(s.target, piece)
            elif s.target == skip or (s.kind in ("body", "instrument") and s.target in bodies_linked) or (
                    s.kind == "term" and seen_terms is not None and s.target in seen_terms):
                continue
            else:
                (bodies_linked if s.kind in ("body", "instrument") else seen_terms if seen_terms is not None else set()).add(s.target)
                html = Markup('<a href="{}">{}</a>').format(href(s.kind, s.target), self._abbreviations(piece))
            out += [escape(text[pos:s.start]), html]
            pos = s.end
        out.append(escape(text[pos:]))
        return Markup("").join(out)

    def _abbreviations(self, text: str) -> Markup:
        """`text` escaped, with its abbreviations marked (inside the text of a link)."""
        if not self._abbr_re:
            return escape(text)
        out, pos = [], 0
        for m in self._abbr_re.finditer(text):
            out += [escape(text[pos:m.start()]), Markup('<abbr title="{}">{}</abbr>').format(self._abbrs[m.group(1)], m.group(1))]
            pos = m.end()
        return Markup("").join(out + [escape(text[pos:])])


def _alternation(words: dict[str, str], plural: bool = False) -> re.Pattern[str] | None:
    if not words:
        return None
    suffix = r"(?:s|es)?" if plural else ""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)((?:{alts}){suffix})(?!\w)")
