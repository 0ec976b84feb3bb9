#!/usr/bin/python3
"""Template engine benchmark: quorum render-template vs Jinja2, fresh processes, same template and data.

Usage: bench/template_bench.py [--quorum build/quorum] [--runs 7] [--scales 1,10,100]
Prints, per scale: median wall seconds, median CPU seconds (user + system: steadier than wall time
on a shared machine), peak RSS, and the Jinja2/quorum ratios; checks outputs are identical. The two
tools' runs alternate, so a slow spell of the machine falls on both."""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))

def run_once(cmd):
    """Wall time, CPU time and peak RSS (KiB) of one fresh process, measured from a wrapper so
    RSS and CPU are per run."""
    wrapper = ("import resource,subprocess,sys,time;t=time.perf_counter();"
               "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
               "d=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(d,u.ru_utime+u.ru_stime,u.ru_maxrss,r.returncode)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True).stdout
    seconds, cpu, rss, code = out.split()
    if code != "0":
        sys.exit(f"failed: {' '.join(cmd)}")
    return float(seconds), float(cpu), int(rss)

def summary(samples):
    return (statistics.median(s for s, _, _ in samples), statistics.median(c for _, c, _ in samples),
            max(r for _, _, r in samples))

def measure_pair(first, second, runs):
    """Runs the two commands alternately, so that a slow spell of a shared machine falls on both
    rather than on whichever happened to be running; the medians of each."""
    samples = ([], [])
    for _ in range(runs):
        samples[0].append(run_once(first))
        samples[1].append(run_once(second))
    return summary(samples[0]), summary(samples[1])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quorum", default=os.path.join(HERE, "..", "build", "quorum"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--scales", default="1,10,100")
    args = ap.parse_args()
    templates = os.path.join(HERE, "templates")
    print(f"{'scale':>6} {'rows':>6} {'jinja2 s':>9} {'quorum s':>9} {'ratio':>7} "
          f"{'jinja2 cpu':>10} {'quorum cpu':>10} {'cpu ratio':>9} {'jinja2 MiB':>10} {'quorum MiB':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (int(s) for s in args.scales.split(",")):
            data = os.path.join(tmp, f"data-{scale}.json")
            with open(data, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "make_report_data.py"), str(scale)], stdout=f, check=True)
            quorum = [args.quorum, "render-template", "report.html.j2", "--templates", templates, "--data", data]
            jinja = ["/usr/bin/python3", os.path.join(HERE, "jinja_render.py"), "report.html.j2", templates, data]
            if subprocess.run(quorum, capture_output=True).stdout != subprocess.run(jinja, capture_output=True).stdout:
                sys.exit(f"scale {scale}: outputs differ")
            (jt, jc, jm), (qt, qc, qm) = measure_pair(jinja, quorum, args.runs)
            print(f"{scale:>6} {50 * scale:>6} {jt:>9.4f} {qt:>9.4f} {jt / qt:>6.1f}x "
                  f"{jc:>10.4f} {qc:>10.4f} {jc / qc:>8.1f}x {jm / 1024:>10.1f} {qm / 1024:>10.1f}")

main()
