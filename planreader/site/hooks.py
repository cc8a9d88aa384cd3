"""MkDocs hooks: load the catalog once per build and add its pages, finished HTML from templates, as generated files.

The generated pages never touch the disk and never pass through Markdown: their HTML comes from autoescaped
templates (planreader/render/), so no data text is ever read as Markdown, HTML or Jinja.
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from planreader.render.context import RenderContext
from planreader.render.page import Page
from planreader.render.pages import site_pages
from planreader.site import catalog_cache
from planreader.site.base_url import build_date, site_root

_pages: dict[str, Page] = {}


def on_config(config):
    config["site_url"] = site_root() + config["theme"]["language"] + "/"
    return config


def on_files(files: Files, config) -> Files:
    lang = config["theme"]["language"]
    # Loaded here, not at import, so a rebuild picks up edits to data/.
    ctx = RenderContext(catalog_cache.get(), lang, site_root(), build_date())
    _pages.clear()
    for page in site_pages(ctx):
        if files.get_file_from_path(page.src_path):
            raise PluginError(f"docs/{lang}/{page.src_path} hides the generated page {page.url}; rename it")
        _pages[page.src_path] = page
        files.append(File.generated(config, page.src_path, content=""))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        # MkDocs and Material insert the title and description into HTML unescaped: escape them here, once.
        page.meta = {"title": str(escape(generated.title)), "render_macros": False,
                     "search": dict(generated.search)}
        if generated.description:
            page.meta["description"] = str(escape(generated.description))
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    generated = _pages.get(page.file.src_uri)
    if generated is None:
        return html
    page.toc = get_toc(generated.toc)  # type: ignore[arg-type]
    return str(generated.html)
