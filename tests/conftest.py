"""Shared fixtures: the real catalog, a scratch copy of data/ to break on purpose, and one real site build."""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from planreader import paths
from planreader.data.load import load_catalog
from planreader.paths import ROOT


# Hypothesis profiles (HYPOTHESIS_PROFILE=dev|ci|thorough): the number of generated cases per property. Cases
# differ from run to run; a failure prints a @reproduce_failure blob, and `pytest --hypothesis-seed=N` fixes a run.
settings.register_profile("ci", max_examples=1000, deadline=None, print_blob=True, database=None)
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=100)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BUILD_FIXTURES = {"site", "served"}


def pytest_collection_modifyitems(items):
    """Mark each test by what it needs: the shared site build, or a browser (`make test-fast` skips both)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if names & BUILD_FIXTURES or "browser" in names:
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the loader and the fidelity check read instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy)
    monkeypatch.setattr(paths, "DATA", copy)
    return copy


def run_command(command: str, *args: str, data: Path | None = None, env_extra: dict[str, str] | None = None,
                **kw) -> subprocess.CompletedProcess:
    """Run `python -m planreader <command>` as a contributor would, optionally on another data folder."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env_extra or {}))
    if data is not None:
        env["PLANS_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "planreader", command, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, **kw)


def shared_dir(tmp_path_factory, name: str) -> Path:
    """A folder shared by every pytest-xdist worker of this run (the workers' temp folders have one parent)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    return base / name


def build_once(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` run by the first worker that needs it; the others wait for it and reuse the result, so the
    suite builds each site once however many workers run it."""
    folder = shared_dir(tmp_path_factory, name)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_name(name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.with_name(name + ".done")
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One real build of the whole site (both languages), shared by every test (and worker) that reads HTML."""
    def make(folder: Path) -> None:
        proc = run_command("build", "--site-dir", str(folder / "site"))
        assert proc.returncode == 0, proc.stderr
    return build_once(tmp_path_factory, "real-site", make) / "site"


@pytest.fixture(scope="session")
def served(site, tmp_path_factory):
    """The built site served from the sub-path /reader/ (it must not assume it lives at the root)."""
    from browser import serve

    root = tmp_path_factory.mktemp("www")
    (root / "reader").symlink_to(site, target_is_directory=True)
    server, base = serve(root)
    yield base + "/reader/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page_(browser, served):
    """A fresh browser page that records every request going to a host other than the local server."""
    from urllib.parse import urlsplit

    context = browser.new_context(locale="en-GB")
    p = context.new_page()
    host = urlsplit(served).netloc
    p.foreign_requests = []
    p.on("request", lambda r: p.foreign_requests.append(r.url)
         if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != host else None)
    yield p
    context.close()
