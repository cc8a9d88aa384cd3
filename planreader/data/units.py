"""Every translatable text unit of the catalog, with a stable id: what translators, checks and search walk."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planreader import ids
from planreader.data.catalog import Catalog, anchor_for_group, anchor_for_measure, anchor_for_subitem
from planreader.data.model import Node, Text


@dataclass(frozen=True)
class Unit:
    id: str  # "<document>:<anchor>:<field>", e.g. "nap-2014-2018:m-13-2-9:text"; or "bodies:<id>:name"
    kind: str  # document | paragraph | measure | subitem | executors | deadline | group | body | abbreviation
    document: str | None
    page: str  # URL path (no language prefix) of the page that shows the unit, with its anchor
    text: Text


def _node_units(doc_id: str, node: Node) -> Iterator[Unit]:
    page = ids.document(doc_id) + "#" + node.id
    if node.text:
        yield Unit(f"{doc_id}:{node.id}:text", "paragraph", doc_id, page, node.text)
    for i, cell in enumerate(node.cells or []):
        yield Unit(f"{doc_id}:{node.id}:cells[{i}]", "paragraph", doc_id, page, cell)
    for child in node.children:
        yield from _node_units(doc_id, child)


def document_units(cat: Catalog) -> Iterator[Unit]:
    for doc in cat.documents.values():
        for field in ("title", "short_title", "approves", "place", "issuer", "signatory"):
            yield Unit(f"{doc.id}:meta:{field}", "document", doc.id, ids.document(doc.id), getattr(doc, field))
        if doc.source.note:
            yield Unit(f"{doc.id}:meta:source-note", "document", doc.id, ids.document(doc.id), doc.source.note)
        for node in doc.body:
            yield from _node_units(doc.id, node)


def measure_units(cat: Catalog) -> Iterator[Unit]:
    seen_groups: set[tuple[str, str]] = set()
    for pm in cat.measures:
        if (pm.document, pm.group.id) not in seen_groups:
            seen_groups.add((pm.document, pm.group.id))
            yield Unit(f"{pm.document}:{anchor_for_group(pm.group.id)}:title", "group", pm.document,
                       ids.document(pm.document) + "#" + anchor_for_group(pm.group.id), pm.group.title)
        m, page = pm.measure, ids.measure(pm.document, pm.num)
        anchor = anchor_for_measure(m.num)
        yield Unit(f"{pm.document}:{anchor}:text", "measure", pm.document, page, m.text)
        for s in m.subitems:
            yield Unit(f"{pm.document}:{anchor_for_subitem(m.num, s.label)}:text", "subitem", pm.document,
                       page, s.text)
        yield Unit(f"{pm.document}:{anchor}:executors", "executors", pm.document, page, m.executors_text)
        yield Unit(f"{pm.document}:{anchor}:deadline", "deadline", pm.document, page, m.deadline.text)


def registry_units(cat: Catalog) -> Iterator[Unit]:
    for b in cat.bodies.values():
        for field in ("name", "short", "note"):
            if getattr(b, field):
                yield Unit(f"bodies:{b.id}:{field}", "body", None, ids.body(b.id), getattr(b, field))
        for field in ("replaces", "replaced_by"):
            if getattr(b, field):
                yield Unit(f"bodies:{b.id}:{field}", "body", None, ids.body(b.id), getattr(b, field).basis)
    for a in cat.abbreviations.values():
        yield Unit(f"abbreviations:{a.id}:abbreviation", "abbreviation", None, ids.abbreviation(a.id), a.abbreviation)
        yield Unit(f"abbreviations:{a.id}:expansion", "abbreviation", None, ids.abbreviation(a.id), a.expansion)


def all_units(cat: Catalog) -> Iterator[Unit]:
    yield from document_units(cat)
    yield from measure_units(cat)
    yield from registry_units(cat)


def text_units(cat: Catalog) -> Iterator[Unit]:
    """The units of the documents' running text: where glossary terms are looked for and checked."""
    for u in all_units(cat):
        if u.kind in ("paragraph", "measure", "subitem", "group"):
            yield u
