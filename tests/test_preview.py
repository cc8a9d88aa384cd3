"""Live preview: a saved change shows on the open page before the full build is done, a data error shows and goes
away, the pages shown live are those the build then writes, and the server answers only its own address."""
from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build  # each test builds and serves the site itself

RELOAD = re.compile(rb"<script>\n/\* Live preview.*?</script>", re.S)


def _get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _state(base: str, since: int = -1) -> dict:
    return json.loads(_get(f"{base}__live__?since={since}")[1])


def _until(condition, timeout: float = 120, every: float = 0.1):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("the preview did not get there in time")


@pytest.fixture
def preview(tmp_path, data_copy):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PLANS_DATA=str(data_copy), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "planreader", "serve", "--port", str(port),
                             "--site-dir", str(tmp_path / "site")], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"

    def up():
        try:
            return _state(base)
        except OSError:
            return None
    _until(up)
    _until(lambda: _state(base)["built"] >= 0)  # the first full build is done
    yield base, data_copy
    proc.terminate()
    proc.wait(timeout=10)


PAGE = "en/nap-2014-2018/measures/13-2-9/"


def test_a_saved_change_shows_live_and_the_build_then_writes_the_same_page(preview):
    base, data = preview
    measures = data / "measures" / "nap-2014-2018.yml"
    before = _state(base)
    measures.write_text(measures.read_text(encoding="utf-8").replace(
        '"Studying, through regular monitoring', '"Studying (edited), through regular monitoring', 1), encoding="utf-8")
    live = _until(lambda: (lambda r: r[0] == 200 and b"Studying (edited)" in r[1] and r[1])(_get(base + PAGE)))
    # The renderer is refreshed a moment before the generation is bumped; wait for the bump rather than race it.
    during = _until(lambda: (lambda s: s["generation"] > before["generation"] and s)(_state(base)), timeout=10)
    # Once the background build is done, the page comes from site/ and is the page shown live, byte for byte.
    _until(lambda: _state(base)["built"] >= during["generation"])
    status, built = _get(base + PAGE)
    assert status == 200 and RELOAD.sub(b"", built) == RELOAD.sub(b"", live)


def test_a_data_error_shows_on_the_open_page_and_goes_away_when_fixed(preview):
    base, data = preview
    measures = data / "measures" / "nap-2014-2018.yml"
    good = measures.read_text(encoding="utf-8")
    measures.write_text(good.replace("      start: 2014\n      end: 2016\n", "      start: 2016\n      end: 2014\n", 1),
                        encoding="utf-8")
    status, page = _until(lambda: (lambda r: r[0] == 500 and r)(_get(base + PAGE)))
    assert b"measures/nap-2014-2018.yml:17: measure 13.1.1: deadline: start 2016 is after end 2014" in page
    measures.write_text(good, encoding="utf-8")
    status, page = _until(lambda: (lambda r: r[0] == 200 and r)(_get(base + PAGE)))
    assert b"Measure 13.2.9" in page, re.search(rb"<title>.*?</title>|<h1.*?</h1>", page, re.S).group(0)


def test_only_its_own_address_is_answered(preview):
    base, _ = preview
    host, port = base.split("//")[1].strip("/").split(":")
    for headers, path, expected in [({"Host": "evil.example"}, "/en/", 400), ({"Host": f"attacker.test:{port}"}, "/en/", 400),
                                    ({}, "/en/%00/", 400), ({}, "/en/../../etc/passwd", 400), ({}, "/en/", 200)]:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        assert response.status == expected, (headers, path)
        conn.close()


@pytest.mark.parametrize("port,message", [("70000", "70000 is not a port number (1 to 65535)"),
                                          ("eighty", "'eighty' is not a port number")])
def test_a_bad_port_gets_one_line(port, message):
    proc = subprocess.run([sys.executable, "-m", "planreader", "serve", "--port", port], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_preview_reports_a_busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "planreader", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and f"port {port} on 127.0.0.1 is in use" in proc.stderr and "Traceback" not in proc.stderr


def test_a_client_that_goes_away_is_not_a_traceback(capsys):
    """`make serve` printed a BrokenPipeError traceback whenever a browser closed a tab mid-reply."""
    from planreader.site.preview import PreviewServer
    server = PreviewServer(("127.0.0.1", 0), lambda *a: None, bind_and_activate=False)
    for quiet in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
        try:
            raise quiet
        except ConnectionError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""
    try:
        raise ValueError("a real fault")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert "ValueError: a real fault" in capsys.readouterr().err
    server.server_close()
