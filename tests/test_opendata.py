"""Open data published with the site: present, complete, valid against its published JSON Schemas."""
from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from htmlsite import page

NAMES = ("measures", "bodies", "abbreviations", "documents", "instruments")


@pytest.mark.parametrize("name", NAMES)
def test_json_validates_against_its_schema(site, name):
    data = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data


def test_published_schemas_say_what_the_documentation_says(site):
    """Written from the open-data page, not from the models: a schema that lost a constraint fails here."""
    schema = json.loads((site / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    measure = schema["$defs"]["MeasureOut"]
    assert set(measure["required"]) >= {"document", "number", "text", "executors", "deadline", "url", "permalink"}
    assert measure["properties"]["executors"] == {"items": {"type": "string"}, "title": "Executors", "type": "array"}
    deadline = schema["$defs"]["DeadlineOut"]["properties"]
    assert {t["type"] for t in deadline["end"]["anyOf"]} == {"integer", "null"} and deadline["regular"]["type"] == "boolean"
    assert schema["$defs"]["Bilingual"]["required"] == ["az", "en"]


def test_a_broken_record_fails_its_schema(site):
    data = json.loads((site / "data" / "measures.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    del data[0]["executors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)

ROOT = "http://127.0.0.1:8000/"  # the test build's site address: every URL in the open data is absolute under it


def test_measures_carry_the_documented_fields(site, catalog):
    data = json.loads((site / "data" / "measures.json").read_text(encoding="utf-8"))
    assert len(data) == len(catalog.measures) == 81
    m = next(r for r in data if r["document"] == "nap-2014-2018" and r["number"] == "13.2.9")
    assert m["executors"] == ["state-security-service", "ministry-of-internal-affairs",
                              "ministry-of-communications-and-high-technologies"]
    assert m["participants"] == ["press-council"]
    assert m["deadline"] == {"text": {"az": "mütəmadi", "en": "on a regular basis"}, "start": None, "end": None, "regular": True}
    assert m["amended"] is True and m["subitems"] == []
    assert m["url"] == {"az": ROOT + "az/nap-2014-2018/measures/13-2-9/", "en": ROOT + "en/nap-2014-2018/measures/13-2-9/"}
    assert m["permalink"] == ROOT + "id/nap-2014-2018/13.2.9/"
    # Names per language beside the ids, in the same order.
    assert m["executors_names"]["en"] == ["State Security Service", "Ministry of Internal Affairs",
                                          "Ministry of Communications and High Technologies"]
    assert m["participants_names"] == {"az": [catalog.bodies["press-council"].name.az],
                                       "en": [catalog.bodies["press-council"].name.en]}
    assert set(m["text"]) == {"az", "en"} and m["text"]["en"]
    cis = next(r for r in data if r["number"] == "2.4")
    assert [s["label"] for s in cis["subitems"]] == ["a", "b", "c", "ç", "d", "e"]
    for r in data:  # every URL in the open data is a page of the site
        for lang in ("az", "en"):
            assert r["url"][lang].startswith(ROOT) and page(site, r["url"][lang][len(ROOT):]).exists(), r["url"][lang]


def test_bodies_and_abbreviations_fields(site, catalog):
    bodies = {b["id"]: b for b in json.loads((site / "data" / "bodies.json").read_text(encoding="utf-8"))}
    assert len(bodies) == len(catalog.bodies)
    assert bodies["ministry-of-national-security"]["replaced_by"] == "state-security-service"
    assert bodies["state-security-service"]["short"] == {"az": "DTX", "en": "SSS"}
    assert set(bodies["state-security-service"]) >= {"id", "name", "short", "kind", "replaced_by", "url"}
    # renamed ids stay findable (issue 27): the old id is an alias of the record, and nobody else's
    assert {b: r["former_ids"] for b, r in bodies.items() if r["former_ids"]} == {
        "guardianship-and-trusteeship-bodies": ["guardianship-and-custody-bodies"]}
    terms = {t["id"]: t for t in json.loads((site / "data" / "glossary.json").read_text(encoding="utf-8"))}
    assert {t: r["former_ids"] for t, r in terms.items() if r["former_ids"]} == {
        "trusteeship": ["custody"], "guardianship-and-trusteeship-bodies": ["guardianship-and-custody-bodies"]}
    abbrs = {a["id"]: a for a in json.loads((site / "data" / "abbreviations.json").read_text(encoding="utf-8"))}
    assert abbrs["dins"]["abbreviation"] == {"az": "DİNŞ", "en": "CMIA"}
    assert abbrs["dins"]["body"] == "cis-council-of-ministers-of-internal-affairs"


def test_csv_has_one_row_per_record(site, catalog):
    with (site / "data" / "measures.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 81
    row = next(r for r in rows if r["number"] == "13.1.1")
    assert row["deadline_start"] == "2014" and row["deadline_end"] == "2016" and row["text_az"].startswith("Azərbaycan")
    assert row["executors"].split(" ; ")[0] == "cabinet-of-ministers"
    assert row["executors_names_az"].split(" ; ")[0] == "Nazirlər Kabineti"
    assert row["executors_names_en"].split(" ; ")[0] == "Cabinet of Ministers"
    assert len(row["executors_names_en"].split(" ; ")) == len(row["executors"].split(" ; "))
    # Sub-items are columns of their own, numbered in order; no cell holds JSON.
    cis = next(r for r in rows if r["document"] == "cis-2007-2010" and r["number"] == "2.4")
    assert [cis[f"subitems_{i}_label"] for i in range(1, 7)] == ["a", "b", "c", "ç", "d", "e"]
    assert cis["subitems_4_text_en"] and cis["subitems_4_text_az"]
    assert row["subitems_1_label"] == ""  # 13.1.1 has none
    assert not any(c.lstrip("'").startswith(("{", "[")) for r in rows for c in r.values())
    assert row["url_az"] == ROOT + "az/nap-2014-2018/measures/13-1-1/"
    header = list(rows[0])
    assert header.index("subitems_1_label") < header.index("subitems_1_text_az") < header.index("subitems_2_label")


DATA_FILES = {"document": "documents/*.yml", "measures": "measures/*.yml", "bodies": "bodies.yml",
              "abbreviations": "abbreviations.yml", "repairs": "repairs/*.yml", "glossary": "glossary/terms.yml",
              "glossary-exceptions": "glossary/exceptions.yml", "translation-state": "translation-state.yml",
              "instruments": "instruments.yml"}


@pytest.mark.parametrize("name,pattern", DATA_FILES.items())
def test_data_file_schemas_accept_the_real_files_and_refuse_a_broken_one(site, name, pattern):
    """The schemas editors load to check YAML as they type: every real data file passes, a wrong type does not."""
    import yaml
    from planreader import paths
    from planreader.data.model import DATA_FILE_MODELS
    assert set(DATA_FILES) == set(DATA_FILE_MODELS)  # every published schema is tested
    schema = json.loads((site / "data" / "schema" / f"data-{name}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(paths.DATA.glob(pattern))
    assert files
    for f in files:
        data = json.loads(json.dumps(yaml.safe_load(f.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(data)) == [], f
        broken = {**data, next(iter(data)): 12345}  # the first field, given a number
        assert list(validator.iter_errors(broken)), f


# --- the full text ------------------------------------------------------------------------------------------------
DOCS = ("nap-2014-2018", "cis-2007-2010")


@pytest.mark.parametrize("doc_id", DOCS)
def test_fulltext_validates_against_its_schema(site, doc_id):
    data = json.loads((site / "data" / "fulltext" / f"{doc_id}.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schema" / "fulltext.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    del broken["units"][3]["en"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


@pytest.mark.parametrize("doc_id", DOCS)
def test_fulltext_holds_every_unit_in_reading_order(catalog, doc_id):
    from planreader.data.units import document_units, measure_units
    from planreader.publish import fulltext

    rec = fulltext.record(catalog, catalog.documents[doc_id])
    units = [u for u in (*document_units(catalog), *measure_units(catalog)) if u.document == doc_id]
    by_id = {u.id: u for u in units}
    got = rec.metadata + rec.units
    assert sorted(u.id for u in got) == sorted(by_id) and len(got) == len(by_id)
    for u in got:
        assert (u.az, u.en) == (by_id[u.id].text.az, by_id[u.id].text.en)
    order = [u.id for u in rec.units]
    first, last = catalog.measures_of(doc_id)[0].num, catalog.measures_of(doc_id)[-1].num
    # the measures stand where the measures table does: after its header row, before anything that follows it
    start, end = order.index(f"{doc_id}:m-{first.replace('.', '-')}:text"), order.index(
        f"{doc_id}:m-{last.replace('.', '-')}:deadline")
    assert order[start - 2].startswith(f"{doc_id}:measures-header") and order[start - 1].endswith(":title")
    assert all(":m-" in i or ":g-" in i for i in order[start:end + 1])
    assert end == len(order) - 1 if doc_id == "cis-2007-2010" else order[end + 1] == f"{doc_id}:note:text"


def test_fulltext_records_ids_kinds_numbers_and_places(catalog):
    from planreader.publish import fulltext

    units = {u.id: u for u in fulltext.record(catalog, catalog.documents["cis-2007-2010"]).units}
    sub = units["cis-2007-2010:m-2-4-ch:text"]
    assert (sub.anchor, sub.kind, sub.number) == ("m-2-4-ch", "subitem", "2.4 ç")
    assert sub.url.en == "/en/cis-2007-2010/#m-2-4-ch"  # a path from the site root unless given the site address
    cell = units["cis-2007-2010:m-2-4:executors"]
    assert (cell.anchor, cell.kind, cell.url.az) == ("m-2-4-executors", "executors", "/az/cis-2007-2010/#m-2-4-executors")
    sig = units["cis-2007-2010:signatory-ukraine:cells[1]"]
    assert (sig.kind, sig.az, sig.en) == ("signatory", "(imza, qeyd-şərtlə)", "(signed, with a reservation)")
    assert units["cis-2007-2010:law-point-1:text"].number == "I"


def test_fulltext_csv_has_one_row_per_unit(site, catalog):
    data = json.loads((site / "data" / "fulltext" / "nap-2014-2018.json").read_text(encoding="utf-8"))
    with (site / "data" / "fulltext" / "nap-2014-2018.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    # The metadata units (title, issuer, place …) come first, as in the JSON, then the text.
    assert [r["id"] for r in rows] == [u["id"] for u in data["metadata"] + data["units"]]
    assert len(data["metadata"]) >= 7 and {r["kind"] for r in rows[:len(data["metadata"])]} >= {"title", "issuer", "place"}
    text = rows[len(data["metadata"])]
    assert text["url_en"] == ROOT + "en/nap-2014-2018/#order-title" and text["az"].startswith("«Azərbaycan")
    assert data["akn"]["file"] == {"az": ROOT + "data/akn/nap-2014-2018.az.xml", "en": ROOT + "data/akn/nap-2014-2018.en.xml"}
    for lang in ("az", "en"):  # every place named is a page of the site, and the AKN files exist
        assert (site / data["akn"]["file"][lang][len(ROOT):]).exists()
        assert page(site, data["units"][0]["url"][lang][len(ROOT):].split("#")[0]).exists()


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_download_a_document_page_offers_exists(site, doc_id):
    from planreader.publish.downloads import document_downloads

    for lang in ("az", "en"):
        files = document_downloads(doc_id, lang)
        other = "en" if lang == "az" else "az"
        assert [(d.kind, d.lang) for d in files] == [("pdf", lang), ("pdf", other), ("pdf", None),
                                                      ("akn", lang), ("akn", other),
                                                      ("fulltext-json", None), ("fulltext-csv", None), ("measures-csv", None)]
        for d in files:
            assert (site / d.path).stat().st_size > 1000, d.path


def test_every_csv_opens_as_utf8_in_a_spreadsheet_and_says_true_or_false(site):
    """Excel reads a double-clicked CSV as UTF-8 only after a byte order mark; booleans are not Python's True/False."""
    files = sorted((site / "data").rglob("*.csv"))
    assert len(files) >= 6
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf"), path
        cells = {c for row in csv.reader(raw.decode("utf-8-sig").splitlines()) for c in row}
        assert not cells & {"True", "False"}, path
    with (site / "data" / "abbreviations.csv").open(encoding="utf-8-sig", newline="") as f:
        assert {r["en_coined"] for r in csv.DictReader(f)} == {"true", "false"}


def test_csv_gives_records_inside_a_record_numbered_columns_not_json():
    from planreader.publish.formats import to_csv
    rows = [{"n": "1", "subitems": [], "ids": ["a", "b"]},
            {"n": "2", "subitems": [{"label": "a", "text": {"az": "x", "en": "=y"}}, {"label": "b", "text": {"az": "z", "en": ""}}],
             "ids": []}]
    lines = to_csv(rows).lstrip("\ufeff").splitlines()
    assert lines == ["n,subitems_1_label,subitems_1_text_az,subitems_1_text_en,subitems_2_label,subitems_2_text_az,subitems_2_text_en,ids",
                     "1,,,,,,,a ; b", "2,a,x,'=y,b,z,,"]
