"""Shapes every open-data file shares: strict record models, CSV rows from nested records, list schemas."""
from __future__ import annotations

import csv
import io

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(Out):
    az: str
    en: str


class Urls(Out):
    az: str
    en: str


class Names(Out):
    """Bodies' names per language, in the order of the ids beside them."""

    az: list[str]
    en: list[str]


def site_urls(root: str, path: str) -> Urls:
    """A page's absolute URLs in both languages, under the site address `root` (which ends in "/")."""
    return Urls(az=f"{root}az/{path}", en=f"{root}en/{path}")


# A cell starting with one of these is a formula to Excel, LibreOffice Calc and Google Sheets (=HYPERLINK(…),
# =cmd|…): OWASP's list for CSV injection. The line feed is added for safety; text fields cannot hold one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as the text it is: one starting like a formula gets a leading apostrophe, as
    OWASP recommends (spreadsheets hide it and read the rest as text). JSON keeps the exact text."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _flatten(value, prefix: str = "") -> dict[str, str]:
    """One CSV row: nested fields become `text_az`, lists are joined with ' ; ', text is neutralised."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}_{k}" if prefix else k))
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        # Records inside a record (sub-items, amendments) get columns of their own, numbered from 1:
        # subitems_1_label, subitems_1_text_az … — never JSON packed into one cell.
        for i, v in enumerate(value, 1):
            out.update(_flatten(v, f"{prefix}_{i}"))
    elif isinstance(value, list):
        out[prefix] = neutralise(" ; ".join(str(v) for v in value))
    elif isinstance(value, str):
        out[prefix] = neutralise(value)
    elif isinstance(value, bool):  # before numbers: bool is an int; spreadsheets and CSV readers expect lower case
        out[prefix] = "true" if value else "false"
    else:  # numbers, None: never a formula (a negative number stays a number)
        out[prefix] = "" if value is None else str(value)
    return out


def to_csv(rows: list[dict]) -> str:
    flat = [_flatten(r) for r in rows]
    fields = list(dict.fromkeys(k for row in flat for k in row))
    # A record without sub-records (an empty list, a missing {az, en}) left a bare, empty column where the others
    # have columns of their own (subitems_1_label, completeness_note_az): drop it.
    bare = {f for f in fields if any(g.startswith(f + "_") for g in fields) and not any(r.get(f) for r in flat)}
    # Numbered columns (subitems_1_…, subitems_2_…) stand together, in number order, where the list first appears.
    order = tuple(fields)
    fields = sorted((f for f in fields if f not in bare), key=lambda k: _column_order(k, order))
    for row in flat:
        for f in bare:
            row.pop(f, None)
    # A UTF-8 byte order mark first: Excel, opening a CSV by double-click, reads it as UTF-8 only with one
    # (without it every ə, ı, ş … is garbled); Python reads it with encoding="utf-8-sig", LibreOffice ignores it.
    buf = io.StringIO("\ufeff")
    buf.seek(0, io.SEEK_END)
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()


def _column_order(key: str, fields: tuple[str, ...]) -> tuple[int, int, int]:
    """Sort key: (where the column's field first stands, its number in a list, its own place), so `short_az`
    stands where `short` did and subitems_1_…, subitems_2_… stand together, in number order."""
    parts = key.split("_")
    num = next((i for i, p in enumerate(parts) if p.isdigit()), None)
    base = "_".join(parts[:num]) if num is not None else None
    anchor = min(j for j, f in enumerate(fields) if key == f or key.startswith(f + "_")
                 or (base is not None and (f == base or f.startswith(base + "_"))))
    return anchor, int(parts[num]) if num is not None else 0, fields.index(key)


def model_schema(model: type[Out]) -> dict:
    """A JSON Schema (draft 2020-12) for one record."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}


def array_schema(model: type[Out]) -> dict:
    """A JSON Schema for a list of records; shared definitions stay at the top, where $refs point."""
    item = model.model_json_schema()
    defs = item.pop("$defs", {})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
            "items": {"$ref": f"#/$defs/{model.__name__}"}, "$defs": {**defs, model.__name__: item}}
