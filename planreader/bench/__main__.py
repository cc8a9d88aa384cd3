"""Benchmark: figures as medians over repetitions with their spread, ratios against baselines from the same run.

  python -m planreader.bench [--quick] [--runs R] [--no-lighthouse] [--no-preview] [--markdown] [--write-readme]
  (or: make bench)

1. build cost: the real Azerbaijani site ÷ the same pages as plain Markdown files (same theme, no plugins), paired;
2. scaling: ms per page at N, 4N, 16N (and 64N in a full run) measures (planreader/bench/corpus.py), 16N ÷ N;
   and peak memory, 16N ÷ N;
3. page weight: a measure page's compressed bytes, and ÷ its compressed main content;
4. search: compressed bytes fetched from typing a query to the first result, at N and 16N (served gzipped);
5. save → visible in the live preview (planreader/bench/preview.py) at N (and 16N in a full run);
6. Lighthouse mobile scores (npm lighthouse, pinned, with Debian's chromium), the site served as a static host
   serves it (gzip): measure, body, document, search and home pages in both languages.
Each timing is the median of R runs (3 with --quick, 5 otherwise) with its min–max; a warning says when the load
is high or when a figure's spread is wider than its margin to the target. Missing prerequisites: one line, exit 2.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planreader.bench import corpus as synthetic_corpus
from planreader.bench import prerequisites, report
from planreader.bench.stats import (QUIET_PER_CORE, Figure, Target, figure, load_warning, margin_warning, ratios,
                                    verdict, wait_for_quiet)
from planreader.paths import ROOT
from planreader.site.static_host import serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TARGETS = {"build": Target(1.1), "scaling": Target(1.1), "memory": Target(2.0), "page": Target(20, unit=" KB"),
           "search": Target(150, unit=" KB"), "preview-1": Target(3.0, unit=" s"), "preview-16": Target(5.0, unit=" s")}
LIGHTHOUSE_TARGETS = {"performance": Target(98, at_most=False), "accessibility": Target(100, at_most=False),
                      "best-practices": Target(100, at_most=False), "seo": Target(100, at_most=False)}
LIGHTHOUSE_PAGES = {"measure": "nap-2014-2018/measures/13-2-9/", "body": "bodies/state-security-service/",
                    "document": "cis-2007-2010/", "search": "search/", "home": ""}

# In-process build in a child: its own peak memory is then the build's peak memory. Its cost is the CPU time the
# build used (user + system): MkDocs builds on one core, so on a quiet machine that is its wall time, and time spent
# waiting while other work had the core is not counted. MkDocs' logger at ERROR: warnings are the tests' business.
_CHILD = """
import json, logging, os, resource, sys, time
from pathlib import Path
logging.getLogger("mkdocs").setLevel(logging.ERROR)
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
c, t = cpu(), time.perf_counter()
build(cfg)
seconds, wall = cpu() - c, time.perf_counter() - t
pages = sum(1 for _ in Path(sys.argv[2]).rglob("index.html"))
maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "wall": wall, "pages": pages, "maxrss_mb": maxrss_mb}))
"""


class Bench:
    """Prints each figure as it is measured, keeps its table row, and collects the warnings."""

    def __init__(self) -> None:
        self.rows: list[report.Row] = []
        self.warnings: list[str] = []

    def say(self, line: str) -> None:
        print(line, flush=True)

    def add(self, key: str, name: str, measured: str, target: Target | str = "—", fig: Figure | None = None,
            verdict_text: str = "") -> None:
        """A row of the table; `key` names the figure in the console and in warnings."""
        if fig is not None and isinstance(target, Target):
            verdict_text = verdict(fig, target)
        self.rows.append(report.Row(name, measured, str(target), verdict_text))
        self.say(f"  {key}: {measured.replace('**', '')}  [target {target}] {verdict_text}")
        if fig is not None and isinstance(target, Target):
            self.warn(margin_warning(key, fig, target))

    def warn(self, warning: str | None) -> None:
        if warning:
            self.warnings.append(warning)
            self.say("  " + warning)


def env_for(data: Path | None, **extra: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0", **extra)
    if data:
        env["PLANS_DATA"] = str(data)
    return env


def mkdocs_build(config: Path, site: Path, data: Path | None = None, cwd: Path = ROOT) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(config), str(site)], cwd=cwd, env=env_for(data),
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"benchmark build failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def plain_baseline(work: Path, lang: str = "az") -> Path:
    """The real site's pages as plain Markdown files (each holding the page's finished HTML, which Markdown passes
    through), with the same theme, navigation and Markdown extensions, and no plugins or hooks."""
    import yaml

    from planreader.data.load import load_catalog
    from planreader.render.context import RenderContext
    from planreader.render.pages import page_makers

    docs = work / "plain" / "docs"
    shutil.copytree(ROOT / "docs" / lang, docs)
    for make in page_makers(RenderContext(load_catalog(), lang)).values():
        page = make()
        path = docs / page.src_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {page.title}\n\n{page.html}\n", encoding="utf-8")
    # Hand-written pages use macros; the plain build renders them as they are.
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": real["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": lang, "font": False, "features": real["theme"]["features"]},
        "plugins": [], "markdown_extensions": real["markdown_extensions"], "nav": real.get("nav"),
    }
    (work / "plain" / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return work / "plain" / "mkdocs.yml"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))  # the static host's level


def page_weight(site: Path) -> tuple[int, int]:
    html = (site / "nap-2014-2018" / "measures" / "13-2-9" / "index.html").read_bytes()
    main = re.search(rb'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S)
    if main is None:
        raise SystemExit("benchmark: the measure page has no <article class=\"md-content__inner md-typeset\">")
    return gz(html), gz(main.group(1))


def search_bytes(site_root: Path, query: str = "qurban") -> int:
    """Bytes on the wire (gzipped as the host serves them) between typing the query and seeing the first result."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site_root)
    requests: list = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=prerequisites.chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base}/az/search/")
            page.wait_for_load_state("networkidle")
            page.on("requestfinished", lambda request: requests.append(request))  # a bound builtin is refused
            page.fill("#search-q", query)
            page.wait_for_function("document.querySelector('[data-search-results] li')")
            page.wait_for_load_state("networkidle")
            total = sum(request.sizes()["responseBodySize"] for request in requests)  # as sent: gzipped or not
            browser.close()
    finally:
        server.shutdown()
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def full_build(data: Path, out: Path, site_url: str | None = None) -> None:
    extra = {"PLANREADER_SITE_URL": site_url} if site_url else {}
    proc = subprocess.run([sys.executable, "-m", "planreader", "build", "--site-dir", str(out)], cwd=ROOT,
                          env=env_for(data, **extra), capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"benchmark build failed:\n{proc.stderr[-3000:]}")


