"""Open data published with the site: JSON, CSV and JSON Schemas of documents, measures, bodies, abbreviations,
cited instruments."""
from __future__ import annotations

import json
from pathlib import Path

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.citation import cite_measure
from planreader.data.model import DATA_FILE_MODELS, Text
from planreader.publish import akn, fulltext
from planreader.publish.eli import TYPES_FILE, resource_types
from planreader.publish.formats import Bilingual, Names, Out, Urls, array_schema, site_urls, to_csv
from planreader.publish.tbx import glossary_tbx


class DeadlineOut(Out):
    text: Bilingual
    start: int | None
    end: int | None
    regular: bool


class SubItemOut(Out):
    label: str
    text: Bilingual


class MeasureOut(Out):
    document: str
    number: str
    group: str
    group_title: Bilingual
    text: Bilingual
    subitems: list[SubItemOut]
    executors: list[str]
    executors_names: Names
    executors_text: Bilingual
    involving: list[str]
    involving_names: Names
    participants: list[str]
    participants_names: Names
    deadline: DeadlineOut
    amended: bool
    amended_executors: list[str]
    citation: Bilingual
    url: Urls
    permalink: str


class BodyOut(Out):
    id: str
    name: Bilingual
    short: Bilingual | None
    kind: str
    replaces: str | None
    replaced_by: str | None
    measures: dict[str, list[str]]
    url: Urls
    former_ids: list[str]  # ids it was published under; their addresses redirect to `url`


class AbbreviationOut(Out):
    id: str
    abbreviation: Bilingual
    expansion: Bilingual
    body: str | None
    en_coined: bool  # the English abbreviation was made for this site; the body has none of its own
    url: Urls


class CitationOut(Out):
    document: str
    unit: str  # the anchor of the citing unit on its page ("p-3-4", "m-13-1-5", "m-1-2-a")
    url: Urls


class InstrumentOut(Out):
    id: str
    kind: str
    title: Bilingual
    short: Bilingual | None
    date: str | None  # only as the texts print it
    number: str | None
    identifier: str | None  # a CETS number …, with its basis on the instrument's page
    cited_in: list[CitationOut]
    url: Urls


class TermOut(Out):
    id: str
    term: Bilingual
    variants: dict[str, list[str]]
    forms_az: list[str]
    definition: Bilingual
    source: Bilingual | None
    note: Bilingual | None
    related: list[str]
    url: Urls
    former_ids: list[str]  # ids it was published under; their addresses redirect to `url`


class DocumentOut(Out):
    id: str
    kind: str
    number: str
    date: str
    title: Bilingual
    short_title: Bilingual
    approves: Bilingual
    complete: bool
    completeness_note: Bilingual | None
    amendments: list[dict[str, str | None]]
    measures: int
    url: Urls


def _b(text: Text | None) -> Bilingual | None:
    return None if text is None else Bilingual(az=text.az, en=text.en)


