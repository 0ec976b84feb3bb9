#!/usr/bin/python3
"""Regenerate the golden expectations of the differential suite from Jinja2.

usage: /usr/bin/python3 tests/template/regen_expected.py [-k REGEX]...

Writes, in every case folder, expected.txt (Jinja2's exact output bytes, UTF-8)
or expected-error.txt ("FILE:LINE: Type: message" for the template and line
Jinja2 blames), removing the other one.  Review the git diff before committing:
these files are the reference the engine is held to.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import jinja_oracle  # noqa: E402

CASES = os.path.join(HERE, "cases")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", action="append", default=[])
    a = ap.parse_args()
    n_ok = n_err = 0
    for name in sorted(os.listdir(CASES)):
        d = os.path.join(CASES, name)
        if not os.path.isdir(d) or (a.k and not any(re.search(k, name) for k in a.k)):
            continue
        r = jinja_oracle.render_case(d)
        fname, text = jinja_oracle.expectation_text(r)
        for stale in ("expected.txt", "expected-error.txt"):
            if stale != fname and os.path.exists(os.path.join(d, stale)):
                os.remove(os.path.join(d, stale))
        with open(os.path.join(d, fname), "wb") as f:
            f.write(text.encode("utf-8"))
        if r["ok"]:
            n_ok += 1
        else:
            n_err += 1
    print(f"regen_expected: {n_ok} output expectations, {n_err} error expectations")


if __name__ == "__main__":
    main()
