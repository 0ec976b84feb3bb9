#!/usr/bin/env bash
# Regenerate the golden pages of the visual regression test (tests/data/visual/golden/NAME-pN.png).
# Usage: tests/visual/update_golden.sh [QUORUM] [NAME[,NAME]]   (QUORUM defaults to build/quorum)
# Then LOOK at every changed PNG (e.g. `pdftoppm -png` at a higher resolution for detail) before
# committing: a golden image is a reviewed statement that the page is right.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
quorum="${1:-$root/build/quorum}"
args=()
if [[ $# -ge 2 ]]; then args=(--only "$2"); fi
/usr/bin/python3 "$root/tests/visual/compare.py" "$quorum" --update "${args[@]}"
git -C "$root" status --short tests/data/visual/golden
