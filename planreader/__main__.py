"""The project's commands: `python -m planreader <command>` (the Makefile's targets call these)."""
from __future__ import annotations

import sys
from importlib import import_module

# command -> (module with main(argv), what it does); modules are imported only when their command runs.
COMMANDS = {
    "build": ("planreader.site.build", "build the static site (both languages, search, open data) into site/"),
    "serve": ("planreader.site.preview", "live preview on 127.0.0.1: rebuilds and reloads on save"),
    "validate": ("planreader.data.validate", "check data/: schemas, references, fidelity to the sources"),
    "fidelity": ("planreader.data.fidelity", "check only that the data holds every source word, in order"),
    "status": ("planreader.translation.status_command", "translation status; --reviewed UNIT records a review"),
    "terms": ("planreader.translation.terminology", "terminology check: translations use the agreed terms"),
    "import": ("planreader.importer.command", "import a plan's text: SOURCE --id DOC_ID [--force] (writes data/)"),
    "xliff": ("planreader.translation.xliff", "XLIFF 1.2 for CAT tools: export [--document ID] [--untranslated | --stale] [-o FILE]; import FILE [--dry-run]"),
    "tbx": ("planreader.translation.termbase", "TBX for CAT tools: export [-o FILE]; import FILE [--dry-run] (English terms)"),
    "i18n": ("planreader.translation.ui_catalogs", "refresh the interface-string catalogs in locale/"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        width = max(map(len, COMMANDS))
        print("usage: python -m planreader <command> [options]\n\ncommands:")
        for name, (_module, what) in COMMANDS.items():
            print(f"  {name:<{width}}  {what}")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        return import_module(COMMANDS[argv[0]][0]).main(argv[1:])
    except KeyboardInterrupt:
        print(f"{argv[0]}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
