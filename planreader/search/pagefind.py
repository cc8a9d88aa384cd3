"""Pagefind's index of one language, made byte-for-byte reproducible.

Pagefind writes the values of each filter in hash-map order, which changes from run to run, and names files
after their content, so two builds of the same site differ in a few files. `canonicalize` re-encodes those files
with sorted filter values and renames them (and the references to them) after the result. Their format is
Pagefind's own, undocumented: gzip around "pagefind_dcd" + CBOR (RFC 8949, read and written with cbor2, which
reproduces Pagefind's encoding byte for byte). It is checked against the Pagefind version it was written for.
"""
from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

import cbor2

from planreader.search.records import SearchRecord

MAGIC = b"pagefind_dcd"
# The version whose file layout (pf_meta: [.., .., .., [[filter, file hash], …]]; pf_filter: [name, [[value,
# [pages]], …]]) and Python client (see _NoPollDelay) this module was written against. A new version needs both
# re-checked before the pin in requirements.txt moves.
KNOWN_PAGEFIND = "1.5.2"

# What is never indexed, besides [data-pagefind-ignore]: navigation and neighbour links (a measure must not match
# on its neighbours' numbers), breadcrumbs, table headers, definition-list labels, cite boxes, the same text in
# the other language, download lists, notices repeated on every page, anchors and screen-reader-only labels, and
# code blocks (the translators' guide shows data-file syntax, which would read as an excerpt of raw YAML).
# The templates mark most of these data-pagefind-ignore as well.
EXCLUDE_SELECTORS = ["nav", "thead", "dt", ".headerlink", ".md-skip", ".breadcrumbs", ".measure-nav", ".cite-box",
                     ".other-lang", ".downloads", ".unit-side", ".untranslated", ".visually-hidden",
                     ".admonition.info", ".admonition.abstract", "pre"]


def check_pagefind_version() -> None:
    found = version("pagefind")
    if found != KNOWN_PAGEFIND:
        raise SystemExit(f"error: pagefind {found} is installed, but planreader/search/pagefind.py was written for "
                         f"{KNOWN_PAGEFIND}'s file layout and client; check both, then update KNOWN_PAGEFIND")


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path} is not a Pagefind data file")
    return cbor2.loads(raw[len(MAGIC):])


def _write(folder: Path, prefix: str, suffix: str, digits: int, obj) -> str:
    """Write obj under a name derived from its content; return the hash part of the name."""
    data = gzip.compress(MAGIC + cbor2.dumps(obj), 9, mtime=0)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(data)
    return name


def canonicalize(bundle: Path) -> None:
    """Rewrite a Pagefind bundle (…/pagefind/) so that it depends only on its input."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = {}
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filt = _read(old_path)
            filt[1] = sorted(filt[1], key=lambda value: value[0])  # [filter name, [[value, [pages]], …]]
            old_path.unlink()
            renamed[old] = _write(bundle / "filter", f"{lang}_", ".pf_filter", 7, filt)
        meta[3] = sorted([[name, renamed[old]] for name, old in meta[3]], key=lambda f: f[0])
        meta_path.unlink()
        new_meta = _write(bundle, f"pagefind.{lang}_", ".pf_meta", 10, meta)
        info["hash"] = new_meta.removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _NoPollDelay:
    """pagefind's Python client (checked for KNOWN_PAGEFIND) sleeps 0.1 s before reading each reply from its service, so adding a few
    thousand paragraph records would take minutes. Its module sees this stand-in for asyncio instead: the same,
    but sleep yields without waiting (the read that follows waits for the reply anyway)."""

    def __getattr__(self, name: str):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result=None):
        return await asyncio.sleep(0, result)


# Pagefind's own browser UIs: the reader has its own search page (overrides/assets/search.js).
_UNUSED = {"pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"}


def index_search(lang_dir: Path, lang: str, records: list[SearchRecord]) -> None:
    """Pagefind's index of one language, in <lang>/pagefind/: the built pages plus one record per paragraph of
    each document; each language searches only its own."""
    import pagefind.service
    from pagefind.index import IndexConfig, PagefindIndex

    check_pagefind_version()
    pagefind.service.asyncio = _NoPollDelay()

    async def run() -> list[dict]:
        config = IndexConfig(exclude_selectors=EXCLUDE_SELECTORS, force_language=lang)
        index = await PagefindIndex(config=config).__aenter__()
        service = index._service
        try:
            await index.add_directory(path=str(lang_dir))
            for r in records:
                await index.add_custom_record(url=r.url, content=r.content, language=lang, meta={"title": r.title},
                                              filters={"kind": [r.kind], "document": [r.document]})
            # Pagefind's own write_files answers before its service has flushed the files, and the client then
            # kills the service: on a busy machine files were left empty (even when the service was let exit by
            # itself). So the files are taken in memory and written here. They come back as one message, larger
            # than the client's 2 MiB read limit at 16x today's corpus, which would hang its reader: raise it.
            service._backend.stdout._limit = 2**30
            return await index.get_files()
        finally:
            await service.close()
    try:
        files = asyncio.run(run())
    except Exception as e:  # noqa: BLE001 (the Pagefind service reports its own errors)
        raise SystemExit(f"search indexing of {lang_dir.name} failed; site/ was left as it was.\n"
                         f"{type(e).__name__}: {e}") from None
    bundle = lang_dir / "pagefind"
    for f in files:
        path = bundle / f["path"]
        if path.name not in _UNUSED:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f["content"])
    canonicalize(bundle)
