"""Shapes every open-data file shares: strict record models, CSV rows from nested records, list schemas."""
from __future__ import annotations

import csv
import io
import json

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(Out):
    az: str
    en: str


class Urls(Out):
    az: str
    en: str


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
    elif isinstance(value, list):
        out[prefix] = neutralise(" ; ".join(json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, dict)
                                            else str(v) for v in value))
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
    # A UTF-8 byte order mark first: Excel, opening a CSV by double-click, reads it as UTF-8 only with one
    # (without it every ə, ı, ş … is garbled); Python reads it with encoding="utf-8-sig", LibreOffice ignores it.
    buf = io.StringIO("\ufeff")
    buf.seek(0, io.SEEK_END)
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()


def model_schema(model: type[Out]) -> dict:
    """A JSON Schema (draft 2020-12) for one record."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}


def array_schema(model: type[Out]) -> dict:
    """A JSON Schema for a list of records; shared definitions stay at the top, where $refs point."""
    item = model.model_json_schema()
    defs = item.pop("$defs", {})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
            "items": {"$ref": f"#/$defs/{model.__name__}"}, "$defs": {**defs, model.__name__: item}}
