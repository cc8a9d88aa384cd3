"""`python -m planreader tbx export | import FILE`: the glossary as TBX for a CAT tool, and the termbase edited
there back into data/glossary/terms.yml.

What comes back is what the termbase owns: each concept's English preferred term, admitted variants and deprecated
renderings (en.term, en.variants, en.avoid). The Azerbaijani is authoritative and stays as the data has it; the
English definitions and notes come back through the XLIFF import (they are text units there). The flow is the XLIFF
import's: read safely → match each concept to the glossary → splice only the changed lists into the file's own text
→ load the edited copy whole and run the terminology check on every text → write, or nothing if anything failed.
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from planreader import paths
from planreader.data.load import load_catalog
from planreader.data.yamledit import EditError, Value, checked_values
from planreader.data.yamlfile import parse
from planreader.publish.tbx import ADMITTED, DEPRECATED, NS, PREFERRED, XML_LANG
from planreader.translation.safexml import Refused, parse_untrusted
from planreader.translation.writeback import check_edited_copy, run_import, write_whole

MAX_BYTES = 8 * 2**20  # today's termbase is about 300 KB
TERMS_FILE = Path("glossary") / "terms.yml"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class Entry:
    """The English of one concept as the termbase has it."""
    id: str
    line: int
    term: str
    variants: list[str]
    avoid: list[str]


@dataclass
class Outcome:
    changed: dict[str, list[str]] = field(default_factory=dict)  # concept id -> the fields changed
    unchanged: int = 0
    notices: list[str] = field(default_factory=list)  # what the file holds that this import does not take


def _english(name: str, entry: ET.Element, lines: dict[ET.Element, int]) -> tuple[Entry | None, list[str]]:
    concept, line = entry.get("id") or "", lines.get(entry, 0)
    where = f"{name}:{line}: {concept or '(no id)'}"
    secs = [s for s in entry.findall(_q("langSec")) if s.get(XML_LANG) == "en"]
    if len(secs) != 1:
        return None, [f"{where}: needs exactly one English langSec (xml:lang=\"en\"), found {len(secs)}"]
    lists: dict[str, list[str]] = {PREFERRED: [], ADMITTED: [], DEPRECATED: []}
    problems = []
    for ts in secs[0].findall(_q("termSec")):
        term_el = ts.find(_q("term"))
        text = " ".join("".join(term_el.itertext()).split()) if term_el is not None else ""
        status_el = ts.find(_q("termNote[@type='administrativeStatus']"))
        status = (status_el.text or "").strip() if status_el is not None else ADMITTED
        ts_where = f"{name}:{lines.get(ts, line)}: {concept}"
        if term_el is None or len(term_el) or not text:
            problems.append(f"{ts_where}: a term must be plain, non-empty text")
        elif status not in lists:
            problems.append(f"{ts_where}: {text!r} has the status {status!r}; use {PREFERRED}, {ADMITTED} or "
                            f"{DEPRECATED}")
        else:
            lists[status].append(text)
    if len(lists[PREFERRED]) != 1 and not problems:
        problems.append(f"{where}: needs exactly one English preferred term ({PREFERRED}), found "
                        f"{len(lists[PREFERRED])}: {lists[PREFERRED]}")
    if problems:
        return None, problems
    return Entry(concept, line, lists[PREFERRED][0], lists[ADMITTED], lists[DEPRECATED]), []


def read_entries(name: str, data: bytes) -> list[Entry]:
    root, lines = parse_untrusted(name, data, MAX_BYTES, "a termbase of these plans is far smaller")
    if root.tag != _q("tbx"):
        raise Refused([f"{name}:{lines.get(root, 1)}: not TBX (ISO 30042:2019): the root element is {root.tag!r}; "
                       f"expected <tbx> in {NS}, as the site's glossary.tbx has it"])
    entries, problems, seen = [], [], {}
    for entry in root.iter(_q("conceptEntry")):
        concept = entry.get("id") or ""
        if concept in seen:
            problems.append(f"{name}:{lines.get(entry, 0)}: {concept}: the concept appears twice (first on line "
                            f"{seen[concept]}); keep one")
            continue
        seen[concept] = lines.get(entry, 0)
        found, errs = _english(name, entry, lines)
        problems += errs
        if found:
            entries.append(found)
    if problems:
        raise Refused(problems)
    return entries


def import_tbx(name: str, tbx: bytes, data: Path, write: bool = True) -> Outcome:
    """Put the termbase's changed English terms into data/glossary/terms.yml; Refused, writing nothing, on any
    problem (an unknown concept, a term the glossary's own checks refuse, a text the new terms leave unmatched)."""
    entries = read_entries(name, tbx)
    cat = load_catalog(data)
    path = data / TERMS_FILE
    text = path.read_text(encoding="utf-8")
    index = {t.get("id"): i for i, t in enumerate(parse(path, text).raw.get("terms") or [])}
    outcome, problems, edits = Outcome(), [], {}
    for e in entries:
        if e.id not in cat.glossary:
            problems.append(f"{name}:{e.line}: {e.id}: no such concept in data/glossary/terms.yml; a new concept "
                            f"needs its Azerbaijani forms and definition: add it there")
            continue
        t, i = cat.glossary[e.id], index[e.id]
        fields: dict[str, Value] = {"term": e.term, "variants": e.variants, "avoid": e.avoid}
        now: dict[str, Value] = {"term": t.en.term, "variants": t.en.variants, "avoid": t.en.avoid}
        changed = [f for f in fields if fields[f] != now[f]]
        for f in changed:
            edits[("terms", i, "en", f)] = fields[f]
        if changed:
            outcome.changed[e.id] = changed
        else:
            outcome.unchanged += 1
    if problems:
        raise Refused(problems)
    missing = sorted(set(cat.glossary) - {e.id for e in entries})
    if missing:
        outcome.notices.append(f"{name}: {len(missing)} concept(s) not in the file, left as they are: "
                               + ", ".join(missing[:10]) + (" …" if len(missing) > 10 else ""))
    if not edits:
        return outcome
    shown = f"data/{TERMS_FILE.as_posix()}"
    try:
        new = checked_values(shown, text, edits)
    except EditError as e:
        raise Refused([f"{shown}: {e}"]) from None
    problems = check_edited_copy(data, {path: new}, None)
    if problems:
        raise Refused(problems)
    if write:
        write_whole(path, new)
    return outcome


def _export(output: str | None) -> int:
    from planreader.data.load import load_catalog_or_report
    from planreader.publish.tbx import glossary_tbx

    cat = load_catalog_or_report()
    if cat is None:
        return 1
    text = glossary_tbx(cat).encode("utf-8")
    if output:
        Path(output).write_bytes(text)
        print(f"wrote {len(cat.glossary)} concept(s) to {output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planreader tbx", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    ex = sub.add_parser("export", help="write the glossary as TBX (as the site's glossary.tbx)")
    ex.add_argument("-o", "--output")
    im = sub.add_parser("import", help="write a termbase's English terms into data/glossary/terms.yml")
    im.add_argument("file")
    im.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    args = parser.parse_args(argv)
    if args.action == "export":
        return _export(args.output)
    outcome = run_import("tbx import", args.file,
                         lambda tbx: import_tbx(args.file, tbx, paths.DATA, write=not args.dry_run))
    if outcome is None:
        return 1
    for concept, fields in outcome.changed.items():
        print(f"changed: {concept}: en.{', en.'.join(fields)}")
    for notice in outcome.notices:
        print(notice, file=sys.stderr)
    verb = "would change" if args.dry_run else "changed"
    print(f"tbx import: {verb} {len(outcome.changed)} concept(s) in data/{TERMS_FILE.as_posix()}; "
          f"{outcome.unchanged} unchanged", file=sys.stderr)
    return 0
