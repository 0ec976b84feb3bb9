#!/usr/bin/python3
"""Generate a realistic agenda pack as plain XHTML (styled by bench/agenda.css), for the typesetting benchmark.

Usage: bench/make_agenda_doc.py ITEMS [--seeds DIR] [--css agenda.css] > agenda.xhtml

The pack is what a council publishes: a cover page with the membership, an order of business whose
page numbers come from target-counter(), then ITEMS reports, each starting on a right-hand page
(break-before: right, so some are preceded by a blank page that @page :blank labels "This page is
intentionally left blank"), with a running "AGENDA ITEM n" header (string-set), a cover-sheet table,
recommendations, numbered prose paragraphs (the seeds' own prose), a revenue budget table (GBP 000,
right-aligned figures, totals in tfoot) and a wide indicator table on landscape named pages (page: wide)
whose header row repeats on every page it runs onto. About 10 A4 pages per item, so 10 items is a
~100-page pack and 100 items a ~1,000-page one. Output is deterministic for a given ITEMS and seed set.
"""
import argparse, glob, html, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEEDS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "seeds"))

FALLBACK_PROSE = [
    "The Committee approved an addendum to its Commissioning Plan 2015-2020 setting out its priorities and "
    "targets for the year. This report sets out the performance achieved and updates the Committee on progress "
    "in delivering these commissioning intentions, including the implementation of the Family Services Practice "
    "Improvement Plan.",
    "The implementation of the Practice Improvement Plan was the key priority over the year to ensure effective "
    "safeguarding of the borough's vulnerable children and young people. The plan was overseen by the Social Work "
    "Improvement Board, chaired by the Chief Executive and attended by partners from health, police and schools.",
    "There is no legal duty to consult on the contents of this report; however the commissioning plan was the "
    "subject of public consultation before its adoption, and the outcome measures reflect the responses received.",
]

TITLES = [
    "Minutes of the last Meeting", "Members' Items", "Update report on progress of Barnet Children's Services "
    "Improvement Action Plan", "Educational Standards in Barnet 2016/17", "Arts and Culture Strategy for Barnet",
    "End of Year 2017/18 Commissioning Plan Performance Report", "Annual report on the commissioning plan and "
    "outcome measures", "Children's Services performance overview: Quarter 3", "Commissioning Plan 2015-2020: "
    "annual refresh", "Committee Work Programme", "Fees and charges 2018/19", "School place planning strategy",
]
OFFICERS = ["Strategic Director of Children and Young People", "Director of Resources", "Head of Governance",
            "Assistant Director, Education and Skills", "Commissioning Director, Children and Young People"]
SERVICES = ["Children's social care", "Early years", "Education and skills", "Libraries", "Youth services",
            "Family services management", "Safeguarding", "Special educational needs", "Adoption and fostering",
            "Commissioning and business improvement", "Troubled families", "Children's centres"]
INDICATORS = ["Percentage of children in good or outstanding schools", "Re-referrals to social care within 12 months",
              "Care leavers in education, employment or training", "Library visits per 1,000 population",
              "Child protection plans lasting two years or more", "Average Attainment 8 score",
              "Looked after children with three or more placements", "Timeliness of single assessments (45 days)",
              "Young people not in education, employment or training", "Adoptions within 14 months of care",
              "Persistent absence in primary schools", "Take-up of funded early education for two-year-olds"]
SECTIONS = ["Why this report is needed", "Reasons for recommendations", "Alternative options considered and not "
            "recommended", "Post decision implementation", "Implications of decision", "Background papers"]


def load_prose(seeds):
    """Long prose lines from the seed papers: tables, markup and headings left out, numbering stripped."""
    paras = []
    for path in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if len(line) < 200 or "\t" in line or "|" in line or "<" in line or "](" in line:
                    continue
                line = re.sub(r"^[-*]\s*", "", line)
                line = re.sub(r"^\d+(\.\d+)*\.?\s+", "", line)
                line = line.replace("**", "").replace("*", "")
                if len(line) >= 200:
                    paras.append(line)
    return paras or FALLBACK_PROSE


def esc(s):
    return html.escape(s, quote=True)


def money(v):
    return f"({-v:,})" if v < 0 else f"{v:,}"


