"""Every generated page of one language, in a fixed order."""
from __future__ import annotations

from collections.abc import Iterator

from planreader.render.abbreviation import abbreviation_page, abbreviations_index
from planreader.render.body import bodies_index, body_page
from planreader.render.context import RenderContext
from planreader.render.document import document_page, parallel_page
from planreader.render.glossary import DIRECTIONS, glossary_index, glossary_list, term_page
from planreader.render.measure import measure_page, measures_index
from planreader.render.overview import overview_page
from planreader.render.page import Page
from planreader.render.search_page import search_page
from planreader.render.status_page import status_page


def site_pages(ctx: RenderContext) -> Iterator[Page]:
    cat = ctx.catalog
    for doc in cat.documents.values():
        yield document_page(ctx, doc)
        yield parallel_page(ctx, doc)
    for pm in cat.measures:
        yield measure_page(ctx, pm)
    yield measures_index(ctx)
    yield overview_page(ctx)
    for body_id in cat.bodies:
        yield body_page(ctx, body_id)
    yield bodies_index(ctx)
    for abbr_id in cat.abbreviations:
        yield abbreviation_page(ctx, abbr_id)
    yield abbreviations_index(ctx)
    for term_id in cat.glossary:
        yield term_page(ctx, term_id)
    for direction in DIRECTIONS:
        yield glossary_list(ctx, direction)
    yield glossary_index(ctx)
    yield status_page(ctx)
    yield search_page(ctx)
