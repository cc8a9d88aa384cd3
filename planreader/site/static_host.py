"""Serves a built site on loopback the way a static host does, for tests, the benchmark and looking at pages.

Like GitHub Pages, Netlify or nginx (`gzip on; error_page 404`): text is sent gzip-compressed to clients that
accept it, every file type the site holds gets its proper Content-Type, and a missing address gets status 404 and
the site's own not-found page (the language's /az/404.html or /en/404.html, else the root /404.html).
"""
from __future__ import annotations

import functools
import gzip
import io
import os
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What hosts send (mime-db, as GitHub Pages and Netlify use it). Pagefind's index files are gzip data that its
# script fetches and unpacks itself, so they go out as they are, as opaque bytes.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".tbx": "application/xml",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".gz": "application/gzip",
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
DEFAULT_TYPE = "application/octet-stream"
# Types worth compressing (nginx's gzip_types as sites usually set it); images and gzip data are not.
COMPRESSIBLE = ("text/", "application/json", "application/ld+json", "application/manifest+json", "application/xml",
                "image/svg+xml", "application/wasm")
GZIP_MAGIC = b"\x1f\x8b"


def content_type(path: str) -> str:
    return CONTENT_TYPES.get(os.path.splitext(path)[1].lower(), DEFAULT_TYPE)


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (RFC 9110: `gzip`, `*`, not `gzip;q=0`)."""
    allowed: dict[str, bool] = {}
    for item in (accept_encoding or "").split(","):
        name, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name.strip():
            allowed[name.strip().lower()] = q > 0
    return allowed.get("gzip", allowed.get("x-gzip", allowed.get("*", False)))


def should_compress(ctype: str, body: bytes) -> bool:
    return ctype.startswith(COMPRESSIBLE) and not body.startswith(GZIP_MAGIC) and len(body) > 0


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:  # keyed on mtime and size: a rebuilt file is new
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class StaticHost(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def send_head(self):
        """Headers for GET and HEAD; returns the body to send (the base class writes it for GET only)."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path: Path | None = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class answers 301 to the address with a slash
            path = path / "index.html"
        elif url_path.endswith("/"):
            path = None  # a file asked for as a folder is not there
        if path is None or not path.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return self._send_file(path, HTTPStatus.OK)

    def _send_file(self, path: Path, status: int):
        ctype = content_type(path.name)
        body = path.read_bytes()
        encoded = accepts_gzip(self.headers.get("Accept-Encoding")) and should_compress(ctype, body)
        if encoded:
            st = path.stat()
            body = _gzipped(str(path), st.st_mtime_ns, st.st_size)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        if ctype.startswith(COMPRESSIBLE):
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        if code == HTTPStatus.NOT_FOUND:
            page = self._not_found_page()
            if page is not None:
                body = self._send_file(page, HTTPStatus.NOT_FOUND)
                if self.command != "HEAD":
                    self.wfile.write(body.getvalue())
                return
        super().send_error(code, message, explain)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        first = next((p for p in self.path.split("?", 1)[0].split("/") if p), "")
        # Only a real folder of the site (a language) may answer with its own page: never "..".
        own = [root / first / "404.html"] if first not in ("", ".", "..") and (root / first).is_dir() else []
        for candidate in own + [root / "404.html"]:
            if candidate.is_file():
                return candidate
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a browser closing mid-download is not an error here
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(root: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` on loopback (a free port unless given) in a background thread; returns (server, base URL)."""
    handler = functools.partial(StaticHost, directory=str(root))
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
