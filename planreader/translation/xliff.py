"""`python -m planreader xliff export | import`: every translatable unit as XLIFF 1.2, the format every CAT tool reads,
and the translated file back into data/ (translation.xliff_import).

One <file> per data file that holds the units (so a translator sees where each text lives), one <trans-unit>
per unit from data.units.all_units; the state comes from the translation state (translation-state.yml).
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

from planreader.data.catalog import Catalog
from planreader.data.load import load_catalog_or_report
from planreader.data.units import Unit, all_units, unit_file
from planreader.translation.glossary import agreed
from planreader.translation.status import review_state, translator_notes
from planreader.translation.terminology import checked_occurrences

NS = "urn:oasis:names:tc:xliff:document:1.2"


# The XLIFF 1.2 state of each review state (translation.status.review_state).
XLIFF_STATES = {"new": "new", "unreviewed": "translated", "stale": "needs-review-translation",
                "english-changed": "needs-review-translation", "reviewed": "signed-off"}


def unit_state(cat: Catalog, u: Unit) -> str:
    """XLIFF 1.2 state: new (no English), needs-review-translation (the Azerbaijani or the English changed since
    the review), signed-off (reviewed as both stand), translated (never recorded as reviewed)."""
    return XLIFF_STATES[review_state(cat.reviewed.get(u.id), u)]


def unit_notes(cat: Catalog) -> dict[str, list[tuple[str, str]]]:
    """Unit id → (from, note) beyond the page: the translator's note, and each glossary concept the unit's
    Azerbaijani uses with its agreed English (what the terminology check will ask of the target)."""
    notes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for where, note in translator_notes(cat):
        notes[f"{where}:text"].append(("translator", f"translator's note: {note}"))
    for term_id, units in checked_occurrences(cat).items():
        t = cat.glossary[term_id]
        for u in units:
            notes[u.id].append(("glossary", f"glossary: {t.az.term} = {agreed(t)}"))
    return notes


def export(cat: Catalog, document: str | None = None, only: str | None = None) -> tuple[bytes, int]:
    """The XLIFF text and the number of units in it; `only` is "new" or "needs-review-translation"."""
    notes = unit_notes(cat)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", version="1.2")
    bodies: dict[str, ET.Element] = {}
    count = 0
    for u in all_units(cat):
        if document and u.document != document:
            continue
        state = unit_state(cat, u)
        if only and state != only:
            continue
        name = unit_file(u)
        if name not in bodies:
            f = ET.SubElement(root, f"{{{NS}}}file", original=name, datatype="plaintext",
                              attrib={"source-language": "az", "target-language": "en"})
            bodies[name] = ET.SubElement(f, f"{{{NS}}}body")
        tu = ET.SubElement(bodies[name], f"{{{NS}}}trans-unit", id=u.id)
        ET.SubElement(tu, f"{{{NS}}}source").text = u.text.az
        ET.SubElement(tu, f"{{{NS}}}target", state=state).text = u.text.en
        ET.SubElement(tu, f"{{{NS}}}note", attrib={"from": "planreader"}).text = f"page: {u.page}"
        for source, note in notes.get(u.id, []):
            ET.SubElement(tu, f"{{{NS}}}note", attrib={"from": source}).text = note
        count += 1
    if not bodies:  # XLIFF 1.2 requires a <file>; an empty body is valid
        ET.SubElement(ET.SubElement(root, f"{{{NS}}}file", original="data", datatype="plaintext",
                                    attrib={"source-language": "az", "target-language": "en"}), f"{{{NS}}}body")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n", count


def import_command(file: str, dry_run: bool) -> int:
    from planreader import paths
    from planreader.translation.writeback import run_import
    from planreader.translation.xliff_import import import_xliff

    outcome = run_import("xliff import", file, lambda xliff: import_xliff(file, xliff, paths.DATA, write=not dry_run))
    if outcome is None:
        return 1
    for unit in outcome.changed:
        print(f"changed: {unit}")
    verb = "would change" if dry_run else "changed"
    print(f"xliff import: {verb} {len(outcome.changed)} unit(s) in {', '.join(outcome.files) or 'no file'}; "
          f"{outcome.unchanged} unchanged, {outcome.empty} without a target left as they are"
          + ("; the English of each changed unit now needs review (make status)" if outcome.changed and not dry_run
             else ""), file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planreader xliff", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("--lang", choices=["en"], default="en")
    ex.add_argument("--document")
    which = ex.add_mutually_exclusive_group()
    which.add_argument("--untranslated", action="store_true")
    which.add_argument("--stale", action="store_true")
    ex.add_argument("-o", "--output")
    im = sub.add_parser("import", help="write a translated XLIFF's targets into the en: fields of data/")
    im.add_argument("file")
    im.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    args = parser.parse_args(argv)
    if args.action == "import":
        return import_command(args.file, args.dry_run)
    cat = load_catalog_or_report()
    if cat is None:
        return 1
    if args.document and args.document not in cat.documents:
        print(f"xliff: no document {args.document!r}", file=sys.stderr)
        return 1
    only = "new" if args.untranslated else "needs-review-translation" if args.stale else None
    text, count = export(cat, args.document, only)
    if args.output:
        with open(args.output, "wb") as out:
            out.write(text)
        print(f"wrote {count} unit(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(text)
    return 0
