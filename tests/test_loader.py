"""The loader refuses what a data file may not hold, with one located line each, and never a traceback.

Every test here breaks one file of a scratch copy of data/ (the `data_copy` fixture) the way a contributor or an
attacker could, and expects the exact message.
"""
from __future__ import annotations

import dataclasses
import os
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import run_command
from planreader import paths
from planreader.data import validate as validate_command
from planreader.data.errors import DataErrors
from planreader.data.files import MAX_BYTES
from planreader.data.load import load_catalog
from planreader.data.model import _FORMAT, Review
from planreader.data.yamlfile import MAX_DEPTH, StrictLoader, parse
from planreader.translation.status import compute, fingerprint

NAP = "documents/nap-2014-2018.yml"
MEASURES = "measures/nap-2014-2018.yml"
REFUSED_ALIAS = "anchors and aliases (&name, *name) are not allowed in data files; write the value out in full"


def errors_after(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as e:
        load_catalog(data)
    return [str(x) for x in e.value.errors]


def line_of(data: Path, rel: str, needle: str, start: int = 1) -> int:
    lines = (data / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if i >= start and needle in line)


def insert_after(data: Path, rel: str, needle: str, new: str) -> int:
    """Insert the line `new` after the first line holding `needle`; return the new line's number."""
    path = data / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if needle in line)
    lines.insert(i + 1, new + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return i + 2


def replace_in(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def parse_text(text: str):
    return parse(paths.DATA / "x.yml", text)


def refusal(text: str) -> list[str]:
    with pytest.raises(DataErrors) as e:
        parse_text(text)
    return [str(x) for x in e.value.errors]


# --- duplicate keys: one of the two values would be lost without a word ---

def test_duplicate_key_names_both_lines(data_copy):
    first = line_of(data_copy, NAP, "  en: Baku")
    second = insert_after(data_copy, NAP, "  en: Baku", "  en: Baku city")
    assert errors_after(data_copy) == [f"data/{NAP}:{second}: document nap-2014-2018: place: duplicate key 'en' "
                                       f"(first at line {first}); keep one of the two"]


def test_duplicate_executors_in_a_measure(data_copy):
    first = line_of(data_copy, MEASURES, "    executors:")
    replace_in(data_copy, MEASURES, "    executors:\n", "    executors: [president]\n    executors:\n")
    second = first + 1
    assert errors_after(data_copy) == [f"data/{MEASURES}:{second}: measure 13.1.1: duplicate key 'executors' "
                                       f"(first at line {first}); keep one of the two"]


def test_duplicate_key_in_a_flow_mapping(data_copy):
    replace_in(data_copy, "bodies.yml", "en: President of the Republic of Azerbaijan}",
               "en: President of the Republic of Azerbaijan, en: Someone else}")
    line = line_of(data_copy, "bodies.yml", "en: Someone else")
    assert errors_after(data_copy) == [f"data/bodies.yml:{line}: body president: name: duplicate key 'en' "
                                       f"(first at line {line}); keep one of the two"]


# --- anchors, aliases, merge keys, tags ---

ALIAS_BOMB = "l0: &l0 [lol]\n" + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))


def test_alias_bomb_is_refused_at_once(data_copy):
    """Nine lines of nested aliases expand to 9^8 strings: refused at the first anchor, before anything is built."""
    path = data_copy / "abbreviations.yml"
    start = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as f:
        f.write(ALIAS_BOMB)
    began = time.perf_counter()
    assert errors_after(data_copy) == [f"data/abbreviations.yml:{start}: {REFUSED_ALIAS}"]
    assert time.perf_counter() - began < 5


@pytest.mark.parametrize("text, line, message", [
    ("a: &x 1\n", 1, REFUSED_ALIAS),
    ("a: 1\nb: *x\n", 2, REFUSED_ALIAS),
    ("a:\n  b: {c: 1}\n  <<: {c: 2}\n", 3, "merge keys (<<:) are not allowed in data files; write the fields out in full"),
    ("a: !!python/object:os.system x\n", 1, "tags such as '!!python/object:os.system' are not allowed in data files; "
                                            "write the value plainly"),
    ("a: !!int 3\n", 1, "tags such as '!!int' are not allowed in data files; write the value plainly"),
    ("a: !local x\n", 1, "tags such as '!local' are not allowed in data files; write the value plainly"),
    ("? [a, b]\n: 1\n", 1, "a key must be a plain word or number, not a list or a mapping"),
    ("a: " + "1" * 5000 + "\n", 1, "a number of 5,000 characters is not a value of any field"),
])
def test_constructs_the_data_never_needs_are_refused(text, line, message):
    assert refusal(text) == [f"data/x.yml:{line}: {message}"]


