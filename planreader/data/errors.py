"""Data errors that name the file, line, record and field, and say what would be valid."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from planreader import paths

# The list a record sits in tells what kind of record it is.
RECORD_KINDS = {
    "bodies": "body", "abbreviations": "abbreviation", "groups": "group", "measures": "measure",
    "body": "node", "children": "node", "subitems": "sub-item", "repairs": "repair",
    "publications": "publication", "amendments": "amendment", "terms": "term", "exceptions": "exception",
    "instruments": "instrument",
}


@dataclass(frozen=True)
class DataError:
    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        parts = [where] + [p for p in (self.record, self.field) if p]
        return ": ".join(parts) + f": {self.message}"


class DataErrors(Exception):
    """Raised with every problem found, so one run lists them all."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __str__(self) -> str:
        n = len(self.errors)
        return "\n".join(str(e) for e in self.errors) + f"\n{n} data error{'s' * (n != 1)}; nothing was built."


def rel(path: Path) -> str:
    """A data file's name as a contributor knows it: data/…, even when the data folder lives elsewhere."""
    for base in (paths.DATA.parent, paths.ROOT):
        try:
            return str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


def _label(container_key: Any, item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    kind = RECORD_KINDS.get(container_key, "record") if container_key is not None else "document"
    for key in ("id", "num", "label"):
        if isinstance(item.get(key), (str, int)):
            return f"{kind} {item[key]}"
    return None


def locate(raw: Any, tree: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[int | None, str | None, str | None]:
    """Walk `loc` through the parsed data and its YAML node tree: (line, record label, field path)."""
    record, field, line = _label(None, raw), [], None
    if tree is not None:
        line = tree.start_mark.line + 1
    container = None
    for step in loc:
        child_tree = None
        if isinstance(raw, dict) and step in raw:
            raw, container = raw[step], step
            if isinstance(tree, yaml.MappingNode):
                child_tree = next((v for k, v in tree.value if k.value == step), None)
        elif isinstance(raw, list) and isinstance(step, int) and 0 <= step < len(raw):
            raw = raw[step]
            if isinstance(tree, yaml.SequenceNode) and step < len(tree.value):
                child_tree = tree.value[step]
        else:
            field.append(str(step))
            continue
        tree = child_tree
        if tree is not None:
            line = tree.start_mark.line + 1
        label = _label(container, raw) if isinstance(step, int) else None
        if label:
            record, field = label, []
        else:
            field.append(f"[{step}]" if isinstance(step, int) else str(step))
    text = ".".join(field).replace(".[", "[") or None
    return line, record, text
