#!/usr/bin/env python3
"""Print a report's budget lines with the derived figures (data/schema/README.md rules) next
to the seed's row for the same line, and flag stated figures that disagree.

usage: check_budget.py REPORT.json [SEED.txt]

A seed row is the first tab-separated line whose first cell is the line's service name
(for subtotals: the next "Total" row after the group's heading). Not part of Quorum.
"""
import json, re, sys

def amt(s):
    s = s.strip().rstrip(")").strip() if s.strip().endswith("))") else s.strip()
    if s in ("-", ""): return 0.0
    neg = s.startswith("(") or s.startswith("-")
    t = re.sub(r"[^\d.]", "", s)
    try: v = float(t)
    except ValueError: return None
    return -v if neg else v

def r1(x): return None if x is None else float(f"{x:.1f}")

def seed_lines(path):
    out = []
    for line in open(path, encoding="utf-8"):
        c = [x.strip() for x in line.rstrip("\n").split("\t")]
        if len(c) > 3: out.append(c)
    return out

def main(report, seed=None):
    doc = json.load(open(report, encoding="utf-8"))
    rows = seed_lines(seed) if seed else []
    flags = 0
    cursor = 0
    for which in ("revenue", "capital"):
        t = doc.get("budget", {}).get(which)
        if not t: continue
        print(f"== {which}: {t.get('caption', '')}")
        acc, grand = {}, {}
        for ln in t["lines"]:
            kind = ln.get("kind", "line")
            if kind == "heading":
                acc = {}; print(f"   [{ln['service']}]"); continue
            if kind == "subtotal":
                f = dict(acc)
            else:
                keys = ("original_budget", "revised_budget", "outturn", "reserve_movements") if which == "revenue" else ("revised_budget", "additions_deletions", "slippage_accelerated", "outturn")
                f = {k: ln.get(k) for k in keys if k in ln}
                for k, v in f.items():
                    acc[k] = acc.get(k, 0) + v; grand[k] = grand.get(k, 0) + v
            rb, out = f.get("revised_budget"), f.get("outturn")
            d = {"variance": out - rb}
            if which == "revenue":
                d["variance_after_reserves"] = d["variance"] + f.get("reserve_movements", 0)
                d["variance_after_reserves_percent"] = r1(d["variance_after_reserves"] / rb * 100) if rb else None
            d["variance_percent"] = r1(d["variance"] / rb * 100) if rb else None
            if which == "capital":
                d["slippage_percent"] = r1(f.get("slippage_accelerated", 0) / rb * 100) if rb else None
                d["budget_incl_changes"] = rb + f.get("additions_deletions", 0) + f.get("slippage_accelerated", 0)
            print(f"   {ln['service'][:44]:44} {json.dumps(f)}")
            print(f"   {'':44} derived {json.dumps(d)}")
            for k, v in ln.get("stated", {}).items():
                dv = d.get(k)
                if dv is None or abs(dv - v) > 0.5 * (0.1 if isinstance(v, float) and k.endswith("percent") else 1) + 1e-9:
                    print(f"   {'':44} -> stated {k} {v} != derived {dv}"); flags += 1
            if rows:
                name = ln["service"]
                for i, c in enumerate(rows):
                    if i < cursor: continue
                    if c[0] == name:
                        cursor = i + 1
                        nums = [amt(x) for x in c[1:] if x != "" and amt(x) is not None]
                        print(f"   {'':44} seed    {c[1:]}")
                        mine = [v for v in f.values()]
                        missing = [v for v in mine if v not in nums]
                        if missing and kind != "subtotal":
                            print(f"   {'':44} -> JSON figures not in the seed row: {missing}"); flags += 1
                        break
        if t.get("stated_total"):
            for k, v in t["stated_total"].items():
                if k in grand:
                    dv = grand[k]
                else:
                    dv = {"variance": grand["outturn"] - grand["revised_budget"]}.get(k)
                mark = "" if dv is not None and abs(dv - v) <= 0.5 else "  -> DIFFERS"
                if mark: flags += 1
                print(f"   total {k}: stated {v} derived {dv}{mark}")
    print(f"{flags} flags")

if __name__ == "__main__":
    main(*sys.argv[1:3])
