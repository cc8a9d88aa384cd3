"""Proves the data holds every word of each source, once, in reading order (`python -m planreader fidelity`)."""
from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from planreader import paths
from planreader.data.files import read_text
from planreader.data.model import Document, MeasureFile, RepairFile, walk

WORD = re.compile(r"\w+")
# A unit's first word must lie within this many words of the earliest word no unit has claimed yet:
# units may interleave (PDF tables mix cells line by line) but may not move across the document.
MAX_JUMP = 250


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


def repaired_source(repairs: RepairFile, repairs_path: str) -> tuple[str, list[str]]:
    """The source text, whitespace-normalised, with every listed repair applied; and what went wrong.

    Raises DataErrors naming the file when the source is missing or unreadable (its name is a plain file name
    in sources/: the schema refuses paths)."""
    text = normalise(read_text(paths.SOURCES / repairs.source, paths.SOURCES))
    problems = []
    for i, r in enumerate(repairs.repairs):
        found = text.count(r.find)
        if found != r.count:
            problems.append(f"{repairs_path}: repairs[{i}] (find {r.find!r}): occurs {found} times in the "
                            f"source, expected count {r.count}; make `find` unique or fix `count`")
        text = text.replace(r.find, r.replace)
    return text, problems


def measure_words(mf: MeasureFile) -> Iterator[tuple[str, str]]:
    for g in mf.groups:
        yield f"group {g.id} num", g.num
        yield f"group {g.id} title.az", g.title.az
        for m in g.measures:
            where = f"measure {m.num}"
            yield f"{where} num", m.num
            yield f"{where} text.az", m.text.az
            yield f"{where} deadline.text.az", m.deadline.text.az
            yield f"{where} executors_text.az", m.executors_text.az
            if m.approving_body:
                yield f"{where} approving_body.az", m.approving_body.az
            for s in m.subitems:
                yield f"{where} subitem {s.label}", f"{s.label} {s.text.az}"


def source_order_texts(doc: Document, measures: MeasureFile | None) -> Iterator[tuple[str, str]]:
    """Every Azerbaijani text of a document that comes from its source, labelled, in the source's reading order."""
    for node, _path in walk(doc.body):
        where = f"node {node.id}"
        if node.num:
            yield f"{where} num", node.num
        if node.text:
            yield f"{where} text.az", node.text.az
        for i, cell in enumerate(node.cells or []):
            yield f"{where} cells[{i}].az", cell.az
        if node.kind == "measures" and measures is not None:
            yield from measure_words(measures)


@dataclass
class _Stream:
    words: list[str]
    used: list[bool]

    def first_free(self, lo: int) -> int:
        return next((i for i in range(max(lo, 0), len(self.words)) if not self.used[i]), len(self.words))

    def find(self, word: str, lo: int, hi: int) -> int | None:
        return next((i for i in range(lo, min(hi, len(self.words))) if not self.used[i] and self.words[i] == word), None)

    def context(self, i: int, span: int = 6) -> str:
        return " ".join(self.words[max(0, i - span): i + span])


def compare(source_text: str, units: list[tuple[str, str]], max_reports: int = 20) -> list[str]:
    """Match each unit's words, in order, against source words no earlier unit used; report differences.

    A unit starts near where the previous one started (cells of a table row interleave in the source,
    so a unit may begin a little before the previous one ends) and its words stay close together.
    Source words that no unit claims are reported at the end: those are words the data lost.
    """
    stream = _Stream(words(source_text), [False] * len(words(source_text)))
    problems: list[str] = []
    prev_start = prev_end = 0
    for label, text in units:
        unit = words(text)
        if not unit:
            continue
        pos = stream.first_free(prev_start - MAX_JUMP)
        limit = max(pos, prev_end) + MAX_JUMP
        matched: list[int] = []
        for n, w in enumerate(unit):
            hit = stream.find(w, pos, limit)
            if hit is None:
                before = " ".join(unit[max(0, n - 4):n])
                problems.append(f"{label}: word {n + 1} {w!r} (after {before!r}) is not in the source "
                                f"here; the source reads {stream.context(pos)!r}")
                break
            matched.append(hit)
            pos, limit = hit + 1, hit + 1 + MAX_JUMP
        if len(matched) == len(unit):
            for i in matched:
                stream.used[i] = True
            prev_start, prev_end = matched[0], matched[-1]
        else:  # resynchronise on the unit's first word so one error does not cascade
            again = stream.find(unit[0], stream.first_free(prev_start - MAX_JUMP), len(stream.words))
            prev_start = prev_end = again if again is not None else prev_start
    runs: list[list[int]] = []
    for i, used in enumerate(stream.used):
        if not used:
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        problems.append(f"source words missing from the data: {' '.join(stream.words[i] for i in run)!r} "
                        f"(in {stream.context(run[0], 8)!r})")
    if len(problems) > max_reports:
        problems = problems[:max_reports] + [f"… and {len(problems) - max_reports} more differences"]
    return problems


def check_document(doc_id: str) -> list[str]:
    from planreader.data.load import load_raw_document_set

    doc, measures, repairs, rpath = load_raw_document_set(doc_id)
    text, problems = repaired_source(repairs, rpath)
    return problems + [f"{doc_id}: {p}" for p in compare(text, list(source_order_texts(doc, measures)))]


def main(argv: list[str] | None = None) -> int:
    from planreader.data.load import DataErrors, document_ids

    try:
        ids = list(argv or []) or document_ids()
        problems = [p for d in ids for p in check_document(d)]
    except DataErrors as e:
        print(e, file=sys.stderr)
        return 1
    for p in problems:
        print(p)
    print(f"fidelity: {len(ids)} document(s), {len(problems)} difference(s)")
    return 1 if problems else 0


