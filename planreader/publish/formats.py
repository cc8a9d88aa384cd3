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


def _flatten(value, prefix: str = "") -> dict[str, str]:
    """One CSV row: nested fields become `text_az`, lists are joined with ' ; '."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}_{k}" if prefix else k))
    elif isinstance(value, list):
        out[prefix] = " ; ".join(json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, dict) else str(v)
                                 for v in value)
    else:
        out[prefix] = "" if value is None else str(value)
    return out


def to_csv(rows: list[dict]) -> str:
    flat = [_flatten(r) for r in rows]
    fields = list(dict.fromkeys(k for row in flat for k in row))
    buf = io.StringIO()
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
