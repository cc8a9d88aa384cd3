"""The glossary as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style), for CAT tools."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from planreader.data.catalog import Catalog

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _q(tag: str) -> str:
    """A TBX element name in its namespace (ElementTree then writes one default xmlns declaration)."""
    return f"{{{NS}}}{tag}"


def _lang_sec(entry: ET.Element, lang: str, term: str, variants: list[str], definition: str, note: str | None) -> None:
    sec = ET.SubElement(entry, _q("langSec"), {XML_LANG: lang})
    ET.SubElement(sec, _q("descrip"), {"type": "definition"}).text = definition
    for i, value in enumerate([term, *variants]):
        ts = ET.SubElement(sec, _q("termSec"))
        ET.SubElement(ts, _q("term")).text = value
        status = "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts"
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
        _lang_sec(entry, "en", t.en.term, t.en.variants, t.definition.en or t.definition.az, t.note.en if t.note else None)
        for rel in t.related:
            ET.SubElement(entry, _q("ref"), {"type": "crossReference", "target": rel}).text = rel
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
