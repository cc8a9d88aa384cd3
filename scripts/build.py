"""Builds the whole site into site/: both languages, the language picker at the root, in one safe step.

The site is built in a scratch folder beside site/ and swapped in only when every step succeeded, so a
failed build leaves the previous site/ untouched. SOURCE_DATE_EPOCH pins every date MkDocs writes
(sitemaps) to the last commit, so two builds of one commit give identical files.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plans import opendata  # noqa: E402
from plans.load import load_catalog  # noqa: E402
from plans.pagefind_canon import canonicalize  # noqa: E402
from plans.redirects import redirect_pages  # noqa: E402
from plans.search_lexicon import write_lexicon  # noqa: E402
from plans.search_records import SearchRecord, paragraph_records  # noqa: E402

CONFIGS = {"az": "mkdocs.yml", "en": "mkdocs.en.yml"}


def source_date_epoch() -> str:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build_into(out: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(), NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=str(ROOT), PYTHONHASHSEED="0")
    for lang, config in CONFIGS.items():
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config,
                               "-d", str(out / lang)], cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode:
            msg = proc.stderr.strip() or proc.stdout.strip()
            raise SystemExit(f"build of the {lang} site failed; site/ was left as it was.\n{msg}")
    shutil.copy(ROOT / "docs" / "index.html", out / "index.html")
    catalog = load_catalog()  # the mkdocs builds above already validated it
    for lang in CONFIGS:
        records = list(paragraph_records(catalog, lang))
        index_search(out / lang, lang, records)
        write_lexicon(catalog, lang, out / lang, [r.content for r in records])
    opendata.write(catalog, out / "data")
    for path, html in redirect_pages(catalog):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(html, encoding="utf-8")


class _NoPollDelay:
    """pagefind's Python client (1.5.2) sleeps 0.1 s before reading each reply from its service, so adding a few
    thousand paragraph records would take minutes. Its module sees this stand-in for asyncio instead: the same,
    but sleep yields without waiting (the read that follows waits for the reply anyway)."""

    def __getattr__(self, name: str):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result=None):
        return await asyncio.sleep(0, result)


def index_search(lang_dir: Path, lang: str, records: list[SearchRecord]) -> None:
    """Pagefind's index of one language, in <lang>/pagefind/: the built pages plus one record per paragraph of
    each document; each language searches only its own."""
    import pagefind.service
    from pagefind.index import IndexConfig, PagefindIndex

    pagefind.service.asyncio = _NoPollDelay()

    async def run() -> None:
        config = IndexConfig(exclude_selectors=[".headerlink", ".md-skip"], force_language=lang,
                             output_path=str(lang_dir / "pagefind"))
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=str(lang_dir))
            for r in records:
                await index.add_custom_record(url=r.url, content=r.content, language=lang, meta={"title": r.title},
                                              filters={"kind": [r.kind], "document": [r.document]})
    try:
        asyncio.run(run())
    except Exception as e:  # noqa: BLE001 (the Pagefind service reports its own errors)
        raise SystemExit(f"search indexing of {lang_dir.name} failed; site/ was left as it was.\n{e}") from None
    canonicalize(lang_dir / "pagefind")
    for extra in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                  "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (lang_dir / "pagefind" / extra).unlink(missing_ok=True)  # the reader has its own search UI


def swap(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    target = args.site_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=target.name + ".build-", dir=target.parent))
    try:
        build_into(scratch)
        swap(scratch, target)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch)
    print(f"site built: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
