#!/usr/bin/env python3
"""End-to-end check of the three sample reports against the seed papers.

Renders each sample report with `quorum report` (SOURCE_DATE_EPOCH=1500000000) into a
temporary folder and checks the PDF with poppler (pdftotext, pdfinfo, pdffonts) and qpdf
against figures copied BY HAND from the seed text in /work/shared/seeds (never from our
JSON or our output):

    000  data/reports/ces-eoy-2017-18-performance.json  seed 000_8dda4834c6c54d90.txt
    001  data/reports/cels-annual-report-2016-17.json   seed 001_5fe309a5f24c94eb.txt
    003  data/reports/cs-performance-2010-11-q3.json    seed 003_d0eefc02c75d8b13.txt

Usage: tests/papers/check_sample_reports.py --quorum build-qa/quorum [--data DIR] [--only 000]
Exit status 0 when every assertion holds, 1 otherwise (2: a tool is missing / render failed).
Python 3 standard library only.

Where the seed is wrong, the check asserts the correct figure and the reason is written
here (DEVIATIONS) or next to the assertion.

DEVIATIONS — seed 000 indicators whose printed rating / direction the rules correct
(default thresholds: met -> G; short by up to 5% of target -> GA; up to 10% -> RA; beyond -> R;
ranks: 1 is best, band widths are 5% / 10% of the target rank rounded up to whole places)

 ref        | seed prints      | Quorum derives    | why
 -----------|------------------|-------------------|------------------------------------------
 FS/S2      | 16.1% (G)        | 16.1% (GA)        | smaller is better, target 15.6%: 0.5 over = 3.2% of target short -> Green Amber
 FS/C18     | 10.1% (G)        | 10.1% (GA)        | smaller is better, target 10%: 0.1 over = 1.0% short -> Green Amber
 CES/S1     | 95.4% (G)        | 95.4% (GA)        | bigger is better, target 95.5%: 0.1 short = 0.1% -> Green Amber (seed note 7: rated on 83/87 schools)
 CES/S3     | 95.5% (G)        | 95.5% (GA)        | bigger is better, target 95.8%: 0.3 short = 0.3% -> Green Amber (seed note 8)
 CES/S27-2  | ▲ Improving      | ▼ Worsening       | rank 18 -> 24 (value -0.68 -> -0.79, bigger is better): worse on both counts
 Table 1    | 74% (26) G, 6% (2) GA, 3% (1) RA, 17% (6) R,
            | 69% (25) improved/same, 31% (11) worsened, 12 monitor only, 47
            |                  | 63% (22) G, 17% (6) GA, 3% (1) RA, 17% (6) R, 67% (24), 33% (12), 12, 47
            |                  |                   | follows from the five rows above (4 G -> GA, 1 improving -> worsening)
 1.8 list   | FS/S7, FS/S11, FS/C15
            |                  | + FS/S2, FS/C18   | the two Green Amber rows above have not met target either
 1.9 list   | CES/S24, S9, S11-1, S15, S26, S27-2
            |                  | + CES/S1, CES/S3  | ditto (data order: S1, S3, S24, S9, S11-1, S15, S26, S27-2)

Not deviations (the seed is right and Quorum must agree):
 CES/S24    69% (Ranked 16th) (GA): 1 place short of 15 is within 5% of 15 rounded up to 1 place.
 CES/S11-2  -13% (no rating, rank not available) ▲ Improving: a gap, smaller is better, -15% -> -13%
            narrowed. The model has `compare_size` for exactly this; without it Quorum derives Worsening.

Seed slips in the seeds' other figures (asserted corrected, see the comments at each check):
 000 capital Family Services variance printed "(1,956))" (stray bracket) -> (1,956)
 000 1.8 FS/S11 target "8.8%" in the list, table 8.6%; FS/C15 result "45.4%" in the list, table 45.5%
 003 "2.1 Capital" (repeats 2.1) -> 2.2 Capital
 003 indicator 7 target variance 13.7%: (64.0 - 56) / 56 = 14.3%
 003 indicator 8 variance printed "16.1%" for 45.3% against 54% (bigger is better) -> -16.1%;
     indicator 9 "4.1%" for 307 against 320 -> -4.1% (README: (result - target) / |target|, signed)

ROUNDING (not slips: the seeds' £000 figures were rounded from pounds and their variances and
totals worked out before rounding; the data says amounts_rounded and states the seed figures,
which validate; the paper must print the seed's figure, not one re-derived from rounded
amounts — 000's own paragraph 1.4 says "overspend of £2.331m"):
 000 revenue Family Services variance 2,371 and after reserves 2,331 (57,409 - 55,039 = 2,370)
 003 capital total latest approved budget 54,551 and budget after changes / forecast 42,511
     (the lines add up to 54,550 and 42,510)
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import unescape

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

REPORTS = {
    "000": "ces-eoy-2017-18-performance.json",
    "001": "cels-annual-report-2016-17.json",
    "003": "cs-performance-2010-11-q3.json",
}


# --------------------------------------------------------------------------- plumbing

class Checker:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = []
        self.warnings = []

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed.append((what, detail))
        return ok

    def warn(self, what):
        self.warnings.append(what)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def norm(s):
    """Whitespace collapsed; soft hyphen and line-end hyphen joins left as they are."""
    return re.sub(r"\s+", " ", s).strip()


class Pdf:
    def __init__(self, path, xhtml=None):
        self.path = path
        # column titles as the templates wrote them (the PDF interleaves wrapped header cells)
        self.ths = []
        if xhtml and os.path.exists(xhtml):
            x = open(xhtml, encoding="utf-8").read()
            self.ths = [norm(unescape(re.sub(r"<[^>]+>", " ", t)))
                        for t in re.findall(r"<th\b[^>]*>(.*?)</th>", x, re.S)]
        info = run(["pdfinfo", "-f", "1", "-l", "9999", path]).stdout
        self.sizes = [(float(w), float(h)) for w, h in
                      re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
        self.npages = len(self.sizes)
        lay = run(["pdftotext", "-layout", path, "-"]).stdout
        self.layout = lay.split("\f")[: self.npages]
        raw = run(["pdftotext", path, "-"]).stdout
        self.raw = [norm(p) for p in raw.split("\f")[: self.npages]]
        self.text = " ".join(self.raw)
        self.boxes = bbox_pages(path)

    def table(self, first_header, row_start, second_header="Ref"):
        """[(page index, {column title: cell})] for every row of the ruled tables."""
        rows = []
        for i, (w, h, words) in enumerate(self.boxes):
            for titles, cells in table_rows(words, first_header, row_start, second_header, h):
                rows.append((i, dict(zip(titles, cells))))
        return rows

    def landscape(self, i):
        w, h = self.sizes[i]
        return w > h

    def uris(self):
        q = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", self.path, "-"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        data = q.stdout.decode("latin-1")
        return [u.replace("\\(", "(").replace("\\)", ")") for u in
                re.findall(r"/URI \(((?:\\.|[^)\\])*)\)", data)]



def bbox_pages(path):
    """[(width, height, [(xMin, yMin, xMax, yMax, word)])] per page, from pdftotext -bbox."""
    html = run(["pdftotext", "-bbox", path, "-"]).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [(float(a), float(b), float(c_), float(d), unescape(w)) for a, b, c_, d, w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def table_rows(words, first_header, row_start, second_header="Ref", height=1e9):
    """Rebuilds a ruled table from word boxes: the header line is the line holding the word
    `first_header` at the left; its words' left edges are the column starts; a row starts at a
    word in the first column matching `row_start`. Returns (column titles, [row cells]), with
    several tables on one page taken in turn (each header line restarts the columns)."""
    words = sorted((w for w in words if w[1] < height - 45),   # not the page number
                   key=lambda w: (round(w[1], 0), w[0]))
    heads = [w for w in words if w[4] == first_header and
             any(v[4] == second_header and abs(v[1] - w[1]) < 1.0 and v[0] > w[0] for v in words)]
    out = []
    for k, h in enumerate(heads):
        y0 = h[1]
        y_end = heads[k + 1][1] if k + 1 < len(heads) else 1e9
        line = sorted([w for w in words if abs(w[1] - y0) < 1.0 and w[0] >= h[0] - 1], key=lambda w: w[0])
        # column starts: a word starts a column when the gap before it is wide
        starts = [line[0][0]]
        for a, b in zip(line, line[1:]):
            if b[0] - a[2] > 8:
                starts.append(b[0])
        starts.append(1e9)
        rows_y = sorted(w[1] for w in words if y0 < w[1] < y_end and starts[0] - 2 <= w[0] < starts[1] - 2
                        and re.fullmatch(row_start, w[4]))
        if not rows_y:
            continue
        body_end = y_end
        def cells(ya, yb):
            # a row ends at the next row start, or at the first gap of more than 16pt between
            # its lines (the last row of a table, before a caption or a note)
            ys = sorted({round(w[1], 1) for w in words if ya - 0.5 <= w[1] < yb - 0.5
                         and starts[0] - 2 <= w[0]})
            for a_, b_ in zip(ys, ys[1:]):
                if b_ - a_ > 16:
                    yb = b_
                    break
            cs = []
            for i in range(len(starts) - 1):
                ws = [w for w in words if ya - 0.5 <= w[1] < yb - 0.5 and starts[i] - 2 <= w[0] < starts[i + 1] - 2]
                ws.sort(key=lambda w: (round(w[1], 0), w[0]))
                cs.append(" ".join(w[4] for w in ws))
            return cs
        titles = cells(y0, rows_y[0])
        bounds = rows_y + [body_end]
        for i in range(len(rows_y)):
            out.append((titles, cells(bounds[i], bounds[i + 1])))
    return out


NUM = re.compile(r"^(?:\(?-?£?\d[\d,]*(?:\.\d+)?\)?%?|-)$")


def budget_rows(pdf, rows, after=None):
    """rows: [(first word of the row as it starts its first line, [figures])] in table order.
    Finds each row in order (first layout line starting with the word that carries at least
    two figures) and returns [(word, found figures or None)]."""
    lines = []
    for p in pdf.layout:
        lines.extend(p.split("\n"))
    out, pos = [], 0
    if after:
        pos = next((j for j, l in enumerate(lines) if re.search(after, l)), len(lines))
    for word, _ in rows:
        found = None
        for j in range(pos, len(lines)):
            toks = lines[j].split()
            if not toks or toks[0] != word:
                continue
            figs = [t for t in toks[1:] if NUM.match(t)]
            if len(figs) >= 2:
                found, pos = figs, j + 1
                break
        out.append((word, found))
    return out


def check_budget(c, pdf, label, rows, after=None):
    for (word, want), (_, got) in zip(rows, budget_rows(pdf, rows, after)):
        c.check(got == want, f"budget {label}: row '{word}' prints {want}",
                f"found {got}")


def find_in_order(c, text, patterns, label):
    pos = 0
    for pat in patterns:
        m = re.compile(pat).search(text, pos)
        if c.check(m is not None, f"{label}: '{pat}' in order",
                   "not found after position %d (found anywhere: %s)" %
                   (pos, bool(re.search(pat, text)))):
            pos = m.end()


def para_numbers(pdf):
    nums = []
    for i, page in enumerate(pdf.layout):
        if pdf.landscape(i):
            continue
        for line in page.split("\n"):
            m = re.match(r"^\s{0,12}(\d\.\d{1,2}(?:\.\d{1,2})?)\s{2,}[A-Za-z\"'‘(]", line)
            if m:
                nums.append(m.group(1))
    return nums


def segments(text, refs, lead):
    """text between `lead ref` and the next row start (any `lead` + a ref-looking word)."""
    out = {}
    starts = []
    for r in refs:
        m = re.search(lead + re.escape(r) + r"(?![\w/-])", text)
        starts.append((m.start() if m else None, r))
    found = sorted(s for s in starts if s[0] is not None)
    for k, (s, r) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        out[r] = text[s:end]
    return out


def common_checks(c, pdf):
    q = run(["qpdf", "--check", pdf.path])
    c.check(q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout,
            "qpdf --check passes", (q.stdout + q.stderr)[-300:])
    f = run(["pdffonts", pdf.path]).stdout.splitlines()[2:]
    notemb = [l for l in f if l.strip() and l.split()[-5] != "yes"]
    c.check(bool(f) and not notemb, "all fonts embedded (pdffonts emb = yes)", "; ".join(notemb))


def check_cover(c, pdf, fields):
    p1 = pdf.raw[0]
    for label, value in fields:
        c.check(re.search((re.escape(label) + r"\s+" if label else "") + value, p1) is not None,
                f"cover: {label} = {value}", p1[:400])


def check_uris(c, pdf, wanted):
    uris = pdf.uris()
    for w in wanted:
        c.check(any(u.lower() == w.lower() for u in uris), f"link annotation /URI {w}",
                f"URIs present: {uris}")


# --------------------------------------------------------------------------- seed 000

# (ref, result cell, previous cell, DOT) as the seed prints them, corrected per DEVIATIONS.
SEED000_INDICATORS = [
    # Family Services, Corporate Plan
    ("FS/C42", "37.4%", "New for 2017/18", "New for 2017/18"),
    ("FS/C43", "76.7 179.7 17.0 36.9", "New for 2017/18", "New for 2017/18"),
    ("FS/S7", "56.3% (R)", "59.6%", "▼ Worsening"),
    ("FS/S15", "58% (G)", "59.8%", "▼ Worsening"),
    # Family Services, Commissioning Plan
    ("FS/S11", "11.3% (R)", "10.4%", "▼ Worsening"),
    ("FS/C15", "45.5% (RA)", "79.3%", "▼ Worsening"),
    ("FS/C45", "21.1%", "New for 2017/18", "New for 2017/18"),
    ("FS/C17", "48", "82", "▲ Improving"),
    ("FS/C19", "65", "79", "Monitor"),
    ("FS/C44", "0", "New for 2017/18", "New for 2017/18"),
    ("FS/S2", "16.1% (GA)", "14.8%", "▼ Worsening"),        # DEVIATION: seed (G)
    ("FS/C18", "10.1% (GA)", "10.6%", "▲ Improving"),       # DEVIATION: seed (G)
    ("FS/S5", "13 (G)", "8", "▲ Improving"),
    ("FS/C46", "33,813", "New for 2017/18", "New for 2017/18"),
    ("FS/C47", "£448.20", "New for 2017/18", "New for 2017/18"),
    ("FS/C48", "£1,878,955", "New for 2017/18", "New for 2017/18"),  # seed wraps "£1,878,9 55"
    ("FS/S8", "74.1% (G)", "86.5%", "▼ Worsening"),
    ("FS/C16", "92.9% (G)", "82.7%", "▲ Improving"),
    ("FS/S18", "90.1% (G)", "98%", "▼ Worsening"),
    ("FS/C49", "95.2% (G)", "New for 2017/18", "New for 2017/18"),
    # Education and Skills, Corporate Plan
    ("CES/S1", "95.4% (GA)", "95.4%", "↔ Same"),            # DEVIATION: seed (G)
    ("CES/S3", "95.5% (GA)", "95.5%", "↔ Same"),            # DEVIATION: seed (G)
    ("CES/S13-1", "54.7 (Ranked 5th) (G)", "56.1 (Ranked 5th)", "↔ Same"),
    ("CES/S13-2", "0.47 (Ranked 3rd) (G)", "0.33 (Ranked 4th)", "▲ Improving"),
    ("CES/S18-1", "1.8%", "2.3%", "Not comparable"),
    ("CES/S24", "69% (Ranked 16th) (GA)", "59% (Ranked 24th)", "▲ Improving"),
    # Education and Skills, Commissioning Plan
    ("CES/S13-3", "60.3% (Ranked 4th) (G)", "73.1% (Ranked 7th)", "▲ Improving"),
    ("CES/S13-4", "39.1% (Ranked 4th) (G)", "43.3% (Ranked 3rd)", "▼ Worsening"),
    ("CES/S8", "1.7 (Ranked 8th) (G)", "1.5 (Ranked 13th)", "▲ Improving"),
    ("CES/S9", "0.4 (Ranked 54th) (R)", "0.3 (Ranked 71st)", "▲ Improving"),
    ("CES/S23", "2 (Ranked 9th) (G)", "1.7 (Ranked 17th)", "▲ Improving"),
    ("CES/S11-1", "55% (Ranked 20th) (R)", "46% (Ranked 25th)", "▲ Improving"),
    ("CES/S11-2", "-13%", "-15%", "▲ Improving"),            # seed right: the gap narrowed
    ("CES/S15", "18.6 (GA)", "19.5", "▼ Worsening"),
    ("CES/S16", "-0.97 (G)", "-1.66", "▲ Improving"),
    ("CES/S25", "96.2% (Ranked 19th) (G)", "95.9% (Ranked 98th)", "▲ Improving"),
    ("CES/S18-2", "3.2%", "18.8%", "Not comparable"),
    ("CES/S21", "100% (G)", "100%", "↔ Same"),
    ("CES/S26", "8% (Ranked 60th) (R)", "10% (Ranked 21st)", "▼ Worsening"),
    ("CES/S27-1", "18.6 (Ranked 11th) (G)", "23.2 (Ranked 6th)", "▼ Worsening"),
    ("CES/S27-2", "-0.79 (Ranked 24th) (R)", "-0.68 (Ranked 18th)", "▼ Worsening"),  # DEVIATION: seed ▲ Improving
    ("CES/S28", "43.9 (Ranked 10th) (G)", "47.3 (Ranked 13th)", "▲ Improving"),
    ("CES/S29", "0.07 (Ranked 15th) (G)", "0.05 (Ranked 16th)", "▲ Improving"),
    ("CES/S30", "-6 (Ranked 10th) (G)", "-6.3 (Ranked 13th)", "▲ Improving"),
    ("CES/S31", "-0.04 (Ranked 15th) (G)", "-0.05 (Ranked 16th)", "▲ Improving"),
    ("CES/S32", "100% (G)", "53.5%", "▲ Improving"),
    ("CES/S33", "100% (G)", "57.8%", "▲ Improving"),
]

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}


def check_000(c, pdf):
    check_cover(c, pdf, [
        ("", r"Children, Education, and Safeguarding Committee"),
        ("Committee", r"6 June 2018"),
        ("Title", r"End Of Year 2017/18 Commissioning Plan Performance Report"),
        ("Report of", r"Councillor David Longstaff – Children, Education & Safeguarding Committee Chairman"),
        ("Wards", "All"), ("Status", "Public"), ("Urgent", "No"), ("Key", "No"),
        ("Enclosures", "None"),
        ("Officer Contact Details", r"Alaine Clarke, Head of Performance and Risk"),
        ("", r"alaine\.clarke@barnet\.gov\.uk"),
    ])
    c.check(not pdf.landscape(0), "cover page is portrait")

    # Budget (seed lines 37-48), £000 with brackets.
    check_budget(c, pdf, "000 revenue", [
        # ROUNDING: seed 2,371 / 2,331 (worked out from pounds; 1.4 says £2.331m)
        ("Family", ["49,226", "55,039", "57,409", "2,371", "(40)", "2,331", "4.2"]),
        ("Education", ["6,525", "6,718", "6,584", "(134)", "84", "(50)", "(0.7)"]),
    ])
    check_budget(c, pdf, "000 capital", [
        # seed slip: variance printed "(1,956))" with a stray bracket
        ("Family", ["4,734", "-", "(1,956)", "2,778", "(1,956)", "(41.3)"]),
        ("Education", ["27,933", "-", "(13,285)", "14,648", "(13,285)", "(47.6)"]),
    ], after=r"^\s*Capital\s*$")
    # Seed capital titles carry the year: "2017/18 Revised Budget £000", "2017/18 Outturn £000".
    for t in ["2017/18 Revised Budget £000", "Additions/ (Deletions) £000", "(Slippage)/ Accelerated Spend £000",
              "2017/18 Outturn £000", "Variance from Approved Budget £000", "Variance from Approved Budget %"]:
        c.check(t in pdf.ths, f"capital column title '{t}' (seed line 46)", f"titles: {pdf.ths[:30]}")
    for t in ["Original Budget £000", "Revised Budget £000", "Outturn £000",
              "Variance from Revised Budget Adv/(fav) £000", "Reserve Move- ments £000",
              "Variance after Reserve Move- ments Adv/(fav) £000", "Variance after Reserve Move- ments Adv/(fav) %"]:
        tt = t.replace("Move- ments", "Movements")
        c.check(any(h.replace("Move- ments", "Movements").replace("Adv/ (fav)", "Adv/(fav)") == tt for h in pdf.ths),
                f"revenue column title '{tt}' (seed line 38)", f"titles: {pdf.ths[:30]}")

    # Indicator tables: every row's result cell, previous cell and DOT, cell by cell.
    ind_rows = pdf.table("Plan", r"CPI|SPI")
    by_ref = {}
    for page, row in ind_rows:
        # The seed prints "(Annual)" after the ref of yearly indicators ("CES/S1 3-1 (Annual)").
        ref = re.sub(r"\s*\(Annual\)$", "", row.get("Ref", "").strip())
        by_ref.setdefault(ref, (page, row))
    c.check(len(ind_rows) == 47 and all(r in by_ref for r, *_ in SEED000_INDICATORS),
            "47 indicator rows in the tables, one per seed indicator",
            f"found {len(ind_rows)}; missing " + ", ".join(r for r, *_ in SEED000_INDICATORS if r not in by_ref))
    for ref, result, prev, dot in SEED000_INDICATORS:
        page, row = by_ref.get(ref, (None, {}))
        res_c = row.get("2017/18 EOY Result", "<no '2017/18 EOY Result' column>")
        prev_c = row.get("2016/17 EOY Result", "<no '2016/17 EOY Result' column>")
        dot_c = row.get("DOT Long Term (From EOY 2016/17)", "<no 'DOT Long Term (From EOY 2016/17)' column>")
        c.check(res_c == result, f"{ref} result cell '{result}'", f"page {page and page + 1}: '{res_c}'")
        c.check(prev_c == prev, f"{ref} previous cell '{prev}'", f"page {page and page + 1}: '{prev_c}'")
        c.check(dot_c == dot, f"{ref} DOT '{dot}'", f"page {page and page + 1}: '{dot_c}'")
    ind_pages = sorted({p for p, _ in ind_rows})
    table_text = " ".join(pdf.raw[i] for i in ind_pages)
    for i in ind_pages:
        c.check(pdf.landscape(i), f"indicator table page {i + 1} is landscape")
        words = pdf.boxes[i][2]
        heads = [w[1] for w in words if w[4] == "Plan" and any(v[4] == "Ref" and abs(v[1] - w[1]) < 1 for v in words)]
        rows_y = [w[1] for w in words if w[4] in ("CPI", "SPI") and w[0] < 80]
        c.check(bool(heads) and bool(rows_y) and min(heads) < min(rows_y),
                f"indicator page {i + 1} starts with the table header (repeated header)",
                f"header at {heads}, first row at {min(rows_y) if rows_y else None}")
    # Plans in seed order: FS CPI, FS SPI, E&S CPI, E&S SPI
    find_in_order(c, table_text, [r"Family Services Corporate Plan Indicators", r"CPI FS/C42",
                                  r"Commissioning Plan Indicators", r"SPI FS/S11",
                                  r"Education and Skills Corporate Plan Indicators", r"CPI CES/S1 ",
                                  r"Commissioning Plan Indicators", r"SPI CES/S13-3"],
                  "indicator table order")

    # Table 1 (seed line 126) corrected per DEVIATIONS.
    t1 = re.search(r"Table 1: Theme Committee Indicators \(EOY 2017/18\)(.{0,400})", pdf.text)
    want = "CES 63% (22) 17% (6) 3% (1) 17% (6) 67% (24) 33% (12) 12 47"
    c.check(t1 is not None and want in t1.group(1), f"Table 1 row '{want}'",
            t1.group(1)[:300] if t1 else "no Table 1")
    for col in ["Green", "Green Amber", "Red Amber", "Red", "Improved/ Same", "Worsened",
                "Monitor only", "No. indicators"]:
        c.check(t1 is not None and col in t1.group(1), f"Table 1 column '{col}'")
    # Consistency a governance officer checks: 1.7's percentages are Table 1's.
    # The data takes these from the derived figures ({=indicators.summary.…} references).
    m = re.search(r"1\.7 .*?that (\d+)% of\s+the rated indicators.*?and (\d+)% of those", pdf.text, re.S)
    c.check(m is not None and m.groups() == ("63", "67"),
            "1.7 quotes Table 1 (63% met, 67% improved or same)",
            "1.7 says %s%% and %s%% (seed typed 74%%/69%%, which Table 1 no longer shows)" %
            (m.groups() if m else ("?", "?")))

    # Not-met lists (seed 1.8, 1.9) corrected per DEVIATIONS.
    notmet = {
        "1.8": [("FS/S7", "RED", "56.3%", "70%", "CPI"), ("FS/S11", "RED", "11.3%", "8.6%", "SPI"),  # seed list 8.8%: slip, table 8.6%
                ("FS/C15", "RED AMBER", "45.5%", "48%", "SPI"),                                   # seed list 45.4%: slip, table 45.5%
                ("FS/S2", "GREEN AMBER", "16.1%", "15.6%", "SPI"), ("FS/C18", "GREEN AMBER", "10.1%", "10%", "SPI")],
        "1.9": [("CES/S1", "GREEN AMBER", "95.4%", "95.5%", "CPI"), ("CES/S3", "GREEN AMBER", "95.5%", "95.8%", "CPI"),
                ("CES/S24", "GREEN AMBER", "69%", "", "CPI"), ("CES/S9", "RED", "0.4", "", "SPI"),
                ("CES/S11-1", "RED", "55%", "", "SPI"), ("CES/S15", "GREEN AMBER", "18.6", "19.3", "SPI"),
                ("CES/S26", "RED", "8%", "", "SPI"), ("CES/S27-2", "RED", "-0.79", "", "SPI")],
    }
    body = pdf.text
    m8, m9 = body.find("1.8 Indicators"), body.find("1.9 Indicators")
    m9 = body.find("1.9 ", m8 + 1) if m9 < 0 else m9
    end = body.find("Corporate Plan Indicators Plan", m9)
    blocks = {"1.8": body[m8:m9], "1.9": body[m9:end]}
    for para, items in notmet.items():
        blk = blocks[para]
        refs_found = re.findall(r"• ((?:FS|CES)/[A-Z]\d+(?:-\d)?)", blk)
        c.check(refs_found == [i[0] for i in items], f"{para} not-met list is {[i[0] for i in items]}",
                f"found {refs_found}")
        segs = segments(blk, [i[0] for i in items], r"• ")
        for ref, rag, res, tgt, _ in items:
            s = segs.get(ref, "")
            c.check(f"(RAG rated {rag})" in s, f"{para} {ref} (RAG rated {rag})", s[:200])
            c.check(re.search(r"\) " + re.escape(res) + r"(?![\d.])", s) is not None,
                    f"{para} {ref} result {res}", s[:200])
            if tgt:
                c.check(re.search(r"against annual target of [^.]*?" + re.escape(tgt), s) is not None,
                        f"{para} {ref} target {tgt}", s[:200])
        cpi = sum(1 for i in items if i[4] == "CPI")
        spi = len(items) - cpi
        lead = re.search(r"not met the annual target: (\w+) in the\s+Corporate Plan and (\w+) in the", blk)
        got = tuple(int(NUMBER_WORDS.get(w.lower(), w)) for w in lead.groups()) if lead else None
        c.check(got == (cpi, spi), f"{para} lead-in counts the list ({cpi} Corporate Plan, {spi} Commissioning Plan)",
                f"lead-in says {lead.groups() if lead else None}")

    # Risks (seed line 276).
    r1 = pdf.text.find("FS001 Significant child safeguarding incident (risk score 15")
    r2 = pdf.text.find("FS023 Delivery of Ofsted Improvement Action Plan (risk score 15")
    c.check(r1 >= 0, "risk FS001 Significant child safeguarding incident, risk score 15")
    c.check(r2 >= 0, "risk FS023 Delivery of Ofsted Improvement Action Plan, risk score 15")
    c.check(0 <= r1 < r2, "high risks ordered FS001, FS023")
    c.check("Two are high level risks with a residual risk score of 15 or above" in pdf.text,
            "1.11 two high level risks")

    # Paragraph numbers (seed lines 29-386).
    want = (["1.%d" % i for i in range(1, 12)] + ["2.1", "3.1", "4.1", "5.1"]
            + ["5.1.%d" % i for i in range(1, 6)] + ["5.2", "5.3"] + ["5.3.%d" % i for i in range(1, 7)]
            + ["5.4", "5.4.1", "5.4.2", "5.5"] + ["5.5.%d" % i for i in range(1, 6)]
            + ["5.6", "5.6.1", "6.1", "6.2", "6.3"])
    got = para_numbers(pdf)
    c.check(got[:len(want)] == want, "paragraph numbers 1.1 … 6.3 in the seed's order",
            f"got {got}")
    extra = got[len(want):]
    if extra:
        c.warn(f"000: paragraphs after 6.3 that the seed text does not have: {extra} "
               "(6.4 'Council, 7 March 2017 …' is in the data, not in seed 000)")

    # Headings in Barnet's order.
    find_in_order(c, pdf.text, [
        r"Summary", r"Recommendations", r"1\.? INTRODUCTION",
        r"Performance by Theme Committee \(Commissioning Plans\)", r"Budget outturn", r"Revenue",
        r"Capital", r"Progress on key activities", r"Family Services", r"Education and Skills",
        r"Performance indicators", r"Table 1", r"Family Services", r"Education and Skills",
        r"Family Services Corporate Plan Indicators", r"Education and Skills Corporate Plan Indicators",
        r"Risk management", r"2\.? REASONS FOR RECOMMENDATIONS",
        r"3\.? ALTERNATIVE OPTIONS CONSIDERED AND NOT RECOMMENDED", r"4\.? POST DECISION IMPLEMENTATION",
        r"5\.? IMPLICATIONS OF DECISION", r"5\.1 Corporate Priorities and Performance",
        r"5\.2 Resources \(Finance", r"5\.3 Legal and Constitutional References", r"5\.4 Risk Management",
        r"5\.5 Equalities and Diversity", r"5\.6 Consultation and Engagement", r"6\.? BACKGROUND PAPERS",
    ], "000 headings")

    # Links (seed OCR corrected: Committeeld -> CommitteeId, Cld/Mld -> CId/MId).
    check_uris(c, pdf, [
        "mailto:alaine.clarke@barnet.gov.uk",
        "https://barnet.moderngov.co.uk/ieListMeetings.aspx?CommitteeId=697",
        "https://open.barnet.gov.uk/dataset",
        "http://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=692&MId=7865&Ver=4",
        "http://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=162&MId=7820&Ver=4",
        "http://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=162&MId=8344&Ver=4",
    ])
    # 6.3 must not strand its first words on a line of their own (seen: "Council, 4" / "April 2016 …").
    c.check(any("Council, 4 April 2016" in l for p in pdf.layout for l in p.split("\n")),
            "6.3 'Council, 4 April 2016' set on one line (no stranded short first line)")
    uris = pdf.uris()
    c.check(any("barnet.gov.uk/info/200041/equality_and_diversity/224/equality_and_diversity" in u for u in uris),
            "link annotation for www.barnet.gov.uk/info/200041/…equality_and_diversity (5.5.5)")
    # Consultation table (seed lines 372-376)
    find_in_order(c, pdf.text, [r"Phase Date Summary", r"Phase 1: Setting out the challenge",
                                r"Summer 2013", r"Phase 2: PSR consultation", r"Phase 3:",
                                r"Phase 4: Strategic Plan to 2020"], "000 consultation table")


# --------------------------------------------------------------------------- seed 001

def check_001(c, pdf):
    check_cover(c, pdf, [
        ("", r"Children, Education, Libraries and Safeguarding Committee"),
        ("Committee", r"18(?:th)? July 2017"),
        ("Title", r"Annual report on the Children, Education, Libraries and Safeguarding Committee commissioning plan and outcome measures"),
        ("Report of", r"Strategic Director of Children and Young People"),
        ("Wards", "All"), ("Status", "Public"), ("Urgent", "No"), ("Key", "No"),
        ("Enclosures", r"Appendix A: Children, Education, Libraries and Safeguarding Committee Commissioning Plan – Annual Performance Report 2016/17"),
        ("Officer Contact Details", r"Chris Munday\W+Strategic Director of Children and Young People"),
        ("", r"Chris\.munday@barnet\.gov\.uk"),
        ("", r"0208 359 7099"),
    ])
    c.check(re.search(r"Recommendations 1\.? That the Children, Education, Libraries and Safeguarding Committee note the performance in 2016/17", pdf.text) is not None,
            "recommendation 1")
    want = (["1.%d" % i for i in range(1, 18)] + ["5.1", "5.2", "5.2.1", "5.2.2", "5.3", "5.3.1",
            "5.4", "5.4.1", "5.4.2", "5.5", "5.5.1", "5.6", "5.6.1", "5.7"])
    got = para_numbers(pdf)
    c.check(got == want, "paragraph numbers as the seed (1.1-1.17, 5.2.1, 5.2.2, 5.3.1, 5.4.1, 5.4.2, 5.5.1, 5.6.1)",
            f"got {got}")
    find_in_order(c, pdf.text, [
        r"Summary", r"Recommendations", r"1\.? WHY THIS REPORT IS NEEDED", r"Safeguarding 1\.2",
        r"Building resilience 1\.5", r"Quality of social work practice 1\.7", r"Education 1\.9",
        r"Libraries 1\.13", r"2\.? REASONS FOR RECOMMENDATIONS", r"3\.? ALTERNATIVE OPTIONS CONSIDERED AND NOT RECOMMENDED",
        r"4\.? POST DECISION IMPLEMENTATION", r"5\.? IMPLICATIONS OF DECISION",
        r"5\.1 Corporate Priorities and Performance", r"5\.2 Resources \(Finance & Value for Money, Procurement, Staffing, IT, Property, Sustainability\)",
        r"5\.3 Social Value", r"5\.4 Legal and Constitutional References", r"5\.5 Risk Management",
        r"5\.6 Equalities and Diversity", r"5\.7 Consultation and Engagement", r"6\.? BACKGROUND PAPERS",
    ], "001 headings")
    # Figures in the prose (seed lines 27-30, 48)
    for fig in ["98% of staff", "39% (30 Sept 2015) to 12.76% (March 2017)", "37.5 in Duty Assessment Teams",
                "1:13 in April 2016 to 1:6 in April 2017", "from 16.85% in 2015/16 to 53.5% in 2016/17",
                "target of 90% in 2017/18", "over 7,000 residents"]:
        c.check(fig in pdf.text, f"001 figure '{fig}'")
    check_uris(c, pdf, ["https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=697&MId=8261&Ver=4",  # seed "MIId": OCR
                        "mailto:chris.munday@barnet.gov.uk"])
    c.check(re.search(r"BACKGROUND PAPERS Children, Education, Libraries and Safeguarding Committee 23rd March 2016 Children, Education, Libraries and Safeguarding Commissioning Plan 2016/17 addendum", pdf.text) is not None,
            "001 background paper text")


# --------------------------------------------------------------------------- seed 003

def check_003(c, pdf):
    c.check(pdf.raw[0].startswith("Appendix 2: Children's Services – performance overview"),
            "003 title", pdf.raw[0][:120])
    find_in_order(c, pdf.text, [
        r"1\. Overview", r"1\.1 Summary rating for this service", r"1\.2 Top achievements, issues and actions",
        r"1\.3 Key correlations & interdependencies", r"2\. Budget", r"2\.1 Revenue", r"Childrens' Services",
        r"Dedicated Schools' Grant",
        r"2\.2 Capital",          # seed slip: "2.1 Capital"
        r"3\. Key projects", r"4\. Performance", r"5\. Human Resources",
        r"6\. Risk Overview and Top three risks", r"7\. Corporate Plan improvement initiatives",
    ], "003 headings")
    c.check(re.search(r"Revenue budget actual variance £000 Capital actual variance £000 Corporate Plan performance rating HR rating Key project rating 1,456 \(12,040\) 3 1\.5 11\.5", pdf.text) is not None,
            "1.1 summary rating row 1,456 (12,040) 3 1.5 11.5")
    # Revenue (seed lines 29-52): "Budget V1", "Forecast Outturn 2010/11", "Variation", signed %.
    for title in ["Original Budget", "Budget V1", "Forecast Outturn 2010/11", "Variation",
                  "Comments", "% Variation of Revised Budget"]:
        c.check(any(h == title or h.startswith(title + " £000") or h == title + " %" for h in pdf.ths),
                f"003 revenue column title '{title}'", f"titles: {pdf.ths[:40]}")
    check_budget(c, pdf, "003 revenue", [
        ("Management", ["1,260", "1,021", "1,037", "16", "1.6%"]),
        ("Social", ["25,760", "25,475", "27,293", "1,818", "7.1%"]),
        ("Asylum", ["-", "-", "78", "78"]),
        ("BRSI", ["1,536", "776", "395", "(381)", "-49.1%"]),
        ("Safeguarding", ["982", "1,030", "1,133", "103", "10.0%"]),
        ("SEN", ["5,538", "5,521", "5,451", "(70)", "-1.3%"]),
        ("Youth", ["4,340", "4,321", "4,139", "(182)", "-4.2%"]),
        ("Other", ["9,529", "9,439", "9,513", "74", "0.8%"]),
        ("Total", ["48,945", "47,583", "49,039", "1,456", "3.1%"]),
        ("SEN", ["9,685", "9,273", "9,747", "474", "5.1%"]),
        ("Pupil", ["1,514", "1,514", "1,533", "19", "1.3%"]),
        ("Other", ["10,860", "12,931", "12,601", "(330)", "-2.6%"]),
        ("ISB", ["213,809", "213,458", "213,458", "-", "0.0%"]),
        ("DSG", ["(235,992)", "(237,318)", "(237,318)", "-", "0.0%"]),
        ("Total", ["(124)", "(142)", "21", "163", "114.8%"]),   # % of |budget| (README)
    ])
    # Capital (seed lines 56-66): 9 columns, % is slippage / approved budget.
    check_budget(c, pdf, "003 capital", [
        ("Schools", ["489", "-", "-", "489", "138", "489", "-", "0%"]),
        ("Schools", ["3,939", "-", "-", "3,939", "1,359", "3,939", "-", "0%"]),
        ("Urgent", ["3,163", "200", "(2,320)", "1,043", "710", "1,043", "(2,120)", "-73%"]),
        ("Surestart", ["1,547", "-", "-", "1,547", "987", "1,547", "-", "0%"]),
        ("Major", ["455", "-", "(52)", "403", "146", "403", "(52)", "-11%"]),
        ("Primary", ["16,610", "-", "(6,948)", "9,662", "8,225", "9,662", "(6,948)", "-42%"]),
        ("East", ["5,478", "-", "400", "5,878", "5,721", "5,878", "400", "7%"]),
        ("Other", ["22,869", "249", "(3,569)", "19,549", "12,796", "19,549", "(3,320)", "-16%"]),
        # ROUNDING: 54,551 and 42,511 (lines add to 54,550 / 42,510); label "Children's Service"
        ("Children's", ["54,551", "449", "(12,489)", "42,511", "30,082", "42,511", "(12,040)", "-23%"]),
    ], after=r"Capital\s*$")
    for title in ["2010/11 Latest Approved Budget", "Additions/ Deletions recommended to March CRC",
                  "Slippage / Accelerated Spend recommended to March CRC", "2010/11 Budget (including March CRC)",
                  "Spend to date (as per SAP)", "Forecast to year-end", "Variance from Approved Budget",
                  "% slippage of 2010/11 Approved Budget"]:
        c.check(any(h.startswith(title) for h in pdf.ths), f"003 capital column title '{title}'",
                f"titles: {pdf.ths[:60]}")

    # Indicators (seed lines 74-84), by the seed's column titles.
    ind_rows = pdf.table("CPI", r"\d+[a-d]?", second_header="no")   # the seed's "CPI no" column
    by_ref = {row.get("CPI no", "").strip(): (p, row) for p, row in ind_rows}
    c.check(sorted(by_ref) == sorted(["4", "4a", "4b", "4c", "4d", "5", "6", "7", "8", "9"]),
            "003: ten indicator rows (4, 4a-4d, 5-9)", f"found {sorted(by_ref)}")
    cols = {   # seed title -> pattern for our title
        "Numerator/denominator": r"^Numerator/ ?denominator$",
        "Relevant previous outturn": r"(?i)previous",
        "Target": r"Target$",
        "Outturn": r"(?i)(Outturn|Q3 Result)$",
        "Target Variance": r"(?i)Target Variance",
        "DoT": r"(?i)^DoT",
    }
    titles = list(ind_rows[0][1].keys()) if ind_rows else []
    def col(seed_title):
        pat = cols[seed_title]
        hits = [t for t in titles if re.search(pat, t)]
        if seed_title == "Outturn":   # the current-period result column, not the previous one
            hits = [t for t in hits if t.startswith("2010/11") or t == "Outturn"]
        return hits[0] if hits else None
    for t in cols:
        c.check(col(t) is not None and (t != "Relevant previous outturn" or "Result" not in col(t)),
                f"003 indicator column for the seed's '{t}'", f"our titles: {titles}")
    rows = {   # seed values (lines 76-84)
        "4a": {"Numerator/denominator": "No data", "Relevant previous outturn": "23%", "Target": "19%"},
        "4d": {"Numerator/denominator": "4/25", "Relevant previous outturn": "16%", "Target": "16%",
               "Outturn": "16.0%", "Target Variance": "0.0%"},
        "6": {"Numerator/denominator": "Not provided by DCSF", "Relevant previous outturn": "61.4%", "Target": "66%",
              "Outturn": "67.0%", "Target Variance": "1.5%", "DoT": "▲ 9.1%"},
        "7": {"Numerator/denominator": "Not provided by DCSF", "Relevant previous outturn": "57%", "Target": "56%",
              "Outturn": "64.0%",
              "Target Variance": "14.3%",   # seed slip 13.7%: (64.0 - 56) / 56 = 14.3%
              "DoT": "▲ 12.3%"},
        "8": {"Numerator/denominator": "106/234", "Relevant previous outturn": "43.5%", "Target": "54%",
              "Outturn": "45.3%",
              "Target Variance": "-16.1%",  # seed prints 16.1% without the sign
              "DoT": "▲ 4.1%"},
        "9": {"Numerator/denominator": "N/A", "Relevant previous outturn": "316", "Target": "320", "Outturn": "307",
              "Target Variance": "-4.1%",   # seed prints 4.1% without the sign
              "DoT": "▲ 2.8%"},
    }
    for ref, want in rows.items():
        page, row = by_ref.get(ref, (None, {}))
        for seed_title, value in want.items():
            t = col(seed_title)
            got = row.get(t) if t else None
            if seed_title == "Outturn" and got:
                got = re.sub(r" \((?:G|GA|RA|R)\)$", "", got)   # Quorum adds a rating the seed does not print
            c.check(got == value, f"003 indicator {ref} {seed_title} = '{value}'",
                    f"column {t!r}: {got!r}")
    for ref, words in [("4a", "There is no data published for Barnet"),
                       ("4b", "The target was missed (52% outturn achieved against a target of 47%)"),
                       ("4c", "The target was missed (28.7% outturn achieved against a target of 18%)"),
                       ("5", "The target was exceeded (88% outturn against a target of 84%)")]:
        c.check(words in pdf.text, f"003 indicator {ref} sentence '{words[:40]}…'")
    for i in sorted({p for p, _ in ind_rows}):
        c.check(pdf.landscape(i), f"003 indicator page {i + 1} is landscape")
    c.check(re.search(r"Failed to recruit sufficient new carers", pdf.text) is not None, "003 commentary under the table")
    # HR (seed lines 93-115)
    for cell in ["1034/3463.4", "-11.9%", "-60.3%", "-53.3%", "1210.5/838.0", "£99,839", "£616,518",
                 "£26,274 (£44,857)", "-1600.0%", "846/900", "96.30%", "84% (CIPFA, All Members & other Unitary Authorities 2010)"]:
        c.check(cell in pdf.text, f"003 HR cell '{cell}'")
    # Risk matrix (seed lines 121-124)
    lay = "\n".join(pdf.layout)
    for row in [r"High\s+0\s+1\s+6", r"Medium\s+0\s+8\s+7", r"Low\s+0\s+1\s+1", r"Low\s+Medium\s+High"]:
        c.check(re.search(r"^\s*" + row + r"\s*$", lay, re.M) is not None, f"003 risk matrix row /{row}/")
    # Risk register (seed lines 130-138): impact, probability and rating in the seed's words.
    # The register prints the seed's columns: Impact, Prob., rating for the initial and the
    # current assessment, on the row's first line (pdftotext -layout keeps the row together).
    for ref, initial, current in [("CS0030", ("High 3", "High 3", "High 9"), ("High 3", "Medium 2", "High 6")),
                                  ("CS0041", ("High 3", "High 3", "High 9"), ("High 3", "Medium 2", "High 6")),
                                  ("CS0044", ("High 3", "High 3", "High 9"), ("High 3", "High 3", "High 9"))]:
        line = next((l for l in lay.splitlines() if re.match(r"\s*(?:<p>)?" + ref + r"\b", l)), "")
        for label, (impact, prob, rating) in [("initial", initial), ("current", current)]:
            pattern = r"\s+".join(map(re.escape, (impact, prob, rating)))
            c.check(re.search(pattern, line) is not None,
                    f"003 risk {ref} {label} assessment: impact {impact}, probability {prob}, rating {rating}",
                    f"row: {line.strip()[:160]!r}")
    c.check(re.search(r"^\s*CS0030\b.*31/01/2011", lay, re.M) is not None, "003 CS0030 target date 31/01/2011")
    # Improvement initiatives (seed lines 142-148)
    for cell in ["Launch new foster carer recruitment campaign", "Strengthen multi-disciplinary support for vulnerable families",
                 "Use video technology to empower families", "Ensure sufficient primary school places are available in the right areas",
                 "Implement action plan arising from FirstStat"]:
        c.check(cell in pdf.text.replace("multi-disciplinar y", "multi-disciplinary"), f"003 initiative '{cell}'")
    c.check("multi-disciplinar y" not in pdf.text, "003: 'multi-disciplinary' not broken mid-word without a hyphen")
    # words broken inside narrow cells without a hyphen (seen: "Modernisa tion", "Programm es")
    for w in ["Modernisation", "Improvement Programmes", "Investment Programme"]:
        c.check(w in pdf.text, f"003: capital service name word '{w}' set whole (not broken mid-word)")


CHECKS = {"000": check_000, "001": check_001, "003": check_003}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quorum", required=True, help="path to the quorum executable")
    ap.add_argument("--data", default=os.path.join(REPO, "data", "reports"),
                    help="folder holding the sample report JSON files (default: the repo's)")
    ap.add_argument("--only", choices=sorted(REPORTS), action="append")
    ap.add_argument("--keep", help="also copy the rendered PDFs into this folder")
    a = ap.parse_args()
    for tool in ["pdftotext", "pdfinfo", "pdffonts", "qpdf"]:
        if not shutil.which(tool):
            print(f"error: {tool} not found", file=sys.stderr)
            return 2
    quorum = os.path.abspath(a.quorum)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1500000000")
    total_fail = 0
    summary = []
    with tempfile.TemporaryDirectory(prefix="quorum-samples-") as tmp:
        for key in (a.only or sorted(REPORTS)):
            src = os.path.join(a.data, REPORTS[key])
            out = os.path.join(tmp, key + ".pdf")
            xh = os.path.join(tmp, key + ".xhtml")
            r = subprocess.run([quorum, "report", src, "-o", out, "--xhtml", xh], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            c = Checker(key)
            print(f"== seed {key}: {REPORTS[key]}")
            if not c.check(r.returncode == 0 and os.path.exists(out), "quorum report renders",
                           (r.stdout + r.stderr).strip()[-2000:]):
                print(f"   FAIL quorum report exited {r.returncode}:\n{(r.stdout + r.stderr)[-2000:]}")
                total_fail += 1
                summary.append((key, 0, 1))
                continue
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                shutil.copy(out, os.path.join(a.keep, key + ".pdf"))
            pdf = Pdf(out, xh)
            common_checks(c, pdf)
            CHECKS[key](c, pdf)
            for what, detail in c.failed:
                print(f"   FAIL {what}")
                if detail:
                    print(f"        {detail[:600]}")
            for w in c.warnings:
                print(f"   warn {w}")
            print(f"   {c.passed} passed, {len(c.failed)} failed ({pdf.npages} pages)")
            total_fail += len(c.failed)
            summary.append((key, c.passed, len(c.failed)))
    print("== summary: " + "; ".join(f"{k}: {p} passed, {f} failed" for k, p, f in summary))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
