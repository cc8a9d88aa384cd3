"""The benchmark's own arithmetic and reporting: medians and spreads, targets, warnings, the README table."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planreader.bench import prerequisites, report
from planreader.bench.stats import Target, figure, load_warning, margin_warning, ratios, verdict, wait_for_quiet


def test_a_figure_is_the_median_with_its_min_and_max():
    fig = figure([1.30, 1.20, 1.24])
    assert (fig.median, fig.low, fig.high) == (1.24, 1.20, 1.30)
    assert fig.spread == pytest.approx(0.10)
    assert fig.show() == "1.24 (1.20–1.30, 3 runs)"
    assert figure([13.2, 13.8, 18.8, 14.0]).show("{:.1f}", " ms") == "13.9 ms (13.2–18.8 ms, 4 runs)"
    assert figure([2.0]).show(unit=" s") == "2.00 s (1 run, no spread)"
    with pytest.raises(ValueError):
        figure([])


def test_ratios_pair_repetitions():
    assert ratios([2.0, 3.0, 4.0], [1.0, 2.0, 4.0]).values == (2.0, 1.5, 1.0)
    with pytest.raises(ValueError):
        ratios([1.0], [1.0, 2.0])


def test_targets_both_ways():
    at_most, at_least = Target(1.1), Target(98, at_most=False)
    assert str(at_most) == "≤ 1.1" and str(at_least) == "≥ 98"
    assert at_most.met(1.1) and not at_most.met(1.11)
    assert at_least.met(98) and not at_least.met(97)
    assert at_most.margin(1.0) == pytest.approx(0.1) and at_least.margin(95) == -3
    assert verdict(figure([1.05, 1.0, 1.2]), at_most) == "met"
    assert verdict(figure([1.47, 1.42, 1.33]), at_most) == "NOT MET"


def test_a_spread_wider_than_the_margin_is_flagged():
    # Issue 19's two runs: 1.47 and 1.33 — the spread (0.14) is wider than the median's distance to 1.3.
    warning = margin_warning("build cost", figure([1.47, 1.33, 1.42]), Target(1.3))
    assert warning is not None and "build cost" in warning and "spread 0.14" in warning and "+" not in warning
    assert "cannot tell" in warning
    assert margin_warning("build cost", figure([1.01, 1.02, 1.03]), Target(1.1)) is None
    assert margin_warning("build cost", figure([1.5, 1.52, 1.51]), Target(1.1)) is None  # clearly not met
    assert margin_warning("one run", figure([1.09]), Target(1.1)) is None  # no spread to compare
    assert "margin +1" in margin_warning("perf", figure([99, 96, 99]), Target(98, at_most=False))


def test_load_above_half_a_core_per_core_is_flagged():
    assert load_warning(0.9, 2) is None
    warning = load_warning(1.2, 2)
    assert warning is not None and "1.20" in warning and "2 cores" in warning


def test_the_benchmark_waits_for_the_load_to_fall_but_not_for_ever():
    loads, slept = iter([2.4, 1.8, 1.1, 0.9, 0.5]), []
    assert wait_for_quiet(lambda: next(loads), 2, 300, slept.append) == (0.9, 15.0)
    assert slept == [5.0, 5.0, 5.0]
    assert wait_for_quiet(lambda: 0.3, 2, 300, slept.append) == (0.3, 0.0)  # quiet: no wait
    assert wait_for_quiet(lambda: 3.0, 2, 12, slept.append) == (3.0, 15.0)  # busy: gives up after the limit
    assert wait_for_quiet(lambda: 3.0, 2, 0, slept.append) == (3.0, 0.0)  # --wait 0


INFO = report.RunInfo("2026-11-23", "e62fdec (dirty)", "x86_64, 2 cores", 0.42, 3)


def test_the_markdown_table_is_dated_with_commit_machine_and_load():
    table = report.markdown([report.Row("build ÷ plain", "**1.05** (1.01–1.09, 3 runs)", "≤ 1.1", "met"),
                             report.Row("a | pipe", "x", "—", "")], INFO)
    assert table.splitlines() == [
        "Measured 2026-11-23 at commit `e62fdec (dirty)` on x86_64, 2 cores; load average 0.42 at start. "
        "Each timing is the median of 3 runs (min–max in brackets).",
        "",
        "| figure | measured | target | |",
        "|---|---|---|---|",
        "| build ÷ plain | **1.05** (1.01–1.09, 3 runs) | ≤ 1.1 | met |",
        "| a \\| pipe | x | — |  |",
    ]


README = """# Reader

## Performance

`make bench` measures. Figures from 22 November:

| figure | measured | target |
|---|---|---|
| build | 1.24 | ≤ 1.3 |

Not met, and why: prose.

## Reliability

