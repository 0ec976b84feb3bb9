#!/usr/bin/env python3
"""Benchmark `quorum pack`: generated meetings of 10 and 50 items, each item a report of a
few pages (paragraphs, a free table), every fifth with a paper appendix and every tenth
with a 2-page PDF appendix. Prints a table of medians (wall time, peak RSS) over --runs.

    bench/pack_bench.py --quorum build/quorum [--runs 5] [--items 10 50]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("the committee noted that library visits rose across the borough while spending on school "
         "improvement stayed within budget and officers will report progress at the next meeting").split()


def sentence(seed, length=28):
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def report(number):
    paragraphs = [" ".join(sentence(number * 10 + k + j) for j in range(4)) for k in range(8)]
    table = {"table": {"caption": f"Table {number}: figures", "head": [["Service", "Budget", "Outturn"]],
                       "rows": [[f"Service {r}", f"{1000 + r * 37}", f"{990 + r * 41}"] for r in range(12)]}}
    return {
        "kind": "report", "committee": "Bench Committee", "meeting_date": "2018-03-07",
        "cover": {"title": f"Report number {number}", "report_of": "Director", "wards": "All", "status": "public",
                  "officer_contacts": [{"name": "An Officer", "email": "officer@example.gov.uk"}]},
        "summary": [sentence(number)],
        "recommendations": ["That the Committee notes the report."],
        "sections": {"why_needed": paragraphs[:4] + [table], "reasons": paragraphs[4:6],
                     "alternatives": "Not applicable.", "background_papers": "None."},
    }


def appendix(number):
    return {"kind": "document", "title": f"Appendix to report {number}",
            "content": [" ".join(sentence(number + k + j) for j in range(5)) for k in range(6)]}


def make_meeting(folder, items, pdf_appendix):
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for n in range(1, items + 1):
        (folder / f"report-{n}.json").write_text(json.dumps(report(n)))
        entry = {"number": str(n), "title": f"Report number {n}", "kind": "report", "paper": f"report-{n}.json"}
        appendices = []
        if n % 5 == 0:
            (folder / f"appendix-{n}.json").write_text(json.dumps(appendix(n)))
            appendices.append({"title": f"Appendix to report {n}", "paper": f"appendix-{n}.json"})
        if n % 10 == 0:
            appendices.append({"title": "Survey results", "pdf": str(pdf_appendix)})
        if appendices:
            entry["appendices"] = appendices
        entries.append(entry)
    meeting = json.loads((ROOT / "tests/data/pack/meeting.json").read_text())
    meeting.pop("$schema", None)
    meeting["committee"] = "Bench Committee"
    meeting["items"] = entries
    path = folder / "meeting.json"
    path.write_text(json.dumps(meeting, indent=1))
    return path


def timed_run(args, env):
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    error = child.stderr.read().decode()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"quorum pack failed: {error}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quorum", default=str(ROOT / "build/quorum"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, nargs="+", default=[10, 50])
    options = parser.parse_args()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1519603200")
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        pdf = work / "survey.pdf"
        subprocess.run([options.quorum, "render", str(ROOT / "tests/data/pack/appendix-source.xhtml"), "-o", str(pdf)],
                       check=True)
        for items in options.items:
            meeting = make_meeting(work / f"m{items}", items, pdf)
            out = work / f"out{items}"
            runs = [timed_run([options.quorum, "pack", str(meeting), "-o", str(out), "--quiet"], env)
                    for _ in range(options.runs)]
            manifest = json.loads((out / "manifest.json").read_text())
            rows.append((items, manifest["pack_pages"], statistics.median(r[0] for r in runs),
                         statistics.median(r[1] for r in runs)))
    base = rows[0]
    print(f"quorum pack, median of {options.runs} runs (SOURCE_DATE_EPOCH fixed)\n")
    print("| items | pack pages | time (s) | peak RSS (MB) | time vs first | memory vs first |")
    print("|---:|---:|---:|---:|---:|---:|")
    for items, pages, seconds, rss in rows:
        print(f"| {items} | {pages} | {seconds:.2f} | {rss:.1f} | {seconds / base[2]:.2f}x | {rss / base[3]:.2f}x |")


if __name__ == "__main__":
    main()
