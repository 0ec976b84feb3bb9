#!/usr/bin/env bash
# Fresh machine to rendered sample: install, build, render the sample into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build/quorum render-template sample.txt.j2 --templates templates --data data/sample.json -o output/sample.txt
echo "rendered output/sample.txt"
