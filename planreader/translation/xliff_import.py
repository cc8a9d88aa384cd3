"""`python -m planreader xliff import FILE`: a CAT tool's XLIFF 1.2 back into the `en:` fields of data/.

The flow: read the XLIFF safely (defusedxml: no DTD, no entities, no external references; a size cap) → check each
unit against the current catalog (known id, unchanged Azerbaijani source, plain one-line target) → splice the changed
English into each data file's own text (data.yamledit, which changes no other byte) → load the edited copy of data/
as a whole and run the terminology check on the changed units → write the files, or nothing if anything failed.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from planreader.data.load import load_catalog
from planreader.data.model import visible_text
from planreader.data.unit_paths import KeyPath, places_in, unit_files
from planreader.data.units import all_units
from planreader.data.yamledit import EditError, checked_edit
from planreader.data.yamlfile import parse
from planreader.translation.safexml import Refused, parse_untrusted
from planreader.translation.writeback import check_edited_copy, write_whole

NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0"
MAX_BYTES = 32 * 2**20  # today's full export is about 1 MB; room for plans many times larger, not for a flood


@dataclass(frozen=True)
class Target:
    """One trans-unit as the CAT tool gave it back."""
    id: str
    source: str
    target: str | None  # None: no target element, or an empty one (left as it is)
    line: int


@dataclass
class Outcome:
    changed: list[str] = field(default_factory=list)  # unit ids whose English is new
    unchanged: int = 0
    empty: int = 0  # units the file leaves without a target: their English stays as it is
    files: list[str] = field(default_factory=list)  # data files written (or that would be, on a dry run)


def _plain(element: ET.Element) -> str | None:
    """The element's text, if it holds only text (or OmegaT/Okapi segment marks, <mrk mtype="seg">)."""
    for child in element.iter():
        if child is not element and not (child.tag == f"{{{NS}}}mrk" and child.get("mtype") == "seg"):
            return None
    return "".join(element.itertext())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_targets(name: str, data: bytes) -> list[Target]:
    """The trans-units of an XLIFF 1.2 file; Refused with one line per unit that cannot be read."""
    root, lines = parse_untrusted(name, data, MAX_BYTES, "export fewer units (--document, --untranslated, --stale)")
    if root.tag == f"{{{XLIFF_2}}}xliff":
        raise Refused([f"{name}: this is XLIFF 2; the import reads XLIFF 1.2, as `planreader xliff export` writes it "
                       f"(set your CAT tool to XLIFF 1.2, or translate the exported file in place)"])
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        raise Refused([f"{name}:{lines.get(root, 1)}: not XLIFF 1.2: the root element is <{_local(root.tag)}> in "
                       f"namespace {root.tag[1:].split('}')[0] if '}' in root.tag else '(none)'} with version "
                       f"{root.get('version')!r}; expected <xliff version=\"1.2\"> in {NS}"])
    problems: list[str] = []
    found: list[Target] = []
    seen: dict[str, int] = {}
    for tu in root.iter(f"{{{NS}}}trans-unit"):
        line, unit = lines.get(tu, 0), tu.get("id") or ""
        where = f"{name}:{line}: {unit or '(no id)'}"
        if not unit:
            problems.append(f"{where}: the trans-unit has no id")
            continue
        if unit in seen:
            problems.append(f"{where}: the unit appears twice (first on line {seen[unit]}); keep one")
            continue
        seen[unit] = line
        source_el, target_el = tu.find(f"{{{NS}}}source"), tu.find(f"{{{NS}}}target")
        source = _plain(source_el) if source_el is not None else None
        if source is None:
            problems.append(f"{where}: source: missing, or holds markup; export the unit again")
            continue
        if target_el is None:
            found.append(Target(unit, source, None, line))
            continue
        text = _plain(target_el)
        if text is None:
            tags = sorted({_local(c.tag) for c in target_el.iter() if c is not target_el})
            problems.append(f"{where}: target: holds markup ({', '.join(f'<{t}>' for t in tags)}); a text unit "
                            f"holds plain text only: remove the tags in the CAT tool")
            continue
        english = " ".join(text.split())  # a CAT tool may wrap lines; every text field holds one line
        try:
            visible_text(english)
        except ValueError as e:
            problems.append(f"{where}: target: {e}")
            continue
        found.append(Target(unit, source, english or None, line))
    if problems:
        raise Refused(problems)
    return found


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _places(data: Path) -> dict[str, tuple[Path, KeyPath]]:
    """Every unit id → the data file and key path of its {az, en} mapping."""
    found = {}
    for kind, path in unit_files(data):
        raw = parse(path, path.read_text(encoding="utf-8")).raw
        for unit, key_path in places_in(kind, raw):
            found[unit] = (path, key_path)
    return found


def import_xliff(name: str, xliff: bytes, data: Path, write: bool = True) -> Outcome:
    """Put the XLIFF's changed targets into data/; Refused (and nothing written) if any unit or check fails."""
    targets = read_targets(name, xliff)
    units = {u.id: u for u in all_units(load_catalog(data))}
    places = _places(data)
    outcome, problems = Outcome(), []
    edits: dict[Path, dict[KeyPath, str]] = defaultdict(dict)
    for t in targets:
        where = f"{name}:{t.line}: {t.id}"
        unit = units.get(t.id)
        if unit is None or t.id not in places:
            problems.append(f"{where}: no such unit in data/ (renamed or removed since the export?); export again")
            continue
        if not _same(t.source, unit.text.az):
            problems.append(f"{where}: source: the Azerbaijani in data/ changed since the export; export the unit "
                            f"again and translate the new text")
            continue
        if t.target is None:
            outcome.empty += 1
        elif unit.text.en is not None and _same(t.target, unit.text.en):
            outcome.unchanged += 1
        else:
            path, key_path = places[t.id]
            edits[path][key_path] = t.target
            outcome.changed.append(t.id)
    if problems:
        raise Refused(problems)
    edited = {}
    for path, file_edits in edits.items():
        shown = f"data/{path.relative_to(data).as_posix()}"
        text = path.read_text(encoding="utf-8")
        try:
            edited[path] = checked_edit(shown, text, file_edits)
        except EditError as e:
            problems.append(f"{shown}: {e}")
    if problems:
        raise Refused(problems)
    if edited:
        problems = check_edited_copy(data, edited, set(outcome.changed))
        if problems:
            raise Refused(problems)
    outcome.files = sorted(f"data/{p.relative_to(data).as_posix()}" for p in edited)
    if write:
        for path, text in edited.items():
            write_whole(path, text)
    return outcome
