"""Where the data, the sources and the output live; overridable for tests and benchmarks."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# PLANS_DATA lets tests and the benchmark point the whole pipeline at a mutated or synthetic copy.
DATA = Path(os.environ.get("PLANS_DATA", ROOT / "data"))
SOURCES = Path(os.environ.get("PLANS_SOURCES", ROOT / "sources"))
# PLANS_LOCALE: the interface-string catalogs (the preview benchmark edits a copy).
LOCALE = Path(os.environ.get("PLANS_LOCALE", ROOT / "locale"))
