"""Parse the tab-separated tables (and the prose around them) of a seed text file
into Quorum CONTENT blocks, keeping every cell exactly as printed.

Used for seed 002's Appendix A (Summary of Educational Standards in Barnet, 2016/17):
    python3 seed_tables.py SEED FIRST_LINE LAST_LINE > content.json
and, with --check, prints each parsed table beside the seed rows it came from.
"""
import json, re, sys

def inline(t, heading=False):
    """Seed markup (Markdown + a little HTML) to Quorum prose."""
    t = re.sub(r'\s*<sup>(st|nd|rd|th)</sup>', r'\1', t)
    t = re.sub(r'<sup>\s*(\w+)\s*</sup>', r'\1', t)
    t = t.replace('<b>', '**').replace('</b>', '**').replace('<i>', '*').replace('</i>', '*')
    t = t.replace('&amp;', '&').replace('\\_', '_')
    t = re.sub(r'<(https?://[^>]+)>', r'\1', t)
    t = re.sub(r'[ \t]+', ' ', t).strip()
    if heading:
        t = t.strip('#').strip()
        if t.startswith('**') and t.endswith('**') and t.count('**') == 2:
            t = t[2:-2]
        t = t.replace('\\*', '*')
    return t

def cell(c):
    return inline(c)

def parse(lines):
    """lines: [(number, text)] -> [(first_line, last_line, block)]"""
    out = []
    i = 0
    n = len(lines)
    while i < n:
        no, t = lines[i]
        if not t.strip():
            i += 1
            continue
        if '\t' in t:
            j = i
            rows = []
            while j < n and '\t' in lines[j][1]:
                rows.append(lines[j][1].split('\t'))
                j += 1
            out.append((no, lines[j - 1][0], {"table_rows": rows}))
            i = j
            continue
        s = t.strip()
        if s.startswith('#'):
            out.append((no, no, {"heading": inline(s, heading=True)}))
        elif re.match(r'^\s*- ', t):
            items = []
            j = i
            while j < n and (re.match(r'^\s*- ', lines[j][1]) or not lines[j][1].strip()):
                if lines[j][1].strip():
                    items.append((len(lines[j][1]) - len(lines[j][1].lstrip()), inline(re.sub(r'^\s*- ', '', lines[j][1]))))
                j += 1
                # a blank line ends the list unless another item follows directly
                if j < n and not lines[j][1].strip() and not (j + 1 < n and re.match(r'^\s*- ', lines[j + 1][1])):
                    break
            out.append((no, lines[j - 1][0], {"list_items": items}))
            i = j
            continue
        else:
            out.append((no, no, {"paragraph": inline(s)}))
        i += 1
    return out

if __name__ == '__main__':
    seed, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    src = open(seed, encoding='utf-8').read().split('\n')
    lines = [(k, src[k - 1]) for k in range(a, b + 1)]
    json.dump(parse(lines), sys.stdout, ensure_ascii=False, indent=1)
