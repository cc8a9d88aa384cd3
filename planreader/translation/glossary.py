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


def patterns(term: Term) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _az_pattern(term), _en_pattern(term)


def occurs_az(term: Term, text: str) -> bool:
    return bool(patterns(term)[0].search(az_lower(text)))


def occurs_en(term: Term, text: str) -> bool:
    return bool(patterns(term)[1].search(text))


@dataclass(frozen=True)
class Miss:
    unit: str
    term: str
    found_az: str
    english: str

    def __str__(self) -> str:
        return (f"{self.unit}: Azerbaijani has {self.found_az!r} (term {self.term}) but the English uses neither the "
                f"preferred term nor a variant: {self.english[:120]!r}")


def az_match(term: Term, text: str) -> str | None:
    m = patterns(term)[0].search(az_lower(text))
    return text[m.start():m.end()] if m else None
