"""Reads a plan's text and refuses what is not one: empty, binary, not UTF-8, or not in the expected layout."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ImportFailure(Exception):
    """A one-line reason the source cannot be imported; nothing has been written when it is raised."""


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the source file
    text: str  # the line as printed, without its newline

    @property
    def stripped(self) -> str:
        return self.text.strip()


MAX_BYTES = 5_000_000


def read_lines(path: Path) -> list[Line]:
    """The source's non-blank lines with their numbers, or ImportFailure naming the file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ImportFailure(f"{path}: cannot read the file ({e.strerror or e})") from None
    if not data.strip():
        raise ImportFailure(f"{path}: the file is empty; expected the plain text of a plan")
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"{path}: {len(data)} bytes is too large for a plan text (limit {MAX_BYTES})")
    if b"\x00" in data:
        raise ImportFailure(f"{path}: the file is binary (it holds NUL bytes); expected UTF-8 plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ImportFailure(f"{path}: line {line}: not UTF-8 text (byte {data[e.start]:#04x}); "
                            f"expected UTF-8 plain text") from None
    bad = next((i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\t\n\r\f"), None)
    if bad is not None:
        raise ImportFailure(f"{path}: line {text[:bad].count(chr(10)) + 1}: control character "
                            f"U+{ord(text[bad]):04X}; expected plain text")
    return [Line(i, t.rstrip("\r")) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
