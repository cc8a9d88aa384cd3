"""The files a document page offers in its Download section, in the order to list them."""
from __future__ import annotations

from dataclasses import dataclass

from planreader import ids


@dataclass(frozen=True)
class Download:
    kind: str  # pdf | akn | fulltext-json | fulltext-csv | measures-csv: what the label says (the page translates it)
    path: str  # from the site root, e.g. "data/akn/nap-2014-2018.en.xml"
    media_type: str
    lang: str | None  # the language of the file's text; None for files holding both languages


def document_downloads(doc_id: str, lang: str) -> list[Download]:
    """The PDFs first (the page language's, the other's, both side by side: what a reader prints or attaches),
    then the Akoma Ntoso files in the same order, the full text, the measures."""
    other = [x for x in ids.LANGS if x != lang]
    return [
        *(Download("pdf", ids.pdf_file(doc_id, x), "application/pdf", x) for x in [lang, *other]),
        Download("pdf", ids.pdf_file(doc_id, "az-en"), "application/pdf", None),
        *(Download("akn", ids.akn_file(doc_id, x), "application/akn+xml", x) for x in [lang, *other]),
        Download("fulltext-json", ids.fulltext_file(doc_id, "json"), "application/json", None),
        Download("fulltext-csv", ids.fulltext_file(doc_id, "csv"), "text/csv", None),
        Download("measures-csv", "data/measures.csv", "text/csv", None),
    ]
