"""Where the documents cite an instrument of data/instruments.yml, found by its forms, and the checks on them:
every declared form occurs, and every likely citation in the text («…» title followed by Qanunu, Konvensiyası …)
is covered by a record, so a newly imported plan cannot silently miss one."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from planreader.data.errors import DataError
from planreader.data.model import Instrument
from planreader.data.yamlfile import Parsed


@dataclass(frozen=True)
class Citation:
    instrument: str
    document: str
    unit: str  # the unit id ("nap-2014-2018:p-3-1:text"): the pinpoint
    page: str  # path of the page showing the unit, with its anchor
    number: str | None  # the unit's number (a measure "13.1.2", a sub-item "1.2 a"), where it has one
    text: str  # the Azerbaijani sentence the citation stands in
    start: int
    end: int
    # The same citation in the unit's English, where the unit is translated and names the instrument by one of
    # its English wordings (english_forms); None otherwise (the terminology check reports a translated miss).
    en_text: str | None = None
    en_start: int | None = None
    en_end: int | None = None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): a unit often holds several, and a reader needs only the one that cites."""
    left = max((m.end() for m in re.finditer(r"[.;:]\s+(?=[«\"A-ZƏÖÜÇŞĞİ0-9])", text[:start + 1])
                if m.end() <= start), default=0)
    right = re.search(r"[.;](\s|$)", text[end:])
    return text[left: end + right.end() if right else len(text)].strip()


def english_forms(ins: Instrument) -> list[str]:
    """The wordings the English translation may cite `ins` by: its English title, short title and en_forms."""
    return [w for w in (ins.title.en, ins.short.en if ins.short else None, *ins.en_forms) if w]


def _first(text: str, forms: Iterable[str]) -> tuple[int, int] | None:
    hits = [(i, i + len(f)) for f in forms if (i := text.find(f)) >= 0]
    return min(hits) if hits else None


def find_citations(instruments: Iterable[Instrument], units: Iterable) -> list[Citation]:
    """Every (instrument, unit) where one of the instrument's forms stands in the unit's Azerbaijani text, once per
    unit and instrument (at its first occurrence), in the units' order; with the English pinpoint where found."""
    instruments = list(instruments)
    out = []
    for u in units:
        text, english = u.text.az, u.text.en
        for ins in instruments:
            hit = _first(text, ins.forms)
            if hit is None:
                continue
            en = _first(english, english_forms(ins)) if english else None
            out.append(Citation(ins.id, u.document, u.id, u.page, u.number, _sentence(text, *hit), *hit,
                                en_text=_sentence(english, *en) if en else None,
                                en_start=en[0] if en else None, en_end=en[1] if en else None))
    return out


def english_mismatches(instruments: list[Instrument], citations: list[Citation], units: Iterable) -> list[str]:
    """Translated citing units whose English names the instrument by none of its English wordings, and en_forms
    that no citing unit's English holds: one located line each (the terminology check prints them)."""
    english = {u.id: u.text.en for u in units}
    wordings = {i.id: english_forms(i) for i in instruments}
    found = [f"data/instruments.yml: {c.instrument}: unit {c.unit} cites it, but its English names it by none of "
             f"{wordings[c.instrument]!r}; use one, or add the translation's wording to en_forms"
             for c in citations if c.en_text is None and english.get(c.unit)]
    cited_english = {}
    for c in citations:
        cited_english.setdefault(c.instrument, []).append(english.get(c.unit) or "")
    for i, ins in enumerate(instruments):
        for j, f in enumerate(ins.en_forms):
            if not any(f in t for t in cited_english.get(ins.id, [])):
                found.append(f"data/instruments.yml: instruments[{i}] ({ins.id}).en_forms[{j}]: {f!r} occurs in "
                             f"the English of no unit citing it; write it as the translation prints it")
    return found


def unused_forms(instruments: list[Instrument], units: Iterable) -> Iterator[tuple[int, int, str]]:
    """(record index, form index, form) of every form that no unit contains: a misspelt form finds nothing."""
    texts = [u.text.az for u in units]
    for i, ins in enumerate(instruments):
        for j, f in enumerate(ins.forms):
            if not any(f in t for t in texts):
                yield i, j, f


# Words that make a quoted title a citation of an instrument, in Azerbaijani and English (stems: the inflected
# forms Qanunundan, Konvensiyasının … begin with them).
KIND_WORDS = ("Qanun", "qanun", "Konvensiya", "Qaydalar", "Əsasnamə", "Proqram", "Fərman", "Sərəncam", "Qərar",
              "Plan", "Saziş", "Protokol", "Məcəllə", "Law", "Convention", "Rules", "Regulation", "Programme",
              "Decree", "Order", "Decision", "Plan", "Agreement", "Protocol", "Code")
_KIND = "|".join(sorted(set(KIND_WORDS), key=len, reverse=True))
# The issuer that may stand between the title and the kind word: «…» Azərbaycan Respublikasının Qanunu.
_ISSUER = r"(?:\s+(?:Azərbaycan|Respublikasının|Avropa|Şurası|BMT-nin|MDB-nin|the|Republic|of|Azerbaijan|Council|Europe|UN))*"
_QUOTED = re.compile(r"[«“\"]([^«»“”\"]{3,400}?)[»”\"]")
_AFTER = re.compile(r"\w*" + _ISSUER + r"\s+(?:" + _KIND + r")")
# A title that carries its kind in its own last words: «… Mexanizmi Qaydaları», «… Qaydaları (indikatorları)».
_ENDS_WITH_KIND = re.compile(r"(?:^|\s)(?:" + _KIND + r")\w{0,4}(?:\s+\S+)?$")


def likely_citations(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, quoted title) of each quoted title that reads as the citation of an instrument."""
    for m in _QUOTED.finditer(text):
        if _AFTER.match(text, m.end()) or _ENDS_WITH_KIND.search(m.group(1)):
            yield m.start(), m.end(), m.group(1)


def uncovered(units: Iterable, citations: list[Citation], own_titles: dict[str, list[str]]) -> Iterator[tuple]:
    """(unit, quoted title) of each likely citation no record's form covers. A document naming itself (its own
    title, the act it approves) is not a citation."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in citations:
        spans.setdefault(c.unit, []).append((c.start, c.end))
    for u in units:
        for start, end, title in likely_citations(u.text.az):
            if any(title in own for own in own_titles.get(u.document or "", [])):
                continue
            if not any(s < end and start < e for s, e in spans.get(u.id, [])):
                yield u, title


def check_citations(catalog, ifile: Parsed | None) -> list[DataError]:
    from planreader.data.units import document_citing_units

    instruments = list(catalog.instruments.values())
    units = list(document_citing_units(catalog))
    errors = []
    name = ifile.name if ifile else "data/instruments.yml"
    for i, j, f in unused_forms(instruments, units):
        loc = ("instruments", i, "forms", j)
        errors.append(ifile.error(loc, f"form {f!r} occurs in no document text; write it as the text prints it")
                      if ifile else DataError(name, f"form {f!r} occurs in no document text"))
    own = {d.id: [t.az for t in (d.title, d.approves, d.short_title) if t] for d in catalog.documents.values()}
    for u, title in uncovered(units, catalog.citations, own):
        errors.append(DataError(name, f"unit {u.id} cites «{title[:80]}», which no instrument's forms cover; add "
                                      f"a record (or a form) for it", None, None, "instruments"))
    return errors
