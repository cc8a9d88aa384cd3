"""Writing an import (XLIFF, TBX) back into data/: proven on a copy first, then each file replaced whole."""
from __future__ import annotations

import os
import shutil
import tempfile
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from planreader.data.catalog import Catalog
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog
from planreader.translation.safexml import Refused
from planreader.translation.terminology import citation_mismatches, executors_mismatches, misses

T = TypeVar("T")


def run_import(command: str, file: str, do_import: Callable[[bytes], T]) -> T | None:
    """The file read and imported (`xliff import`, `tbx import`); None after printing to stderr, one line per
    problem, why nothing was written: the file unreadable, data/ invalid as it is, or the import refused."""
    try:
        data = Path(file).read_bytes()
    except OSError as e:
        print(f"{command}: cannot read {file}: {e.strerror}", file=sys.stderr)
        return None
    try:
        return do_import(data)
    except DataErrors as e:
        print(f"{e}\n{command}: data/ does not validate as it is; fix it first, nothing was written", file=sys.stderr)
    except Refused as e:
        for line in e.lines:
            print(line, file=sys.stderr)
        print(f"{command}: {len(e.lines)} problem(s); nothing was written", file=sys.stderr)
    return None


def _all_misses(cat: Catalog) -> list[str]:
    found, stale = misses(cat)
    return [*map(str, found), *stale]


def _stale_exceptions(cat: Catalog) -> list[str]:
    return misses(cat)[1]


def check_edited_copy(data: Path, edited: dict[Path, str], changed: set[str] | None) -> list[str]:
    """Load a copy of data/ with the edited files in place: its data errors, or the terminology problems the edit
    brings: a miss in a changed unit (in any unit when `changed` is None: a glossary edit), and any executors cell,
    citation or stale exception the check did not report before."""
    with tempfile.TemporaryDirectory(prefix="planreader-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data, copy)
        for path, text in edited.items():
            (copy / path.relative_to(data)).write_text(text, encoding="utf-8")
        try:
            after = load_catalog(copy)
        except DataErrors as e:
            return [str(err).replace(f"{copy}{os.sep}", "data/") for err in e.errors]
        before = load_catalog(data)
        found, _stale = misses(after)
        lines = [str(m) for m in found if changed is not None and m.unit in changed]
        for check in (_all_misses if changed is None else _stale_exceptions, executors_mismatches,
                      citation_mismatches):
            old = set(check(before))
            lines += [line for line in check(after) if line not in old]
        return lines


def write_whole(path: Path, text: str) -> None:
    """Replace the file whole or not at all (a crash mid-write must not leave half a data file)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(tmp, path)
