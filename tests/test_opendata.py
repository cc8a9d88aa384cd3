"""Open data published with the site: present, complete, valid against its published JSON Schemas."""
from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from htmlsite import page

NAMES = ("measures", "bodies", "abbreviations", "documents")


@pytest.mark.parametrize("name", NAMES)
def test_json_validates_against_its_schema(site, name):
    data = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data


def test_a_broken_record_fails_its_schema(site):
    data = json.loads((site / "data" / "measures.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    del data[0]["executors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_measures_carry_the_documented_fields(site, catalog):
    data = json.loads((site / "data" / "measures.json").read_text(encoding="utf-8"))
    assert len(data) == len(catalog.measures) == 81
    m = next(r for r in data if r["document"] == "nap-2014-2018" and r["number"] == "13.2.9")
    assert m["executors"] == ["state-security-service", "ministry-of-internal-affairs",
                              "ministry-of-communications-and-high-technologies"]
    assert m["participants"] == ["press-council"]
    assert m["deadline"] == {"text": {"az": "mütəmadi", "en": "on a regular basis"}, "start": None, "end": None, "regular": True}
    assert m["amended"] is True and m["subitems"] == []
    assert m["url"] == {"az": "/az/nap-2014-2018/measures/13-2-9/", "en": "/en/nap-2014-2018/measures/13-2-9/"}
    assert set(m["text"]) == {"az", "en"} and m["text"]["en"]
    cis = next(r for r in data if r["number"] == "2.4")
    assert [s["label"] for s in cis["subitems"]] == ["a", "b", "c", "ç", "d", "e"]
    for r in data:  # every URL in the open data is a page of the site
        for lang in ("az", "en"):
            assert page(site, r["url"][lang]).exists(), r["url"][lang]


def test_bodies_and_abbreviations_fields(site, catalog):
    bodies = {b["id"]: b for b in json.loads((site / "data" / "bodies.json").read_text(encoding="utf-8"))}
    assert len(bodies) == len(catalog.bodies)
    assert bodies["ministry-of-national-security"]["replaced_by"] == "state-security-service"
    assert bodies["state-security-service"]["short"] == {"az": "DTX", "en": "SSS"}
    assert set(bodies["state-security-service"]) >= {"id", "name", "short", "kind", "replaced_by", "url"}
    abbrs = {a["id"]: a for a in json.loads((site / "data" / "abbreviations.json").read_text(encoding="utf-8"))}
    assert abbrs["dins"]["abbreviation"] == {"az": "DİNŞ", "en": "CMIA"}
    assert abbrs["dins"]["body"] == "cis-council-of-ministers-of-internal-affairs"


def test_csv_has_one_row_per_record(site, catalog):
    with (site / "data" / "measures.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 81
    row = next(r for r in rows if r["number"] == "13.1.1")
    assert row["deadline_start"] == "2014" and row["deadline_end"] == "2016" and row["text_az"].startswith("Azərbaycan")
    assert row["executors"].split(" ; ")[0] == "cabinet-of-ministers"


def test_data_file_schemas_are_published(site):
    for name in ("document", "measures", "bodies", "abbreviations", "repairs"):
        schema = json.loads((site / "data" / "schema" / f"data-{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
