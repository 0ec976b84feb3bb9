#!/usr/bin/python3
"""Differential test: Quorum's template engine against Python's Jinja2 3.1.

usage: /usr/bin/python3 tests/template/differential.py [QUORUM_BINARY] [-k REGEX]... [-j N]
                                                       [--oracle-only] [-v]

For every case folder in tests/template/cases/ (NNN-name/ holding main.<ext>,
other templates and data.json):

 1. render it with Jinja2 in-process (jinja_oracle.py) and check that Jinja2 still
    agrees with the stored golden expectation (expected.txt, or expected-error.txt
    holding "FILE:LINE: Type: message"); a difference means Jinja2 changed
    (regenerate with regen_expected.py and review the diff);
 2. run `QUORUM render-template main.<ext> --templates CASE --data CASE/data.json`
    and compare:
      - success case: exit 0 and stdout bytes identical to Jinja2's output;
      - error case:   exit 1, empty stdout, and stderr's first line matching
                      ^FILE:LINE:COL: error:  with FILE/LINE the template and line
                      Jinja2 blames and COL a positive integer.
    A case may hold quorum-expect.txt, a documented deviation where Quorum is
    stricter than Jinja2 (issue 2: unknown filters/tests are errors at load time,
    even in a branch that never runs).  Its first line is "error FILE:LINE" and
    the rest says why; Quorum must then fail as for an error case at FILE:LINE.

-k REGEX selects cases whose folder name matches (re.search; repeatable, OR-ed).
--oracle-only skips step 2 (useful without a binary).
Cases listed in known-failures.txt are open defects: reported as XFAIL while they
fail, and a failure of the run (XPASS) once they pass, so the list is kept honest.
Prints one line per failure (with a short diff), then
"differential: N passed, M failed"; exits 1 on any failure.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import jinja_oracle  # noqa: E402

CASES = os.path.join(HERE, "cases")
KNOWN_FAILURES = os.path.join(HERE, "known-failures.txt")


def known_failures():
    """Open defects listed in known-failures.txt: {case name: why}."""
    known = {}
    with open(KNOWN_FAILURES, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, _, why = line.strip().partition(" ")
                known[name] = why.strip()
    return known
TIMEOUT = 20  # seconds per quorum run; a hang is a failure


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def short_diff(expected, got, limit=12, labels=("jinja2", "quorum")):
    e = expected.decode("utf-8", "replace").splitlines(keepends=True)
    g = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(e, g, labels[0], labels[1], n=1))
    if not lines:  # differ only in bytes the line split hides (e.g. trailing newline)
        return f"    {labels[0]}: {expected[-60:]!r}\n    {labels[1]}: {got[-60:]!r}"
    out = ["    " + l.rstrip("\n") for l in lines[:limit]]
    if len(lines) > limit:
        out.append(f"    ... ({len(lines) - limit} more diff lines)")
    return "\n".join(out)


def oracle_check(case_dir):
    """Run Jinja2, compare with the stored expectation. Returns (result, problem or None)."""
    try:
        r = jinja_oracle.render_case(case_dir)
    except Exception as e:  # the case itself is broken
        return None, f"oracle could not run the case: {type(e).__name__}: {e}"
    fname, text = jinja_oracle.expectation_text(r)
    other = "expected-error.txt" if fname == "expected.txt" else "expected.txt"
    path = os.path.join(case_dir, fname)
    if os.path.exists(os.path.join(case_dir, other)) or not os.path.exists(path):
        return r, f"Jinja2 now gives {fname} but the stored expectation differs (run regen_expected.py and review)"
    stored = read_bytes(path)
    if stored != text.encode("utf-8"):
        return r, ("Jinja2's output differs from the stored " + fname + " (Jinja2 upgraded? regen and review)\n"
                   + short_diff(stored, text.encode("utf-8"), labels=("stored", "jinja2 now")))
    return r, None


def deviation(case_dir):
    p = os.path.join(case_dir, "quorum-expect.txt")
    if not os.path.exists(p):
        return None
    first = read_bytes(p).decode("utf-8").splitlines()[0]
    m = re.fullmatch(r"error (\S+):(\d+)", first.strip())
    if not m:
        raise RuntimeError(f"{p}: first line must be 'error FILE:LINE'")
    return m.group(1), int(m.group(2))


def run_quorum(binary, case_dir):
    entry = jinja_oracle.entry_name(case_dir)
    cmd = [binary, "render-template", entry, "--templates", case_dir,
           "--data", os.path.join(case_dir, "data.json")]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {TIMEOUT}s".encode()
    return p.returncode, p.stdout, p.stderr


def quorum_check(binary, case_dir, r):
    dev = deviation(case_dir)
    code, out, err = run_quorum(binary, case_dir)
    if code is None:
        return "quorum hung: " + err.decode()
    if code < 0 or code > 1:
        return f"quorum crashed or exited {code}; stderr: {err.decode('utf-8', 'replace')[:300]!r}"
    if dev is None and r["ok"]:
        want = r["output"].encode("utf-8")
        if code != 0:
            first = err.decode("utf-8", "replace").splitlines()[:1]
            return f"Jinja2 renders it, quorum exited {code}: {first[0] if first else '(no stderr)'}"
        if out != want:
            return "output differs from Jinja2\n" + short_diff(want, out)
        return None
    file, line = dev if dev else (r["file"], r["line"])
    why = "quorum-expect.txt (stricter than Jinja2)" if dev else f'Jinja2: {r["type"]}: {r["message"]}'
    if code == 0:
        return (f"quorum rendered {len(out)} bytes ({out[:60]!r}) but must fail: {why} at {file}:{line}")
    problems = []
    if code != 1:
        problems.append(f"exit {code}, want 1")
    if out:
        problems.append(f"stdout not empty ({len(out)} bytes: {out[:60]!r})")
    first = (err.decode("utf-8", "replace").splitlines() or [""])[0]
    m = re.match(r"^(.*?):(\d+):(\d+): error: ", first)
    if not m:
        problems.append(f"stderr first line not FILE:LINE:COL: error: ... : {first[:200]!r}")
    else:
        if m.group(1) != file or int(m.group(2)) != line or int(m.group(3)) < 1:
            problems.append(f"blames {m.group(1)}:{m.group(2)}:{m.group(3)}, want {file}:{line}:COL")
    if problems:
        return f"error case ({why} at {file}:{line}): " + "; ".join(problems) + (
            f"\n    stderr: {first[:200]}" if m else "")
    return None


def check_groups():
    with open(os.path.join(HERE, "extra.cmake"), encoding="utf-8") as f:
        text = f.read()
    regexes = [m.group(1) for m in re.finditer(r'^\s*"[^"|]*\|([^"]*)"', text, re.M)]
    bad = 0
    for n in sorted(os.listdir(CASES)):
        hits = sum(1 for r in regexes if re.search(r, n))
        if hits != 1:
            print(f"{n}: matched by {hits} CTest groups in extra.cmake, want 1")
            bad += 1
    print(f"differential: {len(regexes)} groups, {bad} ungrouped or doubly grouped cases")
    return 1 if bad or not regexes else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", nargs="?", help="path to the quorum executable")
    ap.add_argument("-k", action="append", default=[], metavar="REGEX", help="run cases whose name matches")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2, help="parallel quorum processes")
    ap.add_argument("--oracle-only", action="store_true", help="only check Jinja2 against the stored expectations")
    ap.add_argument("-v", action="store_true", help="print passing cases too")
    ap.add_argument("--check-groups", action="store_true",
                    help="check that every case falls in exactly one CTest group of extra.cmake")
    a = ap.parse_args()
    if a.check_groups:
        return check_groups()
    if not a.oracle_only and not a.binary:
        ap.error("give the quorum binary path (or --oracle-only)")
    if a.binary and not a.oracle_only and not os.access(a.binary, os.X_OK):
        ap.error(f"{a.binary}: not an executable")
    binary = os.path.abspath(a.binary) if a.binary else None

    names = sorted(d for d in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, d)))
    if a.k:
        names = [n for n in names if any(re.search(k, n) for k in a.k)]
    if not names:
        print("differential: no case matches", file=sys.stderr)
        print("differential: 0 passed, 0 failed")
        return 1

    # Jinja2 first, in-process and sequential (it is fast); then quorum in parallel.
    oracle = {}
    failures = {}
    for n in names:
        r, problem = oracle_check(os.path.join(CASES, n))
        oracle[n] = r
        if problem:
            failures[n] = "ORACLE: " + problem

    if not a.oracle_only:
        todo = [n for n in names if oracle[n] is not None]
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.j)) as pool:
            futs = {pool.submit(quorum_check, binary, os.path.join(CASES, n), oracle[n]): n for n in todo}
            for f in concurrent.futures.as_completed(futs):
                n = futs[f]
                try:
                    problem = f.result()
                except Exception as e:
                    problem = f"runner error: {type(e).__name__}: {e}"
                if problem:
                    failures[n] = (failures[n] + "\n  " if n in failures else "") + problem

    known = known_failures()
    xfailed = set()
    for n in names:
        if n not in known or a.oracle_only or failures.get(n, "").startswith("ORACLE: "):
            continue
        if n in failures:
            print(f"XFAIL {n}: known defect ({known[n]}): {failures.pop(n).splitlines()[0]}")
            xfailed.add(n)
        else:
            failures[n] = "XPASS: now matches Jinja2; remove it from known-failures.txt"

    passed = 0
    for n in names:
        if n in failures:
            print(f"FAIL {n}: {failures[n]}")
        elif n not in xfailed:
            passed += 1
            if a.v:
                print(f"ok   {n}")
    if xfailed:
        print(f"differential: {len(xfailed)} known defects still failing (known-failures.txt)")
    print(f"differential: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
