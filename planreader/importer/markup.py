"""The publisher's markup: <i>…</i> (text changed by amending decrees), **…** (bold), *…* (the italic stamp).

Markup is taken out of the text the data holds and recorded as repairs of kind `markup`, so the fidelity proof
matches the data against the source with the markup gone; what it meant stays as data (amended_executors,
strong, a node of kind stamp)."""
from __future__ import annotations

import re

from planreader.data.fidelity import normalise

ITALIC = re.compile(r"<i>(.*?)</i>")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def plain(text: str) -> str:
    """The text without markup, spaced as the repairs leave it ("</i> ," -> ",")."""
    text = re.sub(r"</i>\s+,", ",", text)
    return re.sub(r"\s+", " ", text.replace("<i>", "").replace("</i>", "").replace("**", "")).strip()


def italic_names(text: str) -> list[str]:
    """The phrases set in <i>…</i>, as plain text."""
    return [plain(m.group(1)) for m in ITALIC.finditer(text)]


def bold_phrases(text: str) -> list[str]:
    return [m.group(1).strip() for m in BOLD.finditer(text)]


def repairs(source_text: str, stamp_first: str | None, stamp_last: str | None) -> list[dict]:
    """The markup repairs for this source, counted in the order the fidelity proof applies them."""
    text = normalise(source_text)
    out: list[dict] = []

    def add(find: str, replace: str, note: str, exact_once: bool = False) -> None:
        nonlocal text
        n = text.count(find)
        if n == 0:
            return
        rec = {"find": find, "replace": replace, "kind": "markup"}
        if not exact_once or n != 1:
            rec["count"] = n
        rec["note"] = note
        out.append(rec)
        text = text.replace(find, replace)

    add("</i> ,", ",", "End of an amended name directly followed by a comma; the space before the comma is an "
                       "extraction artefact.")
    add("<i>", "", "Start of text changed by the amending decrees; recorded in amended_executors.")
    add("</i>", "", "End of text changed by the amending decrees (the ones not followed by a comma).")
    add("**", "", "Bold text; recorded as `strong` on its node.")
    if stamp_first:
        add(stamp_first, stamp_first.lstrip("*"), "Start of the italic approval stamp (node approval-stamp).", True)
    if stamp_last:
        add(stamp_last, stamp_last.rstrip("*"), "End of the italic approval stamp (node approval-stamp).", True)
    return out
