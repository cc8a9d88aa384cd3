"""The catalog for the current build, shared by the hooks and the macros, reloaded when data/ changes."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from planreader import paths
from planreader.data.catalog import Catalog
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog

_cache: dict[tuple, Catalog] = {}


def _signature() -> tuple:
    # Cheap fingerprint of data/: `mkdocs serve` rebuilds on every save, and most saves are to docs/.
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths.DATA.rglob("*") if p.is_file()))


def get() -> Catalog:
    sig = _signature()
    if sig not in _cache:
        try:
            catalog = load_catalog()
        except DataErrors as e:
            raise PluginError(f"invalid data, the site was not built:\n{e}") from None
        _cache.clear()
        _cache[sig] = catalog
    return _cache[sig]
