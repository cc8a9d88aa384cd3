"""The terminology check (`make terms`, or `python -m planreader terms`): translations must use the glossary's agreed terms."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.data.executors import body_spans, english_wordings
from planreader.translation.glossary import Miss, agreed, avoided_en, az_match, occurs_en, occurs_in_folded_az
from planreader.azerbaijani import az_lower
from planreader.data.units import Unit, checked_units, is_text_unit, unit_file


@lru_cache(maxsize=2)  # per catalog (hashed by identity)
def occurrences(cat: Catalog) -> dict[str, list[Unit]]:
    """For each glossary concept, the text units whose Azerbaijani uses it, in reading order."""
    return {t: [u for u in units if is_text_unit(u)] for t, units in checked_occurrences(cat).items()}


@lru_cache(maxsize=2)
def checked_occurrences(cat: Catalog) -> dict[str, list[Unit]]:
    """The same in every unit the terminology check reads (the running text, executors cells, bodies' records)."""
    return _occurrences(cat, checked_units(cat))


def _occurrences(cat: Catalog, units: Iterable[Unit]) -> dict[str, list[Unit]]:
    # Only terms whose forms start with a word of the unit can occur in it: test those alone.
    by_first_word: dict[str, set[str]] = {}
    for t in cat.glossary.values():
        for f in [t.az.term, *t.az.variants, *t.az.forms]:
            by_first_word.setdefault(re.findall(r"\w+", az_lower(f))[0], set()).add(t.id)
    rank = {t_id: i for i, t_id in enumerate(cat.glossary)}
    found: dict[str, list[Unit]] = {t: [] for t in cat.glossary}
    for u in units:
        folded = az_lower(u.text.az)
        candidates = set().union(*(by_first_word.get(w, ()) for w in set(re.findall(r"\w+", folded))))
        for t_id in sorted(candidates, key=rank.__getitem__):
            if occurs_in_folded_az(cat.glossary[t_id], folded):
                found[t_id].append(u)
    return found


def misses(cat: Catalog) -> tuple[list[Miss], list[str]]:
    """Units whose English misses an agreed term, and recorded exceptions that no longer apply."""
    excepted = {(e.unit, e.term) for e in cat.term_exceptions}
    used_exceptions: set[tuple[str, str]] = set()
    found: list[Miss] = []
    for t_id, units in checked_occurrences(cat).items():
        t = cat.glossary[t_id]
        for u in units:
            if not u.text.en:
                continue  # untranslated units are the translation status's business
            hit = az_match(t, u.text.az)
            avoided = avoided_en(t, u.text.en)
            if avoided or not occurs_en(t, u.text.en):
                if (u.id, t.id) in excepted:
                    used_exceptions.add((u.id, t.id))
                else:
                    found.append(Miss(u.id, t.id, hit, u.text.en, avoided, agreed(t), unit_file(u)))
    stale = [f"data/glossary/exceptions.yml: exception for {unit} / {term} is no longer needed; remove it"
             for unit, term in sorted(excepted - used_exceptions)]
    return found, stale


def executors_mismatches(cat: Catalog) -> list[str]:
    """English executors cells that name other bodies than the measure links (a translation must not add or drop
    one, and the Akoma Ntoso marks the bodies up by these wordings): one located line each."""
    english = english_wordings(cat.bodies.values())
    found = []
    for pm in cat.measures:
        cell, linked = pm.measure.executors_text.en, [*pm.measure.executors, *pm.measure.involving]
        if not cell:
            continue  # untranslated: the translation status's business
        named = list(dict.fromkeys(b for _, _, b in body_spans(cell, english, ignore_case=True)))
        if set(named) == set(linked):
            continue
        missing, extra = [b for b in linked if b not in named], [b for b in named if b not in linked]
        found.append(f"data/measures/{pm.document}.yml: {pm.document}:{ids.measure_anchor(pm.num)}:executors: "
                     f"the English names {named} but the measure links {linked}"
                     + (f"; not found: {missing}" if missing else "") + (f"; not linked: {extra}" if extra else "")
                     + "; name each body by its English name, short name or one of its en_forms in data/bodies.yml")
    return found


def citation_mismatches(cat: Catalog) -> list[str]:
    """Cited instruments the English of a translated citing unit does not name by an English wording (the English
    pages quote that sentence and the Akoma Ntoso marks the citation up by it), and en_forms found nowhere."""
    from planreader.data.citations import english_mismatches
    from planreader.data.units import document_citing_units

    return english_mismatches(list(cat.instruments.values()), cat.citations, document_citing_units(cat))


def main(argv: list[str] | None = None) -> int:
    from planreader.data.load import load_catalog_or_report

    cat = load_catalog_or_report()
    if cat is None:
        return 1
    found, stale = misses(cat)
    for m in found:
        print(m)
    for s in stale:
        print(s)
    cells = executors_mismatches(cat)
    for line in cells:
        print(line)
    cites = citation_mismatches(cat)
    for line in cites:
        print(line)
    print(f"terminology: {len(cat.glossary)} concepts checked; {len(found)} miss(es), {len(stale)} stale exception(s), "
          f"{len(cells)} executors cell(s) naming other bodies, {len(cites)} citation(s) not traced in the English")
    return 1 if found or stale or cells or cites else 0


