"""Safe Markdown building blocks: data text is always escaped, never read as Markdown, HTML or Jinja."""
from __future__ import annotations

import html
import re

from planreader.data.model import Text

# Exactly the characters Python-Markdown (with `tables`) lets a backslash escape; escaping any other
# would leave a visible backslash. '<', '>' and '&' become entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# Bidi overrides could reorder the text a reader sees; NUL and other C0 controls have no place on a page.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def esc(text: str) -> str:
    """Escape data text for Markdown: it renders literally, whatever characters it holds."""
    text = _UNSAFE.sub("\ufffd", text)
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def attr(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return html.escape(_UNSAFE.sub("\ufffd", text), quote=True)


def pick(text: Text, lang: str) -> tuple[str, str]:
    """The text in `lang`, or the Azerbaijani when no translation exists yet, with the language shown."""
    if lang == "en" and text.en:
        return text.en, "en"
    return text.az, "az"


def tx(text: Text | None, lang: str, pending: str = "") -> str:
    """Escaped inline text in the page's language; untranslated text is marked lang="az" so readers and
    screen readers know it is the Azerbaijani original."""
    if text is None:
        return ""
    value, used = pick(text, lang)
    if used == lang:
        return esc(value)
    note = f' <span class="untranslated">({esc(pending)})</span>' if pending else ""
    return f'<span lang="az">{esc(value)}</span>{note}'


def strong_phrases(escaped: str, phrases: list[str]) -> str:
    for p in phrases:
        escaped = escaped.replace(esc(p), f"**{esc(p)}**", 1)
    return escaped


def link(label_md: str, href: str) -> str:
    return f"[{label_md}]({href})"


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Page metadata. MkDocs and Material put the title and description into the HTML unescaped (navigation,
    <title>, <meta content="…">), so they are HTML-escaped here; JSON quoting keeps the YAML valid."""
    import json

    lines = ["---", f"title: {json.dumps(attr(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(attr(description), ensure_ascii=False)}")
    lines.append("render_macros: false")  # data text is never evaluated as Jinja
    lines += [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items()]
    return "\n".join(lines + ["---", ""])


RAW_OPEN, RAW_CLOSE = "<!--raw-->", "<!--/raw-->"


def raw_html(lines: list[str]) -> list[str]:
    """Mark a block of finished HTML (escaped already) that needs no Markdown conversion.

    It is valid raw HTML in Markdown as it stands; a site generator may also lift it out and put it back into
    the converted page (macros/hooks.py does), which keeps large lists from costing a Markdown pass."""
    return ["", RAW_OPEN, "\n".join(lines), RAW_CLOSE, ""]
