"""The site's public address, set at build time: sitemaps, canonical links and the 404 pages are absolute.

`make build SITE_URL=https://example.org/plans/`, `planreader build --site-url …` or the environment variable
PLANREADER_SITE_URL sets it; the default is the preview's address, and a build that falls back on it says so.
Each language lives under it: <site url>az/, <site url>en/.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

ENV = "PLANREADER_SITE_URL"
DEFAULT = "http://127.0.0.1:8000/"


def _given() -> str:
    return os.environ.get(ENV, "").strip()


def configured() -> bool:
    """Whether the build was given an address, rather than falling back on the preview's."""
    return bool(_given())


def site_root() -> str:
    """The configured address, checked: an http(s) URL of a folder (ending in "/"), no query or fragment."""
    url = _given() or DEFAULT
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SystemExit(f"error: {ENV}={url!r} is not a site address; give one like https://example.org/plans/")
    return url if url.endswith("/") else url + "/"

