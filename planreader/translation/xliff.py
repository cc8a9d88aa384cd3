"""`python -m planreader xliff export | import`: every translatable unit as XLIFF 1.2, the format every CAT tool reads,
and the translated file back into data/ (translation.xliff_import).

One <file> per data file that holds the units (so a translator sees where each text lives), one <trans-unit>
per unit from data.units.all_units; the state comes from the translation state (translation-state.yml).
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from planreader.data.catalog import Catalog
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog, load_catalog_or_report
from planreader.data.units import Unit, all_units, unit_file
from planreader.translation.status import fingerprint

NS = "urn:oasis:names:tc:xliff:document:1.2"


def unit_state(cat: Catalog, u: Unit) -> str:
    """XLIFF 1.2 state: new (no English), needs-review-translation (the Azerbaijani changed since review),
    signed-off (reviewed against the current Azerbaijani), translated (never recorded as reviewed)."""
    if not u.text.en:
        return "new"
    recorded = cat.reviewed.get(u.id)
    if recorded is None:
        return "translated"
    return "signed-off" if recorded == fingerprint(u.text.az) else "needs-review-translation"


def export(cat: Catalog, document: str | None = None, only: str | None = None) -> tuple[bytes, int]:
    """The XLIFF text and the number of units in it; `only` is "new" or "needs-review-translation"."""
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
        ET.SubElement(tu, f"{{{NS}}}note").text = f"page: {u.page}"
        count += 1
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n", count


def import_command(file: str, dry_run: bool) -> int:
    from planreader import paths
    from planreader.translation.xliff_import import Refused, import_xliff

    try:
        xliff = Path(file).read_bytes()
    except OSError as e:
        print(f"xliff import: cannot read {file}: {e.strerror}", file=sys.stderr)
        return 1
    try:
        load_catalog(paths.DATA)
        outcome = import_xliff(file, xliff, paths.DATA, write=not dry_run)
    except DataErrors as e:
        print(f"{e}\nxliff import: data/ does not validate as it is; fix it first, nothing was written",
              file=sys.stderr)
        return 1
    except Refused as e:
        for line in e.lines:
            print(line, file=sys.stderr)
        print(f"xliff import: {len(e.lines)} problem(s); nothing was written", file=sys.stderr)
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
