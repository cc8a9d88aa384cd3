"""Bad data gets one clear line naming file, line, record and field, and what would be valid."""
from __future__ import annotations

import pytest

from conftest import run_command
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog

MEASURES = "measures/nap-2014-2018.yml"


def replace_in(data, rel, old, new, count=1):
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def errors_after(data) -> list[str]:
    with pytest.raises(DataErrors) as e:
        load_catalog(data)
    return [str(x) for x in e.value.errors]


def line_of(data, rel, needle) -> int:
    return next(i for i, line in enumerate((data / rel).read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_duplicate_id(data_copy):
    replace_in(data_copy, "bodies.yml", "  - id: ministry-of-justice\n", "  - id: ministry-of-health\n")
    second = [i for i, line in enumerate((data_copy / "bodies.yml").read_text().splitlines(), 1)
              if line == "  - id: ministry-of-health"][1]
    errs = errors_after(data_copy)
    assert errs[0] == (f"data/bodies.yml:{second}: body ministry-of-health: id: duplicate id 'ministry-of-health'; "
                       "every body needs its own id")
    # and the references to the id that disappeared are each reported, with a suggestion
    assert any("measure 13.1.1: executors[2]: unknown body 'ministry-of-justice'" in e for e in errs[1:])


def edit_measure(data, num, change):
    import yaml

    path = data / MEASURES
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(m for g in doc["groups"] for m in g["measures"] if m["num"] == num))
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_unknown_body_reference(data_copy):
    def typo(m):
        m["executors"][0] = m["amended_executors"][0] = "state-securty-service"
    edit_measure(data_copy, "13.2.9", typo)
    errs = errors_after(data_copy)
    hit = [e for e in errs if "measure 13.2.9: executors[0]" in e]
    assert hit and "unknown body 'state-securty-service'; did you mean one of ['state-security-service'" in hit[0], errs
    assert hit[0].startswith(f"data/{MEASURES}:")


def test_malformed_deadline(data_copy):
    replace_in(data_copy, MEASURES, "      start: 2014\n      end: 2016\n", "      start: 2016\n      end: 2014\n")
    errs = errors_after(data_copy)
    assert errs == [f"data/{MEASURES}:17: measure 13.1.1: deadline: start 2016 is after end 2014"]


def test_deadline_that_contradicts_its_wording(data_copy):
    replace_in(data_copy, MEASURES, "      start: 2014\n      end: 2016\n", "      start: 2014\n      end: 2017\n")
    (err,) = errors_after(data_copy)
    assert "measure 13.1.1: deadline" in err and "do not match the wording '2014-2016'" in err


def test_regular_deadline_must_say_so(data_copy):
    replace_in(data_copy, MEASURES, "      regular: true", "      regular: false")
    (err,) = errors_after(data_copy)
    assert "deadline: regular is False but the wording 'mütəmadi' says 'mütəmadi'" in err


def test_wrong_type(data_copy):
    replace_in(data_copy, MEASURES, "      start: 2015\n", "      start: soon\n")
    (err,) = errors_after(data_copy)
    assert "measure 13.1.3: deadline.start: Input should be a valid integer" in err and "'soon'" in err


def test_empty_text(data_copy):
    replace_in(data_copy, MEASURES, "      az: Azərbaycan Respublikasının insan alverinə qarşı mübarizə sahəsində tərəfdar",
               "      az: ''\n      x: Azərbaycan Respublikasının insan alverinə qarşı mübarizə sahəsində tərəfdar")
    errs = errors_after(data_copy)
    assert any("measure 13.1.1: text.az: the Azerbaijani text is empty" in e for e in errs), errs
    assert any("measure 13.1.1: text.x: unknown field" in e for e in errs), errs


def test_missing_field(data_copy):
    replace_in(data_copy, "bodies.yml", "    kind: government\n", "")
    (err,) = errors_after(data_copy)
    assert err.startswith("data/bodies.yml:") and "body cabinet-of-ministers: kind: required field is missing" in err


def test_invalid_choice_lists_valid_values(data_copy):
    replace_in(data_copy, "bodies.yml", "    kind: government\n", "    kind: goverment\n")
    (err,) = errors_after(data_copy)
    assert "body cabinet-of-ministers: kind: Input should be 'state', 'parliament'" in err


def test_yaml_syntax_error_names_the_line(data_copy):
    replace_in(data_copy, "abbreviations.yml", "  - id: tors\n", "  - id: tors\n   bad: [unclosed\n")
    (err,) = errors_after(data_copy)
    line = line_of(data_copy, "abbreviations.yml", "bad: [unclosed")
    assert err.startswith(f"data/abbreviations.yml:{line}: YAML syntax error"), err


def test_not_utf8(data_copy):
    (data_copy / "abbreviations.yml").write_bytes("id: ə".encode("utf-16"))
    (err,) = errors_after(data_copy)
    assert err.startswith("data/abbreviations.yml: not UTF-8 text")


def test_executor_list_must_match_the_printed_cell(data_copy):
    def drop(m):
        m["executors"].remove("state-security-service")
        del m["amended_executors"]
    edit_measure(data_copy, "13.6.1", drop)
    (err,) = errors_after(data_copy)
    assert "measure 13.6.1: executors: executors_text names ['ministry-of-internal-affairs', 'state-security-service']" in err
    assert "they must agree, in order" in err


def test_unknown_executor_wording(data_copy):
    replace_in(data_copy, MEASURES, "      az: Səhiyyə Nazirliyi\n", "      az: Səhiyyə Nazirliyi, Turizm Agentliyi\n")
    errs = errors_after(data_copy)
    assert any("measure 13.4.3: executors_text: 'Turizm Agentliyi' names no known body" in e for e in errs), errs


def test_bad_range_in_the_closing_note(data_copy):
    replace_in(data_copy, "documents/nap-2014-2018.yml", "    - 13.3.3-13.3.5\n", "    - 13.3.3-13.3.15\n")
    errs = errors_after(data_copy)
    assert any("node note-1: recommends.measures[3]: measure 13.3.15" in e and "does not exist" in e for e in errs), errs


def test_validate_command_prints_errors_not_tracebacks(data_copy):
    replace_in(data_copy, "bodies.yml", "    kind: government\n", "    kind: 42\n")
    proc = run_command("validate", data=data_copy)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "body cabinet-of-ministers: kind:" in proc.stderr and "1 data error; nothing was built." in proc.stderr


def test_validate_command_on_real_data():
    proc = run_command("validate")
    assert proc.returncode == 0, proc.stderr
    assert "2 documents, 81 measures" in proc.stdout


def test_a_former_id_cannot_be_a_current_one(data_copy):
    replace_in(data_copy, "bodies.yml", "    former_ids: [guardianship-and-custody-bodies]",
               "    former_ids: [juvenile-commissions]")
    (err,) = errors_after(data_copy)
    assert err.startswith("data/bodies.yml:") and "body guardianship-and-trusteeship-bodies: former_ids[0]:" in err
    assert "'juvenile-commissions' is the id of a current body; an old address cannot lead to two pages" in err
