#!/usr/bin/env python3
"""Side-by-side check of a report's indicators against the seed's indicator tables.

usage: check_indicators.py REPORT.json SEED.txt

Parses the seed's tab-separated indicator rows (plan, ref, title, polarity, period, target,
result, previous, DOT, benchmark), finds each row's item in the JSON by ref, and prints both
with the RAG and direction of travel recomputed from the data model's default rules
(data/schema/README.md), flagging every difference. Not part of Quorum: a transcription aid.
"""
import json, re, sys

def norm_ref(s):
    s = s.replace("(Annual)", "").strip()
    s = re.sub(r"(?<=\d) (?=\d)", "", s)          # "CES/S1 3-1" -> "CES/S13-1"
    return s.replace(" ", "")

SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

def parse_val(s):
    """'69% (Ranked 16 th) (GA)' -> (69.0, 16, 'GA'); '£1,878,9 55' -> 1878955."""
    s = s.replace("^{", "").replace("}", "")
    rag = None
    m = re.search(r"\((G|GA|RA|R)\)\s*$", s)
    if m: rag = m.group(1); s = s[:m.start()]
    rank = None
    m = re.search(r"\(Ranked\s*(\d+)\s*\w*\)?", s)
    if m: rank = int(m.group(1)); s = s[:m.start()]
    s = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", s)
    t = s.replace("£", "").replace("%", "").replace(",", "").replace(" ", "")
    try: v = float(t)
    except ValueError: v = None
    return v, rank, rag, s.strip()

