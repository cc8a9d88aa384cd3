"""Property-based tests: mutate the real data files and require a clear error or an intact catalog.

Every generated case either loads, and then every record of the files is in the catalog (nothing silently
dropped), or raises DataErrors whose every line names a data file (and, where it can, line, record and field).
Any other exception is a traceback a contributor would see: a failure. Mutations the data may never hold
(duplicate keys, anchors and aliases, merge keys, impossible dates, nesting past the bound) must be refused.

The cases differ from run to run (their number comes from the Hypothesis profile, tests/conftest.py): a failure
prints a @reproduce_failure blob that replays it, and `pytest --hypothesis-seed=N` fixes a whole run.
Each case goes through the real loader (load_catalog): the mutated file is read, parsed and validated afresh and
every cross-check runs; the unchanged files are parsed once per run (the loader keeps checked texts it has seen).
"""
from __future__ import annotations

import copy
import re
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planreader import paths
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog
from planreader.data.yamlfile import MAX_DEPTH

FILES = ["bodies.yml", "abbreviations.yml", "documents/nap-2014-2018.yml", "documents/cis-2007-2010.yml",
         "measures/nap-2014-2018.yml", "measures/cis-2007-2010.yml", "glossary/terms.yml", "glossary/exceptions.yml",
         "translation-state.yml"]
ORIGINAL = {f: (paths.DATA / f).read_text(encoding="utf-8") for f in FILES}
PARSED = {f: yaml.load(t, Loader=yaml.CSafeLoader) for f, t in ORIGINAL.items()}
ERROR_LINE = re.compile(r"^data/[\w/.-]+\.yml(:\d+)?: .+")
# A line that opens a mapping entry ("key: value", "- key: value", "key:"), and one with a value on it.
KEY_LINE = re.compile(r"^( *)(- )?([^\s#{\[\-'\"][^\s]*?):(?: |$)")
VALUE_LINE = re.compile(r"^( *(?:- )?[^\s#{\[\-'\"][^\s]*?): (?![&*!|>])(\S.*)$")
# Mutations the loader must refuse, and the words its message must contain.
MUST_REFUSE = {"duplicate-key": "duplicate key", "anchor": "anchors and aliases", "alias": "anchors and aliases",
               "merge": "merge keys", "impossible-date": "is not a date", "too-deep": f"more than {MAX_DEPTH} levels"}


