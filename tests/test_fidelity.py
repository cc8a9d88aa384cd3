"""The data holds every word of each source, once, in order; planted losses and additions are caught."""
from __future__ import annotations

import yaml

from planreader.data import fidelity


def test_real_data_matches_both_sources_word_for_word():
    for doc_id in ("nap-2014-2018", "cis-2007-2010"):
        assert fidelity.check_document(doc_id) == []


def test_the_check_covers_every_source_word():
    doc, mf, repairs, path = __import__("planreader.data.load", fromlist=["x"]).load_raw_document_set("nap-2014-2018")
    text, problems = fidelity.repaired_source(repairs, path)
    units = list(fidelity.source_order_texts(doc, mf))
    assert problems == []
    assert sum(len(fidelity.words(t)) for _, t in units) == len(fidelity.words(text)) > 5000


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_dropped_word_is_reported(data_copy):
    _edit(data_copy / "measures" / "nap-2014-2018.yml", "telefon «qaynar xətt»in", "telefon «xətt»in")
    problems = fidelity.check_document("nap-2014-2018")
    assert any("missing from the data" in p and "qaynar" in p for p in problems), problems


def test_an_added_word_is_reported(data_copy):
    _edit(data_copy / "measures" / "nap-2014-2018.yml", "telefon «qaynar xətt»in", "telefon «qaynar mobil xətt»in")
    problems = fidelity.check_document("nap-2014-2018")
    assert any("measure 13.2.1 text.az" in p and "'mobil'" in p for p in problems), problems


def test_a_reworded_repair_is_reported(data_copy):
    _edit(data_copy / "measures" / "cis-2007-2010.yml", "əməkdaşlığın beynəlxalq-hüquqi", "əməkdaşlığını beynəlxalq-hüquqi")
    problems = fidelity.check_document("cis-2007-2010")
    assert any("measure 1.1 text.az" in p and "əməkdaşlığını" in p for p in problems), problems


def test_a_moved_paragraph_is_reported(data_copy):
    path = data_copy / "documents" / "nap-2014-2018.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    sections = [n for n in doc["body"] if n.get("kind") == "heading"]
    first, last = sections[1]["children"], sections[11]["children"]
    moved = first.pop(0)
    assert moved["id"] == "p-2-1"
    last.append(moved)  # paragraph 2.1 moved to section 12
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = fidelity.check_document("nap-2014-2018")
    # The first difference names the moved paragraph where it now stands, and what the source has there instead.
    assert problems[0].startswith("nap-2014-2018: node p-2-1 text.az: word 5 'aşağıdakı' (after 'Milli Fəaliyyət "
                                  "Planının məqsədi') is not in the source here; the source reads 'alverinin qurbanı")


def test_a_stale_repair_is_reported(data_copy):
    _edit(data_copy / "repairs" / "cis-2007-2010.yml", "ixtisarlaкжn", "ixtisarlaXYZ")
    problems = fidelity.check_document("cis-2007-2010")
    assert any("repairs[" in p and "occurs 0 times" in p for p in problems), problems
