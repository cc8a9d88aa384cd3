"""Checks data/ on its own, for translators and editors: `python scripts/validate.py` (or `make validate`).

Exit 0 with a one-line summary when the data is valid; otherwise one line per problem, each naming the
file, line, record and field, and exit 1.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plans import fidelity  # noqa: E402
from plans.errors import DataErrors  # noqa: E402
from plans.load import load_catalog  # noqa: E402


def main() -> int:
    try:
        catalog = load_catalog()
    except DataErrors as e:
        print(e, file=sys.stderr)
        return 1
    problems = [p for d in catalog.documents for p in fidelity.check_document(d)]
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} difference(s) between the data and the sources", file=sys.stderr)
        return 1
    print(f"data OK: {len(catalog.documents)} documents, {len(catalog.measures)} measures, "
          f"{len(catalog.bodies)} bodies, {len(catalog.abbreviations)} abbreviations; "
          f"every source word is in the data, in order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
