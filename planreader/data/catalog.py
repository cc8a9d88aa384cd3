"""The validated, cross-referenced catalog every page and export is built from."""
from __future__ import annotations

from dataclasses import dataclass, field

from planreader.data.model import Abbreviation, Body, Document, Group, Measure, MeasureFile, Node, Term, TermException

# Azerbaijani sub-item letters outside ASCII get fixed ASCII spellings so anchors stay ASCII.
_ASCII_LABEL = {"ç": "ch", "ə": "ae", "ğ": "gh", "ı": "iy", "ö": "oe", "ş": "sh", "ü": "ue"}


def anchor_for_measure(num: str) -> str:
    return "m-" + num.replace(".", "-")


def anchor_for_group(group_id: str) -> str:
    return "g-" + group_id


def anchor_for_subitem(num: str, label: str) -> str:
    return f"{anchor_for_measure(num)}-{_ASCII_LABEL.get(label, label)}"


def measure_slug(num: str) -> str:
    return num.replace(".", "-")


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
        return measure_slug(self.measure.num)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one catalog per build
class Catalog:
    documents: dict[str, Document]
    measure_files: dict[str, MeasureFile]
    measures: list[PlanMeasure]
    bodies: dict[str, Body]
    abbreviations: dict[str, Abbreviation]
    glossary: dict[str, Term] = field(default_factory=dict)
    term_exceptions: list[TermException] = field(default_factory=list)
    _by_num: dict[tuple[str, str], PlanMeasure] = field(default_factory=dict, repr=False)

    def measure(self, document: str, num: str) -> PlanMeasure:
        return self._by_num[(document, num)]

    def measures_of(self, document: str) -> list[PlanMeasure]:
        return [m for m in self.measures if m.document == document]

    def neighbours(self, pm: PlanMeasure) -> tuple[PlanMeasure | None, PlanMeasure | None]:
        same = self.measures_of(pm.document)
        i = same.index(pm)
        return (same[i - 1] if i else None), (same[i + 1] if i + 1 < len(same) else None)

    def roles_of(self, body_id: str) -> dict[str, list[PlanMeasure]]:
        """Every measure a body executes, is to be involved in, or is recommended to join."""
        return {
            "executes": [m for m in self.measures if body_id in m.measure.executors],
            "involved": [m for m in self.measures if body_id in m.measure.involving],
            "participates": [m for m in self.measures if body_id in m.participants],
        }


def _walk(nodes: list[Node]):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def build_catalog(bodies: list[Body], abbreviations: list[Abbreviation], documents: list[Document],
                  measure_files: dict[str, MeasureFile], glossary: list[Term] | None = None,
                  term_exceptions: list[TermException] | None = None) -> Catalog:
    docs = {d.id: d for d in sorted(documents, key=lambda d: (d.date, d.id))}
    measures: list[PlanMeasure] = []
    for doc in docs.values():
        mf = measure_files.get(doc.id)
        if not mf:
            continue
        known = [m.num for g in mf.groups for m in g.measures]
        participants: dict[str, list[str]] = {n: [] for n in known}
        for node in _walk(doc.body):
            if node.recommends:
                for num in expand_refs(node.recommends.measures, known):
                    participants[num].append(node.recommends.body)
        for g in mf.groups:
            for m in g.measures:
                measures.append(PlanMeasure(doc.id, g, m, tuple(participants[m.num])))
    by_num = {(m.document, m.num): m for m in measures}
    return Catalog(docs, dict(measure_files), measures, {b.id: b for b in bodies},
                   {a.id: a for a in abbreviations}, {t.id: t for t in glossary or []}, list(term_exceptions or []),
                   by_num)
