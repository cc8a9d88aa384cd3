#!/usr/bin/env bash
# Installs the Debian packages the build needs beyond Python packages: Pango (WeasyPrint lays out the PDFs with
# it), a fallback font with every Azerbaijani letter (the PDFs use the fonts shipped in
# planreader/publish/fonts/; DejaVu only covers a character it lacks), and, with --test, poppler-utils (pdftotext,
# pdffonts, pdftoppm read the PDFs in tests/test_pdf.py). Quick when everything is there: one dpkg query.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "${1:-}" = "--test" ]; then packages+=(poppler-utils); fi
command -v dpkg-query >/dev/null 2>&1 || exit 0  # not Debian: the README names what to install
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's ${missing[*]} for the PDFs…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "note: the PDFs need Debian's ${missing[*]}; install with: sudo apt-get install ${missing[*]}" >&2
fi
