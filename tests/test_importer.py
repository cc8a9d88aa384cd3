"""`planreader import`: the NAP source re-imported reproduces the curated data; a new plan imports, validates and
proposes its unknown bodies; bad input writes nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from planreader import paths
from planreader.data import fidelity
from planreader.data.load import load_catalog
from planreader.importer import command, markup
from planreader.importer.bodies import Matcher, ascii_id, kind_of
from planreader.importer.deadlines import parse_deadline
from planreader.importer.report import Report

NAP_SOURCE = paths.SOURCES / "004_2638944a52eb9928.txt"
SYNTHETIC = Path(__file__).parent / "fixtures" / "plan-2020-2024.txt"


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """Writable copies of data/ and sources/ that the importer, the loader and the fidelity proof use."""
    shutil.copytree(paths.DATA, tmp_path / "data")
    shutil.copytree(paths.SOURCES, tmp_path / "sources")
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "SOURCES", tmp_path / "sources")
    return tmp_path


def _import(scratch: Path, source: Path, doc_id: str, *extra: str) -> int:
    return command.main([str(source), "--id", doc_id, "--report", str(scratch / f"{doc_id}.report.txt"), *extra])


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _measures(mf: dict) -> list[tuple]:
    return [(g["num"], g["title"]["az"], m["num"], m["text"]["az"], m["deadline"]["text"]["az"],
             m["deadline"].get("start"), m["deadline"].get("end"), m["deadline"].get("regular", False),
             m["executors_text"]["az"], m["executors"], m.get("involving", []), m.get("amended_executors", []))
            for g in mf["groups"] for m in g["measures"]]


def _units(nodes: list[dict], out: list | None = None) -> list[tuple]:
    out = [] if out is None else out
    for n in nodes:
        out.append((n["id"], n["kind"], n.get("num"), (n.get("text") or {}).get("az"),
                    [c["az"] for c in n.get("cells") or []], n.get("strong", []), n.get("ref"), n.get("recommends")))
        _units(n.get("children", []), out)
    return out


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the proof on the real source ------------------------------------------------------------------------------

@pytest.fixture
def nap_scratch(scratch):
    assert _import(scratch, NAP_SOURCE, "nap-scratch") == 0
    return scratch


def test_reimported_nap_reproduces_every_measure(nap_scratch):
    curated = _measures(_yaml(paths.ROOT / "data/measures/nap-2014-2018.yml"))
    imported = _measures(_yaml(nap_scratch / "data/measures/nap-scratch.yml"))
    assert len(imported) == len(curated) == 60
    assert [m for m in imported if m not in curated] == []
    assert imported == curated


def test_reimported_nap_units_differ_from_the_curated_document_in_nothing(nap_scratch):
    curated = _yaml(paths.ROOT / "data/documents/nap-2014-2018.yml")
    imported = _yaml(nap_scratch / "data/documents/nap-scratch.yml")
    cu, iu = _units(curated["body"]), _units(imported["body"])
    differences = [(c, i) for c, i in zip(cu, iu) if c != i]
    assert (len(iu), differences) == (len(cu), [])
    notes = [u[7] for u in iu if u[7]]
    assert [n["body"] for n in notes] == ["prosecutor-general", "supreme-court", "bar-association", "ombudsman",
                                          "press-council"]
    assert notes[0]["measures"] == ["13.1.1", "13.1.7", "13.2.5", "13.3.3-13.3.5", "13.3.7-13.3.9", "13.6.1", "13.8.1"]
    for key in ("kind", "number", "date", "amendments"):
        assert imported[key] == curated[key], key
    for key in ("place", "issuer", "signatory", "short_title", "title", "approves"):
        assert imported[key]["az"] == curated[key]["az"], key
    # publications differ only in the English outlet names, which the curated data adds by hand
    assert [{**p, "outlet": p["outlet"]["az"]} for p in imported["publications"]] == \
           [{**p, "outlet": p["outlet"]["az"]} for p in curated["publications"]]


def test_reimported_nap_passes_validation_and_the_fidelity_proof(nap_scratch):
    cat = load_catalog()
    assert "nap-scratch" in cat.documents
    assert fidelity.check_document("nap-scratch") == []
    report = (nap_scratch / "nap-scratch.report.txt").read_text(encoding="utf-8")
    assert report.count("[joined-cells]") == 10  # the ten rows split by a page break
    assert "line 153: [joined-paragraph] joined to p-7-2" in report
    assert "[fidelity]" not in report and "[unmatched-body]" not in report


# --- a plan it has never seen -----------------------------------------------------------------------------------

def test_synthetic_plan_imports_validates_and_proposes_unknown_bodies(scratch):
    before = (scratch / "data/bodies.yml").read_text(encoding="utf-8")
    assert _import(scratch, SYNTHETIC, "nap-2020-2024") == 0
    doc = _yaml(scratch / "data/documents/nap-2020-2024.yml")
    assert (doc["number"], doc["date"], doc["short_title"]["az"]) == ("1850", "2020-03-03", "Milli Fəaliyyət Planı 2020–2024")
    assert doc["amendments"] == [{"kind": "decree", "date": "2021-05-15", "number": "1402"}]
    assert doc["publications"][0]["date"] == "2020-03-04" and doc["publications"][0]["issue"] == "47"
    assert _measures(_yaml(scratch / "data/measures/nap-2020-2024.yml")) == [
        ("3.1", "Hüquqi tədbirlər", "3.1.1", "Qanunvericiliyin təhlili", "2020-2021", 2020, 2021, False,
         "Nazirlər Kabineti, Ədliye Nazirliyi", ["cabinet-of-ministers", "edliye-nazirliyi"], [], []),
        ("3.1", "Hüquqi tədbirlər", "3.1.2", "Qurbanlar üçün sığınacaqların sayının artırılması", "2022", 2022, 2022,
         False, "Daxili İşlər Nazirliyi, Dövlət Təhlükəsizliyi Xidməti, Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi",
         ["ministry-of-internal-affairs", "state-security-service", "ministry-of-labour-and-social-protection"], [],
         ["state-security-service"]),
        ("3.2", "Maarifləndirmə", "3.2.1", "Turizm şirkətləri üçün təlimlər", "mütəmadi", None, None, True,
         "Dövlət Turizm Agentliyi, aidiyyəti qeyri-hökumət təşkilatlarını cəlb etməklə", ["dovlet-turizm-agentliyi"],
         ["relevant-ngos"], []),
        ("3.2", "Maarifləndirmə", "3.2.2", "Məktəblərdə maarifləndirmə", "2020-2024", 2020, 2024, False,
         "Təhsil Nazirliyi, Dövlət Turizm Agentliyi", ["ministry-of-education", "dovlet-turizm-agentliyi"], [], []),
    ]
    after = (scratch / "data/bodies.yml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    added = after[len(before.rstrip("\n")):]
    assert added.count("# REVIEW: proposed by `planreader import`") == 2
    report = (scratch / "nap-2020-2024.report.txt").read_text(encoding="utf-8")
    assert "line 49: [near-match] measure 3.1.1: 'Ədliye Nazirliyi' is not a known form; did you mean " \
           "`ministry-of-justice`?" in report
    assert "line 54: [unmatched-body] measure 3.2.1: 'Dövlət Turizm Agentliyi' names no known body" in report
    assert "line 52: [joined-cells]" in report and "line 42: [joined-paragraph] joined to p-2-1-2" in report
    cat = load_catalog()
    assert cat.bodies["dovlet-turizm-agentliyi"].kind == "agency"
    assert cat.bodies["edliye-nazirliyi"].kind == "ministry"
    assert fidelity.check_document("nap-2020-2024") == []
    assert (scratch / "sources/plan-2020-2024.txt").read_bytes() == SYNTHETIC.read_bytes()


# --- bad input writes nothing ------------------------------------------------------------------------------------

BAD = {
    "empty": b"",
    "blank": b"  \n\n\t\n",
    "binary": bytes(range(256)) * 4,
    "latin-1": "Azərbaycan".encode("utf-8") + b"\n\xe6\xe7 text\n",
    "random text": b"Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.\nSed do eiusmod tempor.\n",
    "order without a plan": "\n".join(NAP_SOURCE.read_text(encoding="utf-8").splitlines()[:40]).encode("utf-8"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_file_that_is_not_a_plan_gets_one_line_and_writes_nothing(scratch, name, capsys):
    bad = scratch / "bad.txt"
    bad.write_bytes(BAD[name])
    before = _tree(scratch / "data"), _tree(scratch / "sources")
    assert _import(scratch, bad, "bad-plan") == 1
    err = capsys.readouterr().err
    assert err.startswith("import: ") and err.count("\n") == 1 and "Traceback" not in err
    assert (_tree(scratch / "data"), _tree(scratch / "sources")) == before
    assert not (scratch / "bad-plan.report.txt").exists()


def test_another_layout_the_cis_pdf_extraction_is_refused_at_its_line(scratch, capsys):
    before = _tree(scratch / "data")
    assert _import(scratch, paths.SOURCES / "000_2a001d3be8649140.txt", "cis-scratch") == 1
    assert "line 46: not in the layout of a plan text" in capsys.readouterr().err
    assert _tree(scratch / "data") == before


def test_an_existing_document_is_replaced_only_with_force(scratch, capsys):
    before = _tree(scratch / "data")
    assert _import(scratch, NAP_SOURCE, "nap-2014-2018") == 1
    assert "data/documents/nap-2014-2018.yml already exists; pass --force" in capsys.readouterr().err
    assert _tree(scratch / "data") == before
    assert _import(scratch, NAP_SOURCE, "nap-2014-2018", "--force") == 0
    assert _measures(_yaml(scratch / "data/measures/nap-2014-2018.yml")) == \
           _measures(_yaml(paths.ROOT / "data/measures/nap-2014-2018.yml"))


@pytest.mark.parametrize("doc_id, orphan, message", [
    ("Bad Id", None, "a document id is lower-case ASCII words"),
    ("orphan-plan", "measures", "collides with data/measures/orphan-plan.yml"),
    ("nap20142018", None, "differs only in its hyphens"),
    ("bodies", None, "collides with the site's own bodies/ pages"),
    ("open-data", None, "collides with the site's own open-data/ pages"),
])
def test_colliding_or_malformed_ids_are_refused(scratch, capsys, doc_id, orphan, message):
    if orphan:
        (scratch / "data" / orphan / f"{doc_id}.yml").write_text("document: x\n", encoding="utf-8")
    before = _tree(scratch / "data")
    assert _import(scratch, SYNTHETIC, doc_id) == 1
    assert message in capsys.readouterr().err
    assert _tree(scratch / "data") == before


def test_a_failure_while_writing_leaves_data_as_it_was(scratch, monkeypatch, capsys):
    import os

    from planreader.importer import write
    before = _tree(scratch / "data")
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(write.os, "replace", failing_replace)
    assert _import(scratch, SYNTHETIC, "nap-2020-2024") == 1
    assert "No space left on device; nothing written" in capsys.readouterr().err
    assert _tree(scratch / "data") == before  # and no temporary file is left behind
    monkeypatch.setattr(write.os, "replace", os.replace)


# --- the pure steps ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, record, sure", [
    ("2014-2016", {"start": 2014, "end": 2016}, True),
    ("2015", {"start": 2015, "end": 2015}, True),
    ("mütəmadi", {"regular": True}, True),
    ("2015-ci il", {"start": 2015, "end": 2015}, False),
    ("2018-2016", {"start": 2018, "end": 2016}, False),
    ("ilin sonuna qədər", {}, False),
])
def test_deadlines(text, record, sure):
    rec, ok = parse_deadline(text)
    assert ({k: v for k, v in rec.items() if k != "text"}, ok) == (record, sure)


def test_names_become_ascii_ids_and_kinds():
    assert ascii_id("Dövlət Turizm Agentliyi") == "dovlet-turizm-agentliyi"
    assert ascii_id("Ədliyyə Nazirliyi") == "edliyye-nazirliyi"
    assert [kind_of(n) for n in ("Səhiyyə Nazirliyi", "Dövlət Gömrük Komitəsi", "Mətbuat Şurası", "Xyz")] == \
           ["ministry", "state-committee", "council", "agency"]


def test_cells_split_into_bodies_involving_and_amended():
    m = Matcher([("Daxili İşlər Nazirliyi", "mia"), ("Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi", "family"),
                 ("aidiyyəti qeyri-hökumət təşkilatlarını", "ngos"), ("Dövlət Təhlükəsizliyi Xidməti", "dtx")],
                ["və", "cəlb etməklə"], {"mia", "family", "ngos", "dtx"})
    report = Report("x")
    cell = "<i>Dövlət Təhlükəsizliyi Xidməti</i> , Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi, " \
           "aidiyyəti qeyri-hökumət təşkilatlarını cəlb etməklə"
    assert m.match_cell(markup.plain(cell), markup.italic_names(cell), 7, report, "measure 1.1.1") == \
           (["dtx", "family"], ["ngos"], ["dtx"])
    assert report.findings == []
    assert m.match_cell("Daxili İşlər Nazirliyi və Yeni Agentlik", [], 8, report, "measure 1.1.2") == \
           (["mia", "yeni-agentlik"], [], [])
    assert [f.kind for f in report.findings] == ["unmatched-body"] and report.findings[0].line == 8


def test_words_the_data_cannot_hold_are_named_in_the_report_and_validation_fails(scratch):
    """A row with a fourth cell: the importer keeps three and the report names the words it lost, with the row."""
    text = SYNTHETIC.read_text(encoding="utf-8").replace("\t2020-2021\n", "\t2020-2021\tartıq xana\n")
    source = scratch / "plan-extra-cell.txt"
    source.write_text(text, encoding="utf-8")
    assert _import(scratch, source, "extra-cell") == 0
    report = (scratch / "extra-cell.report.txt").read_text(encoding="utf-8")
    assert "line 49: [cells] measure 3.1.1: expected 3 cells" in report
    assert "[fidelity] source words missing from the data: 'artıq xana'" in report
    assert fidelity.check_document("extra-cell") != []


def test_an_unreadable_deadline_is_refused_with_its_measure_and_nothing_written(scratch, capsys):
    text = SYNTHETIC.read_text(encoding="utf-8").replace("\t2022\n", "\tilin sonunadək\n")
    source = scratch / "plan-bad-deadline.txt"
    source.write_text(text, encoding="utf-8")
    before = _tree(scratch / "data")
    assert _import(scratch, source, "bad-deadline") == 1
    err = capsys.readouterr().err
    assert "line 50: measure 3.1.2: deadline: give start and end years" in err and err.count("\n") == 1
    assert _tree(scratch / "data") == before


def test_hostile_text_in_a_plan_is_imported_as_text(scratch):
    """Every visible hostile string as a measure's text: written to YAML as the very text, and the data validates."""
    from hostile import VISIBLE

    strings = [s for s in VISIBLE if "\t" not in s and "\n" not in s and markup.plain(s).strip()]
    rows = "".join(f"3.2.{k}.\t{s}\tTəhsil Nazirliyi\t2020\n" for k, s in enumerate(strings, 3))
    text = SYNTHETIC.read_text(encoding="utf-8").replace("\nQeyd.", rows + "\nQeyd.", 1)
    source = scratch / "plan-hostile.txt"
    source.write_text(text, encoding="utf-8")
    assert _import(scratch, source, "hostile-plan") == 0
    measures = {m["num"]: m["text"]["az"] for g in _yaml(scratch / "data/measures/hostile-plan.yml")["groups"]
                for m in g["measures"]}
    assert [measures[f"3.2.{k}"] for k in range(3, 3 + len(strings))] == [markup.plain(s) for s in strings]
    cat = load_catalog()
    assert len(cat.measures_of("hostile-plan")) == 4 + len(strings)
    assert fidelity.check_document("hostile-plan") == []
