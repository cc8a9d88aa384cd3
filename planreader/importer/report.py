"""The review report: everything the importer was unsure of, each with its source line."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    line: int | None  # source line (1-based), None for the whole document
    kind: str  # joined-cells | joined-paragraph | deadline | numbering | unmatched-body | near-match | outside | fidelity …
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "document"
        return f"{where}: [{self.kind}] {self.message}"


@dataclass
class Report:
    source: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, line: int | None, kind: str, message: str) -> None:
        self.findings.append(Finding(line, kind, message))

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def text(self, doc_id: str, summary: list[str]) -> str:
        head = [f"Import report for {doc_id} from {self.source}", *summary, "",
                f"{len(self.findings)} thing(s) to review:" if self.findings else "Nothing to review."]
        return "\n".join(head + [f"  {f}" for f in sorted(self.findings, key=lambda f: (f.line or 0))]) + "\n"
