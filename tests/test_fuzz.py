"""Property-based tests: mutate the real data files and require a clear error or an intact catalog.

Every generated case either loads, and then every record of the files is in the catalog (nothing silently
dropped), or raises DataErrors whose every line names a data file (and, where it can, line, record and field).
Any other exception is a traceback a contributor would see: a failure.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planreader import paths
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog

FILES = ["bodies.yml", "abbreviations.yml", "documents/nap-2014-2018.yml", "documents/cis-2007-2010.yml",
         "measures/nap-2014-2018.yml", "measures/cis-2007-2010.yml", "glossary/terms.yml", "glossary/exceptions.yml"]
ORIGINAL = {f: (paths.DATA / f).read_text(encoding="utf-8") for f in FILES}
PARSED = {f: yaml.load(t, Loader=yaml.CSafeLoader) for f, t in ORIGINAL.items()}
ERROR_LINE = re.compile(r"^data/[\w/.-]+\.yml(:\d+)?: .+")


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

values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=30), st.just(""), st.just("x" * 100_000), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2), st.just("ministry-of-nowhere"),
    st.just("13.99.99"), st.just("<script>x</script>"), st.just("{{ broken }}"),
)


@st.composite
def mutation(draw):
    name = draw(st.sampled_from(FILES))
    data = yaml.load(ORIGINAL[name], Loader=yaml.CSafeLoader)  # a fresh copy
    kind = draw(st.sampled_from(["replace", "delete", "add-key", "duplicate", "truncate", "bytes", "indent"]))
    if kind in ("truncate", "bytes", "indent"):
        text = ORIGINAL[name].encode("utf-8")
        cut = draw(st.integers(1, len(text) - 1))
        if kind == "truncate":
            return name, text[:cut], kind
        if kind == "bytes":
            junk = draw(st.sampled_from([b"\xff\xfe", b"\x00", b"\xc3(", b"\t", b": : :", b"- [", b"\xe2\x80"]))
            return name, text[:cut] + junk + text[cut:], kind
        lines = ORIGINAL[name].splitlines(keepends=True)
        i = draw(st.integers(0, len(lines) - 1))
        lines[i] = " " + lines[i]
        return name, "".join(lines).encode("utf-8"), kind
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
    return name, yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8"), kind


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(paths.DATA, root)
    return root


def count_records(data_dir: Path) -> dict[str, int]:
    def load(f):
        return yaml.load((data_dir / f).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {
        "bodies": len(load("bodies.yml")["bodies"]),
        "abbreviations": len(load("abbreviations.yml")["abbreviations"]),
        "measures": sum(len(g["measures"]) for f in ("measures/nap-2014-2018.yml", "measures/cis-2007-2010.yml")
                        for g in load(f)["groups"]),
        "terms": len(load("glossary/terms.yml")["terms"]),
    }


@settings(max_examples=1000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(case=mutation())
def test_mutated_data_gives_a_clear_error_or_loses_nothing(scratch, monkeypatch, case):
    name, content, kind = case
    monkeypatch.setattr(paths, "DATA", scratch)
    target = scratch / name
    target.write_bytes(content)
    try:
        try:
            catalog = load_catalog(scratch)
        except DataErrors as e:
            assert e.errors, "DataErrors without errors"
            event(f"{kind}: refused with a clear message")
            for line in map(str, e.errors):
                assert ERROR_LINE.match(line), f"unclear error for a {kind} of {name}: {line!r}"
                assert "Traceback" not in line
            return
        event(f"{kind}: accepted, nothing lost")
        counts = count_records(scratch)
        assert len(catalog.bodies) == counts["bodies"]
        assert len(catalog.abbreviations) == counts["abbreviations"]
        assert len(catalog.measures) == counts["measures"]
        assert len(catalog.glossary) == counts["terms"]
    finally:
        target.write_text(ORIGINAL[name], encoding="utf-8")
