"""Akoma Ntoso 3.0 XML of every document in each language: its full text and structure, bodies and history."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from planreader import ids
from planreader.build_date import build_date
from planreader.data.catalog import Catalog, PlanMeasure
from planreader.data.citations import english_forms
from planreader.data.executors import body_spans, english_wordings
from planreader.data.model import Document, Instrument, Node, Text
from planreader.i18n import act_date

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
COUNTRY = "az"
MEDIA_TYPE = "application/akn+xml"
READER = "org_reader"  # this site: it marked the texts up and translated them
READER_NAME = "Anti-trafficking plans of Azerbaijan"
ISSUER = "org_issuer"  # the body that issued the act (the President, the Milli Majlis)
# Each document becomes one <act>: the act itself (law or order) with the instruments it approves as nested
# attachments (the NAP: the order, then the plan; the CIS programme: the law, the decision, the programme).
# Every eId equals the site's anchor for the same unit, so #m-13-2-9 names measure 13.2.9 in the page and in the
# XML. Metadata elements the site has no anchor for carry eIds with an underscore ("org_state-security-service"),
# which data ids never contain, so the two can never collide.

# Node kinds that open an instrument (its preface) and that close one (its conclusions).
OPENING = ("title", "stamp")
CLOSING = ("line", "note", "signatory")
# Elements whose content is text (mixed content): never indented, so no whitespace is added to the text.
_TEXT_ELEMENTS = {"p", "heading", "num", "subheading"}


def _el(tag: str, attrib: dict[str, str | None] | None = None, text: str | None = None) -> ET.Element:
    e = ET.Element(f"{{{NS}}}{tag}", {k: v for k, v in (attrib or {}).items() if v is not None})
    e.text = text
    return e


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str | None] | None = None, text: str | None = None) -> ET.Element:
    e = _el(tag, attrib, text)
    parent.append(e)
    return e


def org_eid(body_id: str) -> str:
    return f"org_{body_id}"


def instrument_eid(instrument_id: str) -> str:
    return "instrument_" + instrument_id.replace("-", "_")


def instrument_iri(instrument_id: str) -> str:
    """A cited instrument's ontology IRI (most have no Akoma Ntoso work IRI of their own: the texts give no date or
    number); its page on this site is /az/instruments/ID/."""
    return f"/akn/ontology/reference/az/instrument/{instrument_id}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


# --- identifiers ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Frbr:
    """The FRBR IRIs of a document: the work, its expression in a language (as amended up to `version`)."""

    work: str  # /akn/az/act/order/2014-07-24/667
    version: str | None  # date of the last amendment the text includes; None for the original text

    def expression(self, lang: str) -> str:
        return ids.akn_expression(self.work, lang, self.version)

    def original(self, lang: str) -> str:
        return ids.akn_expression(self.work, lang, None)

    def manifestation(self, lang: str) -> str:
        return self.expression(lang) + ".xml"


def frbr(doc: Document) -> Frbr:
    version = max((a.date for a in doc.amendments), default=None)
    return Frbr(ids.akn_work(COUNTRY, doc.kind, doc.date.isoformat(), doc.number),
                version.isoformat() if version else None)


def amendment_work(kind: str, date: dt.date, number: str | None) -> str:
    """An amending act's work IRI; "nn" (not numbered) where the source gives no number, as the convention says."""
    return ids.akn_work(COUNTRY, kind, date.isoformat(), number or "nn")


_ACT_KIND = {"decree": ("Fərman", "Decree"), "order": ("Sərəncam", "Order"), "law": ("Qanun", "Law")}


def amendment_title(kind: str, date: dt.date, number: str | None, lang: str) -> str:
    """"Decree of 7 September 2016, No. 1033" / "2016-cı il 7 sentyabr tarixli, 1033 nömrəli Fərman"."""
    name = _ACT_KIND[kind][0 if lang == "az" else 1]
    if lang == "az":
        return f"{act_date(date, lang)} tarixli" + (f", {number} nömrəli" if number else "") + f" {name}"
    return f"{name} of {act_date(date, lang)}" + (f", No. {number}" if number else "")


