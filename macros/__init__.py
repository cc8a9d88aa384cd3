"""mkdocs-macros entry point: gives hand-written pages the catalog's figures, so they never go stale."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import site_catalog  # noqa: E402


def define_env(env):
    cat = site_catalog.get()
    env.variables["catalog"] = cat
    env.variables["counts"] = {
        "documents": len(cat.documents),
        "measures": len(cat.measures),
        "bodies": len(cat.bodies),
        "abbreviations": len(cat.abbreviations),
    }
    env.variables["lang"] = env.conf["theme"]["language"]
