"""Translation status for translators: coverage, untranslated and stale units, glossary gaps."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field


from planreader import ids, paths
from planreader.data.catalog import Catalog
from planreader.data.load import STATE_FILE
from planreader.data.model import Review, walk
from planreader.azerbaijani import az_lower
from planreader.translation.terminology import occurrences
from planreader.data.units import Unit, all_units, text_units

# Words that never start or end a term: conjunctions, postpositions, very common verbs of the plans.
_STOP = set("""və ilə üçün üzrə olan olunan edən edilən həmçinin habelə o cümlədən bu həmin onun onların
bağlı dair görə qarşı sahəsində məqsədi məqsədilə tərəfindən etmək edilməsi olaraq aidiyyəti müvafiq digər
ki da də isə ya yaxud il illər ilin tarixli nəzərdə tutulur tutulmuş həyata keçirilir keçirilməsi adından
yerinə yetirilməsi irəli gələn davam etdirilməsi tövsiyə edilsin""".split())


def fingerprint(text: str) -> str:
    """What a review was made against: a short hash of a unit's text (Azerbaijani or English), spaces squeezed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def review_of(u: Unit, by: str | None = None, on: dt.date | None = None) -> Review:
    """The record of a review of the unit's English as it stands now."""
    return Review(az=fingerprint(u.text.az), en=fingerprint(u.text.en), by=by, date=on)


def review_state(review: Review | None, u: Unit) -> str:
    """new (no English) | unreviewed (never recorded) | stale (the Azerbaijani changed since the review) |
    english-changed (the English was revised since) | reviewed."""
    if not u.text.en:
        return "new"
    if review is None:
        return "unreviewed"
    if review.az != fingerprint(u.text.az):
        return "stale"
    if review.en is not None and review.en != fingerprint(u.text.en):
        return "english-changed"
    return "reviewed"


def _entry(r: Review) -> str:
    # Quoted: a fingerprint of digits alone ('123456789012', '1e2345678901') would read back as a number.
    parts = [f"az: '{r.az}'"] + ([f"en: '{r.en}'"] if r.en else []) \
        + ([f"by: {json.dumps(r.by, ensure_ascii=False)}"] if r.by else []) + ([f"date: {r.date.isoformat()}"] if r.date else [])
    return "{" + ", ".join(parts) + "}"


def write_state(state: dict[str, Review]) -> None:
    header = ("# For each text unit, its last review: the fingerprints of the Azerbaijani (az) and of the English (en)\n"
              "# the English was reviewed against, and who reviewed it and when (by, date) where recorded. When either\n"
              "# text changes, the translation status lists the unit as needing review until a translator reviews\n"
              "# the English and runs: .venv/bin/python -m planreader status --reviewed <unit id> [--by NAME]\n")
    lines = [f"  {unit}: {_entry(state[unit])}" for unit in sorted(state)]
    (paths.DATA / STATE_FILE).write_text(header + "reviewed:\n" + "".join(f"{line}\n" for line in lines),
                                         encoding="utf-8")


def translator_notes(cat: Catalog) -> list[tuple[str, str]]:
    """(where, note) for every translator's note: on document nodes and on measures."""
    found = []
    for doc in cat.documents.values():
        found += [(f"{doc.id}:{node.id}", node.translator_note) for node, _ in walk(doc.body) if node.translator_note]
    found += [(f"{pm.document}:{ids.measure_anchor(pm.num)}", pm.measure.translator_note)
              for pm in cat.measures if pm.measure.translator_note]
    return found


@dataclass
class Status:
    coverage: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (document, kind) -> done, total
    untranslated: list[Unit] = field(default_factory=list)
    stale: list[Unit] = field(default_factory=list)
    english_changed: list[Unit] = field(default_factory=list)  # the English was revised since its review
    unreviewed: list[Unit] = field(default_factory=list)  # translated, but never recorded as reviewed
    notes: list[tuple[str, str]] = field(default_factory=list)  # translators' notes: (where, note)
    unused_terms: list[str] = field(default_factory=list)
    candidates: list[tuple[str, int]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.untranslated or self.stale or self.english_changed or self.unreviewed)


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
        state_now = review_state(state.get(u.id), u)
        if state_now != "reviewed":
            {"unreviewed": st.unreviewed, "stale": st.stale, "english-changed": st.english_changed}[state_now].append(u)
    st.coverage = {k: (done[k], counts[k]) for k in sorted(counts)}
    st.unused_terms = [t for t, found in occurrences(cat).items() if not found]
    st.candidates = candidate_terms(cat)
    st.notes = translator_notes(cat)
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
