"""Typed records of the data files: the schema every file in data/ is validated against."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# ASCII ids are used in URLs and anchors, identical in both languages.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
MeasureNum = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)+$")]
# Sub-item labels follow the Azerbaijani alphabet: a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z.
AZ_LETTERS = "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z".split()
SubLabel = Literal[tuple(AZ_LETTERS)]  # type: ignore[valid-type]


# Control characters (Cc, the newline included) and the line and paragraph separators: one search finds either.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Unicode's format characters (category Cf: soft hyphen, zero-width and bidi controls, BOM, tags …) as of Unicode 15;
# one search instead of a category lookup per character. tests/test_loader.py checks it against unicodedata.
_FORMAT = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                     "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                     "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
# Everything str.splitlines() breaks a line at: the newline, the carriage return, the line and paragraph separators …
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def visible_text(v: str) -> str:
    """Refuse line breaks (every text field holds one line: pages put a field's text where one line is expected,
    and a break there would start a new Markdown block), and characters a reader cannot see but that change what is
    shown or searched: control characters (NUL, escape …) and Unicode format characters (bidi overrides, zero-width
    spaces, soft hyphens, BOM)."""
    m = _CONTROL.search(v)
    if m and m.group() in _LINE_BREAKS:
        raise ValueError(f"contains a line break at position {m.start() + 1}; every text field holds one line: join "
                         f"the lines (a new paragraph of a document is a node of its own)")
    m = m or _FORMAT.search(v)
    if m:
        bad = m.group()
        name = unicodedata.name(bad, "control character")
        raise ValueError(f"contains the invisible character U+{ord(bad):04X} {name} at position {v.index(bad) + 1}; "
                         f"remove it (retype the text around it if unsure)")
    return v


def phrase(v: str) -> str:
    """A wording to find in running text (a glossary term, variant or form, a body's form, a connector)."""
    if not v.strip():
        raise ValueError("is empty; write the phrase or remove the entry")
    if v != v.strip():
        raise ValueError("starts or ends with whitespace; trim it")
    if not re.search(r"\w", v):
        raise ValueError("holds no letter or digit, so it can never match a word; write the phrase as it stands in "
                         "the text")
    return v


Phrase = Annotated[str, AfterValidator(phrase)]


def source_name(v: str) -> str:
    """The plain name of a file in sources/: never a path, so no data file can make the tools read elsewhere."""
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", v) or ".." in v:
        raise ValueError("must be the plain name of a file in sources/ (such as 004_2638944a52eb9928.txt), "
                         "not a path")
    return v


SourceName = Annotated[str, AfterValidator(source_name)]
def fingerprint(v: str) -> str:
    """What `make status --reviewed` records: the first 12 hexadecimal digits of the SHA-256 of the Azerbaijani."""
    if not re.fullmatch(r"[0-9a-f]{12}", v):
        raise ValueError("must be a fingerprint of 12 hexadecimal digits, as `make status --reviewed` writes it")
    return v


Fingerprint = Annotated[str, AfterValidator(fingerprint)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _visible(cls, v: object) -> object:
        for s in v if isinstance(v, list) else [v]:
            if isinstance(s, str):
                visible_text(s)
        return v


class Text(Record):
    """One text unit: the authoritative Azerbaijani and the unofficial English translation."""

    az: str
    en: str = ""

    @field_validator("az")
    @classmethod
    def _az_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("the Azerbaijani text is empty; write the text as it stands in the source")
        return v

    def lang_used(self, lang: str) -> str:
        """The language a reader of `lang` sees: English once translated, otherwise the authoritative Azerbaijani."""
        return "en" if lang == "en" and self.en else "az"

    def in_lang(self, lang: str) -> str:
        return self.en if self.lang_used(lang) == "en" else self.az

    @field_validator("az", "en")
    @classmethod
    def _no_stray_space(cls, v: str) -> str:
        if v != v.strip():
            raise ValueError("text starts or ends with whitespace; trim it")
        return v


class Succession(Record):
    body: Id
    basis: Text  # where the succession is documented; never inferred


class Body(Record):
    id: Id
    name: Text
    short: Text | None = None
    kind: Literal[
        "state", "parliament", "head-of-state", "government", "ministry", "state-committee", "service",
        "agency", "court", "prosecution", "ombudsman", "coordinator", "local-authorities",
        "category", "ngo", "media", "bar", "council", "international-organization", "cis-body",
    ]
    # Exact forms (including inflected ones) in which the sources name the body; used to check that
    # every executor list names exactly the bodies it references.
    forms: list[Phrase] = Field(default_factory=list)
    # English wordings an executors cell may use besides `name` and `short`: the name as the source prints it
    # where the official English name differs (13.9.1 prints no "State" before the Civil Aviation Administration).
    en_forms: list[Phrase] = Field(default_factory=list)
    # Ids this record was published under before a rename: their pages redirect here, and open data lists them.
    former_ids: list[Id] = Field(default_factory=list)
    replaces: Succession | None = None
    replaced_by: Succession | None = None
    note: Text | None = None


INSTRUMENT_KINDS = (
    "constitution", "law", "code", "presidential-decree", "presidential-order", "cabinet-decision", "rules",
    "regulation", "state-programme", "action-plan", "international-convention", "protocol", "cis-agreement",
    "cis-decision", "un-document",
)


class Identifier(Record):
    """An identifier the texts do not print (a CETS number): kept only with the basis it comes from."""

    value: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    basis: Text


class Instrument(Record):
    """An instrument the documents cite: found in their text by its `forms` (see data/instruments.yml)."""

    id: Id
    kind: Literal[INSTRUMENT_KINDS]  # type: ignore[valid-type]
    title: Text
    short: Text | None = None
    date: dt.date | None = None  # only as the texts print it
    number: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z-]{1,20}$")] | None = None
    identifier: Identifier | None = None
    note: Text | None = None
    # Exact Azerbaijani wordings in which the texts cite it (inflected ones included); each must occur.
    forms: list[Phrase] = Field(min_length=1)
    # Exact English wordings in which the translation cites it, besides its English title and short title
    # (“On Combating Trafficking in Human Beings” inside "the Laws … “On …” and “On …”"); the terminology check
    # asks for one in every translated citing unit, and each must occur in one.
    en_forms: list[Phrase] = Field(default_factory=list)


class Abbreviation(Record):
    id: Id
    abbreviation: Text
    expansion: Text
    body: Id | None = None
    en_coined: bool = False  # the English abbreviation was made for this site; the body has none of its own
    note: Text | None = None


class Deadline(Record):
    text: Text
    start: int | None = None
    end: int | None = None
    regular: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> "Deadline":
        years = [int(y) for y in re.findall(r"\b(1\d{3}|2\d{3})\b", self.text.az)]
        says_regular = "mütəmadi" in self.text.az
        if self.regular != says_regular:
            raise ValueError(f"regular is {self.regular} but the wording {self.text.az!r} "
                             f"{'says' if says_regular else 'does not say'} 'mütəmadi'")
        if self.regular:
            if self.start is not None or self.end is not None:
                raise ValueError("a regular ('mütəmadi') deadline has no start or end year")
            return self
        if self.start is None or self.end is None:
            raise ValueError("give start and end years (equal for a single year), or regular: true")
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        expected = [self.start] if self.start == self.end else [self.start, self.end]
        if years != expected:
            raise ValueError(f"start/end {self.start}-{self.end} do not match the wording {self.text.az!r}")
        return self


class SubItem(Record):
    label: SubLabel
    text: Text


class Measure(Record):
    num: MeasureNum
    text: Text
    subitems: list[SubItem] = Field(default_factory=list)
    deadline: Deadline
    executors_text: Text  # the executors cell as printed; executors are the bodies it names
    executors: list[Id] = Field(min_length=1)
    involving: list[Id] = Field(default_factory=list)  # "… cəlb etməklə": bodies to be involved
    amended_executors: list[Id] = Field(default_factory=list)  # names the source marks <i>amended</i>
    approving_body: Text | None = None  # CIS table's last column; empty throughout the source
    translator_note: str | None = None  # English only: what the translation chose and why; shown on English pages

    @model_validator(mode="after")
    def _lists(self) -> "Measure":
        labels = [s.label for s in self.subitems]
        if labels != AZ_LETTERS[: len(labels)]:
            raise ValueError(f"sub-item labels {labels} must run {AZ_LETTERS[:max(len(labels), 1)]} in order")
        for name in ("executors", "involving"):
            seq = getattr(self, name)
            if len(set(seq)) != len(seq):
                raise ValueError(f"{name} lists a body twice: {seq}")
        stray = set(self.amended_executors) - set(self.executors) - set(self.involving)
        if stray:
            raise ValueError(f"amended_executors {sorted(stray)} are not among the executors")
        return self


class Group(Record):
    id: Id
    num: str
    title: Text
    measures: list[Measure] = Field(min_length=1)


class MeasureFile(Record):
    document: Id
    groups: list[Group] = Field(min_length=1)


NodeKind = Literal["title", "heading", "paragraph", "item", "line", "stamp", "table", "row", "signatory", "measures", "note"]
SignStatus = Literal["signed", "signed-special-opinion", "signed-reservation", "not-signed"]
SIGNATURE_WORDING: dict[str, SignStatus] = {
    "(imza)": "signed",
    "(imza, xüsusi rəylə)": "signed-special-opinion",
    "(imza, qeyd-şərtlə)": "signed-reservation",
    "—": "not-signed",
}


class Recommendation(Record):
    """A closing-note item: a body recommended to take part in the listed measures."""

    body: Id
    measures: list[str] = Field(min_length=1)  # numbers or ranges, e.g. "13.3.3-13.3.5"


class Node(Record):
    """One unit of a document's text, in reading order; `id` is its stable anchor."""

    id: Id
    kind: NodeKind
    num: str | None = None
    text: Text | None = None
    cells: list[Text] | None = None
    children: list[Node] = Field(default_factory=list)
    ref: Id | None = None  # the body this node names (a signatory state, a closing-note addressee)
    abbr: Id | None = None  # the abbreviation this node defines (the CIS programme's list)
    status: SignStatus | None = None
    recommends: Recommendation | None = None
    strong: list[str] = Field(default_factory=list)  # phrases of `text` the original sets in bold
    translator_note: str | None = None  # English only: what the translation chose and why; shown on English pages

    @model_validator(mode="after")
    def _shape(self) -> "Node":
        if self.kind == "measures":
            if self.text or self.cells or self.children:
                raise ValueError("a 'measures' node only marks where the measures table stands; it holds no text")
        elif self.kind == "table":
            if not self.children:
                raise ValueError("a table needs rows in 'children'")
        elif self.kind == "row":
            if not self.cells and not self.children:
                raise ValueError("a row needs 'cells' or 'children'")
        elif self.kind == "signatory":
            if not (self.ref and self.status and self.cells and len(self.cells) == 2):
                raise ValueError("a signatory needs ref (the state), status and two cells (name, signature)")
            wording = SIGNATURE_WORDING.get(self.cells[1].az)
            if wording != self.status:
                raise ValueError(f"status {self.status!r} does not match the signature {self.cells[1].az!r}; "
                                 f"valid: {SIGNATURE_WORDING}")
        elif self.text is None and not self.children:
            raise ValueError(f"a {self.kind} node needs 'text' or 'children'")
        return self


def walk(nodes: list[Node], path: tuple = ("body",)) -> Iterator[tuple[Node, tuple]]:
    """Every node in reading order, with where it sits in its file (for located error messages)."""
    for i, n in enumerate(nodes):
        yield n, path + (i,)
        yield from walk(n.children, path + (i, "children"))


class Publication(Record):
    outlet: Text
    date: dt.date
    issue: str | None = None
    article: str | None = None


class Amendment(Record):
    kind: Literal["decree", "order", "law"]
    date: dt.date
    number: str | None = None


class ApprovedAct(Record):
    """An instrument the act approves that was made elsewhere, by another body (the CIS decision, Minsk 2006)."""

    kind: Literal["decision"]
    date: dt.date
    place: Text
    issuer: Id  # a body of data/bodies.yml


class SourceInfo(Record):
    file: SourceName
    complete: bool
    note: Text | None = None  # what the source lacks, when it is incomplete

    @model_validator(mode="after")
    def _note_when_incomplete(self) -> "SourceInfo":
        if not self.complete and self.note is None:
            raise ValueError("an incomplete source needs a note saying what is missing")
        return self


class Document(Record):
    id: Id
    kind: Literal["law", "order"]
    number: str
    date: dt.date
    place: Text
    issuer: Text
    signatory: Text
    short_title: Text
    label: Text | None = None  # a few words for table headings and chart legends ("NAP 2014–2018")
    title: Text
    approves: Text  # the plan or programme the act approves
    approved_act: ApprovedAct | None = None  # the attached instrument's own date, place and issuer, when not the act's
    publications: list[Publication] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    source: SourceInfo
    body: list[Node] = Field(min_length=1)


class Repair(Record):
    """A fix of a PDF-extraction artefact, applied to the whitespace-normalised source text."""

    find: str
    replace: str
    kind: Literal["broken-word", "broken-number", "artefact", "markup"]
    count: int = Field(default=1, ge=1)  # how often `find` occurs; checked, so a stale repair is caught
    note: str


class RepairFile(Record):
    source: SourceName  # file name in sources/ (the repository's copies of the published texts)
    repairs: list[Repair]


class BodiesFile(Record):
    """data/bodies.yml as a whole (the loader validates each body on its own, to report them all)."""

    connectors: list[Phrase]
    bodies: list[Body]


class InstrumentsFile(Record):
    """data/instruments.yml as a whole (the loader validates each instrument on its own, to report them all)."""

    instruments: list[Instrument]


class AbbreviationsFile(Record):
    abbreviations: list[Abbreviation]




class TermSide(Record):
    """One language of a glossary concept: the preferred term, admitted variants, and the forms to find it by."""

    term: Phrase
    variants: list[Phrase] = Field(default_factory=list)
    # Azerbaijani is agglutinative: the inflected forms that occur in the texts (qurban, qurbanları, qurbanlarının …).
    forms: list[Phrase] = Field(default_factory=list)
    # English only: renderings a reviewer ruled out ("custody" for himayə); a text using one fails the
    # terminology check unless data/glossary/exceptions.yml records the unit as reviewed.
    avoid: list[Phrase] = Field(default_factory=list)


class Term(Record):
    id: Id
    az: TermSide
    en: TermSide
    definition: Text
    source: Text | None = None  # the instrument the term comes from, where there is one
    note: Text | None = None  # for translators
    related: list[Id] = Field(default_factory=list)
    former_ids: list[Id] = Field(default_factory=list)  # as on bodies: old addresses redirect here

    @model_validator(mode="after")
    def _en_has_no_forms(self) -> "Term":
        if self.en.forms:
            raise ValueError("en.forms is not used: English matching allows plurals of the term and its variants")
        if self.az.avoid:
            raise ValueError("az.avoid is not used: renderings to avoid are English (en.avoid)")
        admitted = {p.casefold() for p in [self.en.term, *self.en.variants]}
        both = [p for p in self.en.avoid if p.casefold() in admitted]
        if both:
            raise ValueError(f"en.avoid lists {both[0]!r}, which is also the term or a variant; keep it in one list")
        return self


class GlossaryFile(Record):
    terms: list[Term] = Field(min_length=1)


class TermException(Record):
    """A reviewed unit whose English may render a glossary term otherwise."""

    unit: str  # unit id, e.g. "nap-2014-2018:m-13-2-9:text"
    term: Id
    reason: str = Field(min_length=10)


class TermExceptionsFile(Record):
    exceptions: list[TermException] = Field(default_factory=list)


class Review(Record):
    """One unit's review: the fingerprints of the Azerbaijani and of the English as they stood when the English was
    reviewed, so a later change of either shows as needing review; who reviewed and when, where recorded."""

    az: Fingerprint
    en: Fingerprint | None = None  # None only in entries recorded before the English was fingerprinted
    by: str | None = Field(default=None, min_length=1, max_length=100)
    date: dt.date | None = None  # not `on`: YAML 1.1 reads that key as true


class TranslationState(Record):
    """data/translation-state.yml: for each reviewed text unit, its review (written by `make status --reviewed`).
    An entry that is a bare fingerprint is the earlier form: the Azerbaijani's fingerprint alone."""

    reviewed: dict[str, Review] = Field(default_factory=dict)

    @field_validator("reviewed", mode="before")
    @classmethod
    def _none_is_empty(cls, v: object) -> object:
        if v is None:
            return {}
        if isinstance(v, dict):
            return {k: {"az": r} if isinstance(r, str) else r for k, r in v.items()}
        return v


# The JSON Schema of every data file, published for editors that validate YAML as you type.
DATA_FILE_MODELS: dict[str, type[Record]] = {
    "document": Document, "measures": MeasureFile, "bodies": BodiesFile, "abbreviations": AbbreviationsFile,
    "repairs": RepairFile, "glossary": GlossaryFile, "glossary-exceptions": TermExceptionsFile,
    "translation-state": TranslationState, "instruments": InstrumentsFile,
}
