"""Query expansion tables for the search box: English spelling variants, Azerbaijani suffixes, synonym groups.

The browser (overrides/assets/search.js, PlanreaderSearchText) applies the same tables with the same algorithm;
the build writes them into search-lexicon/expand.json, and tests/test_search_text.py checks both implementations
against one committed table of cases. A spelling variant is only ever a candidate: the browser keeps it only if the
lexicon holds a word that starts with it, so a rule may over-generate without ever inventing a match.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from planreader.data.catalog import Catalog
from planreader.azerbaijani import az_lower
from planreader.search.aliases import load_aliases
from planreader.search.lexicon import fold, pagefind_fragments

# [pattern, replacement] in the syntax both Python's re and JavaScript's RegExp read alike ($1 becomes \1 here).
# Each rule turns an American spelling into the British one the texts use, or back (a translation may use either).
SPELLING_RULES: list[list[str]] = [
    ["^(.{2,})iz(.*)$", "$1is$2"],            # organization -> organisation, recognize -> recognise
    ["^(.{2,})is(.*)$", "$1iz$2"],
    ["^(.{2,})yz(.*)$", "$1ys$2"],            # analyze -> analyse
    ["^(.{2,})ys(.*)$", "$1yz$2"],
    ["^(.{2,})or(s|ed|ing|er|ers|able|ably|ite|ites)?$", "$1our$2"],   # labor -> labour, behavior -> behaviour
    ["^(.{2,})our(s|ed|ing|er|ers|able|ably|ite|ites)?$", "$1or$2"],
    ["^(.{2,}[^aeiou])er(s|ed)?$", "$1re$2"],   # center -> centre, theaters -> theatres
    ["^(.{2,}[^aeiou])re(s|d)?$", "$1er$2"],
    ["^(.{2,})ense(s)?$", "$1ence$2"],          # defense -> defence, offenses -> offences
    ["^(.{2,})ence(s)?$", "$1ense$2"],
    ["^(.{2,})og(s)?$", "$1ogue$2"],            # catalog -> catalogue
    ["^(.{2,})ogue(s)?$", "$1og$2"],
    ["^program(s|ed|ing)?$", "programme$1"],    # program -> programme
    ["^programme(s|d)?$", "program$1"],
    ["^(.{2,}[aeiou])l(ed|ing|er|ers)$", "$1ll$2"],   # traveled -> travelled, counseling -> counselling
    ["^(.{2,}[aeiou])ll(ed|ing|er|ers)$", "$1l$2"],
    ["^(.{2,})dgment(s)?$", "$1dgement$2"],     # judgment -> judgement
    ["^(.{2,})dgement(s)?$", "$1dgment$2"],
    ["^(.{2,})ll(ment|ments)$", "$1l$2"],       # enrollment -> enrolment, fulfillment -> fulfilment
    ["^(.{2,}[^l])l(ment|ments)$", "$1ll$2"],
]
_PY_RULES = [(re.compile(p), re.sub(r"\$(\d)", r"\\\1", r)) for p, r in SPELLING_RULES]


def spelling_variants(word: str) -> list[str]:
    """The other spellings a word may have (folded), one rule at a time, in rule order; not the word itself nor a
    prefix of it (a prefix would match the word as typed anyway)."""
    w = fold(word)
    out: list[str] = []
    for pattern, repl in _PY_RULES:
        if pattern.search(w):
            v = pattern.sub(repl, w, count=1)
            if v != w and not w.startswith(v) and v not in out:
                out.append(v)
    return out


# Azerbaijani inflectional endings, folded (ə->e, ı->i, ü->u …), tried longest first. Pagefind has no Azerbaijani
# stemmer but matches prefixes, so the stem of a query word finds every form of it: qurbanlarının -> qurban.
# Endings that are also common word endings (-ta/-tə of komitə, instrumental -la/-lə) are left out on purpose.
AZ_SUFFIXES: list[str] = sorted(
    ["ndaki", "ndeki", "daki", "deki", "ndan", "nden", "dan", "den", "nda", "nde", "lar", "ler", "nin", "nun",
     "dir", "dur", "in", "un", "ni", "nu", "yi", "yu", "si", "su", "na", "ne", "ya", "ye", "da", "de",
     "i", "u", "a", "e"], key=lambda s: (-len(s), s))
AZ_MIN_STEM = 4
# A stem whose ending softened before a vowel gets its dictionary form back: əməyi -> əmək, uşağı -> uşaq.
AZ_HARDEN = {"y": "k", "g": "q"}


def az_stems(word: str) -> list[str]:
    """The folded stem of an Azerbaijani word, endings stripped while at least AZ_MIN_STEM letters remain; when
    the last ending began with a vowel and the stem ends in a softened consonant, its hard form follows."""
    w = fold(word)
    if not w.isalpha():
        return [w]
    while True:
        for suffix in AZ_SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= AZ_MIN_STEM:
                w = w[: -len(suffix)]
                if suffix[0] in "aeiu" and w[-1] in AZ_HARDEN:
                    return [w, w[:-1] + AZ_HARDEN[w[-1]]]
                break
        else:
            return [w]


# Words a reader adds that say nothing about which page is meant ("hotline for victims": the measure has no
# "for"; "who protects witnesses": no page says "who"): not required in a match, never named as missing. Question
# and filler words of both languages are among them. A query of these alone is searched as it is. Folded.
STOPWORDS: dict[str, list[str]] = {
    "en": ["a", "about", "an", "and", "any", "are", "as", "at", "be", "by", "can", "could", "do", "does", "done",
           "for", "from", "has", "have", "how", "i", "in", "into", "is", "it", "its", "mean", "means", "must",
           "of", "on", "or", "say", "says", "should", "that", "the", "their", "there", "this", "to", "what",
           "whats", "when", "where", "which", "who", "whom", "why", "will", "with", "would"],
    "az": ["bu", "da", "de", "ki", "ve", "ya", "ile", "ucun", "o", "kim", "kimdir", "kimler", "ne", "nedir",
           "neler", "nece", "harada", "hara", "haradadir", "hansi", "hansilar", "niye", "neye", "zaman",
           "etmelidir", "edir", "edilir", "olunur", "olar", "olmalidir", "demekdir", "var", "yoxdur",
           "biler", "lazimdir", "mi", "mu", "barede", "haqqinda", "nedi"],
}
STOPWORDS = {lang: sorted({fold(w) for w in ws}) for lang, ws in STOPWORDS.items()}
DEFINITION_PATTERNS: dict[str, list[str]] = {
    # A definition question: its subject (group 1) is looked up as a glossary term first. Folded, whole query.
    "en": [r"^(?:what\s+is|whats|what\s+are|what\s+does|what\s+do|define|definition\s+of|meaning\s+of)\s+"
           r"(?:an?\s+|the\s+)?(.+?)(?:\s+means?)?\s*\??$",
           r"^(.+?)\s+(?:definition|meaning|defined)\s*\??$"],
    "az": [r"^(.+?)\s+(?:nedir|ne\s+demekdir|nedi|anlayisi|terifi|menasi)\s*\??$"],
}
# Words around a measure number that only say it is one: "measure 13.4.1", "tədbir 13.4.1", "13.4.1-ci yarımbənd".
NUMBER_WORDS = ["measure", "item", "sub-item", "subitem", "paragraph", "point", "no", "tedbir", "bend", "yarimbend",
                "madde", "punkt"]
# Read alike by Python's re and JavaScript's RegExp (search.js reads it from expand.json), on the query in
# Azerbaijani lower case with the NUMBER_WORDS around it removed: parts joined by dots, dashes or spaces, an
# ordinal ending (-ci, -cü, -üncü …), a sub-item letter with or without brackets.
NUMBER_PATTERN = (r"^(\d{1,2}(?:\s*[.\-\s]\s*\d{1,2})+)\.?(?:-?(?:[iıuü]?n)?[cç][iıuü])?"
                  r"(?:\s*[(]?\s*([a-zçəğıöüş])\s*[).]?)?$")
_NUMBER = re.compile(NUMBER_PATTERN)


def measure_number(query: str) -> str | None:
    """A measure or sub-item number typed loosely, as the lexicon keys it ("13.4.1", "1.5 b"); else None.
    "13 4 1", "13-4-1", "13.4.1.", "measure 13.4.1", "13.4.1-ci yarımbənd", "1.5b", "1.5 (b)", "2.4 c)"."""
    ws = az_lower(query).split()
    while ws and fold(ws[0]).strip(".") in NUMBER_WORDS:
        ws = ws[1:]
    while ws and fold(ws[-1]).strip(".") in NUMBER_WORDS:
        ws = ws[:-1]
    m = _NUMBER.match(" ".join(ws))
    if not m:
        return None
    num = ".".join(re.findall(r"\d+", m.group(1)))
    return f"{num} {m.group(2)}" if m.group(2) else num


def definition_subject(query: str, lang: str) -> str | None:
    """What a definition question asks about ("what is a shelter" -> "shelter", "istismar nə deməkdir" ->
    "istismar"), folded; None for any other query."""
    q = " ".join(fold(query).replace("'", "").replace("?", " ").split())
    for pattern in DEFINITION_PATTERNS[lang]:
        m = re.match(pattern, q)
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two neighbours counts one), or limit + 1 once above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = [], list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def typo_limit(word: str) -> int:
    """How many edits a correction may make: none below 4 letters, 1, or 2 for words of 8 letters or more."""
    return 0 if len(word) < 4 else 2 if len(word) >= 8 else 1


def correct(word: str, indexed: list[str]) -> str | None:
    """The indexed word (as indexed) nearest to a word no indexed word starts with, after folding: the fewest
    edits within typo_limit, then the most frequent (indexed is in frequency order); None when there is none."""
    w = fold(word)
    limit = typo_limit(w)
    if not limit or not w.isalpha():
        return None
    best, best_d = None, limit + 1
    for cand in indexed:
        d = edit_distance(w, fold(cand), best_d - 1 if best else limit)
        if d < best_d:
            best, best_d = cand, d
            if d == 1:
                break
    return best if best_d <= limit else None


SYNONYMS = Path(__file__).with_name("synonyms.yml")


def _synonyms() -> dict:
    try:
        data = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise SystemExit(f"{SYNONYMS}: cannot be read: {e}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise SystemExit(f"{SYNONYMS}: must map each language (az, en) to a list of synonym groups")
    return data


def synonym_groups(cat: Catalog, lang: str) -> list[list[str]]:
    """Groups of folded phrases that name the same thing: the reader synonyms committed in synonyms.yml, then each
    glossary concept's term with its admitted variants. (The glossary's Azerbaijani inflected forms are not
    needed: the stems find them, and they would make the file several times larger.)"""
    groups: list[list[str]] = []
    for i, group in enumerate(_synonyms().get(lang) or [], 1):
        if not (isinstance(group, list) and len(group) > 1 and all(isinstance(p, str) and p.strip() for p in group)):
            raise SystemExit(f"{SYNONYMS}: {lang}: group {i}: must be a list of two or more phrases, got {group!r}")
        groups.append([fold(p) for p in group])
    aliases = load_aliases(cat)["terms"]
    for t in cat.glossary.values():
        side = t.az if lang == "az" else t.en
        phrases = [side.term, *side.variants, *aliases.get(t.id, {}).get(lang, [])]
        folded = list(dict.fromkeys(fold(str(p)) for p in phrases))
        if len(folded) > 1:
            groups.append(folded)
    return groups


def write_expansions(cat: Catalog, lang: str, site_lang_dir: Path) -> int:
    """search-lexicon/expand.json: what search.js needs to expand a query in this language; returns its bytes."""
    # Pagefind's ids of the glossary's and the bodies' pages: in running text they rank below the plans' own text,
    # which they define or repeat (a reader who names a term or a body, or asks "what is …", gets its page first
    # through the lexicon instead). The translators' guide too: it quotes the plans' terms ("Lanzarote Convention",
    # "Palermo Protocol") in its terminology rules, for translators, not for a reader asking about the instrument.
    fragments = pagefind_fragments(site_lang_dir / "pagefind") if (site_lang_dir / "pagefind").is_dir() else {}
    secondary = sorted(pid for pid, f in fragments.items()
                       if re.match(r"/((glossary|bodies)/[^/]+/|translators/)$", f["url"]))
    data = {"spelling": SPELLING_RULES if lang == "en" else [], "suffixes": AZ_SUFFIXES if lang == "az" else [],
            "minStem": AZ_MIN_STEM, "harden": AZ_HARDEN, "synonyms": synonym_groups(cat, lang),
            "stopwords": STOPWORDS[lang], "definitions": DEFINITION_PATTERNS[lang],
            "numberWords": NUMBER_WORDS, "number": NUMBER_PATTERN,
            "secondaryPages": secondary}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    out = site_lang_dir / "search-lexicon" / "expand.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
