"""Everyday names for bodies and terms (planreader/search/aliases.yml), checked against the catalog.

A phrase becomes one more key of the body's or term's record in the lexicon (so typing it names the page
outright), and a term's phrases join its synonym group (so the texts' own word is searched as well).
"""
from __future__ import annotations

from pathlib import Path

from planreader.data.catalog import Catalog
from planreader.data.errors import DataErrors
from planreader.data.yamlfile import read_yaml

ALIASES = Path(__file__).with_name("aliases.yml")
LANGS = ("az", "en")


def load_aliases(cat: Catalog, path: Path = ALIASES) -> dict[str, dict[str, dict[str, list[str]]]]:
    """{"bodies"|"terms": {id: {lang: [phrase, …]}}}; a bad file stops the build with one located line."""
    try:
        parsed = read_yaml(path)
    except DataErrors as e:
        raise SystemExit(f"error: {e.errors[0]}") from None
    known = {"bodies": cat.bodies, "terms": cat.glossary}
    out: dict[str, dict[str, dict[str, list[str]]]] = {"bodies": {}, "terms": {}}

    def fail(loc: tuple, message: str):
        raise SystemExit(f"error: {parsed.error(loc, message)}")

    for section, records in parsed.raw.items():
        if section not in known:
            fail((section,), f"unknown section {section!r}; expected bodies or terms")
        if not isinstance(records, dict):
            fail((section,), "must map each id to its phrases per language")
        for rid, langs in records.items():
            if rid not in known[section]:
                fail((section, rid), f"no {section[:-1] if section == 'terms' else 'body'} has the id {rid!r}")
            if not isinstance(langs, dict) or not langs:
                fail((section, rid), "must map az and/or en to a list of phrases")
            for lang, phrases in langs.items():
                if lang not in LANGS:
                    fail((section, rid, lang), f"unknown language {lang!r}; expected az or en")
                if not isinstance(phrases, list) or not phrases:
                    fail((section, rid, lang), "must be a non-empty list of phrases")
                for i, p in enumerate(phrases):
                    if not isinstance(p, str) or not p.strip() or len(p) > 80:
                        fail((section, rid, lang, i), f"must be a phrase of 1 to 80 characters, got {p!r}")
                out[section].setdefault(rid, {})[lang] = [" ".join(p.split()) for p in phrases]
    return out
