"""Reading the PDFs as a reader's tools do: poppler's pdftotext and pdffonts, pypdf for outline, links and metadata."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader

# The page body of pdf.css's A4 page (595 × 842 pt; margins 24 mm top, 22 mm bottom): text outside it is the
# running header and footer.
BODY = ("-x", "0", "-y", "68", "-W", "595", "-H", "712")


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is missing: run `bash scripts/ensure_build_tools.sh --test` (Debian's poppler-utils)"
    return path


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run([poppler("pdftotext"), "-enc", "UTF-8", *args, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without any white space: line breaks (also after a hyphen) fall where the layout puts them."""
    return re.sub(r"\s+", "", text)


@dataclass
class Pdf:
    path: Path
    reader: PdfReader
    pages: list[str]  # each page's full text, in reading order (pdftotext -raw: the order it was drawn)
    body: str  # the text of every page's body, header and footer left out, without white space


@lru_cache(maxsize=None)
def read(path: Path) -> Pdf:
    pages = pdftotext(path, "-raw").split("\f")[:-1]
    return Pdf(path, PdfReader(path), pages, squeeze(pdftotext(path, "-raw", *BODY)))


def outline(pdf: Pdf) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, depth first."""
    out: list[tuple[int, str, int]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, pdf.reader.get_destination_page_number(item)))
    walk(pdf.reader.outline, 0)
    return out


def destinations(pdf: Pdf) -> dict[str, int]:
    """Named destinations (the HTML's ids) and their page indexes."""
    return {name: pdf.reader.get_destination_page_number(d) for name, d in pdf.reader.named_destinations.items()}


def links(pdf: Pdf) -> list[tuple[int, str, str]]:
    """(page index, kind, target) of every link annotation: ("dest", name) inside the PDF, ("uri", address) out."""
    out = []
    for i, p in enumerate(pdf.reader.pages):
        for ref in p.get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            if "/Dest" in a:
                out.append((i, "dest", str(a["/Dest"])))
            elif action is not None and action.get("/S") == "/URI":
                out.append((i, "uri", str(action["/URI"])))
            else:
                out.append((i, "other", repr(action)))
    return out


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni for each font."""
    lines = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name, type (one or more words), encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows
