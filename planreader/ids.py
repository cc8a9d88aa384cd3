"""The permanent URL scheme: ASCII paths, identical in both languages after the /az/ or /en/ prefix."""
from __future__ import annotations

import posixpath

from planreader.data.catalog import measure_slug

LANGS = ("az", "en")


def document(doc_id: str) -> str:
    return f"{doc_id}/"


def parallel(doc_id: str) -> str:
    return f"{doc_id}/parallel/"


def measure(doc_id: str, num: str) -> str:
    return f"{doc_id}/measures/{measure_slug(num)}/"


def measures_index() -> str:
    return "measures/"


def body(body_id: str) -> str:
    return f"bodies/{body_id}/"


def bodies_index() -> str:
    return "bodies/"


def abbreviation(abbr_id: str) -> str:
    return f"abbreviations/{abbr_id}/"


def abbreviations_index() -> str:
    return "abbreviations/"


def term(term_id: str) -> str:
    return f"glossary/{term_id}/"


def glossary(direction: str) -> str:
    """direction: "az-en" (Azerbaijani→English) or "en-az"."""
    return f"glossary/{direction}/"


def glossary_index() -> str:
    return "glossary/"


def search() -> str:
    return "search/"


def translation_status() -> str:
    return "translation-status/"


def overview() -> str:
    return "overview/"


def short_link(doc_id: str, num: str) -> str:
    """Short permanent link that redirects to the measure's current page, e.g. id/nap-2014-2018/13.2.9/."""
    return f"id/{doc_id}/{num}/"


def src_path(url: str) -> str:
    """The Markdown file that MkDocs turns into `url` (with use_directory_urls)."""
    return (url.rstrip("/") + "/index.md") if url else "index.md"


def md(from_url: str, to_url: str) -> str:
    """A Markdown link target from one page to another: the relative source path, which MkDocs checks
    (strict mode fails on a broken one) and turns into the right relative URL."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    src_from, src_to = src_path(from_url), src_path(to_url)
    if src_from == src_to and anchor:
        return anchor
    return posixpath.relpath(src_to, posixpath.dirname(src_from) or ".") + anchor


def relative(from_url: str, to_url: str) -> str:
    """An href for raw HTML from one page to another, relative, so the site works from any sub-path."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    if to_url == from_url:
        return anchor or "./"
    rel = posixpath.relpath(to_url or ".", from_url.rstrip("/") or ".")
    return (rel.rstrip("/") + "/" if rel != "." else "./") + anchor
