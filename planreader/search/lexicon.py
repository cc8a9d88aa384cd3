"""What the search box needs besides Pagefind's index: a folded lexicon and the records to jump straight to.

Pagefind lower-cases words and strips combining marks, so ş ç ğ ö ü already match s c g o u, but ə and ı stay
apart from e and i, and "I" lower-cases to "i" rather than the Azerbaijani "ı". Readers type "isler", "dovlet",
"ehali". The lexicon maps every word of the indexed pages, fully folded, back to the spelling Pagefind indexed,
so the search box can ask Pagefind for "islər" when the reader typed "isler". It is sharded by the first two
folded letters: a query downloads only the shards of the words it contains.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from planreader import ids
from planreader.data.catalog import Catalog
from planreader.azerbaijani import az_lower
from planreader.search.aliases import load_aliases
from planreader.search.pagefind import MAGIC

_FOLD = str.maketrans({"ə": "e", "ı": "i"})
WORD = re.compile(r"\w+")


def _strip_marks(decomposed: str) -> str:
    """Drop every mark (general category M: Mn, Mc, Me), as search.js's /\\p{M}/u does; unicodedata.combining
    would keep the marks whose combining class is 0 and let the two foldings drift apart."""
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def pagefind_normal(word: str) -> str:
    """A word as Pagefind indexes it: lower case (Unicode default), combining marks removed."""
    return unicodedata.normalize("NFC", _strip_marks(unicodedata.normalize("NFD", word.lower())))


def fold(text: str) -> str:
    """Everything a reader may leave out: case (Azerbaijani-aware), diacritics, ə→e, ı→i; the ä of the 1991–92
    alphabet (and of keyboards without ə) is ə."""
    return _strip_marks(unicodedata.normalize("NFD", unicodedata.normalize("NFC", az_lower(text)).replace("ä", "ə"))).translate(_FOLD)


def shard_key(folded: str) -> str:
    key = re.sub(r"[^0-9a-z]", "_", folded[:2])
    return key.ljust(2, "_")


def pagefind_fragments(bundle: Path) -> dict[str, dict]:
    """Pagefind's fragment of every page and record it indexed, by fragment id (the file's name, which search
    results carry as `id`): its URL and the text Pagefind indexed (`content`), unstemmed."""
    fragments = {}
    for f in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(f.read_bytes())
        if not raw.startswith(MAGIC):
            raise ValueError(f"{f} is not a Pagefind fragment")
        fragments[f.name.removesuffix(".pf_fragment")] = json.loads(raw[len(MAGIC):])
    return fragments


def indexed_words(fragments: dict[str, dict]) -> Counter:
    """Every word Pagefind indexed, as it indexed it, with how often it occurs. Read from the fragments rather
    than the built pages: they hold exactly the text Pagefind kept (its exclusions applied, the paragraph
    records included), and its word index cannot serve, as it holds English stems."""
    return Counter(pagefind_normal(w) for frag in fragments.values() for w in WORD.findall(frag["content"]))


def entities(cat: Catalog, lang: str) -> list[dict]:
    """Records a query can name outright: measure and sub-item numbers, bodies, abbreviations, terms."""
    out: list[dict] = []
    aliases = load_aliases(cat)

    def add(kind: str, label: str, url: str, keys: list[str], document: str | None = None, rank: int = 0) -> None:
        out.append({"kind": kind, "label": label, "url": url, "document": document, "rank": rank,
                    "keys": sorted({" ".join(az_lower(k).split()) for k in keys if k})})

    for pm in cat.measures:
        url = ids.measure(pm.document, pm.num)
        add("measure", f"{pm.num} — {pm.measure.text.in_lang(lang)[:90]}", url, [pm.num], pm.document, 0)
        for s in pm.measure.subitems:
            add("measure", f"{pm.num} {s.label}) — {s.text.in_lang(lang)[:80]}",
                ids.document(pm.document) + "#" + ids.subitem_anchor(pm.num, s.label),
                [f"{pm.num} {s.label}", f"{pm.num}{s.label}", f"{pm.num} {s.label})"], pm.document, 0)
    for doc in cat.documents.values():
        for node in _numbered(doc.body):
            text = node.text.in_lang(lang) if node.text else ""
            add("paragraph", f"{node.num} — {text[:90]}", ids.document(doc.id) + "#" + node.id, [node.num], doc.id, 1)
    abbr_of = {a.body: a for a in cat.abbreviations.values() if a.body}
    for b in cat.bodies.values():
        keys = [b.name.az, b.name.en, *b.forms]
        if b.short:
            keys += [b.short.az, b.short.en]
        if b.id in abbr_of:
            keys += [abbr_of[b.id].abbreviation.az, abbr_of[b.id].abbreviation.en]
        keys += aliases["bodies"].get(b.id, {}).get(lang, [])
        add("body", b.name.in_lang(lang), ids.body(b.id), keys, None, 1)
    for a in cat.abbreviations.values():
        add("abbreviation", f"{a.abbreviation.in_lang(lang)} — {a.expansion.in_lang(lang)}", ids.abbreviation(a.id),
            [a.abbreviation.az, a.abbreviation.en, a.expansion.az, a.expansion.en], None, 2)
    for t in cat.glossary.values():
        own = t.az if lang == "az" else t.en
        add("term", own.term, ids.term(t.id), [t.az.term, t.en.term, *t.az.variants, *t.en.variants,
                                              *aliases["terms"].get(t.id, {}).get(lang, [])], None, 3)
    for d in cat.documents.values():
        add("document", d.short_title.in_lang(lang), ids.document(d.id),
            [d.short_title.az, d.short_title.en, d.number, d.id], d.id, 4)
    return out


def _numbered(nodes):
    for n in nodes:
        if n.num and "." in n.num and n.kind in ("paragraph", "item"):
            yield n
        yield from _numbered(n.children)


def write_lexicon(cat: Catalog, lang: str, site_lang_dir: Path) -> dict[str, int]:
    """Write search-lexicon/<shard>.json under the language's site folder, from its Pagefind index (which must be
    written first); returns the bytes per shard."""
    fragments = pagefind_fragments(site_lang_dir / "pagefind")
    words = indexed_words(fragments)
    shards: dict[str, dict] = defaultdict(lambda: {"words": [], "entities": []})
    for word, _n in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
        shards[shard_key(fold(word))]["words"].append(word)
    # Pagefind's page id for each indexed URL, so the browser can tell an entity it lists from the same page
    # among Pagefind's results before loading either.
    pages = {frag["url"].lstrip("/"): page_id for page_id, frag in fragments.items()}
    for e in entities(cat, lang):
        if e["url"] in pages:
            e["page"] = pages[e["url"]]
        for key in e["keys"]:
            # The folded key finds the record however it is typed; the key as written ranks exact spellings first.
            entry = {k: v for k, v in e.items() if k != "keys"}
            shards[shard_key(fold(key))]["entities"].append({**entry, "key": fold(key), "exact": key})
    out_dir = site_lang_dir / "search-lexicon"
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for key, shard in sorted(shards.items()):
        text = json.dumps(shard, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (out_dir / f"{key}.json").write_text(text, encoding="utf-8")
        sizes[key] = len(text.encode("utf-8"))
    (out_dir / "index.json").write_text(json.dumps(sorted(shards)), encoding="utf-8")
    return sizes
