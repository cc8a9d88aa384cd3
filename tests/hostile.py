"""Hostile text for the tests: strings that must show as text and never act, and where to put them in a data copy."""
from __future__ import annotations

import re
from itertools import cycle
from pathlib import Path

import yaml

STRINGS = yaml.safe_load((Path(__file__).parent / "hostile_strings.yml").read_text(encoding="utf-8"))
VISIBLE, INVISIBLE = STRINGS["visible"], STRINGS["invisible"]


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _dump(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def inject(data: Path) -> list[tuple[str, str]]:
    """Put the hostile strings into every kind of text field of a data copy; return (where, string) pairs."""
    strings = cycle(VISIBLE)
    placed: list[tuple[str, str]] = []

    def put(where: str, text: dict, langs=("az", "en")) -> None:
        for lang in langs:
            s = next(strings)
            text[lang] = s
            placed.append((f"{where}.{lang}", s))

    def put_plain(where: str, record: dict, field: str) -> None:
        record[field] = next(strings)
        placed.append((where, record[field]))

    for doc_path in (data / "documents").glob("*.yml"):
        doc = _load(doc_path)
        put(f"{doc['id']}.short_title", doc["short_title"], ("en",))
        put(f"{doc['id']}.title", doc["title"])
        for field in ("label", "place", "issuer", "signatory", "approves"):
            if doc.get(field):
                put(f"{doc['id']}.{field}", doc[field])
        for i, pub in enumerate(doc.get("publications") or []):
            put(f"{doc['id']}.publications[{i}]", pub["outlet"])

        def walk(nodes):
            for n in nodes:
                if n.get("recommends") is None and n.get("text"):
                    put(f"{doc['id']}.{n['id']}", n["text"])
                    n.pop("strong", None)
                if n.get("translator_note"):
                    put_plain(f"{doc['id']}.{n['id']}.translator_note", n, "translator_note")
                for i, cell in enumerate(n.get("cells") or []):
                    fixed = (n.get("abbr") and i == 0) or (n.get("kind") == "signatory" and i == 1)
                    put(f"{doc['id']}.{n['id']}.cells[{i}]", cell, ("en",) if fixed else ("az", "en"))
                walk(n.get("children") or [])
        walk(doc["body"])
        _dump(doc_path, doc)
    for mf_path in (data / "measures").glob("*.yml"):
        mf = _load(mf_path)
        for g in mf["groups"]:
            put(f"{mf['document']}.group {g['id']}", g["title"])
            for m in g["measures"]:
                put(f"{mf['document']}.{m['num']}.text", m["text"])
                put(f"{mf['document']}.{m['num']}.executors_text", m["executors_text"], ("en",))
                put(f"{mf['document']}.{m['num']}.deadline", m["deadline"]["text"], ("en",))
                if m.get("translator_note"):
                    put_plain(f"{mf['document']}.{m['num']}.translator_note", m, "translator_note")
                for s in m.get("subitems") or []:
                    put(f"{mf['document']}.{m['num']}.{s['label']}", s["text"])
        _dump(mf_path, mf)
    # Instruments: hostile titles, and forms taken from the hostile measure texts, so each is still found somewhere.
    found_in_text = [s for where, s in placed if where.endswith(".text.az") and re.search(r"\w", s)]
    instruments = _load(data / "instruments.yml")
    for i, ins in enumerate(instruments["instruments"]):
        put(f"instrument {ins['id']}", ins["title"])
        for field in ("short", "note"):
            if ins.get(field):
                put(f"instrument {ins['id']} {field}", ins[field])
        if ins.get("identifier"):
            put(f"instrument {ins['id']} identifier basis", ins["identifier"]["basis"])
        ins["forms"] = [found_in_text[i % len(found_in_text)]]
    _dump(data / "instruments.yml", instruments)
    bodies = _load(data / "bodies.yml")
    for b in bodies["bodies"]:
        put(f"body {b['id']}", b["name"])
        if b.get("short"):
            put(f"body {b['id']} short", b["short"], ("en",))
    _dump(data / "bodies.yml", bodies)
    abbrs = _load(data / "abbreviations.yml")
    for a in abbrs["abbreviations"]:
        # The Azerbaijani abbreviation must equal its cell in the CIS programme's list; the English is free.
        put(f"abbreviation {a['id']}", a["abbreviation"], ("en",))
        put(f"abbreviation {a['id']} expansion", a["expansion"])
    _dump(data / "abbreviations.yml", abbrs)
    gl = _load(data / "glossary" / "terms.yml")
    for t in gl["terms"]:
        put(f"term {t['id']}", t["definition"])
        if t.get("note"):
            put(f"term {t['id']} note", t["note"])
        t["en"]["term"] = next(strings) + f" ({t['id']})"  # terms must stay unique
        t["en"]["variants"] = [next(strings) + f" ({t['id']} variant)"]
    _dump(data / "glossary" / "terms.yml", gl)
    (data / "glossary" / "exceptions.yml").write_text("exceptions: []\n", encoding="utf-8")
    return placed
