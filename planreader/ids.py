"""The identifier scheme in one place: anchors, page paths, permanent links and unit ids, each built and parsed here.

Every id is ASCII and identical in both languages. Paths are relative to a language root (`/az/`, `/en/`) or,
for permanent links, to the site root. Nothing else in the project glues or splits identifiers.
"""
from __future__ import annotations

import re
from urllib.parse import quote
from dataclasses import dataclass

LANGS = ("az", "en")

# --- anchors inside a document page --------------------------------------------------------------------------
# Azerbaijani sub-item letters outside ASCII get fixed ASCII spellings so anchors stay ASCII.
_ASCII_LABEL = {"ç": "ch", "ə": "ae", "ğ": "gh", "ı": "iy", "ö": "oe", "ş": "sh", "ü": "ue"}
_LABEL_OF_ASCII = {v: k for k, v in _ASCII_LABEL.items()}


def measure_slug(num: str) -> str:
    """"13.2.9" -> "13-2-9" (dots would read as file extensions in paths)."""
    return num.replace(".", "-")


def measure_anchor(num: str) -> str:
    return "m-" + measure_slug(num)


def subitem_anchor(num: str, label: str) -> str:
    return f"{measure_anchor(num)}-{_ASCII_LABEL.get(label, label)}"


def group_anchor(group_id: str) -> str:
    return "g-" + group_id


def facts_anchor(num: str, field: str) -> str:
    """A measure's executors or deadline cell: "m-13-2-9-executors", "m-13-2-9-deadline"."""
    return f"{measure_anchor(num)}-{field}"


def letter_anchor(letter: str) -> str:
    """The heading of an index letter: "Ə" -> "letter-ae", "İ" -> "letter-i", "I" -> "letter-iy"."""
    lower = {"I": "ı", "İ": "i"}.get(letter, letter.lower())
    return "letter-" + _ASCII_LABEL.get(lower, lower if lower.isascii() and lower.isalnum() else f"u{ord(lower):04x}")


@dataclass(frozen=True)
class Anchor:
    """What an anchor names: a measure ("m-13-2-9"), a sub-item ("m-2-4-ch"), a group ("g-13-2") or a node."""

    kind: str  # measure | subitem | group | node
    num: str | None = None  # measure number, for measures and sub-items
    label: str | None = None  # sub-item letter, in the Azerbaijani alphabet
    group: str | None = None  # group id
    node: str | None = None  # node id, for everything else


_MEASURE = re.compile(r"m-(\d+(?:-\d+)+)(?:-([a-z]{1,2}))?")


def parse_anchor(anchor: str) -> Anchor:
    if anchor.startswith("g-"):
        return Anchor("group", group=anchor[2:])
    m = _MEASURE.fullmatch(anchor)
    if m:
        num = m.group(1).replace("-", ".")
        if m.group(2):
            return Anchor("subitem", num=num, label=_LABEL_OF_ASCII.get(m.group(2), m.group(2)))
        return Anchor("measure", num=num)
    return Anchor("node", node=anchor)


# --- page paths, relative to a language root ------------------------------------------------------------------
def document(doc_id: str) -> str:
    return f"{doc_id}/"


def parallel(doc_id: str) -> str:
    return f"{doc_id}/parallel/"


def repairs(doc_id: str) -> str:
    """The page listing every repair of the document's source text (data/repairs/<id>.yml)."""
    return f"{doc_id}/repairs/"


def measure(doc_id: str, num: str) -> str:
    return f"{doc_id}/measures/{measure_slug(num)}/"


def in_document(doc_id: str, anchor: str) -> str:
    """A unit's place in the full text."""
    return f"{document(doc_id)}#{anchor}"


def in_parallel(doc_id: str, anchor: str) -> str:
    """A unit's row in the side-by-side view (rows carry the full text's anchors)."""
    return f"{parallel(doc_id)}#{anchor}"


def body(body_id: str) -> str:
    return f"bodies/{body_id}/"


def instrument(instrument_id: str) -> str:
    return f"instruments/{instrument_id}/"


def instruments_index() -> str:
    return "instruments/"


def abbreviation(abbr_id: str) -> str:
    return f"abbreviations/{abbr_id}/"


def term(term_id: str) -> str:
    return f"glossary/{term_id}/"


def glossary(direction: str) -> str:
    """direction: "az-en" (Azerbaijani→English) or "en-az"."""
    return f"glossary/{direction}/"


