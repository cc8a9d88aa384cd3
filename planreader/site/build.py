"""Builds the whole site into site/: both languages, the language picker at the root, in one safe step.

The site is built in a scratch folder beside site/ and swapped in only when every step succeeded, so a
failed or interrupted build leaves the previous site/ untouched. One build at a time writes a given site folder
(planreader/site/lock.py): a second one waits, saying who holds it. Scratch folders of a build that was killed
are removed by the next one. SOURCE_DATE_EPOCH pins every date MkDocs writes (sitemaps) to the last commit, so
two builds of one commit give identical files.
"""
from __future__ import annotations

import argparse
import glob
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from planreader.paths import ROOT
from planreader.site.base_url import ENV, DEFAULT, configured, site_root
from planreader.site.lock import site_lock

CONFIGS = {"az": "mkdocs.yml", "en": "mkdocs.en.yml"}
SHARED_FILES_BY = "az"  # the language whose build also writes open data and the /id/ redirect pages


def source_date_epoch() -> str:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def pin_build_date() -> None:
    """Every date the build writes is the last commit's: MkDocs' (sitemaps) and this process's own (open data,
    Akoma Ntoso's manifestation date), so two builds of one commit agree whatever the day."""
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()


def build_into(out: Path) -> None:
    pin_build_date()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    # The two languages build at once, each in its own process (planreader/site/language_build.py: MkDocs, then
    # its search files; one of them also the open data): on two cores the build takes the time of the
    # slower language, not of both. Each process's log goes to a file (a pipe would fill and stall the other
    # build) and is shown only when the build fails.
    logs = {lang: tempfile.TemporaryFile(mode="w+", encoding="utf-8") for lang in CONFIGS}
    procs = {lang: subprocess.Popen([sys.executable, "-m", "planreader.site.language_build", lang, str(out),
                                     *(["--shared"] if lang == SHARED_FILES_BY else [])],
                                    cwd=ROOT, env=env, stdout=logs[lang], stderr=subprocess.STDOUT, text=True)
             for lang in CONFIGS}
    try:
        for lang, proc in procs.items():
            proc.wait()
            if proc.returncode in (-signal.SIGINT, 130):  # Ctrl-C reached the build first
                raise KeyboardInterrupt
            if proc.returncode:
                logs[lang].seek(0)
                raise SystemExit(f"build of the {lang} site failed; site/ was left as it was.\n"
                                 f"{logs[lang].read().strip()}")
    finally:  # stopped or failed: no language goes on writing into the scratch folder
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
                proc.wait()
        for log in logs.values():
            log.close()
    shutil.copy(ROOT / "docs" / "index.html", out / "index.html")
    write_root_files(out)


def write_root_files(out: Path) -> None:
    """What hosts and crawlers look for at the site root: the not-found page (the Azerbaijani one, which speaks
    both languages and loads its styles from /az/), robots.txt naming the sitemaps, and a sitemap index."""
    root = site_root()
    shutil.copy(out / "az" / "404.html", out / "404.html")
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {root}{lang}/sitemap.xml\n"
                                                                         for lang in CONFIGS), encoding="utf-8")
    entries = "".join(f"<sitemap><loc>{root}{lang}/sitemap.xml</loc></sitemap>" for lang in CONFIGS)
    (out / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/'
                                     f'schemas/sitemap/0.9">{entries}</sitemapindex>\n', encoding="utf-8")


def swap(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    # Between the two renames there is no site/: Ctrl-C and SIGTERM wait until both are done.
    # (SIGKILL cannot wait; the next build then finds site.old and no site/, and puts the old site back.)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if target.exists():
            target.rename(old)
        new.rename(target)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    if old.exists():
        shutil.rmtree(old)


def clean_leftovers(target: Path) -> list[str]:
    """Remove what a killed build left beside `target` (its scratch folder, the previous site mid-swap); return
    their names. Called with the site's lock held, so no other build is using them."""
    old = target.with_name(target.name + ".old")
    if old.is_dir() and not target.exists():  # killed between the two renames of swap(): site.old is complete
        old.rename(target)
    found = [p for p in [old, *map(Path, glob.glob(glob.escape(str(target)) + ".build-*"))] if p.is_dir()]
    for p in found:
        shutil.rmtree(p, ignore_errors=True)
    return [p.name for p in found]


def _interrupted(signum: int, frame: object) -> None:
    # Ctrl-C stops Pagefind's asyncio service half-way, and asyncio logs complaints about it from its own threads
    # (unfinished tasks, a closed loop); the one line main() prints says all there is to say.
    logging.getLogger("asyncio").disabled = True
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _interrupted)  # a process manager, or the live preview stopping its build
    parser = argparse.ArgumentParser(prog="planreader build", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--wait", type=float, default=600, metavar="SECONDS",
                        help="how long to wait for another build of the same site folder (default 600; 0: do not wait)")
    parser.add_argument("--site-url", metavar="URL",
                        help=f"the address the site is published at (default: ${ENV}, else the preview's {DEFAULT})")
    args = parser.parse_args(argv)
    if args.site_url:
        os.environ[ENV] = args.site_url  # read by both language builds, which inherit the environment
    site_root()  # a malformed address stops the build before anything is written
    target = args.site_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    swapped = False
    try:
        with site_lock(target, args.wait):
            leftovers = clean_leftovers(target)
            if leftovers:
                print(f"removed {', '.join(leftovers)}, left by a build that was killed", file=sys.stderr)
            scratch = Path(tempfile.mkdtemp(prefix=target.name + ".build-", dir=target.parent))
            try:
                build_into(scratch)
                swap(scratch, target)
                swapped = True
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    except KeyboardInterrupt:
        state = "holds the new site, complete" if swapped else "was left as it was"
        print(f"build interrupted; {target} {state}", file=sys.stderr, flush=True)
        # Exit at once: Pagefind's asyncio service, stopped half-way, would otherwise print tracebacks of its
        # unfinished tasks while the interpreter shuts down. Nothing is left to flush or close.
        os._exit(130)
    print(f"site built: {target}")
    if not configured():
        # Canonical links, sitemaps, robots.txt and the AKN/ELI identifiers all carry the address: a site meant
        # for publishing must not go out silently with the preview's.
        print(f"note: built for {DEFAULT} (the preview's address); to publish, build with "
              f"`make build SITE_URL=https://…/` (or {ENV}); see README \"Publishing the site\"")
    return 0

