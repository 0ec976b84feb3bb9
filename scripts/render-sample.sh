#!/usr/bin/env bash
# Fresh machine to rendered samples: install, build, then render into output/
#   output/sample.txt          a text order of business (template engine only)
#   output/sample-agenda.pdf   an agenda (template -> XHTML -> typesetter -> PDF)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build/quorum render-template sample.txt.j2 --templates templates --data data/sample.json -o output/sample.txt
build/quorum render-template sample-agenda.xhtml.j2 --templates templates --data data/sample-agenda.json \
  -o output/sample-agenda.xhtml
build/quorum render output/sample-agenda.xhtml --stylesheet templates/style/agenda.css -o output/sample-agenda.pdf
echo "rendered output/sample.txt, output/sample-agenda.xhtml and output/sample-agenda.pdf"