def seed_rows(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        plan = c[0].strip().replace("С", "C").replace("Р", "P").replace("І", "I")
        if plan in ("CPI", "SPI") and len(c) >= 10:
            rows.append(dict(plan=plan, ref=norm_ref(c[1]), title=c[2], polarity=c[3], period=c[4],
                             target=c[5], result=c[6], previous=c[7], dot=c[8], bench=c[9]))
    return rows

def num(x):
    if isinstance(x, dict): return x.get("value")
    return x if isinstance(x, (int, float)) else None

def derive(it, ga=5.0, ra=10.0):
    t, r, p, pol = it.get("target"), it.get("result"), it.get("previous"), it["polarity"]
    comparable = it.get("comparable", True)
    rag = None
    if t == "Monitor" or pol == "monitor": rag = "Monitor"
    elif comparable and t is not None and r is not None:
        if isinstance(t, dict) and "rank" in t:
            rk = r.get("rank") if isinstance(r, dict) else None
            if rk is not None:
                short = (rk - t["rank"]) / t["rank"] * 100
                rag = "G" if short <= 0 else "GA" if short <= ga else "RA" if short <= ra else "R"
        else:
            tv = t["value"] if isinstance(t, dict) else t
            rv = num(r)
            if rv is not None and tv is not None:
                short = (tv - rv) if pol == "bigger_is_better" else (rv - tv)
                pct = short / abs(tv) * 100 if tv else (0 if short <= 0 else float("inf"))
                rag = "G" if short <= 0 else "GA" if pct <= ga else "RA" if pct <= ra else "R"
    if p is None: dot = "New"
    elif not comparable: dot = "Not comparable"
    elif pol == "monitor": dot = "Monitor"
    else:
        use_rank = isinstance(t, dict) and "rank" in t and isinstance(r, dict) and isinstance(p, dict)
        if use_rank: a, b, better_small = r["rank"], p["rank"], True
        else: a, b, better_small = num(r), num(p), pol == "smaller_is_better"
        if a is None or b is None: dot = None
        elif a == b: dot = "Same"
        else: dot = "Improving" if (a < b) == better_small else "Worsening"
    return rag, dot

DOTS = {"▲": "Improving", "▼": "Worsening", "↔": "Same"}

def main(report, seed):
    doc = json.load(open(report, encoding="utf-8"))
    items = {i["ref"]: i for i in doc["indicators"]["items"]}
    problems = 0
    seen = set()
    for row in seed_rows(seed):
        it = items.get(row["ref"])
        if it is None:
            print(f"!! {row['ref']}: in the seed, not in the JSON"); problems += 1; continue
        seen.add(row["ref"])
        sv, srank, srag, _ = parse_val(row["result"])
        pv, prank, _, ptext = parse_val(row["previous"])
        jr, jp = it.get("result"), it.get("previous")
        flags = []
        if isinstance(jr, dict) and "text" in jr:
            if jr["text"] != row["result"].strip(): flags.append("result text")
        else:
            if num(jr) != sv: flags.append(f"result {num(jr)} vs seed {sv}")
            if (jr.get("rank") if isinstance(jr, dict) else None) != srank: flags.append("result rank")
        if "New for" in row["previous"]:
            if jp is not None: flags.append("previous should be null")
        else:
            if num(jp) != pv: flags.append(f"previous {num(jp)} vs seed {pv}")
            if (jp.get("rank") if isinstance(jp, dict) else None) != prank: flags.append("previous rank")
        tv, _, _, _ = parse_val(row["target"])
        t = it.get("target")
        tnum = t if isinstance(t, (int, float)) else (t.get("value") if isinstance(t, dict) else None)
        if isinstance(t, dict) and "rank" in t:
            m = re.search(r"top (\d+) ranking", row["target"])
            if not m or int(m.group(1)) != t["rank"]: flags.append("target rank")
        elif row["target"].strip() == "Monitor":
            if t != "Monitor": flags.append("target should be Monitor")
        elif tv is not None:
            if tnum != tv: flags.append(f"target {tnum} vs seed {tv}")
        else:
            m = re.search(r"\((-?[\d.]+)%?\)", row["target"])
            if m and tnum != float(m.group(1)): flags.append(f"target {tnum} vs seed {m.group(1)}")
            if not m: flags.append(f"target text '{row['target']}' -> {t}")
        pol = {"Bigger is Better": "bigger_is_better", "Smaller is Better": "smaller_is_better", "Monitor": "monitor"}[row["polarity"].strip()]
        if pol != it["polarity"]: flags.append("polarity")
        if row["period"].strip() != it.get("period"): flags.append(f"period '{it.get('period')}' vs '{row['period']}'")
        if row["plan"] != it.get("plan"): flags.append("plan")
        if row["bench"].strip() != it.get("benchmark"): flags.append(f"benchmark '{it.get('benchmark')}' vs '{row['bench'].strip()}'")
        rag, dot = derive(it)
        sdot = row["dot"].strip()
        sdot = "New" if sdot.startswith("New") else DOTS.get(sdot[:1], sdot)
        seed_rag = srag or ("Monitor" if row["target"].strip() == "Monitor" else None)
        if rag != seed_rag: flags.append(f"RAG derived {rag} / seed {seed_rag}")
        if dot != sdot: flags.append(f"DOT derived {dot} / seed {sdot}")
        st = it.get("stated", {})
        if "rag" in st and st["rag"] != srag: flags.append(f"stated rag {st['rag']} != seed {srag}")
        if "dot" in st and st["dot"] != sdot: flags.append(f"stated dot {st['dot']} != seed {sdot}")
        print(f"{row['ref']:10} {it['service'][:6]:6} {it['plan']} seed[t={row['target'][:22]:22} r={row['result'][:26]:26} p={row['previous'][:20]:20} {row['dot'][:14]:14}]"
              f"  json[t={json.dumps(t)[:30]:30} r={json.dumps(jr)[:28]:28} p={json.dumps(jp)[:28]:28}] derived {rag}/{dot}")
        for f in flags:
            print(f"      -> {f}"); problems += 1
    for ref in items:
        if ref not in seen: print(f"!! {ref}: in the JSON, not found in the seed tables"); problems += 1
    print(f"{len(seen)} seed rows matched, {len(items)} JSON items, {problems} flags")

if __name__ == "__main__":
    main(*sys.argv[1:3])
