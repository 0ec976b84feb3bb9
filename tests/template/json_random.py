#!/usr/bin/python3
"""Random JSON data files, loaded by `quorum render-template` and by Python's json + Jinja2:
the printed data must be the same bytes.

The JSON reader (src/template/json_data.cpp) takes shortcuts for table-like data: rows that
repeat a recent row's keys share its key list, a key that repeats the previous row's key at the
same position is recognised by its raw bytes, plain strings point into the file's text, and
short integers and decimals are read as they are scanned. These documents aim at those shortcuts' edges:
rows of a few shapes, keys written with and without escapes for the same text ("a\\u0062" and
"ab"), a key whose text is another key's escaped spelling, keys that need escapes, duplicate keys, integers on both sides of 18 digits, floats,
nesting, non-ASCII and surrogate pairs.

Usage: json_random.py QUORUM [--documents N] [--seed S]"""
import argparse, json, os, random, subprocess, sys, tempfile

import jinja2

TEMPLATE = "{{ rows }}\n{{ rows | length }}\n"
# As written in the JSON text: "a\\u0062" and "ab" are one key; "a\\\\u0062" is the six characters
# a\u0062, whose bytes are the first one's raw text.
KEYS = ["ref", "rag", "a\\u0062", "ab", "a\\\\u0062", 't\\"q', "x\\\\y", "caf\\u00e9", "café", "e\\n", "long" * 20, "", "k"]
NUMBERS = ["0", "-0", "1e5", "1.5E-3", "123456789012345678", "-999999999999999999", "1000000000000000000",
           "0.1", "-0.0", "1e400", "9223372036854775807", "-9223372036854775809"]
STRINGS = ['"G"', '"GA"', '"R"', '"a\\u00e9b"', '"tab\\t"', '"\\ud83d\\ude00"', '"plain text here"', '"q\\""', '"€"']


class Document:
    def __init__(self, rng):
        self.rng = rng

    def scalar(self):
        r = self.rng.random()
        if r < 0.2:
            return str(self.rng.randint(-10**20, 10**20))
        if r < 0.3:
            return self.rng.choice(NUMBERS)
        if r < 0.4:
            return self.rng.choice(["true", "false", "null"])
        if r < 0.5:
            return json.dumps("x" * self.rng.randint(0, 80))
        return self.rng.choice(STRINGS)

    def value(self, depth):
        r = self.rng.random()
        if depth < 3 and r < 0.15:
            keys = [self.rng.choice(KEYS) for _ in range(self.rng.randint(0, 6))]
            return "{" + ", ".join(f'"{k}": {self.value(depth + 1)}' for k in keys) + "}"
        if depth < 3 and r < 0.25:
            return "[" + ", ".join(self.value(depth + 1) for _ in range(self.rng.randint(0, 4))) + "]"
        return self.scalar()

    def text(self):
        # Rows of three shapes, so that key lists are shared between rows.
        shapes = [[self.rng.choice(KEYS) for _ in range(self.rng.randint(1, 6))] for _ in range(3)]
        rows = []
        for _ in range(self.rng.randint(1, 30)):
            keys = self.rng.choice(shapes)
            rows.append("{" + ",".join(f'"{k}":{self.value(1)}' for k in keys) + "}")
        return '{"rows": [' + ",".join(rows) + "]}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("quorum")
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2018)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "main.txt"), "w") as f:
            f.write(TEMPLATE)
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), undefined=jinja2.StrictUndefined)
        for n in range(args.documents):
            data = os.path.join(folder, "data.json")
            with open(data, "w", encoding="utf-8") as f:
                f.write(Document(rng).text())
            with open(data, encoding="utf-8") as f:
                expected = env.get_template("main.txt").render(json.load(f))
            # A hang in the reader fails this document (TimeoutExpired names it), not the whole suite.
            run = subprocess.run([args.quorum, "render-template", "main.txt", "--templates", folder, "--data", data],
                                 capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=20)
            if run.returncode != 0 or run.stdout != expected:
                failures += 1
                if failures <= 3:
                    with open(data, encoding="utf-8") as f:
                        print(f"document {n} differs:\n  data:     {f.read()[:400]}\n  quorum:   {(run.stdout or run.stderr)[:400]}"
                              f"\n  Jinja2:   {expected[:400]}")
    print(f"json_random: {args.documents - failures} agree, {failures} differ")
    return 1 if failures else 0


sys.exit(main())
