"""Hand-written pages are untrusted: the Jinja environment mkdocs-macros renders them in becomes Jinja's sandbox,
so `{{ ''.__class__.__mro__ }}`-style payloads cannot reach Python. A SecurityError stops the build with one
located line (page file and line), never a traceback and never a silently rendered error page."""
from __future__ import annotations

import os
import re
import traceback
from importlib.metadata import version

from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

# mkdocs-macros 1.5 builds its own plain Environment in on_config, after define_env, and keeps it in `_env`
# (the `env` property has no setter); this is the hook that version supports. Another version: check it first.
_SUPPORTED = re.compile(r"1\.5\.")


class _Sandbox(SandboxedEnvironment):
    page_path = "?"

    def from_string(self, source, *args, **kwargs):
        template = super().from_string(source, *args, **kwargs)
        render, page_path = template.render, self.page_path

        def located_render(*a, **kw):
            try:
                return render(*a, **kw)
            except SecurityError as error:
                line = next((f.lineno for f in traceback.extract_tb(error.__traceback__)
                             if f.filename == "<template>"), None)
                where = page_path + (f", line {line}" if line else "")
                # SystemExit, not an Exception: mkdocs-macros would catch that and print a traceback.
                raise SystemExit(f"{where}: unsafe template code refused: {error}") from None
        template.render = located_render
        return template


def sandbox(env) -> None:
    """Replace the plugin's environment by a sandboxed one with the same loader, filters, globals and options."""
    plain = env._env
    if not isinstance(plain, _Sandbox):
        installed = version("mkdocs-macros-plugin")
        if not _SUPPORTED.match(installed):
            raise SystemExit(f"mkdocs-macros {installed}: the Jinja sandbox hook is checked for 1.5 only")
        safe = _Sandbox(**{name: getattr(plain, name) for name in (
            "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "undefined",
            "autoescape", "loader", "auto_reload")}, extensions=[type(e) for e in plain.extensions.values()])
        safe.filters.update(plain.filters)
        safe.tests.update(plain.tests)
        safe.globals.update(plain.globals)
        env._env = plain = safe
    page_file = env.page.file
    # The path from the project root (docs/az/about.md), as the author finds it.
    plain.page_path = (os.path.relpath(page_file.abs_src_path) if getattr(page_file, "abs_src_path", None)
                       else f"docs/{page_file.src_path}")
