"""Benchmark: prints ratios measured in one run, against baselines measured in the same run.

  python -m planreader.bench [--quick] [--no-lighthouse]     (or: make bench)

1. build cost: the real Azerbaijani site vs the same number of plain Markdown pages, same theme, no plugins;
2. scaling: milliseconds per page with N, 4N and 16N measures (planreader/bench/corpus.py), 16N ÷ N;
3. page weight: compressed measure page ÷ its compressed main content, and the page's compressed bytes;
4. search: compressed bytes downloaded from typing a query to the first result, at N and 16N;
5. peak memory of the 16N build;
6. Lighthouse mobile scores (npm lighthouse with Debian's chromium) for a measure, a body and a document page.
Targets (from the issue) are printed beside each figure. Timings vary between machines; the ratios are what count.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from planreader.bench import corpus as synthetic_corpus
from planreader.paths import ROOT
from planreader.site.static_host import serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

# In-process build in a child: its own peak memory is then the build's peak memory.
_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
t = time.perf_counter()
build(cfg)
seconds = time.perf_counter() - t
pages = sum(1 for _ in Path(sys.argv[2]).rglob("index.html"))
print(json.dumps({"seconds": seconds, "pages": pages, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def env_for(data: Path | None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0")
    if data:
        env["PLANS_DATA"] = str(data)
    return env


def mkdocs_build(config: Path, site: Path, data: Path | None = None, cwd: Path = ROOT) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(config), str(site)], cwd=cwd, env=env_for(data),
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"benchmark build failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best_of(runs: int, fn):
    results = [fn() for _ in range(runs)]
    return min(results, key=lambda r: r["seconds"])


def plain_baseline(work: Path, lang: str = "az") -> Path:
    """The real site's pages as plain Markdown files, with the same theme and navigation and no plugins."""
    import yaml

    from planreader.data.load import load_catalog
    from planreader.render.pages import site_pages

    docs = work / "plain" / "docs"
    shutil.copytree(ROOT / "docs" / lang, docs)
    for page in site_pages(load_catalog(), lang):
        path = docs / page.src_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    # Hand-written pages use macros; the plain build renders them as they are.
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": real["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": lang, "font": False, "features": real["theme"]["features"]},
        "plugins": [], "markdown_extensions": real["markdown_extensions"], "nav": real["nav"],
    }
    (work / "plain" / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return work / "plain" / "mkdocs.yml"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def page_weight(site: Path) -> tuple[int, int]:
    html = (site / "nap-2014-2018" / "measures" / "13-2-9" / "index.html").read_bytes()
    main = re.search(rb'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S).group(1)
    return gz(html), gz(main)


def search_bytes(site_root: Path, query: str = "qurban") -> int:
    """Compressed bytes the browser fetches between typing the query and seeing the first result."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site_root)
    sizes: list[int] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base}/az/search/")
            page.wait_for_load_state("networkidle")

            def record(response):
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 (redirects and aborted requests have no body)
                    return
                # Pagefind's index and fragments are gzip files already; count them as they are.
                sizes.append(len(body) if response.url.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".wasm"))
                             and body[:2] == b"\x1f\x8b" else gz(body))

            page.on("response", record)
            page.fill("#search-q", query)
            page.wait_for_function("document.querySelector('[data-search-results] li')")
            browser.close()
    finally:
        server.shutdown()
    return sum(sizes)


def full_build(data: Path, out: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "planreader", "build", "--site-dir", str(out)], cwd=ROOT,
                          env=env_for(data), capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"benchmark build failed:\n{proc.stderr[-3000:]}")


def lighthouse(site_root: Path, work: Path) -> list[tuple[str, dict]]:
    node_dir = ROOT / ".bench" / "node"
    cli = node_dir / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        if not shutil.which("npm"):
            return [("lighthouse", {"skipped": "npm is not installed"})]
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(node_dir),
                        "lighthouse@13.5.0"], check=True, capture_output=True)
    server, base = serve(site_root)
    out = []
    try:
        for url in ("az/nap-2014-2018/measures/13-2-9/", "en/nap-2014-2018/measures/13-2-9/",
                    "az/bodies/state-security-service/", "en/bodies/state-security-service/",
                    "az/cis-2007-2010/", "en/cis-2007-2010/"):
            report = work / "lh.json"
            subprocess.run(["node", str(cli), f"{base}/{url}", "--quiet", "--output=json", f"--output-path={report}",
                            "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
                           env=dict(os.environ, CHROME_PATH=shutil.which("chromium") or ""), capture_output=True, timeout=240)
            data = json.loads(report.read_text()) if report.exists() else {}
            scores = {k: round(v["score"] * 100) for k, v in data.get("categories", {}).items() if v.get("score") is not None}
            out.append((url, scores or {"error": "no report"}))
            report.unlink(missing_ok=True)
    finally:
        server.shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per figure instead of the best of three")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        real = best_of(runs, lambda: mkdocs_build(ROOT / "mkdocs.yml", work / "real"))
        plain_cfg = plain_baseline(work)
        plain = best_of(runs, lambda: mkdocs_build(plain_cfg, work / "plain-site", cwd=plain_cfg.parent))
        ratio = real["seconds"] / plain["seconds"]
        print(f"1. build cost: real {real['seconds']:.2f} s for {real['pages']} pages; plain {plain['seconds']:.2f} s "
              f"for {plain['pages']} pages; ratio {ratio:.2f} (target <= 1.3)")

        scale = {}
        for factor in (1, 4, 16):
            data = work / f"data-{factor}"
            synthetic_corpus.write(data, factor)
            r = best_of(1 if factor == 16 else runs, lambda: mkdocs_build(ROOT / "mkdocs.yml", work / f"site-{factor}", data))
            scale[factor] = r
            print(f"   {factor:>2}N: {r['pages']} pages in {r['seconds']:.1f} s = {1000 * r['seconds'] / r['pages']:.1f} ms/page, "
                  f"peak memory {r['maxrss_mb']:.0f} MB")
        per_page = {f: r["seconds"] / r["pages"] for f, r in scale.items()}
        print(f"2. scaling: ms/page at 16N ÷ at N = {per_page[16] / per_page[1]:.2f} (target <= 1.25); "
              f"4N ÷ N = {per_page[4] / per_page[1]:.2f}")

        page_gz, main_gz = page_weight(work / "real")
        print(f"3. page weight: measure page {page_gz / 1024:.1f} KB compressed (target <= 20 KB); "
              f"page ÷ main content = {page_gz / main_gz:.2f}")

        full_build(work / "data-1", work / "full-1")
        full_build(work / "data-16", work / "full-16")
        b1, b16 = search_bytes(work / "full-1"), search_bytes(work / "full-16")
        print(f"4. search: bytes before the first result: {b1 / 1024:.1f} KB at N, {b16 / 1024:.1f} KB at 16N "
              f"(target <= 150 KB); ratio {b16 / b1:.2f}")
        print(f"5. peak memory of the 16N build: {scale[16]['maxrss_mb']:.0f} MB "
              f"({scale[16]['maxrss_mb'] / scale[1]['maxrss_mb']:.2f} × the N build)")
        if not args.no_lighthouse:
            print("6. Lighthouse (mobile): performance / accessibility / best practices / SEO (targets 95 / 100 / 100 / 100)")
            for url, scores in lighthouse(work / "full-1", work):
                print(f"   {url:<40} {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
