"""A generated page (HTML from an autoescaped template, its title and table of contents) and how it is rendered.

Markup lives in Jinja templates (planreader/render/templates/) with autoescaping on, as Material's own renderers
do; Python hands them records. A template sees `ctx` (the render context), `here` (this page: links relative to
it, headings that also go into the table of contents) and `_` (the interface strings of the language).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from planreader import ids
from planreader.i18n import fill
from planreader.render.context import RenderContext


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: Markup
    children: list[Heading] = field(default_factory=list)


class Here:
    """The page being rendered, as templates see it."""

    def __init__(self, url: str, gettext):
        self.url, self._ = url, gettext
        self.toc: list[Heading] = []

    def href(self, to_url: str) -> str:
        return ids.relative(self.url, to_url)

    def title(self, html: Markup | str) -> Markup:
        """The page's h1; Material's "skip to content" link points at its id."""
        return Markup('<h1 id="title">{}</h1>').format(html)

    def heading(self, level: int, anchor: str, html: Markup | str, toc: bool = True) -> Markup:
        """A heading with its permanent-link mark; h2 and h3 also go into the page's table of contents."""
        html = Markup.escape(html)
        if toc:
            self.toc_entry(level, anchor, html)
        return Markup('<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="{3}">¶</a></h{0}>').format(
            level, anchor, html, self._("Permanent link"))

    def toc_entry(self, level: int, anchor: str, html: Markup | str) -> Markup:
        """Put an element that is not a heading (a row of the side-by-side view) into the table of contents."""
        if level in (2, 3):
            parent = self.toc[-1].children if level == 3 and self.toc else self.toc
            # The table of contents is itself a list of links: a heading's own links (to bodies, terms) stay out.
            plain = Markup.escape(Markup.escape(html).striptags())
            parent.append(Heading(level, anchor, plain))
        return Markup("")

    def toc_tokens(self, title: str) -> list[dict]:
        """The table of contents as MkDocs expects it: the h1 with the h2s, and their h3s, as children."""
        def token(h: Heading) -> dict:
            return {"level": h.level, "id": h.id, "name": str(h.html), "children": [token(c) for c in h.children]}
        return [{"level": 1, "id": "title", "name": str(Markup.escape(title)), "children": [token(h) for h in self.toc]}]


@dataclass(frozen=True)
class Page:
    url: str  # from the language root, e.g. "nap-2014-2018/measures/13-2-9/"
    title: str  # plain text; escaped where MkDocs and Material insert it
    html: Markup
    toc: list[dict]
    description: str = ""
    search: dict = field(default_factory=dict)  # kind/document filters, or {"exclude": True}

    @property
    def src_path(self) -> str:
        return ids.src_path(self.url)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("planreader.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      # Compiling the templates took a tenth of a build of today's site: keep the compiled code
                      # between builds (Jinja's cache, in a folder of the temp dir that only this user may use,
                      # keyed by each template's source, so an edited template is compiled afresh).
                      bytecode_cache=FileSystemBytecodeCache())
    env.globals["ids"] = ids
    env.filters["fill"] = fill  # {placeholders} of interface strings, never str.format (translators type braces)
    return env


def render(ctx: RenderContext, template: str, url: str, page_title: str, description: str = "",
           search: dict | None = None, **values) -> Page:
    """Render one page; `page_title` is its <title> (and navigation) text, `values` are the template's data."""
    here = Here(url, ctx.gettext)
    html = environment().get_template(template).render(ctx=ctx, here=here, _=ctx.gettext, **values)
    return Page(url, page_title, Markup(html), here.toc_tokens(page_title), description, search or {})
