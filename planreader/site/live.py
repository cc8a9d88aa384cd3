"""One language of the site held open in memory, to render any single page exactly as `make build` writes it.

The live preview answers a page request from here while the full build (search index included) runs in the
background, so a translator sees a saved change in about a second whatever the size of the corpus. The steps are
those of MkDocs' own `build()` (mkdocs/commands/build.py): gather files and navigation once per change, then read,
render and template only the page asked for. They use MkDocs functions that are not a public API, so the version
they were written against is checked.
"""
from __future__ import annotations

import threading
from importlib.metadata import version
from pathlib import Path

KNOWN_MKDOCS = "1.6.1"  # _populate_page, get_context and the plugin events below are as in this version


def check_mkdocs_version() -> None:
    found = version("mkdocs")
    if found != KNOWN_MKDOCS:
        raise SystemExit(f"error: mkdocs {found} is installed, but planreader/site/live.py follows the build steps of "
                         f"mkdocs {KNOWN_MKDOCS}; check them against mkdocs/commands/build.py, then update KNOWN_MKDOCS")


class LiveSite:
    """A language's MkDocs configuration, files and navigation, refreshed after each change of the sources."""

    def __init__(self, config_file: Path):
        from mkdocs.config import load_config

        check_mkdocs_version()
        self.config = load_config(config_file=str(config_file))
        self.config = self.config.plugins.on_config(self.config)
        self.lang = self.config["theme"]["language"]
        self._lock = threading.Lock()
        self._pages: dict[str, object] = {}  # URL -> the MkDocs page, once gathered
        self._cache: dict[str, bytes] = {}  # URL -> HTML rendered since the last change
        self.generation = -1

    def refresh(self, generation: int) -> None:
        """Gather files and navigation again (the catalog behind the generated pages may have changed)."""
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        with self._lock:
            config = self.config
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            for file in files.documentation_pages():
                if file.page is None:
                    Page(None, file, config)
            self._env = config.plugins.on_env(env, config=config, files=files)
            self._files, self._nav = files, nav
            self._pages = {file.page.url: file.page for file in files.documentation_pages()}
            self._cache = {}
            self.generation = generation

    def render(self, url: str) -> bytes | None:
        """The HTML of the page at `url` (relative to the language root, e.g. "nap-2014-2018/"), or None."""
        from mkdocs.commands.build import _populate_page, get_context

        with self._lock:
            if url in self._cache:
                return self._cache[url]
            page = self._pages.get(url)
            if page is None:
                return None
            config, files = self.config, self._files
            _populate_page(page, config, files)
            doc_files = files.documentation_pages()
            page.active = True
            try:
                context = get_context(self._nav, doc_files, config, page)
                template = self._env.get_template(page.meta.get("template", "main.html"))
                context = config.plugins.on_page_context(context, page=page, config=config, nav=self._nav)
                output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            finally:
                page.active = False
            html = output.encode("utf-8", errors="xmlcharrefreplace")
            self._cache[url] = html
            return html
