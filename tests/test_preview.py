"""Live preview: the server rebuilds on save, shows data errors on the page, and recovers when they are fixed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _wait_for_build(base: str, after: int, timeout: float = 90) -> int:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            n = int(_get(base + "__build__")[1])
            if n > after:
                return n
        except (OSError, ValueError):
            pass
        time.sleep(0.3)
    raise AssertionError("the preview server did not rebuild in time")


def test_preview_rebuilds_and_reports_data_errors(tmp_path, data_copy):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PLANS_DATA=str(data_copy), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "planreader", "serve", "--port", str(port),
                             "--site-dir", str(tmp_path / "site")], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        n = _wait_for_build(base, 0)
        status, html = _get(base + "en/nap-2014-2018/measures/13-2-9/")
        assert status == 200 and "Measure 13.2.9" in html and "/__build__" in html

        measures = data_copy / "measures" / "nap-2014-2018.yml"
        good = measures.read_text(encoding="utf-8")
        measures.write_text(good.replace("      start: 2014\n      end: 2016\n", "      start: 2016\n      end: 2014\n", 1),
                            encoding="utf-8")
        n = _wait_for_build(base, n)
        status, html = _get(base + "en/nap-2014-2018/measures/13-2-9/")
        assert status == 500
        assert "measures/nap-2014-2018.yml:17: measure 13.1.1: deadline: start 2016 is after end 2014" in html
        assert proc.poll() is None  # the server kept running

        measures.write_text(good.replace("Kütləvi informasiya vasitələrinin, internet", "Kütləvi informasiya vasitələrinin, internet", 1)
                            .replace('"Studying, through regular monitoring', '"Studying (edited), through regular monitoring', 1),
                            encoding="utf-8")
        _wait_for_build(base, n)
        status, html = _get(base + "en/nap-2014-2018/measures/13-2-9/")
        assert status == 200 and "Studying (edited), through regular monitoring" in html
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_preview_reports_a_busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "planreader", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and f"port {port} on 127.0.0.1 is in use" in proc.stderr and "Traceback" not in proc.stderr
