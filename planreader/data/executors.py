"""Reads an executors cell as printed and finds the bodies it names, so lists are never split on commas."""
from __future__ import annotations

import re
from collections.abc import Iterable


def find_bodies(text: str, forms: Iterable[tuple[str, str]], connectors: Iterable[str]) -> tuple[list[str], str]:
    """Return the body ids named in `text`, in order, and whatever text no form or connector explains.

    `forms` are (wording, body id) pairs; the longest wording wins, so "Nəqliyyat, Rabitə və Yüksək
    Texnologiyalar Nazirliyi" is one body, not a ministry of transport plus "Rabitə … Nazirliyi".
    """
    taken = [False] * len(text)
    hits: list[tuple[int, str]] = []
    for wording, body in sorted(forms, key=lambda f: -len(f[0])):
        for m in re.finditer(re.escape(wording), text):
            if not any(taken[m.start():m.end()]):
                hits.append((m.start(), body))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
    rest = "".join(" " if t else c for c, t in zip(text, taken))
    for phrase in sorted(connectors, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", rest)
    leftover = re.sub(r"[\s,;.]+", " ", rest).strip()
    return [body for _, body in sorted(hits)], leftover