# --- nesting and size ---

def test_nesting_up_to_the_bound_is_read_and_beyond_it_refused():
    assert parse_text("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n").raw["a"]
    assert refusal("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n") == [
        f"data/x.yml:1: nested more than {MAX_DEPTH} levels deep, the most a data file may nest"]


def test_deep_block_nesting_is_refused_in_process():
    """`- - - …` on one line nests as deeply as brackets do; libyaml's own composer overflows the C stack on it."""
    assert refusal("a:\n" + "- " * 100_000 + "x\n") == [
        f"data/x.yml:2: nested more than {MAX_DEPTH} levels deep, the most a data file may nest"]


def test_hundred_thousand_brackets_give_one_line_not_a_crash(data_copy):
    line = insert_after(data_copy, "bodies.yml", "kind: head-of-state", "    note: " + "[" * 100_000)
    proc = run_command("validate", data=data_copy)
    assert proc.returncode == 1, proc.returncode  # -11 (segfault) before
    assert proc.stderr == (f"data/bodies.yml:{line}: nested more than {MAX_DEPTH} levels deep, the most a data "
                           f"file may nest\n1 data error; nothing was built.\n")


def test_a_file_larger_than_the_bound_is_refused_unread(data_copy):
    path = data_copy / "abbreviations.yml"
    path.write_bytes(path.read_bytes() + b"#" * MAX_BYTES)
    size = path.stat().st_size
    assert errors_after(data_copy) == [f"data/abbreviations.yml: is {size:,} bytes; a file may hold at most "
                                       f"{MAX_BYTES:,} bytes (4 MiB)"]


def test_the_real_data_is_far_inside_the_bounds():
    """The bounds leave a wide margin: the largest file is under a tenth of the size bound, the deepest under a
    fifth of the depth bound."""
    files = sorted(paths.DATA.rglob("*.yml"))
    assert max(p.stat().st_size for p in files) * 10 < MAX_BYTES

    def depth(node) -> int:  # collections inside collections, as the loader counts them
        if isinstance(node, yaml.ScalarNode):
            return 0
        children = node.value if isinstance(node, yaml.SequenceNode) else [v for kv in node.value for v in kv]
        return 1 + max(map(depth, children), default=0)

    assert max(depth(yaml.compose(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)) for p in files) * 5 \
        < MAX_DEPTH


# --- impossible dates ---

def test_impossible_date_is_a_located_error(data_copy):
    replace_in(data_copy, NAP, "date: '2014-07-24'", "date: 2014-02-30")
    assert errors_after(data_copy) == [f"data/{NAP}:6: document nap-2014-2018: date: 2014-02-30 is not a date"]


def test_impossible_date_in_a_list_record(data_copy):
    replace_in(data_copy, NAP, "date: '2017-03-03'", "date: 2017-02-29")
    line = line_of(data_copy, NAP, "date: 2017-02-29")
    (err,) = errors_after(data_copy)
    assert err.startswith(f"data/{NAP}:{line}: document nap-2014-2018: amendments[") and \
        err.endswith("].date: 2017-02-29 is not a date"), err


# --- files that are not files ---

def test_a_yml_folder_is_named(data_copy):
    (data_copy / "documents" / "extra.yml").mkdir()
    assert errors_after(data_copy) == ["data/documents/extra.yml: is a folder, not a file"]


def test_a_link_out_of_the_data_folder_is_refused(data_copy, tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_bytes((data_copy / "abbreviations.yml").read_bytes())
    (data_copy / "abbreviations.yml").unlink()
    (data_copy / "abbreviations.yml").symlink_to(outside)
    assert errors_after(data_copy) == ["data/abbreviations.yml: is a link to a file outside data/; keep the file "
                                       "itself there"]


def test_a_pipe_is_refused_without_waiting(data_copy):
    (data_copy / "abbreviations.yml").unlink()
    os.mkfifo(data_copy / "abbreviations.yml")
    assert errors_after(data_copy) == ["data/abbreviations.yml: is not a regular file (a device, a pipe or a socket)"]


def test_a_missing_file_is_named(data_copy):
    (data_copy / "abbreviations.yml").unlink()
    assert errors_after(data_copy) == ["data/abbreviations.yml: file not found"]


# --- sources: plain file names in sources/, never read elsewhere ---

def validate_output(capsys) -> tuple[int, str]:
    code = validate_command.main([])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "../sources/004_2638944a52eb9928.txt",
                                  ".hidden", "sub/dir.txt", "C:\\x.txt"])