# --- the structure of a document --------------------------------------------------------------------------------
def instruments(doc: Document) -> list[list[Node]]:
    """The document's top-level nodes split into instruments: a new one opens at each title or stamp that
    follows other text. The first is the act itself; each later one is attached to the one before it."""
    out: list[list[Node]] = [[]]
    for node in doc.body:
        if node.kind in OPENING and out[-1] and out[-1][-1].kind not in OPENING:
            out.append([])
        out[-1].append(node)
    return out


@dataclass(frozen=True)
class Layout:
    """One instrument's nodes by where Akoma Ntoso puts them."""

    preface: list[Node]
    preamble: list[Node]
    body: list[Node]
    conclusions: list[Node]


def layout(nodes: list[Node]) -> Layout:
    """Titles and stamps open the preface; unnumbered paragraphs before the first numbered one are the enacting
    formula (preamble); signature lines, notes and signatories at the end are the conclusions."""
    def formula(n: Node) -> bool:
        return n.kind == "paragraph" and bool(n.text) and not (n.num or n.cells or n.children)

    i = 0
    while i < len(nodes) and nodes[i].kind in OPENING:
        i += 1
    j = i
    while j < len(nodes) and formula(nodes[j]):
        j += 1
    if not (j < len(nodes) and nodes[j].kind == "paragraph" and nodes[j].num):
        j = i  # no numbered paragraph follows: these paragraphs are body text, not a formula
    k = len(nodes)
    while k > j and nodes[k - 1].kind in CLOSING:
        k -= 1
    if k == j:  # Akoma Ntoso requires a body: an instrument with nothing else keeps everything there
        return Layout([], [], nodes, [])
    return Layout(nodes[:i], nodes[i:j], nodes[j:k], nodes[k:])


# --- text with inline markup ------------------------------------------------------------------------------------
Span = tuple[int, int, Callable[[str], ET.Element]]


def _fill(parent: ET.Element, text: str, spans: Iterable[Span]) -> ET.Element:
    """Put `text` into `parent`, the pieces under `spans` wrapped in the elements their factories make."""
    pos, last = 0, None
    parent.text = ""
    for start, end, make in sorted(spans, key=lambda s: s[0]):
        if start < pos:
            continue  # overlapping spans: the first wins
        if last is None:
            parent.text += text[pos:start]
        else:
            last.tail = (last.tail or "") + text[pos:start]
        last = make(text[start:end])
        parent.append(last)
        pos = end
    if last is None:
        parent.text += text[pos:]
    else:
        last.tail = (last.tail or "") + text[pos:]
    parent.text = parent.text or None
    return parent


def _wrap(tag: str, attrib: dict[str, str | None] | None = None,
          inner: Callable[[str], ET.Element] | None = None) -> Callable[[str], ET.Element]:
    def make(piece: str) -> ET.Element:
        e = _el(tag, attrib)
        if inner is None:
            e.text = piece
        else:
            e.append(inner(piece))
        return e
    return make


def _phrase_spans(text: str, phrases: Iterable[str], make: Callable[[str], ET.Element]) -> list[Span]:
    return [(m.start(), m.end(), make) for p in phrases if p for m in re.finditer(re.escape(p), text)]


def _measure_ref_spans(text: str, refs: Iterable[str]) -> list[Span]:
    """Where the text names the measures a closing-note item lists: ranges as `rref`, single numbers as `ref`."""
    spans: list[Span] = []
    for ref in sorted(refs, key=len, reverse=True):
        first, _, last = ref.partition("-")
        pattern = rf"(?<![\d.]){re.escape(ref)}(?!\d|\.\d|-\d)"
        for m in re.finditer(pattern, text):
            attrib = ({"from": "#" + ids.measure_anchor(first), "upTo": "#" + ids.measure_anchor(last)} if last
                      else {"href": "#" + ids.measure_anchor(first)})
            spans.append((m.start(), m.end(), _wrap("rref" if last else "ref", attrib)))
    return spans


