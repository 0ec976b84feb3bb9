#!/usr/bin/env bash
# Builds if needed and runs every test (unit, differential against Jinja2, end-to-end PDF checks).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
