"""Reads and validates every file in data/ and builds the catalog, or raises DataErrors naming each problem."""
from __future__ import annotations

import sys

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from planreader import paths
from planreader.data.catalog import Catalog, build_catalog
from planreader.data.citations import check_citations
from planreader.data.crosscheck import check_exception_units, check_glossary, check_sources, check_translation_state, \
    cross_check
from planreader.data.errors import DataError, DataErrors, rel
from planreader.data.model import (Abbreviation, Body, Document, Instrument, MeasureFile, RepairFile, Term, TermException,
                                   TranslationState, phrase, visible_text)
from planreader.data.files import read_text
from planreader.data.yamlfile import Parsed, parse, read_yaml

STATE_FILE = "translation-state.yml"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

FRIENDLY = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field; remove it or check its spelling",
    "dict_type": "must be a mapping (key: value, one per line)",
}


def validate(model: type[M], parsed: Parsed, raw: Any = None, loc: tuple[Any, ...] = ()) -> tuple[M | None, list[DataError]]:
    try:
        return model.model_validate(parsed.raw if raw is None else raw), []
    except ValidationError as e:
        errors = []
        for err in e.errors(include_url=False):
            msg = FRIENDLY.get(err["type"], err["msg"].removeprefix("Value error, "))
            if err["type"] not in FRIENDLY and "input" in err and not isinstance(err["input"], (dict, list)):
                msg += f" (got {str(err['input'])[:80]!r})"
            errors.append(parsed.error(loc + tuple(err["loc"]), msg))
        return None, errors


def _whole(parsed: Parsed, model: type[M], errors: list[DataError]) -> M | None:
    """The file validated as one record; its problems are added to `errors`."""
    rec, errs = validate(model, parsed)
    errors += errs
    return rec


def _records(parsed: Parsed, key: str, model: type[M], errors: list[DataError]) -> list[M]:
    """Validate each record of a top-level list on its own, so one bad record never hides the others."""
    items = parsed.raw.get(key)
    if not isinstance(items, list):
        errors.append(parsed.error((), f"needs a list under '{key}:'"))
        return []
    out = []
    for i, item in enumerate(items):
        rec, errs = validate(model, parsed, item, (key, i))
        errors += errs
        if rec is not None:
            out.append(rec)
    return out


def _connectors(bodies_file: Parsed, errors: list[DataError]) -> list[str]:
    """The phrases that join body names in an executors cell ("və", "cəlb etməklə"): each must be able to match."""
    connectors = bodies_file.raw.get("connectors", [])
    if not isinstance(connectors, list):
        errors.append(bodies_file.error(("connectors",), "must be a list of phrases"))
        return []
    good = []
    for i, c in enumerate(connectors):
        try:
            if not isinstance(c, str):
                raise ValueError(f"must be a phrase (text), not {type(c).__name__}")
            good.append(phrase(visible_text(c)))
        except ValueError as e:
            errors.append(bodies_file.error(("connectors", i), str(e)))
    return good


def document_ids() -> list[str]:
    return sorted(p.stem for p in (paths.DATA / "documents").glob("*.yml"))


def load_raw_document_set(doc_id: str) -> tuple[Document, MeasureFile | None, RepairFile, str]:
    """One document with its measures and repairs, validated on their own (for the fidelity check)."""
    errors: list[DataError] = []
    out = []
    files: list[Parsed | None] = []
    for folder, model in (("documents", Document), ("measures", MeasureFile), ("repairs", RepairFile)):
        path = paths.DATA / folder / f"{doc_id}.yml"
        if folder == "measures" and not path.exists():
            out.append(None)
            files.append(None)
            continue
        try:
            parsed = read_yaml(path, paths.DATA)
        except DataErrors as e:
            errors += e.errors
            continue
        out.append(_whole(parsed, model, errors))
        files.append(parsed)
    if not errors:
        errors += check_sources(out[0], files[0], out[2], files[2])
    if errors:
        raise DataErrors(errors)
    return out[0], out[1], out[2], rel(paths.DATA / "repairs" / f"{doc_id}.yml")


# One step per kind of file: what it holds, validated on its own. Each step is a plain function of the parsed
# file, so its result can be reused while the file's text is unchanged (see _checked).
def _bodies(p: Parsed, errors: list[DataError]) -> tuple[list[Body], list[str]]:
    return _records(p, "bodies", Body, errors), _connectors(p, errors)


def _instruments(p: Parsed, errors: list[DataError]) -> list[Instrument]:
    records = _records(p, "instruments", Instrument, errors)
    seen: set[str] = set()
    for i, raw in enumerate(p.raw.get("instruments") or []):  # the file's own positions, so the line is right
        rid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(rid, str) and rid in seen:
            errors.append(p.error(("instruments", i, "id"), f"duplicate id {rid!r}; every instrument needs its own id"))
        seen.add(rid)
    return records


def _abbreviations(p: Parsed, errors: list[DataError]) -> list[Abbreviation]:
    return _records(p, "abbreviations", Abbreviation, errors)


def _terms(p: Parsed, errors: list[DataError]) -> list[Term]:
    return _records(p, "terms", Term, errors)


