"""The full text of each document as open data: every unit in reading order, in both languages (JSON and CSV)."""
from __future__ import annotations

import json
from pathlib import Path

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.data.model import Document
from planreader.data.units import Unit, document_meta, reading_order
from planreader.publish.akn import frbr
from planreader.publish.formats import Bilingual, Out, Urls, model_schema, site_urls, to_csv

# One file per document (data/fulltext/<document>.json and .csv), so a reader of one plan downloads only that
# plan, each document page links its own file, and no file grows with the number of documents.


class UnitOut(Out):
    id: str  # the unit id translators and the translation state use: "nap-2014-2018:m-13-2-9:text"
    anchor: str | None  # eId in the Akoma Ntoso files and row in the side-by-side view; None for metadata
    kind: str  # title, heading, paragraph, item, line, stamp, note, row, signatory, group, measure, subitem, executors, deadline; or the metadata field
    number: str | None  # "13.2.9", "2.4 ç", "2.1.3", "I" …
    az: str
    en: str  # empty where not yet translated
    url: Urls  # where the unit stands in the full text


class AknOut(Out):
    work: str
    expression: Bilingual
    file: Urls


class FullTextOut(Out):
    document: str
    title: Bilingual
    complete: bool
    completeness_note: Bilingual | None
    akn: AknOut
    metadata: list[UnitOut]
    units: list[UnitOut]


def _anchor(unit: Unit) -> str | None:
    uid = ids.parse_unit_id(unit.id)
    if uid.key == "meta":
        return None
    if uid.field in ("executors", "deadline"):
        return ids.facts_anchor(ids.parse_anchor(uid.key).num or "", uid.field)
    return uid.key


def _unit(doc: Document, unit: Unit, root: str) -> UnitOut:
    uid = ids.parse_unit_id(unit.id)
    anchor = _anchor(unit)
    # Every anchor, the executors and deadline cells' included, is an id on the full-text page.
    place = ids.in_document(doc.id, anchor) if anchor else ids.document(doc.id)
    kind = uid.field if uid.key == "meta" else (unit.node_kind or unit.kind)
    return UnitOut(id=unit.id, anchor=anchor, kind=kind, number=unit.number, az=unit.text.az, en=unit.text.en,
                   url=site_urls(root, place))


def record(cat: Catalog, doc: Document, root: str = "/") -> FullTextOut:
    f = frbr(doc)
    return FullTextOut(
        document=doc.id, title=Bilingual(az=doc.title.az, en=doc.title.en), complete=doc.source.complete,
        completeness_note=Bilingual(az=doc.source.note.az, en=doc.source.note.en) if doc.source.note else None,
        akn=AknOut(work=f.work, expression=Bilingual(az=f.expression("az"), en=f.expression("en")),
                   file=Urls(az=root + ids.akn_file(doc.id, "az"), en=root + ids.akn_file(doc.id, "en"))),
        metadata=[_unit(doc, u, root) for u in document_meta(doc)],
        units=[_unit(doc, u, root) for u in reading_order(cat, doc)],
    )


def schema() -> dict:
    return model_schema(FullTextOut)


def write(cat: Catalog, site_dir: Path, root: str = "/") -> list[Path]:
    """Write data/fulltext/<document>.json and .csv and data/schema/fulltext.schema.json; return the files."""
    written = []
    for doc in cat.documents.values():
        rec = record(cat, doc, root).model_dump(mode="json")
        files = {
            ids.fulltext_file(doc.id, "json"): json.dumps(rec, ensure_ascii=False, indent=1) + "\n",
            # The CSV holds the metadata units (title, issuer, place …; no anchor) first, then the text, as the JSON.
            ids.fulltext_file(doc.id, "csv"): to_csv(rec["metadata"] + rec["units"]),
        }
        for rel, text in files.items():
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    path = site_dir / "data" / "schema" / "fulltext.schema.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schema(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written + [path]
