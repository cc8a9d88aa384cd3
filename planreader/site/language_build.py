"""One language of the site in one process: its MkDocs build, then its search files from the catalog it loaded.

    python -m planreader.site.language_build LANG SITE_DIR [--shared]

writes SITE_DIR/LANG: the pages, the Pagefind index, the search lexicon and expansions, and the documents' PDFs
in LANG (SITE_DIR/data/pdf). With --shared it also writes the files that belong to no language (open data in
SITE_DIR/data, the /id/ redirect pages, the side-by-side PDFs), so no process loads the catalog only for them. `planreader build` (build.py) runs one of these per language at once, one per
core. MkDocs runs strict (a warning fails the build); only its warnings and errors are printed, on stderr.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from planreader.paths import ROOT
from planreader.site.build import CONFIGS

T = TypeVar("T")


def _run(label: str, step: Callable[[], T]) -> T:
    return step()


def build_language(lang: str, site_dir: Path, shared: bool, run: Callable[[str, Callable], object] = _run) -> None:
    """The steps in order; `run(label, step)` runs each (the profiler, planreader/bench/profile.py, times them)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from planreader.build_date import build_date
    from planreader.publish import opendata, pdf
    from planreader.publish.redirects import redirect_pages
    from planreader.search.expand import write_expansions
    from planreader.search.lexicon import write_lexicon
    from planreader.search.pagefind import index_search
    from planreader.search.records import paragraph_records
    from planreader.site import catalog_cache
    from planreader.site.base_url import site_root

    out = site_dir / lang

    def mkdocs() -> None:
        config = load_config(config_file=str(ROOT / CONFIGS[lang]), site_dir=str(out), strict=True)
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    def redirects() -> None:
        for path, html in redirect_pages(catalog, build_date()):
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_text(html, encoding="utf-8")

    run("MkDocs build (includes its catalog load)", mkdocs)
    catalog = catalog_cache.get()  # the catalog the pages were built from, already loaded and validated
    records = run("paragraph records", lambda: list(paragraph_records(catalog, lang)))
    run("Pagefind index", lambda: index_search(out, lang, records))
    run("lexicon (read from the Pagefind index)", lambda: write_lexicon(catalog, lang, out))
    run("query expansions", lambda: write_expansions(catalog, lang, out))
    # The side-by-side PDFs go with the shared files: the other process lays out its language's PDFs meanwhile.
    editions = (lang, "az-en") if shared else (lang,)
    run("PDFs (WeasyPrint; unchanged ones from the cache)",
        lambda: pdf.write(catalog, site_dir, site_root(), build_date(), editions))
    if shared:
        run("open data (JSON, CSV, schemas, Akoma Ntoso, full text, TBX)",
            lambda: opendata.write(catalog, site_dir / "data", site_root()))
        run("/id/ redirect pages", redirects)


def main(argv: list[str] | None = None) -> int:
    from mkdocs.exceptions import Abort

    parser = argparse.ArgumentParser(prog="python -m planreader.site.language_build", description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=sorted(CONFIGS))
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--shared", action="store_true", help="also write open data and the /id/ redirect pages")
    args = parser.parse_args(argv)
    # MkDocs' own command line prints INFO lines too; a failed build shows only what went wrong.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build_language(args.lang, args.site_dir, args.shared)
    except Abort as e:  # strict mode or a build error, already logged above
        print(e.format_message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Stopped half-way, Pagefind's asyncio service would print tracebacks while the interpreter shuts down.
        os._exit(130)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return 0


if __name__ == "__main__":
    sys.exit(main())
