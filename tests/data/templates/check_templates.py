#!/usr/bin/env python3
"""End-to-end check of the paper templates (templates/report.xhtml.j2 and its parts).

Renders each context fixture of this folder through the CLI
(`quorum render-template report.xhtml.j2` then `quorum render`) and checks the XHTML
(well-formed, ids unique and all starting with id_prefix) and the PDF with poppler
(pdftotext, pdfinfo): cover-sheet fields, hanging paragraph numbers, budget figures in
brackets, RAG ratings written in text, direction-of-travel words, landscape indicator
pages with their header row repeated, page numbers, minutes, work programme, document.

    tests/data/templates/check_templates.py [--quorum build/quorum] [--keep DIR]

When the quorum given has the `report` command, every sample paper in data/reports is also
rendered with these templates (a paper the data model refuses is skipped with a note).

Exits 0 when every check passes, 1 otherwise (each failure printed).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEMPLATES = os.path.join(ROOT, "templates")
STYLESHEET = os.path.join(TEMPLATES, "style", "papers.css")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)
    return condition


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def render(quorum, fixture, out_dir, name, id_prefix=None, change=None):
    """Renders FIXTURE (with the house style linked by absolute path) to NAME.xhtml and .pdf;
    `change(context)` may alter the context first."""
    with open(os.path.join(HERE, fixture), encoding="utf-8") as f:
        context = json.load(f)
    if change:
        change(context)
    context["stylesheets"] = [STYLESHEET]
    if id_prefix is not None:
        context["id_prefix"] = id_prefix
    data = os.path.join(out_dir, name + ".json")
    with open(data, "w", encoding="utf-8") as f:
        json.dump(context, f, ensure_ascii=False)
    xhtml = os.path.join(out_dir, name + ".xhtml")
    pdf = os.path.join(out_dir, name + ".pdf")
    run([quorum, "render-template", "report.xhtml.j2", "--templates", TEMPLATES, "--data", data, "-o", xhtml])
    rendered = run([quorum, "render", xhtml, "-o", pdf])
    return context, xhtml, pdf, rendered.stderr


def page_count(pdf):
    info = run(["pdfinfo", pdf]).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_size(pdf, n):
    info = run(["pdfinfo", "-f", str(n), "-l", str(n), pdf]).stdout
    m = re.search(r"Page\s+%d size:\s+([\d.]+) x ([\d.]+)" % n, info)
    return float(m.group(1)), float(m.group(2))


def page_text(pdf, n, layout=True):
    args = ["pdftotext", "-f", str(n), "-l", str(n)] + (["-layout"] if layout else []) + [pdf, "-"]
    return run(args).stdout


def all_text(pdf):
    return run(["pdftotext", "-layout", pdf, "-"]).stdout


def check_xhtml(xhtml, id_prefix, label):
    try:
        tree = ET.parse(xhtml)
    except ET.ParseError as e:
        check(False, f"{label}: XHTML not well-formed: {e}")
        return None
    ids = [el.get("id") for el in tree.iter() if el.get("id") is not None]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    check(not dupes, f"{label}: duplicate ids {dupes[:5]}")
    if id_prefix:
        stray = [i for i in ids if not i.startswith(id_prefix)]
        check(not stray, f"{label}: ids without the prefix {id_prefix!r}: {stray[:5]}")
    targets = {i for i in ids}
    ns = "{http://www.w3.org/1999/xhtml}"
    for a in tree.iter(ns + "a"):
        href = a.get("href", "")
        if href.startswith("#"):
            check(href[1:] in targets, f"{label}: link to missing id {href}")
    html = tree.getroot()
    check(html.get("lang") == "en-GB", f"{label}: <html lang> is {html.get('lang')!r}, expected en-GB")
    return tree


def check_page_numbers(pdf, label):
    """The last text line of every page is its page number (the footer)."""
    for n in range(1, page_count(pdf) + 1):
        lines = [l.strip() for l in page_text(pdf, n).splitlines() if l.strip()]
        check(lines and lines[-1] == str(n), f"{label}: page {n} does not end with its page number "
              f"(last line {lines[-1] if lines else None!r})")


def check_report(quorum, out_dir):
    label = "report"
    context, xhtml, pdf, warnings = render(quorum, "report-context.json", out_dir, "report")
    check("warning" not in warnings, f"{label}: typesetter warnings:\n{warnings}")
    tree = check_xhtml(xhtml, "", label)
    ns = "{http://www.w3.org/1999/xhtml}"
    if tree is not None:
        links = [l.get("href") for l in tree.iter(ns + "link") if l.get("rel") == "stylesheet"]
        check(links == [STYLESHEET], f"{label}: stylesheet links {links}")
        metas = {m.get("name"): m.get("content") for m in tree.iter(ns + "meta")}
        check(metas.get("author") == context["paper"]["cover"]["report_of"], f"{label}: meta author {metas.get('author')!r}")
        title = tree.find(f"{ns}head/{ns}title")
        check(title is not None and title.text == context["paper"]["cover"]["title"], f"{label}: <title>")
    info = run(["pdfinfo", pdf]).stdout
    check("Author:" in info and "Longstaff" in info, f"{label}: PDF author metadata missing")
    text = all_text(pdf)
    flat = " ".join(text.split())

    # Cover sheet: every label and its value.
    cover = page_text(pdf, 1)
    for field, value in [("Title", "End Of Year 2017/18"), ("Report of", "Councillor David Longstaff"),
                         ("Wards", "All"), ("Status", "Public"), ("Urgent", "No"), ("Key", "No"),
                         ("Enclosures", "None"), ("Officer Contact", "Alaine Clarke")]:
        check(re.search(r"^[\f \t]*%s[ \t]+%s" % (re.escape(field), re.escape(value)), cover, re.M),
              f"{label}: cover sheet row {field!r} with {value!r} not found on page 1")
    check("alaine.clarke@barnet.gov.uk" in cover, f"{label}: officer email on page 1")
    for heading in ["Summary", "Recommendations"]:
        check(re.search(r"^[\f \t]*%s[ \t]*$" % heading, cover, re.M), f"{label}: heading {heading!r} on page 1")

    # Numbered sections in capitals; numbered paragraphs with hanging numbers.
    for heading in ["1. INTRODUCTION", "2. REASONS FOR RECOMMENDATIONS",
                    "3. ALTERNATIVE OPTIONS CONSIDERED AND NOT RECOMMENDED", "5. IMPLICATIONS OF DECISION",
                    "6. BACKGROUND PAPERS"]:
        no, words = heading.split(" ", 1)
        check(re.search(r"^[\f \t]*%s[ \t]+%s[ \t]*$" % (re.escape(no), re.escape(words)), text, re.M),
              f"{label}: section heading {heading!r}")
    check(re.search(r"^\s*5\.1\s+Corporate Priorities and Performance", text, re.M), f"{label}: subsection 5.1")
    for number, start in [("1.1", "This Commissioning Plan"), ("1.3", "The final revenue outturn"),
                          ("1.10", "The Children and Young People risk"), ("5.1.2", "The EOY 2017/18 results"),
                          ("5.3.1", "Section 151"), ("6.2", "Council, 14 April 2015")]:
        m = re.search(r"^[\f \t]*%s[ \t]+%s" % (re.escape(number), re.escape(start)), text, re.M)
        if check(m, f"{label}: paragraph {number} ({start}...) not at the start of a line"):
            # Hanging: the paragraph's second line starts where its text starts, not under the number.
            line_start = m.start()
            first = text[line_start:text.index("\n", line_start)]
            second = text[text.index("\n", line_start) + 1:].split("\n", 1)[0]
            text_col = first.index(start)
            if second.strip() and not re.match(r"\s*\d+(\.\d+)+\s", second):
                indent = len(second) - len(second.lstrip())
                check(abs(indent - text_col) <= 1, f"{label}: paragraph {number}'s second line indented "
                      f"{indent}, text starts at {text_col} (hanging number)")
    check(re.search(r"^\s*1\.\s+The Committee is asked to review", text, re.M), f"{label}: recommendation 1")

    # Budget tables: £000 figures, negatives in brackets, '-' for zero, no doubled bracket.
    for row in [r"Family Services\s+49,226\s+55,039\s+57,409\s+2,371\s+\(40\)\s+2,331\s+4\.2",
                r"Education and Skills\s+6,525\s+6,718\s+6,584\s+\(134\)\s+84\s+\(50\)\s+\(0\.7\)",
                r"Family Services\s+4,734\s+-\s+\(1,956\)\s+2,778\s+\(1,956\)\s+\(41\.3\)",
                r"Education and Skills\s+27,933\s+-\s+\(13,285\)\s+14,648\s+\(13,285\)\s+\(47\.6\)",
                r"Total\s+32,667\s+-\s+\(15,241\)\s+17,426\s+\(15,241\)\s+\(46\.7\)"]:
        check(re.search(row, text), f"{label}: budget row /{row}/")
    check("))" not in text, f"{label}: a doubled closing bracket in the text")
    check(text.count("£000") >= 10, f"{label}: £000 column units")

    # Indicators: the rating written in the result cell; DOT in words; summary table.
    # (Cells that wrap, such as "69% (Ranked 16th) (GA)", cannot be matched whole in the text.)
    for rating in ["56.3% (R)", "58% (G)", "45.5% (RA)", "18.6 (GA)", "13 (G)", "100% (G)"]:
        check(rating in flat, f"{label}: result {rating!r}")
    for dot in ["▼ Worsening", "▲ Improving", "New for", "comparable"]:
        check(dot in flat, f"{label}: direction of travel {dot!r}")
    check(re.search(r"CES\s+74% \(26\)\s+6% \(2\)\s+3% \(1\)\s+17% \(6\)\s+69% \(25\)\s+31% \(11\)\s+12\s+47", text),
          f"{label}: indicator summary row")
    check("(RAG rated RED)" in flat and "(RAG rated GREEN AMBER)" in flat, f"{label}: not-met list ratings")
    check("FS001 Significant child safeguarding incident (risk score 15" in flat, f"{label}: high risks")
    check(re.search(r"4\s*×\s*5", text) and re.search(r"3\s*×\s*5", text), f"{label}: risk register likelihood × impact")
    check("Very high" in text, f"{label}: risk level written in words")
    check(re.search(r"Impact \\ Likelihood\s+Rare\s+Unlikely\s+Possible\s+Likely\s+Almost", text),
          f"{label}: risk matrix header")
    check(re.search(r"^[\f \t]*Catastrophic[ \t]+2[ \t]*$", text, re.M), f"{label}: risk matrix row (2 risks at 3 × 5)")

    # Landscape pages: exactly those holding the indicator tables; header repeated on each.
    pages = page_count(pdf)
    landscape, header_pages = [], []
    for n in range(1, pages + 1):
        w, h = page_size(pdf, n)
        t = page_text(pdf, n)
        has_table = "Benchmarking" in t
        if w > h:
            landscape.append(n)
        if has_table:
            header_pages.append(n)
        if has_table:
            check(w > h, f"{label}: page {n} holds an indicator table but is portrait ({w}x{h})")
            check(re.search(r"Ref\s+Indicator\s+Polarity\s+Period", t), f"{label}: page {n} lacks the indicator header row")
        elif w > h:
            check(False, f"{label}: page {n} is landscape without an indicator table")
    check(len(landscape) >= 2, f"{label}: indicator tables should run over 2+ landscape pages, got {landscape}")
    # The notes after the tables stay with them on the last landscape page.
    if landscape:
        last = page_text(pdf, landscape[-1])
        check("Monitor indicators have been included" in last and "Statistical Neighbours for education" in last,
              f"{label}: the notes after the indicator tables are not on their last landscape page {landscape[-1]}")
    check(page_size(pdf, 1)[1] > page_size(pdf, 1)[0], f"{label}: page 1 is not portrait")
    check("Notes" in text and "Source: Met Police" in text, f"{label}: notes")
    check_page_numbers(pdf, label)

    # The same paper with an id prefix, as an agenda pack includes it.
    _, xhtml2, _, _ = render(quorum, "report-context.json", out_dir, "report-prefixed", id_prefix="item7-")
    check_xhtml(xhtml2, "item7-", label + " (id_prefix item7-)")

    # An exempt paper says so at the top of its first page and in the header of every other.
    def exempt(context):
        cover = context["paper"]["cover"]
        cover.update(status="exempt", status_text="Exempt – paragraph 3 of Schedule 12A", exempt_paragraph=3)
    _, _, pdf3, _ = render(quorum, "report-context.json", out_dir, "report-exempt", change=exempt)
    notice = "NOT FOR PUBLICATION – Exempt information under paragraph 3 of Schedule 12A"
    for n in range(1, page_count(pdf3) + 1):
        first = next((l.strip() for l in page_text(pdf3, n).splitlines() if l.strip()), "")
        check(first == notice, f"{label} (exempt): page {n} starts with {first!r}, not the exemption notice")
    check(notice not in all_text(pdf), f"{label}: the public paper carries the exemption notice")


def check_minutes(quorum, out_dir):
    label = "minutes"
    _, xhtml, pdf, warnings = render(quorum, "minutes-context.json", out_dir, "minutes")
    check("warning" not in warnings, f"{label}: typesetter warnings:\n{warnings}")
    check_xhtml(xhtml, "", label)
    text = all_text(pdf)
    flat = " ".join(text.split())
    for s in ["Decisions of the Children, Education, Libraries & Safeguarding", "16 January 2018", "Members Present",
              "Councillor Reuben Thompstone (Chairman)", "Also in attendance", "Apologies for Absence",
              "1. MINUTES OF THE LAST MEETING", "It was unanimously RESOLVED that:", "It was RESOLVED that:",
              "Votes were recorded as follows:", "The meeting finished at 8.35 pm"]:
        check(s in flat, f"{label}: {s!r}")
    check(re.search(r"Councillor\s+Agenda\s+Declaration", text), f"{label}: declarations table header")
    check(re.search(r"Anne Hutton\s+7,8,10\s+Declared a non-pecuniary", text), f"{label}: declaration row")
    check("The vote was carried." in flat, f"{label}: vote outcome")
    for row in [r"For\s+5", r"Against\s+0", r"Abstentions\s+4"]:
        check(re.search(row, text), f"{label}: votes /{row}/")
    check(re.search(r"6a\s+Member's Item in the name of Councillor Anne Hutton", text), f"{label}: sub-item 6a")
    check_page_numbers(pdf, label)


def check_work_programme(quorum, out_dir):
    label = "work programme"
    _, xhtml, pdf, warnings = render(quorum, "work-programme-context.json", out_dir, "work-programme")
    check("warning" not in warnings, f"{label}: typesetter warnings:\n{warnings}")
    check_xhtml(xhtml, "", label)
    text = all_text(pdf)
    flat = " ".join(text.split())
    for s in ["Forward Work Plan 2018", "Contact: Salar Rida 020 8359 7113", "Title of Report",
              "Overview of decision", "7 March 2018", "6 June 2018", "12 September 2018", "29 November 2018",
              "Non-key", "TBC", "Key"]:
        check(s in flat, f"{label}: {s!r}")
    order = [flat.find(d) for d in ["7 March 2018", "6 June 2018", "12 September 2018", "29 November 2018"]]
    check(order == sorted(order), f"{label}: meeting dates out of order {order}")


def check_document(quorum, out_dir):
    label = "document"
    _, xhtml, pdf, warnings = render(quorum, "document-context.json", out_dir, "document")
    check_xhtml(xhtml, "", label)
    text = all_text(pdf)
    for s in ["Children's Services – performance overview", "1. Overview", "2. Budget", "Comments",
              "CHILDREN'S SERVICE - GENERAL FUND", "(235,992)", "5. Human Resources"]:
        check(s in text, f"{label}: {s!r}")
    check(re.search(r"Total\s+48,945\s+47,583\s+49,039\s+1,456", text), f"{label}: general fund subtotal")
    flat = " ".join(text.split())
    # The 2010/11 indicator table: numerator/denominator column, one-sentence rows across the columns.
    check(re.search(r"Numerator/\s.*\n.*denominator", text) and "4/25" in flat, f"{label}: numerator/denominator column")
    check(re.search(r"4b\s+\S.*Provisional data was reported at quarter 2", text), f"{label}: sentence row 4b")
    # The 2010/11 risk register on a 3×3 scale with words, whole-number scores.
    with open(xhtml, encoding="utf-8") as f:
        markup = f.read()
    check("Possible 3 × Moderate 3" in markup and '<strong class="score">9</strong>' in markup,
          f"{label}: 3×3 risk assessment in words with a whole score")
    # The 13-column HR table is on landscape pages, with its section heading.
    for n in range(1, page_count(pdf) + 1):
        t = page_text(pdf, n)
        w, h = page_size(pdf, n)
        if "Amber" in t and "criteria" in t:
            check(w > h, f"{label}: the wide HR table's page {n} is portrait")
        if re.search(r"^\s*5\. Human Resources\s*$", t, re.M):
            check(w > h, f"{label}: heading '5. Human Resources' stranded on portrait page {n}")


def check_real_papers(quorum, out_dir):
    """Renders every sample paper in data/reports with `quorum report` and these templates.
    A paper the data model refuses (exit 1 with problems in the data, not in a template) is
    skipped with a note; a template error, a crash or a missing PDF fails."""
    help_text = subprocess.run([quorum, "--help"], capture_output=True, text=True).stdout
    if not re.search(r"^\s+report\s", help_text, re.M):
        print("note: this quorum has no report command; sample papers not rendered")
        return
    reports = os.path.join(ROOT, "data", "reports")
    rendered = {}
    for name in sorted(os.listdir(reports)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        pdf = os.path.join(out_dir, stem + ".pdf")
        result = subprocess.run([quorum, "report", os.path.join(reports, name), "-o", pdf,
                                 "--templates", TEMPLATES, "--xhtml", os.path.join(out_dir, stem + ".xhtml")],
                                capture_output=True, text=True)
        template_error = re.search(r"\.j2:\d+:\d+: error", result.stderr)
        if result.returncode == 1 and not template_error:
            print(f"note: {name} skipped, the data model refuses it: {result.stderr.strip().splitlines()[0]}")
            continue
        if check(result.returncode == 0 and os.path.exists(pdf), f"sample {name}: quorum report exited "
                 f"{result.returncode}: {result.stderr.strip()[:500]}"):
            rendered[stem] = pdf
    eoy = rendered.get("ces-eoy-2017-18-performance")
    if eoy:
        text = all_text(eoy)
        flat = " ".join(text.split())
        for s in ["End Of Year 2017/18 Commissioning Plan", "Alaine Clarke", "56.3% (R)", "(134)", "(13,285)",
                  "RAG rated RED", "▼ Worsening", "▲ Improving"]:
            check(s in flat, f"sample ces-eoy-2017-18-performance: {s!r}")
        sizes = [page_size(eoy, n) for n in range(1, page_count(eoy) + 1)]
        check(any(w > h for w, h in sizes), "sample ces-eoy-2017-18-performance: no landscape indicator pages")
        check_page_numbers(eoy, "sample ces-eoy-2017-18-performance")
        with open(eoy[:-4] + ".xhtml", encoding="utf-8") as f:
            markup = " ".join(f.read().split())
        # Annual indicators print "(Annual)" after the ref; a text target without a value prints as written.
        for s in ['<th scope="row" class="ref">CES/S13-1 (Annual)</th>', '<th scope="row" class="ref">CES/S1</th>',
                  '<td class="target">London top quartile</td>']:
            check(s in markup, f"sample ces-eoy-2017-18-performance: {s!r}")
    check_seed_003(rendered.get("cs-performance-2010-11-q3"))
    arts = rendered.get("cels-2018-03-07-arts-culture-strategy-appendix")
    if arts:  # the document's label prints above its title, as the seed's "Appendix 1-"
        check(re.search(r"\AAppendix 1-\s+Arts and Culture Strategy for Barnet", page_text(arts, 1).strip()),
              "sample arts appendix: 'Appendix 1-' above the title")
    letter = rendered.get("cels-2018-03-07-ofsted-letter")
    if letter:  # a letter: date, address, salutation, then the subject; closing and signature at the end
        flat = " ".join(all_text(letter).split())
        check(re.search(r"\A22 February 2018 Chris Munday .* London N11 1NP chris\.munday@barnet\.gov\.uk Dear Mr Munday "
                        r"Monitoring visit to Barnet children's services This letter", flat),
              "sample Ofsted letter: date, address, salutation, subject in that order")
        check(re.search(r"Yours sincerely Louise Warren Her Majesty's Inspector Pre-publication", flat),
              "sample Ofsted letter: closing, signature, marking")
    minutes = rendered.get("cels-2018-01-16-minutes")
    if minutes:
        flat = " ".join(all_text(minutes).split())
        check("It was unanimously RESOLVED that:" in flat and "Abstentions" in flat, "sample minutes: resolutions and votes")


def check_seed_003(pdf):
    """Seed 003 (the 2010/11 appendix) as the seed prints it: two named revenue tables, the
    nine-column capital table on a landscape page with the finance system's totals, the
    2010/11 indicator table (no ratings, target variance, DoT with % change, words in place
    of numerator/denominator, a group row), the 3×3 register with words."""
    if not pdf:
        return
    label = "sample cs-performance-2010-11-q3"
    text = all_text(pdf)
    flat = " ".join(text.split())
    with open(pdf[:-4] + ".xhtml", encoding="utf-8") as f:
        markup = " ".join(f.read().split())
    for s in ["Childrens' Services", "Dedicated Schools' Grant"]:
        check(s in flat, f"{label}: {s!r}")
    check(markup.count('<th scope="colgroup" colspan="4" class="group">Variations</th>') == 2,
          f"{label}: 'Variations' over the four figure columns of both revenue tables")
    for s in ["Budget V1", "Forecast Outturn 2010/11",
              "Spend to date (as per SAP)", "Not provided by DCSF", "No data", "▲ 9.1%", "-16.1%",
              "Relevant previous outturn", "Initial Assessment", "Current Assessment"]:
        check(s in markup, f"{label}: {s!r}")
    check(re.search(r"Total \(124\) \(142\) 21 163 114\.8%", flat), f"{label}: DSG total")
    check(re.search(r"Children's Service 54,551 449 \(12,489\) 42,511 30,082 42,511 \(12,040\) -23%", flat),
          f"{label}: capital total as stated (54,551 and 42,511, not the rounded lines' 54,550 and 42,510)")
    check(re.search(r"Urgent Primary Places 3,163 200 \(2,320\) 1,043 710 1,043 \(2,120\) -73%", flat),
          f"{label}: capital line with % slippage")
    check(re.search(r"31 Dec 10 106/234 43\.5% 54% 45\.3% -16\.1% ▲ 4\.1% Unique to Barnet", flat),
          f"{label}: indicator 8's row")
    check("(G)" not in flat and "(R)" not in flat and "New for" not in flat,
          f"{label}: the 2010/11 indicator table prints no rating, and its group row no direction")
    check(re.search(r"CS0030 – Reputational.*High 3 High 3 High 9.*31/01/2011 High 3 Medium 2 High 6", flat),
          f"{label}: CS0030's initial and current assessments in words")
    # Each control action with its progress; each dated one with its target date and priority.
    check(re.search(r"31/01/2011 \(High\)</p>\s*<p[^>]*>31/03/2011 \(Normal\)", markup)
          and "CS0044 – Financial Pupil Place Planning" in flat
          and "Cabinet report Sept 6th 2010" in flat, f"{label}: control actions, target dates with priorities, category")
    for n in range(1, page_count(pdf) + 1):
        t = page_text(pdf, n)
        w, h = page_size(pdf, n)
        if "Spend to date" in t or "Current Assessment" in t:
            check(w > h, f"{label}: page {n} (capital table or risk register) is portrait")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quorum", default=os.environ.get("QUORUM", os.path.join(ROOT, "build", "quorum")))
    parser.add_argument("--keep", help="write the renders to this folder and keep them")
    args = parser.parse_args()
    quorum = os.path.abspath(args.quorum)
    if not os.access(quorum, os.X_OK):
        raise SystemExit(f"no quorum executable at {quorum} (build it, or pass --quorum)")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        out_dir, tmp = args.keep, None
    else:
        tmp = tempfile.TemporaryDirectory(prefix="quorum-templates-")
        out_dir = tmp.name
    for step in (check_report, check_minutes, check_work_programme, check_document):
        step(quorum, out_dir)
    check_real_papers(quorum, out_dir)
    # Every kind of paper keeps its ids under the prefix an agenda pack gives it.
    for fixture in ("minutes-context.json", "work-programme-context.json", "document-context.json"):
        name = fixture.replace("-context.json", "-prefixed")
        _, xhtml, _, _ = render(quorum, fixture, out_dir, name, id_prefix="item3-")
        check_xhtml(xhtml, "item3-", name)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("paper templates: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