def _nest(text: str, found: list[tuple[int, int, Instrument]]) -> list[tuple[int, int, Instrument, list]]:
    """Citations as non-overlapping top-level spans, each with the spans inside it. Where two overlap, the outer one
    narrows to the quoted title of its own («…» və «…» qanunları names two laws, each by its quoted title); where it
    has none, the inner one nests in it (the Palermo Protocol's English title names the Convention it supplements)."""
    spans = sorted(found, key=lambda f: (f[0], -f[1]))
    narrowed = []
    for a, b, ins in spans:
        if any(x < b and a < y and (x, y) != (a, b) for x, y, _ in spans):
            q = next((m for m in re.finditer(r"[«“][^«»“”]+[»”]", text[a:b])
                      if m.group(0)[1:-1] in (ins.title.az + " " + (ins.title.en or ""))), None)
            if q:
                a, b = a + q.start(), a + q.end()
        narrowed.append((a, b, ins))
    out: list[tuple[int, int, Instrument, list]] = []
    for a, b, ins in sorted(narrowed, key=lambda f: (f[0], -f[1])):
        if out and a >= out[-1][0] and b <= out[-1][1]:
            out[-1][3].append((a, b, ins))
        elif not out or a >= out[-1][1]:
            out.append((a, b, ins, []))
    return out


