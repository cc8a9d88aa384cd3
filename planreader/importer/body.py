"""The plan after its title: numbered sections and paragraphs, the measures table, and the closing note."""
from __future__ import annotations

import re

from planreader.importer import markup
from planreader.importer.bodies import Matcher
from planreader.importer.deadlines import parse_deadline
from planreader.importer.front import node
from planreader.importer.report import Report
from planreader.importer.source import ImportFailure, Line

SECTION = re.compile(r"^(\d+)\.\s+(.+)$")
PARAGRAPH = re.compile(r"^(\d+(?:\.\d+)+)\.\s+(.+)$")
ROW = re.compile(r"^(\d+(?:\.\d+){2,})\.?\t")  # a measure row: "13.1.1.<TAB>…"
GROUP = re.compile(r"^(\d+\.\d+)\.\s+([^\t]+?)\t*$")  # a group heading in the table: "13.1. Title<TAB><TAB>"
NOTE = "Qeyd."
ENDS_SENTENCE = tuple(".,;:!?")
MEASURE_REF = re.compile(r"\d+(?:\.\d+)+(?:-\d+(?:\.\d+)+)?")


def _anchor(num: str) -> str:
    return "p-" + num.replace(".", "-")


def _expected_next(prev: str | None, num: str) -> bool:
    """Whether `num` follows `prev` in a numbering (13.1.9 -> 13.1.10, or 2 -> 3)."""
    if prev is None:
        return num.split(".")[-1] == "1"
    a, b = prev.split("."), num.split(".")
    return a[:-1] == b[:-1] and int(b[-1]) == int(a[-1]) + 1


class Numbering:
    """Reports gaps and repeats in a sequence of numbers that should count up by one."""

    def __init__(self, report: Report, what: str):
        self.report, self.what, self.prev, self.seen = report, what, {}, set()

    def see(self, num: str, line: Line, scope: str = "") -> None:
        if num in self.seen:
            self.report.add(line.no, "numbering", f"{self.what} {num} is repeated")
        elif not _expected_next(self.prev.get(scope), num):
            self.report.add(line.no, "numbering", f"{self.what} {num} follows {self.prev.get(scope) or 'nothing'}: "
                                                  f"a gap or a number out of order")
        self.seen.add(num)
        self.prev[scope] = num


def _join_paragraph(target: dict, line: Line, report: Report) -> None:
    target["text"]["az"] = f"{target['text']['az']} {markup.plain(line.stripped)}"
    report.add(line.no, "joined-paragraph", f"joined to {target['id']} (a page break inside a paragraph?): "
                                            f"{line.stripped[:50]!r}")


def parse_table(lines: list[Line], i: int, matcher: Matcher, report: Report) -> tuple[dict | None, list[dict], int]:
    """The table from lines[i]: (header table node or None, groups, index after the table)."""
    header_rows, groups = [], []
    numbering, group_numbering = Numbering(report, "measure"), Numbering(report, "group")
    while i < len(lines) and not ROW.match(lines[i].text) and not GROUP.match(lines[i].text) and "\t" in lines[i].text:
        cells = [c.strip() for c in lines[i].text.split("\t")]
        rid = "measures-header-numbers" if all(c.isdigit() for c in cells) else "measures-header-columns"
        if any(r["id"] == rid for r in header_rows):
            rid = f"measures-header-row-{len(header_rows) + 1}"
        header_rows.append({"id": rid, "kind": "row", "cells": [{"az": markup.plain(c), "en": ""} for c in cells]})
        i += 1
    rows: list[tuple[Line, list[str], list[str]]] = []  # (first line, cells as printed, raw cells with markup)
    while i < len(lines) and lines[i].stripped != NOTE:
        line = lines[i]
        if g := GROUP.match(line.text):
            group_numbering.see(g.group(1), line)
            groups.append({"id": g.group(1).replace(".", "-"), "num": g.group(1),
                           "title": {"az": markup.plain(g.group(2)), "en": ""}, "measures": [], "_line": line.no})
        elif m := ROW.match(line.text):
            cells = line.text.split("\t")
            rows.append((line, [c.strip() for c in cells[1:]], []))
            if not groups:
                report.add(line.no, "numbering", f"measure {m.group(1)} comes before any group heading")
                groups.append({"id": m.group(1).rsplit(".", 1)[0].replace(".", "-"), "num": m.group(1).rsplit(".", 1)[0],
                               "title": {"az": "", "en": ""}, "measures": [], "_line": line.no})
            numbering.see(m.group(1), line, groups[-1]["num"])
            groups[-1]["measures"].append(len(rows) - 1)
        elif line.text.startswith("\t") and rows:
            extra = line.text.split("\t")[1:]
            first, cells, _ = rows[-1]
            for k, c in enumerate(extra):
                if c.strip():
                    while len(cells) <= k:
                        cells.append("")
                    cells[k] = f"{cells[k]} {c.strip()}".strip()
            report.add(line.no, "joined-cells", f"continuation of measure row at line {first.no} joined cell by "
                                                f"cell; check the wrapped text reads as one")
        else:
            break  # the table has ended
        i += 1
    out_groups = []
    for g in groups:
        measures = []
        for r in g.pop("measures"):
            line, cells = rows[r][0], rows[r][1]
            num = ROW.match(line.text).group(1)
            where = f"measure {num}"
            if len(cells) != 3 or not all(cells):
                report.add(line.no, "cells", f"{where}: expected 3 cells (measure, executors, deadline), found "
                                             f"{len([c for c in cells if c])}: {cells!r}")
                cells = (cells + ["", "", ""])[:3]
            text, executors_raw, deadline_text = cells
            plain_exec = markup.plain(executors_raw)
            deadline, sure = parse_deadline(markup.plain(deadline_text))
            if not sure:
                report.add(line.no, "deadline", f"{where}: cannot read the deadline {deadline_text!r} as years or "
                                                f"'mütəmadi'; check start/end")
            executors, involving, amended = matcher.match_cell(plain_exec, markup.italic_names(executors_raw),
                                                               line.no, report, where)
            rec: dict = {"num": num, "text": {"az": markup.plain(text), "en": ""}, "deadline": deadline,
                         "executors_text": {"az": plain_exec, "en": ""}, "executors": executors}
            if involving:
                rec["involving"] = involving
            if amended:
                rec["amended_executors"] = amended
            if not executors:
                report.add(line.no, "cells", f"{where}: the executors cell names no body")
            measures.append(rec)
        g.pop("_line")
        if measures:
            g["measures"] = measures
            out_groups.append(g)
        else:
            report.add(None, "numbering", f"group {g['num']} has no measures")
    header = {"id": "measures-header", "kind": "table", "children": header_rows} if header_rows else None
    return header, out_groups, i


