"""Every translatable text unit of the catalog, with a stable id: what translators, checks and search walk."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.data.model import Document, Node, Text


@dataclass(frozen=True)
class Unit:
    id: str  # ids.UnitId as text: "nap-2014-2018:m-13-2-9:text", "bodies:state-security-service:name"
    kind: str  # document | paragraph | measure | subitem | executors | deadline | group | body | abbreviation | term
    document: str | None
    page: str  # path (from a language root) of the page that shows the unit, with its anchor
    text: Text
    # Where a reader finds it, for lists such as a glossary term's occurrences (never parsed out of the id):
    number: str | None = None  # "13.2.9", "2.4 ç", "2.1.3", "6" (a section heading)
    node_kind: str | None = None  # the document node's kind (heading, paragraph, row, …) for paragraph units
    section: str | None = None  # number of the enclosing numbered heading, for unnumbered paragraphs


def _uid(scope: str, key: str, field: str) -> str:
    return str(ids.UnitId(scope, key, field))


def _node_units(doc_id: str, node: Node, section: str | None,
                measures: Callable[[], Iterator[Unit]] | None = None) -> Iterator[Unit]:
    """A node's units and its children's; `measures`, when given, yields the measures where the table stands."""
    page = ids.in_document(doc_id, node.id)
    if node.kind == "heading" and node.num:
        section = node.num
    if node.kind == "measures" and measures is not None:
        yield from measures()
    common = dict(document=doc_id, page=page, number=node.num, node_kind=node.kind, section=section)
    if node.text:
        yield Unit(_uid(doc_id, node.id, "text"), "paragraph", text=node.text, **common)
    for i, cell in enumerate(node.cells or []):
        yield Unit(_uid(doc_id, node.id, f"cells[{i}]"), "paragraph", text=cell, **common)
    for child in node.children:
        yield from _node_units(doc_id, child, section, measures)


META_FIELDS = ("title", "short_title", "label", "approves", "place", "issuer", "signatory")


def document_meta(doc: Document) -> Iterator[Unit]:
    """The units describing a document (title, short title, issuer, place, signatory, source note)."""
    for field in META_FIELDS:
        if getattr(doc, field) is None:
            continue
        yield Unit(_uid(doc.id, "meta", field), "document", doc.id, ids.document(doc.id), getattr(doc, field))
    if doc.source.note:
        yield Unit(_uid(doc.id, "meta", "source-note"), "document", doc.id, ids.document(doc.id), doc.source.note)


def document_units(cat: Catalog) -> Iterator[Unit]:
    for doc in cat.documents.values():
        yield from document_meta(doc)
        for node in doc.body:
            yield from _node_units(doc.id, node, None)


def measure_units(cat: Catalog) -> Iterator[Unit]:
    for doc_id in cat.documents:
        yield from _measure_units_of(cat, doc_id)


def _measure_units_of(cat: Catalog, doc: str) -> Iterator[Unit]:
    seen_groups: set[str] = set()
    for pm in cat.measures_of(doc):
        if pm.group.id not in seen_groups:
            seen_groups.add(pm.group.id)
            anchor = ids.group_anchor(pm.group.id)
            yield Unit(_uid(doc, anchor, "title"), "group", doc, ids.in_document(doc, anchor), pm.group.title,
                       number=pm.group.num)
        m, page = pm.measure, ids.measure(doc, pm.num)
        anchor = ids.measure_anchor(m.num)
        yield Unit(_uid(doc, anchor, "text"), "measure", doc, page, m.text, number=m.num)
        for s in m.subitems:
            yield Unit(_uid(doc, ids.subitem_anchor(m.num, s.label), "text"), "subitem", doc, page, s.text,
                       number=f"{m.num} {s.label}")
        yield Unit(_uid(doc, anchor, "executors"), "executors", doc, page, m.executors_text, number=m.num)
        yield Unit(_uid(doc, anchor, "deadline"), "deadline", doc, page, m.deadline.text, number=m.num)


def document_citing_units(cat: Catalog) -> Iterator[Unit]:
    """The units where a document may cite an instrument: its metadata, its running text and its measures."""
    yield from document_units(cat)
    yield from measure_units(cat)


def registry_units(cat: Catalog) -> Iterator[Unit]:
    for b in cat.bodies.values():
        for field in ("name", "short", "note"):
            if getattr(b, field):
                yield Unit(_uid("bodies", b.id, field), "body", None, ids.body(b.id), getattr(b, field))
        for field in ("replaces", "replaced_by"):
            if getattr(b, field):
                yield Unit(_uid("bodies", b.id, field), "body", None, ids.body(b.id), getattr(b, field).basis)
    for a in cat.abbreviations.values():
        for field in ("abbreviation", "expansion"):
            yield Unit(_uid("abbreviations", a.id, field), "abbreviation", None, ids.abbreviation(a.id),
                       getattr(a, field))


GLOSSARY_FIELDS = ("definition", "source", "note")


def glossary_units(cat: Catalog) -> Iterator[Unit]:
    """The glossary's texts (a concept's definition, its source instrument, the note for translators); the terms
    themselves are the termbase's business (TBX), not units."""
    for t in cat.glossary.values():
        for field in GLOSSARY_FIELDS:
            if getattr(t, field):
                yield Unit(_uid("glossary", t.id, field), "term", None, ids.term(t.id), getattr(t, field))


def reading_order(cat: Catalog, doc: Document) -> Iterator[Unit]:
    """A document's text units as a reader meets them: the measures where the measures table stands.
    The document's metadata units (title, issuer …) are not part of the text: `document_meta` gives them."""
    for node in doc.body:
        yield from _node_units(doc.id, node, None, lambda: _measure_units_of(cat, doc.id))


def all_units(cat: Catalog) -> Iterator[Unit]:
    yield from document_units(cat)
    yield from measure_units(cat)
    yield from registry_units(cat)
    yield from glossary_units(cat)


def is_text_unit(u: Unit) -> bool:
    return u.kind in ("paragraph", "measure", "subitem", "group")


def text_units(cat: Catalog) -> Iterator[Unit]:
    """The units of the documents' running text: where glossary terms are looked for and listed."""
    return filter(is_text_unit, all_units(cat))


def checked_units(cat: Catalog) -> Iterator[Unit]:
    """The units the terminology check reads: the running text, and also the executors cells and the bodies'
    records, where a wrong rendering ("guardianship and custody bodies") misleads as much."""
    # The running text and more: terminology.occurrences filters these down to the running text again.
    return (u for u in all_units(cat) if is_text_unit(u) or u.kind in ("executors", "body"))


def unit_file(u: Unit) -> str:
    """The data file that holds a unit, as a translator opens it (a document's file is named after its id)."""
    if u.kind == "body":
        return "data/bodies.yml"
    if u.kind == "abbreviation":
        return "data/abbreviations.yml"
    if u.kind == "term":
        return "data/glossary/terms.yml"
    return f"data/{'documents' if u.kind in ('document', 'paragraph') else 'measures'}/{u.document}.yml"
