"""Reading a translator's XML file (XLIFF, TBX) as untrusted input: defusedxml refuses a DTD, entity declarations
and external references before they are expanded or fetched, a size cap bounds the rest, and each element keeps the
line it starts on for the one-line errors."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser


class Refused(Exception):
    """The import writes nothing: one line per problem, each naming the file it read (and the line) or the data file."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


class _LineTarget(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on, for the one-line errors."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[ET.Element, int] = {}
        self.parser: DefusedXMLParser | None = None

    def start(self, tag, attrs):  # type: ignore[override]
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber if self.parser else 0
        return element


def parse_untrusted(name: str, data: bytes, max_bytes: int, smaller: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The root element and each element's line; Refused with one line for a file too large (`smaller` says how to
    make it smaller), not well-formed, or declaring a DTD, entities or external references."""
    if len(data) > max_bytes:
        raise Refused([f"{name}: refused: {len(data):,} bytes is more than the {max_bytes // 2**20} MB such a file "
                       f"of these plans can need; {smaller}"])
    target = _LineTarget()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except defusedxml.DTDForbidden:
        raise Refused([f"{name}: refused: the file declares a DTD (<!DOCTYPE …>); the format needs none, and a DTD can "
                       f"define entities that expand without end or read other files"]) from None
    except defusedxml.EntitiesForbidden:
        raise Refused([f"{name}: refused: the file declares entities; the format needs none"]) from None
    except defusedxml.ExternalReferenceForbidden:
        raise Refused([f"{name}: refused: the file refers to an external resource; the format needs none"]) from None
    except ET.ParseError as e:
        raise Refused([f"{name}: not well-formed XML: {e}"]) from None
    return root, target.lines
