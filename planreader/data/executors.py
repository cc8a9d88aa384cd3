"""Reads an executors cell as printed and finds the bodies it names, so lists are never split on commas."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planreader.data.model import Body


def body_spans(text: str, forms: Iterable[tuple[str, str]], ignore_case: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, body id) of every wording of `forms` found in `text`, in text order, never overlapping.

    `forms` are (wording, body id) pairs; the longest wording wins, so "Nəqliyyat, Rabitə və Yüksək
    Texnologiyalar Nazirliyi" is one body, not a ministry of transport plus "Rabitə … Nazirliyi".
    """
    taken = [False] * len(text)
    hits: list[tuple[int, int, str]] = []
    flags = re.IGNORECASE if ignore_case else 0
    for wording, body in sorted(forms, key=lambda f: -len(f[0])):
        if not wording:
            continue
        for m in re.finditer(re.escape(wording), text, flags):
            if not any(taken[m.start():m.end()]):
                hits.append((m.start(), m.end(), body))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
    return sorted(hits)


def english_wordings(bodies: Iterable[Body]) -> list[tuple[str, str]]:
    """(wording, body id) for every English way an executors cell names a body: name, short name, en_forms."""
    return [(w, b.id) for b in bodies
            for w in (b.name.en, b.short.en if b.short else None, *b.en_forms) if w]


def find_bodies(text: str, forms: Iterable[tuple[str, str]], connectors: Iterable[str]) -> tuple[list[str], str]:
    """Return the body ids named in `text`, in order, and whatever text no form or connector explains."""
    spans = body_spans(text, forms)
    taken = [False] * len(text)
    for start, end, _ in spans:
        taken[start:end] = [True] * (end - start)
    rest = "".join(" " if t else c for c, t in zip(text, taken))
    for phrase in sorted(connectors, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", rest)
    leftover = re.sub(r"[\s,;.]+", " ", rest).strip()
    return [body for _, _, body in spans], leftover
