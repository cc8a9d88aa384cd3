"""The XLIFF round trip: export, edit in a CAT tool's library (translate-toolkit), import; only the edited English
changes, and a stale, unknown, hostile or badly translated file writes nothing."""
import filecmp
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from translate.storage.xliff import xlifffile

from conftest import run_command
from planreader.data.load import load_catalog
from planreader.data.unit_paths import places_in, unit_files, value_at
from planreader.data.units import all_units
from planreader.data.yamlfile import parse
from planreader.translation import xliff_import
from planreader.translation.xliff import NS, export
from planreader.translation.xliff_import import Refused, import_xliff

# Units in each kind of data file and YAML style: a flow mapping (CIS measures), a block mapping (NAP metadata),
# a measure's deadline, an abbreviation's expansion.
EDITED = {
    "cis-2007-2010:m-2-4:text": "To organise coordinated procedural actions, preventive and operational-search "
                                "measures and special operations combating trafficking in human beings, above all:",
    "nap-2014-2018:meta:place": "the city of Baku",
    "nap-2014-2018:m-13-2-9:deadline": "regularly",
    "abbreviations:bmt:expansion": "United Nations Organization",
}


def files_of(data: Path) -> dict[str, Path]:
    return {p.relative_to(data).as_posix(): p for p in sorted(data.rglob("*")) if p.is_file()}


def tt_id(unit) -> str:
    """translate-toolkit's id is "<file original>\x04<trans-unit id>"."""
    return unit.getid().rsplit("\x04", 1)[-1]


def translated(xliff: bytes, targets: dict[str, str]) -> bytes:
    """The file as a translator's CAT tool gives it back, through translate-toolkit's own XLIFF reader/writer."""
    store = xlifffile.parsestring(xliff)
    for unit in store.units:
        if tt_id(unit) in targets:
            unit.target = targets[tt_id(unit)]
    return bytes(store)


def edit_xml(xliff: bytes, unit_id: str, change) -> bytes:
    ET.register_namespace("", NS)
    root = ET.fromstring(xliff)
    tu = next(t for t in root.iter(f"{{{NS}}}trans-unit") if t.get("id") == unit_id)
    change(tu)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def test_every_unit_has_a_place_in_the_raw_files_with_the_same_azerbaijani(catalog):
    from planreader import paths
    places = {}
    for kind, path in unit_files(paths.DATA):
        raw = parse(path, path.read_text(encoding="utf-8")).raw
        places.update({uid: value_at(raw, kp) for uid, kp in places_in(kind, raw)})
    units = {u.id: u for u in all_units(catalog)}
    assert places.keys() == units.keys()
    assert all(places[uid]["az"] == u.text.az and places[uid].get("en") == u.text.en for uid, u in units.items())


def test_translate_toolkit_reads_every_unit_of_the_export(catalog):
    store = xlifffile.parsestring(export(catalog)[0])
    units = {u.id: u for u in all_units(catalog)}
    assert len(store.units) == len(units)
    for tu in store.units:
        assert tu.source == units[tt_id(tu)].text.az and tu.target == units[tt_id(tu)].text.en


def test_round_trip_changes_exactly_the_edited_english(data_copy, tmp_path):
    before = tmp_path / "before"
    import shutil
    shutil.copytree(data_copy, before)
    assert set(EDITED) <= {u.id for u in all_units(load_catalog(data_copy))}
    xliff = translated(export(load_catalog(data_copy))[0], EDITED)

    outcome = import_xliff("t.xlf", xliff, data_copy)

    assert sorted(outcome.changed) == sorted(EDITED)
    assert outcome.unchanged == len(list(all_units(load_catalog(before)))) - len(EDITED)
    assert outcome.files == ["data/abbreviations.yml", "data/documents/nap-2014-2018.yml", "data/measures/cis-2007-2010.yml",
                             "data/measures/nap-2014-2018.yml"]
    after_files, before_files = files_of(data_copy), files_of(before)
    assert after_files.keys() == before_files.keys()
    differing = [name for name in before_files if not filecmp.cmp(before_files[name], after_files[name], shallow=False)]
    assert sorted(f"data/{n}" for n in differing) == outcome.files
    for name in differing:  # in each changed file, only lines holding one of the new English texts differ
        old = before_files[name].read_text(encoding="utf-8").splitlines()
        new = after_files[name].read_text(encoding="utf-8").splitlines()
        assert len(old) == len(new)
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        assert changed and all(any(e in b for e in EDITED.values()) for _, b in changed)
    units = {u.id: u for u in all_units(load_catalog(data_copy))}
    assert {uid: units[uid].text.en for uid in EDITED} == EDITED


