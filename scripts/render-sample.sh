#!/usr/bin/env bash
# Fresh machine to the published papers of a real meeting: install, build, then make the
# agenda pack of the Children, Education, Libraries & Safeguarding Committee of 7 March 2018
# (seed 002) into output/:
#   output/children-education-libraries-safeguarding-committee-2018-03-07-agenda-pack.pdf
#   output/items/NN-*.pdf          each item as its own PDF, with its pack page numbers
#   output/children-…-2018-03-07-agenda.html and output/html/   the same papers as web pages
#   output/manifest.json           every file with its SHA-256, the items' page ranges, the inputs
# SOURCE_DATE_EPOCH (default: 26 February 2018, the day before the statutory publication
# date) makes the files reproducible and keeps the late-publication warning quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1519603200}"
build/quorum pack data/meetings/cels-2018-03-07.json -o output/
echo "rendered the 7 March 2018 agenda pack into output/ (see output/manifest.json)"
