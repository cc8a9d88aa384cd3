"""Writes a synthetic corpus: the real data plus copies of every plan, so the site can be measured at scale.

`python -m planreader.bench.corpus OUT --factor 16` writes OUT/ (a data folder) holding 16 times today's
documents and measures: the real ones and 15 renamed copies shaped exactly like them. Bodies, abbreviations and
the glossary are shared, so body and term pages grow with the corpus, as they would with many real plans.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from planreader.paths import ROOT


def write(out: Path, factor: int, source: Path = ROOT / "data") -> int:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    docs = sorted(p.stem for p in (source / "documents").glob("*.yml"))
    for k in range(1, factor):
        for doc_id in docs:
            new_id = f"{doc_id}-s{k}"
            doc = yaml.safe_load((source / "documents" / f"{doc_id}.yml").read_text(encoding="utf-8"))
            doc["id"] = new_id
            for field in ("short_title", "title"):
                doc[field] = {lang: f"{text} (synthetic copy {k})" for lang, text in doc[field].items()}
            (out / "documents" / f"{new_id}.yml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                                                             encoding="utf-8")
            measures = source / "measures" / f"{doc_id}.yml"
            if measures.exists():
                mf = yaml.safe_load(measures.read_text(encoding="utf-8"))
                mf["document"] = new_id
                (out / "measures" / f"{new_id}.yml").write_text(yaml.safe_dump(mf, allow_unicode=True, sort_keys=False),
                                                                encoding="utf-8")
            shutil.copy(source / "repairs" / f"{doc_id}.yml", out / "repairs" / f"{new_id}.yml")
    (out / "translation-state.yml").unlink(missing_ok=True)  # unit ids of copies are new; status is not measured
    return factor * len(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=16)
    args = parser.parse_args()
    n = write(args.out, args.factor)
    print(f"wrote {n} documents into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
