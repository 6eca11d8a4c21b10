#!/usr/bin/env python3
"""Validate term-pairs.jsonl against the AllSides framing dataset (stdlib only).

Usage: check.py [LABELS] [ARTICLES_JSONL]  (defaults: this folder's term-pairs.jsonl and
../shared/datasets/framing-allsides/articles.jsonl beside the repository)."""
import json, re, sys, collections, unicodedata
import os
HERE = os.path.dirname(os.path.abspath(__file__))
D = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '../../../shared/datasets/framing-allsides/articles.jsonl')
LBL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'term-pairs.jsonl')
CLASSES = {'person', 'group', 'organisation', 'place', 'event', 'policy', 'action', 'thing'}
DETS = {'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our'}

sys.path.insert(0, HERE)
from allsides import load, text  # noqa: E402

arts, order = load(D)

def bad_edge(ch):
    return ch.isspace() or unicodedata.category(ch).startswith('P')

def norm(s):
    toks = re.findall(r"\w+", s.lower())
    toks = [t for t in toks if t not in DETS]
    out = []
    for t in toks:
        if t.endswith('s') and len(t) > 3:
            t = t[:-1]
        out.append(t)
    return ' '.join(out)

errors = []
def err(msg):
    errors.append(msg)

labelled = []
nstory_pairs = 0
by_class = collections.Counter()
npairs = 0
for ln, line in enumerate(open(LBL, encoding='utf-8'), 1):
    r = json.loads(line)
    st = r.get('story')
    if st not in order:
        err(f'line {ln}: unknown story {st}'); continue
    if st in labelled:
        err(f'line {ln}: story {st} labelled twice')
    labelled.append(st)
    pairs = r.get('pairs')
    if not isinstance(pairs, list):
        err(f'line {ln}: pairs not a list'); continue
    if pairs:
        nstory_pairs += 1
    seen = set()
    for k, p in enumerate(pairs):
        where = f'story {st} pair {k}'
        if p.get('referent') not in CLASSES:
            err(f'{where}: bad referent {p.get("referent")!r}')
        spans = []
        for side in ('a', 'b'):
            s = p.get(side) or {}
            a = arts.get((st, s.get('article')))
            if a is None:
                err(f'{where}.{side}: article not in story'); break
            t = text(a, s.get('part'))
            if t is None:
                err(f'{where}.{side}: bad part {s.get("part")!r}'); break
            b, e = s.get('start'), s.get('end')
            if not (isinstance(b, int) and isinstance(e, int) and 0 <= b < e <= len(t)):
                err(f'{where}.{side}: bad offsets {b},{e} (len {len(t)})'); break
            span = t[b:e]
            if bad_edge(span[0]) or bad_edge(span[-1]):
                err(f'{where}.{side}: span starts/ends on space or punctuation')
            if (b > 0 and t[b-1].isalnum()) or (e < len(t) and t[e].isalnum()):
                err(f'{where}.{side}: span cuts a word')
            spans.append((a, span))
        else:
            (aa, sa), (ab, sb) = spans
            if aa['outlet'] == ab['outlet'] or aa['url'] == ab['url']:
                err(f'{where}: both spans in the same outlet')
            if norm(sa) == norm(sb):
                err(f'{where}: wording does not differ')
            key = tuple(sorted([json.dumps(p['a'], sort_keys=True), json.dumps(p['b'], sort_keys=True)]))
            if key in seen:
                err(f'{where}: duplicate pair')
            seen.add(key)
            npairs += 1
            by_class[p['referent']] += 1

# file-order check: labelled stories must be a prefix of the file order
if labelled != order[:len(labelled)]:
    err('stories are not the first N stories in file order')

for e in errors:
    print('ERROR', e)
print(f'stories labelled: {len(labelled)}')
print(f'stories with pairs: {nstory_pairs}  (empty: {len(labelled) - nstory_pairs})')
print(f'pairs: {npairs}')
for c in sorted(CLASSES):
    print(f'  {c:13s} {by_class[c]}')
print('OK' if not errors else f'{len(errors)} error(s)')
sys.exit(1 if errors else 0)
