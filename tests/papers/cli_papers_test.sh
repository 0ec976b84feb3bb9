#!/usr/bin/env bash
# End-to-end tests of `quorum validate` and `quorum report`: exit codes, messages naming the
# file and the JSON path, nothing written on error, a rendered report read back with pdftotext.
# Usage: cli_papers_test.sh PATH/TO/quorum   (run from the source tree's root)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cli/cli_test_lib.sh"
data=tests/data/papers
expect_err() { [ "$err" == "$1" ] || fail "$2: stderr
$err
want
$1"; }
expect_no_file() { [ ! -e "$1" ] || fail "$2: $1 was written"; }

# --- validate

run validate "$data/report.json" "$data/minutes.json" "$data/meeting.json"
expect_code 0 "validate valid files"
expect_out "$data/report.json: ok
$data/minutes.json: ok
$data/meeting.json: ok" "validate valid files"
expect_err "" "validate valid files"

run validate "$data/invalid-report.json" "$data/report.json" "$data/invalid-meeting.json"
expect_code 1 "validate invalid files"
expect_out "$data/report.json: ok" "validate: the valid file among invalid ones"
expect_err "$data/invalid-report.json: /cover: missing required key \"title\", expected non-empty text
$data/invalid-report.json: /cover/status: found \"secret\", expected \"public\" or \"exempt\"
$data/invalid-report.json: /cover/titel: found unknown key \"titel\", expected \"title\" (a typing slip?)
$data/invalid-report.json: /indicators/items/0/target: found \"seventy\", expected a number, \"Monitor\", {\"text\", \"value\"}, {\"text\", \"rank\"}, {\"text\"}, or null
$data/invalid-report.json: /meeting_date: found \"2018-6-6\", expected a date YYYY-MM-DD
$data/invalid-meeting.json: /items/0/kind: found \"item\", expected one of \"standard\", \"minutes\", \"members_item\", \"report\", \"work_programme\", or \"urgent\"
$data/invalid-meeting.json: /time: found \"7pm\", expected a time HH:MM (24-hour)" "validate invalid files"

# A meeting is checked as `quorum pack` would: its papers too, and item numbers used twice.
run validate "$data/meeting-bad-papers.json"
expect_code 1 "validate a meeting with bad papers"
[[ "$err" == *"$data/meeting-bad-papers.json: /items/2/number: item number \"2\" is used twice"* ]] ||
    fail "validate meeting: duplicate item number not reported: $err"
[[ "$err" == *"$data/meeting-bad-papers.json: /items/0/paper: "*"missing-minutes.json does not exist"* ]] ||
    fail "validate meeting: missing paper not reported: $err"
[[ "$err" == *"$data/invalid-report.json: /meeting_date: found \"2018-6-6\", expected a date YYYY-MM-DD"* ]] ||
    fail "validate meeting: the invalid paper's problems not reported: $err"

run validate "$data/stated-mismatch.json"
expect_code 1 "validate: a stated figure that disagrees"
expect_err "$data/stated-mismatch.json: /budget/revenue/lines/0/stated/variance: stated variance 2,371 disagrees with the derived 2,370 (outturn 57,409 − revised budget 55,039)" "validate: stated figure"

run validate "$data/syntax-error.json"
expect_code 1 "validate: JSON syntax error"
expect_err "$data/syntax-error.json:2:9: invalid JSON: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal" "validate: JSON syntax error"

run validate "$work/missing.json"
expect_code 1 "validate: missing file"
expect_err "$work/missing.json: no such file" "validate: missing file"

QUORUM_DATA="$work/no-data" run validate "$data/report.json"
expect_code 2 "validate without schemas (internal error)"
[[ "$err" == *"internal error"*"cannot read the schema"* ]] || fail "validate without schemas: stderr '$err'"

run validate
[ "$code" -ne 0 ] || fail "validate without files: exit 0"

# --- report

run report "$data/report.json" -o "$work/out/report.pdf" --xhtml "$work/out/report.xhtml"
expect_code 0 "report"
[ -s "$work/out/report.pdf" ] || fail "report: no PDF"
[ -s "$work/out/report.xhtml" ] || fail "report: no XHTML copy"
ls "$work/out" | grep -q tmp && fail "report: a temporary file was left in the output folder"
text=$(pdftotext -layout "$work/out/report.pdf" - 2>/dev/null)
for expected in "Quarterly Performance Test Report" "6 June 2018" "Burnt Oak; Colindale" \
                "Exempt – paragraph 3 of Schedule 12A" "NOT FOR PUBLICATION" "INTRODUCTION" \
                "1.1 +Aardvark first paragraph." "1.2 +Bison second paragraph." \
                "2.1 +Corporate Priorities and Performance" "2.1.1 +Quokka priorities paragraph1\." \
                "2.2.1 +Zebra legal paragraph." "Family Services +49,226 +55,039 +57,409 +2,370 +\(40\) +2,330 +4.2" \
                "1 +Source: Corporate Plan 2015-20"; do
    grep -Eq -- "$expected" <<<"$text" || fail "report PDF lacks /$expected/"
done
# Sections print in the fixed order whatever the key order in the file: Introduction, then 2 Implications.
intro=$(grep -n "INTRODUCTION" <<<"$text" | head -1 | cut -d: -f1)
implications=$(grep -n "IMPLICATIONS OF DECISION" <<<"$text" | head -1 | cut -d: -f1)
[ -n "$intro" ] && [ -n "$implications" ] && [ "$intro" -lt "$implications" ] || fail "report: sections out of order"
grep -q 'class="para-no">1.1 ' "$work/out/report.xhtml" || fail "report: XHTML copy lacks the numbered paragraph"

# The default output is output/<file stem>.pdf under the working folder.
mkdir -p "$work/cwd"
(cd "$work/cwd" && "$quorum" report "$OLDPWD/$data/minutes.json" >/dev/null 2>&1)
[ -s "$work/cwd/output/minutes.pdf" ] || fail "report: default output output/minutes.pdf not written"
minutes=$(pdftotext -layout "$work/cwd/output/minutes.pdf" - 2>/dev/null)
grep -q "16 January 2018" <<<"$minutes" || fail "minutes PDF lacks its date"
grep -Eq "Abstentions +4" <<<"$minutes" || fail "minutes PDF lacks the recorded votes"

# Errors: nothing written, all problems named with file and JSON path.
run report "$data/invalid-report.json" -o "$work/bad/invalid.pdf"
expect_code 1 "report of an invalid file"
expect_no_file "$work/bad" "report of an invalid file"
[ "$(wc -l <"$work/stderr")" -eq 5 ] || fail "report of an invalid file: want 5 problems, got: $err"
[[ "$err" == *"$data/invalid-report.json: /meeting_date: found \"2018-6-6\", expected a date YYYY-MM-DD"* ]] ||
    fail "report of an invalid file: stderr '$err'"

run report "$data/stated-mismatch.json" -o "$work/bad/mismatch.pdf" --xhtml "$work/bad/mismatch.xhtml"
expect_code 1 "report with a stated figure that disagrees"
expect_no_file "$work/bad" "report with a stated figure that disagrees"

run report "$data/syntax-error.json" -o "$work/bad/syntax.pdf"
expect_code 1 "report of a file with a JSON syntax error"
expect_no_file "$work/bad" "report of a JSON syntax error"

run report "$data/report.json" -o "$work/bad/broken.pdf" --templates "$data/broken-templates"
expect_code 1 "report with a broken template"
expect_no_file "$work/bad/broken.pdf" "report with a broken template"
[[ "$err" == report.xhtml.j2:1:* ]] || fail "report with a broken template: stderr '$err'"

run report "$data/meeting.json" -o "$work/bad/meeting.pdf"
expect_code 1 "report of a meeting file"
expect_no_file "$work/bad" "report of a meeting file"
expect_err "$data/meeting.json: found a meeting file, expected a paper (render a meeting with quorum pack)" "report of a meeting file"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "all papers CLI checks passed"
