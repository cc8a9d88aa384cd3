"""`python -m planreader import SOURCE --id DOC_ID [--force] [--report FILE]`: see planreader/importer/__init__.py."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from planreader import ids, paths
from planreader.data.errors import DataErrors
from planreader.data.fidelity import compare, normalise, source_order_texts
from planreader.data.model import Document, MeasureFile, RepairFile
from planreader.data.yamlfile import read_yaml
from planreader.importer import markup
from planreader.importer.bodies import Matcher
from planreader.importer.body import parse_body
from planreader.importer.front import parse_front
from planreader.importer.report import Report
from planreader.importer.source import ImportFailure, read_lines
from planreader.importer.write import dump, proposed_bodies_text, write_all

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FOLDERS = ("documents", "measures", "repairs")


def reserved_ids() -> set[str]:
    """First path segments the site already uses: a document of that id would take over their pages."""
    pages = (ids.measures_index(), ids.bodies_index(), ids.abbreviations_index(), ids.glossary_index(), ids.search(),
             ids.translation_status(), ids.overview())
    written = {p.stem for lang in ids.LANGS for p in (paths.ROOT / "docs" / lang).glob("*.md")}
    return {p.strip("/").split("/")[0] for p in pages} | written | {"assets", "pagefind", "search-lexicon", "data",
                                                                   "id", *ids.LANGS}


def check_id(doc_id: str, force: bool) -> None:
    if not ID.match(doc_id) or len(doc_id) > 60:
        raise ImportFailure(f"--id {doc_id!r}: a document id is lower-case ASCII words joined by '-' "
                            f"(e.g. nap-2019-2023)")
    if doc_id in reserved_ids():
        raise ImportFailure(f"--id {doc_id!r} collides with the site's own {doc_id}/ pages; choose another id")
    there = [f for f in FOLDERS if (paths.DATA / f / f"{doc_id}.yml").exists()]
    if "documents" in there and not force:
        raise ImportFailure(f"data/documents/{doc_id}.yml already exists; pass --force to replace it")
    if there and "documents" not in there:
        raise ImportFailure(f"--id {doc_id!r} collides with data/{there[0]}/{doc_id}.yml, which belongs to no "
                            f"document; remove it or choose another id")
    others = {p.stem.replace("-", "") for p in (paths.DATA / "documents").glob("*.yml") if p.stem != doc_id}
    if doc_id.replace("-", "") in others:
        raise ImportFailure(f"--id {doc_id!r} collides with an existing document id that differs only in its "
                            f"hyphens; choose another id")


def source_name(source: Path) -> tuple[str, bytes | None]:
    """The source's name in sources/, and its bytes when it must be copied there."""
    data = source.read_bytes()
    target = paths.SOURCES / source.name
    if target.exists() and target.resolve() == source.resolve():
        return source.name, None
    if target.exists() and target.read_bytes() != data:
        raise ImportFailure(f"{source}: sources/{source.name} exists with other content; rename the file")
    return source.name, None if target.exists() else data


def run(source: Path, doc_id: str, force: bool = False) -> tuple[Report, dict[Path, str | bytes], list[str]]:
    """Import `source` as `doc_id`: the report, the files to write and a summary. Raises ImportFailure."""
    check_id(doc_id, force)
    report = Report(str(source))
    lines = read_lines(source)
    name, copy = source_name(source)
    try:
        registry = read_yaml(paths.DATA / "bodies.yml", paths.DATA).raw
    except DataErrors as e:
        raise ImportFailure(str(e).splitlines()[0]) from None
    matcher = Matcher.from_registry(registry)
    meta, front_nodes, i, stamp = parse_front(lines, report)
    sections, groups = parse_body(lines, i, matcher, report)
    doc = {"id": doc_id, **{k: meta[k] for k in ("kind", "number", "date", "place", "issuer", "signatory",
                                                 "short_title", "title", "approves", "publications", "amendments")},
           "source": {"file": name, "complete": True}, "body": front_nodes + sections}
    measures = {"document": doc_id, "groups": groups}
    source_text = "\n".join(line.text for line in lines)
    repairs = {"source": name, "repairs": markup.repairs(source_text, *(stamp or (None, None)))}
    proposed = list(matcher.proposed.values())
    try:
        doc_model, mf_model = Document.model_validate(doc), MeasureFile.model_validate(measures)
        rf = RepairFile.model_validate(repairs)
    except ValidationError as e:
        err = e.errors(include_url=False)[0]
        loc = list(err["loc"])
        where = ".".join(map(str, loc))
        if loc[:1] == ["groups"] and len(loc) > 3:  # name the measure and its source line, not list positions
            num = groups[loc[1]]["measures"][loc[3]]["num"]
            line = next((f.line for f in report.findings if f.message.startswith(f"measure {num}:")), None)
            where = f"line {line}: measure {num}: {'.'.join(map(str, loc[4:]))}" if line else f"measure {num}"
        raise ImportFailure(f"{source}: {where}: {err['msg'].removeprefix('Value error, ')}; nothing written") from None
    text = normalise(source_text)
    for r in rf.repairs:
        text = text.replace(r.find, r.replace)
    for problem in compare(text, list(source_order_texts(doc_model, mf_model)), max_reports=50):
        report.add(None, "fidelity", problem)
    files: dict[Path, str | bytes] = {
        paths.DATA / "documents" / f"{doc_id}.yml": dump(doc, f"{doc_id}: imported by `planreader import` from "
                                                             f"sources/{name}; review, then translate (en is empty)."),
        paths.DATA / "measures" / f"{doc_id}.yml": dump(measures, f"Measures of {doc_id}, imported from sources/{name}."),
        paths.DATA / "repairs" / f"{doc_id}.yml": dump(repairs, f"Markup repairs of sources/{name}, counted by "
                                                             f"`planreader import`."),
    }
    if proposed:
        bodies_path = paths.DATA / "bodies.yml"
        old = bodies_path.read_text(encoding="utf-8")
        files[bodies_path] = old.rstrip("\n") + "\n" + proposed_bodies_text(proposed, f"sources/{name}")
    if copy is not None:
        files[paths.SOURCES / name] = copy
    n = sum(len(g["measures"]) for g in groups)
    summary = [f"{len(front_nodes) + len(sections)} top-level units, {len(groups)} groups, {n} measures, "
               f"{len(rf.repairs)} markup repairs, {len(proposed)} proposed new bodies"
               + (f" ({', '.join(r['id'] for r in proposed)})" if proposed else "")]
    return report, files, summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m planreader import", description="Import a plan's text into data/.")
    ap.add_argument("source", type=Path, help="the plan's plain text, as the publisher gives it")
    ap.add_argument("--id", required=True, dest="doc_id", help="the new document's id, e.g. nap-2019-2023")
    ap.add_argument("--force", action="store_true", help="replace an existing document of that id")
    ap.add_argument("--report", type=Path, help="where to write the review report (default import-report-ID.txt)")
    args = ap.parse_args(argv)
    try:
        report, files, summary = run(args.source, args.doc_id, args.force)
        write_all(files)
    except ImportFailure as e:
        print(f"import: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"import: {e.filename or args.source}: {e.strerror or e}; nothing written", file=sys.stderr)
        return 1
    text = report.text(args.doc_id, summary + [f"wrote {', '.join(str(p) for p in files)}"])
    out = args.report or Path(f"import-report-{args.doc_id}.txt")
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as e:
        print(text + f"import: the data was written, but not the report: {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(text + f"(report written to {out}; next: python -m planreader validate)")
    return 0
