"""The glossary as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style), for CAT tools."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from planreader.data.catalog import Catalog

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang_sec(entry: ET.Element, lang: str, term: str, variants: list[str], definition: str, note: str | None) -> None:
    sec = ET.SubElement(entry, "langSec", {XML_LANG: lang})
    ET.SubElement(sec, "descrip", {"type": "definition"}).text = definition
    for i, value in enumerate([term, *variants]):
        ts = ET.SubElement(sec, "termSec")
        ET.SubElement(ts, "term").text = value
        status = "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts"
        ET.SubElement(ts, "termNote", {"type": "administrativeStatus"}).text = status
    if note:
        ET.SubElement(sec, "note").text = note


def glossary_tbx(cat: Catalog) -> str:
    ET.register_namespace("", NS)
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": NS})
    header = ET.SubElement(root, "tbxHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "Anti-trafficking plans of Azerbaijan: glossary"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = (
        "Azerbaijani (authoritative texts) and English (unofficial translation) terms of the National Action Plan "
        "2014-2018 and the CIS cooperation programme 2007-2010.")
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for t in cat.glossary.values():
        entry = ET.SubElement(body, "conceptEntry", {"id": t.id})
        if t.source:
            ET.SubElement(entry, "admin", {"type": "source"}).text = t.source.en or t.source.az
        _lang_sec(entry, "az", t.az.term, t.az.variants, t.definition.az, t.note.az if t.note else None)
        _lang_sec(entry, "en", t.en.term, t.en.variants, t.definition.en or t.definition.az, t.note.en if t.note else None)
        for rel in t.related:
            ET.SubElement(entry, "ref", {"type": "crossReference", "target": rel}).text = rel
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    # ElementTree writes the default namespace once we name it as an attribute; avoid a duplicate declaration.
    xml = xml.replace(f' xmlns="{NS}" xmlns="{NS}"', f' xmlns="{NS}"')
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
