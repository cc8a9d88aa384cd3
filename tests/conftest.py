"""Shared fixtures: the real catalog, a scratch copy of data/ to break on purpose, and one real site build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plans import paths  # noqa: E402
from plans.load import load_catalog  # noqa: E402


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


def run_script(script: str, *args: str, data: Path | None = None, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data is not None:
        env["PLANS_DATA"] = str(data)
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One real build of the whole site (both languages), shared by every test that reads HTML."""
    out = tmp_path_factory.mktemp("build") / "site"
    proc = run_script("build.py", "--site-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    return out