def test_repairs_source_must_be_a_plain_name(data_copy, capsys, name):
    replace_in(data_copy, "repairs/cis-2007-2010.yml", "source: 000_2a001d3be8649140.txt", f"source: '{name}'")
    code, err = validate_output(capsys)
    assert (code, err) == (1, "data/repairs/cis-2007-2010.yml:3: source: must be the plain name of a file in sources/ "
                              f"(such as 004_2638944a52eb9928.txt), not a path (got {name!r})\n"
                              "1 data error; nothing was built.\n")
    assert "root:" not in err


def test_document_source_file_must_be_a_plain_name(data_copy):
    replace_in(data_copy, NAP, "  file: 004_2638944a52eb9928.txt", "  file: ../../etc/passwd")
    line = line_of(data_copy, NAP, "file: ../../etc/passwd")
    assert errors_after(data_copy) == [f"data/{NAP}:{line}: document nap-2014-2018: source.file: must be the plain "
                                       "name of a file in sources/ (such as 004_2638944a52eb9928.txt), not a path "
                                       "(got '../../etc/passwd')"]


def test_a_missing_source_is_named(data_copy, capsys):
    replace_in(data_copy, "repairs/cis-2007-2010.yml", "source: 000_2a001d3be8649140.txt", "source: missing.txt")
    replace_in(data_copy, "documents/cis-2007-2010.yml", "file: 000_2a001d3be8649140.txt", "file: missing.txt")
    line = line_of(data_copy, "documents/cis-2007-2010.yml", "file: missing.txt")
    texts = "['000_2a001d3be8649140.txt', '004_2638944a52eb9928.txt']"
    assert validate_output(capsys) == (1, (
        f"data/documents/cis-2007-2010.yml:{line}: document cis-2007-2010: source.file: no file 'missing.txt' in "
        f"sources/; the texts there are {texts}\n"
        f"data/repairs/cis-2007-2010.yml:3: source: no file 'missing.txt' in sources/; the texts there are {texts}\n"
        "2 data errors; nothing was built.\n"))


def test_repairs_and_document_name_the_same_source(data_copy, capsys):
    replace_in(data_copy, "repairs/cis-2007-2010.yml", "source: 000_2a001d3be8649140.txt",
               "source: 004_2638944a52eb9928.txt")
    assert validate_output(capsys) == (1, (
        "data/repairs/cis-2007-2010.yml:3: source: repairs '004_2638944a52eb9928.txt', but the document's source is "
        "'000_2a001d3be8649140.txt' (data/documents/cis-2007-2010.yml); they must name the same text\n"
        "1 data error; nothing was built.\n"))


