"""The glossary as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style), for CAT tools."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from planreader.data.catalog import Catalog

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _q(tag: str) -> str:
    """A TBX element name in its namespace (ElementTree then writes one default xmlns declaration)."""
    return f"{{{NS}}}{tag}"


# TBX-Basic's administrative statuses of the glossary's lists: the preferred term, admitted variants, and the
# renderings a reviewer ruled out (a CAT tool's QA flags a deprecated term in a translation).
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"


def _lang_sec(entry: ET.Element, lang: str, term: str, variants: list[str], definition: str, note: str | None,
              avoid: list[str] = ()) -> None:
    sec = ET.SubElement(entry, _q("langSec"), {XML_LANG: lang})
    ET.SubElement(sec, _q("descrip"), {"type": "definition"}).text = definition
    for value, status in [(term, PREFERRED), *((v, ADMITTED) for v in variants), *((a, DEPRECATED) for a in avoid)]:
        ts = ET.SubElement(sec, _q("termSec"))
        ET.SubElement(ts, _q("term")).text = value
        ET.SubElement(ts, _q("termNote"), {"type": "administrativeStatus"}).text = status
    if note:
        ET.SubElement(sec, _q("note")).text = note


def glossary_tbx(cat: Catalog) -> str:
    ET.register_namespace("", NS)  # the TBX namespace as the default one: <tbx xmlns="urn:iso:std:iso:30042:ed-2">
    root = ET.Element(_q("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, _q("tbxHeader"))
    file_desc = ET.SubElement(header, _q("fileDesc"))
    ET.SubElement(ET.SubElement(file_desc, _q("titleStmt")), _q("title")).text = "Anti-trafficking plans of Azerbaijan: glossary"
    ET.SubElement(ET.SubElement(file_desc, _q("sourceDesc")), _q("p")).text = (
        "Azerbaijani (authoritative texts) and English (unofficial translation) terms of the National Action Plan "
        "2014-2018 and the CIS cooperation programme 2007-2010.")
    body = ET.SubElement(ET.SubElement(root, _q("text")), _q("body"))
    for t in cat.glossary.values():
        entry = ET.SubElement(body, _q("conceptEntry"), {"id": t.id})
        if t.source:
            ET.SubElement(entry, _q("admin"), {"type": "source"}).text = t.source.en or t.source.az
        _lang_sec(entry, "az", t.az.term, t.az.variants, t.definition.az, t.note.az if t.note else None)
        _lang_sec(entry, "en", t.en.term, t.en.variants, t.definition.en or t.definition.az, t.note.en if t.note else None,
                  t.en.avoid)
        for rel in t.related:
            ET.SubElement(entry, _q("ref"), {"type": "crossReference", "target": rel}).text = rel
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
