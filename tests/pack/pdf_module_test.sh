#!/usr/bin/env bash
# qpdf lives in a module next to the executable (pack/qpdf/pdf_assembly_module.h): commands that
# never open an existing PDF must not load it, `quorum pack` must, and a missing module is an
# internal error (exit 2) that names the path it looked for.
set -uo pipefail
source "$(dirname "$0")/../cli/cli_test_lib.sh"
cd "$(dirname "$0")/../.."

# The fixture meeting with its PDF appendix made, as pack_e2e.py does.
cp -r tests/data/pack "$work/fixture"
"$quorum" render "$work/fixture/appendix-source.xhtml" -o "$work/fixture/appendix.pdf" || fail "rendering the appendix"
meeting="$work/fixture/meeting.json"

loaded_libraries() { LD_DEBUG=files "$quorum" "$@" 2>&1 >/dev/null | grep -o 'file=[^ ]*' | sort -u; }

for command in "--version" "render $work/fixture/appendix-source.xhtml -o $work/plain.pdf"; do
    # shellcheck disable=SC2086
    libraries=$(loaded_libraries $command)
    grep -q 'libhpdf\|libstdc' <<<"$libraries" || [ "$command" == "--version" ] ||
        fail "quorum $command: LD_DEBUG shows no libraries at all"
    if grep -E 'qpdf|gnutls|quorum_pdf_assembly' <<<"$libraries"; then fail "quorum $command loads the qpdf module"; fi
done
[ -s "$work/plain.pdf" ] || fail "render wrote no PDF"

libraries=$(SOURCE_DATE_EPOCH=1519603200 loaded_libraries pack "$meeting" -o "$work/pack")
grep -q 'quorum_pdf_assembly.so' <<<"$libraries" || fail "quorum pack did not load the qpdf module"
[ -s "$work/pack/manifest.json" ] || fail "quorum pack wrote no manifest"

mkdir "$work/alone"
cp "$quorum" "$work/alone/quorum"
quorum="$work/alone/quorum"
run pack "$meeting" -o "$work/pack-without-module"
expect_code 2 "pack without the module"
grep -q "$work/alone/quorum_pdf_assembly.so" <<<"$err" || fail "the error does not name the module's path: $err"
[ ! -e "$work/pack-without-module/manifest.json" ] || fail "a pack was written without the module"

[ "$failures" -eq 0 ] && echo "ok" || exit 1
