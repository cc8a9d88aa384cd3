"""What every page's footer adds: a link to report an error on that page, and the date the site was built.

The link comes from `extra.report_error` in mkdocs.yml: a mailto: or http(s) address in which `{url}` becomes the
page's permanent address and `{title}` its title, both URL-encoded (README "Reporting errors").
"""
from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from planreader.i18n import fill
from planreader.render.context import RenderContext

KEY = "report_error"


def checked_template(extra: dict) -> str:
    """The configured address template, or a one-line error naming the setting and what would be valid."""
    template = extra.get(KEY)
    if not isinstance(template, str) or not template.strip():
        raise PluginError(f"mkdocs.yml: extra.{KEY}: give a mailto: or https:// address to report errors to, "
                          "e.g. 'mailto:corrections@example.org?subject={title}&body={url}'")
    template = template.strip()
    scheme = urlsplit(template).scheme
    if scheme not in ("mailto", "http", "https") or any(c in template for c in '<>"\'\\ \t\r\n'):
        raise PluginError(f"mkdocs.yml: extra.{KEY}: {template!r} is not a mailto: or http(s) address "
                          "(no spaces, quotes or angle brackets; {url} and {title} are filled in per page)")
    return template


def report_href(template: str, page_url: str, title: str) -> str:
    """The template with this page's address and title filled in; str.replace, so other braces stay as they are."""
    return template.replace("{url}", quote(page_url, safe="")).replace("{title}", quote(title, safe=""))


def footer_html(ctx: RenderContext, template: str, page_url: str, title: str) -> Markup:
    """The footer line: the report link and the build date (escaped here: MkDocs' theme templates do not escape)."""
    _ = ctx.gettext
    return Markup('<p class="reader-footer"><a class="report-error" href="{}">{}</a> · <span class="built">{}</span></p>').format(
        report_href(template, page_url, html.unescape(title)), _("Report an error on this page"),
        fill(_("Site built on {date}"), date=ctx.date(ctx.today)))
