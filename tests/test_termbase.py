"""The TBX round trip: the glossary exported, edited as a CAT tool's termbase, imported; only the changed English
lists of data/glossary/terms.yml change, and a file the checks refuse writes nothing."""
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import run_command
from planreader.data.load import load_catalog
from planreader.publish.tbx import DEPRECATED, NS, PREFERRED, XML_LANG, glossary_tbx
from planreader.translation.safexml import Refused
from planreader.translation.termbase import import_tbx

Q = f"{{{NS}}}"


def edited(cat, concept: str, change) -> bytes:
    """The site's TBX with one concept's English langSec changed by `change(langSec)`."""
    ET.register_namespace("", NS)
    root = ET.fromstring(glossary_tbx(cat).encode())
    entry = next(e for e in root.iter(Q + "conceptEntry") if e.get("id") == concept)
    change(next(s for s in entry.findall(Q + "langSec") if s.get(XML_LANG) == "en"))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def add_term(text: str, status: str):
    def change(sec):
        ts = ET.SubElement(sec, Q + "termSec")
        ET.SubElement(ts, Q + "term").text = text
        ET.SubElement(ts, Q + "termNote", {"type": "administrativeStatus"}).text = status
    return change


def test_the_export_holds_the_terms_to_avoid_as_deprecated(catalog):
    root = ET.fromstring(glossary_tbx(catalog).encode())
    entry = next(e for e in root.iter(Q + "conceptEntry") if e.get("id") == "trusteeship")
    en = next(s for s in entry.findall(Q + "langSec") if s.get(XML_LANG) == "en")
    assert [(ts.find(Q + "term").text, ts.find(Q + "termNote").text) for ts in en.iter(Q + "termSec")] == [
        ("trusteeship", PREFERRED), ("curatorship", "admittedTerm-admn-sts"), ("custody", DEPRECATED)]


def test_reimporting_the_export_changes_no_byte(data_copy):
    before = (data_copy / "glossary" / "terms.yml").read_bytes()
    outcome = import_tbx("g.tbx", glossary_tbx(load_catalog(data_copy)).encode(), data_copy)
    assert outcome.changed == {} and outcome.unchanged == len(load_catalog(data_copy).glossary)
    assert (data_copy / "glossary" / "terms.yml").read_bytes() == before


def test_a_new_deprecated_term_changes_one_line_and_is_then_checked(data_copy):
    path = data_copy / "glossary" / "terms.yml"
    before = path.read_text(encoding="utf-8").splitlines()
    tbx = edited(load_catalog(data_copy), "trusteeship", add_term("wardship", DEPRECATED))
    outcome = import_tbx("g.tbx", tbx, data_copy)
    assert outcome.changed == {"trusteeship": ["avoid"]}
    after = path.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after) if a != b] == [
        ("      avoid: [custody]", '      avoid: ["custody", "wardship"]')]
    assert load_catalog(data_copy).glossary["trusteeship"].en.avoid == ["custody", "wardship"]


def test_a_variant_is_added_where_the_concept_had_none(data_copy):
    cat = load_catalog(data_copy)
    concept = next(t.id for t in cat.glossary.values() if not t.en.variants and not t.en.avoid)
    outcome = import_tbx("g.tbx", edited(cat, concept, add_term("some other wording", "admittedTerm-admn-sts")),
                         data_copy)
    assert outcome.changed == {concept: ["variants"]}
    assert load_catalog(data_copy).glossary[concept].en.variants == ["some other wording"]


def refusal(data, tbx: bytes) -> list[str]:
    path = data / "glossary" / "terms.yml"
    before = path.read_bytes()
    with pytest.raises(Refused) as e:
        import_tbx("g.tbx", tbx, data)
    assert path.read_bytes() == before
    return e.value.lines


def test_a_preferred_term_the_texts_do_not_use_is_refused_with_each_unit(data_copy):
    def rename(sec):
        next(ts for ts in sec.iter(Q + "termSec")).find(Q + "term").text = "wardship"
    lines = refusal(data_copy, edited(load_catalog(data_copy), "trusteeship", rename))
    assert len(lines) == 6 and all("(term trusteeship) but the English does not use 'wardship'" in x for x in lines)


def test_a_deprecated_term_that_is_also_a_variant_gets_the_glossarys_own_error(data_copy):
    lines = refusal(data_copy, edited(load_catalog(data_copy), "trusteeship", add_term("curatorship", DEPRECATED)))
    assert len(lines) == 1 and re.match(r"data/glossary/terms\.yml:\d+: .*trusteeship.*curatorship", lines[0])


@pytest.mark.parametrize("change, says", [
    (add_term("second", PREFERRED), "needs exactly one English preferred term"),
    (add_term("x", "supersededTerm-admn-sts"), "has the status 'supersededTerm-admn-sts'"),
    (add_term("", "admittedTerm-admn-sts"), "a term must be plain, non-empty text"),
])
def test_a_badly_marked_term_gets_one_line_with_its_line_number(data_copy, change, says):
    lines = refusal(data_copy, edited(load_catalog(data_copy), "trusteeship", change))
    assert len(lines) == 1 and re.match(r"g\.tbx:\d+: trusteeship: ", lines[0]) and says in lines[0]


def test_an_unknown_concept_and_a_hostile_file_are_refused(data_copy):
    cat = load_catalog(data_copy)
    tbx = glossary_tbx(cat).replace('conceptEntry id="trusteeship"', 'conceptEntry id="no-such-concept"', 1)
    (line,) = refusal(data_copy, tbx.encode())
    assert "no-such-concept: no such concept in data/glossary/terms.yml" in line
    bomb = ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            f'<tbx xmlns="{NS}">&b;</tbx>')
    assert refusal(data_copy, bomb.encode()) == ["g.tbx: refused: the file declares a DTD (<!DOCTYPE …>); the format "
                                                 "needs none, and a DTD can define entities that expand without end "
                                                 "or read other files"]
    (line,) = refusal(data_copy, b'<martif type="TBX"><text/></martif>')
    assert line.startswith("g.tbx:1: not TBX (ISO 30042:2019)")


def test_the_command_exports_and_imports(data_copy, tmp_path):
    tbx = tmp_path / "g.tbx"
    assert run_command("tbx", "export", "-o", str(tbx), data=data_copy).returncode == 0
    root = ET.parse(tbx).getroot()
    entry = next(e for e in root.iter(Q + "conceptEntry") if e.get("id") == "trusteeship")
    add_term("wardship", DEPRECATED)(next(s for s in entry.findall(Q + "langSec") if s.get(XML_LANG) == "en"))
    ET.ElementTree(root).write(tbx, encoding="utf-8", xml_declaration=True)
    proc = run_command("tbx", "import", str(tbx), data=data_copy)
    assert proc.returncode == 0 and proc.stdout == "changed: trusteeship: en.avoid\n"
    assert "wardship" in (data_copy / "glossary" / "terms.yml").read_text(encoding="utf-8")
