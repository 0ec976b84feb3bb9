"""Compare every free table of a paper JSON with the tab-separated rows of the seed, cell by cell.

    python3 check_tables.py SEED FIRST_LINE LAST_LINE PAPER.json [--print]

Both sides are reduced to plain text (markup, <b>, <sup> and spacing removed); a row of the seed
that repeats the previous table's head (a page break) is skipped. Exits 1 on any difference.
"""
import json, re, sys

def plain(s):
    s = str(s)
    s = re.sub(r'</?(b|i|p)[^>]*>', '', s)
    s = re.sub(r'<sup>\s*(\w+)\s*</sup>', r'\1', s)
    s = s.replace('**', '').replace('&amp;', '&').replace('\\*', '*')
    s = re.sub(r'\^\[[^\]]*\]', '', s)
    s = re.sub(r'\s+', '', s)
    return s

def tables(node):
    if isinstance(node, dict):
        if 'table' in node and isinstance(node['table'], dict):
            yield node['table']
        for v in node.values():
            yield from tables(v)
    elif isinstance(node, list):
        for v in node:
            yield from tables(v)

seed, a, b, paper = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
show = '--print' in sys.argv
src = open(seed, encoding='utf-8').read().split('\n')
seed_rows = []
for k in range(a, b + 1):
    t = src[k - 1]
    if '\t' in t:
        seed_rows.append((k, [plain(c) for c in t.split('\t')], t))
json_rows = []
for t in tables(json.load(open(paper, encoding='utf-8'))):
    for r in t.get('head', []) + t['rows']:
        json_rows.append(r)
bad = 0
j = 0
prev_head = None
for k, cells, rawline in seed_rows:
    if j < len(json_rows) and [plain(c) for c in json_rows[j]] == cells:
        if show:
            print(f'{k:5} OK  ' + ' | '.join(str(c) for c in json_rows[j]))
        j += 1
        continue
    if cells[0] == 'PIreference':  # the Annex A head repeated after a page break
        if show:
            print(f'{k:5} (repeated head skipped)')
        continue
    bad += 1
    print(f'{k:5} DIFF seed: {cells}\n      json: {[plain(c) for c in json_rows[j]] if j < len(json_rows) else None}')
    j += 1
if j != len(json_rows):
    bad += 1
    print(f'{len(json_rows) - j} JSON rows not matched to the seed')
print(f'{len(seed_rows)} seed rows, {len(json_rows)} JSON rows, {bad} differences')
sys.exit(1 if bad else 0)
