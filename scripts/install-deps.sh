#!/usr/bin/env bash
# Installs the Debian packages Quorum needs to build, run and test, if any are missing.
# Idempotent: when everything is present it only runs dpkg queries (well under a second).
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  lld                  # links quorum with its hot functions together (src/CMakeLists.txt)
  libhpdf-dev          # libharu: PDF writing
  libpng-dev zlib1g-dev  # the PDF stage decodes PNGs and deflates pages itself
  nlohmann-json3-dev   # JSON data and the template engine's values
  libgmp-dev           # template integers beyond 64 bits, exact as Python's
  libcli11-dev         # command line
  libpugixml-dev       # XHTML parsing
  libfreetype-dev      # font metrics and glyph coverage
  libhyphen-dev hyphen-en-gb  # hyphenation (hyphens: auto)
  libvalijson-dev             # JSON Schema validation of reports and meetings
  libqpdf-dev                 # merging existing PDF appendices into packs, splitting items
  catch2               # unit tests
  # fonts
  fonts-liberation2 fonts-dejavu-core
  fonts-urw-base35     # tests: a CFF-outline .otf the font catalogue must refuse clearly
  # test oracles and PDF readers
  python3 python3-jinja2 poppler-utils qpdf mupdf-tools
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
