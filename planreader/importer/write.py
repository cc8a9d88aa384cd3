"""Writes the imported files: every file to a temporary name first, then all renamed, so a failure leaves data/
as it was."""
from __future__ import annotations

import os
from pathlib import Path

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump(data: dict, header: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return "".join(f"# {h}\n" if h else "#\n" for h in header.splitlines()) + body


def proposed_bodies_text(records: list[dict], source: str) -> str:
    """New body records to append to data/bodies.yml, each marked for review with the line it came from."""
    out = []
    for r in records:
        line = r.pop("_line", None)
        out.append(f"  # REVIEW: proposed by `planreader import` from {source} line {line}; check the name, kind and "
                   f"id, add the English name\n")
        out.append("".join("    " + line + "\n" if i else "  - " + line + "\n"
                           for i, line in enumerate(yaml.dump(r, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                                           width=10_000, default_flow_style=None).splitlines())))
    return "".join(out)


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write each file's text: all to temporary names, then each renamed into place; on failure, none is left."""
    temps: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.import-tmp")
            tmp.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            if tmp.exists():
                tmp.unlink()