# --- the builder ------------------------------------------------------------------------------------------------
class _Builder:
    """Builds one document in one language; records the bodies it refers to, for the references section."""

    def __init__(self, cat: Catalog, doc: Document, lang: str, generated: dt.date):
        self.cat, self.doc, self.lang, self.generated = cat, doc, lang, generated
        self.frbr = frbr(doc)
        self.bodies: dict[str, None] = {}  # referenced body ids, in first-use order
        self.instruments: dict[str, None] = {}  # cited instrument ids, in first-use order
        self.citations: dict[str, list] = {}  # unit id → the citations standing in it
        self.ref_counts: dict[str, int] = {}  # unit eId → refs numbered in it so far
        for c in cat.citations:
            if c.document == doc.id:
                self.citations.setdefault(c.unit, []).append(c)

    # text
    def _text(self, t: Text) -> str:
        return t.in_lang(self.lang)

    def _block(self, tag: str, t: Text, attrib: dict[str, str | None] | None = None,
               spans: Callable[[str], list[Span]] | None = None) -> ET.Element:
        """A text element; text shown in Azerbaijani where the English is missing says so in xml:lang."""
        e = _el(tag, attrib)
        if t.lang_used(self.lang) != self.lang:
            e.set(XML_LANG, t.lang_used(self.lang))
        text = self._text(t)
        return _fill(e, text, spans(text) if spans else [])

    def _ref(self, body_id: str | None) -> str | None:
        if body_id is None or body_id not in self.cat.bodies:
            return None
        self.bodies.setdefault(body_id)
        return "#" + org_eid(body_id)

    def _node_spans(self, node: Node) -> Callable[[str], list[Span]]:
        def spans(text: str) -> list[Span]:
            out = self._citation_spans(node.id, text)
            out += _phrase_spans(text, node.strong, _wrap("b"))
            if node.recommends:
                out += _measure_ref_spans(text, node.recommends.measures)
            return out
        return spans

    def _citation_spans(self, anchor: str, text: str) -> list[Span]:
        """The instruments the unit at `anchor` cites, each as a `ref` to its TLCReference, at its pinpoint in the
        language shown (the English one where the translation names it; see planreader.data.citations)."""
        found: list[tuple[int, int, Instrument]] = []
        for c in self.citations.get(str(ids.UnitId(self.doc.id, anchor, "text")), []):
            ins = self.cat.instruments[c.instrument]
            # The text shown is the Azerbaijani (also where the English is missing) or the English translation.
            if text[c.start:c.end] in ins.forms:
                found.append((c.start, c.end, ins))
            elif c.en_start is not None and c.en_end is not None and text[c.en_start:c.en_end] in english_forms(ins):
                found.append((c.en_start, c.en_end, ins))
        return [(a, b, self._ref_maker(anchor, a, ins, inner)) for a, b, ins, inner in _nest(text, found)]

    def _ref_maker(self, anchor: str, start: int, ins: Instrument,
                   inner: list[tuple[int, int, Instrument]]) -> Callable[[str], ET.Element]:
        """The factory of one `ref` starting at `start` in its text; `inner` are the refs nested in it."""
        self.instruments.setdefault(ins.id)

        def make(piece: str) -> ET.Element:
            # eIds as the AKN naming convention has them: the unit's eId, then __ref_N in the unit's own order.
            self.ref_counts[anchor] = n = self.ref_counts.get(anchor, 0) + 1
            attrib = {"eId": f"{anchor}__ref_{n}", "href": instrument_iri(ins.id), "refersTo": "#" + instrument_eid(ins.id)}
            return _fill(_el("ref", attrib), piece, [(a - start, b - start, self._ref_maker(anchor, a, i, []))
                                                     for a, b, i in inner])
        return make

    def _own_blocks(self, node: Node) -> list[ET.Element]:
        """The node's own text and cells as paragraphs (its children are built separately)."""
        blocks = []
        if node.text:
            blocks.append(self._block("p", node.text, spans=self._node_spans(node)))
        blocks += [self._block("p", cell) for cell in node.cells or []]
        return blocks

    # preface, preamble, conclusions: blocks
    def _front_or_back(self, node: Node) -> ET.Element:
        plain = node.text is not None and not node.cells and not node.children
        if node.kind == "title" and plain:
            p = _el("p", {"eId": node.id, "class": "title"})
            p.append(self._block("docTitle", node.text))
            return p
        if node.kind == "paragraph":  # the enacting formula
            formula = _el("formula", {"name": "enactingFormula", "eId": node.id})
            formula.append(self._block("p", node.text, spans=self._node_spans(node)))
            return formula
        if node.kind == "signatory":
            box = _el("blockContainer", {"eId": node.id, "class": f"signatory {node.status}",
                                         "refersTo": self._ref(node.ref)})
            box.extend(self._own_blocks(node))
            return box
        if plain:
            return self._block("p", node.text, {"eId": node.id, "class": node.kind}, self._node_spans(node))
        box = _el("blockContainer", {"eId": node.id, "class": node.kind, "refersTo": self._ref(node.ref)})
        box.extend(self._own_blocks(node))
        box.extend(self._front_or_back(child) for child in node.children)
        return box

    # body: hierarchical elements
    def _hier(self, node: Node) -> ET.Element:
        if node.kind == "measures":
            return self._measures(node)
        if node.kind == "table":
            box = _el("hcontainer", {"name": "table", "eId": node.id})
            content = _sub(box, "content")
            content.extend(self._own_blocks(node))
            table = _sub(content, "table")
            self._rows(table, node.children, 0)
            return box
        tag = {"heading": "section" if node.children else "hcontainer", "paragraph": "paragraph",
               "item": "point"}.get(node.kind, "hcontainer")
        e = _el(tag, {"eId": node.id, "refersTo": self._ref(node.ref)})
        if tag == "hcontainer":
            e.set("name", node.kind)
        if node.num:
            _sub(e, "num", text=node.num + ".")
        blocks = self._own_blocks(node)
        if node.kind == "heading" and node.text:
            e.append(self._block("heading", node.text))
            blocks = blocks[1:]
        if node.children:
            if blocks:
                _sub(e, "intro").extend(blocks)
            e.extend(self._hier(child) for child in node.children)
        elif blocks:
            _sub(e, "content").extend(blocks)
        return e

    def _rows(self, table: ET.Element, rows: list[Node], level: int) -> None:
        """Rows and the rows nested under them, flat, as the site shows them (class level-N gives the depth)."""
        for row in rows:
            abbr = self.cat.abbreviations.get(row.abbr) if row.abbr else None
            tr = _sub(table, "tr", {"eId": row.id, "class": f"level-{level}",
                                    "refersTo": self._ref(row.ref or (abbr.body if abbr else None))})
            for cell in row.cells or ([row.text] if row.text else []):
                _sub(tr, "td").append(self._block("p", cell))
            self._rows(table, row.children, level + 1)

    # the measures table
    def _measures(self, node: Node) -> ET.Element:
        box = _el("hcontainer", {"name": "measures", "eId": node.id})
        for group, pms in groupby(self.cat.measures_of(self.doc.id), key=lambda pm: pm.group):
            g = _sub(box, "hcontainer", {"name": "group", "eId": ids.group_anchor(group.id)})
            _sub(g, "num", text=group.num + ".")
            g.append(self._block("heading", group.title))
            g.extend(self._measure(pm) for pm in pms)
        return box

    def _measure(self, pm: PlanMeasure) -> ET.Element:
        m = pm.measure
        anchor = ids.measure_anchor(m.num)
        e = _el("hcontainer", {"name": "measure", "eId": anchor})
        _sub(e, "num", text=m.num + ".")
        _sub(e, "intro").append(self._block("p", m.text, spans=lambda t: self._citation_spans(anchor, t)))
        for s in m.subitems:
            point_anchor = ids.subitem_anchor(m.num, s.label)
            point = _sub(e, "point", {"eId": point_anchor})
            _sub(point, "num", text=s.label + ")")
            _sub(point, "content").append(self._block("p", s.text,
                                                      spans=lambda t, a=point_anchor: self._citation_spans(a, t)))
        executors = _sub(e, "hcontainer", {"name": "executors", "eId": ids.facts_anchor(m.num, "executors"),
                                           "refersTo": " ".join(self._ref(b) for b in m.executors)})
        _sub(executors, "content").append(self._block("p", m.executors_text, spans=lambda t: self._body_spans(pm, t)))
        deadline = _sub(e, "hcontainer", {"name": "deadline", "eId": ids.facts_anchor(m.num, "deadline"),
                                          "class": "regular" if m.deadline.regular else None})
        _sub(deadline, "content").append(self._block("p", m.deadline.text))
        return e

    def _body_spans(self, pm: PlanMeasure, text: str) -> list[Span]:
        """The executors cell's body names as `organization`s; names the source marks as amended inside `ins`."""
        m = pm.measure
        named = list(dict.fromkeys([*m.executors, *m.involving]))
        if m.executors_text.lang_used(self.lang) == "az":  # the source's wordings, as the loader checks them
            found = body_spans(text, [(f, b) for b in named for f in self.cat.bodies[b].forms])
        else:  # the English cell names bodies by their English names, capitalised at the start of the cell
            found = body_spans(text, english_wordings(self.cat.bodies[b] for b in named), ignore_case=True)
        spans: list[Span] = []
        for start, end, body in found:
            org = _wrap("organization", {"refersTo": self._ref(body),
                                         "class": "executor" if body in m.executors else "involved"})
            if body in m.amended_executors:
                org = _wrap("ins", {"class": "amended"}, org)
            spans.append((start, end, org))
        return spans

    # the instruments
    def _fill_instrument(self, root: ET.Element, parts: list[list[Node]], index: int = 0) -> None:
        """Fill `root` (the act, or an attachment's doc) with instrument `index` and attach the next one to it."""
        lay = layout(parts[index])
        root.append(self._component_meta("main" if index == 0 else f"attachment_{index}"))
        if lay.preface:
            _sub(root, "preface").extend(self._front_or_back(n) for n in lay.preface)
        if lay.preamble:
            _sub(root, "preamble").extend(self._front_or_back(n) for n in lay.preamble)
        main = _sub(root, "body" if index == 0 else "mainBody")
        main.extend(self._hier(n) for n in lay.body)
        last = index == len(parts) - 1
        if last and not self.doc.source.complete:
            main.set("status", "incomplete")  # the source breaks off here; the act's meta notes what is missing
        if lay.conclusions:
            _sub(root, "conclusions").extend(self._front_or_back(n) for n in lay.conclusions)
        if not last:
            doc = _sub(_sub(_sub(root, "attachments"), "attachment"), "doc", {"name": "attachment"})
            self._fill_instrument(doc, parts, index + 1)

    def build(self) -> ET.Element:
        root = _el("akomaNtoso")
        act = _sub(root, "act", {"name": self.doc.kind,
                                 "contains": "singleVersion" if self.doc.amendments else "originalVersion"})
        self._fill_instrument(act, instruments(self.doc))
        self._main_meta(act.find(f"{{{NS}}}meta"))
        return root

    # metadata
    def _identification(self, component: str) -> ET.Element:
        doc, lang, f = self.doc, self.lang, self.frbr
        ident = _el("identification", {"source": "#" + READER})
        work = _sub(ident, "FRBRWork")
        _sub(work, "FRBRthis", {"value": f"{f.work}/!{component}"})
        _sub(work, "FRBRuri", {"value": f.work})
        if component == "main":  # the act's names; an attachment's own title is in its preface
            for name in ("title", "short_title", "label", "approves"):
                if getattr(doc, name) is not None:
                    _sub(work, "FRBRalias", {"value": self._text(getattr(doc, name)), "name": name})
        # An attached instrument made elsewhere (the CIS decision and its programme, Minsk, 28 November 2006) is
        # dated and authored as made, by its own body; the act itself by its issuer on its own date.
        made = doc.approved_act if component != "main" else None
        _sub(work, "FRBRdate", {"date": (made.date if made else doc.date).isoformat(), "name": "signature"})
        _sub(work, "FRBRauthor", {"href": self._ref(made.issuer) if made else "#" + ISSUER})
        _sub(work, "FRBRcountry", {"value": COUNTRY})
        _sub(work, "FRBRsubtype", {"value": doc.kind})
        _sub(work, "FRBRnumber", {"value": doc.number})
        _sub(work, "FRBRprescriptive", {"value": "true"})
        expr = _sub(ident, "FRBRExpression")
        _sub(expr, "FRBRthis", {"value": f"{f.expression(lang)}/!{component}"})
        _sub(expr, "FRBRuri", {"value": f.expression(lang)})
        _sub(expr, "FRBRdate", {"date": f.version or doc.date.isoformat(), "name": "amendment" if f.version else "signature"})
        _sub(expr, "FRBRauthor", {"href": "#" + (ISSUER if lang == "az" else READER)})
        _sub(expr, "FRBRauthoritative", {"value": "true" if lang == "az" else "false"})
        if lang != "az":
            _sub(expr, "FRBRmasterExpression", {"href": f.expression("az"), "showAs": doc.title.az})
        _sub(expr, "FRBRlanguage", {"language": ids.ISO639_2[lang]})
        if lang != "az":  # the AKN way to say: an unofficial translation of the Azerbaijani expression
            _sub(expr, "FRBRtranslation", {"href": f.expression("az"), "fromLanguage": ids.ISO639_2["az"],
                                           "authoritative": "false", "by": "#" + READER})
        man = _sub(ident, "FRBRManifestation")
        _sub(man, "FRBRthis", {"value": f"{f.expression(lang)}/!{component}.xml"})
        _sub(man, "FRBRuri", {"value": f.manifestation(lang)})
        _sub(man, "FRBRdate", {"date": self.generated.isoformat(), "name": "Generation"})
        _sub(man, "FRBRauthor", {"href": "#" + READER})
        _sub(man, "FRBRformat", {"value": MEDIA_TYPE})
        return ident

    def _component_meta(self, component: str) -> ET.Element:
        meta = _el("meta")
        meta.append(self._identification(component))
        return meta

    def _issuer_href(self) -> str:
        """The issuer's ontology IRI: the registry body's where the registry names it so (the President …)."""
        body = next((b for b in self.cat.bodies.values() if b.name.az == self.doc.issuer.az), None)
        return f"/akn/ontology/organization/az/{body.id if body else _slug(self.doc.issuer.en or self.doc.issuer.az)}"

    def _main_meta(self, meta: ET.Element) -> None:
        doc, lang = self.doc, self.lang
        if doc.publications:
            p = doc.publications[0]
            _sub(meta, "publication", {"date": p.date.isoformat(), "name": self._text(p.outlet),
                                       "showAs": self._text(p.outlet), "number": p.issue})
        life = _sub(meta, "lifecycle", {"source": "#" + READER})
        _sub(life, "eventRef", {"eId": "evt_generation", "date": doc.date.isoformat(), "source": "#ref_original",
                                "type": "generation"})
        for i, a in enumerate(sorted(doc.amendments, key=lambda a: a.date), 1):
            _sub(life, "eventRef", {"eId": f"evt_amendment_{i}", "date": a.date.isoformat(),
                                    "source": f"#ref_amendment_{i}", "type": "amendment"})
        refs = _sub(meta, "references", {"source": "#" + READER})
        _sub(refs, "original", {"eId": "ref_original", "href": self.frbr.original("az"), "showAs": self._text(doc.title)})
        for i, a in enumerate(sorted(doc.amendments, key=lambda a: a.date), 1):
            _sub(refs, "passiveRef", {"eId": f"ref_amendment_{i}", "href": amendment_work(a.kind, a.date, a.number),
                                      "showAs": amendment_title(a.kind, a.date, a.number, lang)})
        _sub(refs, "TLCOrganization", {"eId": READER, "href": "/akn/ontology/organization/az/reader",
                                       "showAs": READER_NAME})
        # The issuer as the act names it; its href equals the registry body's, if there is one, to say it is that body.
        _sub(refs, "TLCOrganization", {"eId": ISSUER, "href": self._issuer_href(), "showAs": self._text(doc.issuer)})
        for body_id in self.bodies:
            b = self.cat.bodies[body_id]
            _sub(refs, "TLCOrganization", {"eId": org_eid(b.id), "href": f"/akn/ontology/organization/az/{b.id}",
                                           "showAs": self._text(b.name), "shortForm": self._text(b.short) if b.short else None})
        for instrument_id in self.instruments:
            ins = self.cat.instruments[instrument_id]
            _sub(refs, "TLCReference", {"eId": instrument_eid(ins.id), "href": instrument_iri(ins.id),
                                        "showAs": self._text(ins.title), "name": ins.kind})
        _sub(refs, "TLCPerson", {"eId": "person_signatory",
                                 "href": f"/akn/ontology/person/az/{_slug(doc.signatory.en or doc.signatory.az)}",
                                 "showAs": self._text(doc.signatory)})
        _sub(refs, "TLCLocation", {"eId": "location_place",
                                   "href": f"/akn/ontology/location/az/{_slug(doc.place.en or doc.place.az)}",
                                   "showAs": self._text(doc.place)})
        if doc.approved_act:
            _sub(refs, "TLCLocation", {"eId": "location_approved_act",
                                       "href": f"/akn/ontology/location/{_slug(doc.approved_act.place.en or doc.approved_act.place.az)}",
                                       "showAs": self._text(doc.approved_act.place)})
        if doc.source.note:
            note = _sub(_sub(meta, "notes", {"source": "#" + READER}), "note", {"eId": "note_source"})
            note.append(self._block("p", doc.source.note))


