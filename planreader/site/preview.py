"""Live preview (`make serve`): serves the site on 127.0.0.1 and shows a saved change on the open page at once.

After a save in data/, docs/ or locale/, the page a reader asks for is rendered in this process from the reloaded
catalog (planreader/site/live.py), exactly as the build would write it, while a full build (both languages, search
index, open data) runs in the background; when it is done, pages come from the built site again. Open pages reload
as soon as a change is seen (the page holds a request open until then). A data error shows on every page, naming
file, line, record and field, until it is fixed. Changes to code or templates wait for the background build.
Only requests to the loopback address and port it serves are answered (no DNS rebinding from a web page).
"""
from __future__ import annotations

import argparse
import errno
import html
import json
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from planreader import i18n, paths
from planreader.paths import ROOT
from planreader.site.build import CONFIGS, source_date_epoch

# What a save can touch, and which saves the in-process renderer can show before the full build is done.
WATCHED = (paths.DATA, paths.LOCALE, *(ROOT / n for n in ("docs", "overrides", "planreader", "mkdocs.yml", "mkdocs.en.yml")))
LIVE = (paths.DATA, paths.LOCALE, ROOT / "docs")
POLL = 0.2  # seconds between looks at the watched files

_RELOAD = b"""<script>
/* Live preview: ask the server to answer when something changed, then reload. */
(function () { var seen = %d; function wait() {
  fetch("/__live__?since=" + seen, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
    if (s.generation !== seen) { location.reload(); } else { wait(); } }).catch(function () { setTimeout(wait, 1000); }); }
  wait(); })();
</script>"""


class State:
    """What the server knows: the sources' generation, the generation of site/ on disk, and any data error."""

    def __init__(self) -> None:
        self.generation = 0  # bumped on every change seen
        self.built = -1  # the generation site/ was built from
        self.live_ok = False  # whether the in-process renderer is current for `generation`
        self.error: str | None = None
        self.last_lang = "az"
        self.changed = threading.Condition()
        self.lives: dict[str, object] = {}

    def bump(self) -> int:
        with self.changed:
            self.generation += 1
            self.changed.notify_all()
            return self.generation

    def wait_for_change(self, since: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.generation != since, timeout=timeout)
            return self.generation


def snapshot() -> dict[str, tuple[int, int]]:
    files: dict[str, tuple[int, int]] = {}
    for path in WATCHED:
        for p in (path.rglob("*") if path.is_dir() else [path]):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                files[str(p)] = (st.st_mtime_ns, st.st_size)
    return files


def refresh_live(state: State, generation: int) -> None:
    """Reload what changed into the in-process renderer, the language the reader has open first."""
    from mkdocs.exceptions import PluginError

    from planreader.site.live import LiveSite

    i18n._messages.cache_clear()  # a translator may have saved a catalog
    order = sorted(CONFIGS, key=lambda lang: lang != state.last_lang)
    try:
        for lang in order:
            if lang not in state.lives:
                state.lives[lang] = LiveSite(ROOT / CONFIGS[lang])
            state.lives[lang].refresh(generation)
        state.error, state.live_ok = None, True
    except PluginError as e:  # invalid data: catalog_cache names every problem
        state.error, state.live_ok = str(e), False


