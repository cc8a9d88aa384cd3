#!/usr/bin/env bash
# Installs what the browser tests need beyond Python packages: Debian's chromium (Playwright drives it
# through executable_path; `playwright install` cannot download a browser here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "note: chromium is not installed, so the browser tests will be skipped; install it with: sudo apt-get install chromium" >&2
fi
