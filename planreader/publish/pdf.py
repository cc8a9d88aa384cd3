"""Each document as PDF (Azerbaijani, English, both side by side), laid out by WeasyPrint from pdf_html's HTML.

    python -m planreader.publish.pdf OUT_DIR [--doc ID] [--edition az|en|az-en] [--no-cache]

WeasyPrint (CSS Paged Media on Pango, no browser) is given the HTML, the print stylesheet (pdf.css) and the
shipped fonts; it may read nothing else (LocalFiles). The bytes depend only on those inputs: dates are the
build's, the file identifier is a hash of the content. Laying out a document takes seconds, so each PDF is kept
in a cache keyed by a hash of everything that shapes it, and the live preview's rebuilds after a save re-render
only the documents whose text changed.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.paths import ROOT
from planreader.publish.pdf_html import EDITIONS, PrintSource, sources

HERE = Path(__file__).parent
STYLESHEET = HERE / "pdf.css"
FONTS = HERE / "fonts"
CACHE_ENV = "PLANREADER_PDF_CACHE"
CACHE_KEEP = 60  # PDFs kept in the cache (three per document and a few versions of each)


class PdfUnavailable(SystemExit):
    """WeasyPrint cannot load Pango: one line saying what to install, never a traceback."""


def _weasyprint():
    try:
        import weasyprint
    except OSError as e:  # cffi could not open libpango / libpangoft2
        raise PdfUnavailable(f"error: the PDFs need Debian's Pango ({e}); run `bash scripts/ensure_build_tools.sh` "
                             "or: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    return weasyprint


def _fetcher_class():
    wp = _weasyprint()
    from weasyprint.urls import URLFetcher

    class LocalFiles(URLFetcher):
        """Only the shipped fonts and the stylesheet: a PDF loads nothing from the network or elsewhere on disk."""

        def fetch(self, url, headers=None):
            allowed = {p.resolve().as_uri() for p in [STYLESHEET, *FONTS.glob("*.ttf")]}
            if url.split("#", 1)[0] not in allowed:
                raise ValueError(f"the PDF may load only its fonts and stylesheet, not {url[:80]!r}")
            return super().fetch(url, headers)
    return wp, LocalFiles


def engine_fingerprint() -> str:
    """What shapes the bytes besides the HTML: the engine's and its PDF writer's versions, this module and its
    stylesheet, the fonts."""
    from importlib.metadata import version
    h = hashlib.sha256()
    for name in ("weasyprint", "pydyf", "fonttools"):
        h.update(f"{name}={version(name)}\n".encode())
    for p in [Path(__file__), STYLESHEET, *sorted(FONTS.glob("*.ttf"))]:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def cache_key(source: PrintSource, fingerprint: str) -> str:
    h = hashlib.sha256(fingerprint.encode())
    for part in (source.edition, source.html, source.page_css, repr(sorted(source.meta.items()))):
        h.update(b"\0" + part.encode())
    return h.hexdigest()


def render(source: PrintSource) -> bytes:
    """Lay out one PDF. Tagged (structure for screen readers), fonts subset and embedded, identifier from the
    content (pydyf hashes it), creation date from the HTML's dcterms.created (the build's date)."""
    wp, LocalFiles = _fetcher_class()
    from weasyprint.text.fonts import FontConfiguration

    fetcher = LocalFiles(allowed_protocols={"file"})
    fonts = FontConfiguration()
    sheets = [wp.CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
              wp.CSS(string=source.page_css, font_config=fonts, url_fetcher=fetcher)]
    html = wp.HTML(string=source.html, base_url=str(HERE) + "/", url_fetcher=fetcher)
    return html.write_pdf(stylesheets=sheets, font_config=fonts, pdf_tags=True, pdf_identifier=False)


def cache_dir() -> Path:
    """PLANREADER_PDF_CACHE, else .cache/pdf in the project (ignored by git)."""
    return Path(os.environ.get(CACHE_ENV) or ROOT / ".cache" / "pdf")


def cached_render(source: PrintSource, fingerprint: str, cache: Path | None) -> tuple[bytes, bool]:
    """The PDF and whether it came from the cache. Entries are written under a temporary name and renamed, so two
    language builds at once never read half a file."""
    if cache is None:
        return render(source), False
    entry = cache / (cache_key(source, fingerprint) + ".pdf")
    try:
        data = entry.read_bytes()
        os.utime(entry)  # recently used: pruned last
        return data, True
    except OSError:
        pass
    data = render(source)
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache, suffix=".part", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, entry)
    _prune(cache)
    return data, False


def _prune(cache: Path) -> None:
    entries = sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)
    for old in entries[CACHE_KEEP:]:
        old.unlink(missing_ok=True)


def write(catalog: Catalog, out: Path, site_root: str, today, editions: Iterable[str] = EDITIONS,
          doc_ids: Iterable[str] | None = None, cache: Path | None | bool = True) -> list[Path]:
    """Write the PDFs of the documents (all by default) in the given editions under `out` (the site root);
    return their paths. `cache`: True for cache_dir(), a folder, or None/False to lay out every PDF afresh."""
    cache_path = cache_dir() if cache is True else (cache or None)
    fingerprint = engine_fingerprint()
    written = []
    for doc_id in doc_ids or catalog.documents:
        doc = catalog.documents[doc_id]
        for source in sources(catalog, doc, site_root, today, tuple(editions)):
            data, _hit = cached_render(source, fingerprint, cache_path)
            path = out / ids.pdf_file(doc.id, source.edition)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    from planreader.build_date import build_date
    from planreader.data.errors import DataErrors
    from planreader.data.load import load_catalog
    from planreader.site.base_url import site_root
    from planreader.site.build import pin_build_date

    parser = argparse.ArgumentParser(prog="python -m planreader.publish.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write data/pdf/… into (a site root)")
    parser.add_argument("--doc", action="append", help="a document id (default: every document)")
    parser.add_argument("--edition", action="append", choices=EDITIONS, help="default: all three")
    parser.add_argument("--no-cache", action="store_true", help="lay out every PDF afresh")
    args = parser.parse_args(argv)
    pin_build_date()  # the dates a build would state: the last commit's
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        catalog = load_catalog()
    except DataErrors as e:
        print(e, file=sys.stderr)
        return 1
    unknown = [d for d in args.doc or [] if d not in catalog.documents]
    if unknown:
        print(f"error: no document {unknown[0]!r}; the documents are {sorted(catalog.documents)}", file=sys.stderr)
        return 2
    for path in write(catalog, args.out, site_root(), build_date(), args.edition or EDITIONS, args.doc,
                      cache=None if args.no_cache else True):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
