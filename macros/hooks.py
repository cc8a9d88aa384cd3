"""MkDocs hooks: load the catalog once per build and add its pages as generated files (none on disk)."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import site_catalog  # noqa: E402
from plans.pages import site_pages  # noqa: E402

_state: dict = {}


def on_config(config):
    # Loaded here, not at import, so `mkdocs serve` picks up edits to data/ on every rebuild.
    _state["catalog"] = site_catalog.get()
    _state["lang"] = config["theme"]["language"]
    return config


def on_files(files: Files, config) -> Files:
    for page in site_pages(_state["catalog"], _state["lang"]):
        if files.get_file_from_path(page.src_path):
            raise PluginError(f"docs/{_state['lang']}/{page.src_path} hides the generated page {page.url}; rename it")
        files.append(File.generated(config, page.src_path, content=page.markdown))
    return files