Text.
"""


def test_the_readme_table_is_wrapped_in_markers_then_replaced_and_the_prose_stays():
    first = report.replace_table(README, "NEW TABLE 1\n")
    assert first == README.replace("| figure | measured | target |\n|---|---|---|\n| build | 1.24 | ≤ 1.3 |\n",
                                   f"{report.START}\nNEW TABLE 1\n{report.END}\n")
    second = report.replace_table(first, "NEW TABLE 2\n| a | b |\n")
    assert second == first.replace("NEW TABLE 1", "NEW TABLE 2\n| a | b |")
    assert report.replace_table(second, "NEW TABLE 2\n| a | b |\n") == second  # idempotent


def test_a_readme_without_the_section_gets_one_at_the_end():
    text = "# Reader\n\nIntro.\n"
    assert report.replace_table(text, "T\n") == f"# Reader\n\nIntro.\n\n## Performance\n\n{report.START}\nT\n{report.END}\n"


def test_a_readme_with_one_marker_is_refused():
    with pytest.raises(ValueError):
        report.replace_table(f"# R\n{report.START}\n| a |\n", "T")


def test_commit_names_a_dirty_tree(tmp_path):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)
    git("init", "-q")
    (tmp_path / "a.txt").write_text("a")
    git("add", "a.txt")
    git("commit", "-qm", "a")
    clean = report.commit(tmp_path)
    assert len(clean) >= 7 and "dirty" not in clean
    (tmp_path / "untracked.txt").write_text("u")  # untracked files (e.g. .bench/) do not make it dirty
    assert report.commit(tmp_path) == clean
    (tmp_path / "a.txt").write_text("changed")
    assert report.commit(tmp_path) == f"{clean} (dirty)"


def test_missing_prerequisites_give_one_line_each_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setattr(prerequisites, "LIGHTHOUSE_CLI", tmp_path / "none" / "index.js")
    monkeypatch.setattr(prerequisites.shutil, "which", lambda name: None)
    problems = prerequisites.missing(lighthouse=True)
    assert [p.split(" is not installed")[0] for p in problems] == ["chromium", "node", "npm"]
    assert prerequisites.missing(lighthouse=False) == [problems[0]]


def test_the_benchmark_without_playwright_says_so_in_one_line():
    """A Python that cannot import playwright (as with only requirements.txt installed): one line, exit 2."""
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.modules['playwright'] = None; "
                           "from planreader.bench.__main__ import main; sys.exit(main(['--quick', '--no-lighthouse']))"],
                          capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("benchmark: playwright is not installed (the test requirements")
    assert all(line.startswith("benchmark: ") for line in lines)  # one line per missing piece, no traceback


def _leaf(n: int) -> int:
    return sum(i * i for i in range(n))


def _stage() -> int:
    return _leaf(20000) + _leaf(20000)


def test_the_profile_sums_a_stage_and_counts_its_calls():
    import cProfile
    import pstats

    from planreader.bench.profile import _cumulative

    profiler = cProfile.Profile()
    profiler.enable()
    _stage()
    _stage()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stage, stage_calls = _cumulative(stats, "tests/test_bench.py", ["_stage"])
    leaf, leaf_calls = _cumulative(stats, "tests/test_bench.py", ["_leaf"])
    assert (stage_calls, leaf_calls) == (2, 4)
    assert 0 < leaf <= stage
    assert _cumulative(stats, "planreader/other.py", ["_stage"]) == (0.0, 0)  # another file's function of that name


def test_the_profile_table_shows_growth_per_unit():
    from planreader.bench.profile import table

    def result(pages, measures, build, share, calls, term_share):
        return {"pages": pages, "measures": measures, "wall": {"az: MkDocs build (x)": build, "az: lexicon": build / 2,
                                                              "en: MkDocs build (x)": build / 4},
                "split": {"measure pages": {"group": "render", "share": share, "calls": calls},
                          "term pages": {"group": "render", "share": term_share, "calls": 10}},
                "profiled_total": 1.0, "top": [(0.5, "x.py:1 f")]}

    lines = table({1: result(100, 60, 1.0, 0.1, 60, 0.01), 16: result(600, 960, 9.0, 0.16, 960, 0.2)})
    rows = {line.strip().split("  ")[0]: line.split() for line in lines[2:9]}
    # build: 10 → 15 ms/page = 1.50, where time proportional to the corpus (16×, pages 6×) would be 2.67
    assert rows["az: MkDocs build (x)"][-6:] == ["1.00", "10.00", "9.00", "15.00", "1.50", "2.67"]
    # measure pages: 0.1 s/60 = 1.67 ms → 0.16 × 9 s/960 = 1.5 ms: 0.90, linear 1.00 (one page per measure)
    assert rows["render: measure pages"][-6:] == ["0.10", "1.67", "1.44", "1.50", "0.90", "1.00"]
    # term pages: 10 of them, 1 ms → 180 ms each: 180×, where linear is 16× — flagged
    term = next(line for line in lines if "render: term pages" in line)
    assert term.split()[-10:-4] == ["0.01", "1.00", "1.80", "180.00", "180.00", "16.00"]
    assert term.endswith("faster than the corpus")
    assert sum("faster than the corpus" in line for line in lines) == 1
    # each language's total: az 1.5 → 13.5 s, en 0.25 → 2.25 s (the en build alone)
    assert rows["az: total"][-6:] == ["1.50", "15.00", "13.50", "22.50", "1.50", "2.67"]
    assert rows["en: total"][-6:] == ["0.25", "2.50", "2.25", "3.75", "1.50", "2.67"]
    assert any("proportional to the corpus (measures 60 → 960)" in line for line in lines)


def test_repetitions_alternate_their_order():
    from planreader.bench.__main__ import repeat

    order: list[str] = []
    steps = {name: (lambda name=name: order.append(name) or {"run": len(order)}) for name in ("a", "b", "c")}
    results = repeat(4, steps)
    assert order == ["a", "b", "c", "c", "b", "a", "a", "b", "c", "c", "b", "a"]
    assert [r["run"] for r in results["a"]] == [1, 6, 7, 12]
