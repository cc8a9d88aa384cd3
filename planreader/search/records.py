"""Search records for the documents' text, one per paragraph, so a hit lands on the paragraph itself.

A whole document would be one search record of many kilobytes, downloaded to show a single excerpt; one record
per unit keeps every result small and links straight to its anchor (/az/nap-2014-2018/#p-2-1-3).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.data.model import Node


@dataclass(frozen=True)
class SearchRecord:
    url: str  # from the language root, as Pagefind stores page URLs: "/nap-2014-2018/#p-2-1-3"
    title: str
    content: str
    kind: str
    document: str


def _records(doc_id: str, doc_title: str, node: Node, lang: str, heading: str) -> Iterator[SearchRecord]:
    texts = ([node.text.in_lang(lang)] if node.text else []) + [c.in_lang(lang) for c in node.cells or []]
    if node.kind == "heading" and node.text:
        heading = (f"{node.num}. " if node.num else "") + node.text.in_lang(lang)
    if texts and node.kind != "measures":
        label = f"{node.num}" if node.num else heading
        title = f"{doc_title} — {label}" if label else doc_title
        yield SearchRecord("/" + ids.document(doc_id) + "#" + node.id, title, " ".join(texts), "paragraph", doc_id)
    for child in node.children:
        yield from _records(doc_id, doc_title, child, lang, heading)


def paragraph_records(cat: Catalog, lang: str) -> Iterator[SearchRecord]:
    for doc in cat.documents.values():
        title = doc.short_title.in_lang(lang)
        yield SearchRecord("/" + ids.document(doc.id), title, " ".join([title, doc.title.in_lang(lang),
                           doc.approves.in_lang(lang), doc.number]), "document", doc.id)
        for node in doc.body:
            yield from _records(doc.id, title, node, lang, "")
