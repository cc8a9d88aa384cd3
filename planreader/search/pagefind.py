"""Makes Pagefind's output byte-for-byte reproducible.

Pagefind writes the values of each filter in hash-map order, which changes from run to run, and names files
after their content, so two builds of the same site differ in a few files. This re-encodes those files with
sorted filter values and renames them (and the references to them) after the result. The format is Pagefind's
own: gzip around "pagefind_dcd" + CBOR (RFC 8949); only the CBOR types Pagefind writes are handled.
"""
from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import struct
from pathlib import Path

from planreader.search.records import SearchRecord

MAGIC = b"pagefind_dcd"


def decode(b: bytes, i: int = 0):
    head = b[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        if major == 7 and info in (25, 26, 27):
            fmt = {2: ">e", 4: ">f", 8: ">d"}[size]
            return struct.unpack(fmt, b[i:i + size])[0], i + size
        n = int.from_bytes(b[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unsupported CBOR head 0x{head:02x}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return bytes(b[i:i + n]), i + n
    if major == 3:
        return b[i:i + n].decode("utf-8"), i + n
    if major == 4:
        out = []
        for _ in range(n):
            v, i = decode(b, i)
            out.append(v)
        return out, i
    if major == 5:
        pairs = []
        for _ in range(n):
            k, i = decode(b, i)
            v, i = decode(b, i)
            pairs.append((k, v))
        return dict(pairs), i
    if major == 7:
        return {20: False, 21: True, 22: None}[n], i
    raise ValueError(f"unsupported CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("integer too large")


def encode(v) -> bytes:
    if v is False or v is True or v is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[v]])
    if isinstance(v, int):
        return _head(0, v) if v >= 0 else _head(1, -1 - v)
    if isinstance(v, float):
        return b"\xfb" + struct.pack(">d", v)
    if isinstance(v, bytes):
        return _head(2, len(v)) + v
    if isinstance(v, str):
        raw = v.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(v, list):
        return _head(4, len(v)) + b"".join(encode(x) for x in v)
    if isinstance(v, dict):
        return _head(5, len(v)) + b"".join(encode(k) + encode(x) for k, x in v.items())
    raise TypeError(type(v))


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path} is not a Pagefind data file")
    obj, end = decode(raw, len(MAGIC))
    if end != len(raw):
        raise ValueError(f"{path}: unexpected trailing data")
    return obj


def _write(folder: Path, prefix: str, suffix: str, digits: int, obj) -> str:
    """Write obj under a name derived from its content; return the hash part of the name."""
    data = gzip.compress(MAGIC + encode(obj), 9, mtime=0)
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
    """pagefind's Python client (1.5.2) sleeps 0.1 s before reading each reply from its service, so adding a few
    thousand paragraph records would take minutes. Its module sees this stand-in for asyncio instead: the same,
    but sleep yields without waiting (the read that follows waits for the reply anyway)."""

    def __getattr__(self, name: str):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result=None):
        return await asyncio.sleep(0, result)


def index_search(lang_dir: Path, lang: str, records: list[SearchRecord]) -> None:
    """Pagefind's index of one language, in <lang>/pagefind/: the built pages plus one record per paragraph of
    each document; each language searches only its own."""
    import pagefind.service
    from pagefind.index import IndexConfig, PagefindIndex

    pagefind.service.asyncio = _NoPollDelay()

    async def run() -> None:
        config = IndexConfig(exclude_selectors=[".headerlink", ".md-skip"], force_language=lang,
                             output_path=str(lang_dir / "pagefind"))
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=str(lang_dir))
            for r in records:
                await index.add_custom_record(url=r.url, content=r.content, language=lang, meta={"title": r.title},
                                              filters={"kind": [r.kind], "document": [r.document]})
    try:
        asyncio.run(run())
    except Exception as e:  # noqa: BLE001 (the Pagefind service reports its own errors)
        raise SystemExit(f"search indexing of {lang_dir.name} failed; site/ was left as it was.\n{e}") from None
    canonicalize(lang_dir / "pagefind")
    for extra in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                  "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (lang_dir / "pagefind" / extra).unlink(missing_ok=True)  # the reader has its own search UI
