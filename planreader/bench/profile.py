"""Where the build's time goes, per stage, at one or more corpus sizes: python -m planreader.bench.profile --factor 1 16

For each factor a child process builds the synthetic corpus (planreader/bench/corpus.py) with the steps of
`planreader build` (planreader/site/language_build.py), one language after the other: the MkDocs build (loading
the catalog afresh, as each language does in its own process there), the paragraph records, the Pagefind index, the
lexicon, the query expansions and, in one language, the open data and the /id/ redirects, each timed on the wall
clock. It then builds
the Azerbaijani site again under cProfile and splits it into stages by where the time is spent (loading, rendering
per page family, cross-linking, the project's templates, Markdown, macros, Material's templates, writing files).
The split is the profile's share of that build, applied to the unprofiled build's wall time. Columns per factor:
seconds, and milliseconds per unit (pages of the family, or all pages); the last column is the per-unit growth from
the smallest to the largest factor: above 1.1, a stage grows faster than the corpus.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planreader.bench import prerequisites

# (label, file path ending, function names): a stage is the cumulative time of those functions in the profile.
RENDER_FAMILIES = [
    ("measure pages", "planreader/render/measure.py", ["measure_page"]),
    ("document pages", "planreader/render/document.py", ["document_page"]),
    ("side-by-side pages", "planreader/render/document.py", ["parallel_page"]),
    ("body pages", "planreader/render/body.py", ["body_page"]),
    ("term pages", "planreader/render/glossary.py", ["term_page"]),
    ("abbreviation pages", "planreader/render/abbreviation.py", ["abbreviation_page"]),
    ("index pages (measures, bodies, glossary, abbr.)", "planreader/render/", [
        "measures_index", "bodies_index", "glossary_index", "glossary_list", "abbreviations_index"]),
    ("overview, status and search pages", "planreader/render/", ["overview_page", "status_page", "search_page"]),
]
INSIDE_RENDER = [  # parts of the rendering above, across families
    ("cross-linking (bodies, terms, abbreviations in text)", "planreader/render/links.py", ["render"]),
    ("the project's Jinja templates", "planreader/render/page.py", ["render"]),
]
MKDOCS_STAGES = [
    ("catalog load and validation", "data/load.py", ["load_catalog"]),
    ("Markdown (hand-written pages; generated pages pass empty)", "markdown/core.py", ["convert"]),
    ("macros on hand-written pages", "mkdocs_macros/plugin.py", ["on_page_markdown"]),
    ("Material's page templates and writing pages", "mkdocs/commands/build.py", ["_build_page"]),
    ("sitemap, 404 and theme files", "mkdocs/commands/build.py", ["_build_theme_template"]),
    ("copying static files", "mkdocs/structure/files.py", ["copy_static_files"]),
]

_CHILD_FLAG = "--child"


def _cumulative(stats: pstats.Stats, path_end: str, names: list[str]) -> tuple[float, int]:
    """Seconds spent in (and under) the named functions, and how often they were called."""
    seconds, calls = 0.0, 0
    entries = stats.stats.items()  # type: ignore[attr-defined]
    for (filename, _line, name), (_cc, ncalls, _tt, cumtime, _callers) in entries:
        filename = filename.replace("\\", "/")
        where = path_end in filename if path_end.endswith("/") else filename.endswith(path_end)
        if name in names and where:
            seconds += cumtime
            calls += ncalls
    return seconds, calls


def child(out_json: Path, site: Path) -> None:
    """Runs in a process whose PLANS_DATA is the synthetic corpus (paths are read at import)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from planreader.data import load
    from planreader.paths import ROOT
    from planreader.site import catalog_cache
    from planreader.site.build import CONFIGS, SHARED_FILES_BY
    from planreader.site.language_build import build_language

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    wall: dict[str, float] = {}

    def fresh_catalog() -> None:  # each language's build loads the catalog, as in its own process
        catalog_cache._cache.clear()
        load._checked.cache_clear()

    for lang in CONFIGS:
        def timed(label: str, step, lang=lang):
            start = time.perf_counter()
            result = step()
            wall[f"{lang}: {label}"] = time.perf_counter() - start
            return result
        fresh_catalog()
        build_language(lang, site, lang == SHARED_FILES_BY, timed)
    pages = sum(1 for _ in (site / "az").rglob("index.html"))
    measures = len(catalog_cache.get().measures)

    profiler = cProfile.Profile()
    shutil.rmtree(site / "az-profiled", ignore_errors=True)
    fresh_catalog()
    profiler.enable()
    build(load_config(config_file=str(ROOT / CONFIGS["az"]), site_dir=str(site / "az-profiled")))
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    split = {}
    for group, stages in (("render", RENDER_FAMILIES), ("inside", INSIDE_RENDER), ("mkdocs", MKDOCS_STAGES)):
        for label, path_end, names in stages:
            seconds, calls = _cumulative(stats, path_end, names)
            split[label] = {"group": group, "share": seconds / total, "calls": calls}
    top = sorted(((tt, f"{Path(fn).name}:{line} {name}") for (fn, line, name), (_cc, _nc, tt, _ct, _c)
                  in stats.stats.items()), reverse=True)[:15]  # type: ignore[attr-defined]
    out_json.write_text(json.dumps({"pages": pages, "measures": measures, "wall": wall, "split": split,
                                    "profiled_total": total,
                                    "top": [(share / total, name) for share, name in top]}), encoding="utf-8")


