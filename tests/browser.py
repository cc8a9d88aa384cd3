"""Headless Debian Chromium driven by Playwright, against the built site served from a sub-path on loopback."""
from __future__ import annotations

import os
import shutil

import pytest

from planreader.site.static_host import serve  # noqa: F401 (the tests' static host)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: the browser tests need Debian's chromium (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium); browser tests skipped")
    return path