def test_an_unreadable_source_is_one_line(data_copy, tmp_path, monkeypatch, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    for p in paths.SOURCES.iterdir():
        (sources / p.name).write_bytes(p.read_bytes())
    (sources / "000_2a001d3be8649140.txt").write_bytes(b"\xff\xfe broken")
    monkeypatch.setattr(paths, "SOURCES", sources)
    # (named as a contributor knows it: from the folder that holds data/ and sources/)
    assert validate_output(capsys) == (1, "sources/000_2a001d3be8649140.txt: not UTF-8 text (byte 0); save the "
                                          "file as UTF-8\n1 data error; nothing was built.\n")


def test_a_missing_sources_folder_is_one_line_per_file(data_copy, tmp_path):
    env_sources = tmp_path / "no-sources"
    proc = run_command("validate", data=data_copy, env_extra={"PLANS_SOURCES": str(env_sources)})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[1] == ("data/repairs/cis-2007-2010.yml:3: source: no file "
                                           "'000_2a001d3be8649140.txt': the sources folder no-sources/ does not exist")


# --- schema: phrases that can match, single-line text ---

def test_glossary_variants_that_cannot_match_a_word(data_copy):
    replace_in(data_copy, "glossary/terms.yml", "variants: [trafficking in persons]",
               "variants: [trafficking in persons, '(', '']")
    line = line_of(data_copy, "glossary/terms.yml", "variants: [trafficking in persons, '('")
    assert errors_after(data_copy) == [
        f"data/glossary/terms.yml:{line}: term trafficking-in-human-beings: en.variants[1]: holds no letter or "
        "digit, so it can never match a word; write the phrase as it stands in the text (got '(')",
        f"data/glossary/terms.yml:{line}: term trafficking-in-human-beings: en.variants[2]: is empty; write the "
        "phrase or remove the entry (got '')"]


def test_glossary_form_with_stray_space(data_copy):
    replace_in(data_copy, "glossary/terms.yml", "forms: [insan alverinə,", "forms: ['insan alverinə ',")
    line = line_of(data_copy, "glossary/terms.yml", "forms: ['insan alverinə '")
    assert errors_after(data_copy) == [
        f"data/glossary/terms.yml:{line}: term trafficking-in-human-beings: az.forms[0]: starts or ends with "
        "whitespace; trim it (got 'insan alverinə ')"]


def test_body_form_and_connector_must_hold_a_word(data_copy):
    replace_in(data_copy, "bodies.yml", "forms: [Nazirlər Kabineti]", "forms: [Nazirlər Kabineti, '']")
    replace_in(data_copy, "bodies.yml", '  - "və"', '  - "və"\n  - ","')
    form_line = line_of(data_copy, "bodies.yml", "forms: [Nazirlər Kabineti, ")
    connector_line = line_of(data_copy, "bodies.yml", '  - ","')
    assert errors_after(data_copy) == [
        f"data/bodies.yml:{form_line}: body cabinet-of-ministers: forms[1]: is empty; write the phrase or remove the "
        "entry (got '')",
        f"data/bodies.yml:{connector_line}: connectors[1]: holds no letter or digit, so it can never match a word; "
        "write the phrase as it stands in the text"]


LINE_BREAK = ("contains a line break at position {}; every text field holds one line: join the lines (a new "
              "paragraph of a document is a node of its own)")

# (file, path in the file, record, field) of text fields of every kind the site shows
TEXT_FIELDS = [
    ("bodies.yml", ("bodies", 0, "name", "en"), "body president", "name.en"),
    ("bodies.yml", ("bodies", 1, "short", "en"), "body milli-majlis", "short.en"),
    ("abbreviations.yml", ("abbreviations", 0, "abbreviation", "en"), "abbreviation paa", "abbreviation.en"),
    ("abbreviations.yml", ("abbreviations", 0, "expansion", "en"), "abbreviation paa", "expansion.en"),
    (MEASURES, ("groups", 0, "title", "en"), "group 13-1", "title.en"),
    (MEASURES, ("groups", 0, "measures", 0, "text", "en"), "measure 13.1.1", "text.en"),
    (MEASURES, ("groups", 0, "measures", 0, "executors_text", "en"), "measure 13.1.1", "executors_text.en"),
    (MEASURES, ("groups", 0, "measures", 0, "deadline", "text", "en"), "measure 13.1.1", "deadline.text.en"),
    (NAP, ("title", "en"), "document nap-2014-2018", "title.en"),
    (NAP, ("number",), "document nap-2014-2018", "number"),
    (NAP, ("label", "en"), "document nap-2014-2018", "label.en"),
    (NAP, ("body", 0, "text", "en"), "node order-title", "text.en"),
    ("glossary/terms.yml", ("terms", 0, "en", "term"), "term trafficking-in-human-beings", "en.term"),
    ("glossary/terms.yml", ("terms", 0, "definition", "en"), "term trafficking-in-human-beings", "definition.en"),
]


@pytest.mark.parametrize("rel, loc, record, field", TEXT_FIELDS, ids=[f"{t[0]}:{t[3]}" for t in TEXT_FIELDS])
@pytest.mark.parametrize("brk", ["\n====\n", "\n\n    code", "\u2028", "\r"], ids=["heading", "code", "u2028", "cr"])
def test_text_fields_hold_one_line(data_copy, rel, loc, record, field, brk):
    path = data_copy / rel
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    parent = data
    for step in loc[:-1]:
        parent = parent[step]
    parent[loc[-1]] = "Text" + brk + "more"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    (err,) = errors_after(data_copy)
    where, _, rest = err.partition(": ")
    assert where.startswith(f"data/{rel}:") and where.split(":")[1].isdigit(), err
    assert rest == f"{record}: {field}: {LINE_BREAK.format(5)} (got {'Text' + brk + 'more'!r})"


def test_format_characters_match_unicode():
    """The one-search class of format characters holds every Cf character of this Python's Unicode, and nothing
    that is assigned to another category."""
    for cp in range(0x110000):
        c = chr(cp)
        category = unicodedata.category(c)
        if category == "Cf":
            assert _FORMAT.match(c), f"U+{cp:04X} is a format character missing from model._FORMAT"
        elif _FORMAT.match(c):
            assert category == "Cn", f"U+{cp:04X} ({category}) is not a format character"


# --- data/translation-state.yml, read by the loader like every other file ---

STATE = "translation-state.yml"


def test_translation_state_of_the_wrong_shape_is_located(data_copy):
    (data_copy / STATE).write_text("reviewed: [a]\n", encoding="utf-8")
    assert errors_after(data_copy) == [
        "data/translation-state.yml:1: reviewed: must be a mapping (key: value, one per line)"]


@pytest.mark.parametrize("command", ["status", "validate"])
def test_translation_state_of_the_wrong_shape_stops_commands_with_one_line(data_copy, command):
    (data_copy / STATE).write_text("reviewed: [a]\n", encoding="utf-8")
    proc = run_command(command, data=data_copy)
    assert proc.returncode == 1 and proc.stderr == (
        "data/translation-state.yml:1: reviewed: must be a mapping (key: value, one per line)\n"
        "1 data error; nothing was built.\n")


def test_translation_state_names_unknown_units_and_bad_fingerprints(data_copy):
    entry = "  abbreviations:bmt:abbreviation: {az: '69b0bba79fc6', en: '4482340af284'}\n"
    replace_in(data_copy, STATE, entry, entry + "  nap-2014-2018:m-99-1:text: {az: '0123456789ab'}\n")
    replace_in(data_copy, STATE, "abbreviations:bmt:expansion: {az: 'b5827cee2816'", "abbreviations:bmt:expansion: {az: stale")
    assert errors_after(data_copy) == [
        f"data/translation-state.yml:{line_of(data_copy, STATE, 'bmt:expansion')}: "
        "reviewed.abbreviations:bmt:expansion.az: must be a fingerprint of 12 hexadecimal digits, as `make status "
        "--reviewed` writes it (got 'stale')"]
    replace_in(data_copy, STATE, "abbreviations:bmt:expansion: {az: stale", "abbreviations:bmt:expansion: {az: 'b5827cee2816'")
    assert errors_after(data_copy) == [
        f"data/translation-state.yml:{line_of(data_copy, STATE, 'm-99-1')}: reviewed: no text unit "
        "'nap-2014-2018:m-99-1:text'; remove this line (`make status` lists the unit ids)"]


def test_a_bare_fingerprint_is_read_as_a_review_of_the_azerbaijani_alone(data_copy):
    replace_in(data_copy, STATE, "  abbreviations:bmt:expansion: {az: 'b5827cee2816', en: 'c3c27cfe4426'}\n",
               "  abbreviations:bmt:expansion: b5827cee2816\n")
    cat = load_catalog(data_copy)
    assert cat.reviewed["abbreviations:bmt:expansion"] == Review(az="b5827cee2816")
    assert compute(cat).clean


def test_the_catalog_carries_the_translation_state(data_copy, catalog):
    recorded = yaml.load((paths.DATA / STATE).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["reviewed"]
    assert {k: r.model_dump(exclude_none=True) for k, r in catalog.reviewed.items()} == recorded
    assert len(recorded) > 800
    cat = load_catalog(data_copy)
    unit = "nap-2014-2018:m-13-1-1:text"
    (data_copy / STATE).write_text("reviewed: {}\n", encoding="utf-8")  # read once, by the loader: not again
    assert compute(cat).stale == [] and compute(cat).unreviewed == []
    review = cat.reviewed[unit]
    changed = dataclasses.replace(cat, reviewed=dict(cat.reviewed, **{unit: Review(az=fingerprint("something else"),
                                                                                    en=review.en)}))
    assert [u.id for u in compute(changed).stale] == [unit]
    revised = dataclasses.replace(cat, reviewed=dict(cat.reviewed, **{unit: Review(az=review.az, en="0" * 12)}))
    assert [u.id for u in compute(revised).english_changed] == [unit] and compute(revised).stale == []


# --- the reader itself ---

def test_the_strict_loader_reads_the_data_as_pyyaml_does():
    """Composing in Python (to refuse as events arrive) builds exactly what libyaml's composer builds."""
    for path in sorted(paths.DATA.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        loader = StrictLoader(text)
        try:
            assert loader.get_single_data() == yaml.load(text, Loader=yaml.CSafeLoader), path
        finally:
            loader.dispose()
