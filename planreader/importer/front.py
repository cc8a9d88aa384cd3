"""The order that approves a plan: its title, kind, preamble, points, signature, publications, amendments, stamp."""
from __future__ import annotations

import datetime as dt
import re

from planreader.azerbaijani import az_lower
from planreader.importer import markup
from planreader.importer.report import Report
from planreader.importer.source import ImportFailure, Line

MONTHS = {m: i for i, m in enumerate("yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr"
                                     .split(), 1)}
KINDS = {"Sərəncamı": "order", "Qanunu": "law"}  # the act kinds the schema knows
KIND_LINE = re.compile(r"(Sərəncamı|Qanunu|Fərmanı|Qərarı)$")
POINT = re.compile(r"^(\d+)\.\s+(.+)$")
PLACE_DATE = re.compile(r"^(.+?),\s*(\d{1,2})\s+(\w+)\s+(\d{4})-c\w+ il$")
NUMBER = re.compile(r"^№\s*(\S+)$")
DATE_IN = re.compile(r"(\d{1,2})\s+(\w+)\s+(\d{4})-c\w+ il")


def _cased(text: str) -> str:
    """A line in title case word by word, so "AZƏRBAYCAN RESPUBLİKASININ QANUNU" reads like "… Qanunu"."""
    return " ".join(w[0] + az_lower(w[1:]) if w.isupper() else w for w in text.split())


def az_date(day: str, month: str, year: str, line: Line, report: Report) -> str | None:
    try:
        return dt.date(int(year), MONTHS[az_lower(month)], int(day)).isoformat()
    except (KeyError, ValueError):
        report.add(line.no, "date", f"cannot read the date {day} {month} {year}")
        return None


def node(nid: str, kind: str, text: str, num: str | None = None, **extra) -> dict:
    rec: dict = {"id": nid, "kind": kind}
    if num is not None:
        rec["num"] = num
    rec["text"] = {"az": markup.plain(text), "en": ""}
    rec.update(extra)
    return rec


def _publication(line: Line, report: Report, n: int) -> tuple[dict | None, str]:
    """A publication line -> (publication record, node id)."""
    text = line.stripped
    m = re.match(r"^«(.+?)»\s*(qəzetində|jurnalında)?", text)
    outlet = m.group(1) if m else text.split(" dərc ")[0]
    nid = f"publication-{n}"
    if m and m.group(2):
        outlet_name = f"«{outlet}» {'qəzeti' if m.group(2) == 'qəzetində' else 'jurnalı'}"
        # the anchor names the newspaper in ASCII, the country's name spelt as in English ("publication-azerbaijan")
        slug = re.sub(r"[^a-z0-9]+", "-", az_lower(outlet).translate(str.maketrans("əıöüşçğ", "eiouscg"))).strip("-")
        nid = f"publication-{slug.replace('azerbaycan', 'azerbaijan')}"
    else:
        outlet_name = outlet
        if "Qanunvericilik Toplusu" in outlet:
            nid = "publication-collection"
    d = DATE_IN.search(text)
    rec: dict = {"outlet": {"az": outlet_name, "en": ""}}
    date = az_date(*d.groups(), line, report) if d else None
    if date is None:
        report.add(line.no, "publication", "no date in the publication line; add it by hand")
        return None, nid
    rec["date"] = date
    if iss := re.search(r"№\s*(\d+)", text):
        rec["issue"] = iss.group(1)
    if art := re.search(r"maddə\s*(\d+)", text):
        rec["article"] = art.group(1)
    return rec, nid


def _amendments(line: Line, report: Report) -> list[dict]:
    kind = "decree" if "Fərman" in line.text else "law" if "Qanun" in line.text else "order"
    out = []
    for part in line.stripped.split(";"):
        d = DATE_IN.search(part)
        if not d:
            continue
        date = az_date(*d.groups(), line, report)
        if date:
            rec = {"kind": kind, "date": date}
            if num := re.search(r"(\d+)\s+nömrəli", part):
                rec["number"] = num.group(1)
            out.append(rec)
    return out


