"""Checks data/ on its own, for translators and editors: `make validate` (or `python -m planreader validate`).

Exit 0 with a one-line summary when the data is valid; otherwise one line per problem, each naming the
file, line, record and field, and exit 1.
"""
from __future__ import annotations

import sys

from planreader.data import fidelity
from planreader.i18n import placeholder_problems
from planreader.ids import LANGS
from planreader.data.errors import DataErrors
from planreader.data.load import load_catalog_or_report


def main(argv: list[str] | None = None) -> int:
    catalog = load_catalog_or_report()
    if catalog is None:
        return 1
    problems, errors = [], []
    for doc_id in catalog.documents:  # every document's problems, not only the first one's
        try:
            problems += fidelity.check_document(doc_id)
        except DataErrors as e:
            errors += e.errors
    if errors:
        print(DataErrors(errors), file=sys.stderr)
        return 1
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} difference(s) between the data and the sources", file=sys.stderr)
        return 1
    # The interface-string catalogs are edited by translators too.
    catalog_problems = [p for lang in LANGS for p in placeholder_problems(lang)]
    for p in catalog_problems:
        print(p, file=sys.stderr)
    if catalog_problems:
        return 1
    print(f"data OK: {len(catalog.documents)} documents, {len(catalog.measures)} measures, "
          f"{len(catalog.bodies)} bodies, {len(catalog.abbreviations)} abbreviations; "
          f"every source word is in the data, in order")
    return 0

