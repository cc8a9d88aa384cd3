"""Translation status for translators: coverage, untranslated and stale units, glossary gaps."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

import yaml

from planreader import paths
from planreader.data.catalog import Catalog
from planreader.data.load import STATE_FILE
from planreader.azerbaijani import az_lower
from planreader.translation.terminology import occurrences
from planreader.data.units import Unit, all_units, text_units

# Words that never start or end a term: conjunctions, postpositions, very common verbs of the plans.
_STOP = set("""və ilə üçün üzrə olan olunan edən edilən həmçinin habelə o cümlədən bu həmin onun onların
bağlı dair görə qarşı sahəsində məqsədi məqsədilə tərəfindən etmək edilməsi olaraq aidiyyəti müvafiq digər
ki da də isə ya yaxud il illər ilin tarixli nəzərdə tutulur tutulmuş həyata keçirilir keçirilməsi adından
yerinə yetirilməsi irəli gələn davam etdirilməsi tövsiyə edilsin""".split())


def fingerprint(text: str) -> str:
    """What an English translation was made from: a short hash of the Azerbaijani text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def write_state(state: dict[str, str]) -> None:
    header = ("# For each text unit, a fingerprint of the Azerbaijani text its English was translated or reviewed\n"
              "# against. When the Azerbaijani changes, the translation status lists the unit as stale until a\n"
              "# translator reviews the English and runs: .venv/bin/python -m planreader status --reviewed <unit id>\n")
    body = yaml.safe_dump({"reviewed": dict(sorted(state.items()))}, allow_unicode=True, sort_keys=False, width=200)
    (paths.DATA / STATE_FILE).write_text(header + body, encoding="utf-8")


@dataclass
class Status:
    coverage: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (document, kind) -> done, total
    untranslated: list[Unit] = field(default_factory=list)
    stale: list[Unit] = field(default_factory=list)
    unreviewed: list[Unit] = field(default_factory=list)  # translated, but never recorded as reviewed
    unused_terms: list[str] = field(default_factory=list)
    candidates: list[tuple[str, int]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.untranslated or self.stale or self.unreviewed)


def compute(cat: Catalog) -> Status:
    st = Status()
    state = cat.reviewed  # read and checked by the loader with every other data file
    counts: Counter = Counter()
    done: Counter = Counter()
    for u in all_units(cat):
        key = (u.document or "registries", u.kind)
        counts[key] += 1
        if not u.text.en:
            st.untranslated.append(u)
            continue
        done[key] += 1
        recorded = state.get(u.id)
        if recorded is None:
            st.unreviewed.append(u)
        elif recorded != fingerprint(u.text.az):
            st.stale.append(u)
    st.coverage = {k: (done[k], counts[k]) for k in sorted(counts)}
    st.unused_terms = [t for t, found in occurrences(cat).items() if not found]
    st.candidates = candidate_terms(cat)
    return st


@lru_cache(maxsize=None)  # the texts' vocabulary: a few thousand words
def _no_term_word(word: str) -> bool:
    """A stop word or a number: no candidate phrase holds one."""
    return word in _STOP or any(ch.isdigit() for ch in word)


def candidate_terms(cat: Catalog, min_count: int = 4, limit: int = 30) -> list[tuple[str, int]]:
    """Frequent two- and three-word phrases of the texts that no glossary concept or body name covers.

    A heuristic to point translators at terms that may deserve a glossary entry; not every hit is a term."""
    known = {az_lower(f) for b in cat.bodies.values() for f in [b.name.az, *b.forms]}
    known |= {az_lower(f) for t in cat.glossary.values() for f in [t.az.term, *t.az.variants, *t.az.forms]}
    # One pattern for every known form: a phrase that contains one is already covered.
    any_form = re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in sorted(known, key=len, reverse=True)))
    # ... and a phrase that is part of one (a fragment of a body's name) is no candidate either.
    parts = {" ".join(ws[i:i + n]) for f in known for ws in [re.findall(r"\w+(?:-\w+)*", f)]
             for n in (2, 3) for i in range(len(ws) - n + 1)}
    grams: Counter = Counter()
    for u in text_units(cat):
        words = re.findall(r"\w+(?:-\w+)*", az_lower(u.text.az))
        skip = [_no_term_word(w) for w in words]
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                if not any(skip[i:i + n]):
                    grams[" ".join(words[i:i + n])] += 1
    out = []
    for gram, n in grams.most_common():
        if n < min_count or len(out) >= limit:
            break
        if gram in parts or any_form.search(gram):
            continue
        out.append((gram, n))
    return out