def test_reimporting_an_unedited_export_changes_no_byte(data_copy, tmp_path):
    snapshot = {n: p.read_bytes() for n, p in files_of(data_copy).items()}
    outcome = import_xliff("t.xlf", export(load_catalog(data_copy))[0], data_copy)
    assert outcome.changed == [] and outcome.files == []
    assert {n: p.read_bytes() for n, p in files_of(data_copy).items()} == snapshot


def test_an_empty_target_leaves_the_english_as_it_is(data_copy):
    xliff = edit_xml(export(load_catalog(data_copy))[0], "nap-2014-2018:meta:place",
                     lambda tu: setattr(tu.find(f"{{{NS}}}target"), "text", ""))
    outcome = import_xliff("t.xlf", xliff, data_copy)
    assert outcome.changed == [] and outcome.empty == 1


def refusal(data: Path, xliff: bytes) -> list[str]:
    snapshot = {n: p.read_bytes() for n, p in files_of(data).items()}
    with pytest.raises(Refused) as e:
        import_xliff("t.xlf", xliff, data)
    assert {n: p.read_bytes() for n, p in files_of(data).items()} == snapshot, "a refused import wrote something"
    return e.value.lines


def test_stale_source_and_unknown_unit_are_refused_one_line_each(data_copy):
    xliff = translated(export(load_catalog(data_copy))[0], EDITED)
    xliff = edit_xml(xliff, "nap-2014-2018:meta:place",
                     lambda tu: setattr(tu.find(f"{{{NS}}}source"), "text", "Gəncə şəhəri"))
    xliff = edit_xml(xliff, "cis-2007-2010:m-2-4:text", lambda tu: tu.set("id", "cis-2007-2010:m-9-9:text"))
    lines = refusal(data_copy, xliff)
    assert len(lines) == 2
    assert re.fullmatch(r"t\.xlf:\d+: nap-2014-2018:meta:place: source: the Azerbaijani in data/ changed since the "
                        r"export; .*", lines[0])
    assert re.fullmatch(r"t\.xlf:\d+: cis-2007-2010:m-9-9:text: no such unit in data/ .*", lines[1])


def test_the_refusal_names_the_line_of_the_trans_unit(data_copy):
    xliff = edit_xml(export(load_catalog(data_copy))[0], "nap-2014-2018:meta:place",
                     lambda tu: setattr(tu.find(f"{{{NS}}}source"), "text", "x"))
    line = int(refusal(data_copy, xliff)[0].split(":")[1])
    assert 'id="nap-2014-2018:meta:place"' in xliff.decode().splitlines()[line - 1]


def test_a_terminology_miss_in_the_new_english_writes_nothing(data_copy):
    lines = refusal(data_copy, translated(export(load_catalog(data_copy))[0],
                                          {"cis-2007-2010:m-2-4:text": "To organise operations against smuggling:"}))
    assert lines and all(line.startswith("data/measures/cis-2007-2010.yml: cis-2007-2010:m-2-4:text: ") for line in lines)
    assert any("trafficking in human beings" in line for line in lines)


def test_an_executors_cell_naming_another_body_is_refused(data_copy):
    lines = refusal(data_copy, translated(export(load_catalog(data_copy))[0],
                                          {"nap-2014-2018:m-13-2-9:executors": "Ministry of Health"}))
    assert len(lines) == 1 and "nap-2014-2018:m-13-2-9:executors: the English names" in lines[0]


