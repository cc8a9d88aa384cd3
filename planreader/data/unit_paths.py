"""Where each text unit stands in its data file: the file and the key path to its {az, en} mapping.

What writes text back into data/ (the XLIFF import) needs this; data.units says what a unit *is* from the
validated catalog, this says where it *lives* in the raw files. Both name units by the same ids (ids.UnitId),
and tests/test_xliff_import.py checks that the two agree unit for unit, text for text.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planreader import ids
from planreader.data.units import GLOSSARY_FIELDS, META_FIELDS

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class UnitPlace:
    file: Path  # the data file, inside the data folder
    path: KeyPath  # keys from the file's top mapping to the unit's {az, en} mapping


def _uid(scope: str, key: str, field: str) -> str:
    return str(ids.UnitId(scope, key, field))


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and "az" in value


def _nodes(doc: str, nodes: Any, path: KeyPath) -> Iterator[tuple[str, KeyPath]]:
    for i, node in enumerate(nodes if isinstance(nodes, list) else []):
        if not isinstance(node, dict):
            continue
        here = (*path, i)
        if _is_text(node.get("text")):
            yield _uid(doc, str(node.get("id")), "text"), (*here, "text")
        for j, cell in enumerate(node.get("cells") or []):
            if _is_text(cell):
                yield _uid(doc, str(node.get("id")), f"cells[{j}]"), (*here, "cells", j)
        yield from _nodes(doc, node.get("children"), (*here, "children"))


def document_places(raw: dict) -> Iterator[tuple[str, KeyPath]]:
    doc = str(raw.get("id"))
    for field in META_FIELDS:
        if _is_text(raw.get(field)):
            yield _uid(doc, "meta", field), (field,)
    if _is_text((raw.get("source") or {}).get("note")):
        yield _uid(doc, "meta", "source-note"), ("source", "note")
    yield from _nodes(doc, raw.get("body"), ("body",))


def measure_places(raw: dict) -> Iterator[tuple[str, KeyPath]]:
    doc = str(raw.get("document"))
    for g, group in enumerate(raw.get("groups") or []):
        if _is_text(group.get("title")):
            yield _uid(doc, ids.group_anchor(str(group.get("id"))), "title"), ("groups", g, "title")
        for m, measure in enumerate(group.get("measures") or []):
            num, here = str(measure.get("num")), ("groups", g, "measures", m)
            anchor = ids.measure_anchor(num)
            yield _uid(doc, anchor, "text"), (*here, "text")
            for s, sub in enumerate(measure.get("subitems") or []):
                yield (_uid(doc, ids.subitem_anchor(num, str(sub.get("label"))), "text"),
                       (*here, "subitems", s, "text"))
            yield _uid(doc, anchor, "executors"), (*here, "executors_text")
            yield _uid(doc, anchor, "deadline"), (*here, "deadline", "text")


def body_places(raw: dict) -> Iterator[tuple[str, KeyPath]]:
    for i, body in enumerate(raw.get("bodies") or []):
        for field in ("name", "short", "note"):
            if _is_text(body.get(field)):
                yield _uid("bodies", str(body.get("id")), field), ("bodies", i, field)
        for field in ("replaces", "replaced_by"):
            if _is_text((body.get(field) or {}).get("basis")):
                yield _uid("bodies", str(body.get("id")), field), ("bodies", i, field, "basis")


def abbreviation_places(raw: dict) -> Iterator[tuple[str, KeyPath]]:
    for i, abbr in enumerate(raw.get("abbreviations") or []):
        for field in ("abbreviation", "expansion"):
            if _is_text(abbr.get(field)):
                yield _uid("abbreviations", str(abbr.get("id")), field), ("abbreviations", i, field)


def glossary_places(raw: dict) -> Iterator[tuple[str, KeyPath]]:
    for i, term in enumerate(raw.get("terms") or []):
        for field in GLOSSARY_FIELDS:
            if _is_text(term.get(field)):
                yield _uid("glossary", str(term.get("id")), field), ("terms", i, field)


def places_in(kind: str, raw: dict) -> Iterator[tuple[str, KeyPath]]:
    """The units of one raw data file of a kind: documents, measures, bodies, abbreviations or glossary."""
    return {"documents": document_places, "measures": measure_places, "bodies": body_places,
            "abbreviations": abbreviation_places, "glossary": glossary_places}[kind](raw)


def unit_files(data: Path) -> Iterator[tuple[str, Path]]:
    """Every data file that holds text units, with its kind."""
    yield "bodies", data / "bodies.yml"
    yield "abbreviations", data / "abbreviations.yml"
    yield "glossary", data / "glossary" / "terms.yml"
    for kind in ("documents", "measures"):
        for path in sorted((data / kind).glob("*.yml")):
            yield kind, path


def value_at(raw: Any, path: KeyPath) -> Any:
    for key in path:
        raw = raw[key]
    return raw
