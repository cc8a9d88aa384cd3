"""The search's pure text functions, Python and JavaScript, against the same committed tables (fast, no browser)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jsrun import call_js
from planreader.search.lexicon import fold, pagefind_normal

HERE = Path(__file__).parent
FOLDING = yaml.safe_load((HERE / "folding_cases.yml").read_text(encoding="utf-8"))["fold"]


@pytest.fixture(scope="module")
def js_folding() -> list[tuple[str, str | None]]:
    calls = [["fold", c["in"]] for c in FOLDING] + [["pagefindNormal", c["in"]] for c in FOLDING]
    out = call_js(calls)
    return list(zip(out[:len(FOLDING)], out[len(FOLDING):]))


def test_the_folding_table_covers_the_letters_readers_leave_out():
    typed = "".join(c["in"] for c in FOLDING)
    assert set("əƏıİşŞçÇğĞöÖüÜ") <= set(typed)
    assert len(FOLDING) >= 30


@pytest.mark.parametrize("case", FOLDING, ids=[c["in"] for c in FOLDING])
def test_python_fold(case):
    assert fold(case["in"]) == case["out"]
    if "pagefind" in case:
        assert pagefind_normal(case["in"]) == case["pagefind"]


def test_javascript_fold_agrees_with_the_table_and_with_python(js_folding):
    wrong = [(c["in"], c["out"], js) for c, (js, _pf) in zip(FOLDING, js_folding) if js != c["out"]]
    assert not wrong, wrong
    drift = [(c["in"], pagefind_normal(c["in"]), pf) for c, (_js, pf) in zip(FOLDING, js_folding)
             if pf != pagefind_normal(c["in"])]
    assert not drift, drift
