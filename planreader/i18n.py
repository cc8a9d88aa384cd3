"""Interface strings from gettext catalogs (locale/*/LC_MESSAGES/messages.po) and locale-aware dates via Babel."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from babel.dates import format_date
from babel.messages.pofile import read_po

from planreader import paths

LOCALE_DIR = paths.LOCALE


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


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: object) -> str:
    """Put values into an interface string's {placeholders}. Unlike str.format, a brace a translator typed, or a
    placeholder the code does not supply, stays as it is instead of failing the build (make validate reports it)."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def placeholder_problems(lang: str) -> list[str]:
    """Translations whose {placeholders} differ from their English msgid's, one located line each."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return []
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    problems = []
    for m in catalog:
        if m.id and m.string and set(_PLACEHOLDER.findall(m.id)) != set(_PLACEHOLDER.findall(m.string)):
            line = m.lineno or "?"
            problems.append(f"locale/{lang}/LC_MESSAGES/messages.po:{line}: msgid {m.id!r}: the translation must keep "
                            f"the placeholders {sorted(set(_PLACEHOLDER.findall(m.id)))} (it has "
                            f"{sorted(set(_PLACEHOLDER.findall(m.string)))})")
    return problems


def N_(msgid: str) -> str:
    """Marks a string for extraction (pybabel -k N_) where it is translated later, at render time."""
    return msgid


def translator(lang: str) -> Callable[[str], str]:
    messages = _messages(lang)
    return lambda msgid: messages.get(msgid, msgid)


# A site names a few dates (its acts' and amendments') on thousands of pages; Babel formats each afresh.
@lru_cache(maxsize=1024)
def long_date(date: dt.date, lang: str) -> str:
    """"24 iyul 2014" / "24 July 2014"."""
    return format_date(date, format="d MMMM y", locale=lang)


_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {10: "cu", 20: "ci", 30: "cu", 40: "cı", 50: "ci", 60: "cı", 70: "ci", 80: "ci", 90: "cı"}


def az_ordinal_suffix(n: int) -> str:
    """The suffix that agrees with a number read aloud: 2014-cü, 2016-cı, 2010-cu, 2008-ci, 2000-ci."""
    if n % 10:
        return "-" + _UNITS[n % 10]
    if n % 100:
        return "-" + _TENS[n % 100]
    if n % 1000:
        return "-cü"  # yüz
    return "-ci"  # min


@lru_cache(maxsize=1024)
def act_date(date: dt.date, lang: str) -> str:
    """The date as acts are cited: "2014-cü il 24 iyul" / "24 July 2014"."""
    if lang == "az":
        return f"{date.year}{az_ordinal_suffix(date.year)} il {format_date(date, format='d MMMM', locale='az')}"
    return long_date(date, lang)
