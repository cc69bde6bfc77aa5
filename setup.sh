#!/usr/bin/env bash
# Set up teikit on a fresh machine and run the main job on the bundled sample.
#
#  1. system tools the full test suite uses, when run as root with apt (Debian/Ubuntu):
#     chromium (browser test), a Java runtime (W3C HTML checker, jing), epubcheck (EPUB
#     test), poppler-utils (pdftotext: PDF text test), pango and fonts for WeasyPrint
#     (--format pdf: DejaVu for Latin/Cyrillic, WenQuanYi Micro Hei for Chinese), LibreOffice
#     Writer (a .docx saved by a real word processor for the DOCX reader's test); skipped
#     otherwise — those tests then skip cleanly;
#  2. a virtual environment .venv with teikit and its test extras;
#  3. the main job: the seeds (../shared/seeds) → TEI editions in tei/ → validated →
#     HTML and text editions in output/.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v jing >/dev/null 2>&1 || missing+=(jing)
  command -v epubcheck >/dev/null 2>&1 || missing+=(epubcheck)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # Word files saved by a real word processor for the DOCX reader's test
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  # WeasyPrint's system libraries and fonts covering Latin, Cyrillic and Chinese
  for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
             fonts-dejavu-core fonts-wqy-microhei; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    # not fatal: without these tools their tests skip, everything else still runs
    { apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null; } ||
      echo "setup: could not install ${missing[*]}; the tests that need them will skip"
  fi
fi

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[test]"

# the main job: teikit.toml makes this folder a teikit project (sources ../shared/seeds)
.venv/bin/teikit build
echo "setup: done — editions in tei/, HTML and text in output/ (open output/index.html)"