def run(factor: int, work: Path) -> dict:
    from planreader.bench import corpus
    from planreader.paths import ROOT

    data = work / f"data-{factor}"
    corpus.write(data, factor)
    out = work / f"profile-{factor}.json"
    env = dict(os.environ, PLANS_DATA=str(data), SOURCE_DATE_EPOCH="0", NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, "-m", "planreader.bench.profile", _CHILD_FLAG, str(out),
                           str(work / f"site-{factor}")], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"profile: the build at {factor}N failed:\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def table(results: dict[int, dict]) -> list[str]:
    factors = sorted(results)
    low, high = factors[0], factors[-1]
    measures = {f: results[f]["measures"] for f in factors}
    corpus_growth = measures[high] / measures[low]
    head = (f"{'stage':<62}" + "".join(f"{f'{f}N: s':>10}{'ms/unit':>9}" for f in factors)
            + f"{'growth':>8}{'linear':>8}")
    lines = [head, "-" * len(head)]

    def row(label: str, seconds: dict[int, float], units: dict[int, int], indent: int = 0) -> None:
        per = {f: 1000 * seconds[f] / units[f] if units[f] else 0.0 for f in factors}
        growth = linear = flag = ""
        if per[low] and len(factors) > 1:
            growth = f"{per[high] / per[low]:.2f}"
            # What the growth per unit is when the stage's time is proportional to the corpus (its measures).
            bound = corpus_growth * units[low] / units[high]
            linear = f"{bound:.2f}"
            flag = "  faster than the corpus" if per[high] / per[low] > 1.1 * bound else ""
        cells = "".join(f"{seconds[f]:>10.2f}{per[f]:>9.2f}" for f in factors)
        lines.append(f"{' ' * indent}{label:<{62 - indent}}{cells}{growth:>8}{linear:>8}{flag}")

    pages = {f: results[f]["pages"] for f in factors}
    for label in results[low]["wall"]:
        row(label, {f: results[f]["wall"][label] for f in factors}, pages)
        if label.startswith("az: MkDocs build"):
            az = {f: results[f]["wall"][label] for f in factors}
            for key in results[low]["split"]:
                part = {f: results[f]["split"][key] for f in factors}
                group = part[low]["group"]
                units = {f: part[f]["calls"] for f in factors} if group == "render" else pages
                row(f"{'render: ' if group == 'render' else ''}{key}", {f: part[f]["share"] * az[f] for f in factors},
                    units, indent=4 if group != "inside" else 6)
    for lang in ("az", "en"):
        total = {f: sum(s for label, s in results[f]["wall"].items() if label.startswith(f"{lang}: ")) for f in factors}
        row(f"{lang}: total", total, pages)
    lines.append("")
    lines.append(f"units: pages of the family for 'render:' rows (calls of its function), else all pages of one "
                 f"language ({', '.join(f'{pages[f]} at {f}N' for f in factors)}); growth = ms/unit at {high}N ÷ "
                 f"at {low}N; linear = the growth of a stage whose time is proportional to the corpus (measures "
                 f"{measures[low]} → {measures[high]}): bodies, terms and abbreviations are shared, so their pages "
                 "grow longer, not more numerous. Rows under 'az: MkDocs build' are its profile split (indented "
                 "twice: part of the rendering above). `planreader build` runs the two languages at once, so it "
                 "takes about the slower language's total.")
    lines.append(f"\nfunctions with the most own time in the profiled az build at {high}N:")
    lines += [f"  {100 * share:5.1f} %  {name}" for share, name in results[high]["top"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [_CHILD_FLAG]:
        child(Path(argv[1]), Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(prog="python -m planreader.bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, nargs="+", default=[1, 16],
                        help="corpus sizes, in copies of today's plans (default: 1 16)")
    args = parser.parse_args(argv)
    if any(f < 1 for f in args.factor):
        parser.error("--factor must be 1 or more")
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores); timings on a busy machine "
          "are noisy", flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-profile-", dir=prerequisites.scratch_parent()) as tmp:
        for factor in sorted(set(args.factor)):
            start = time.perf_counter()
            results[factor] = run(factor, Path(tmp))
            print(f"  {factor}N profiled in {time.perf_counter() - start:.0f} s", flush=True)
    print("\n".join(table(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