def measures_index() -> str:
    return "measures/"


def bodies_index() -> str:
    return "bodies/"


def abbreviations_index() -> str:
    return "abbreviations/"


def glossary_index() -> str:
    return "glossary/"


def search() -> str:
    return "search/"


def translation_status() -> str:
    return "translation-status/"


def overview() -> str:
    return "overview/"


def src_path(url: str) -> str:
    """The Markdown file name MkDocs gives the page at `url` (with use_directory_urls)."""
    return (url.rstrip("/") + "/index.md") if url else "index.md"


def relative(from_url: str, to_url: str) -> str:
    """An href from one page to another, relative, so the site works from any sub-path."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    if to_url == from_url:
        return anchor or "./"
    # posixpath.relpath's answer for these root-relative URLs, without its normalising (pages link 50,000 times
    # at 16 times today's corpus): up out of what the two do not share, then down.
    here, there = from_url.split("/"), to_url.split("/")
    here, there = [p for p in here if p], [p for p in there if p]
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    parts = [".."] * (len(here) - shared) + there[shared:]
    return ("/".join(parts) + "/" if parts else "./") + anchor


# --- permanent links, relative to the site root --------------------------------------------------------------
@dataclass(frozen=True)
class Permalink:
    """/id/[<lang>/]<document>/[<number>/[<sub-item letter>/]]: the address to cite. Without a language it opens
    the reader's language; with one, that language (an English citation opens English)."""

    document: str
    num: str | None = None
    label: str | None = None
    lang: str | None = None

    @property
    def path(self) -> str:
        parts = ["id"] + ([self.lang] if self.lang else []) + [self.document]
        parts += [p for p in (self.num, self.label) if p]
        return "/".join(parts) + "/"

    @property
    def target(self) -> str:
        """The page (and anchor) it opens, relative to a language root."""
        if self.num is None:
            return document(self.document)
        if self.label is None:
            return measure(self.document, self.num)
        return in_document(self.document, subitem_anchor(self.num, self.label))


def parse_permalink(path: str) -> Permalink:
    parts = path.strip("/").split("/")
    if not parts or parts[0] != "id" or len(parts) < 2:
        raise ValueError(f"not a permanent link: {path!r}")
    parts = parts[1:]
    lang = parts.pop(0) if parts[0] in LANGS else None
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a permanent link: {path!r}")
    return Permalink(parts[0], *parts[1:], lang=lang)  # type: ignore[misc]


# --- translatable text units ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitId:
    """"nap-2014-2018:m-13-2-9:text": the scope (a document id, or "bodies"/"abbreviations"), the anchor or record
    id inside it, and the field. Translators name units by it; the translation state is keyed by it."""

    scope: str
    key: str
    field: str

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}:{self.field}"


def parse_unit_id(text: str) -> UnitId:
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"not a unit id: {text!r}; unit ids look like nap-2014-2018:m-13-2-9:text")
    return UnitId(*parts)


# --- open data files and legal-data identifiers ----------------------------------------------------------------
# ISO 639-2 codes: Akoma Ntoso names an expression's language with them ("aze", "eng").
ISO639_2 = {"az": "aze", "en": "eng"}


def akn_file(doc_id: str, lang: str) -> str:
    """A document's Akoma Ntoso XML in one language, relative to the site root."""
    return f"data/akn/{doc_id}.{lang}.xml"


def fulltext_file(doc_id: str, ext: str) -> str:
    """A document's full text as open data ("json" or "csv"), relative to the site root."""
    return f"data/fulltext/{doc_id}.{ext}"


def pdf_file(doc_id: str, edition: str) -> str:
    """A document's PDF, relative to the site root: edition "az", "en", or "az-en" (both side by side)."""
    return f"data/pdf/{doc_id}.{edition}.pdf"


def akn_work(country: str, subtype: str, date: str, number: str) -> str:
    """The Akoma Ntoso work IRI (naming convention 1.0): /akn/<country>/act/<subtype>/<date>/<number>,
    e.g. /akn/az/act/order/2014-07-24/667; characters a path cannot hold are percent-encoded."""
    return "/".join(["", "akn", country, "act", subtype, date, quote(number, safe="-._~")])


def akn_expression(work: str, lang: str, version: str | None) -> str:
    """The work in one language and version: ".../aze@2017-08-07" (as amended on that date) or ".../aze@" (original)."""
    return f"{work}/{ISO639_2[lang]}@{version or ''}"
