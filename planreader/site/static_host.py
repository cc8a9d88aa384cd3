"""Serves a built site on loopback the way a static host does, for tests, the benchmark and looking at pages.

Like GitHub Pages, Netlify or nginx with `error_page 404`: a missing address gets status 404 and the site's own
not-found page (the language's /az/404.html or /en/404.html, else the root /404.html).
"""
from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class StaticHost(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            page = self._not_found_page()
            if page is not None:
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        for candidate in ([root / parts[0] / "404.html"] if parts else []) + [root / "404.html"]:
            if candidate.is_file():
                return candidate
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a browser closing mid-download is not an error here
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` on a free loopback port in a background thread; returns (server, base URL)."""
    handler = functools.partial(StaticHost, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