def cover(items, out):
    out.append('<section class="cover-page">')
    out.append('<p class="council">London Borough of Barnet</p>')
    out.append('<h1 class="meeting">Children, Education, Libraries &amp; Safeguarding Committee</h1>')
    out.append('<table class="meeting-details"><tbody>')
    for k, v in [("Date and time", "Wednesday 7th March 2018 at 7.00 pm"),
                 ("Venue", "Hendon Town Hall, The Burroughs, London NW4 4BQ"),
                 ("Chairman", "Councillor Reuben Thompstone"), ("Vice Chairman", "Councillor Bridget Perry")]:
        out.append(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>")
    out.append("</tbody></table>")
    out.append('<h2 class="plain">Members</h2><ul class="members">')
    for name in ["Pauline Coakley Webb", "Alison Cornelius", "Val Duschinsky", "Helena Hart", "Anne Hutton",
                 "Nagus Narenthira", "Kath McGuirk", "Rebecca Challice", "Anthony Finn"]:
        out.append(f"<li>Councillor {esc(name)}</li>")
    out.append("</ul>")
    out.append('<p class="notice">You are requested to attend the above meeting for which an agenda is attached.</p>')
    out.append('<p class="signature">Andrew Charlwood &#8211; Head of Governance</p>')
    out.append("</section>")
    out.append('<section class="order-of-business">')
    out.append('<h2 class="plain">Order of Business</h2>')
    out.append('<table class="contents"><thead><tr><th class="no">Item No</th><th>Title of Report</th>'
               '<th class="pages">Pages</th></tr></thead><tbody>')
    for i in range(1, items + 1):
        title = TITLES[(i - 1) % len(TITLES)]
        out.append(f'<tr><td class="no">{i}.</td><td><a href="#item-{i}">{esc(title)}</a></td>'
                   f'<td class="pages"><a class="pg" href="#item-{i}"></a> &#8211; '
                   f'<a class="pg" href="#end-{i}"></a></td></tr>')
    out.append("</tbody></table>")
    out.append("<h3>Facilities for people with disabilities</h3>")
    out.append("<p>Hendon Town Hall has access for wheelchair users including lifts and toilets. If you wish to "
               "let us know in advance that you will be attending the meeting, please telephone the Governance "
               "Officer. People with hearing difficulties who have a text phone may telephone our minicom number "
               "on 020 8203 8942. All of our Committee Rooms also have induction loops.</p>")
    out.append("<h3>Fire/emergency evacuation procedure</h3>")
    out.append("<p>If the fire alarm sounds continuously, or if you are instructed to do so, you must leave the "
               "building by the nearest available exit. You will be directed to the nearest exit by uniformed "
               "custodians. It is vital you follow their instructions.</p>")
    out.append("</section>")


def item(i, prose, out):
    title = TITLES[(i - 1) % len(TITLES)]
    officer = OFFICERS[i % len(OFFICERS)]
    p = (i * 37) % len(prose)

    def next_para():
        nonlocal p
        text = prose[p % len(prose)]
        p += 1
        return esc(text)

    out.append(f'<section class="item" id="item-{i}">')
    out.append(f'<p class="item-no">AGENDA ITEM {i}</p>')
    out.append(f"<h1>{esc(title)}</h1>")
    out.append('<table class="cover-sheet"><tbody>')
    for k, v in [("Title", title), ("Report of", officer), ("Wards", "All"), ("Status", "Public"),
                 ("Urgent", "No"), ("Key", "Yes" if i % 3 == 0 else "No"),
                 ("Enclosures", f"Appendix A &#8211; Indicator table, Quarter {1 + i % 4}"),
                 ("Officer Contact Details", "Chris Munday, Strategic Director &#8211; 020 8359 7099")]:
        out.append(f"<tr><th>{esc(k)}</th><td>{v if '&#' in v else esc(v)}</td></tr>")
    out.append("</tbody></table>")
    out.append("<h2>Summary</h2>")
    out.append(f"<p>{next_para()}</p>")
    out.append("<h2>Recommendations</h2>")
    out.append('<ol class="recommendations" type="a">')
    out.append("<li>That the Committee note the performance and the revenue and capital outturn for the year.</li>")
    out.append("<li>That the Committee approve the targets for the coming year set out in Appendix A.</li>")
    out.append("<li>That the Committee delegate minor changes to the Strategic Director in consultation with "
               "the Chairman.</li></ol>")
    for s, name in enumerate(SECTIONS, 1):
        out.append(f'<section class="numbered"><h2>{s}. {esc(name)}</h2>')
        for k in range(1, (5 if s <= 2 else 3) + 1):
            out.append(f"<p>{next_para()}</p>")
        if s == 1:
            budget(i, out)
        out.append("</section>")
    indicators(i, out)
    out.append("</section>")


def budget(i, out):
    out.append('<table class="budget"><caption>Revenue budget outturn (&#163;000)</caption>')
    out.append('<thead><tr><th>Service</th><th class="num">Original budget</th><th class="num">Revised budget</th>'
               '<th class="num">Outturn</th><th class="num">Variance</th><th class="num">Variance %</th></tr></thead>')
    tot = [0, 0, 0, 0]
    rows = []
    for r, svc in enumerate(SERVICES):
        orig = 1200 + ((i * 131 + r * 977) % 25000)
        rev = orig + ((i + r * 7) % 11 - 5) * 37
        outt = rev + ((i * 3 + r * 5) % 17 - 8) * 23
        var = outt - rev
        tot = [tot[0] + orig, tot[1] + rev, tot[2] + outt, tot[3] + var]
        rows.append(f'<tr><td>{esc(svc)}</td><td class="num">{money(orig)}</td><td class="num">{money(rev)}</td>'
                    f'<td class="num">{money(outt)}</td><td class="num">{money(var)}</td>'
                    f'<td class="num">{100 * var / rev:.1f}%</td></tr>')
    out.append(f'<tfoot><tr><th>Total</th><td class="num">{money(tot[0])}</td><td class="num">{money(tot[1])}</td>'
               f'<td class="num">{money(tot[2])}</td><td class="num">{money(tot[3])}</td>'
               f'<td class="num">{100 * tot[3] / tot[1]:.1f}%</td></tr></tfoot>')
    out.append("<tbody>" + "".join(rows) + "</tbody></table>")


def indicators(i, out):
    out.append(f'<section class="wide" id="appendix-{i}">')
    out.append(f"<h2>Appendix A &#8211; Indicator table, agenda item {i}</h2>")
    out.append('<table class="indicators"><thead><tr><th>Ref</th><th>Indicator</th><th>Polarity</th>'
               '<th class="num">2016/17 EOY</th><th class="num">2017/18 Target</th><th class="num">Q1</th>'
               '<th class="num">Q2</th><th class="num">Q3</th><th class="num">Q4</th><th>RAG</th><th>DOT</th>'
               '<th class="num">London</th><th class="num">England</th><th>Comment</th></tr></thead><tbody>')
    rags = ["Green", "Green Amber", "Red Amber", "Red", "Green"]
    dots = ["Improving &#9650;", "Worsening &#9660;", "Same &#8596;"]
    for r in range(40):
        base = 40 + ((i * 17 + r * 29) % 550) / 10
        q = [base + ((r * k + i) % 13 - 6) / 2 for k in range(1, 5)]
        out.append(f'<tr><td>CES/S{r + 1:02d}</td><td>{esc(INDICATORS[(r + i) % len(INDICATORS)])}</td>'
                   f'<td>{"Bigger is better" if r % 3 else "Smaller is better"}</td>'
                   f'<td class="num">{base:.1f}%</td><td class="num">{base + 2:.0f}%</td>'
                   + "".join(f'<td class="num">{v:.1f}%</td>' for v in q)
                   + f'<td class="rag">{rags[(r + i) % len(rags)]}</td><td>{dots[(r * 7 + i) % 3]}</td>'
                   f'<td class="num">{base - 3.2:.1f}%</td><td class="num">{base - 1.4:.1f}%</td>'
                   f'<td>{"Target met; performance sustained over the year." if r % 4 else "Below target; recovery plan agreed with the service, see paragraph 1.3."}</td></tr>')
    out.append(f'</tbody></table><p class="end-of-item" id="end-{i}">End of report</p></section>')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("items", type=int)
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    ap.add_argument("--css", default="agenda.css", help="stylesheet href, relative to the document")
    args = ap.parse_args()
    prose = load_prose(args.seeds)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><meta charset="UTF-8"/>',
           f"<title>Agenda: Children, Education, Libraries and Safeguarding Committee ({args.items} items)</title>",
           '<meta name="author" content="London Borough of Barnet, Governance Service"/>',
           '<meta name="subject" content="Agenda pack, 7 March 2018"/>',
           f'<link rel="stylesheet" href="{esc(args.css)}"/></head><body>']
    cover(args.items, out)
    for i in range(1, args.items + 1):
        item(i, prose, out)
    out.append("</body></html>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
