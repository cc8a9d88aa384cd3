"""Hand-written pages are untrusted: a template-injection payload in a macro page stops with one located line
and does not run; an ordinary macro still renders."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import DebugUndefined, Environment

from planreader.site import jinja_sandbox


def plugin_env(tmp_path):
    """What mkdocs-macros 1.5 hands its hooks: `_env` (its plain Environment) and the page being rendered."""
    plain = Environment(undefined=DebugUndefined, comment_start_string="<#--", comment_end_string="--#>")
    plain.globals["cycler_like"] = lambda: "ok"
    plain.filters["shout"] = str.upper
    page = SimpleNamespace(file=SimpleNamespace(src_path="about.md"))
    env = SimpleNamespace(_env=plain, page=page)
    jinja_sandbox.sandbox(env)
    return env


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
])
def test_payload_fails_with_located_line_and_does_not_run(tmp_path, monkeypatch, payload):
    monkeypatch.chdir(tmp_path)
    env = plugin_env(tmp_path)
    env._env.globals["cycler"] = __import__("jinja2.utils").utils.Cycler(1)
    markdown = f"# About\n\nText.\n{payload}\n"
    with pytest.raises(SystemExit) as stopped:
        env._env.from_string(markdown).render()
    assert str(stopped.value).startswith("docs/about.md, line 4: unsafe template code refused: ")
    assert "\n" not in str(stopped.value)
    assert not (tmp_path / "MARKER").exists()


def test_ordinary_macro_page_still_renders(tmp_path):
    env = plugin_env(tmp_path)
    assert env._env.from_string("{{ 'a' | shout }} {{ cycler_like() }} <#-- note --#>").render() == "A ok "
