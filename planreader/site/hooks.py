"""MkDocs hooks: add the catalog's pages as generated files (none on disk), each rendered when MkDocs reads it.

The generated pages never pass through Markdown: their HTML comes from autoescaped templates (planreader/render/),
so no data text is ever read as Markdown, HTML or Jinja.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from planreader import ids
from planreader.render.context import RenderContext
from planreader.render.page import Page
from planreader.render.pages import page_makers
from planreader.site import catalog_cache, documents_nav, footer
from planreader.build_date import build_date
from planreader.site.base_url import site_root

# Per language: source path -> the function that renders it, and the pages rendered so far in this build. Keyed by
# language because MkDocs loads this module once per process, and the live preview holds both languages open.
_makers: dict[str, dict[str, Callable[[], Page]]] = {}
_pages: dict[str, dict[str, Page]] = {}
# Per language: source path -> a generated page's finished HTML, compressed, between MkDocs' two passes.
_held: dict[str, dict[str, bytes]] = {}
# Per language: the nav as mkdocs.yml writes it, with documents_nav.MARKER where the documents go (kept because
# the live preview gathers files again after each change, and a new document must join the navigation then).
_nav_template: dict[str, object] = {}
# Per language: the render context of this build (the footer's strings and build date come from it).
_contexts: dict[str, RenderContext] = {}


def on_config(config):
    config["site_url"] = site_root() + config["theme"]["language"] + "/"
    footer.checked_template(config["extra"])  # a bad address stops the build before any page is written
    return config


def on_files(files: Files, config) -> Files:
    lang = config["theme"]["language"]
    # Loaded here, not at import, so a rebuild picks up edits to data/.
    cat = catalog_cache.get()
    ctx = _contexts[lang] = RenderContext(cat, lang, site_root(), build_date())
    if documents_nav.has_marker(config["nav"]):
        _nav_template[lang] = config["nav"]
    if lang in _nav_template:
        config["nav"] = documents_nav.expand(_nav_template[lang], cat, lang)
    config["extra"]["documents"] = documents_nav.for_templates(cat, lang)
    makers = _makers[lang] = {}
    _pages[lang], _held[lang] = {}, {}
    for url, make in page_makers(ctx).items():
        src = ids.src_path(url)
        if files.get_file_from_path(src):
            raise PluginError(f"docs/{lang}/{src} hides the generated page {url}; rename it")
        makers[src] = make
        files.append(File.generated(config, src, content=""))
    return files


def generated(config, src_uri: str) -> Page | None:
    """The page MkDocs is reading, rendered on first use (None for hand-written pages)."""
    lang = config["theme"]["language"]
    pages, makers = _pages.get(lang, {}), _makers.get(lang, {})
    if src_uri not in pages and src_uri in makers:
        pages[src_uri] = makers[src_uri]()
    return pages.get(src_uri)


def on_page_markdown(markdown: str, page, config, files) -> str:
    made = generated(config, page.file.src_uri)
    if made is not None:
        # MkDocs and Material insert the title and description into HTML unescaped: escape them here, once.
        page.meta = {"title": str(escape(made.title)), "render_macros": False, "search": dict(made.search)}
        if made.description:
            page.meta["description"] = str(escape(made.description))
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    made = generated(config, page.file.src_uri)
    if made is None:
        return html
    # MkDocs reads every page (keeping its HTML in page.content) before it templates any: at 16 times today's
    # corpus that held 44 MB. Until its template needs it, our page's HTML waits compressed (about an eighth of
    # that); the rendered Page is let go.
    lang = config["theme"]["language"]
    _pages[lang].pop(page.file.src_uri, None)
    _held[lang][page.file.src_uri] = zlib.compress(str(made.html).encode("utf-8"), 1)
    page.toc = get_toc(made.toc)  # type: ignore[arg-type]
    return ""


def on_page_context(context, page, config, nav):
    held = _held.get(config["theme"]["language"], {}).pop(page.file.src_uri, None)
    if held is not None:
        page.content = zlib.decompress(held).decode("utf-8")
    lang = config["theme"]["language"]
    if lang in _contexts:
        url = page.canonical_url or config["site_url"]
        context["reader_footer"] = footer.footer_html(_contexts[lang], footer.checked_template(config["extra"]),
                                                      url, page.title or "")
        context["reader_print_source"] = footer.print_source_html(_contexts[lang], url)
    return context


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri in _makers.get(config["theme"]["language"], {}):
        page.content = None  # written: nothing reads it again (the sitemap needs only the URL)
    return output
