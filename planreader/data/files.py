"""Reads a data or source file as text, or refuses it with one line naming it: missing, a folder, too large, unreadable."""
from __future__ import annotations

import stat
from pathlib import Path

from planreader.data.errors import DataError, DataErrors, rel

# The largest data file today is 82 KB and the largest source 54 KB: 4 MiB is fifty times that, and small enough
# that parsing never takes more than a moment or a few hundred MB.
MAX_BYTES = 4 * 1024 * 1024


def refuse(path: Path, message: str, line: int | None = None) -> DataErrors:
    return DataErrors([DataError(rel(path), message, line)])


def read_text(path: Path, inside: Path) -> str:
    """The file's UTF-8 text; `inside` is the folder it must really live in (a link may not lead out of it)."""
    try:
        st = path.stat()
        real = path.resolve()
    except FileNotFoundError:
        raise refuse(path, "file not found") from None
    except (OSError, RuntimeError) as e:  # RuntimeError: a loop of symbolic links on older Pythons
        raise refuse(path, f"cannot be read: {getattr(e, 'strerror', None) or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise refuse(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise refuse(path, "is not a regular file (a device, a pipe or a socket)")
    if not real.is_relative_to(inside.resolve()):
        raise refuse(path, f"is a link to a file outside {rel(inside)}/; keep the file itself there")
    if st.st_size > MAX_BYTES:
        raise refuse(path, f"is {st.st_size:,} bytes; a file may hold at most {MAX_BYTES:,} bytes (4 MiB)")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise refuse(path, f"cannot be read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:  # it grew after stat()
        raise refuse(path, f"is larger than {MAX_BYTES:,} bytes (4 MiB), the most a file may hold")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise refuse(path, f"not UTF-8 text (byte {e.start}); save the file as UTF-8") from None
    if "\x00" in text:
        raise refuse(path, "contains a NUL character; remove it", text[: text.index("\x00")].count("\n") + 1)
    return text
