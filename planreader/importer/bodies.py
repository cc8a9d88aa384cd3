"""Executors cells -> body ids through the registry's `forms`; names no form covers are proposed, never guessed."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from planreader.azerbaijani import az_lower
from planreader.data.executors import body_spans, find_bodies
from planreader.importer.report import Report

INVOLVING = "cəlb etməklə"
_ASCII = str.maketrans({"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"})
# The last word of a name says what kind of body it is; anything else is proposed as an agency, for review.
KIND_OF_LAST_WORD = {
    "nazirliyi": "ministry", "komitəsi": "state-committee", "xidməti": "service", "agentliyi": "agency",
    "administrasiyası": "agency", "palatası": "agency", "fondu": "agency", "məhkəməsi": "court",
    "prokurorluğu": "prosecution", "şurası": "council", "kabineti": "government", "orqanları": "local-authorities",
    "təşkilatları": "ngo", "təşkilatlarını": "ngo", "cəmiyyəti": "media", "kollegiyası": "bar",
    "müəssisələri": "category", "komissiyası": "council", "mərkəzi": "agency", "idarəsi": "agency",
}
NEAR = 0.8  # similarity (difflib ratio) at which an unknown name is reported as a likely misspelling of a known one


def ascii_id(name: str) -> str:
    """A stable ASCII id from an Azerbaijani name: "Dövlət Turizm Agentliyi" -> "dovlet-turizm-agentliyi"."""
    return re.sub(r"[^a-z0-9]+", "-", az_lower(name).translate(_ASCII)).strip("-")[:60].strip("-") or "body"


def kind_of(name: str) -> str:
    last = az_lower(name.split()[-1]) if name.split() else ""
    return KIND_OF_LAST_WORD.get(last.strip("«»\"'.,"), "agency")


@dataclass
class Matcher:
    forms: list[tuple[str, str]]  # (wording, body id) of the registry
    connectors: list[str]
    known_ids: set[str]
    proposed: dict[str, dict] = field(default_factory=dict)  # id -> new body record, in the order found

    @classmethod
    def from_registry(cls, raw: dict) -> "Matcher":
        bodies = raw.get("bodies") or []
        forms = [(f, b["id"]) for b in bodies for f in (b.get("forms") or [])]
        return cls(forms, list(raw.get("connectors") or []), {b["id"] for b in bodies})

    def _near(self, name: str) -> str | None:
        best = max(self.forms, key=lambda f: difflib.SequenceMatcher(None, az_lower(name), az_lower(f[0])).ratio(),
                   default=None)
        if best and difflib.SequenceMatcher(None, az_lower(name), az_lower(best[0])).ratio() >= NEAR:
            return best[1]
        return None

    def propose(self, name: str, line: int, report: Report, where: str) -> str:
        """A new body record for `name` as printed (marked for review), or the one already proposed for it."""
        for bid, rec in self.proposed.items():
            if name in rec["forms"]:
                return bid
        base = ascii_id(name)
        bid, n = base, 2
        while bid in self.known_ids or bid in self.proposed:
            bid, n = f"{base}-{n}", n + 1
        near = self._near(name)  # before the new form joins the registry's
        self.proposed[bid] = {"id": bid, "name": {"az": name, "en": ""}, "kind": kind_of(name), "forms": [name],
                              "_line": line}
        self.forms.append((name, bid))
        if near:
            report.add(line, "near-match", f"{where}: {name!r} is not a known form; did you mean `{near}`? "
                                           f"Proposed as new body `{bid}` for review, not linked to `{near}`")
        else:
            report.add(line, "unmatched-body", f"{where}: {name!r} names no known body; proposed as new body "
                                               f"`{bid}` (kind {self.proposed[bid]['kind']}) for review")
        return bid

    def note_bodies(self, text: str) -> list[str]:
        """The bodies a closing-note item names (its addressee first), through the registry's forms."""
        return [b for _, _, b in body_spans(text, self.forms)]

    def unknown_runs(self, text: str) -> list[str]:
        """Stretches of `text` that no form or connector explains, split at commas: candidate body names."""
        taken = [False] * len(text)
        for start, end, _ in body_spans(text, self.forms):
            taken[start:end] = [True] * (end - start)
        rest = "".join("\0" if t else c for c, t in zip(text, taken))
        for phrase in sorted(self.connectors, key=len, reverse=True):
            rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", "\0", rest)
        return [r.strip(" .;") for r in re.split(r"[\0,;]", rest) if re.search(r"\w", r)]

    def match_cell(self, text: str, italic: list[str], line: int, report: Report, where: str) \
            -> tuple[list[str], list[str], list[str]]:
        """(executors, involving, amended_executors) named by an executors cell, proposing unknown names."""
        for name in self.unknown_runs(text):
            self.propose(name, line, report, where)
        _named, leftover = find_bodies(text, self.forms, self.connectors)
        if leftover:
            report.add(line, "unclaimed", f"{where}: {leftover!r} is left over in the executors cell")
        spans = body_spans(text, self.forms)
        involving_at: set[int] = set()
        for m in re.finditer(re.escape(INVOLVING), text):
            nxt = m.start()
            for i in range(len(spans) - 1, -1, -1):
                start, end, _ = spans[i]
                if end > nxt:
                    continue
                if not re.fullmatch(r"\s*(və\s*)?", text[end:nxt]):
                    break
                involving_at.add(i)
                nxt = start
        executors = [b for i, (_, _, b) in enumerate(spans) if i not in involving_at]
        involving = [b for i, (_, _, b) in enumerate(spans) if i in involving_at]
        amended: list[str] = []
        for name in italic:
            ids = [b for _, _, b in body_spans(name, self.forms)]
            if not ids:
                report.add(line, "amended", f"{where}: text marked <i>amended</i> ({name!r}) names no body")
            amended += [b for b in ids if b not in amended]
        return executors, involving, amended
