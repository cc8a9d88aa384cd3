"""Finding glossary terms in text, and checking that each translation uses the agreed English term."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planreader.azerbaijani import az_lower
from planreader.data.model import Term


def _az_pattern(term: Term) -> re.Pattern[str]:
    return _az_compiled((term.az.term, *term.az.variants, *term.az.forms))


def _en_pattern(term: Term) -> re.Pattern[str]:
    return _en_compiled((term.en.term, *term.en.variants))


# Cached by the wordings themselves (so an edited term gets a new pattern): the site's pages ask for every term's
# pattern once per text unit, and building it (escaping every form) cost more than the search (~5 % of a build).
@lru_cache(maxsize=4096)
def _az_compiled(wordings: tuple[str, ...]) -> re.Pattern[str]:
    forms = {az_lower(f) for f in wordings}
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@lru_cache(maxsize=4096)
def _en_compiled(wordings: tuple[str, ...]) -> re.Pattern[str]:
    # English: case-insensitive, and each word of a term may take a plural ending ("victims of trafficking").
    def plural_words(phrase: str) -> str:
        return r"\s+".join(re.escape(w) + r"(?:s|es)?" for w in phrase.split())
    alts = "|".join(plural_words(f) for f in sorted(set(wordings), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def _avoid_pattern(term: Term) -> re.Pattern[str] | None:
    # Matched like the agreed terms, so ruling out "foreigner" also rules out "foreigners".
    return _en_compiled(tuple(term.en.avoid)) if term.en.avoid else None


def avoided_en(term: Term, text: str) -> str | None:
    """The first rendering the glossary rules out for this concept that the English uses, if any."""
    pattern = _avoid_pattern(term)
    m = pattern.search(text) if pattern else None
    return m.group(0) if m else None


def patterns(term: Term) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _az_pattern(term), _en_pattern(term)


def occurs_az(term: Term, text: str) -> bool:
    return occurs_in_folded_az(term, az_lower(text))


def occurs_in_folded_az(term: Term, folded: str) -> bool:
    """occurs_az for a text already lower-cased with az_lower (done once per text, not once per term)."""
    return bool(_az_pattern(term).search(folded))


def occurs_en(term: Term, text: str) -> bool:
    return bool(patterns(term)[1].search(text))


def agreed(term: Term) -> str:
    """What a translator should write instead, as a message says it: the preferred term and its variants."""
    variants = ", ".join(repr(v) for v in term.en.variants)
    return repr(term.en.term) + (f" or an admitted variant ({variants})" if variants else "")


@dataclass(frozen=True)
class Miss:
    unit: str
    term: str
    found_az: str
    english: str
    avoided: str | None = None  # a rendering the glossary rules out, found in the English
    instead: str = ""  # agreed(term): what to write instead
    file: str = ""  # the data file that holds the unit, as a translator opens it

    def __str__(self) -> str:
        where = f"{self.file}: {self.unit}" if self.file else self.unit
        if self.avoided:
            return (f"{where}: Azerbaijani has {self.found_az!r} (term {self.term}) and the English uses "
                    f"{self.avoided!r}, which the glossary rules out; use {self.instead} (see the term's note), "
                    f"or record a reviewed exception in data/glossary/exceptions.yml: {self.english[:120]!r}")
        return (f"{where}: Azerbaijani has {self.found_az!r} (term {self.term}) but the English does not use "
                f"{self.instead}: {self.english[:120]!r}")


def az_match(term: Term, text: str) -> str | None:
    m = patterns(term)[0].search(az_lower(text))
    return text[m.start():m.end()] if m else None