def records(cat: Catalog, root: str = "/") -> dict[str, list[Out]]:
    """Every record; URLs are absolute under the site address `root` (a path from the site root by default)."""
    def _urls(path: str) -> Urls:
        return site_urls(root, path)

    def names(body_ids) -> Names:
        bodies = [cat.bodies[b] for b in body_ids]
        return Names(az=[b.name.az for b in bodies], en=[b.name.in_lang("en") for b in bodies])

    measures = [MeasureOut(
        document=pm.document, number=pm.num, group=pm.group.id, group_title=_b(pm.group.title), text=_b(pm.measure.text),
        subitems=[SubItemOut(label=s.label, text=_b(s.text)) for s in pm.measure.subitems],
        executors=list(pm.measure.executors), executors_names=names(pm.measure.executors),
        executors_text=_b(pm.measure.executors_text),
        involving=list(pm.measure.involving), involving_names=names(pm.measure.involving),
        participants=list(pm.participants), participants_names=names(pm.participants),
        deadline=DeadlineOut(text=_b(pm.measure.deadline.text), start=pm.measure.deadline.start,
                             end=pm.measure.deadline.end, regular=pm.measure.deadline.regular),
        amended=bool(pm.measure.amended_executors), amended_executors=list(pm.measure.amended_executors),
        citation=Bilingual(az=cite_measure(pm, cat.documents[pm.document], "az"),
                           en=cite_measure(pm, cat.documents[pm.document], "en")),
        url=_urls(ids.measure(pm.document, pm.num)), permalink=root + ids.Permalink(pm.document, pm.num).path,
    ) for pm in cat.measures]
    bodies = [BodyOut(
        id=b.id, name=_b(b.name), short=_b(b.short), kind=b.kind,
        replaces=b.replaces.body if b.replaces else None, replaced_by=b.replaced_by.body if b.replaced_by else None,
        measures={role: [f"{pm.document}:{pm.num}" for pm in pms] for role, pms in cat.roles_of(b.id).items()},
        url=_urls(ids.body(b.id)), former_ids=b.former_ids,
    ) for b in cat.bodies.values()]
    abbreviations = [AbbreviationOut(id=a.id, abbreviation=_b(a.abbreviation), expansion=_b(a.expansion), body=a.body,
                                     en_coined=a.en_coined,
                                     url=_urls(ids.abbreviation(a.id))) for a in cat.abbreviations.values()]
    documents = [DocumentOut(
        id=d.id, kind=d.kind, number=d.number, date=d.date.isoformat(), title=_b(d.title), short_title=_b(d.short_title),
        approves=_b(d.approves), complete=d.source.complete, completeness_note=_b(d.source.note),
        amendments=[{"kind": a.kind, "date": a.date.isoformat(), "number": a.number} for a in d.amendments],
        measures=len(cat.measures_of(d.id)), url=_urls(ids.document(d.id)),
    ) for d in cat.documents.values()]
    glossary = [TermOut(
        id=t.id, term=Bilingual(az=t.az.term, en=t.en.term), variants={"az": t.az.variants, "en": t.en.variants},
        forms_az=t.az.forms, definition=_b(t.definition), source=_b(t.source), note=_b(t.note), related=t.related,
        url=_urls(ids.term(t.id)), former_ids=t.former_ids,
    ) for t in cat.glossary.values()]
    instruments = [InstrumentOut(
        id=i.id, kind=i.kind, title=_b(i.title), short=_b(i.short), date=i.date.isoformat() if i.date else None,
        number=i.number, identifier=i.identifier.value if i.identifier else None,
        cited_in=[CitationOut(document=c.document, unit=ids.parse_unit_id(c.unit).key, url=_urls(c.page))
                  for c in cat.citations_of(i.id)],
        url=_urls(ids.instrument(i.id)),
    ) for i in cat.instruments.values()]
    return {"measures": measures, "bodies": bodies, "abbreviations": abbreviations, "documents": documents,
            "glossary": glossary, "instruments": instruments}


MODELS: dict[str, type[Out]] = {"measures": MeasureOut, "bodies": BodyOut, "abbreviations": AbbreviationOut,
                                "documents": DocumentOut, "glossary": TermOut, "instruments": InstrumentOut}


def write(cat: Catalog, out_dir: Path, root: str = "/") -> list[Path]:
    """Write <name>.json, .csv and schema/<name>.schema.json into `out_dir` (the site's data/ folder), then the
    documents as Akoma Ntoso (akn/) and full text (fulltext/); return the files written. `root` is the site's
    address: every URL in the files is absolute under it."""
    written = []
    (out_dir / "schema").mkdir(parents=True, exist_ok=True)
    for name, recs in records(cat, root).items():
        rows = [r.model_dump(mode="json") for r in recs]
        files = {
            out_dir / f"{name}.json": json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=False) + "\n",
            out_dir / f"{name}.csv": to_csv(rows),
            out_dir / "schema" / f"{name}.schema.json": json.dumps(array_schema(MODELS[name]), indent=1,
                                                                    sort_keys=True) + "\n",
        }
        for path, text in files.items():
            path.write_text(text, encoding="utf-8")
            written.append(path)
    (out_dir / "glossary.tbx").write_text(glossary_tbx(cat), encoding="utf-8")
    written.append(out_dir / "glossary.tbx")
    for name, model in DATA_FILE_MODELS.items():
        path = out_dir / "schema" / f"data-{name}.schema.json"
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        path.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    # The documents themselves: Akoma Ntoso XML and the full text (paths from the site root, which holds data/).
    site_dir = out_dir.parent
    written += akn.write(cat, site_dir) + fulltext.write(cat, site_dir, root)
    types = site_dir / TYPES_FILE
    types.parent.mkdir(parents=True, exist_ok=True)
    types.write_text(json.dumps(resource_types(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written + [types]
