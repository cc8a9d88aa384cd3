"""Live preview: serves site/ on 127.0.0.1, rebuilds when a source file changes, reloads open pages.

`make serve` runs this. Saving a file in data/, docs/, locale/, overrides/ or planreader/ rebuilds both
languages (planreader/site/build.py, which only swaps in a complete site); open pages reload when it is done. If the data
is invalid, the server keeps running and every page shows the error, naming file, line, record and field,
until the file is fixed.
"""
from __future__ import annotations

import argparse
import errno
import html
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from planreader import paths
from planreader.paths import ROOT

WATCHED = (paths.DATA, *(ROOT / n for n in ("docs", "locale", "overrides", "planreader", "mkdocs.yml", "mkdocs.en.yml")))

_RELOAD = b"""<script>
(function () { var seen = null; setInterval(function () {
  fetch("/__build__", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (n) {
    if (seen === null) { seen = n; } else if (n !== seen) { location.reload(); } }).catch(function () {}); }, 1000); })();
</script>"""


class State:
    def __init__(self) -> None:
        self.build = 0
        self.error: str | None = None
        self.lock = threading.Lock()


def snapshot() -> dict[str, float]:
    files: dict[str, float] = {}
    for path in WATCHED:
        items = path.rglob("*") if path.is_dir() else [path]
        for p in items:
            if p.is_file() and "__pycache__" not in p.parts:
                files[str(p)] = p.stat().st_mtime
    return files


def rebuild(state: State, site: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "planreader", "build", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True)
    with state.lock:
        state.error = None if proc.returncode == 0 else (proc.stderr or proc.stdout).strip()
        state.build += 1
    print("rebuilt" if proc.returncode == 0 else f"build failed, the error shows on every page:\n{state.error}", flush=True)


def watch(state: State, site: Path, before: dict[str, float], interval: float = 0.7) -> None:
    while True:
        time.sleep(interval)
        now = snapshot()
        if now != before:
            before = now
            rebuild(state, site)


class Handler(SimpleHTTPRequestHandler):
    state: State

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/__build__":
            return self._send(str(self.state.build).encode(), "text/plain")
        with self.state.lock:
            error = self.state.error
        if error and not self.path.split("?")[0].endswith((".css", ".js", ".json", ".csv", ".png", ".svg", ".tbx")):
            page = (f"<!doctype html><html lang='en'><meta charset='utf-8'><title>Build failed</title>"
                    f"<body style='font-family:sans-serif;margin:2rem'><h1>The site could not be rebuilt</h1>"
                    f"<p>Fix the file named below and save it; this page reloads by itself.</p>"
                    f"<pre style='white-space:pre-wrap;background:#fee;padding:1rem'>{html.escape(error)}</pre>").encode()
            return self._send(page + _RELOAD, "text/html; charset=utf-8", status=500)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_bytes().replace(b"</body>", _RELOAD + b"</body>", 1)
            return self._send(body, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planreader serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    state = State()
    Handler.state = state
    try:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), partial(Handler, directory=str(args.site_dir)))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"error: port {args.port} on 127.0.0.1 is in use; stop what uses it or run: make serve PORT={args.port + 1}",
                  file=sys.stderr)
            return 1
        raise
    print("building the site…", flush=True)
    before = snapshot()  # taken before the first build, so a save during it is not missed
    rebuild(state, args.site_dir)
    threading.Thread(target=watch, args=(state, args.site_dir, before), daemon=True).start()
    print(f"serving http://127.0.0.1:{args.port}/ — edits rebuild and reload the page (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0

