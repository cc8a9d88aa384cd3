"""Every generated page of one language: (URL, Markdown, the data file it comes from)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import urls
from .catalog import Catalog
from .markdown import RAW_CLOSE, RAW_OPEN
from .render_glossary import DIRECTIONS, glossary_index, glossary_list, term_page
from .render_overview import overview_page
from .render_search import search_page
from .render_status import status_page
from .render_document import document_page, parallel_page
from .render_records import (abbreviation_page, abbreviations_index, bodies_index, body_page, measure_page,
                             measures_index)


@dataclass(frozen=True)
class Page:
    url: str
    markdown: str
    source: str  # data file the page is built from, for the "edit" link

    @property
    def src_path(self) -> str:
        return urls.src_path(self.url)

    def lifted(self) -> tuple[str, list[str]]:
        """The Markdown with each raw-HTML block replaced by a placeholder, and the blocks themselves."""
        blocks: list[str] = []

        def take(m: re.Match[str]) -> str:
            blocks.append(m.group(1))
            return f'<div data-raw-slot="{len(blocks) - 1}"></div>'
        return _RAW.sub(take, self.markdown), blocks


_RAW = re.compile(re.escape(RAW_OPEN) + r"\n(.*?)\n" + re.escape(RAW_CLOSE), re.S)


def site_pages(cat: Catalog, lang: str) -> Iterator[Page]:
    for doc in cat.documents.values():
        yield Page(urls.document(doc.id), document_page(cat, doc, lang), f"data/documents/{doc.id}.yml")
        yield Page(urls.parallel(doc.id), parallel_page(cat, doc, lang), f"data/documents/{doc.id}.yml")
    for pm in cat.measures:
        yield Page(urls.measure(pm.document, pm.num), measure_page(cat, pm, lang), f"data/measures/{pm.document}.yml")
    yield Page(urls.measures_index(), measures_index(cat, lang), "data/measures/")
    yield Page(urls.overview(), overview_page(cat, lang), "data/measures/")
    for body_id in cat.bodies:
        yield Page(urls.body(body_id), body_page(cat, body_id, lang), "data/bodies.yml")
    yield Page(urls.bodies_index(), bodies_index(cat, lang), "data/bodies.yml")
    for abbr_id in cat.abbreviations:
        yield Page(urls.abbreviation(abbr_id), abbreviation_page(cat, abbr_id, lang), "data/abbreviations.yml")
    yield Page(urls.abbreviations_index(), abbreviations_index(cat, lang), "data/abbreviations.yml")
    for term_id in cat.glossary:
        yield Page(urls.term(term_id), term_page(cat, term_id, lang), "data/glossary/terms.yml")
    for direction in DIRECTIONS:
        yield Page(urls.glossary(direction), glossary_list(cat, direction, lang), "data/glossary/terms.yml")
    yield Page(urls.glossary_index(), glossary_index(cat, lang), "data/glossary/terms.yml")
    yield Page(urls.translation_status(), status_page(cat, lang), "data/")
    yield Page(urls.search(), search_page(cat, lang), "plans/render_search.py")