HEADER = '<?xml version="1.0" encoding="utf-8"?>\n'
ONE = (f'<xliff xmlns="{NS}" version="1.2"><file original="x" source-language="az" target-language="en" '
       f'datatype="plaintext"><body><trans-unit id="nap-2014-2018:meta:place"><source>Bakı şəhəri</source>'
       f'<target>{{target}}</target></trans-unit></body></file></xliff>')


@pytest.mark.parametrize("name, xliff, says", [
    ("entity expansion", HEADER + '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     + ONE.format(target="&b;"), "declares a DTD"),
    ("external entity", HEADER + '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + ONE.format(target="&e;"),
     "declares a DTD"),
    ("external DTD", HEADER + '<!DOCTYPE xliff SYSTEM "http://example.org/x.dtd">' + ONE.format(target="Baku"),
     "declares a DTD"),
    ("not well-formed", HEADER + ONE.format(target="<b>Baku"), "not well-formed XML"),
    ("wrong namespace", HEADER + ONE.format(target="Baku").replace(NS, "urn:example"), "not XLIFF 1.2"),
    ("XLIFF 2", HEADER + ONE.format(target="Baku").replace(NS, "urn:oasis:names:tc:xliff:document:2.0"),
     "this is XLIFF 2"),
    ("markup in target", HEADER + ONE.format(target='Ba<g id="1">ku</g>'), "target: holds markup (<g>)"),
    ("bidi override in target", HEADER + ONE.format(target="Ba&#x202E;ku"), "U+202E RIGHT-TO-LEFT OVERRIDE"),
])
def test_a_hostile_xliff_gets_one_line(data_copy, name, xliff, says):
    lines = refusal(data_copy, xliff.encode())
    assert len(lines) == 1 and says in lines[0] and lines[0].startswith("t.xlf")
    assert "passwd" not in lines[0] and "root:" not in lines[0]


def test_segment_marks_of_a_cat_tool_are_read_as_text(data_copy):
    xliff = HEADER + ONE.format(target='<mrk mtype="seg" mid="1">the city</mrk> <mrk mtype="seg" mid="2">of Baku</mrk>')
    assert import_xliff("t.xlf", xliff.encode(), data_copy).changed == ["nap-2014-2018:meta:place"]
    assert load_catalog(data_copy).documents["nap-2014-2018"].place.en == "the city of Baku"


def test_a_huge_file_is_refused_before_it_is_parsed(data_copy, monkeypatch):
    monkeypatch.setattr(xliff_import, "MAX_BYTES", 1000)
    lines = refusal(data_copy, (HEADER + ONE.format(target="x" * 2000)).encode())
    assert len(lines) == 1 and "is more than the" in lines[0]


def test_the_command_reports_changes_and_dry_run_writes_nothing(data_copy, tmp_path):
    xliff = tmp_path / "t.xlf"
    xliff.write_bytes(translated(export(load_catalog(data_copy))[0], {"nap-2014-2018:meta:place": "Baku city"}))
    place = data_copy / "documents" / "nap-2014-2018.yml"
    before = place.read_bytes()
    dry = run_command("xliff", "import", str(xliff), "--dry-run", data=data_copy)
    assert dry.returncode == 0 and dry.stdout == "changed: nap-2014-2018:meta:place\n"
    assert "would change 1 unit(s) in data/documents/nap-2014-2018.yml" in dry.stderr
    assert place.read_bytes() == before
    done = run_command("xliff", "import", str(xliff), data=data_copy)
    assert done.returncode == 0 and place.read_bytes() != before
    bad = run_command("xliff", "import", str(tmp_path / "missing.xlf"), data=data_copy)
    assert bad.returncode == 1 and bad.stderr.startswith("xliff import: cannot read") and "Traceback" not in bad.stderr