def _indent(e: ET.Element, level: int = 0) -> None:
    """Indent element-only content; text elements (p, heading, num) keep their text exactly."""
    if e.tag.rpartition("}")[2] in _TEXT_ELEMENTS or len(e) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    e.text = pad
    for child in e:
        _indent(child, level + 1)
        child.tail = pad
    e[-1].tail = "\n" + "  " * level


def document_xml(cat: Catalog, doc: Document, lang: str, generated: dt.date | None = None) -> ET.Element:
    """The Akoma Ntoso tree of `doc` in `lang` ("az" authoritative, "en" unofficial translation)."""
    root = _Builder(cat, doc, lang, generated or build_date()).build()
    _indent(root)
    return root


def to_bytes(root: ET.Element) -> bytes:
    # Akoma Ntoso is the default namespace (no prefix), as in every published AKN file. ElementTree's
    # default_namespace option refuses unprefixed attributes, so the prefix is registered instead (for this
    # namespace only; other XML the project writes is unaffected).
    ET.register_namespace("", NS)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def write(cat: Catalog, site_dir: Path) -> list[Path]:
    """Write data/akn/<document>.<lang>.xml under the site root; return the files written."""
    written = []
    generated = build_date()  # the manifestation's date
    for doc in cat.documents.values():
        for lang in ids.LANGS:
            path = site_dir / ids.akn_file(doc.id, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(to_bytes(document_xml(cat, doc, lang, generated)))
            written.append(path)
    return written
