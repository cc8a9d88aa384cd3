"""Refreshes the gettext catalogs after UI strings change: extract, then update each language's .po.

Run `make i18n` (or `python -m planreader i18n`); translators then fill the empty msgstr lines in locale/az/LC_MESSAGES/messages.po.
English msgids are the English UI text, so the en catalog copies them (a translator may still refine them).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planreader.paths import ROOT

BIN = Path(sys.executable).parent


def main(argv: list[str] | None = None) -> int:
    pot = ROOT / "locale" / "messages.pot"
    subprocess.run([BIN / "pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "N_", "--no-location",
                    "--omit-header", "--sort-output", "-o", str(pot), "."], cwd=ROOT, check=True)
    for lang in ("az", "en"):
        po = ROOT / "locale" / lang / "LC_MESSAGES" / "messages.po"
        cmd = "update" if po.exists() else "init"
        subprocess.run([BIN / "pybabel", "-q", cmd, "-i", str(pot), "-d", "locale", "-l", lang,
                        *(["--no-fuzzy-matching"] if cmd == "update" else [])], cwd=ROOT, check=True)
    # English msgids are already English: copy them into the en catalog where empty.
    from babel.messages.pofile import read_po, write_po

    po = ROOT / "locale" / "en" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="en")
    for m in catalog:
        if m.id and not m.string:
            m.string = m.id
    with po.open("wb") as f:
        write_po(f, catalog, omit_header=False, no_location=True, sort_output=True)
    return 0