def parse_note(lines: list[Line], i: int, matcher: Matcher, report: Report) -> tuple[dict, int]:
    """The closing note ("Qeyd."): numbered recommendations to bodies to take part in listed measures."""
    items: list[dict] = []
    numbering = Numbering(report, "note item")
    head = lines[i]
    i += 1
    while i < len(lines):
        line = lines[i]
        if m := SECTION.match(line.stripped):
            numbering.see(m.group(1), line)
            text = markup.plain(m.group(2))
            rec = node(f"note-{m.group(1)}", "item", m.group(2), m.group(1))
            spans = [b for b in matcher.note_bodies(text)]
            if not spans and " tövsiyə edilsin" in text:
                spans = [matcher.propose(text.split(" tövsiyə edilsin")[0], line.no, report, f"note item {m.group(1)}")]
            refs = MEASURE_REF.findall(text)
            if spans and refs:
                rec["ref"] = spans[0]
                rec["recommends"] = {"body": spans[0], "measures": refs}
            else:
                report.add(line.no, "note", f"note item {m.group(1)}: no addressee or no measure numbers found")
            items.append(rec)
        elif items and not items[-1]["text"]["az"].endswith(ENDS_SENTENCE):
            _join_paragraph(items[-1], line, report)
        else:
            report.add(line.no, "outside", f"text after the closing note kept as an unnumbered item: {line.stripped[:60]!r}")
            items.append(node(f"note-p{i}", "paragraph", line.stripped))
        i += 1
    return {"id": "note", "kind": "heading", "text": {"az": head.stripped, "en": ""}, "children": items}, i


def parse_body(lines: list[Line], i: int, matcher: Matcher, report: Report) -> tuple[list[dict], list[dict]]:
    """(nodes of the plan's sections and note, groups of measures)."""
    sections: list[dict] = []
    groups: list[dict] = []
    sections_no, paragraphs_no = Numbering(report, "section"), Numbering(report, "paragraph")
    by_num: dict[str, dict] = {}
    last: dict | None = None
    while i < len(lines):
        line = lines[i]
        text = line.stripped
        if text == NOTE:
            note, i = parse_note(lines, i, matcher, report)
            sections.append(note)
            break
        if "\t" in line.text:
            if not sections:
                raise ImportFailure(f"{report.source}: line {line.no}: a table before any numbered section")
            if groups:
                report.add(line.no, "outside", "a second table; its rows were read into the same measures")
            header, new_groups, i = parse_table(lines, i, matcher, report)
            if header:
                sections[-1]["children"].append(header)
            if not any(c["kind"] == "measures" for c in sections[-1]["children"]):
                sections[-1]["children"].append({"id": "measures", "kind": "measures"})
            groups += new_groups
            last = None
            continue
        if (m := PARAGRAPH.match(text)) and sections:
            num = m.group(1)
            parent_num = num.rsplit(".", 1)[0]
            paragraphs_no.see(num, line, parent_num)
            rec = node(_anchor(num), "paragraph", m.group(2), num)
            parent = by_num.get(parent_num)
            if parent is None:
                report.add(line.no, "numbering", f"paragraph {num} has no paragraph or section {parent_num} above it")
                parent = sections[-1]
            parent.setdefault("children", []).append(rec)
            by_num[num] = rec
            last = rec
        elif m := SECTION.match(text):
            num = m.group(1)
            sections_no.see(num, line)
            rec = node(f"s-{num}", "heading", m.group(2), num, children=[])
            sections.append(rec)
            by_num[num] = rec
            last = None
        elif last is not None and not last["text"]["az"].endswith(ENDS_SENTENCE):
            _join_paragraph(last, line, report)
        elif sections:
            sec = sections[-1]
            k = sum(1 for c in sec["children"] if "num" not in c and c["kind"] == "paragraph") + 1
            rec = node(f"{sec['id']}-p{k}", "paragraph", text)
            sec["children"].append(rec)
            last = rec
        else:
            raise ImportFailure(f"{report.source}: line {line.no}: not in the layout of a plan text: expected "
                                f"section 1 after the plan's title, found {text[:60]!r}")
        i += 1
    if not groups:
        raise ImportFailure(f"{report.source}: not in the layout of a plan text: no measures table "
                            f"(tab-separated rows numbered like 13.1.1.) found")
    return sections, groups
