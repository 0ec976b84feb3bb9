#!/usr/bin/python3
"""Typesetting benchmark: `quorum render` vs WeasyPrint on the same agenda-pack XHTML and CSS.

Usage: bench/typeset_bench.py [QUORUM] [--items 10,100] [--runs 5] [--weasyprint-runs 3]
                              [--weasyprint-runs-big 1] [--big 50] [--tools quorum,weasyprint]
                              [--results FILE] [--keep DIR]

QUORUM is the binary (default build/quorum). For each item count, bench/make_agenda_doc.py writes the
pack (about 8 A4 pages an item: cover, order of business with target-counter page numbers, items on
right-hand pages with blank pages between, numbered prose, budget tables, landscape indicator tables)
next to a copy of bench/agenda.css, and each tool renders it in fresh processes. Each run is timed from
a wrapper process whose RUSAGE_CHILDREN gives that run's peak RSS and CPU time. Printed per tool and
size: pages, median wall seconds, pages/s (wall), median CPU seconds (user + system, all threads: on a
shared, loaded machine wall time is mostly waiting for a core, so CPU is the steadier comparison), peak
RSS (max over runs), PDF size and KB/page; then the WeasyPrint/quorum ratios and quorum's linearity.

WeasyPrint is slow, so it runs --weasyprint-runs times up to --big items and --weasyprint-runs-big times
above; the table says how many runs each median is of. With --results FILE, measurements are kept in
a JSON file keyed by tool, items and the SHA-256 of the document, so the tools can be measured in
separate invocations (e.g. WeasyPrint's long run in the background) and the table printed from all.
WeasyPrint is Debian's `weasyprint`; installed with apt-get when missing (never a test dependency).
"""
import argparse, hashlib, json, os, re, resource, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

WRAPPER = ("import resource,subprocess,sys,time;t=time.perf_counter();"
           "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
           "d=time.perf_counter()-t;"
           "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
           "print(d,u.ru_maxrss,u.ru_utime+u.ru_stime,r.returncode)")


def run_once(cmd):
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system, all threads) of one fresh process,
    from a wrapper so RSS and CPU are this run's alone."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True).stdout
    seconds, rss, cpu, code = out.split()
    if code != "0":
        sys.exit(f"failed (exit {code}): {' '.join(cmd)}")
    return float(seconds), int(rss), float(cpu)


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    except (OSError, subprocess.CalledProcessError, AttributeError):
        with open(path, "rb") as f:
            return len(re.findall(rb"/Type\s*/Page[^s]", f.read()))


def ensure_weasyprint():
    if shutil.which("weasyprint"):
        return
    print("weasyprint not found: installing Debian's package with apt-get", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "weasyprint"], check=True)


