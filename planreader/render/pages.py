"""Every generated page of one language, in a fixed order, each made only when asked for.

A full build asks for all of them; the live preview asks for the one a reader has open (so a save shows in a
second however large the corpus is).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from planreader import ids
from planreader.render.abbreviation import abbreviation_page, abbreviations_index
from planreader.render.body import bodies_index, body_page
from planreader.render.context import RenderContext
from planreader.render.document import document_page, parallel_page
from planreader.render.instrument import instrument_page, instruments_index
from planreader.render.glossary import DIRECTIONS, glossary_index, glossary_list, term_page
from planreader.render.measure import measure_page, measures_index
from planreader.render.overview import overview_page
from planreader.render.repairs import repairs_page
from planreader.render.page import Page
from planreader.render.search_page import search_page
from planreader.render.status_page import status_page


def page_makers(ctx: RenderContext) -> dict[str, Callable[[], Page]]:
    """URL (from the language root) -> a function that renders that page."""
    cat = ctx.catalog
    makers: dict[str, Callable[[], Page]] = {}
    for doc in cat.documents.values():
        makers[ids.document(doc.id)] = partial(document_page, ctx, doc)
        makers[ids.parallel(doc.id)] = partial(parallel_page, ctx, doc)
        makers[ids.repairs(doc.id)] = partial(repairs_page, ctx, doc)
    for pm in cat.measures:
        makers[ids.measure(pm.document, pm.num)] = partial(measure_page, ctx, pm)
    makers[ids.measures_index()] = partial(measures_index, ctx)
    makers[ids.overview()] = partial(overview_page, ctx)
    for body_id in cat.bodies:
        makers[ids.body(body_id)] = partial(body_page, ctx, body_id)
    makers[ids.bodies_index()] = partial(bodies_index, ctx)
    for instrument_id in cat.instruments:
        makers[ids.instrument(instrument_id)] = partial(instrument_page, ctx, instrument_id)
    makers[ids.instruments_index()] = partial(instruments_index, ctx)
    for abbr_id in cat.abbreviations:
        makers[ids.abbreviation(abbr_id)] = partial(abbreviation_page, ctx, abbr_id)
    makers[ids.abbreviations_index()] = partial(abbreviations_index, ctx)
    for term_id in cat.glossary:
        makers[ids.term(term_id)] = partial(term_page, ctx, term_id)
    for direction in DIRECTIONS:
        makers[ids.glossary(direction)] = partial(glossary_list, ctx, direction)
    makers[ids.glossary_index()] = partial(glossary_index, ctx)
    makers[ids.translation_status()] = partial(status_page, ctx)
    makers[ids.search()] = partial(search_page, ctx)
    return makers


def site_pages(ctx: RenderContext) -> Iterator[Page]:
    for make in page_makers(ctx).values():
        yield make()
