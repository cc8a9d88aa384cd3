"""The validated, cross-referenced catalog every page and export is built from."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from planreader import ids
from planreader.data.model import (Abbreviation, Body, Document, Group, Instrument, Measure, MeasureFile,
                                   RepairFile, Review, Term, TermException, walk)


def expand_refs(refs: list[str], known: list[str]) -> list[str]:
    """Expand measure numbers and ranges ("13.3.3-13.3.5") against the known numbers, in document order."""
    out: list[str] = []
    for ref in refs:
        first, _, last = ref.partition("-")
        last = last or first
        for n in (first, last):
            if n not in known:
                raise ValueError(f"measure {n} (in {ref!r}) does not exist; valid numbers run {known[0]} … {known[-1]}")
        i, j = known.index(first), known.index(last)
        if j < i or first.rsplit(".", 1)[0] != last.rsplit(".", 1)[0]:
            raise ValueError(f"range {ref!r} must run forward within one group")
        out += known[i: j + 1]
    return out


ROLES = ("executes", "involved", "participates")


@dataclass(frozen=True)
class PlanMeasure:
    """A measure in its place: its document, its group, and the bodies asked to take part in it."""

    document: str
    group: Group
    measure: Measure
    participants: tuple[str, ...] = ()

    @property
    def num(self) -> str:
        return self.measure.num

    @property
    def slug(self) -> str:
        return ids.measure_slug(self.measure.num)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one catalog per build
class Catalog:
    documents: dict[str, Document]
    measure_files: dict[str, MeasureFile]
    measures: list[PlanMeasure]
    bodies: dict[str, Body]
    abbreviations: dict[str, Abbreviation]
    glossary: dict[str, Term] = field(default_factory=dict)
    term_exceptions: list[TermException] = field(default_factory=list)
    # data/translation-state.yml: unit id -> its last review (the fingerprints of both languages it was made against)
    reviewed: dict[str, Review] = field(default_factory=dict)
    _by_num: dict[tuple[str, str], PlanMeasure] = field(default_factory=dict, repr=False)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    # data/repairs/: per document, every repair of its source's extraction artefacts (published as a page)
    repairs: dict[str, RepairFile] = field(default_factory=dict)

    def measure(self, document: str, num: str) -> PlanMeasure:
        return self._by_num[(document, num)]

    def measures_of(self, document: str) -> list[PlanMeasure]:
        return self._by_document.get(document, [])

    def position(self, pm: PlanMeasure) -> int:
        """The measure's place in its document (0 for the first)."""
        return self._position[(pm.document, pm.num)]

    def neighbours(self, pm: PlanMeasure) -> tuple[PlanMeasure | None, PlanMeasure | None]:
        same = self.measures_of(pm.document)
        i = self._position[(pm.document, pm.num)]
        return (same[i - 1] if i else None), (same[i + 1] if i + 1 < len(same) else None)

    def roles_of(self, body_id: str) -> dict[str, list[PlanMeasure]]:
        """Every measure a body executes, is to be involved in, or is recommended to join, in document order."""
        return self._roles.get(body_id) or {role: [] for role in ROLES}

    @cached_property
    def citations(self) -> list:
        """Every place a document cites an instrument (planreader.data.citations.Citation), in reading order of
        the catalog's units."""
        from planreader.data.citations import find_citations
        from planreader.data.units import document_citing_units

        return find_citations(self.instruments.values(), document_citing_units(self))

    def citations_of(self, instrument_id: str) -> list:
        return self._citations_by_instrument.get(instrument_id, [])

    def instruments_cited_in(self, document: str, measure: str | None = None) -> list[Instrument]:
        """The instruments a document (or one of its measures, sub-items included) cites, in order of first
        citation."""
        seen: dict[str, Instrument] = {}
        for c in self.citations:
            if c.document == document and (measure is None or c.unit in self._measure_units(document, measure)):
                seen.setdefault(c.instrument, self.instruments[c.instrument])
        return list(seen.values())

    def _measure_units(self, document: str, num: str) -> set[str]:
        pm = self.measure(document, num)
        return ({str(ids.UnitId(document, ids.measure_anchor(num), "text"))}
                | {str(ids.UnitId(document, ids.subitem_anchor(num, s.label), "text")) for s in pm.measure.subitems})

    @cached_property
    def _citations_by_instrument(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for c in self.citations:
            out.setdefault(c.instrument, []).append(c)
        return out

    # Indexes built once per catalog: pages ask for them once per body or measure, so scanning every measure
    # each time would make the build grow with the square of the corpus.
    @cached_property
    def _by_document(self) -> dict[str, list[PlanMeasure]]:
        out: dict[str, list[PlanMeasure]] = {}
        for m in self.measures:
            out.setdefault(m.document, []).append(m)
        return out

    @cached_property
    def _position(self) -> dict[tuple[str, str], int]:
        return {(m.document, m.num): i for same in self._by_document.values() for i, m in enumerate(same)}

    @cached_property
    def _roles(self) -> dict[str, dict[str, list[PlanMeasure]]]:
        out: dict[str, dict[str, list[PlanMeasure]]] = {}
        for m in self.measures:
            for role, bodies in (("executes", m.measure.executors), ("involved", m.measure.involving),
                                 ("participates", m.participants)):
                for b in bodies:
                    out.setdefault(b, {r: [] for r in ROLES})[role].append(m)
        return out


def build_catalog(bodies: list[Body], abbreviations: list[Abbreviation], documents: list[Document],
                  measure_files: dict[str, MeasureFile], glossary: list[Term] | None = None,
                  term_exceptions: list[TermException] | None = None,
                  reviewed: dict[str, Review] | None = None, instruments: list[Instrument] | None = None,
                  repairs: dict[str, RepairFile] | None = None) -> Catalog:
    docs = {d.id: d for d in sorted(documents, key=lambda d: (d.date, d.id))}
    measures: list[PlanMeasure] = []
    for doc in docs.values():
        mf = measure_files.get(doc.id)
        if not mf:
            continue
        known = [m.num for g in mf.groups for m in g.measures]
        participants: dict[str, list[str]] = {n: [] for n in known}
        for node, _path in walk(doc.body):
            if node.recommends:
                for num in expand_refs(node.recommends.measures, known):
                    participants[num].append(node.recommends.body)
        for g in mf.groups:
            for m in g.measures:
                measures.append(PlanMeasure(doc.id, g, m, tuple(participants[m.num])))
    by_num = {(m.document, m.num): m for m in measures}
    return Catalog(docs, dict(measure_files), measures, {b.id: b for b in bodies},
                   {a.id: a for a in abbreviations}, {t.id: t for t in glossary or []}, list(term_exceptions or []),
                   dict(reviewed or {}), by_num, {i.id: i for i in instruments or []},
                   {d: r for d, r in (repairs or {}).items() if d in docs})