def parse_front(lines: list[Line], report: Report) -> tuple[dict, list[dict], int, tuple[str, str] | None]:
    """(document metadata, front nodes, index of the first body line, (first, last) stamp line)."""
    # The title may wrap over a few lines; the line naming the act ends it ("… Sərəncamı", "… QANUNU").
    k = next((k for k in range(1, min(6, len(lines))) if KIND_LINE.search(_cased(lines[k].stripped))), None)
    if k is None or len(lines) < k + 2:
        raise ImportFailure(f"{report.source}: line {lines[min(1, len(lines) - 1)].no}: not in the layout of a plan "
                            f"text: no line naming the act (… Sərəncamı / Qanunu / Fərmanı) after the title")
    kind_word = KIND_LINE.search(_cased(lines[k].stripped)).group(1)
    if kind_word not in KINDS:
        raise ImportFailure(f"{report.source}: line {lines[k].no}: the act is a {kind_word!r}; the data model knows "
                            f"only Sərəncamı (order) and Qanunu (law)")
    if k > 1:
        report.add(lines[0].no, "joined-paragraph", f"the title wraps over {k} lines; joined")
    title = " ".join(line.stripped for line in lines[:k])
    meta: dict = {"kind": KINDS[kind_word]}
    nodes = [node("order-title", "title", title), node("order-kind", "title", lines[k].stripped)]
    i, pre = k + 1, 0
    while i < len(lines) and not POINT.match(lines[i].stripped):
        pre += 1
        text = lines[i].stripped
        extra = {"strong": markup.bold_phrases(text)} if "**" in text else {}
        nodes.append(node("order-preamble" if pre == 1 else f"order-preamble-{pre}", "paragraph", text, **extra))
        i += 1
    while i < len(lines) and (m := POINT.match(lines[i].stripped)):
        nodes.append(node(f"order-point-{m.group(1)}", "paragraph", m.group(2), m.group(1)))
        i += 1
    if i + 3 >= len(lines):
        raise ImportFailure(f"{report.source}: not in the layout of a plan text: the order ends before its signature")
    role, name, place_date, number = lines[i: i + 4]
    pd, num = PLACE_DATE.match(place_date.stripped), NUMBER.match(number.stripped)
    if not pd or not num:
        raise ImportFailure(f"{report.source}: line {place_date.no}: not in the layout of a plan text: expected the "
                            f"signature (role, name, \"Bakı şəhəri, 24 iyul 2014-cü il\", \"№ 667\")")
    date = az_date(*pd.groups()[1:], place_date, report)
    if date is None:
        raise ImportFailure(f"{report.source}: line {place_date.no}: cannot read the date of the act")
    signatory = _cased(name.stripped)
    meta.update(number=num.group(1), date=date, place={"az": pd.group(1), "en": ""},
                issuer={"az": role.stripped, "en": ""}, signatory={"az": signatory, "en": ""})
    nodes += [node("signature-role", "line", role.stripped), node("signature-name", "line", name.stripped),
              node("signature-place-date", "line", place_date.stripped),
              node("signature-number", "line", number.stripped)]
    i += 4
    publications, amendments, stamp = [], [], None
    while i < len(lines) and not lines[i].stripped.startswith("*"):
        line = lines[i]
        if "dərc edilmişdir" in line.text:
            rec, nid = _publication(line, report, len(publications) + 1)
            if rec:
                publications.append(rec)
            nodes.append(node(nid, "note", line.stripped))
        elif "dəyişiklik" in line.text:
            amendments += _amendments(line, report)
            nodes.append(node("amendments-note", "note", line.stripped))
        else:
            report.add(line.no, "outside", f"line between the signature and the stamp kept as a note: {line.stripped[:60]!r}")
            nodes.append(node(f"front-note-{i}", "note", line.stripped))
        i += 1
    if i < len(lines) and lines[i].stripped.startswith("*"):
        j = i
        while j < len(lines) and not lines[j].stripped.endswith("*"):
            j += 1
        if j == len(lines):
            raise ImportFailure(f"{report.source}: line {lines[i].no}: the italic approval stamp (*…*) never ends")
        stamp = (lines[i].stripped, lines[j].stripped)
        nodes.append(node("approval-stamp", "stamp", " ".join(line.stripped.strip("*") for line in lines[i: j + 1])))
        i = j + 1
    if i >= len(lines):
        raise ImportFailure(f"{report.source}: not in the layout of a plan text: nothing follows the order")
    nodes.append(node("plan-title", "title", lines[i].stripped))
    approves = markup.plain(lines[i].stripped)
    meta.update(title={"az": f"{markup.plain(title)} {markup.plain(lines[k].stripped)}", "en": ""},
                approves={"az": approves, "en": ""}, publications=publications, amendments=amendments)
    years = re.search(r"(\d{4})\s*[-–—]\s*(\d{4})-c\w+ illər üçün (.+)$", approves)
    meta["short_title"] = {"az": f"{years.group(3)} {years.group(1)}–{years.group(2)}" if years else approves, "en": ""}
    if not years:
        report.add(lines[i].no, "metadata", "no period (YYYY-YYYY-ci illər üçün) in the plan's title; "
                                            "short_title is the whole title, shorten it")
    return meta, nodes, i + 1, stamp
