"""Save → visible: how long after a saved change the open page of the live preview shows it.

  python -m planreader.bench.preview [--factor 1 16] [--saves 3]

For each corpus size it starts `planreader serve` on a copy of the data, waits for its first build, then saves a
change of each kind a translator makes — a measure's English text, a glossary entry, a body's name, an interface
string — `--saves` times each, and measures the time from the write to the moment the page, asked for as the open
page asks (it holds a request until the server sees a change, then reloads), carries the change. Medians and
spreads are printed with the targets (≤ 3 s at N, ≤ 5 s at 16N).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from planreader.bench import corpus
from planreader.paths import ROOT

TARGET = {1: 3.0, 16: 5.0}
# (what is edited, file under data/ or the repository, text before, text after, page to look at, what shows it)
CHANGES = [
    ("measure text", "data/measures/nap-2014-2018.yml", '"Studying, through regular monitoring',
     '"Studying ({n}), through regular monitoring', "en/nap-2014-2018/measures/13-2-9/", "Studying ({n})"),
    ("glossary entry", "data/glossary/terms.yml", "The recruitment, transportation, transfer, harbouring",
     "The recruitment ({n}), transportation, transfer, harbouring", "en/glossary/trafficking-in-human-beings/",
     "The recruitment ({n})"),
    ("body name", "data/bodies.yml", "en: Ministry of Health}", "en: Ministry of Health ({n})}",
     "en/bodies/ministry-of-health/", "Ministry of Health ({n})"),
    ("interface string", "locale/az/LC_MESSAGES/messages.po", 'msgstr "İcra müddəti"', 'msgstr "İcra müddəti ({n})"',
     "az/nap-2014-2018/measures/13-2-9/", "İcra müddəti ({n})"),
]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(factor: int, saves: int, work: Path) -> dict[str, list[float]]:
    """Seconds from save to visible, per kind of change, at `factor` times today's corpus."""
    data = work / f"data-{factor}"
    corpus.write(data, factor)
    locale = work / "locale"  # the interface strings are edited in a copy too; the server is pointed at it
    shutil.copytree(ROOT / "locale", locale, dirs_exist_ok=True)
    port = _free_port()
    env = dict(os.environ, PLANS_DATA=str(data), PLANS_LOCALE=str(locale), NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "planreader", "serve", "--port", str(port),
                               "--site-dir", str(work / f"site-{factor}")], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 600
        while True:  # up, and its first full build done
            try:
                if json.loads(_get(base + "__live__?since=-1"))["built"] >= 0:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise SystemExit("the preview did not finish its first build in 10 minutes")
            time.sleep(0.2)
        results: dict[str, list[float]] = {}
        n = 0
        for kind, rel, old, new, page, shows in CHANGES:
            path = (data / rel.removeprefix("data/")) if rel.startswith("data/") else locale / rel.removeprefix("locale/")
            original = path.read_text(encoding="utf-8")
            for _ in range(saves):
                n += 1
                marker = shows.replace("{n}", str(n))
                _get(base + page)  # the page is open
                start = time.perf_counter()
                path.write_text(original.replace(old, new.replace("{n}", str(n)), 1), encoding="utf-8")
                while marker not in _get(base + page):
                    time.sleep(0.02)
                results.setdefault(kind, []).append(time.perf_counter() - start)
                time.sleep(1.0)  # let the background build start, as it would while a translator reads
            path.write_text(original, encoding="utf-8")
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(factor: int, results: dict[str, list[float]]) -> list[str]:
    lines = []
    for kind, times in results.items():
        median = statistics.median(times)
        flag = "ok" if median <= TARGET.get(factor, 5.0) else "ABOVE TARGET"
        lines.append(f"   {factor:>2}N {kind:<17} median {median:.2f} s (spread {min(times):.2f}–{max(times):.2f} s, "
                     f"{len(times)} saves; target ≤ {TARGET.get(factor, 5.0):.0f} s) {flag}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planreader.bench.preview", description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        for factor in args.factor:
            for line in report(factor, measure(factor, args.saves, Path(tmp))):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
