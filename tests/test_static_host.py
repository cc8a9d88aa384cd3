"""The static host answers as GitHub Pages, Netlify or nginx do: gzip when accepted, content types, 404 pages."""
from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import pytest

from planreader.site.static_host import accepts_gzip, content_type, serve

PAGE = "<!doctype html><title>Ölçü 13.2.9</title>" + "<p>Azərbaycan Respublikası</p>" * 50
PAGEFIND_INDEX = gzip.compress(b"pagefind_dcd" + b"\0" * 200, mtime=0)


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("www")
    files = {
        "index.html": "<p>language picker</p>",
        "404.html": "root not found: Səhifə tapılmadı / Page not found",
        "az/404.html": "az not found: Səhifə tapılmadı",
        "en/404.html": "en not found: Page not found",
        "az/nap/measures/13-2-9/index.html": PAGE,
        "az/assets/reader.css": "body { color: black; }\n" * 40,
        "az/assets/reader.js": "console.log('x');\n" * 40,
        "az/search/lexicon.json": '{"words": ["qurban"]}',
        "az/sitemap.xml": "<?xml version='1.0'?><urlset/>",
        "data/measures.csv": "id,text\n13.2.9,Öyrənilməsi\n",
        "data/glossary.tbx": "<tbx/>",
        "az/assets/logo.png": "\x89PNG not really",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "az/pagefind/index").mkdir(parents=True)
    (root / "az/pagefind/index/az_1.pf_index").write_bytes(PAGEFIND_INDEX)
    (root / "az/pagefind/wasm.unknown.pagefind").write_bytes(PAGEFIND_INDEX)
    (root / "az/pagefind/pagefind.wasm").write_bytes(b"\0asm\1\0\0\0" * 40)
    (root / "outside").mkdir()
    (root.parent / "secret.txt").write_text("secret", encoding="utf-8")
    server, base = serve(root)
    yield server.server_address[1], root
    server.shutdown()


def get(host, path: str, accept: str | None = "gzip, deflate, br", method: str = "GET"):
    port, _ = host
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers={"Accept-Encoding": accept} if accept is not None else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_pages_are_gzipped_when_the_client_accepts_it(host):
    response, body = get(host, "/az/nap/measures/13-2-9/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert gzip.decompress(body).decode("utf-8") == PAGE
    assert int(response.getheader("Content-Length")) == len(body) < len(PAGE.encode("utf-8")) / 5


def test_pages_are_sent_plain_to_a_client_that_does_not_accept_gzip(host):
    for accept in (None, "identity", "gzip;q=0, deflate", "br"):
        response, body = get(host, "/az/nap/measures/13-2-9/index.html", accept=accept)
        assert response.status == 200 and response.getheader("Content-Encoding") is None, accept
        assert body.decode("utf-8") == PAGE


@pytest.mark.parametrize("path, ctype, encoded", [
    ("/az/assets/reader.css", "text/css; charset=utf-8", True),
    ("/az/assets/reader.js", "text/javascript; charset=utf-8", True),
    ("/az/search/lexicon.json", "application/json", True),
    ("/az/sitemap.xml", "application/xml", True),
    ("/data/measures.csv", "text/csv; charset=utf-8", True),
    ("/data/glossary.tbx", "application/xml", True),
    ("/az/pagefind/pagefind.wasm", "application/wasm", True),
    ("/az/assets/logo.png", "image/png", False),
    # Pagefind's files are gzip data already, unpacked by its own script: sent as they are, never gzipped twice.
    ("/az/pagefind/index/az_1.pf_index", "application/octet-stream", False),
    ("/az/pagefind/wasm.unknown.pagefind", "application/octet-stream", False),
])
def test_each_file_type_has_its_content_type_and_encoding(host, path, ctype, encoded):
    response, body = get(host, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == ctype
    assert (response.getheader("Content-Encoding") == "gzip") is encoded
    if not encoded and path.endswith(("pf_index", ".pagefind")):
        assert body == PAGEFIND_INDEX


@pytest.mark.parametrize("path, page", [
    ("/az/no-such-page/", "az not found"),
    ("/en/nap/measures/99-9-9/", "en not found"),
    ("/nowhere/at/all", "root not found"),
    ("/outside/", "root not found"),  # a folder without index.html
    ("/", None),  # the root's own index.html, for contrast
    ("/../secret.txt", "root not found"),  # nothing outside the site is served
    ("/az/../../secret.txt", "az not found"),
    ("/az/nap/measures/13-2-9/index.html/", "az not found"),  # a file asked for as a folder
])
def test_missing_addresses_get_404_with_the_sites_own_page(host, path, page):
    response, body = get(host, path)
    if page is None:
        assert response.status == 200 and gzip.decompress(body) == b"<p>language picker</p>"
        return
    assert response.status == 404
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).decode("utf-8").startswith(page)


def test_head_sends_headers_without_a_body(host):
    response, body = get(host, "/az/nap/measures/13-2-9/", method="HEAD")
    assert response.status == 200 and body == b"" and int(response.getheader("Content-Length")) > 0
    response, body = get(host, "/az/missing/", method="HEAD")
    assert response.status == 404 and body == b""


def test_a_folder_without_its_slash_is_redirected(host):
    response, _ = get(host, "/az/nap/measures/13-2-9")
    assert response.status == 301 and response.getheader("Location") == "/az/nap/measures/13-2-9/"


def test_a_rebuilt_file_is_served_new_not_from_the_compression_cache(host):
    _, root = host
    target = root / "az/assets/changing.css"
    target.write_text("a { color: red; }" * 30, encoding="utf-8")
    assert gzip.decompress(get(host, "/az/assets/changing.css")[1]).startswith(b"a { color: red; }")
    target.write_text("b { color: blue; }" * 40, encoding="utf-8")
    assert gzip.decompress(get(host, "/az/assets/changing.css")[1]).startswith(b"b { color: blue; }")


@pytest.mark.parametrize("header, expected", [
    ("gzip", True), ("GZIP", True), ("deflate, gzip;q=0.5", True), ("*", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("br, deflate", False), ("", False), (None, False),
    ("*, gzip;q=0", False), ("gzip;q=abc", False), ("identity, *;q=0", False),
])
def test_accept_encoding_is_read_as_rfc_9110_says(header, expected):
    assert accepts_gzip(header) is expected


def test_unknown_extensions_are_opaque_bytes():
    assert content_type("x.unknownext") == "application/octet-stream"
    assert content_type("X.HTML") == "text/html; charset=utf-8"