class Builder:
    """The full build in the background, one at a time; a change during a build starts another after it."""

    def __init__(self, state: State, site: Path):
        self.state, self.site = state, site
        self.pending = threading.Event()
        self.proc: subprocess.Popen | None = None
        threading.Thread(target=self._loop, daemon=True).start()

    def request(self) -> None:
        self.pending.set()

    def stop(self) -> None:
        """Stop a build under way (its scratch folder is left for the next build to clean)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)

    def _loop(self) -> None:
        while True:
            self.pending.wait()
            self.pending.clear()
            generation = self.state.generation
            self.proc = subprocess.Popen([sys.executable, "-m", "planreader", "build", "--site-dir", str(self.site)],
                                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = self.proc.communicate()
            if self.proc.returncode < 0:  # stopped with the server
                return
            if self.proc.returncode == 0:
                self.state.built, self.state.error = generation, None
                self.state.bump()  # open pages reload from the finished build (search index included)
                print(f"built: {self.site}", flush=True)
            else:
                self.state.error = self.state.error or (err or out).strip()
                self.state.bump()
                print(f"build failed, the error shows on every page:\n{self.state.error}", flush=True)


def watch(state: State, builder: Builder, before: dict) -> None:
    while True:
        time.sleep(POLL)
        now = snapshot()
        if now == before:
            continue
        changed = {p for p in set(now) | set(before) if now.get(p) != before.get(p)}
        before = now
        live = all(any(Path(p).is_relative_to(root) for root in LIVE) for p in changed)
        generation = state.generation + 1
        if live:
            refresh_live(state, generation)
        else:
            state.live_ok = False  # code, templates or config: only a fresh build shows them
        state.bump()
        print(f"change seen in {len(changed)} file(s); " + ("shown live, " if live and state.live_ok else "") +
              "rebuilding in the background", flush=True)
        builder.request()


class Handler(SimpleHTTPRequestHandler):
    state: State
    port: int

    def log_message(self, *args) -> None:
        pass

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        host = self.headers.get("Host", "")
        if host not in (f"127.0.0.1:{self.port}", f"localhost:{self.port}"):
            # A page on another site can point a name at 127.0.0.1 (DNS rebinding); answer only our own address.
            return self._send(b"Bad request: this preview answers only http://127.0.0.1:%d/\n" % self.port,
                              "text/plain; charset=utf-8", 400)
        path = unquote(urlsplit(self.path).path)
        if "\x00" in path or ".." in Path(path).parts:
            return self._send(b"Bad request: not a path of this site\n", "text/plain; charset=utf-8", 400)
        if path == "/__live__":
            return self._live()
        state = self.state
        if path.startswith("/en/"):
            state.last_lang = "en"
        elif path.startswith("/az/"):
            state.last_lang = "az"
        if state.error and self._is_page(path):
            return self._send(self._error_page(state.error), "text/html; charset=utf-8", 500)
        if self._is_page(path) and state.built < state.generation and state.live_ok:
            page = self._live_page(path)
            if page is not None:
                return self._send(self._with_reload(page), "text/html; charset=utf-8")
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            return self._send(self._with_reload(file.read_bytes()), "text/html; charset=utf-8")
        return super().do_GET()

    @staticmethod
    def _is_page(path: str) -> bool:
        return path.endswith("/") or path.endswith(".html")

    def _live_page(self, path: str) -> bytes | None:
        lang, _, rest = path.lstrip("/").partition("/")
        live = self.state.lives.get(lang)
        return live.render(rest.removesuffix("index.html")) if live is not None else None

    def _live(self) -> None:
        since = int(parse_qs(urlsplit(self.path).query).get("since", ["-1"])[0] or -1)
        generation = self.state.wait_for_change(since, timeout=20)
        self._send(json.dumps({"generation": generation, "built": self.state.built,
                                                   "error": bool(self.state.error)}).encode(), "application/json")

    def _with_reload(self, page: bytes) -> bytes:
        return page.replace(b"</body>", _RELOAD % self.state.generation + b"</body>", 1)

    def _error_page(self, error: str) -> bytes:
        page = (f"<!doctype html><html lang='en'><meta charset='utf-8'><title>The data has an error</title>"
                f"<body style='font-family:sans-serif;margin:2rem'><h1>The site could not be rebuilt</h1>"
                f"<p>Fix the file named below and save it; this page reloads by itself.</p>"
                f"<pre style='white-space:pre-wrap;background:#fee;padding:1rem'>{html.escape(error)}</pre></body></html>")
        return self._with_reload(page.encode("utf-8"))

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


class PreviewServer(ThreadingHTTPServer):
    """The preview's HTTP server: a reader who closes a tab mid-reply is not an error worth a traceback."""

    def handle_error(self, request, client_address) -> None:
        # socketserver prints a traceback for every exception a handler raises; a browser that goes away while
        # a page or a long poll is answered raises BrokenPipeError or ConnectionResetError, which is routine.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planreader serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    # The in-process renderer must write what the build writes: the same dates.
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    state = State()
    Handler.state, Handler.port = state, args.port
    try:
        server = PreviewServer(("127.0.0.1", args.port), partial(Handler, directory=str(args.site_dir)))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"error: port {args.port} on 127.0.0.1 is in use; stop what uses it or run: make serve PORT={args.port + 1}",
                  file=sys.stderr)
            return 1
        print(f"error: cannot serve on 127.0.0.1:{args.port}: {e.strerror}", file=sys.stderr)
        return 1
    server.daemon_threads = True
    print("building the site…", flush=True)
    before = snapshot()  # taken before the first build, so a save during it is not missed
    builder = Builder(state, args.site_dir)
    builder.request()
    refresh_live(state, 0)
    threading.Thread(target=watch, args=(state, builder, before), daemon=True).start()
    print(f"serving http://127.0.0.1:{args.port}/ — saved changes show on the open page (Ctrl+C to stop)", flush=True)
    # Stopped by Ctrl+C or by a process manager (SIGTERM): stop the background build too, say so in one line.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("preview stopped", flush=True)
    finally:
        builder.stop()
    return 0
