#!/usr/bin/env python3
"""Validate bias-spans.jsonl against the AllSides framing dataset (stdlib only).

Usage: check_bias.py [LABELS] [ARTICLES_JSONL]  (defaults: this folder's bias-spans.jsonl and
../shared/datasets/framing-allsides/articles.jsonl beside the repository).

Checks (see BIAS-GUIDELINES.md): stories exist and are the first N stories of the file in
order of first appearance; each span's article is a line of its story, its part is "title"
or a paragraph index, its offsets are in range with start < end; lexical spans neither start
nor end on whitespace/punctuation, nor cut a word; informational spans do not start on
whitespace/punctuation (they may end on punctuation); cue values are allowed; a lexical span
other than a scare_quote does not lie inside a quotation of its part; no duplicate spans.
Prints counts. Only this report shows dataset text; the label file holds offsets only."""
import json, sys, os, collections, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LBL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'bias-spans.jsonl')
D = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '../../../shared/datasets/framing-allsides/articles.jsonl')
CUES = ('label', 'evaluative', 'intensifier', 'verb', 'doubt', 'scare_quote')
QUOTE_CHARS = '“”"‘’\''

sys.path.insert(0, HERE)
from allsides import load, text  # noqa: E402

arts, order = load(D)


def is_punct(ch):
    return unicodedata.category(ch).startswith('P')


def bad_edge(ch):
    return ch.isspace() or is_punct(ch)


def quote_regions(t):
    """Half-open [b, e) intervals of text between opening and closing double quotes.

    Curly quotes pair “ with the next ”; straight quotes toggle. An opening mark that
    is never closed in the part extends the region to the end of the part (quotations
    running over several paragraphs leave the closing mark out)."""
    regions = []
    i, n = 0, len(t)
    while i < n:
        ch = t[i]
        if ch == '“':
            j = t.find('”', i + 1)
            nxt = t.find('“', i + 1)
            if j < 0:
                regions.append((i + 1, n)); break
            if 0 <= nxt < j:          # a new opening before the close: unclosed quote
                regions.append((i + 1, nxt)); i = nxt; continue
            regions.append((i + 1, j)); i = j + 1; continue
        if ch == '"':
            j = t.find('"', i + 1)
            if j < 0:
                regions.append((i + 1, n)); break
            regions.append((i + 1, j)); i = j + 1; continue
        i += 1
    return regions


errors = []


def err(msg):
    errors.append(msg)


labelled = []
by_cue = collections.Counter()
n_info = 0
n_empty = 0
lex_texts = collections.Counter()
for ln, line in enumerate(open(LBL, encoding='utf-8'), 1):
    line = line.strip()
    if not line:
        continue
    try:
        r = json.loads(line)
    except ValueError as e:
        err(f'line {ln}: bad JSON ({e})'); continue
    st = r.get('story')
    if st not in order:
        err(f'line {ln}: unknown story {st!r}'); continue
    if st in labelled:
        err(f'line {ln}: story {st} labelled twice')
    labelled.append(st)
    extra = set(r) - {'story', 'lexical', 'informational'}
    if extra:
        err(f'line {ln}: unexpected keys {sorted(extra)}')
    lex, inf = r.get('lexical'), r.get('informational')
    if not isinstance(lex, list) or not isinstance(inf, list):
        err(f'line {ln}: lexical/informational must be lists'); continue
    if not lex and not inf:
        n_empty += 1
    seen = set()
    for kind, spans in (('lexical', lex), ('informational', inf)):
        for k, s in enumerate(spans):
            where = f'story {st} {kind}[{k}]'
            if not isinstance(s, dict):
                err(f'{where}: not an object'); continue
            allowed = {'article', 'part', 'start', 'end'} | ({'cue'} if kind == 'lexical' else set())
            if set(s) != allowed:
                err(f'{where}: keys {sorted(s)} != {sorted(allowed)}'); continue
            a = arts.get((st, s['article'])) if isinstance(s['article'], int) else None
            if a is None:
                err(f'{where}: article {s["article"]!r} is not a line of story {st}'); continue
            t = text(a, s['part'])
            if t is None:
                err(f'{where}: bad part {s["part"]!r}'); continue
            b, e = s['start'], s['end']
            if not (isinstance(b, int) and isinstance(e, int) and not isinstance(b, bool)
                    and not isinstance(e, bool) and 0 <= b < e <= len(t)):
                err(f'{where}: bad offsets {b!r},{e!r} (len {len(t)})'); continue
            span = t[b:e]
            if bad_edge(span[0]):
                err(f'{where}: span starts on space or punctuation')
            if kind == 'lexical':
                cue = s['cue']
                if cue not in CUES:
                    err(f'{where}: bad cue {cue!r}')
                if bad_edge(span[-1]):
                    err(f'{where}: span ends on space or punctuation')
                if (b > 0 and t[b - 1].isalnum()) or (e < len(t) and t[e].isalnum()):
                    err(f'{where}: span cuts a word')
                if cue == 'scare_quote':
                    k = e
                    while k < len(t) and t[k] in '.,;:!?':   # “word,” keeps the comma inside
                        k += 1
                    if not (b > 0 and t[b - 1] in QUOTE_CHARS and k < len(t) and t[k] in QUOTE_CHARS):
                        err(f'{where}: scare_quote not enclosed by quotation marks')
                else:
                    for qb, qe in quote_regions(t):
                        if b >= qb and e <= qe:
                            err(f'{where}: {cue} span lies inside a quotation'); break
                by_cue[cue] += 1
                lex_texts[span.lower()] += 1
            else:
                if span[-1].isspace():
                    err(f'{where}: span ends on whitespace')
                n_info += 1
            key = (kind, s['article'], s['part'], b, e)
            if key in seen:
                err(f'{where}: duplicate span')
            seen.add(key)

if labelled != order[:len(labelled)]:
    err('stories are not the first N stories in file order (none skipped)')

for e in errors:
    print('ERROR', e)
print(f'stories labelled: {len(labelled)}  (with no span: {n_empty})')
print(f'lexical spans: {sum(by_cue.values())}')
for c in CUES:
    print(f'  {c:12s} {by_cue[c]}')
print(f'informational spans: {n_info}')
print('most frequent lexical span texts:')
for w, c in lex_texts.most_common(30):
    print(f'  {c:4d}  {w}')
print(f'{len(errors)} problem(s)' if errors else '0 problems')
sys.exit(1 if errors else 0)
