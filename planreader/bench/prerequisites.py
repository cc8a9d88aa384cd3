"""What the benchmark needs besides requirements.txt, checked before any work: one line per missing piece."""
from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

from planreader.paths import ROOT

LIGHTHOUSE = "lighthouse@13.5.0"  # pinned; installed by npm into .bench/node on first use
LIGHTHOUSE_CLI = ROOT / ".bench" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def scratch_parent() -> str | None:
    """A memory-backed folder for the benchmark's builds when there is one (/dev/shm): on a disk, the previous
    build's files being written back slowed the next build by up to a third, a noise wider than the targets."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def missing(lighthouse: bool, browser: bool = True) -> list[str]:
    """Why the benchmark cannot run as asked, one sentence per missing prerequisite (empty: all there)."""
    problems = []
    if browser and importlib.util.find_spec("playwright") is None:
        problems.append("playwright is not installed (the test requirements: `make .venv/.installed-test`, or "
                        "`pip install -r requirements-test.txt`)")
    if browser and not chromium():
        problems.append("chromium is not installed (Debian: `apt-get install chromium`)")
    if lighthouse and not LIGHTHOUSE_CLI.exists():
        for tool, package in (("node", "nodejs"), ("npm", "npm")):
            if not shutil.which(tool):
                problems.append(f"{tool} is not installed, needed for Lighthouse (Debian: `apt-get install {package}`;"
                                f" or run with --no-lighthouse)")
    elif lighthouse and not shutil.which("node"):
        problems.append("node is not installed, needed for Lighthouse (Debian: `apt-get install nodejs`; "
                        "or run with --no-lighthouse)")
    return problems
