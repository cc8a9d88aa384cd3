"""Builds cannot trample each other: one at a time per site folder, leftovers of a killed build cleaned up, Ctrl-C
prints one line and leaves site/ as it was."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_command
from planreader.paths import ROOT
from planreader.site.build import clean_leftovers
from planreader.site.lock import site_lock

pytestmark = pytest.mark.build  # each test builds the site itself

BUILD = [sys.executable, "-m", "planreader", "build", "--site-dir"]


def start_build(site: Path, *args: str, data: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"PLANS_DATA": str(data)} if data else {}))
    # A session of its own, so that a signal reaches the build and its children as Ctrl-C reaches them in a terminal
    return subprocess.Popen([*BUILD, str(site), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous build", encoding="utf-8")
    return site


def wait_for(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def assert_complete(site: Path) -> None:
    for lang in ("az", "en"):
        assert (site / lang / "index.html").stat().st_size > 1000
        wasm = list((site / lang / "pagefind").glob("wasm.*.pagefind"))  # empty under two racing builds, once
        assert wasm and all(p.stat().st_size > 1000 for p in wasm), wasm
    assert (site / "data" / "measures.csv").read_text(encoding="utf-8").count("\n") > 81
    assert not list(site.parent.glob("site.build-*")) and not (site.parent / "site.old").exists()


def test_two_builds_at_once_run_one_after_the_other(tmp_path):
    site = tmp_path / "site"
    first, second = start_build(site), start_build(site)
    (_, err1), (_, err2) = first.communicate(timeout=600), second.communicate(timeout=600)
    assert (first.returncode, second.returncode) == (0, 0), (err1, err2)
    waited = [(err, other) for err, other in ((err1, second), (err2, first)) if err]
    assert len(waited) == 1, (err1, err2)  # exactly one of them waited, naming the other
    err, holder = waited[0]
    assert re.fullmatch(rf"waiting for another build \(pid {holder.pid}, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\) "
                        rf"to finish writing {re.escape(str(site))} …\n", err), err
    assert_complete(site)


def test_a_build_that_will_not_wait_names_the_holder(tmp_path):
    site = previous_site(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from planreader.site.lock import site_lock\n"
                               f"with site_lock(Path({str(site)!r}), 0):\n print('held', flush=True); time.sleep(120)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        proc = run_command("build", "--site-dir", str(site), "--wait", "0")
        assert proc.returncode == 1
        assert re.fullmatch(rf"another build \(pid {holder.pid}, started [\d: -]+\) is writing {re.escape(str(site))}; "
                            r"try again when it has finished\n", proc.stderr), proc.stderr
        proc = run_command("build", "--site-dir", str(site), "--wait", "0.3")
        assert proc.returncode == 1 and proc.stderr.splitlines()[-1].startswith(
            f"gave up after 0.3 s: another build (pid {holder.pid}, started "), proc.stderr
    finally:
        holder.kill()
        holder.wait()
    with site_lock(site, 0):  # the operating system released the killed holder's lock
        pass
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"


def test_ctrl_c_prints_one_line_and_leaves_the_site(tmp_path):
    site = previous_site(tmp_path)
    proc = start_build(site)
    wait_for(lambda: any(p.is_dir() for p in tmp_path.glob("site.build-*/az")))  # MkDocs is writing
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, "", f"build interrupted; {site} was left as it was\n")
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.lock"]


def test_sigterm_to_the_build_alone_stops_both_languages_too(tmp_path):
    """As the live preview stops its background build: the signal reaches the build, not its language builds."""
    site = previous_site(tmp_path)
    proc = start_build(site)
    wait_for(lambda: any(p.is_dir() for p in tmp_path.glob("site.build-*/az")))
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (130, f"build interrupted; {site} was left as it was\n")
    time.sleep(1)  # a language build left running would write its scratch folder again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.lock"]
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"


def test_sigkill_leaves_the_site_and_the_next_build_cleans_up(tmp_path, data_copy):
    (tmp_path / "out").mkdir()
    site = previous_site(tmp_path / "out")
    proc = start_build(site)
    wait_for(lambda: any(p.is_dir() for p in site.parent.glob("site.build-*/az")))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    (left,) = [p.name for p in site.parent.glob("site.build-*")]
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"
    # The next build cleans up first, whatever becomes of it (here it stops at once: the data is broken).
    (data_copy / "bodies.yml").write_text("bodies: [\n", encoding="utf-8")
    proc = start_build(site, data=data_copy)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and err.startswith(f"removed {left}, left by a build that was killed\n"), err
    assert sorted(p.name for p in site.parent.iterdir()) == ["site", "site.lock"]
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"


def test_a_kill_between_the_two_renames_of_the_swap_is_repaired(tmp_path):
    """site/ renamed to site.old, the new site not yet in place: the previous site comes back."""
    site = tmp_path / "site"
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "marker.txt").write_text("previous build", encoding="utf-8")
    (tmp_path / "site.build-abc123").mkdir()
    (tmp_path / "site.build-abc123" / "half.html").write_text("half", encoding="utf-8")
    (tmp_path / "site.build-notes.txt").write_text("a file, not a build's folder", encoding="utf-8")
    assert clean_leftovers(site) == ["site.build-abc123"]
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.build-notes.txt"]


def test_a_mkdocs_warning_fails_the_build_and_is_shown_alone(tmp_path, monkeypatch, capsys):
    """Strict mode: a broken link in a hand-written page stops the build, naming it (INFO lines stay out)."""
    from planreader.site import language_build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n[gone](missing.md)\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\ndocs_dir: docs\ntheme:\n  name: material\n", encoding="utf-8")
    monkeypatch.setitem(language_build.CONFIGS, "az", str(config))
    assert language_build.main(["az", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "WARNING - Doc file 'index.md' contains a link 'missing.md', but the target is not found" in err
    assert "Aborted with 1 warnings in strict mode!" in err and "INFO" not in err
    assert not (tmp_path / "site" / "az" / "pagefind").exists()  # nothing after MkDocs ran


def test_the_published_address_is_an_option_and_a_build_without_one_says_so(tmp_path):
    """`make build SITE_URL=…` passes --site-url; without any address the build says it used the preview's."""
    site = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if k != "PLANREADER_SITE_URL"}

    def build(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "planreader", "build", "--site-dir", str(site), *args],
                              cwd=ROOT, env=env, capture_output=True, text=True)

    proc = build("--site-url", "https://example.org/plans")
    assert proc.returncode == 0, proc.stderr
    assert "note:" not in proc.stdout
    sitemap = (site / "az" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/plans/az/" in sitemap and "127.0.0.1" not in sitemap
    proc = build()
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1].startswith("note: built for http://127.0.0.1:8000/ (the preview's address)")
    bad = build("--site-url", "ftp://example.org/")
    assert bad.returncode == 1 and bad.stderr.strip().startswith("error: PLANREADER_SITE_URL='ftp://example.org/'")
