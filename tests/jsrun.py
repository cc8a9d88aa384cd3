"""Run the pure text functions of overrides/assets/search.js in node, as the browser would, for table tests."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from planreader.paths import ROOT

SEARCH_JS = ROOT / "overrides" / "assets" / "search.js"
# Loads search.js in a fresh context with no search page (so only PlanreaderSearchText is defined), then answers
# each call [function name, arguments…] read as JSON from stdin.
_DRIVER = r"""
const fs = require("fs"), vm = require("vm");
const context = {document: {querySelector: () => null}, window: {}};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context, {filename: "search.js"});
const T = vm.runInContext("PlanreaderSearchText", context);
const calls = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(calls.map(([fn, ...args]) => T[fn](...args))));
"""


def call_js(calls: list[list]) -> list:
    """The results of PlanreaderSearchText[fn](*args) for each [fn, *args], in one node process."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: the JavaScript side of the search tables is not checked")
    proc = subprocess.run([node, "-e", _DRIVER, str(SEARCH_JS)], input=json.dumps(calls), capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
