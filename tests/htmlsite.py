"""Reading the built site: pages, links and anchors, parsed with the standard library's HTML parser."""
from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, dict]] = []  # (tag, url, attrs)
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "html":
            self.lang = a.get("lang")
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append((tag, a[key], a))


@lru_cache(maxsize=None)
def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def page(site: Path, url: str) -> Path:
    p = site / url.strip("/")
    return p / "index.html" if not p.suffix else p


def resolve(site: Path, from_file: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points to; None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    url, anchor = urldefrag(href)
    url = url.split("?", 1)[0]
    if not url:
        return from_file, anchor
    target = (from_file.parent / unquote(url)).resolve()
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, anchor


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_redirect(f: Path) -> bool:
    """A stub that only sends the reader on (the old address of a renamed page), not a page of the site."""
    return '<meta http-equiv="refresh"' in f.read_text(encoding="utf-8")
