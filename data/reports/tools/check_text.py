"""Check a transcription against its seed, in both directions.

    python3 check_text.py SEED PAPER.json... [--coverage]

1. Every string in the JSON files (titles, paragraphs, list items, cells, names) must occur in the
   seed once markup, case-preserving, and all whitespace are removed (a bare URL appended to a
   paragraph may come from the next seed line). Prints each string that does not.
2. With --coverage: every non-empty seed line (tables cell by cell) must occur in the JSON strings
   (lower-cased, paragraph numbers removed). Prints the lines that do not: these should all be
   page furniture, boilerplate the templates supply, or gaps listed in data/meetings/MODEL-GAPS.md.
"""
import json, re, sys

def norm(s):
    s = re.sub(r'</?(b|i|p)[^>]*>', '', s)
    s = re.sub(r'<sup>\s*(\w+)\s*</sup>', r'\1', s)
    s = re.sub(r'<a [^>]*>([^<]*)</a>', r'\1', s)
    s = re.sub(r'\^\[[^\]]*\]', '', s)
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)
    s = s.replace('**', '').replace('*', '').replace('\\', '').replace('&amp;', '&')
    s = re.sub(r'^\s*-\s+', '', s, flags=re.M)
    return re.sub(r'\s+', '', s)

SKIP = {'$schema', 'kind', 'status', 'date', 'meeting_date', 'time', 'issue_type', 'number',
        'paper', 'style', 'deadline'}

def strings(x, path=''):
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in SKIP:
                yield from strings(v, path + '/' + k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from strings(v, f'{path}/{i}')
    elif isinstance(x, str):
        yield path, x

seed_text = open(sys.argv[1], encoding='utf-8').read()
files = [f for f in sys.argv[2:] if not f.startswith('--')]
S = norm(seed_text)
missing = 0
all_strings = []
for f in files:
    for path, s in strings(json.load(open(f, encoding='utf-8'))):
        all_strings.append(s)
        n = norm(s)
        if not n or n in S:
            continue
        if all(norm(p) in S for p in re.split(r'\s(?=https?://)', s)):
            continue
        missing += 1
        print(f'{f}{path}: not in seed: {s[:160]}')
print(f'{missing} JSON strings not found in the seed')
if '--coverage' in sys.argv:
    J = norm(''.join(all_strings)).lower()
    for k, line in enumerate(seed_text.split('\n'), 1):
        if not line.strip():
            continue
        if '\t' in line:
            miss = [c for c in (norm(c).lower() for c in line.split('\t')) if c and c not in J]
            if miss:
                print(f'{k}: cells not transcribed: {miss[:4]}')
            continue
        n = re.sub(r'^\d+(\.\d+)*\.?', '', norm(re.sub(r'^#+', '', line.strip())).lower())
        if n and n not in J:
            print(f'{k}: not transcribed: {line[:120]}')
sys.exit(1 if missing else 0)