def install_lighthouse() -> None:
    if prerequisites.LIGHTHOUSE_CLI.exists():
        return
    proc = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                           str(prerequisites.LIGHTHOUSE_CLI.parents[3]), prerequisites.LIGHTHOUSE],
                          capture_output=True, text=True)
    if proc.returncode or not prerequisites.LIGHTHOUSE_CLI.exists():
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"benchmark: npm could not install {prerequisites.LIGHTHOUSE}: {last}")


def lighthouse_run(url: str, report_path: Path) -> dict[str, int | str] | str:
    """One Lighthouse mobile run: category -> score, or why there is none."""
    try:
        proc = subprocess.run(
            ["node", str(prerequisites.LIGHTHOUSE_CLI), url, "--quiet", "--output=json", f"--output-path={report_path}",
             "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
            env=dict(os.environ, CHROME_PATH=prerequisites.chromium() or ""), capture_output=True, text=True,
            timeout=300)
    except subprocess.TimeoutExpired:
        return "timed out after 300 s"
    if not report_path.exists():
        return (proc.stderr.strip().splitlines() or ["no report"])[-1][:200]
    data = json.loads(report_path.read_text(encoding="utf-8"))
    report_path.unlink()
    categories = data.get("categories", {})
    scores: dict[str, int | str] = {k: round(v["score"] * 100) for k, v in categories.items()
                                   if v.get("score") is not None}
    # What keeps a category below 100: its weighted audits that did not pass (performance has its own metrics).
    for key, category in categories.items():
        if key != "performance" and scores.get(key, 100) < 100:
            failed = [ref["id"] for ref in category.get("auditRefs", []) if ref.get("weight")
                      and (data["audits"].get(ref["id"], {}).get("score") or 0) < 1]
            scores[f"{key} failed"] = ", ".join(failed)
    return scores


def lighthouse(bench: Bench, site: Path, port: int, work: Path, runs: int) -> None:
    install_lighthouse()
    server, base = serve(site, port)
    try:
        for kind, path in LIGHTHOUSE_PAGES.items():
            scores: dict[str, list[float]] = {}
            for lang in ("az", "en"):
                for _ in range(runs):
                    result = lighthouse_run(f"{base}/{lang}/{path}", work / "lighthouse.json")
                    if isinstance(result, str):
                        bench.warn(f"warning: Lighthouse on /{lang}/{path}: {result}")
                        continue
                    for category, score in result.items():
                        if isinstance(score, str):
                            bench.warn(f"warning: Lighthouse on /{lang}/{path}: {category}: {score}")
                        else:
                            scores.setdefault(category, []).append(score)
            if not scores:
                bench.add(f"lighthouse {kind}", f"Lighthouse mobile, {kind} page, az and en", "no report")
                continue
            figs = {c: figure(v) for c, v in scores.items()}
            shown = [(c, figs[c]) for c in LIGHTHOUSE_TARGETS if c in figs]
            measured = " / ".join(f"{c} **{f.median:.0f}**" + ("" if f.spread == 0 else f" ({f.low:.0f}–{f.high:.0f})")
                                  for c, f in shown)
            targets = " / ".join(str(t) for t in LIGHTHOUSE_TARGETS.values())
            ok = all(LIGHTHOUSE_TARGETS[c].met(f.median) for c, f in figs.items() if c in LIGHTHOUSE_TARGETS)
            bench.add(f"lighthouse {kind}", f"Lighthouse mobile, {kind} page (az and en, {runs} run{'s' * (runs > 1)} "
                      f"each: median (min–max) of {len(next(iter(scores.values())))})",
                      measured, targets, verdict_text="met" if ok else "NOT MET")
            for c, fig in figs.items():
                if c in LIGHTHOUSE_TARGETS:
                    bench.warn(margin_warning(f"Lighthouse {kind} {c}", fig, LIGHTHOUSE_TARGETS[c]))
    finally:
        server.shutdown()


def repeat(runs: int, steps: dict[str, Callable[[], dict]]) -> dict[str, list[dict]]:
    """Each step `runs` times, interleaved and in alternating order (a, b, b, a, a, b …), so a change of load or a
    machine slowly getting faster or slower hits every step alike."""
    results: dict[str, list[dict]] = {name: [] for name in steps}
    for run in range(runs):
        for name in (list(steps) if run % 2 == 0 else reversed(steps)):
            results[name].append(steps[name]())
    return results


def measure(args: argparse.Namespace, bench: Bench, work: Path) -> None:
    runs = args.runs
    bench.say("1. build cost (the Azerbaijani site, in-process mkdocs build)")
    plain_cfg = plain_baseline(work)
    cost = repeat(runs, {
        "real": lambda: mkdocs_build(ROOT / "mkdocs.yml", work / "real"),
        "plain": lambda: mkdocs_build(plain_cfg, work / "plain-site", cwd=plain_cfg.parent),
    })
    real_s, plain_s = figure([r["seconds"] for r in cost["real"]]), figure([r["seconds"] for r in cost["plain"]])
    ratio = ratios(real_s.values, plain_s.values)
    bench.say("   wall clock: " + " ÷ ".join(figure([r["wall"] for r in cost[k]]).show(unit=" s") for k in cost))
    bench.add("build cost", f"CPU time of the real Azerbaijani site's MkDocs build ÷ of the same pages as plain "
              f"Markdown, same theme, no plugins ({cost['real'][0]['pages']} and {cost['plain'][0]['pages']} pages)",
              f"{real_s.show(unit=' s')} ÷ {plain_s.show(unit=' s')} = **{ratio.show()}**", TARGETS["build"], ratio)

    bench.say("2. scaling (synthetic corpus: every plan copied under new ids; bodies and glossary shared)")
    for factor in args.factors:
        synthetic_corpus.write(work / f"data-{factor}", factor)
    scale = repeat(runs, {str(f): (lambda f=f: mkdocs_build(ROOT / "mkdocs.yml", work / f"site-{f}",
                                                            work / f"data-{f}")) for f in args.factors})
    per_page = {int(f): [1000 * r["seconds"] / r["pages"] for r in rs] for f, rs in scale.items()}
    pages = {int(f): rs[0]["pages"] for f, rs in scale.items()}
    first, top = args.factors[0], (16 if 16 in args.factors else args.factors[-1])
    for f in args.factors:
        wall = figure([1000 * r["wall"] / r["pages"] for r in scale[str(f)]])
        bench.say(f"   {f:>2}N: {pages[f]} pages, {figure(per_page[f]).show('{:.1f}', ' ms/page')} "
                  f"(wall clock {wall.show('{:.1f}', ' ms/page')})")
    growth = ratios(per_page[top], per_page[first])
    trend = " → ".join(f"{figure(per_page[f]).median:.1f}" for f in args.factors)
    sizes_text = ", ".join(f"{pages[f]:,}" for f in args.factors)
    bench.add(f"ms/page {top}N ÷ {first}N",
              f"CPU ms per page at {top}N ÷ at {first}N (synthetic corpus, {sizes_text} pages)",
              f"{trend} ms: **{growth.show()}**", TARGETS["scaling"], growth)
    if args.factors[-1] != top:
        far = ratios(per_page[args.factors[-1]], per_page[first])
        last = args.factors[-1]
        bench.add(f"ms/page {last}N ÷ {first}N", f"ms per page at {last}N ÷ at {first}N (the trend)",
                  f"**{far.show()}**")
    memory = {int(f): [r["maxrss_mb"] for r in rs] for f, rs in scale.items()}
    mem_ratio = ratios(memory[top], memory[first])
    bench.add(f"memory {top}N ÷ {first}N", f"peak memory of the {top}N build ÷ the {first}N build",
              " → ".join(f"{figure(memory[f]).median:.0f}" for f in args.factors) + f" MB: **{mem_ratio.show()}**",
              TARGETS["memory"], mem_ratio)

    bench.say("3. page weight (bytes are exact: one measurement)")
    page_gz, main_gz = page_weight(work / "real")
    bench.add("page weight", "compressed measure page (gzip, as served)",
              f"**{page_gz / 1024:.1f} KB** ({page_gz / main_gz:.1f} × its main content)", TARGETS["page"],
              figure([page_gz / 1024]))

    bench.say("4. search (full builds of both languages with the search index)")
    lh_port = free_port()
    full_build(work / "data-1", work / "full-1", f"http://127.0.0.1:{lh_port}/")
    sizes = {1: search_bytes(work / "full-1")}
    if 16 in args.factors:
        full_build(work / "data-16", work / "full-16")
        sizes[16] = search_bytes(work / "full-16")
    bench.add("search bytes", "compressed bytes from typing a query to the first result",
              ", ".join(f"**{b / 1024:.0f} KB** at {f}N" for f, b in sizes.items()), TARGETS["search"],
              figure([max(sizes.values()) / 1024]))

    if not args.no_preview:
        from planreader.bench import preview

        bench.say("5. save → visible in the live preview")
        for factor in ([1, 16] if args.full else [1]):
            results = preview.measure(factor, runs, work / "preview")
            target = TARGETS[f"preview-{factor}"]
            figs = {kind: figure(times) for kind, times in results.items()}
            worst = max(figs.values(), key=lambda f: f.median)
            bench.add(f"save → visible {factor}N",
                      f"save → visible in the live preview at {factor}N (the slowest kind of change decides)",
                      "; ".join(f"{kind} {fig.show(unit=' s')}" for kind, fig in figs.items()), target, worst)

    if not args.no_lighthouse:
        bench.say("6. Lighthouse (mobile, served gzipped)")
        lighthouse(bench, work / "full-1", lh_port, work, 1 if args.quick else 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planreader.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, no 64N point, no 16N preview, one Lighthouse run")
    parser.add_argument("--runs", type=int, help="repetitions per timing (at least 3; default 3 quick, 5 full)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (needs node and npm)")
    parser.add_argument("--no-preview", action="store_true", help="skip the live preview's save → visible figures")
    parser.add_argument("--wait", type=float, default=300, metavar="SECONDS",
                        help="wait up to this long for the load average to fall to 0.5 per core (default 300; 0: not)")
    parser.add_argument("--markdown", action="store_true", help="print the README's performance table at the end")
    parser.add_argument("--write-readme", action="store_true",
                        help="replace the table between the bench markers in README.md with this run's")
    args = parser.parse_args(argv)
    args.full = not args.quick
    args.runs = args.runs or (3 if args.quick else 5)
    if args.runs < 3:
        parser.error("--runs must be at least 3: a median and a spread need three values")
    args.factors = [1, 4, 16] if args.quick else [1, 4, 16, 64]

    problems = prerequisites.missing(lighthouse=not args.no_lighthouse)
    if problems:
        for problem in problems:
            print(f"benchmark: {problem}", file=sys.stderr)
        return 2

    bench = Bench()
    cores = os.cpu_count() or 1
    if args.wait and os.getloadavg()[0] > QUIET_PER_CORE * cores:
        print(f"load average {os.getloadavg()[0]:.2f}: waiting up to {args.wait:.0f} s for it to fall to "
              f"{QUIET_PER_CORE * cores:g} ({cores} cores)", flush=True)
    load, waited = wait_for_quiet(lambda: os.getloadavg()[0], cores, args.wait, time.sleep)
    if waited:
        print(f"waited {waited:.0f} s", flush=True)
    info = report.RunInfo(dt.date.today().isoformat(), report.commit(ROOT), report.machine(), load, args.runs)
    bench.say(f"machine: {info.machine}\ncommit: {info.commit}\nload average at start: {load:.2f} ({cores} cores)")
    bench.warn(load_warning(load, cores))
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-", dir=prerequisites.scratch_parent()) as tmp:
            measure(args, bench, Path(tmp))
    except KeyboardInterrupt:
        print("benchmark: interrupted", file=sys.stderr)
        return 130
    bench.say(f"done in {(time.perf_counter() - started) / 60:.1f} min; load average at the end "
              f"{os.getloadavg()[0]:.2f}; {len(bench.warnings)} warning(s)")
    table = report.markdown(bench.rows, info)
    if args.markdown:
        print("\n" + table)
    if args.write_readme:
        readme = ROOT / "README.md"
        readme.write_text(report.replace_table(readme.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"wrote the table into {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
