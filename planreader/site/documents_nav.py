"""The documents as the navigation, the home page and the 404 page list them: from the catalog, newest first,
so a new document appears everywhere without any configuration naming it."""
from __future__ import annotations

import copy
from typing import Any

from markupsafe import escape

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.data.model import Document

MARKER = "@documents"  # mkdocs.yml's nav: `- Sənədlər: "@documents"` is replaced by the catalog's documents
NAV_TITLE_MAX = 40  # a longer short title gives way to the document's label in the navigation


def newest_first(cat: Catalog) -> list[Document]:
    return sorted(cat.documents.values(), key=lambda d: (d.date, d.id), reverse=True)


def nav_title(doc: Document, lang: str) -> str:
    """Escaped: Material writes navigation titles into the page as HTML, and these come from the data."""
    title = doc.short_title.in_lang(lang)
    return str(escape(doc.label.in_lang(lang) if len(title) > NAV_TITLE_MAX and doc.label else title))


def documents_nav(cat: Catalog, lang: str) -> list[dict[str, str]]:
    return [{nav_title(d, lang): ids.src_path(ids.document(d.id))} for d in newest_first(cat)]


def expand(nav: Any, cat: Catalog, lang: str) -> Any:
    """A copy of `nav` with every MARKER replaced by the documents' entries."""
    if nav == MARKER:
        return documents_nav(cat, lang)
    if isinstance(nav, list):
        return [expand(item, cat, lang) for item in nav]
    if isinstance(nav, dict):
        return {k: expand(v, cat, lang) for k, v in nav.items()}
    return copy.copy(nav)


def has_marker(nav: Any) -> bool:
    return nav == MARKER or (isinstance(nav, list) and any(map(has_marker, nav))) or \
        (isinstance(nav, dict) and any(map(has_marker, nav.values())))


def for_templates(cat: Catalog, lang: str) -> list[dict[str, str]]:
    """What the theme's templates (the 404 page) list: each document's address from the language root and title."""
    return [{"url": ids.document(d.id), "title": d.short_title.in_lang(lang)} for d in newest_first(cat)]