def load_avg():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("quorum", nargs="?", default=os.path.join(HERE, "..", "build", "quorum"))
    ap.add_argument("--items", default="10,100")
    ap.add_argument("--runs", type=int, default=5, help="quorum runs per size")
    ap.add_argument("--weasyprint-runs", type=int, default=3)
    ap.add_argument("--weasyprint-runs-big", type=int, default=1)
    ap.add_argument("--big", type=int, default=50, help="above this many items, WeasyPrint runs fewer times")
    ap.add_argument("--tools", default="quorum,weasyprint")
    ap.add_argument("--results", help="JSON file to keep and reuse measurements in")
    ap.add_argument("--keep", help="directory to keep the documents and PDFs in")
    args = ap.parse_args()
    quorum = os.path.abspath(args.quorum)
    tools = args.tools.split(",")
    if "weasyprint" in tools:
        ensure_weasyprint()
    results = {}
    if args.results and os.path.exists(args.results):
        with open(args.results) as f:
            results = json.load(f)
    work = args.keep or tempfile.mkdtemp(prefix="typeset-bench-")
    os.makedirs(work, exist_ok=True)
    sizes = [int(s) for s in args.items.split(",")]
    load_before = load_avg()
    digests = {}
    for items in sizes:
        doc = os.path.join(work, f"agenda-{items}.xhtml")
        with open(doc, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "make_agenda_doc.py"), str(items)], stdout=f, check=True)
        shutil.copy(os.path.join(HERE, "agenda.css"), os.path.join(work, "agenda.css"))
        with open(doc, "rb") as f:
            h = hashlib.sha256(f.read() + open(os.path.join(work, "agenda.css"), "rb").read()).hexdigest()[:16]
        digests[items] = h
        for tool in tools:
            pdf = os.path.join(work, f"agenda-{items}-{tool}.pdf")
            if tool == "quorum":
                cmd, runs = [quorum, "render", doc, "-o", pdf], args.runs
            else:
                cmd = ["weasyprint", doc, pdf]
                runs = args.weasyprint_runs if items <= args.big else args.weasyprint_runs_big
            print(f"# {tool}, {items} items: {runs} run(s)...", file=sys.stderr, flush=True)
            samples = [run_once(cmd) for _ in range(runs)]
            results[f"{tool}/{items}/{h}"] = {
                "tool": tool, "items": items, "runs": runs, "pages": pdf_pages(pdf),
                "seconds": statistics.median(s for s, _, _ in samples), "all_seconds": [s for s, _, _ in samples],
                "cpu": statistics.median(c for _, _, c in samples),
                "rss_kib": max(r for _, r, _ in samples), "bytes": os.path.getsize(pdf), "load": load_avg()}
            if args.results:
                with open(args.results, "w") as f:
                    json.dump(results, f, indent=1)
    print(f"machine: {os.cpu_count()} cores, load average {load_before} before, {load_avg()} after "
          f"(shared and loaded: times are wall clock under that load)")
    print(f"documents: {work}/agenda-N.xhtml + agenda.css (same files for both tools)")
    hdr = (f"{'tool':<11}{'items':>6}{'runs':>5}{'pages':>7}{'median s':>10}{'pages/s':>9}{'CPU s':>8}{'peak MiB':>10}"
           f"{'PDF KB':>9}{'KB/page':>9}{'load':>7}")
    print(hdr)
    print("-" * len(hdr))
    rows = {}
    for items in sizes:
        for tool in ("quorum", "weasyprint"):
            r = results.get(f"{tool}/{items}/{digests[items]}")
            if not r:
                continue
            rows[(tool, items)] = r
            print(f"{tool:<11}{items:>6}{r['runs']:>5}{r['pages']:>7}{r['seconds']:>10.3f}"
                  f"{r['pages'] / r['seconds']:>9.1f}{r.get('cpu', float('nan')):>8.2f}{r['rss_kib'] / 1024:>10.1f}{r['bytes'] / 1000:>9.0f}"
                  f"{r['bytes'] / 1000 / r['pages']:>9.1f}{r['load'].split()[0]:>7}")
    print()
    for items in sizes:
        q, w = rows.get(("quorum", items)), rows.get(("weasyprint", items))
        if q and w:
            print(f"{items} items: WeasyPrint/quorum time {w['seconds'] / q['seconds']:.1f}x wall, "
                  f"{w.get('cpu', float('nan')) / q.get('cpu', float('nan')):.1f}x CPU (target >= 100x), "
                  f"memory {w['rss_kib'] / q['rss_kib']:.1f}x (target >= 20x), "
                  f"PDF size quorum/WeasyPrint {q['bytes'] / w['bytes']:.2f} (target <= 1)"
                  + ("" if q["pages"] == w["pages"] else f"; pages differ: quorum {q['pages']}, WeasyPrint {w['pages']}"))
    qs = [rows[("quorum", n)] for n in sizes if ("quorum", n) in rows]
    if len(qs) >= 2:
        a, b = qs[0], qs[-1]
        print(f"quorum linearity: {b['pages']} pages / {a['pages']} pages = {b['pages'] / a['pages']:.1f}x pages, "
              f"time {b['seconds'] / a['seconds']:.1f}x wall, {b.get('cpu', float('nan')) / a.get('cpu', float('nan')):.1f}x CPU "
              f"(target: no more than the page ratio), "
              f"seconds per page {a['seconds'] / a['pages'] * 1000:.2f} ms -> {b['seconds'] / b['pages'] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
