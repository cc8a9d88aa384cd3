"""Checks across files: unique ids, resolvable references, executor lists that match their printed cell."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from planreader import ids, paths
from planreader.data.catalog import expand_refs
from planreader.data.errors import DataError, rel
from planreader.data.executors import find_bodies
from planreader.data.model import Abbreviation, Body, Document, MeasureFile, RepairFile, walk

if TYPE_CHECKING:
    from planreader.data.yamlfile import Parsed


def _dupes(values: list[str]) -> set[str]:
    return {v for v, n in Counter(values).items() if n > 1}


def _unknown(kind: str, value: str, known: dict[str, Any], where: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean one of {close}?" if close else f"; ids are listed in {where}"
    return f"unknown {kind} {value!r}{hint}"


def cross_check(bodies: list[Body], bodies_file: Parsed, connectors: list[str],
                abbreviations: list[Abbreviation], abbr_file: Parsed,
                documents: list[tuple[Document, Parsed]], measures: dict[str, tuple[MeasureFile, Parsed]]) -> list[DataError]:
    errors: list[DataError] = []
    body_ids = {b.id: b for b in bodies}
    abbr_ids = {a.id: a for a in abbreviations}
    doc_ids = {d.id for d, _ in documents}

    for dup in _dupes([b.id for b in bodies]):
        i = [b.id for b in bodies].index(dup, [b.id for b in bodies].index(dup) + 1)
        errors.append(bodies_file.error(("bodies", i, "id"), f"duplicate id {dup!r}; every body needs its own id"))
    errors += _former_id_clashes(bodies, "bodies", "body", bodies_file)
    forms = [(f, b.id) for b in bodies for f in b.forms]
    for dup in _dupes([f for f, _ in forms]):
        owners = [b for f, b in forms if f == dup]
        errors.append(bodies_file.error(("bodies",), f"form {dup!r} is given for several bodies {owners}; a form must name one body"))
    for i, b in enumerate(bodies):
        for field, back in (("replaces", "replaced_by"), ("replaced_by", "replaces")):
            link = getattr(b, field)
            if link is None:
                continue
            other = body_ids.get(link.body)
            if other is None:
                errors.append(bodies_file.error(("bodies", i, field, "body"), _unknown("body", link.body, body_ids, "data/bodies.yml")))
            elif getattr(other, back) is None or getattr(other, back).body != b.id:
                errors.append(bodies_file.error(("bodies", i, field), f"{link.body} must record {back}: {{body: {b.id}}} in return"))

    for dup in _dupes([a.id for a in abbreviations]):
        errors.append(abbr_file.error(("abbreviations",), f"duplicate id {dup!r}"))
    for i, a in enumerate(abbreviations):
        if a.body and a.body not in body_ids:
            errors.append(abbr_file.error(("abbreviations", i, "body"), _unknown("body", a.body, body_ids, "data/bodies.yml")))

    for doc_id, (mf, mp) in measures.items():
        if doc_id not in doc_ids:
            errors.append(mp.error(("document",), f"no document {doc_id!r} in data/documents/; valid: {sorted(doc_ids)}"))
        errors += _check_measures(mf, mp, body_ids, forms, connectors)

    for doc, dp in documents:
        mf = measures.get(doc.id, (None, None))[0]
        errors += _check_document(doc, dp, mf, body_ids, abbr_ids)
    return errors


def _check_measures(mf: MeasureFile, mp: Parsed, body_ids: dict[str, Body], forms: list[tuple[str, str]],
                    connectors: list[str]) -> list[DataError]:
    errors = []
    nums = [m.num for g in mf.groups for m in g.measures]
    for dup in _dupes(nums):
        errors.append(mp.error(("groups",), f"measure number {dup} is used twice"))
    for dup in _dupes([g.id for g in mf.groups]):
        errors.append(mp.error(("groups",), f"group id {dup} is used twice"))
    for gi, g in enumerate(mf.groups):
        prefix = g.id.replace("-", ".") + "."
        for mi, m in enumerate(g.measures):
            loc = ("groups", gi, "measures", mi)
            if not m.num.startswith(prefix):
                errors.append(mp.error(loc + ("num",), f"measure {m.num} does not belong to group {g.id} (numbers there start {prefix})"))
            bad = False
            for field in ("executors", "involving", "amended_executors"):
                for k, bid in enumerate(getattr(m, field)):
                    if bid not in body_ids:
                        bad = True
                        errors.append(mp.error(loc + (field, k), _unknown("body", bid, body_ids, "data/bodies.yml")))
            if bad:
                continue
            named, leftover = find_bodies(m.executors_text.az, forms, connectors)
            if named != m.executors + m.involving:
                errors.append(mp.error(loc + ("executors",), f"executors_text names {named}, but executors + involving list "
                                                             f"{m.executors + m.involving}; they must agree, in order"))
            if leftover:
                errors.append(mp.error(loc + ("executors_text",), f"{leftover!r} names no known body; add it to the forms "
                                                                  f"of a body in data/bodies.yml (or to connectors if it names none)"))
    return errors


def _check_document(doc: Document, dp: Parsed, mf: MeasureFile | None, body_ids: dict[str, Body],
                    abbr_ids: dict[str, Abbreviation]) -> list[DataError]:
    errors = []
    nodes = list(walk(doc.body))
    anchors = [n.id for n, _ in nodes]
    if mf:
        anchors += [ids.group_anchor(g.id) for g in mf.groups]
        for g in mf.groups:
            for m in g.measures:
                anchors.append(ids.measure_anchor(m.num))
                anchors += [ids.subitem_anchor(m.num, s.label) for s in m.subitems]
    for dup in _dupes(anchors):
        errors.append(dp.error(("body",), f"anchor {dup!r} is used twice in this document; node ids must be unique "
                                          f"and must not take the measure anchors m-… and g-…"))
    slots = [loc for n, loc in nodes if n.kind == "measures"]
    if mf and len(slots) != 1:
        errors.append(dp.error(("body",), f"needs exactly one node of kind 'measures' to place data/measures/{doc.id}.yml (found {len(slots)})"))
    if not mf and slots:
        errors.append(dp.error(slots[0], f"marks a measures table, but data/measures/{doc.id}.yml does not exist"))
    if doc.approved_act and doc.approved_act.issuer not in body_ids:
        errors.append(dp.error(("approved_act", "issuer"), _unknown("body", doc.approved_act.issuer, body_ids, "data/bodies.yml")))
    known_nums = [m.num for g in mf.groups for m in g.measures] if mf else []
    for n, loc in nodes:
        if n.ref and n.ref not in body_ids:
            errors.append(dp.error(loc + ("ref",), _unknown("body", n.ref, body_ids, "data/bodies.yml")))
        if n.abbr:
            a = abbr_ids.get(n.abbr)
            if a is None:
                errors.append(dp.error(loc + ("abbr",), _unknown("abbreviation", n.abbr, abbr_ids, "data/abbreviations.yml")))
            elif not n.cells or n.cells[0].az != a.abbreviation.az:
                errors.append(dp.error(loc + ("cells",), f"first cell must be the abbreviation {a.abbreviation.az!r}"))
        for phrase in n.strong:
            if not n.text or phrase not in n.text.az:
                errors.append(dp.error(loc + ("strong",), f"{phrase!r} does not occur in this node's text"))
        if n.recommends:
            r = n.recommends
            if r.body not in body_ids:
                errors.append(dp.error(loc + ("recommends", "body"), _unknown("body", r.body, body_ids, "data/bodies.yml")))
            for k, ref in enumerate(r.measures):
                try:
                    expand_refs([ref], known_nums)
                except ValueError as e:
                    errors.append(dp.error(loc + ("recommends", "measures", k), str(e)))
            printed = re.findall(r"\d+(?:\.\d+)+(?:-\d+(?:\.\d+)+)?", n.text.az if n.text else "")
            if printed != list(r.measures):
                errors.append(dp.error(loc + ("recommends", "measures"), f"lists {list(r.measures)} but the text names {printed}"))
    return errors


def _former_id_clashes(records: list, key: str, kind: str, file: Parsed) -> list[DataError]:
    """A former id keeps its old address forever, so it may belong to one record only and never be a current id."""
    current = {r.id for r in records}
    seen: dict[str, str] = {}
    errors = []
    for i, r in enumerate(records):
        for k, old in enumerate(r.former_ids):
            if old in current:
                errors.append(file.error((key, i, "former_ids", k), f"{old!r} is the id of a current {kind}; "
                                                                     f"an old address cannot lead to two pages"))
            elif old in seen:
                errors.append(file.error((key, i, "former_ids", k), f"{old!r} is already a former id of {seen[old]!r}"))
            seen.setdefault(old, r.id)
    return errors


def check_glossary(terms: list, gfile: Parsed | None, exceptions: list, efile: Parsed | None) -> list[DataError]:
    errors = []
    ids = {t.id: t for t in terms}
    for dup in _dupes([t.id for t in terms]):
        errors.append(gfile.error(("terms",), f"duplicate term id {dup!r}"))
    for dup in _dupes([t.az.term for t in terms]):
        errors.append(gfile.error(("terms",), f"two concepts share the Azerbaijani term {dup!r}; merge them or tell them apart"))
    errors += _former_id_clashes(terms, "terms", "term", gfile)
    for i, t in enumerate(terms):
        for k, related in enumerate(t.related):
            if related not in ids:
                errors.append(gfile.error(("terms", i, "related", k), _unknown("term", related, ids, "data/glossary/terms.yml")))
    for i, e in enumerate(exceptions):
        if e.term not in ids:
            errors.append(efile.error(("exceptions", i, "term"), _unknown("term", e.term, ids, "data/glossary/terms.yml")))
    return errors


def _unit_ids(catalog) -> set[str]:
    from planreader.data.units import all_units

    return {u.id for u in all_units(catalog)}


def check_exception_units(catalog, efile: Parsed) -> list[DataError]:
    unit_ids = _unit_ids(catalog)
    return [efile.error(("exceptions", i, "unit"), f"no text unit {e.unit!r}; unit ids are printed by the terminology check")
            for i, e in enumerate(catalog.term_exceptions) if e.unit not in unit_ids]


def check_translation_state(catalog, sfile: Parsed) -> list[DataError]:
    """Every unit recorded as reviewed exists (a unit whose node or measure was renamed or removed is reported)."""
    unit_ids = _unit_ids(catalog)
    errors = []
    for unit in catalog.reviewed:
        if unit not in unit_ids:
            line = sfile.error(("reviewed", unit), "").line
            errors.append(DataError(sfile.name, f"no text unit {unit!r}; remove this line (`make status` lists the "
                                                f"unit ids)", line, None, "reviewed"))
    return errors


def _source_file(name: str) -> str | None:
    """Why `name` cannot be read in sources/, or None. Checks only that it is there; never reads it."""
    if (paths.SOURCES / name).is_file():
        return None
    if not paths.SOURCES.is_dir():
        return f"no file {name!r}: the sources folder {rel(paths.SOURCES)}/ does not exist"
    there = sorted(p.name for p in paths.SOURCES.glob("*.txt"))
    return f"no file {name!r} in sources/; the texts there are {there}"


def check_sources(doc: Document, dfile: Parsed, repairs: RepairFile, rfile: Parsed) -> list[DataError]:
    """The document and its repairs name the same source text, and it is in sources/."""
    errors = []
    for problem, parsed, loc in ((_source_file(doc.source.file), dfile, ("source", "file")),
                                 (_source_file(repairs.source), rfile, ("source",))):
        if problem:
            errors.append(parsed.error(loc, problem))
    if not errors and repairs.source != doc.source.file:
        errors.append(rfile.error(("source",), f"repairs {repairs.source!r}, but the document's source is "
                                               f"{doc.source.file!r} ({dfile.name}); they must name the same text"))
    return errors
