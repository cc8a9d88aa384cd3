"""What every page's footer adds: a link to report an error on that page, and the date the site was built.

The link comes from `extra.report_error` in mkdocs.yml: a mailto: or http(s) address in which `{url}` becomes the
page's permanent address and `{title}` its title, both URL-encoded (README "Reporting errors").
"""
from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

from babel.dates import get_month_names
from markupsafe import Markup, escape
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
        report_href(template, page_url, html.unescape(title)), _("Report an error on this page"), _built(ctx))


def _built(ctx: RenderContext) -> str:
    return fill(ctx.gettext("Site built on {date}"), date=ctx.date(ctx.today))


def print_source_html(ctx: RenderContext, page_url: str) -> Markup:
    """A line only print shows: where the page came from and when it was printed (the date is the reader's, filled
    in by reader.js) and built, so a printed page can be traced to its source and date."""
    line = str(escape(ctx.gettext("Printed from {url} on {date}")))
    # The month names go with the page: the browser's own date format differs from the site's ("December 5, 2026"),
    # and Chromium's ICU has no Azerbaijani month names ("2026 M12 5").
    months = " ".join(get_month_names("wide", locale=ctx.lang)[m] for m in range(1, 13))
    line = line.replace("{url}", str(escape(page_url))).replace(
        "{date}", str(Markup('<span data-print-date data-months="{}"></span>').format(months)))
    return Markup('<p class="print-source" data-pagefind-ignore>{} · {}</p>').format(Markup(line), _built(ctx))
