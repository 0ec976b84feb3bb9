#!/usr/bin/env bash
# End-to-end tests of the quorum CLI. Usage: cli_test.sh PATH/TO/quorum
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"

expect_err_line() {  # first stderr line must match the regex
    local first
    first=$(head -n1 "$work/stderr")
    [[ "$first" =~ $1 ]] || fail "$2: stderr first line '$first' does not match '$1'"
}

mkdir -p "$work/t1" "$work/t2/sub"
printf 'Hello {{ name }}!\n' >"$work/t1/hello.txt.j2"
printf '<p>{{ name }}</p>\n' >"$work/t1/page.html.j2"
printf 'from t1' >"$work/t1/both.txt"
printf 'from t2' >"$work/t2/both.txt"
printf 'only t2 {%% include "sub/inc.txt" %%}' >"$work/t2/only2.txt"
printf 'a\n{{ nope }}' >"$work/t2/sub/inc.txt"
printf '{%% if x %%}\n' >"$work/t1/broken.txt"
printf '{"name": "<Ada>"}' >"$work/data.json"
printf '{"name": \n  [1, 2,, 3]}' >"$work/bad.json"
printf '[1, 2]' >"$work/list.json"

# --help and --version
run --help
expect_code 0 "--help"
[[ "$out" == *render-template* ]] || fail "--help does not mention render-template"
run render-template --help
expect_code 0 "render-template --help"
[[ "$out" == *--templates* && "$out" == *--data* ]] || fail "render-template --help lacks options"
run --version
expect_code 0 "--version"
[[ "$out" =~ ^quorum\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "--version printed '$out'"

# rendering to stdout, autoescape by name, trailing newline removed as Jinja2 does
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/data.json"
expect_code 0 "render txt"
expect_out "Hello <Ada>!" "render txt"
run render-template page.html.j2 --templates "$work/t1" --data "$work/data.json"
expect_out "<p>&lt;Ada&gt;</p>" "render html"

# template folders are searched in order
run render-template both.txt --templates "$work/t1" --templates "$work/t2" --data "$work/data.json"
expect_out "from t1" "search order"
run render-template both.txt --templates "$work/t2" --templates "$work/t1" --data "$work/data.json"
expect_out "from t2" "search order reversed"

# -o writes the file; an error leaves an existing file untouched and writes nothing
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/data.json" -o "$work/out/hello.txt"
expect_code 0 "-o"
expect_out "" "-o prints nothing"
[ "$(cat "$work/out/hello.txt")" == "Hello <Ada>!" ] || fail "-o content"
run render-template broken.txt --templates "$work/t1" --data "$work/data.json" -o "$work/out/hello.txt"
expect_code 1 "-o with error"
[ "$(cat "$work/out/hello.txt")" == "Hello <Ada>!" ] || fail "-o overwritten on error"
run render-template broken.txt --templates "$work/t1" --data "$work/data.json" -o "$work/out/new.txt"
[ ! -e "$work/out/new.txt" ] || fail "-o created a file on error"
[ -z "$(ls "$work/out" | grep -v '^hello.txt$')" ] || fail "-o left temporary files: $(ls "$work/out")"
# an output that cannot be written (here a folder) is the user's error, named, exit 1
mkdir -p "$work/out/folder/entry"
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/data.json" -o "$work/out/folder"
expect_code 1 "-o onto a folder"
expect_out "" "-o onto a folder stdout"
expect_err_line "^$work/out/folder: error: cannot write the output: " "-o onto a folder"

# syntax error: exit 1, nothing on stdout, FILE:LINE:COL
run render-template broken.txt --templates "$work/t1" --data "$work/data.json"
expect_code 1 "syntax error"
expect_out "" "syntax error stdout"
expect_err_line "^broken.txt:1:[0-9]+: error: Unexpected end of template" "syntax error"

# runtime error in an include names the chain
run render-template only2.txt --templates "$work/t2" --data "$work/data.json"
expect_code 1 "runtime error"
expect_out "" "runtime error stdout"
expect_err_line "^sub/inc.txt:2:4: error: 'nope' is undefined$" "runtime error"
[[ "$(sed -n 2p "$work/stderr")" == "  included from only2.txt:1:12" ]] || fail "include chain: $(sed -n 2p "$work/stderr")"

# data file errors
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/bad.json"
expect_code 1 "bad json"
expect_err_line "bad.json:2:9: error: " "bad json position"
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/list.json"
expect_code 1 "non-object json"
expect_err_line "list.json:1:1: error: .*object" "non-object json"
run render-template hello.txt.j2 --templates "$work/t1" --data "$work/missing.json"
expect_code 1 "missing json"
expect_err_line "missing.json:1:1: error: " "missing json"

# missing entry, refused paths
run render-template nothere.txt --templates "$work/t1" --data "$work/data.json"
expect_code 1 "missing entry"
expect_err_line "^nothere.txt:[0-9]+:[0-9]+: error: template not found" "missing entry"
run render-template ../t2/both.txt --templates "$work/t1" --data "$work/data.json"
expect_code 1 "escaping entry"
expect_err_line "error: refusing to load template" "escaping entry"

# usage errors are not template errors
run render-template hello.txt.j2 --data "$work/data.json"
[ "$code" -ne 0 ] || fail "missing --templates accepted"

if [ "$failures" -ne 0 ]; then
    echo "cli_test: $failures failure(s)" >&2
    exit 1
fi
echo "cli_test: all passed"