def _exceptions(p: Parsed, errors: list[DataError]) -> list[TermException]:
    return _records(p, "exceptions", TermException, errors)


def _state(p: Parsed, errors: list[DataError]) -> TranslationState | None:
    return _whole(p, TranslationState, errors)


def _document(p: Parsed, errors: list[DataError]) -> Document | None:
    doc = _whole(p, Document, errors)
    if doc and doc.id != p.path.stem:
        errors.append(p.error(("id",), f"document id {doc.id!r} must match the file name {p.path.stem!r}"))
    return doc


def _repairs(p: Parsed, errors: list[DataError]) -> RepairFile | None:
    return _whole(p, RepairFile, errors)


def _measures(p: Parsed, errors: list[DataError]) -> MeasureFile | None:
    mf = _whole(p, MeasureFile, errors)
    if mf and mf.document != p.path.stem:
        errors.append(p.error(("document",), f"must match the file name {p.path.stem!r}"))
    return mf


# Room for 16 times today's plans (67 files; a catalog larger than the cache is read whole on every reload) and the
# tests' broken copies of a few of them.
@lru_cache(maxsize=128)
def _checked(path: Path, name: str, step: Callable[[Parsed, list[DataError]], T], text: str) \
        -> tuple[Parsed, T, tuple[DataError, ...]]:
    """Parse a file's text and run its step; kept for texts seen before, because one process often loads the
    catalog again with most files unchanged (the tests, which break one file at a time; a long-running preview).
    Keyed by the whole text, so a changed file is always read afresh. Refusals (DataErrors) are not kept."""
    parsed = parse(path, text)
    errors: list[DataError] = []
    value = step(parsed, errors)
    return parsed, value, tuple(errors)


def _load(path: Path, data: Path, step: Callable[[Parsed, list[DataError]], T],
          errors: list[DataError]) -> tuple[Parsed | None, T | None]:
    """One file read (always, to see whether it changed) and checked by `step`; its errors are added to `errors`."""
    try:
        parsed, value, errs = _checked(path, rel(path), step, read_text(path, data))
    except DataErrors as e:
        errors += e.errors
        return None, None
    errors += errs
    return parsed, value


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Everything in data/, validated and cross-referenced; raises DataErrors listing every problem."""
    data = data_dir or paths.DATA
    errors: list[DataError] = []

    bodies_file, loaded = _load(data / "bodies.yml", data, _bodies, errors)
    bodies, connectors = loaded or ([], [])
    abbr_file, abbreviations = _load(data / "abbreviations.yml", data, _abbreviations, errors)
    instruments_path = data / "instruments.yml"  # optional: a catalog may cite nothing
    instruments_file, instruments = (_load(instruments_path, data, _instruments, errors) if instruments_path.exists()
                                     else (None, []))

    state_path = data / STATE_FILE  # optional: nothing recorded as reviewed yet
    state_file, state = (_load(state_path, data, _state, errors) if state_path.exists() or state_path.is_symlink()
                         else (None, TranslationState()))

    glossary_file, glossary = _load(data / "glossary" / "terms.yml", data, _terms, errors)
    exceptions_path = data / "glossary" / "exceptions.yml"
    exceptions_file, exceptions = (_load(exceptions_path, data, _exceptions, errors) if exceptions_path.exists()
                                   else (None, []))

    documents: list[tuple[Document, Parsed]] = []
    measures: dict[str, tuple[MeasureFile, Parsed]] = {}
    for path in sorted((data / "documents").glob("*.yml")):
        p, doc = _load(path, data, _document, errors)
        if p and doc:
            documents.append((doc, p))
    for path in sorted((data / "measures").glob("*.yml")):
        p, mf = _load(path, data, _measures, errors)
        if p and mf:
            measures[mf.document] = (mf, p)
    repairs: dict[str, RepairFile] = {}
    for path in sorted((data / "repairs").glob("*.yml")):
        p, rf = _load(path, data, _repairs, errors)
        if p and rf:
            repairs[path.stem] = rf

    if errors:
        raise DataErrors(errors)
    errors += cross_check(bodies, bodies_file, connectors, abbreviations or [], abbr_file, documents, measures)
    errors += check_glossary(glossary or [], glossary_file, exceptions or [], exceptions_file)
    if errors:
        raise DataErrors(errors)
    catalog = build_catalog(bodies, abbreviations or [], [d for d, _ in documents],
                            {k: v[0] for k, v in measures.items()}, glossary, exceptions,
                            state.reviewed if state else {}, instruments or [], repairs)
    errors += check_citations(catalog, instruments_file)
    if exceptions_file:
        errors += check_exception_units(catalog, exceptions_file)
    if state_file:
        errors += check_translation_state(catalog, state_file)
    if errors:
        raise DataErrors(errors)
    return catalog


def load_catalog_or_report() -> Catalog | None:
    """For the commands (validate, status, terms, xliff): the catalog, or None after printing its data errors, one
    located line each, to stderr (the command then exits 1)."""
    try:
        return load_catalog()
    except DataErrors as e:
        print(e, file=sys.stderr)
        return None
