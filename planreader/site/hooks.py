"""MkDocs hooks: load the catalog once per build and add its pages as generated files (none on disk)."""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from planreader.render.pages import site_pages
from planreader.site import catalog_cache

_state: dict = {}


def on_config(config):
    # Loaded here, not at import, so `mkdocs serve` picks up edits to data/ on every rebuild.
    _state["catalog"] = catalog_cache.get()
    _state["lang"] = config["theme"]["language"]
    return config


def on_files(files: Files, config) -> Files:
    _state["raw"] = {}
    for page in site_pages(_state["catalog"], _state["lang"]):
        if files.get_file_from_path(page.src_path):
            raise PluginError(f"docs/{_state['lang']}/{page.src_path} hides the generated page {page.url}; rename it")
        markdown, blocks = page.lifted()
        _state["raw"][page.src_path] = blocks
        files.append(File.generated(config, page.src_path, content=markdown))
    return files


def on_page_content(html: str, page, config, files) -> str:
    # Finished HTML blocks (long lists, charts, the parallel view) skip Markdown: put them back after it.
    blocks = _state["raw"].get(page.file.src_uri)
    if blocks:
        html = re.sub(r'<div data-raw-slot="(\d+)"></div>', lambda m: blocks[int(m.group(1))], html)
    return html
