"""Interface strings from gettext catalogs (locale/*/LC_MESSAGES/messages.po) and locale-aware dates via Babel."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from babel.dates import format_date
from babel.messages.pofile import read_po

from . import paths

LOCALE_DIR = paths.ROOT / "locale"


@lru_cache(maxsize=None)
def _messages(lang: str) -> dict[str, str]:
    # Read the .po directly: translators' edits show up without a compile step; `make test` still
    # compiles the catalogs with pybabel to prove they are valid and complete.
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def N_(msgid: str) -> str:
    """Marks a string for extraction (pybabel -k N_) where it is translated later, at render time."""
    return msgid


def translator(lang: str) -> Callable[[str], str]:
    messages = _messages(lang)
    return lambda msgid: messages.get(msgid, msgid)


def long_date(date: dt.date, lang: str) -> str:
    """"24 iyul 2014" / "24 July 2014"."""
    return format_date(date, format="d MMMM y", locale=lang)