def paths_in(node, prefix=()):
    """Every path to a value inside a parsed file (dict keys and list indexes)."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths_in(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths_in(v, prefix + (i,))


PATHS = {f: [p for p in paths_in(d) if p] for f, d in PARSED.items()}
LINES = {f: t.splitlines(keepends=True) for f, t in ORIGINAL.items()}
KEY_LINES = {f: [i for i, line in enumerate(ls) if KEY_LINE.match(line)] for f, ls in LINES.items()}
VALUE_LINES = {f: [i for i, line in enumerate(ls) if VALUE_LINE.match(line.rstrip("\n"))] for f, ls in LINES.items()}

values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=30), st.just(""), st.just("x" * 100_000), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2), st.just("ministry-of-nowhere"),
    st.just("13.99.99"), st.just("<script>x</script>"), st.just("{{ broken }}"), st.just("a\nb"), st.just("("),
)


def _line_edit(draw, name: str, kind: str) -> bytes:
    """A mutation of the file's text at one line: what a contributor's editor, not a YAML dumper, produces."""
    lines = list(LINES[name])
    if kind == "duplicate-key":  # the same key again in the same mapping, right below
        i = draw(st.sampled_from(KEY_LINES[name]))
        indent, dash, _key = KEY_LINE.match(lines[i]).groups()
        copy_ = lines[i] if not dash else indent + "  " + lines[i][len(indent) + 2:]
        lines.insert(i + 1, copy_ if copy_.endswith("\n") else copy_ + "\n")
        if not lines[i].endswith("\n"):
            lines[i] += "\n"
    elif kind == "merge":  # after a line that holds its value, so the next line is a sibling or less indented
        i = draw(st.sampled_from(VALUE_LINES[name]))
        indent, dash, _key = KEY_LINE.match(lines[i]).groups()
        lines.insert(i + 1, indent + ("  " if dash else "") + "<<: {extra: 1}\n")
        lines[i] = lines[i] if lines[i].endswith("\n") else lines[i] + "\n"
    else:  # replace one value on a "key: value" line
        i = draw(st.sampled_from(VALUE_LINES[name]))
        key, value = VALUE_LINE.match(lines[i].rstrip("\n")).groups()
        n = draw(st.sampled_from([MAX_DEPTH + 1, 200, 100_000]))
        new = {"anchor": f"&a {value}", "alias": "*a",
               "impossible-date": draw(st.sampled_from(["2008-02-30", "2014-13-01", "2019-02-29", "2010-04-31"])),
               "too-deep": "[" * n + "]" * draw(st.sampled_from([0, n])),
               "deep": "[" * draw(st.integers(1, 30)) + "]" * 30}[kind]
        lines[i] = f"{key}: {new}\n"
    return "".join(lines).encode("utf-8")


@st.composite
def mutation(draw):
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["replace", "delete", "add-key", "duplicate", "truncate", "bytes", "indent",
                                 *MUST_REFUSE, "deep"]))
    if kind in MUST_REFUSE or kind == "deep":
        return name, _line_edit(draw, name, kind), kind, None
    if kind in ("truncate", "bytes", "indent"):
        text = ORIGINAL[name].encode("utf-8")
        cut = draw(st.integers(1, len(text) - 1))
        if kind == "truncate":
            return name, text[:cut], kind, None
        if kind == "bytes":
            junk = draw(st.sampled_from([b"\xff\xfe", b"\x00", b"\xc3(", b"\t", b": : :", b"- [", b"\xe2\x80"]))
            return name, text[:cut] + junk + text[cut:], kind, None
        lines = list(LINES[name])
        i = draw(st.integers(0, len(lines) - 1))
        lines[i] = " " + lines[i]
        return name, "".join(lines).encode("utf-8"), kind, None
    data = copy.deepcopy(PARSED[name])
    path = draw(st.sampled_from(PATHS[name]))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if kind == "replace":
        parent[last] = draw(values)
    elif kind == "delete":
        del parent[last]
    elif kind == "add-key" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "idd", "texts", "en"]))] = draw(values)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    else:
        parent[last] = draw(values)
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8")
    return name, text, kind, data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(paths.DATA, root)
    return root


def count_records(name: str, data) -> dict[str, int]:
    """How many records of each kind the files hold, `name` holding `data` instead of its original."""
    def get(f):
        return data if f == name else PARSED[f]
    return {
        "bodies": len(get("bodies.yml")["bodies"]),
        "abbreviations": len(get("abbreviations.yml")["abbreviations"]),
        "measures": sum(len(g["measures"]) for f in ("measures/nap-2014-2018.yml", "measures/cis-2007-2010.yml")
                        for g in get(f)["groups"]),
        "terms": len(get("glossary/terms.yml")["terms"]),
        "reviewed": len(get("translation-state.yml").get("reviewed") or {}),  # null or no key: nothing reviewed
    }


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(case=mutation())
def test_mutated_data_gives_a_clear_error_or_loses_nothing(scratch, monkeypatch, case):
    name, content, kind, data = case
    monkeypatch.setattr(paths, "DATA", scratch)
    target = scratch / name
    target.write_bytes(content)
    try:
        try:
            catalog = load_catalog(scratch)
        except DataErrors as e:
            assert e.errors, "DataErrors without errors"
            event(f"{kind}: refused with a clear message")
            lines = list(map(str, e.errors))
            for line in lines:
                assert ERROR_LINE.match(line), f"unclear error for a {kind} of {name}: {line!r}"
                assert "Traceback" not in line
            if kind in MUST_REFUSE:
                assert any(MUST_REFUSE[kind] in line for line in lines), (kind, lines)
            return
        assert kind not in MUST_REFUSE, f"a {kind} in {name} was accepted"
        event(f"{kind}: accepted, nothing lost")
        if data is None:  # a text edit that still loads: read what the file now holds
            data = yaml.load(content.decode("utf-8"), Loader=yaml.CSafeLoader)
        counts = count_records(name, data)
        assert len(catalog.bodies) == counts["bodies"]
        assert len(catalog.abbreviations) == counts["abbreviations"]
        assert len(catalog.measures) == counts["measures"]
        assert len(catalog.glossary) == counts["terms"]
        assert len(catalog.reviewed) == counts["reviewed"]
    finally:
        target.write_text(ORIGINAL[name], encoding="utf-8")
