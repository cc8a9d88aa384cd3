"""What needs a translator's attention: `make status` (or `python -m planreader status`).

Prints coverage per document and kind of text, untranslated units, units needing review (the Azerbaijani
changed, or the English was revised, since the last review), translated units never reviewed, translators' notes,
glossary concepts that occur nowhere, frequent phrases not yet in the glossary, and terminology misses.
Exit 1 when anything needs attention.

  --reviewed UNIT [UNIT …]   record that these units' English was reviewed, as both languages stand now
  --reviewed-all             record every translated unit needing it as reviewed (after a full review)
  --by NAME                  with either: who reviewed (recorded with today's date)
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from planreader.data.load import load_catalog_or_report
from planreader.data.units import all_units
from planreader.translation import status as translation
from planreader.translation.terminology import misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planreader status", description=__doc__.splitlines()[0])
    parser.add_argument("--reviewed", nargs="+", metavar="UNIT")
    parser.add_argument("--reviewed-all", action="store_true")
    parser.add_argument("--by", metavar="NAME")
    args = parser.parse_args(argv)
    cat = load_catalog_or_report()
    if cat is None:
        return 1
    units = {u.id: u for u in all_units(cat)}
    if args.reviewed or args.reviewed_all:
        state = dict(cat.reviewed)
        chosen = ([u for u in units.values() if translation.review_state(state.get(u.id), u) != "reviewed"
                   and u.text.en] if args.reviewed_all else [])
        for unit_id in args.reviewed or []:
            if unit_id not in units:
                print(f"no text unit {unit_id!r}; unit ids are listed by this command", file=sys.stderr)
                return 1
            if not units[unit_id].text.en:
                print(f"{unit_id} has no English yet; translate it first", file=sys.stderr)
                return 1
            chosen.append(units[unit_id])
        on = dt.date.today() if args.by else None
        for u in chosen:
            try:
                state[u.id] = translation.review_of(u, args.by, on)
            except ValueError:
                print(f"--by {args.by!r}: a reviewer's name is one line of visible text, at most 100 characters",
                      file=sys.stderr)
                return 1
        translation.write_state({k: v for k, v in state.items() if k in units})
        print(f"recorded {len(chosen)} unit(s) as reviewed in data/{translation.STATE_FILE}")
        return 0

    st = translation.compute(cat)
    print("Coverage (translated / all units):")
    for (doc, kind), (done, total) in st.coverage.items():
        print(f"  {doc:<16} {kind:<13} {done:>4} / {total:<4} {'' if done == total else '← ' + str(total - done) + ' to translate'}")
    for title, items, text in (
            ("Untranslated", st.untranslated, "az"),
            ("Needs review: the Azerbaijani changed since the English was reviewed", st.stale, "az"),
            ("Needs review: the English changed since it was reviewed", st.english_changed, "en"),
            ("Translated but never recorded as reviewed", st.unreviewed, "az")):
        print(f"{title}: {len(items)}")
        for u in items[:200]:
            print(f"  {u.id}  {getattr(u.text, text)[:90]}")
    print(f"Translators' notes: {len(st.notes)}")
    for where, note in st.notes:
        print(f"  {where}  {note[:90]}")
    print(f"Glossary concepts that occur in no text: {len(st.unused_terms)}")
    for t in st.unused_terms:
        print(f"  {t}")
    print(f"Frequent phrases not in the glossary (candidates; not every one is a term): {len(st.candidates)}")
    for gram, n in st.candidates:
        print(f"  {n:>3} × {gram}")
    found, stale_exc = misses(cat)
    print(f"Terminology misses: {len(found) + len(stale_exc)}")
    for m in [*map(str, found), *stale_exc]:
        print(f"  {m}")
    attention = not st.clean or found or stale_exc
    print("translation status: " + ("needs attention" if attention else "all units translated, reviewed and consistent"))
    return 1 if attention else 0

