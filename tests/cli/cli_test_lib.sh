# Shared by the CLI end-to-end scripts (source it after `set -uo pipefail`, with the quorum
# binary as $1): a scratch folder removed on exit, a failure counter, and run/expect helpers.
quorum=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run ARGS...: runs quorum, leaving $code, $out, $err
run() {
    "$quorum" "$@" >"$work/stdout" 2>"$work/stderr"
    code=$?
    out=$(cat "$work/stdout")
    err=$(cat "$work/stderr")
}

expect_code() { [ "$code" -eq "$1" ] || fail "$2: exit $code, want $1 (stderr: $err)"; }
expect_out() { [ "$out" == "$1" ] || fail "$2: stdout '$out', want '$1'"; }
