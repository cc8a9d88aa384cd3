"""mkdocs-macros entry point: gives hand-written pages the catalog's figures, so they never go stale."""
from __future__ import annotations

from planreader.site import catalog_cache


def define_env(env):
    cat = catalog_cache.get()
    env.variables["counts"] = {
        "documents": len(cat.documents),
        "measures": len(cat.measures),
        "bodies": len(cat.bodies),
        "abbreviations": len(cat.abbreviations),
    }
