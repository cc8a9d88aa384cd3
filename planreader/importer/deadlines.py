"""An executors table's deadline cell as data: years "2014-2016", one year "2015", or regular ("mütəmadi")."""
from __future__ import annotations

import re

RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
YEAR = re.compile(r"^(\d{4})$")
REGULAR = "mütəmadi"


def parse_deadline(text: str) -> tuple[dict, bool]:
    """The deadline record for `text`, and whether it was read with certainty (False: review it)."""
    rec: dict = {"text": {"az": text, "en": ""}}
    if text == REGULAR:
        rec["regular"] = True
        return rec, True
    if m := RANGE.match(text):
        rec["start"], rec["end"] = int(m.group(1)), int(m.group(2))
        return rec, rec["start"] <= rec["end"]
    if m := YEAR.match(text):
        rec["start"] = rec["end"] = int(m.group(1))
        return rec, True
    years = [int(y) for y in re.findall(r"\b(?:1|2)\d{3}\b", text)]
    if REGULAR in text:
        rec["regular"] = True
    elif years:  # a best reading ("2015-ci il"), flagged for review
        rec["start"], rec["end"] = years[0], years[-1]
    return rec, False
