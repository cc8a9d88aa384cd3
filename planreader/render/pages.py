"""Every generated page of one language: (URL, Markdown, the data file it comes from)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.render.markup import RAW_CLOSE, RAW_OPEN
from planreader.render.glossary import DIRECTIONS, glossary_index, glossary_list, term_page
from planreader.render.overview import overview_page
from planreader.render.search_page import search_page
from planreader.render.status_page import status_page
from planreader.render.document import document_page, parallel_page
from planreader.render.records import (abbreviation_page, abbreviations_index, bodies_index, body_page, measure_page,
                             measures_index)


@dataclass(frozen=True)
class Page:
    url: str
    markdown: str
    source: str  # data file the page is built from, for the "edit" link

    @property
    def src_path(self) -> str:
        return ids.src_path(self.url)

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
        yield Page(ids.document(doc.id), document_page(cat, doc, lang), f"data/documents/{doc.id}.yml")
        yield Page(ids.parallel(doc.id), parallel_page(cat, doc, lang), f"data/documents/{doc.id}.yml")
    for pm in cat.measures:
        yield Page(ids.measure(pm.document, pm.num), measure_page(cat, pm, lang), f"data/measures/{pm.document}.yml")
    yield Page(ids.measures_index(), measures_index(cat, lang), "data/measures/")
    yield Page(ids.overview(), overview_page(cat, lang), "data/measures/")
    for body_id in cat.bodies:
        yield Page(ids.body(body_id), body_page(cat, body_id, lang), "data/bodies.yml")
    yield Page(ids.bodies_index(), bodies_index(cat, lang), "data/bodies.yml")
    for abbr_id in cat.abbreviations:
        yield Page(ids.abbreviation(abbr_id), abbreviation_page(cat, abbr_id, lang), "data/abbreviations.yml")
    yield Page(ids.abbreviations_index(), abbreviations_index(cat, lang), "data/abbreviations.yml")
    for term_id in cat.glossary:
        yield Page(ids.term(term_id), term_page(cat, term_id, lang), "data/glossary/terms.yml")
    for direction in DIRECTIONS:
        yield Page(ids.glossary(direction), glossary_list(cat, direction, lang), "data/glossary/terms.yml")
    yield Page(ids.glossary_index(), glossary_index(cat, lang), "data/glossary/terms.yml")
    yield Page(ids.translation_status(), status_page(cat, lang), "data/")
    yield Page(ids.search(), search_page(cat, lang), "plans/render_search.py")
