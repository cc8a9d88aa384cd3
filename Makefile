# Two commands for a fresh machine: `make serve` (set up, build, serve on 127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build test test-fast validate status terms bench i18n import clean check-python

help:
	@echo "make serve     set up, build both languages and serve the site on http://127.0.0.1:$(PORT)/"
	@echo "make test      set up and run the whole test suite"
	@echo "make test-fast the tests that need no site build and no browser (HYPOTHESIS_PROFILE=dev for fewer cases)"
	@echo "make build     build the static site into site/"
	@echo "make validate  check data/ (schemas, references, fidelity to the sources)"
	@echo "make status    translation status: coverage, untranslated and stale units, glossary gaps"
	@echo "make terms     terminology check: translations use the glossary's agreed terms"
	@echo "make import SOURCE=sources/FILE.txt ID=DOC_ID [FORCE=1]  import a plan's text into data/ (see README)"
	@echo "make i18n      refresh the interface-string catalogs in locale/ after code changes"
	@echo "make bench     benchmark: build cost, scaling, page weight, search bytes, memory, Lighthouse"

check-python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "error: Python 3.11 or newer is needed, $(PYTHON) is $$($(PYTHON) -V 2>&1)"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "error: Python's venv module is missing (Debian: apt-get install python3-venv)"; exit 1; }

# The project's own package (planreader/) is installed in editable mode: edits take effect without reinstalling.
$(VENV)/.installed: requirements.txt pyproject.toml | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

validate: $(VENV)/.installed
	@$(PY) -m planreader validate

# `make build SITE_URL=https://example.org/plans/`: the address the site is published at (README "Publishing the site").
build: $(VENV)/.installed
	@bash scripts/ensure_build_tools.sh
	@$(PY) -m planreader build $(if $(SITE_URL),--site-url "$(SITE_URL)")

# Live preview: builds, serves on 127.0.0.1:$(PORT), rebuilds and reloads on every save; data errors show on the page.
serve: $(VENV)/.installed
	@bash scripts/ensure_build_tools.sh
	@$(PY) -m planreader serve --port $(PORT)

status: $(VENV)/.installed
	@$(PY) -m planreader status

terms: $(VENV)/.installed
	@$(PY) -m planreader terms

test: $(VENV)/.installed-test
	@bash scripts/ensure_build_tools.sh --test
	@bash scripts/ensure_test_tools.sh
	$(VENV)/bin/ruff check planreader tests scripts
	$(PY) -m pytest -n 2

# The tests that neither build the site nor start a browser (markers set in tests/conftest.py): a minute, not five.
test-fast: $(VENV)/.installed-test
	@bash scripts/ensure_build_tools.sh --test
	$(PY) -m pytest -n 2 -m "not build and not browser"

# Benchmark (not a test): ratios against baselines measured in the same run; see README "Performance".
bench: $(VENV)/.installed-test
	@bash scripts/ensure_build_tools.sh
	@bash scripts/ensure_test_tools.sh
	$(PY) -m planreader.bench

# Import a new plan's text: writes data/documents, measures, repairs/ID.yml and a review report (README "Adding a plan").
import: $(VENV)/.installed
	@test -n "$(SOURCE)" -a -n "$(ID)" || { echo "usage: make import SOURCE=sources/FILE.txt ID=DOC_ID [FORCE=1]"; exit 2; }
	@$(PY) -m planreader import "$(SOURCE)" --id "$(ID)" $(if $(FORCE),--force)

i18n: $(VENV)/.installed
	$(PY) -m planreader i18n

clean:
	rm -rf site site.old site.build-* site.lock .pytest_cache
