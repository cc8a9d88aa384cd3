"""Short permanent links (/id/<document>/<number>/) that redirect to the current page of a measure."""
from __future__ import annotations

from collections.abc import Iterator

from planreader import ids
from planreader.data.catalog import Catalog, anchor_for_subitem
from planreader.render.markup import attr

_PAGE = """<!doctype html>
<html lang="az">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{az}">
<meta http-equiv="refresh" content="0; url={az}">
<script>
  // Readers whose browser prefers English get the English page; everyone else the authoritative Azerbaijani.
  (function () {{
    var en = (navigator.languages || [navigator.language || ""]).some(function (l) {{ return /^en\\b/i.test(l); }});
    var az = (navigator.languages || [navigator.language || ""]).some(function (l) {{ return /^az\\b/i.test(l); }});
    window.location.replace(en && !az ? "{en}" : "{az}");
  }})();
</script>
</head>
<body>
<p><a href="{az}" hreflang="az">Azərbaycanca</a> · <a href="{en}" hreflang="en" lang="en">English</a></p>
</body>
</html>
"""


def redirect_pages(cat: Catalog) -> Iterator[tuple[str, str]]:
    """(path under the site root, HTML) for every document, measure and sub-item short link."""
    for doc in cat.documents.values():
        yield _page(f"id/{doc.id}/", ids.document(doc.id), doc.id)
    for pm in cat.measures:
        here = ids.short_link(pm.document, pm.num)
        yield _page(here, ids.measure(pm.document, pm.num), f"{pm.document} {pm.num}")
        for s in pm.measure.subitems:
            target = ids.document(pm.document) + "#" + anchor_for_subitem(pm.num, s.label)
            yield _page(f"{here}{s.label}/", target, f"{pm.document} {pm.num} {s.label})")


def _page(path: str, target: str, title: str) -> tuple[str, str]:
    up = "../" * path.rstrip("/").count("/") + "../"
    az, en = attr(f"{up}az/{target}"), attr(f"{up}en/{target}")
    return path + "index.html", _PAGE.format(title=attr(title), az=az, en=en)
